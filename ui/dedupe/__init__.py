"""Reviewing likely duplicate citizens: the list, and a pair side by side (supervisors)."""
