"""Which London month a stored time is in, whatever form a peer wrote it in."""

import pytest

from caseworker.cli.app import UsageError
from caseworker.cli.publish_kpis import months_asked
from caseworker.kpis.figures import canonical
from caseworker.kpis.months import Month, MonthFinder, months_between, parse_month

FINDER = MonthFinder(months_between(Month(2026, 1), Month(2026, 12)))


@pytest.mark.parametrize(
    ("stored", "month"),
    [
        ("2026-03-31T22:59:59.999Z", "2026-03"),  # 23:59 BST
        ("2026-03-31T23:00:00.000Z", "2026-04"),  # midnight BST: April
        ("2026-01-31T23:59:59.999Z", "2026-01"),  # GMT: no shift
        ("2026-10-31T23:30:00.000Z", "2026-10"),  # GMT again after 25 October
        ("2025-12-31T23:59:59.999Z", None),  # before the months asked for
        ("2026-12-31T23:59:59.999Z", "2026-12"),
        ("2027-01-01T00:00:00.000Z", None),
    ],
)
def test_a_stored_utc_time_falls_in_its_london_month(stored: str, month: str | None) -> None:
    assert FINDER.find(stored) == month


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("2026-04-01T00:30:00+02:00", "2026-03"),  # 22:30 UTC on 31 March: 23:30 BST
        ("2026-04-01T00:30:00+01:00", "2026-04"),  # 23:30 UTC: 00:30 BST on 1 April
        ("2026-03-31T23:30:00Z", "2026-04"),  # no milliseconds: still read
    ],
)
def test_a_time_a_peer_wrote_with_an_offset_is_read_as_the_instant_it_is(
    written: str, month: str
) -> None:
    found = canonical(written)
    assert found is not None
    assert FINDER.find(found) == month


@pytest.mark.parametrize("written", ["", "yesterday", "2026-03-01T10:00:00", "2026-13-01"])
def test_an_unreadable_or_zoneless_time_is_left_out_not_guessed(written: str) -> None:
    assert canonical(written) is None


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-01", "2026-1", "2026-01x", "3000-01"])
def test_a_month_argument_must_be_a_real_yyyy_mm(text: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month(text)


def test_from_after_to_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="after"):
        months_asked(Month(2026, 5), Month(2026, 4))


def test_by_default_a_year_ending_last_month_is_published() -> None:
    first, last = months_asked(None, Month(2026, 2))
    assert (first, last) == (Month(2025, 3), Month(2026, 2))
    first, last = months_asked(None, None)
    assert len(months_between(first, last)) == 12
