"""Pausing a case's clock while the council waits for the citizen (``awaiting_citizen``).

The pauses are derived from the case's ``status_changed`` history, never stored: entering
``awaiting_citizen`` starts one, leaving it ends it. A pause still running has no end.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

PAUSED_STATUS = "awaiting_citizen"


@dataclass(frozen=True)
class Pause:
    start: datetime
    end: datetime | None  # None: still paused

    def until(self, now: datetime) -> datetime:
        return self.end if self.end is not None else max(now, self.start)


def pauses(changes: Iterable[tuple[datetime, str | None, str | None]]) -> list[Pause]:
    """The pauses of a case from its status changes ``(at, old, new)``, in any order; a change
    that repeats the state it is in (two devices offline) neither starts nor ends one."""
    return [Pause(start, end) for start, end in spans(changes)]


Moment = TypeVar("Moment", datetime, int)  # an aware datetime, or UTC ms (a bulk recompute)


def spans(
    changes: Iterable[tuple[Moment, str | None, str | None]],
) -> list[tuple[Moment, Moment | None]]:
    """``pauses`` as (start, end) pairs of whatever the changes are timed in."""
    out: list[tuple[Moment, Moment | None]] = []
    started: Moment | None = None
    for at, _old, new in sorted(changes, key=lambda c: c[0]):
        if new == PAUSED_STATUS:
            if started is None:
                started = at
        elif started is not None:
            out.append((started, at))
            started = None
    if started is not None:
        out.append((started, None))
    return out


def paused_time(found: Iterable[Pause], now: datetime) -> timedelta:
    """How long the clock has stood still, in all (a running pause up to ``now``)."""
    return sum((p.until(now) - p.start for p in found), timedelta())


def is_paused(found: list[Pause]) -> bool:
    return bool(found) and found[-1].end is None


def describe(paused: timedelta) -> tuple[int, int, int]:
    """(days, hours, minutes) of a paused time, for a label such as "2 days 3 h"."""
    minutes = int(paused.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    return days, rest // 60, rest % 60
