"""Working time on plain datetimes: Monday to Friday, 09:00 to 17:00, UK local time.

A stand-in for the business calendar (bank holidays, council closures, per-council hours) that
the service-level clocks library provides; escalation rules ("4 working hours before the due
time") only need to step back and forward through working hours, so this is the one seam:
swap these two functions for the calendar's once it exists.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/London")
DAY_START = time(9)
DAY_END = time(17)
MAX_HOURS = 2000  # a lead longer than this is nobody's working practice (about a year)


def _working_day(day: date) -> bool:
    return day.weekday() < 5


def _at(day: date, moment: time) -> datetime:
    # No clock change happens between 09:00 and 17:00, so wall-clock arithmetic within a
    # working day is exact.
    return datetime.combine(day, moment, tzinfo=LOCAL)


def working_hours_before(moment: datetime, hours: int) -> datetime:
    """The instant ``hours`` working hours before ``moment`` (UTC)."""
    left = timedelta(hours=min(max(hours, 0), MAX_HOURS))
    if not left:
        return moment.astimezone(UTC)
    local = moment.astimezone(LOCAL)
    day, cursor = local.date(), local
    while True:
        if _working_day(day):
            end = min(cursor, _at(day, DAY_END)) if cursor.date() == day else _at(day, DAY_END)
            start = _at(day, DAY_START)
            if end > start:
                available = end - start
                if available >= left:
                    return (end - left).astimezone(UTC)
                left -= available
        day -= timedelta(days=1)


def working_hours_after(moment: datetime, hours: int) -> datetime:
    """The instant ``hours`` working hours after ``moment`` (UTC)."""
    left = timedelta(hours=min(max(hours, 0), MAX_HOURS))
    if not left:
        return moment.astimezone(UTC)
    local = moment.astimezone(LOCAL)
    day, cursor = local.date(), local
    while True:
        if _working_day(day):
            opens = _at(day, DAY_START)
            start = max(cursor, opens) if cursor.date() == day else opens
            end = _at(day, DAY_END)
            if end > start:
                available = end - start
                if available >= left:
                    return (start + left).astimezone(UTC)
                left -= available
        day += timedelta(days=1)
