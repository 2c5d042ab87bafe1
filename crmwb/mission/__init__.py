"""The mission's history: a client's runs, the committees they were presented to, what moved
between two of them, and what is cleared away at the end of the mission."""
