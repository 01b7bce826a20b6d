"""The board's periods: the end of today, the age bands, the last weeks. Days and weeks are
the council's (Europe/London): "today" ends at midnight in London, weeks start on Monday
00:00 in London, whatever the laptop's own time zone or the clocks going back."""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from caseworker.timeutil import LONDON

WEEKS = 12  # the trend
RECENT = timedelta(days=28)  # channel mix, first-contact resolution, median time to resolve
FIRST_CONTACT_WITHIN = timedelta(hours=24)
_MS = timedelta(milliseconds=1)


@dataclass(frozen=True)
class AgeBand:
    key: str  # "0-2", "3-7", "8-30", "31-90", "91+": the UI words them
    low_days: int
    high_days: int | None  # inclusive; None: no upper end


AGE_BANDS = (
    AgeBand("0-2", 0, 2),
    AgeBand("3-7", 3, 7),
    AgeBand("8-30", 8, 30),
    AgeBand("31-90", 31, 90),
    AgeBand("91+", 91, None),
)


def opened_range(band: AgeBand, now: datetime) -> tuple[datetime | None, datetime | None]:
    """[from, before) of opening times whose age (whole 24-hour days before now) is in the band:
    a case opened exactly three days ago is 3 days old. Times are kept to the millisecond, so
    [a + 1 ms, b + 1 ms) is (a, b]. The youngest band has no lower end (a clock a little ahead
    still counts as new)."""
    start = None if band.high_days is None else now - timedelta(days=band.high_days + 1) + _MS
    before = None if band.low_days == 0 else now - timedelta(days=band.low_days) + _MS
    return start, before


def end_of_today(now: datetime) -> datetime:
    """The next midnight in London, in UTC."""
    local = now.astimezone(LONDON)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=LONDON)
    return midnight.astimezone(UTC)


def week_starts(now: datetime, weeks: int = WEEKS) -> list[datetime]:
    """The Mondays (00:00 London, in UTC) starting the last ``weeks`` weeks, this week last,
    followed by the start of next week (so week i is [starts[i], starts[i + 1]))."""
    local = now.astimezone(LONDON).date()
    monday = local - timedelta(days=local.weekday())
    days = [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks + 1)]
    return [datetime.combine(day, time(), tzinfo=LONDON).astimezone(UTC) for day in days]
