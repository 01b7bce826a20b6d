"""Cases keep their due times by the council's clocks: working time from opening, moved on
by the working time they were paused (awaiting the citizen), statutory dates for subject
access and FOI, complaint stages that restart the clock, and a bulk recompute after the
calendar changes. The calendar is the supervisors' to change."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from caseworker.access import writes
from caseworker.access.people import Person
from caseworker.clocks import bank_holidays as bh
from caseworker.clocks import cases as case_clocks
from caseworker.clocks import council as council_calendar
from caseworker.clocks.pauses import describe
from caseworker.clocks.statutory import end_of_day, foi_due, subject_access_due
from caseworker.documents.codec import new_document
from caseworker.documents.types import CALENDAR, SERVICE
from caseworker.errors import ValidationError
from caseworker.models import Case
from caseworker.services import cases, clock_changes
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import to_iso
from tests.unit.conftest import AGENT, SUPERVISOR

H = timedelta(hours=1)


def utc(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=UTC)


class Clock:
    """The time the services see (``cases.utcnow``), set by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = utc(2026, 12, 23, 10)
        monkeypatch.setattr(cases, "utcnow", lambda: self.now)
        monkeypatch.setattr(clock_changes, "utcnow", lambda: self.now)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def service(code: str, **fields: Any) -> dict[str, Any]:
    return new_document(
        SERVICE,
        f"service:{code}",
        {
            "code": code,
            "name": code,
            "group": "Clocks",
            "keywords": [],
            "resolve_hours": 72,
            "response_hours": 24,
            "default_queue_id": "queue:waste",
            "active": True,
            **fields,
        },
    )


STAGES = [
    {"code": "1", "name": "Stage 1", "working_days": 10},
    {"code": "2", "name": "Stage 2", "working_days": 20},
]


@pytest.fixture
def store(council: Store) -> Iterator[Store]:
    with council.write() as s:
        docstore.put(s, service("sar", clock="subject_access"))
        docstore.put(s, service("foi", clock="foi"))
        docstore.put(s, service("complaint", clock="complaint", stages=STAGES))
    yield council


def open_case(store: Store, code: str = "missed-bin") -> str:
    with store.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase(code, "A case with a clock", "phone"))
    return case_id


def get(store: Store, case_id: str) -> Case:
    with store.read() as s:
        return cases.get_case(s, case_id)


def move(store: Store, case_id: str, *targets: str) -> None:
    with store.write() as s:
        for target in targets:
            cases.transition(s, AGENT, case_id, target)


def put_calendar(store: Store, **fields: Any) -> None:
    with store.write() as s:
        before = docstore.get(s, council_calendar.CALENDAR_ID)
        doc = new_document(
            CALENDAR,
            council_calendar.CALENDAR_ID,
            {
                "nation": "england-and-wales",
                "hours": [
                    {"day": d, "start": "09:00", "end": "17:00"}
                    for d in ("mon", "tue", "wed", "thu", "fri")
                ],
                "updated_at": "2026-12-01T00:00:00.000Z",
                **fields,
            },
        )
        if before is not None:
            doc["_rev"] = before["_rev"]
        docstore.put(s, doc)


def test_a_case_opened_before_christmas_is_due_after_the_holidays(
    store: Store, clock: Clock
) -> None:
    # Wednesday 23 December 2026, 10:00: 72 working hours (nine days of eight) skip Christmas,
    # the weekend, Boxing Day's substitute and New Year's Day: Friday 8 January 10:00.
    case = get(store, open_case(store))
    assert case.due_at == utc(2027, 1, 8, 10)
    assert case.response_due_at == utc(2026, 12, 30, 10)  # three working days


def test_a_pause_spanning_the_holidays_moves_the_due_times_by_its_working_time(
    store: Store, clock: Clock
) -> None:
    case_id = open_case(store)
    clock.now = utc(2026, 12, 24, 15)
    move(store, case_id, "triaged", "awaiting_citizen")
    assert get(store, case_id).due_at == utc(2027, 1, 8, 10)  # not moved while still paused
    clock.now = utc(2026, 12, 29, 11)
    move(store, case_id, "in_progress")
    # Paused 15:00-17:00 on the 24th and 09:00-11:00 on the 29th: four working hours.
    case = get(store, case_id)
    assert case.due_at == utc(2027, 1, 8, 14)
    assert case.response_due_at == utc(2026, 12, 30, 14)
    with store.read() as s:
        paused = case_clocks.paused_for(s, case_id, clock.now)
    assert paused == timedelta(days=4, hours=20)
    assert describe(paused) == (4, 20, 0)


