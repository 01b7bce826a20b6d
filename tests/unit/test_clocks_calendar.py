"""Working-time arithmetic under a business calendar: weekends, every nation's bank holidays,
closure days, days without hours, clock changes, and calendars that are hostile."""

import time as clock
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker.clocks import bank_holidays as bh
from caseworker.clocks.calendar import (
    LONDON,
    CalendarError,
    WorkingCalendar,
    iso_ms,
    minutes,
    normalise_hours,
    parse_ms,
    to_ms,
    weekly_from_text,
)
from caseworker.timeutil import to_iso

OFFICE = weekly_from_text({d: [("09:00", "17:00")] for d in range(5)})
H = timedelta(hours=1)


def nation(division: str) -> WorkingCalendar:
    return WorkingCalendar(OFFICE, bh.dates(bh.bundled(), division))


def local(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=LONDON)


EW = nation(bh.ENGLAND_AND_WALES)
SCOT = nation(bh.SCOTLAND)
NI = nation(bh.NORTHERN_IRELAND)


def test_friday_afternoon_plus_working_hours_lands_on_monday() -> None:
    # Friday 6 March 2026, 16:00: one hour left that day, then Monday.
    assert EW.add_working(local(2026, 3, 6, 16), 3 * H) == local(2026, 3, 9, 11)
    assert EW.working_between(local(2026, 3, 6, 16), local(2026, 3, 9, 11)) == 3 * H


def test_a_case_opened_at_the_weekend_starts_its_clock_on_monday_morning() -> None:
    assert EW.add_working(local(2026, 3, 7, 12), H) == local(2026, 3, 9, 10)
    assert EW.working_between(local(2026, 3, 7), local(2026, 3, 9)) == timedelta()


def test_adding_nothing_is_the_same_instant_even_out_of_hours() -> None:
    at = local(2026, 3, 7, 3, 33)
    assert EW.add_working(at, timedelta()) == at


def test_an_instant_at_the_end_of_a_day_is_not_carried_into_the_next() -> None:
    assert EW.add_working(local(2026, 3, 9, 9), 8 * H) == local(2026, 3, 9, 17)


@pytest.mark.parametrize(
    ("cal", "holiday"),
    [
        (EW, date(2026, 4, 6)),  # Easter Monday
        (EW, date(2026, 8, 31)),  # summer bank holiday, last Monday of August
        (SCOT, date(2026, 1, 2)),  # 2 January
        (SCOT, date(2026, 11, 30)),  # St Andrew's Day
        (SCOT, date(2026, 8, 3)),  # Scotland's summer bank holiday, first Monday
        (NI, date(2026, 3, 17)),  # St Patrick's Day
        (NI, date(2026, 7, 13)),  # Battle of the Boyne (substitute for Sunday 12th)
        (EW, date(2026, 12, 28)),  # Boxing Day's substitute
    ],
)
def test_each_nations_bank_holidays_are_not_worked(cal: WorkingCalendar, holiday: date) -> None:
    assert not cal.is_working_day(holiday)
    before = datetime.combine(holiday - timedelta(days=1), datetime.min.time(), LONDON)
    start = before.replace(hour=16)
    # An hour on the day before, then the next working day after the holiday.
    landed = cal.add_working(start, 2 * H)
    assert landed.astimezone(LONDON).date() == cal.next_working_day(holiday - timedelta(days=1))
    assert landed.astimezone(LONDON).date() > holiday


def test_the_nations_differ_where_the_law_does() -> None:
    assert EW.is_working_day(date(2026, 1, 2)) and not SCOT.is_working_day(date(2026, 1, 2))
    assert SCOT.is_working_day(date(2026, 4, 6)) and not EW.is_working_day(date(2026, 4, 6))
    assert EW.is_working_day(date(2026, 11, 30)) and NI.is_working_day(date(2026, 11, 30))
    assert EW.is_working_day(date(2026, 7, 13)) and not NI.is_working_day(date(2026, 7, 13))
    assert SCOT.is_working_day(date(2026, 8, 31)) and not EW.is_working_day(date(2026, 8, 31))


def test_christmas_week_with_closure_days() -> None:
    closed = {date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)}
    cal = WorkingCalendar(OFFICE, bh.dates(bh.bundled(), bh.ENGLAND_AND_WALES) | closed)
    # Thursday 24 December 16:00 + 2 h: Christmas, Boxing Day (Monday 28th), three closure
    # days, New Year's Day: Monday 4 January 2027, 10:00.
    assert cal.add_working(local(2026, 12, 24, 16), 2 * H) == local(2027, 1, 4, 10)
    assert cal.next_working_day(date(2026, 12, 24)) == date(2027, 1, 4)


