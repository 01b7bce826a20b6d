"""The service-level state every view colours its due times by."""

from datetime import UTC, datetime, timedelta

import pytest

from caseworker.services.sla import DUE_SOON_MIN, due_soon_window, sla_state, time_left

DUE = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (DUE - timedelta(days=3), "ok"),
        (DUE - timedelta(hours=24, seconds=1), "ok"),
        (DUE - timedelta(hours=24), "due_soon"),
        (DUE - timedelta(minutes=1), "due_soon"),
        (DUE, "due_soon"),
        (DUE + timedelta(seconds=1), "overdue"),
        (DUE + timedelta(days=30), "overdue"),
    ],
)
def test_open_case_without_opening_time_turns_amber_a_day_before(
    now: datetime, expected: str
) -> None:
    assert sla_state(DUE, now, "in_progress") == expected


def test_amber_is_a_quarter_of_the_allowed_time_when_opening_is_known() -> None:
    opened = DUE - timedelta(hours=72)
    assert due_soon_window(DUE, opened) == timedelta(hours=18)
    assert sla_state(DUE, DUE - timedelta(hours=19), "new", opened_at=opened) == "ok"
    assert sla_state(DUE, DUE - timedelta(hours=17), "new", opened_at=opened) == "due_soon"


def test_short_service_levels_still_get_an_hour_of_warning() -> None:
    opened = DUE - timedelta(hours=2)
    assert due_soon_window(DUE, opened) == DUE_SOON_MIN
    assert sla_state(DUE, DUE - timedelta(minutes=59), "assigned", opened_at=opened) == "due_soon"


def test_nonsense_opening_time_falls_back_to_the_default_window() -> None:
    assert due_soon_window(DUE, DUE + timedelta(hours=1)) == timedelta(hours=24)


@pytest.mark.parametrize("status", ["resolved", "closed"])
def test_finished_cases_are_met_or_breached_by_when_they_finished(status: str) -> None:
    late_now = DUE + timedelta(days=5)
    assert sla_state(DUE, late_now, status, finished_at=DUE - timedelta(hours=1)) == "met"
    assert sla_state(DUE, late_now, status, finished_at=DUE) == "met"
    assert sla_state(DUE, late_now, status, finished_at=DUE + timedelta(hours=1)) == "breached"
    # Without a finishing time, "now" stands in for it.
    assert sla_state(DUE, DUE - timedelta(hours=1), status) == "met"
    assert sla_state(DUE, late_now, status) == "breached"


@pytest.mark.parametrize("status", ["new", "triaged", "assigned", "awaiting_citizen", "reopened"])
def test_every_open_status_counts_down(status: str) -> None:
    assert sla_state(DUE, DUE + timedelta(minutes=5), status) == "overdue"


def test_time_left_goes_negative_after_the_due_time() -> None:
    assert time_left(DUE, DUE - timedelta(hours=2)) == timedelta(hours=2)
    assert time_left(DUE, DUE + timedelta(minutes=3)) == -timedelta(minutes=3)
