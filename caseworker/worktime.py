"""Working hours before and after an instant, on the council's business calendar.

Escalation rules ("4 working hours before the due time") step back and forward through
working time: the council's hours per weekday, less its nation's bank holidays and its closure
days (``caseworker.clocks``). Without a calendar (the central worker before it has read the
council's), the default one: Monday to Friday, 09:00 to 17:00, England and Wales.
"""

from datetime import UTC, date, datetime, timedelta
from functools import cache

from caseworker.clocks import bank_holidays, council
from caseworker.clocks.calendar import SEARCH_DAYS, CalendarError, WorkingCalendar

MAX_HOURS = 2000  # a lead longer than this is nobody's working practice (about a year)


@cache
def default_calendar() -> WorkingCalendar:
    return council.build(None, bank_holidays.bundled()).working


def _lead(hours: int) -> timedelta:
    return timedelta(hours=min(max(hours, 0), MAX_HOURS))


def _local(day: date, minutes: int, cal: WorkingCalendar) -> datetime:
    """A time of a local day as UTC ("24:00" is the next midnight)."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=cal.zone)
    return (midnight + timedelta(minutes=minutes)).astimezone(UTC)


def working_hours_before(
    moment: datetime, hours: int, calendar: WorkingCalendar | None = None
) -> datetime:
    """The latest instant with ``hours`` working hours between it and ``moment`` (UTC)."""
    cal = calendar or default_calendar()
    left, moment = _lead(hours), moment.astimezone(UTC)
    if not left:
        return moment
    first = day = moment.astimezone(cal.zone).date()
    while (first - day).days <= SEARCH_DAYS:
        for start_min, end_min in reversed(cal.hours_on(day)):
            # In UTC, so a span across a clock change is as long as it really is.
            start, end = _local(day, start_min, cal), min(_local(day, end_min, cal), moment)
            if end > start:
                if end - start >= left:
                    return end - left
                left -= end - start
        day -= timedelta(days=1)
    raise CalendarError(f"no working time in the {SEARCH_DAYS // 366} years before {first}")


def working_hours_after(
    moment: datetime, hours: int, calendar: WorkingCalendar | None = None
) -> datetime:
    """The instant by which ``hours`` working hours have passed since ``moment`` (UTC)."""
    cal = calendar or default_calendar()
    return cal.add_working(moment.astimezone(UTC), _lead(hours)).astimezone(UTC)
