"""The steering-committee deck: an editable PowerPoint of the mission, made from a run's results."""
