"""The live workshop: ipywidgets forms that capture the journey and the plan in front of the
client (:mod:`widgets`)."""
