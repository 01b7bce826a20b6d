"""Statutory deadlines: subject access requests (UK GDPR, as the ICO reads it) and Freedom of
Information requests. Both are dates; the case is due by the end of that day (local time).

- Subject access: one calendar month from the day of receipt, to the corresponding date, or the
  month's last day where there is none (31 January -> 28 or 29 February); a deadline on a
  weekend or a bank holiday of the council's nation moves to the next working day. Extendable
  to three months from receipt, by the same rules, if the requester is told within the first.
- FOI: the twentieth working day after receipt (the day of receipt is day 0), where a working
  day is any weekday that is not a bank holiday in any part of the UK.

Statutory working days are the law's (weekdays that are not bank holidays), not the council's
opening hours: a council closure day does not stop a statutory clock.
"""

import calendar
from collections.abc import Set
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from caseworker.clocks.calendar import SEARCH_DAYS, CalendarError
from caseworker.timeutil import LONDON

FOI_WORKING_DAYS = 20
SAR_MONTHS = 1
SAR_EXTENDED_MONTHS = 3


def add_months(day: date, months: int) -> date:
    """The corresponding date ``months`` later, or that month's last day where there is none."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def is_statutory_working_day(day: date, holidays: Set[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def on_or_after_working_day(day: date, holidays: Set[date]) -> date:
    for n in range(SEARCH_DAYS):
        later = day + timedelta(days=n)
        if is_statutory_working_day(later, holidays):
            return later
    raise CalendarError(f"no working day within ten years of {day.isoformat()}")


def subject_access_due(received: date, nation_holidays: Set[date], extended: bool = False) -> date:
    """The last day to answer a subject access request received on ``received``."""
    months = SAR_EXTENDED_MONTHS if extended else SAR_MONTHS
    return on_or_after_working_day(add_months(received, months), nation_holidays)


def foi_due(received: date, uk_holidays: Set[date], working_days: int = FOI_WORKING_DAYS) -> date:
    """The last day to answer an FOI request received on ``received`` (``uk_holidays``: a bank
    holiday anywhere in the UK)."""
    day, counted = received, 0
    for _ in range(working_days * 7 + SEARCH_DAYS):
        day += timedelta(days=1)
        if is_statutory_working_day(day, uk_holidays):
            counted += 1
            if counted == working_days:
                return day
    raise CalendarError(f"no {working_days} working days after {received.isoformat()}")


def end_of_day(day: date, zone: ZoneInfo = LONDON) -> datetime:
    """The last millisecond of a local day (a deadline date's end), aware."""
    return datetime.combine(day, time(23, 59, 59, 999_000), tzinfo=zone)
