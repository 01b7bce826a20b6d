"""The case status workflow: which status may follow which.

A pure table, so the UI can offer only the allowed transitions and the services can refuse
the rest with the same answer. A closed case only reopens. Closing straight from new, triaged or
awaiting the citizen is for a duplicate, a withdrawn request or no reply; like every end it
needs an outcome (``caseworker.services.outcomes``), and the window asks for it and a comment.
"""

from caseworker.errors import TransitionError

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("triaged", "assigned", "in_progress", "resolved", "closed"),
    "triaged": ("assigned", "in_progress", "awaiting_citizen", "resolved", "closed"),
    "assigned": ("in_progress", "awaiting_citizen", "triaged", "resolved"),
    "in_progress": ("awaiting_citizen", "assigned", "resolved"),
    "awaiting_citizen": ("in_progress", "resolved", "closed"),
    "resolved": ("closed", "reopened"),
    "closed": ("reopened",),
    "reopened": ("triaged", "assigned", "in_progress", "resolved"),
}


def allowed_next(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def check_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS:
        raise TransitionError(f"unknown case status {target!r}")
    if target not in allowed_next(current):
        options = ", ".join(allowed_next(current)) or "none"
        raise TransitionError(
            f"a case that is {current} cannot move to {target} (allowed: {options})"
        )


def path_to(target: str, start: str = "new") -> list[str]:
    """Shortest sequence of statuses from start to target (for building realistic history)."""
    frontier = [[start]]
    seen = {start}
    while frontier:
        path = frontier.pop(0)
        if path[-1] == target:
            return path[1:]
        for nxt in allowed_next(path[-1]):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append([*path, nxt])
    raise TransitionError(f"no way from {start} to {target}")
