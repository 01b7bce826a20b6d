"""The bundled bank holidays are GOV.UK's: its shape, and its published days for 2025 and 2026
in every nation (written out here from gov.uk/bank-holidays, not from the generator)."""

import json
from datetime import date
from importlib import resources

import pytest

from caseworker.clocks import bank_holidays as bh


def days(*text: str) -> set[date]:
    return {date.fromisoformat(t) for t in text}


GOVUK = {
    (bh.ENGLAND_AND_WALES, 2025): days(
        "2025-01-01",
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
    ),
    (bh.ENGLAND_AND_WALES, 2026): days(
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
    ),
    # 2 January, St Andrew's Day (30 November 2025 was a Sunday: Monday 1 December), no
    # Easter Monday, the first Monday of August; 15 June 2026 by royal proclamation.
    (bh.SCOTLAND, 2025): days(
        "2025-01-01",
        "2025-01-02",
        "2025-04-18",
        "2025-05-05",
        "2025-05-26",
        "2025-08-04",
        "2025-12-01",
        "2025-12-25",
        "2025-12-26",
    ),
    (bh.SCOTLAND, 2026): days(
        "2026-01-01",
        "2026-01-02",
        "2026-04-03",
        "2026-05-04",
        "2026-05-25",
        "2026-06-15",
        "2026-08-03",
        "2026-11-30",
        "2026-12-25",
        "2026-12-28",
    ),
    # St Patrick's Day; the Battle of the Boyne (12 July: a Saturday in 2025, a Sunday in 2026).
    (bh.NORTHERN_IRELAND, 2025): days(
        "2025-01-01",
        "2025-03-17",
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-07-14",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
    ),
    (bh.NORTHERN_IRELAND, 2026): days(
        "2026-01-01",
        "2026-03-17",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-07-13",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
    ),
}


@pytest.mark.parametrize(("division", "year"), sorted(GOVUK))
def test_the_bundled_days_are_govuks_published_ones(division: str, year: int) -> None:
    found = {d for d in bh.dates(bh.bundled(), division) if d.year == year}
    assert found == GOVUK[division, year]


def test_the_bundled_file_is_exactly_govuks_shape_and_covers_the_years_ahead() -> None:
    text = resources.files("caseworker.data").joinpath("bank-holidays.json").read_text("utf-8")
    data = json.loads(text)
    assert list(data) == list(bh.DIVISIONS)
    for division, entry in data.items():
        assert entry["division"] == division
        for event in entry["events"]:
            assert set(event) == {"title", "date", "notes", "bunting"}
            assert date.fromisoformat(event["date"]).weekday() < 5  # listed on weekdays only
    assert bh.years_covered(bh.bundled()) == (2020, 2035)
    assert bh.loads(bh.dumps(bh.bundled())) == bh.bundled()


def test_a_division_lists_every_day_once_and_in_order() -> None:
    for division in bh.DIVISIONS:
        listed = [h.day for h in bh.bundled()[division]]
        assert listed == sorted(set(listed))


def test_any_uk_holiday_is_the_union_of_the_nations() -> None:
    uk = bh.any_uk(bh.bundled())
    assert date(2026, 11, 30) in uk  # Scotland only
    assert date(2026, 7, 13) in uk  # Northern Ireland only
    assert date(2026, 4, 6) in uk  # not Scotland
    assert date(2026, 6, 16) not in uk


def test_newer_wins_per_division_and_year_and_nothing_else_moves() -> None:
    newer: bh.Divisions = {
        bh.ENGLAND_AND_WALES: (bh.Holiday(date(2026, 9, 19), "A royal occasion"),),
        bh.SCOTLAND: (),
        bh.NORTHERN_IRELAND: (),
    }
    merged = bh.merge(bh.bundled(), newer)
    ew = bh.dates(merged, bh.ENGLAND_AND_WALES)
    assert {d for d in ew if d.year == 2026} == {date(2026, 9, 19)}
    assert {d for d in ew if d.year == 2025} == GOVUK[bh.ENGLAND_AND_WALES, 2025]
    assert merged[bh.SCOTLAND] == bh.bundled()[bh.SCOTLAND]


@pytest.mark.parametrize(
    "text",
    [b"", b"nul", b"[" * 100_000, b'"text"', b"{}", '{"sc\u00f6tland": 1}'.encode()],
    ids=["empty", "not-json", "deep", "string", "empty-object", "unknown-key"],
)
def test_anything_but_govuks_shape_is_refused_in_one_line(text: bytes) -> None:
    with pytest.raises(bh.BankHolidayError) as caught:
        bh.loads(text)
    assert "\n" not in str(caught.value)


def test_too_many_events_are_refused() -> None:
    events = [
        {
            "title": "x",
            "date": date.fromordinal(730_000 + i).isoformat(),
            "notes": "",
            "bunting": False,
        }
        for i in range(bh.MAX_EVENTS + 1)
    ]
    data = {d: {"division": d, "events": events if d == "scotland" else []} for d in bh.DIVISIONS}
    with pytest.raises(bh.BankHolidayError, match="at most"):
        bh.parse(data)
