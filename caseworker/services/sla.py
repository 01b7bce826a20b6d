"""Service-level state of a case: is it on time, nearly due, late, or was it met or breached.

A pure function of times and status, shared by the window (countdown colours), the CLI and the
dashboards, so everyone agrees on when a case "turns amber".
"""

from datetime import datetime, timedelta
from typing import Literal

from caseworker import vocab

SlaState = Literal["ok", "due_soon", "overdue", "met", "breached"]

# An open case turns amber when less than this share of its allowed time is left ...
DUE_SOON_SHARE = 0.25
# ... or, when the opening time is unknown, within this long of its due time.
DUE_SOON_WITHIN = timedelta(hours=24)
# Never amber earlier than this before the due time, however long the allowed time.
DUE_SOON_MIN = timedelta(hours=1)


def due_soon_window(due_at: datetime, opened_at: datetime | None = None) -> timedelta:
    """How long before its due time an open case counts as due soon."""
    if opened_at is None or opened_at >= due_at:
        return DUE_SOON_WITHIN
    return max(DUE_SOON_MIN, (due_at - opened_at) * DUE_SOON_SHARE)


def sla_state(
    due_at: datetime,
    now: datetime,
    status: str,
    *,
    opened_at: datetime | None = None,
    finished_at: datetime | None = None,
) -> SlaState:
    """``ok``/``due_soon``/``overdue`` for an open case; ``met``/``breached`` for a finished one.

    A finished case (resolved or closed) is judged by when it was finished (``finished_at``,
    else ``now``); a case is on time up to and including its due instant.
    """
    if status not in vocab.OPEN_STATUSES:
        done = finished_at or now
        return "met" if done <= due_at else "breached"
    if now > due_at:
        return "overdue"
    if due_at - now <= due_soon_window(due_at, opened_at):
        return "due_soon"
    return "ok"


def time_left(due_at: datetime, now: datetime) -> timedelta:
    """Time until the due instant; negative once it has passed."""
    return due_at - now
