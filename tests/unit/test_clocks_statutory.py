"""Statutory deadlines: subject access (ICO: a calendar month to the corresponding date, the
month's last day where there is none, then the next working day in the council's nation;
three months when extended) and FOI (20 working days, a bank holiday anywhere in the UK is not
one, the day of receipt is day 0)."""

from datetime import date

import pytest

from caseworker.clocks import bank_holidays as bh
from caseworker.clocks.statutory import add_months, end_of_day, foi_due, subject_access_due

EW = bh.dates(bh.bundled(), bh.ENGLAND_AND_WALES)
SCOT = bh.dates(bh.bundled(), bh.SCOTLAND)
NI = bh.dates(bh.bundled(), bh.NORTHERN_IRELAND)
UK = bh.any_uk(bh.bundled())


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 1, date(2024, 3, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 9, 3), 1, date(2025, 10, 3)),
    ],
)
def test_a_month_later_is_the_corresponding_date_or_the_months_last_day(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_sar_from_31_january_in_a_common_year_is_due_28_february() -> None:
    assert subject_access_due(date(2025, 1, 31), EW) == date(2025, 2, 28)  # a Friday


def test_sar_from_31_january_in_a_leap_year_is_due_29_february() -> None:
    assert subject_access_due(date(2024, 1, 31), EW) == date(2024, 2, 29)  # a Thursday


def test_sar_whose_last_day_is_a_saturday_moves_to_monday() -> None:
    # 31 January 2026 -> 28 February 2026, a Saturday -> Monday 2 March.
    assert subject_access_due(date(2026, 1, 31), EW) == date(2026, 3, 2)


def test_sar_from_29_february_moves_past_easter_where_easter_monday_is_a_holiday() -> None:
    # 29 March 2024 was Good Friday; Easter Monday is a bank holiday in England and Wales and
    # Northern Ireland, not in Scotland.
    assert subject_access_due(date(2024, 2, 29), EW) == date(2024, 4, 2)
    assert subject_access_due(date(2024, 2, 29), NI) == date(2024, 4, 2)
    assert subject_access_due(date(2024, 2, 29), SCOT) == date(2024, 4, 1)


def test_sar_on_st_andrews_day_moves_in_scotland_only() -> None:
    assert subject_access_due(date(2026, 10, 30), SCOT) == date(2026, 12, 1)
    assert subject_access_due(date(2026, 10, 30), EW) == date(2026, 11, 30)


def test_a_request_received_on_a_sunday_counts_from_that_day() -> None:
    assert subject_access_due(date(2026, 3, 8), EW) == date(2026, 4, 8)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2025, 1, 31), date(2025, 4, 30)),
        (date(2024, 1, 31), date(2024, 4, 30)),
        (date(2024, 2, 29), date(2024, 5, 29)),
        (date(2025, 11, 30), date(2026, 3, 2)),  # 28 February 2026 is a Saturday
        (date(2026, 2, 4), date(2026, 5, 5)),  # 4 May 2026: early May bank holiday
    ],
)
def test_an_extended_sar_is_three_months_from_receipt_by_the_same_rules(
    received: date, expected: date
) -> None:
    assert subject_access_due(received, EW, extended=True) == expected


def test_foi_is_the_twentieth_working_day_counting_receipt_as_day_0() -> None:
    # Friday 6 March 2026: St Patrick's Day (17 March, Northern Ireland's), Good Friday and
    # Easter Monday are not working days.
    assert foi_due(date(2026, 3, 6), UK) == date(2026, 4, 8)
    # Received on the Saturday: day 1 is still Monday 9 March.
    assert foi_due(date(2026, 3, 7), UK) == date(2026, 4, 8)
    assert foi_due(date(2026, 3, 6), EW) == date(2026, 4, 7)


def test_foi_across_a_scottish_only_holiday_skips_it_for_every_council() -> None:
    # St Andrew's Day (Monday 30 November 2026) is not a working day for FOI anywhere.
    assert foi_due(date(2026, 11, 16), UK) == date(2026, 12, 15)
    assert foi_due(date(2026, 11, 16), EW) == date(2026, 12, 14)  # were it England's alone


def test_foi_across_new_year_skips_scotlands_2_january_substitute() -> None:
    # 2 January 2027 is a Saturday: Scotland's holiday is Monday 4 January.
    assert foi_due(date(2026, 12, 7), UK) == date(2027, 1, 8)


def test_foi_across_the_battle_of_the_boyne() -> None:
    # Monday 13 July 2026 (Northern Ireland only) is not an FOI working day.
    assert foi_due(date(2026, 7, 1), UK) == date(2026, 7, 30)
    assert foi_due(date(2026, 7, 1), EW) == date(2026, 7, 29)


def test_a_deadline_ends_at_the_end_of_its_local_day() -> None:
    end = end_of_day(date(2026, 7, 30))
    assert (end.hour, end.minute, end.second) == (23, 59, 59)
    assert end.utcoffset() is not None and end.utcoffset().total_seconds() == 3600  # BST
