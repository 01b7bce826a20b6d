"""Calendar months in Europe/London, and which month a stored UTC time falls in.

Stored times are ISO 8601 text in one fixed form (``2026-03-31T23:30:00.000Z``), which sorts as
time does, so a month is found by comparing text with each month's first instant in UTC: no
parsing per case, which is what keeps a million cases fast.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from caseworker.timeutil import LONDON, to_iso

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def next(self) -> "Month":
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    def start_utc(self) -> datetime:
        """The first instant of the month in London, in UTC."""
        return datetime(self.year, self.month, 1, tzinfo=LONDON).astimezone(UTC)


def parse_month(text: str) -> Month:
    found = _MONTH.match(text)
    if found is None or not 1900 <= int(found.group(1)) <= 2999:
        raise ValueError(f"expected a month as YYYY-MM, not {text!r}")
    return Month(int(found.group(1)), int(found.group(2)))


def month_of(moment: datetime) -> Month:
    local = moment.astimezone(LONDON)
    return Month(local.year, local.month)


def months_between(first: Month, last: Month) -> list[Month]:
    """Every month from ``first`` to ``last``, both included (none if ``last`` is earlier)."""
    months: list[Month] = []
    current = first
    while current <= last:
        months.append(current)
        current = current.next()
    return months


class MonthFinder:
    """The month (of ``months``, consecutive) a stored UTC time falls in, as ``YYYY-MM``, or
    None outside them. London is never behind UTC, so a time in UTC month M is in London month
    M, or M+1 once London's M+1 has begun: one dictionary look-up and one text comparison."""

    def __init__(self, months: list[Month]) -> None:
        self.months = months
        self._inside = {str(m) for m in months}
        self._next: dict[str, tuple[str, str]] = {}  # UTC month -> (when London's next begins, it)
        if months:
            before = (
                Month(months[0].year - 1, 12)
                if months[0].month == 1
                else Month(months[0].year, months[0].month - 1)
            )
            for month in (before, *months):
                following = month.next()
                self._next[str(month)] = (to_iso(following.start_utc()), str(following))

    def find(self, stored: str) -> str | None:
        """``stored`` must be in the canonical text form (figures.canonical)."""
        utc_month = stored[:7]
        entry = self._next.get(utc_month)
        if entry is None:
            return None
        month = entry[1] if stored >= entry[0] else utc_month
        return month if month in self._inside else None
