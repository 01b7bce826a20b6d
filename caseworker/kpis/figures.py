"""Counting: per service, month and channel, the cases received and resolved, on time or not.

Definitions (docs/open-data.md says them for the public):
- *received* in a month: the case was opened in it;
- *resolved* in a month: its ``resolved_at`` is in it (a reopened case has none until it is
  resolved again; one closed without being resolved is not resolved);
- *within target*: resolved no later than its ``due_at`` (the clocks keep ``due_at`` right);
- *days to resolve*: from opening to resolution, in days, for the cases resolved in the month.

Only the service code, channel and three times of each case are read: no other column can
reach a publication.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.kpis.months import Month, MonthFinder
from caseworker.timeutil import to_iso

OTHER = "other"  # a channel this build does not know (a newer peer's): counted, never named
CHANNELS: tuple[str, ...] = (*vocab.CHANNELS, OTHER)
_KNOWN = frozenset(vocab.CHANNELS)
_DAY = 86_400.0
_BATCH = 20_000


@dataclass
class Tally:
    """One channel's (or all channels') figures for one service and month."""

    received: int = 0
    resolved: int = 0
    within: int = 0
    days: list[float] = field(default_factory=list)  # days to resolve, one per resolved case

    def add(self, other: "Tally") -> None:
        self.received += other.received
        self.resolved += other.resolved
        self.within += other.within
        self.days.extend(other.days)


Key = tuple[str, str]  # (service code, month as YYYY-MM)


@dataclass
class Figures:
    """Tallies per (service code, month), each by channel; ``skipped`` cases had a time this
    build could not read (kept out, counted so the command can say so)."""

    months: list[Month]
    by_key: dict[Key, dict[str, Tally]]
    skipped: int = 0

    def channels(self, key: Key) -> dict[str, Tally]:
        return self.by_key.get(key, {})


def canonical(stored: str | None) -> str | None:
    """A stored time in the one text form that sorts as time (a peer may have written
    ``+01:00`` rather than ``Z``); None when it is missing or unreadable."""
    if stored is None:
        return None
    if len(stored) == 24 and stored[10] == "T" and stored[23] == "Z":
        return stored
    try:
        moment = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    except (ValueError, TypeError, AttributeError):
        return None
    return to_iso(moment) if moment.tzinfo is not None else None


def _days(opened: str, resolved: str) -> float:
    try:
        start = datetime.fromisoformat(opened.replace("Z", "+00:00"))
        end = datetime.fromisoformat(resolved.replace("Z", "+00:00"))
    except ValueError:  # text in the right shape that is no time ("2026-13-99..."): no wait
        return 0.0
    return max(0.0, (end - start).total_seconds() / _DAY)


_QUERY = (
    "SELECT service_code, channel, opened_at, resolved_at, due_at FROM cases "
    "WHERE opened_at >= ? OR resolved_at >= ?"
)


def _rows(session: Session, low: str) -> Iterator[Sequence[Any]]:
    """Batches of raw rows, the times as the stored text. The DB-API cursor itself: a million
    rows through SQLAlchemy's row objects took twice as long."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_QUERY, (low, low))
        while batch := cursor.fetchmany(_BATCH):
            yield batch
    finally:
        cursor.close()


def count(session: Session, months: list[Month]) -> Figures:
    """The figures for ``months`` (consecutive, oldest first) from every case in the store."""
    if not months:
        return Figures(months, {}, 0)
    finder = MonthFinder(months)
    find = finder.find
    flat: dict[tuple[str, str, str], Tally] = {}
    skipped = 0
    # A day early: the text comparison is only a pre-filter, and covers any zone offset a peer
    # wrote its times in (each is put in canonical form below).
    low = to_iso(months[0].start_utc() - timedelta(days=1))
    for batch in _rows(session, low):
        for service, channel, opened_raw, resolved_raw, due_raw in batch:
            opened = canonical(opened_raw)
            if opened is None:
                skipped += 1
                continue
            if channel not in _KNOWN:
                channel = OTHER
            received_in = find(opened)
            if received_in is not None:
                key = (service, received_in, channel)
                tally = flat.get(key)
                if tally is None:
                    tally = flat[key] = Tally()
                tally.received += 1
            resolved = canonical(resolved_raw)
            if resolved is None:
                continue
            resolved_in = find(resolved)
            if resolved_in is None:
                continue
            key = (service, resolved_in, channel)
            tally = flat.get(key)
            if tally is None:
                tally = flat[key] = Tally()
            tally.resolved += 1
            due = canonical(due_raw)
            if due is not None and resolved <= due:
                tally.within += 1
            tally.days.append(_days(opened, resolved))
    by_key: dict[Key, dict[str, Tally]] = defaultdict(dict)
    for (service, month, channel), tally in flat.items():
        by_key[(service, month)][channel] = tally
    return Figures(months, dict(by_key), skipped)


def total(tallies: Iterable[Tally]) -> Tally:
    whole = Tally()
    for tally in tallies:
        whole.add(tally)
    return whole
