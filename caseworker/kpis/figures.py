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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.kpis.months import Month, MonthFinder, iso_text

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


Key = tuple[str, Month]  # (service code, month)


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
    except ValueError:
        return None
    return iso_text(moment) if moment.tzinfo is not None else None


def _days(opened: str, resolved: str) -> float:
    start = datetime.fromisoformat(opened.replace("Z", "+00:00"))
    end = datetime.fromisoformat(resolved.replace("Z", "+00:00"))
    return max(0.0, (end - start).total_seconds() / _DAY)


def _rows(session: Session, finder: MonthFinder) -> Iterator[tuple[str, str, str, str, str]]:
    # Plain SQL so the times come back as the stored text (no datetime per row). The range test
    # on text is only a pre-filter: each time is put in canonical form below.
    query = text(
        "SELECT service_code, channel, opened_at, resolved_at, due_at FROM cases "
        "WHERE opened_at >= :low OR resolved_at >= :low"
    )
    # A day early covers any zone offset a peer wrote its times in.
    low = iso_text(finder.months[0].start_utc() - timedelta(days=1))
    result = session.execute(query.execution_options(yield_per=_BATCH), {"low": low})
    for row in result:
        yield row[0], row[1], row[2], row[3], row[4]


def count(session: Session, months: list[Month]) -> Figures:
    """The figures for ``months`` (consecutive, oldest first) from every case in the store."""
    finder = MonthFinder(months)
    by_key: dict[Key, dict[str, Tally]] = defaultdict(dict)
    skipped = 0
    if not months:
        return Figures(months, {}, 0)
    for service, channel, opened_raw, resolved_raw, due_raw in _rows(session, finder):
        opened = canonical(opened_raw)
        if opened is None:
            skipped += 1
            continue
        channel = channel if channel in _KNOWN else OTHER
        received_in = finder.find(opened)
        if received_in is not None:
            _tally(by_key, service, received_in, channel).received += 1
        resolved = canonical(resolved_raw)
        resolved_in = finder.find(resolved)
        if resolved is None or resolved_in is None:
            continue
        tally = _tally(by_key, service, resolved_in, channel)
        tally.resolved += 1
        due = canonical(due_raw)
        if due is not None and resolved <= due:
            tally.within += 1
        tally.days.append(_days(opened, resolved))
    return Figures(months, dict(by_key), skipped)


def _tally(by_key: dict[Key, dict[str, Tally]], service: str, month: Month, channel: str) -> Tally:
    channels = by_key[(service, month)]
    found = channels.get(channel)
    if found is None:
        found = channels[channel] = Tally()
    return found


def total(tallies: Iterable[Tally]) -> Tally:
    whole = Tally()
    for tally in tallies:
        whole.add(tally)
    return whole
