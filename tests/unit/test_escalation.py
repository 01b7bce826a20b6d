"""When a case breaches, which escalation rules fire for it, and what each records; working
hours before and after an instant; and that only the central service records either."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from caseworker import vocab
from caseworker.access.writes import judge
from caseworker.clocks import bank_holidays, council
from caseworker.documents.codec import check, new_document
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import ESCALATION_RULE
from caseworker.escalation import (
    breach_event,
    breach_event_id,
    breached,
    escalation,
    escalation_event_id,
    fires,
    parse_rule,
    raised,
    reapplied,
)
from caseworker.worktime import working_hours_after, working_hours_before
from tests.unit.access_docs import ADMIN, AGENT, OFFICER, SUPERVISOR, case, create, edit, event

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)  # a Wednesday
PAST = "2026-12-02T11:00:00.000Z"
FUTURE = "2026-12-02T15:00:00.000Z"


def rule(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Missed bins: tell the supervisor",
        "service_code": "missed-bin",
        "target": "resolve",
        "hours_before": 0,
        "action": "notify",
        "active": True,
        "by": "staff:supervisor",
        "updated_at": PAST,
    }
    base.update(fields)
    return new_document(
        ESCALATION_RULE, "escalation:1", {k: v for k, v in base.items() if v is not None}
    )


# -- breaches ----------------------------------------------------------------------------------


def test_an_open_case_past_its_due_time_breaches_resolution_and_a_new_one_its_response() -> None:
    late = case(status="new", due_at=PAST, response_due_at=PAST)
    assert breached(late, NOW) == ["response", "resolve"]
    started = case(status="in_progress", due_at=PAST, response_due_at=PAST)
    assert breached(started, NOW) == ["resolve"]  # someone has responded


def test_a_case_is_on_time_up_to_its_due_instant() -> None:
    assert breached(case(due_at="2026-12-02T12:00:00.000Z"), NOW) == []
    assert breached(case(due_at="2026-12-02T12:00:00.000Z"), NOW + timedelta(milliseconds=1))


@pytest.mark.parametrize("status", ["awaiting_citizen", "resolved", "closed"])
def test_a_paused_or_finished_case_never_breaches(status: str) -> None:
    assert breached(case(status=status, due_at=PAST, response_due_at=PAST), NOW) == []


def test_a_due_time_that_is_not_a_time_breaches_nothing_and_raises_nothing() -> None:
    hostile = {**case(), "due_at": "soon", "response_due_at": 7}
    assert breached(hostile, NOW) == []


def test_a_breach_event_has_one_id_per_case_and_target_even_for_a_very_long_case_id() -> None:
    event_doc = breach_event(case("case:abc", due_at=PAST), "resolve", NOW)
    assert event_doc["_id"] == "event:breach-resolve:abc" == breach_event_id("case:abc", "resolve")
    assert event_doc["kind"] == "breach_resolve" and event_doc["by"] == "central"
    check(event_doc)
    long_id = "case:" + "x" * 195
    made = breach_event_id(long_id, "response")
    assert made == breach_event_id(long_id, "response") and len(made) <= 200
    assert made != breach_event_id("case:" + "y" * 195, "response")


# -- rules -------------------------------------------------------------------------------------


def test_a_rule_fires_for_its_service_once_the_target_is_breached() -> None:
    r = parse_rule(rule())
    assert fires(r, case(due_at=PAST), NOW)
    assert not fires(r, case(due_at=FUTURE), NOW)
    assert not fires(r, case(due_at=PAST, service_code="pothole"), NOW)
    assert not fires(r, case(due_at=PAST, status="awaiting_citizen"), NOW)


def test_a_rule_n_working_hours_before_fires_that_many_working_hours_ahead() -> None:
    r = parse_rule(rule(hours_before=4, queue_id="queue:contact", service_code=None))
    # Due 15:00 UTC (15:00 in London in December): fires from 11:00.
    assert fires(r, case(due_at=FUTURE), NOW)
    # Due 10:00 Thursday: 4 working hours before is 14:00 Wednesday, still to come at noon.
    assert not fires(r, case(due_at="2026-12-03T10:00:00.000Z"), NOW)


def test_working_hours_skip_nights_and_weekends_and_keep_london_time() -> None:
    monday_10 = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    assert working_hours_before(monday_10, 2) == datetime(2026, 12, 4, 16, 0, tzinfo=UTC)
    friday_16 = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)
    assert working_hours_after(friday_16, 2) == monday_10
    summer = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 09:00 in London (BST)
    assert working_hours_after(summer, 1) == datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
    assert working_hours_before(NOW, 0) == NOW
    sunday = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
    assert working_hours_before(sunday, 1) == datetime(2026, 12, 4, 16, 0, tzinfo=UTC)


def test_working_hours_skip_bank_holidays_and_follow_the_councils_calendar() -> None:
    christmas_eve = datetime(2026, 12, 24, 16, 0, tzinfo=UTC)
    after = datetime(2026, 12, 29, 10, 0, tzinfo=UTC)  # 25th, and the 28th for Boxing Day, off
    assert working_hours_after(christmas_eve, 2) == after
    assert working_hours_before(after, 2) == christmas_eve
    # A council that also works Saturday mornings and closes on 29 December.
    saturdays = council.build(
        {
            "nation": "scotland",
            "hours": [
                *({"day": d, "start": "09:00", "end": "17:00"} for d in vocab.WEEKDAYS[:5]),
                {"day": "sat", "start": "09:00", "end": "12:00"},
            ],
            "closures": [{"date": "2026-12-29"}],
        },
        bank_holidays.bundled(),
    ).working
    friday_16 = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    assert working_hours_after(friday_16, 2, saturdays) == datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    # Saturday 26 December is a working morning for it (the bank holiday is Monday the 28th,
    # as GOV.UK lists it), and Tuesday the 29th its own closure.
    assert working_hours_before(datetime(2026, 12, 30, 9, 0, tzinfo=UTC), 1, saturdays) == datetime(
        2026, 12, 26, 11, 0, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"service_code": None}, "names neither a service nor a queue"),
        ({"hours_before": -1}, "hours_before"),
        ({"hours_before": 10**9}, "hours_before"),
        ({"action": "move_queue"}, "no queue"),
        ({"action": "delete_case"}, "action"),
        ({"target": "whenever"}, "target"),
        ({"name": 5}, "name"),
    ],
)
def test_a_malformed_rule_is_refused_with_its_reason(fields: dict[str, Any], why: str) -> None:
    doc = rule()
    doc.update(fields)
    doc = {k: v for k, v in doc.items() if v is not None}
    with pytest.raises(DocumentError, match=why):
        parse_rule(doc)


def test_priority_rises_one_step_and_never_above_urgent() -> None:
    assert [raised(p) for p in ("low", "normal", "high", "urgent")] == [
        "normal",
        "high",
        "urgent",
        "urgent",
    ]
    r = parse_rule(rule(action="raise_priority"))
    urgent = escalation(r, case(priority="urgent"), NOW, live_queues=frozenset(), supervisors=[])
    assert urgent.change is None and urgent.event["new"] == "urgent"
    high = escalation(r, case(priority="high"), NOW, live_queues=frozenset(), supervisors=[])
    assert high.change == {"priority": "urgent"}
    assert high.event["_id"] == escalation_event_id("escalation:1", "case:1")
    check(high.event)


def test_a_move_to_a_queue_that_is_gone_is_recorded_without_a_move() -> None:
    r = parse_rule(rule(action="move_queue", to_queue_id="queue:gone"))
    made = escalation(r, case(), NOW, live_queues=frozenset({"queue:waste"}), supervisors=[])
    assert made.change is None
    assert made.event["old"] == "queue:contact" and "new" not in made.event
    moved = escalation(
        parse_rule(rule(action="move_queue", to_queue_id="queue:waste")),
        case(),
        NOW,
        live_queues=frozenset({"queue:waste"}),
        supervisors=[],
    )
    assert moved.change == {"queue_id": "queue:waste"}


def test_notify_names_the_queues_supervisors_as_far_as_the_event_holds_them() -> None:
    r = parse_rule(rule())
    many = [f"staff:{'s' * 60}{i}" for i in range(10)]
    made = escalation(r, case(), NOW, live_queues=frozenset(), supervisors=many)
    named = made.event["new"].split(" ")
    assert named == many[: len(named)] and 1 <= len(named) < 10
    check(made.event)


def test_a_change_is_made_again_only_while_the_field_holds_what_it_changed_from() -> None:
    r = parse_rule(rule(action="raise_priority"))
    made = escalation(r, case(priority="normal"), NOW, live_queues=frozenset(), supervisors=[])
    edited = {**case(priority="normal"), "summary": "edited on a laptop meanwhile"}
    again = reapplied(edited, made.event, NOW)
    assert again is not None
    assert again["priority"] == "high" and again["summary"] == "edited on a laptop meanwhile"
    assert reapplied(case(priority="urgent"), made.event, NOW) is None  # a colleague's stands
    assert reapplied(case(priority="normal", status="closed"), made.event, NOW) is None


# -- who writes them ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["breach_response", "breach_resolve", "escalated"])
@pytest.mark.parametrize("person", [AGENT, OFFICER, SUPERVISOR])
def test_no_member_of_staff_can_record_a_breach_or_an_escalation(kind: str, person: Any) -> None:
    forged = event("case:1", str(person.staff_id), "event:breach-resolve:1", kind=kind)
    reason = judge(person, create(forged), frozenset({"*"}))
    assert reason is not None and "central service" in reason


def test_the_central_worker_records_breaches_as_an_admin() -> None:
    made = breach_event(case(due_at=PAST), "resolve", NOW)
    assert judge(ADMIN, create(made), frozenset({"*"})) is None


def test_supervisors_write_escalation_rules_in_their_own_name_and_nobody_else_does() -> None:
    mine = rule()
    assert judge(SUPERVISOR, create(mine), frozenset({"catalogue"})) is None
    assert judge(SUPERVISOR, edit(mine, active=False), frozenset({"catalogue"})) is None
    assert "own name" in str(judge(SUPERVISOR, create(rule(by="staff:agent")), frozenset()))
    for person in (AGENT, OFFICER):
        assert "supervisor" in str(judge(person, create(rule(by=person.staff_id)), frozenset()))
        assert "supervisor" in str(judge(person, edit(mine, active=False), frozenset()))