def test_two_pauses_add_up_and_a_running_one_is_shown_up_to_now(store: Store, clock: Clock) -> None:
    clock.now = utc(2027, 3, 1, 9)  # Monday
    case_id = open_case(store)
    opened = get(store, case_id).due_at
    for start, end in (
        (utc(2027, 3, 1, 10), utc(2027, 3, 1, 12)),
        (utc(2027, 3, 2, 16), utc(2027, 3, 3, 10)),
    ):
        clock.now = start
        move(store, case_id, *(["triaged"] if start.day == 1 else []), "awaiting_citizen")
        clock.now = end
        move(store, case_id, "in_progress")
    assert opened == utc(2027, 3, 11, 17)
    assert get(store, case_id).due_at == utc(2027, 3, 12, 13)  # four working hours on
    clock.now = utc(2027, 3, 4, 9)
    move(store, case_id, "awaiting_citizen")
    with store.read() as s:
        assert case_clocks.paused_for(s, case_id, utc(2027, 3, 4, 12)) == 2 * H + 18 * H + 3 * H


def test_a_subject_access_request_is_due_by_the_statutory_day(store: Store, clock: Clock) -> None:
    clock.now = utc(2026, 1, 31, 12)
    case = get(store, open_case(store, "sar"))
    expected = subject_access_due(date(2026, 1, 31), bh.dates(bh.bundled(), "england-and-wales"))
    assert expected == date(2026, 3, 2)
    assert case.due_at == end_of_day(expected)


def test_an_extension_is_recorded_with_its_reason_and_moves_to_three_months(
    store: Store, clock: Clock
) -> None:
    clock.now = utc(2025, 1, 31, 12)
    case_id = open_case(store, "sar")
    assert get(store, case_id).due_at == end_of_day(date(2025, 2, 28))
    with store.write() as s, pytest.raises(ValidationError, match="say why"):
        clock_changes.extend_subject_access(s, AGENT, case_id, "  ")
    clock.now = utc(2025, 2, 20, 12)
    with store.write() as s:
        clock_changes.extend_subject_access(s, AGENT, case_id, "The request is complex")
    assert get(store, case_id).due_at == end_of_day(date(2025, 4, 30))
    with store.read() as s:
        events = cases.history(s, case_id)
    extended = [e for e in events if e.kind == "clock_extended"]
    assert len(extended) == 1 and extended[0].comment == "The request is complex"
    with store.write() as s, pytest.raises(ValidationError, match="already been extended"):
        clock_changes.extend_subject_access(s, AGENT, case_id, "Again")


def test_an_extension_asked_after_the_first_month_is_refused(store: Store, clock: Clock) -> None:
    clock.now = utc(2024, 1, 31, 12)
    case_id = open_case(store, "sar")
    clock.now = utc(2024, 3, 1, 9)  # the first month ended on 29 February (a leap year)
    with store.write() as s, pytest.raises(ValidationError, match="first month has ended"):
        clock_changes.extend_subject_access(s, AGENT, case_id, "Complex", clock.now)
    assert get(store, case_id).due_at == end_of_day(date(2024, 2, 29))


def test_only_a_subject_access_request_is_extended(store: Store, clock: Clock) -> None:
    case_id = open_case(store)
    with store.write() as s, pytest.raises(ValidationError, match="only a subject access"):
        clock_changes.extend_subject_access(s, AGENT, case_id, "Complex")


def test_an_foi_request_is_due_on_the_twentieth_uk_working_day(store: Store, clock: Clock) -> None:
    clock.now = utc(2026, 11, 16, 10)
    case = get(store, open_case(store, "foi"))
    assert case.due_at == end_of_day(date(2026, 12, 15))  # St Andrew's Day skipped
    assert foi_due(date(2026, 11, 16), bh.any_uk(bh.bundled())) == date(2026, 12, 15)


