"""What has come in and gone out: backlog by age, channel mix, the weekly trend, first-contact
resolution and the median time to resolve.

Each is range counts or one range read on the board's indexes (migration 0012):
``(status, opened_at)`` for the backlog, ``(channel, opened_at)`` for what was opened, and
``(resolved_at, opened_at, id)`` for what was resolved, so a million cases are not scanned.
"""

import bisect
import statistics
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from caseworker.board.filters import OPEN, CaseFilter
from caseworker.board.periods import AGE_BANDS, FIRST_CONTACT_WITHIN, RECENT, opened_range
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
    resolved: int  # in the period
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
_RESOLVED = f"SELECT resolved_at, {_DAYS} FROM cases WHERE resolved_at >= :lo"
# The first-contact condition of filters.first_contact_condition, for two periods in one pass
# (the drill-down lists each with that condition; the tests hold the two to the same cases).
_FIRST_CONTACT = text(
    "SELECT count(*), coalesce(sum(resolved_at >= :mid), 0) FROM cases"
    " WHERE resolved_at >= :lo AND julianday(resolved_at) - julianday(opened_at) <= :within"
    " AND (SELECT count(*) FROM interactions WHERE interactions.case_id = cases.id) <= 1"
)


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def resolved(
    session: Session, now: datetime, weeks: list[datetime]
) -> tuple[Resolution, Resolution, list[tuple[int, float | None]]]:
    """Resolution over the last 28 days and the 28 days before (the trend), and per week of
    ``weeks`` how many were resolved and their median days.

    One read of the resolved cases' times from the ``(resolved_at, opened_at, id)`` index,
    sorted out here: fewer passes than counting and sorting each period in SQL."""
    mid, lo = now - RECENT, now - 2 * RECENT
    edges = [to_iso(t) for t in weeks]
    mid_iso, lo_iso = to_iso(mid), to_iso(lo)
    per_week: list[list[float]] = [[] for _ in range(len(weeks) - 1)]
    per_week_n = [0] * (len(weeks) - 1)
    latest: list[float] = []
    before: list[float] = []
    n_latest = n_before = 0
    # Tens of thousands of rows: read on the driver's own cursor, twice as fast as through
    # SQLAlchemy's result rows (in the session's transaction all the same).
    cursor = session.connection().connection.cursor()
    try:
        rows = cursor.execute(_RESOLVED, {"lo": min(edges[0], lo_iso)}).fetchall()
    finally:
        cursor.close()
    for at, days in rows:
        if at >= mid_iso:
            n_latest += 1
            bucket = latest
        elif at >= lo_iso:
            n_before += 1
            bucket = before
        else:
            bucket = None
        if bucket is not None and days is not None:  # no time SQLite can read: counted only
            bucket.append(days)
        i = bisect.bisect_right(edges, at) - 1
        if 0 <= i < len(per_week):
            per_week_n[i] += 1
            if days is not None:
                per_week[i].append(days)
    within = FIRST_CONTACT_WITHIN.total_seconds() / 86_400
    both, first_latest = session.execute(
        _FIRST_CONTACT, {"lo": lo_iso, "mid": mid_iso, "within": within}
    ).one()

    def period(
        start: datetime, end: datetime | None, n: int, first: int, days: list[float]
    ) -> Resolution:
        return Resolution(
            resolved=n,
            first_contact=first,
            median_days=_median(days),
            resolved_filter=CaseFilter(resolved_from=start, resolved_before=end),
            first_contact_filter=CaseFilter(
                resolved_from=start, resolved_before=end, first_contact=True
            ),
        )

    weekly = [(n, _median(d)) for n, d in zip(per_week_n, per_week, strict=True)]
    return (
        period(mid, None, n_latest, int(first_latest), latest),
        period(lo, mid, n_before, int(both) - int(first_latest), before),
        weekly,
    )