def test_a_day_with_no_working_hours_is_skipped() -> None:
    cal = WorkingCalendar(weekly_from_text({0: [("09:00", "17:00")], 2: [("09:00", "12:00")]}))
    assert not cal.is_working_day(date(2026, 3, 10))  # Tuesday: no hours
    assert cal.add_working(local(2026, 3, 9, 16), 2 * H) == local(2026, 3, 11, 10)
    assert cal.add_working(local(2026, 3, 11, 11), 2 * H) == local(2026, 3, 16, 10)


def test_split_shifts_leave_the_gap_unworked() -> None:
    cal = WorkingCalendar(weekly_from_text({0: [("09:00", "12:30"), ("13:30", "17:00")]}))
    assert cal.add_working(local(2026, 3, 9, 12), H) == local(2026, 3, 9, 14)
    assert cal.working_between(local(2026, 3, 9, 12), local(2026, 3, 9, 14)) == H


def test_working_hours_keep_to_local_time_across_the_clock_changes() -> None:
    # Friday 27 March 2026 16:00 GMT + 2 h: Monday 30 March 10:00 BST, which is 09:00 UTC.
    landed = EW.add_working(local(2026, 3, 27, 16), 2 * H)
    assert landed == local(2026, 3, 30, 10)
    assert landed.astimezone(UTC) == datetime(2026, 3, 30, 9, tzinfo=UTC)
    # And back in October: Friday 23rd 16:00 BST + 2 h = Monday 26th 10:00 GMT (10:00 UTC).
    assert EW.add_working(local(2026, 10, 23, 16), 2 * H).astimezone(UTC) == datetime(
        2026, 10, 26, 10, tzinfo=UTC
    )


def test_a_round_the_clock_service_has_a_23_and_a_25_hour_day() -> None:
    always = WorkingCalendar(weekly_from_text({d: [("00:00", "24:00")] for d in range(7)}))
    assert always.working_between(local(2026, 3, 29), local(2026, 3, 30)) == 23 * H
    assert always.working_between(local(2026, 10, 25), local(2026, 10, 26)) == 25 * H
    assert always.add_working(local(2026, 3, 29), 24 * H) == local(2026, 3, 30, 1)


def test_hours_inside_the_missing_spring_hour_are_no_time() -> None:
    night = WorkingCalendar(weekly_from_text({6: [("01:00", "02:00")], 0: [("09:00", "10:00")]}))
    # Sunday 29 March 2026 01:00-02:00 does not exist in London: straight to Monday.
    assert night.add_working(local(2026, 3, 28, 12), 30 * timedelta(minutes=1)) == local(
        2026, 3, 30, 9, 30
    )


def test_measuring_backwards_is_negative() -> None:
    assert EW.working_between(local(2026, 3, 10, 10), local(2026, 3, 9, 10)) == -8 * H


def test_measuring_far_back_and_far_ahead_stays_consistent() -> None:
    a, b = local(2026, 6, 1, 10), local(2026, 6, 3, 10)
    assert EW.working_between(a, b) == 16 * H
    EW.working_between(local(1995, 1, 1), local(2040, 1, 1))  # the index grows both ways
    assert EW.working_between(a, b) == 16 * H


@pytest.mark.parametrize("year", [2019, 2026, 2031, 1990])
def test_a_fresh_calendar_measures_the_same_whichever_end_it_reads_first(year: int) -> None:
    # The index grows to cover each end as it is read: figures read before it grew must
    # still be comparable with those read after.
    a, b = local(year, 6, 4, 10), local(year, 6, 6, 10)
    while a.weekday() != 1:  # a Tuesday, so both ends are on weekdays
        a, b = a + timedelta(days=1), b + timedelta(days=1)
    assert WorkingCalendar(OFFICE).working_between(a, b) == 16 * H
    assert WorkingCalendar(OFFICE).working_between(b, a) == -16 * H
    cal = WorkingCalendar(OFFICE)
    assert cal.add_working(a, 16 * H) == b
    assert cal.working_between(local(year - 30, 1, 1), b) > cal.working_between(a, b)
    assert cal.working_between(a, b) == 16 * H


def test_overlapping_and_touching_hours_are_joined_not_counted_twice() -> None:
    assert normalise_hours([(600, 720), (540, 660), (720, 780)]) == ((540, 780),)
    cal = WorkingCalendar({0: [(540, 780), (600, 720)]})
    assert cal.working_between(local(2026, 3, 9), local(2026, 3, 10)) == 4 * H


@pytest.mark.parametrize("spans", [[(600, 540)], [(540, 540)], [(-1, 60)], [(0, 1441)]])
def test_hours_that_are_not_a_span_are_refused(spans: list[tuple[int, int]]) -> None:
    with pytest.raises(CalendarError, match="not a span"):
        WorkingCalendar({0: spans})


