"""A business calendar and working-time arithmetic, DST-correct.

Working hours are local (Europe/London) per weekday; a day is not worked when it has no hours,
is a bank holiday of the council's nation or a council closure day. Instants are UTC. The
working intervals are laid out in UTC milliseconds, with the working time before each, so
adding working time or measuring it is two binary searches, whatever the distance.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from caseworker.errors import ValidationError
from caseworker.timeutil import LONDON

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MS = timedelta(milliseconds=1)
DAY_MINUTES = 24 * 60
# How far the arithmetic looks for working time before it gives up: a calendar closed for
# longer than this is refused rather than searched for ever.
SEARCH_DAYS = 3_660
_BLOCK_DAYS = 400  # the index grows by about a year at a time
_ORIGIN = 1_577_836_800_000  # 2020-01-01T00:00Z: working time is counted from here


class CalendarError(ValidationError):
    """A calendar the arithmetic cannot use (no working time at all, hours that make no sense)."""


_Index = tuple[int, int, list[int], list[int], list[int], list[int]]
Hours = tuple[tuple[int, int], ...]  # (start, end) minutes of the local day, sorted, disjoint


def to_ms(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: working-time arithmetic needs an aware instant")
    return (moment - EPOCH) // MS


def from_ms(ms: int) -> datetime:
    return EPOCH + ms * MS


_EPOCH_ORDINAL = EPOCH.date().toordinal()
_DAY_MS = 86_400_000
_ORIGIN_DAY = _EPOCH_ORDINAL + _ORIGIN // _DAY_MS


def utc_ordinal(ms: int) -> int:
    """The ordinal of the UTC date of an instant."""
    return _EPOCH_ORDINAL + ms // _DAY_MS


_iso_days: dict[int, str] = {}
_iso_times: list[str] = []  # second of the day -> "HH:MM:SS."
_iso_millis = tuple(f"{m:03d}Z" for m in range(1000))


def iso_ms(ms: int) -> str:
    """``caseworker.timeutil.to_iso(from_ms(ms))``, several times faster (a bulk recompute
    writes two for every open case): days and times of day come from tables."""
    day, rest = divmod(ms, _DAY_MS)
    text = _iso_days.get(day)
    if text is None:
        if len(_iso_days) > 100_000:
            _iso_days.clear()
        text = _iso_days[day] = date.fromordinal(_EPOCH_ORDINAL + day).isoformat() + "T"
    if not _iso_times:  # joined from parts: formatting each of 86,400 took a tenth of a second
        minutes_of_day = [f"{h:02d}:{m:02d}:" for h in range(24) for m in range(60)]
        seconds_ = [f"{s:02d}." for s in range(60)]
        _iso_times.extend([hm + s for hm in minutes_of_day for s in seconds_])
    seconds, milli = divmod(rest, 1000)
    return text + _iso_times[seconds] + _iso_millis[milli]


_day_ms: dict[str, int] = {}


def parse_ms(text: str) -> int:
    """UTC milliseconds of an ISO 8601 time as documents carry them (``...T12:34:56.789Z``),
    quickly; any other ISO form with a zone through ``datetime.fromisoformat``."""
    if len(text) == 24 and text[10] == "T" and text[19] == "." and text[23] == "Z":
        day = _day_ms.get(text[:10])
        if day is None:
            if len(_day_ms) > 100_000:
                _day_ms.clear()
            day = _day_ms[text[:10]] = to_ms(datetime.fromisoformat(text[:10] + "T00:00+00:00"))
        try:
            h, m, s, milli = int(text[11:13]), int(text[14:16]), int(text[17:19]), int(text[20:23])
        except ValueError:
            pass
        else:
            if h < 24 and m < 60 and s < 60 and text[13] == text[16] == ":":
                return day + ((h * 60 + m) * 60 + s) * 1000 + milli
    moment = datetime.fromisoformat(text)
    return to_ms(moment)


def normalise_hours(spans: Iterable[tuple[int, int]]) -> Hours:
    """One day's working spans, sorted, overlapping or touching ones joined; a span that ends
    before it starts, or outside the day, is refused."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if not (0 <= start < end <= DAY_MINUTES):
            raise CalendarError(f"working hours {_hhmm(start)}-{_hhmm(end)} are not a span")
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((a, b) for a, b in out)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class WorkingCalendar:
    """Working hours per weekday (0 = Monday), days off (bank holidays, closures), a zone."""

    def __init__(
        self,
        weekly: Mapping[int, Iterable[tuple[int, int]]],
        days_off: Iterable[date] = (),
        zone: ZoneInfo = LONDON,
    ) -> None:
        self.weekly: tuple[Hours, ...] = tuple(normalise_hours(weekly.get(d, ())) for d in range(7))
        if not any(self.weekly):
            raise CalendarError("the calendar has no working hours on any day of the week")
        self.days_off = frozenset(days_off)
        self.zone = zone
        # The first and last day indexed (ordinals; none yet), the working intervals in UTC ms
        # (starts, ends), and the working ms before each and up to its end (from _ORIGIN).
        # Replaced whole and read once per question: a thread that grows it never leaves
        # another with a half-built or mismatched index.
        self._index: _Index = (0, -1, [], [], [], [])

    # -- days ------------------------------------------------------------------------------------

    def hours_on(self, day: date) -> Hours:
        return () if day in self.days_off else self.weekly[day.weekday()]

    def is_working_day(self, day: date) -> bool:
        return bool(self.hours_on(day))

    def next_working_day(self, day: date) -> date:
        """The first working day after ``day``."""
        for n in range(1, SEARCH_DAYS + 1):
            later = day + timedelta(days=n)
            if self.is_working_day(later):
                return later
        raise self._no_working_time(day)

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``day`` itself is day 0)."""
        if n < 0:
            raise ValueError("working days are added forwards only")
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def end_of_working_day(self, day: date) -> datetime:
        """When the last working span of a working day ends (UTC)."""
        hours = self.hours_on(day)
        if not hours:
            raise CalendarError(f"{day.isoformat()} is not a working day")
        return from_ms(self._local_ms(day, hours[-1][1]))

    def _no_working_time(self, day: date) -> CalendarError:
        return CalendarError(
            f"the calendar has no working time within {SEARCH_DAYS // 366} years of "
            f"{day.isoformat()}: check its working hours and closure days"
        )

    # -- working time ----------------------------------------------------------------------------

    def working_between(self, start: datetime, end: datetime) -> timedelta:
        """The working time from ``start`` to ``end`` (negative when ``end`` is earlier)."""
        return self.working_ms_between(to_ms(start), to_ms(end)) * MS

    def add_working(self, start: datetime, working: timedelta) -> datetime:
        """The instant at which ``working`` time has been worked from ``start``. Adding
        nothing gives ``start`` back, even outside working hours."""
        return from_ms(self.add_working_ms(to_ms(start), working // MS))

    def working_ms_between(self, start: int, end: int) -> int:
        if end < start:
            return -self.working_ms_between(end, start)
        return self.worked_at(end) - self.worked_at(start)

    def add_working_ms(self, start: int, working: int) -> int:
        if working < 0:
            raise ValueError("working time is added forwards only")
        if working == 0:
            return start
        return self.at_worked(self.worked_at(start) + working, start)

    def laid_out(self) -> "_Index":
        """The index as it stands (first and last day, starts, ends, working ms before each
        and up to its end): a bulk recompute searches it itself, and asks ``worked_at`` or
        ``at_worked`` for what it does not cover yet."""
        return self._index

    def at_worked(self, target: int, start: int) -> int:
        """The first instant by which ``target`` (a ``worked_at`` figure beyond ``start``'s) has
        been worked."""
        start_day = utc_ordinal(start)
        index = self._index
        while True:
            _first, last, starts, _ends, before, upto = index
            i = bisect_left(upto, target)
            if i < len(upto):
                return starts[i] + (target - before[i])
            had = upto[-1] if upto else 0
            index = self._build(index[0], last + _BLOCK_DAYS)
            gained = (index[5][-1] if index[5] else 0) > had
            if not gained and index[1] - start_day > SEARCH_DAYS:
                raise self._no_working_time(date.fromordinal(start_day))

    def worked_at(self, ms: int) -> int:
        """Working ms from a fixed instant (``_ORIGIN``) to ``ms``, negative before it: two
        figures subtracted give the working time between, whenever each was read."""
        day = _EPOCH_ORDINAL + ms // _DAY_MS
        index = self._index
        if not (index[0] < day < index[1]):
            index = self._cover(index, day)
        _first, _last, starts, ends, before, _upto = index
        i = bisect_right(starts, ms) - 1
        if i < 0:
            return before[0] if before else 0
        return before[i] + min(ms, ends[i]) - starts[i]

    def _cover(self, index: "_Index", day: int) -> "_Index":
        # A day either side: a local day starts up to a few hours off its UTC date. The index
        # always holds the origin, so that what is counted from it never shifts.
        low = min(day - 1, _ORIGIN_DAY - 1)
        first, last = index[0], index[1]
        if last < 0:
            return self._build(low, day + _BLOCK_DAYS)
        return self._build(min(first, low), max(last, day + _BLOCK_DAYS))

    def _build(self, first: int, last: int) -> "_Index":
        starts: list[int] = []
        ends: list[int] = []
        for ordinal in range(first, last + 1):
            day = date.fromordinal(ordinal)
            for a, b in self.hours_on(day):
                s, e = self._local_ms(day, a), self._local_ms(day, b)
                if e > s:  # a span inside a clock change's missing hour is no time at all
                    if starts and s < ends[-1]:
                        s = ends[-1]
                    if e > s:
                        starts.append(s)
                        ends.append(e)
        # Counted from a fixed instant, not from the first day indexed: a figure read before
        # the index grew (either way) stays comparable with one read after.
        k = bisect_right(starts, _ORIGIN) - 1
        total = 0
        for s, e in zip(starts[: max(k, 0)], ends[: max(k, 0)], strict=True):
            total -= e - s
        if k >= 0:
            total -= min(_ORIGIN, ends[k]) - starts[k]
        before, upto = [], []
        for s, e in zip(starts, ends, strict=True):
            before.append(total)
            total += e - s
            upto.append(total)
        index: _Index = (first, last, starts, ends, before, upto)
        self._index = index
        return index

    def _local_ms(self, day: date, minutes: int) -> int:
        """A local wall-clock time on ``day`` (1440: the next midnight) as UTC milliseconds; the
        zone's offset at that hour applies (a time in the spring gap takes the winter one)."""
        if minutes == DAY_MINUTES:
            day, minutes = day + timedelta(days=1), 0
        h, m = divmod(minutes, 60)
        return to_ms(datetime(day.year, day.month, day.day, h, m, tzinfo=self.zone))


def weekly_from_text(
    days: Mapping[int, Sequence[tuple[str, str]]],
) -> dict[int, list[tuple[int, int]]]:
    """``{0: [("09:00", "17:00")]}`` -> minutes (``"24:00"`` is the end of the day)."""
    return {d: [(minutes(a), minutes(b)) for a, b in spans] for d, spans in days.items()}


def minutes(text: str) -> int:
    """``"HH:MM"`` -> minutes since midnight (00:00 to 24:00)."""
    if len(text) != 5 or text[2] != ":" or not (text[:2] + text[3:]).isdigit():
        raise CalendarError(f"not a time of day (HH:MM): {text[:20]!r}")
    h, m = int(text[:2]), int(text[3:])
    if m > 59 or h > 24 or (h == 24 and m):
        raise CalendarError(f"not a time of day (HH:MM): {text!r}")
    return h * 60 + m