def test_a_complaint_stage_restarts_the_clock_with_its_own_days(store: Store, clock: Clock) -> None:
    clock.now = utc(2027, 3, 1, 10)  # Monday
    case_id = open_case(store, "complaint")
    assert get(store, case_id).due_at == utc(2027, 3, 15, 17)  # ten working days on
    clock.now = utc(2027, 3, 10, 12)
    with store.write() as s:
        clock_changes.next_complaint_stage(s, SUPERVISOR, case_id, "Not resolved at stage 1")
    # Twenty working days from Wednesday 10 March (Good Friday 26 March, Easter Monday 29th).
    assert get(store, case_id).due_at == utc(2027, 4, 9, 16)  # 17:00 BST
    with store.write() as s, pytest.raises(ValidationError, match="last stage"):
        clock_changes.next_complaint_stage(s, SUPERVISOR, case_id)


def test_closure_days_and_a_changed_calendar_are_recomputed_in_bulk(
    store: Store, clock: Clock
) -> None:
    ids = [open_case(store) for _ in range(3)]
    with store.read() as s:
        assert case_clocks.recompute(s) == []
    put_calendar(store, closures=[{"date": "2026-12-29"}, {"date": "2026-12-30"}])
    with store.read() as s:
        found = case_clocks.recompute(s)
    assert {f.case_id for f in found} == set(ids)
    assert {f.due_at for f in found} == {"2027-01-12T10:00:00.000Z"}
    with store.write() as s:
        clock_changes.apply_recomputed(s, SUPERVISOR, found)
    assert get(store, ids[0]).due_at == utc(2027, 1, 12, 10)
    with store.read() as s:
        assert case_clocks.recompute(s) == []


def test_recompute_agrees_with_resuming_a_paused_case(store: Store, clock: Clock) -> None:
    case_id = open_case(store)
    clock.now = utc(2026, 12, 24, 15)
    move(store, case_id, "triaged", "awaiting_citizen")
    clock.now = utc(2026, 12, 29, 11)
    move(store, case_id, "in_progress")
    with store.read() as s:
        assert case_clocks.recompute(s) == []


def test_a_calendar_that_cannot_be_used_falls_back_and_says_why(store: Store) -> None:
    put_calendar(store, hours=[{"day": "mon", "start": "17:00", "end": "09:00"}])
    with store.read() as s:
        cal = council_calendar.load(s)
    assert cal.problem is not None and "cannot be used" in cal.problem
    assert cal.working.is_working_day(date(2026, 3, 10))  # the default: Monday to Friday


def test_a_scottish_council_keeps_scotlands_holidays(store: Store) -> None:
    put_calendar(store, nation="scotland")
    with store.read() as s:
        cal = council_calendar.load(s)
    assert not cal.working.is_working_day(date(2026, 11, 30))
    assert cal.working.is_working_day(date(2026, 4, 6))


def test_an_unknown_clock_on_a_service_is_read_as_the_standard_one(store: Store) -> None:
    with store.write() as s:
        docstore.put(s, service("future", clock="lunar", response_hours=8))
    with store.read() as s:
        clock = case_clocks.clock_of(s, "future")
    assert clock.kind == "standard" and clock.response_hours == 8


@pytest.mark.parametrize("role", ["agent", "field_officer"])
def test_only_a_supervisor_or_an_admin_changes_the_calendar(role: str) -> None:
    doc = new_document(
        CALENDAR,
        council_calendar.CALENDAR_ID,
        {"nation": "scotland", "hours": [], "updated_at": to_iso(utc(2026, 1, 1))},
    )
    staff = Person("x", role, "staff:x")
    boss = Person("y", "supervisor", "staff:y")
    write = writes.Write(doc["_id"], doc, None, False, True, True)
    assert writes.judge(staff, write, frozenset({"*"})) is not None
    assert writes.judge(boss, write, frozenset({"*"})) is None
    other = writes.Write(
        "calendar:other", {**doc, "_id": "calendar:other"}, None, False, True, True
    )
    assert "one calendar" in (writes.judge(boss, other, frozenset({"*"})) or "")


def test_time_to_and_since_a_breach_is_working_time(store: Store, clock: Clock) -> None:
    due = get(store, open_case(store)).due_at  # Friday 8 January 2027, 10:00
    with store.read() as s:
        # From Thursday 7 January 16:00: one hour that day, one on Friday.
        assert case_clocks.working_until(s, due, utc(2027, 1, 7, 16)) == 2 * H
        # Monday 11th 09:30: the weekend does not count against the officer.
        assert case_clocks.working_until(s, due, utc(2027, 1, 11, 9, 30)) == -7.5 * H
