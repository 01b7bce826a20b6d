"""What has come in and gone out: backlog by age, channel mix, the weekly trend, first-contact
resolution and the median time to resolve.

Each is range counts or one range read on the board's indexes (migration 0012):
``(status, opened_at)`` for the backlog, ``(channel, opened_at)`` for what was opened, and
``(resolved_at, opened_at, id)`` for what was resolved, so a million cases are not scanned.
"""

import itertools
import statistics
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from caseworker.board.filters import OPEN, CaseFilter, count_cases
from caseworker.board.periods import AGE_BANDS, RECENT, opened_range
from caseworker.timeutil import to_iso

_OPEN_SQL = "(" + ", ".join(f"'{status}'" for status in OPEN) + ")"  # constants, not input


@dataclass(frozen=True)
class Bar:
    key: str  # an age band, a channel
    value: int
    filter: CaseFilter


@dataclass(frozen=True)
class Week:
    start: datetime
    opened: int
    resolved: int
    median_days: float | None  # of the cases resolved that week
    opened_filter: CaseFilter
    resolved_filter: CaseFilter


@dataclass(frozen=True)
class Resolution:
    resolved: int  # in the last 28 days
    first_contact: int
    median_days: float | None
    resolved_filter: CaseFilter
    first_contact_filter: CaseFilter

    @property
    def first_contact_share(self) -> float | None:
        return self.first_contact / self.resolved if self.resolved else None


def backlog(session: Session, now: datetime) -> list[Bar]:
    filters = []
    parts = []
    params: dict[str, str] = {}
    for i, band in enumerate(AGE_BANDS):
        start, before = opened_range(band, now)
        sql = f"SELECT count(*) FROM cases WHERE status IN {_OPEN_SQL}"
        if start is not None:
            sql += f" AND opened_at >= :a{i}"
            params[f"a{i}"] = to_iso(start)
        if before is not None:
            sql += f" AND opened_at < :b{i}"
            params[f"b{i}"] = to_iso(before)
        parts.append(f"({sql})")
        filters.append(CaseFilter(open_only=True, opened_from=start, opened_before=before))
    row = session.execute(text("SELECT " + ", ".join(parts)), params).one()
    return [Bar(b.key, int(n), f) for b, n, f in zip(AGE_BANDS, row, filters, strict=True)]


def opened(session: Session, now: datetime, weeks: list[datetime]) -> tuple[list[Bar], list[int]]:
    """Cases opened in the last 28 days by channel (most first), and per week of ``weeks``."""
    recent = now - RECENT
    bounds = [recent, *weeks]
    params = {f"t{i}": to_iso(t) for i, t in enumerate(bounds)}
    per_week = ", ".join(
        f"(SELECT count(*) FROM cases WHERE channel = k.v AND opened_at >= :t{i}"
        f" AND opened_at < :t{i + 1})"
        for i in range(1, len(bounds) - 1)
    )
    sql = (
        "WITH RECURSIVE k(v) AS ("
        " SELECT (SELECT min(channel) FROM cases)"
        " UNION ALL SELECT (SELECT min(channel) FROM cases WHERE channel > k.v)"
        "  FROM k WHERE k.v IS NOT NULL)"
        " SELECT v, (SELECT count(*) FROM cases WHERE channel = k.v AND opened_at >= :t0), "
        f"{per_week} FROM k WHERE v IS NOT NULL"
    )
    bars = []
    totals = [0] * (len(weeks) - 1)
    for channel, recent_n, *counts in session.execute(text(sql), params):
        if recent_n:
            bars.append(Bar(channel, recent_n, CaseFilter(channel=channel, opened_from=recent)))
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    return sorted(bars, key=lambda b: (-b.value, b.key)), totals


_DAYS = "max(0.0, julianday(resolved_at) - julianday(opened_at))"  # never negative


def _statements(upper: bool) -> tuple[TextClause, TextClause]:
    # Two forms, not ":hi IS NULL OR ...": an OR would stop SQLite bounding the index range.
    where = "resolved_at >= :lo" + (" AND resolved_at < :hi" if upper else "")
    count = text(f"SELECT count(*) FROM cases WHERE {where}")
    middle = text(
        f"SELECT {_DAYS} AS d FROM cases WHERE {where} AND d IS NOT NULL "
        "ORDER BY d LIMIT :n OFFSET :skip"
    )
    return count, middle


_BOUNDED, _OPEN_ENDED = _statements(upper=True), _statements(upper=False)


def _count_and_median(
    session: Session, lo: datetime, hi: datetime | None
) -> tuple[int, float | None]:
    """How many cases were resolved in [lo, hi), and the median of their days to resolve.
    SQLite sorts each week's few thousand and hands back the middle one or two, rather than
    every row coming to Python (three times slower on a million cases)."""
    bounds = {"lo": to_iso(lo)} | ({"hi": to_iso(hi)} if hi else {})
    count, middle_of = _BOUNDED if hi else _OPEN_ENDED
    n = int(session.execute(count, bounds).scalar_one())
    if not n:
        return 0, None
    middle = session.execute(middle_of, {**bounds, "n": 2 - n % 2, "skip": (n - 1) // 2})
    values = [float(days) for (days,) in middle]
    return n, statistics.fmean(values) if values else None


def resolution(session: Session, lo: datetime, hi: datetime | None) -> Resolution:
    """First-contact resolution and the median time to resolve of the cases resolved in
    [lo, hi) (hi None: up to now and any clock ahead of it)."""
    n, median = _count_and_median(session, lo, hi)
    first = CaseFilter(resolved_from=lo, resolved_before=hi, first_contact=True)
    return Resolution(
        resolved=n,
        first_contact=count_cases(session, first) if n else 0,
        median_days=median,
        resolved_filter=CaseFilter(resolved_from=lo, resolved_before=hi),
        first_contact_filter=first,
    )


def resolved(
    session: Session, now: datetime, weeks: list[datetime]
) -> tuple[Resolution, Resolution, list[tuple[int, float | None]]]:
    """Resolution over the last 28 days and the 28 days before (the trend), and per week of
    ``weeks`` how many were resolved and their median days."""
    latest = resolution(session, now - RECENT, None)
    before = resolution(session, now - 2 * RECENT, now - RECENT)
    weekly = [_count_and_median(session, lo, hi) for lo, hi in itertools.pairwise(weeks)]
    return latest, before, weekly