@pytest.mark.parametrize("text", ["9:00", "25:00", "24:01", "12:60", "ab:cd", "", "09:00:00"])
def test_times_of_day_that_are_not_are_refused(text: str) -> None:
    with pytest.raises(CalendarError):
        minutes(text)


def test_a_calendar_with_no_working_hours_at_all_is_refused_clearly() -> None:
    with pytest.raises(CalendarError, match="no working hours"):
        WorkingCalendar({})
    with pytest.raises(CalendarError, match="no working hours"):
        WorkingCalendar({d: [] for d in range(7)})


def test_a_calendar_closed_for_ever_is_refused_rather_than_searched_for_ever() -> None:
    start = date(2026, 1, 1)
    closed = [start + timedelta(days=n) for n in range(100_000)]  # some 274 years
    made = clock.perf_counter()
    cal = WorkingCalendar(OFFICE, closed)
    with pytest.raises(CalendarError, match="no working time within"):
        cal.add_working(local(2026, 3, 9, 10), H)
    with pytest.raises(CalendarError, match="no working time within"):
        cal.next_working_day(date(2026, 3, 9))
    assert clock.perf_counter() - made < 10  # refused, not crawled through


def test_a_closure_list_of_100000_days_elsewhere_costs_little() -> None:
    closed = [date(1800, 1, 1) + timedelta(days=n) for n in range(100_000)]  # ends in 2073
    closed = [d for d in closed if d.year != 2026]
    cal = WorkingCalendar(OFFICE, closed)
    made = clock.perf_counter()
    assert cal.add_working(local(2026, 3, 6, 16), 3 * H) == local(2026, 3, 9, 11)
    assert clock.perf_counter() - made < 2


instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2034, 12, 31), timezones=st.just(UTC)
).map(lambda t: t.replace(microsecond=t.microsecond // 1000 * 1000))
spans = st.integers(min_value=0, max_value=400 * 3600 * 1000).map(
    lambda ms: ms * timedelta(milliseconds=1)
)
calendars = st.sampled_from((EW, SCOT, NI, WorkingCalendar({4: [(0, 1440)], 6: [(60, 150)]})))


@settings(max_examples=300, deadline=None)
@given(calendars, instants, spans)
def test_adding_working_time_then_measuring_it_gives_back_what_was_added(
    cal: WorkingCalendar, start: datetime, working: timedelta
) -> None:
    end = cal.add_working(start, working)
    assert end >= start
    assert cal.working_between(start, end) == working


@settings(max_examples=300, deadline=None)
@given(calendars, instants, spans, spans)
def test_working_time_is_monotonic_and_adds_up(
    cal: WorkingCalendar, start: datetime, a: timedelta, b: timedelta
) -> None:
    first = cal.add_working(start, min(a, b))
    second = cal.add_working(start, max(a, b))
    assert first <= second
    assert cal.add_working(cal.add_working(start, a), b) == cal.add_working(start, a + b)


@settings(max_examples=200, deadline=None)
@given(calendars, instants, instants, instants)
def test_measured_working_time_is_additive_and_never_more_than_elapsed(
    cal: WorkingCalendar, a: datetime, b: datetime, c: datetime
) -> None:
    a, b, c = sorted((a, b, c))
    assert cal.working_between(a, c) == cal.working_between(a, b) + cal.working_between(b, c)
    assert timedelta() <= cal.working_between(a, c) <= c - a


@settings(max_examples=500, deadline=None)
@given(instants)
def test_the_fast_time_text_is_the_documents_own(moment: datetime) -> None:
    ms = to_ms(moment)
    assert iso_ms(ms) == to_iso(moment)
    assert parse_ms(to_iso(moment)) == ms
    assert parse_ms(moment.astimezone(LONDON).isoformat()) == ms  # another ISO form


@pytest.mark.parametrize(
    "text",
    [
        "2026-13-01T00:00:00.000Z",
        "2026-01-01T25:00:00.000Z",
        "2026-01-01T10:61:00.000Z",
        "2026-01-01T10:00:00",
    ],
)
def test_times_that_are_not_are_not_read_as_times(text: str) -> None:
    with pytest.raises(ValueError):
        parse_ms(text)


def test_threads_sharing_a_fresh_calendar_all_get_the_right_answers() -> None:
    import random
    from concurrent.futures import ThreadPoolExecutor

    rng = random.Random(7)
    pairs = []
    for _ in range(400):
        a = datetime(2021, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(8_000_000))
        pairs.append((a, a + timedelta(minutes=rng.randrange(200_000))))
    reference = WorkingCalendar(OFFICE)
    expected = [reference.working_between(a, b) for a, b in pairs]
    shared = WorkingCalendar(OFFICE)  # grows its index under the threads' feet
    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(lambda p: shared.working_between(*p), pairs))
    assert found == expected
