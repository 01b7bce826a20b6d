"""Opening and working cases: the workflow, assignment, history and audit."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from caseworker.clocks import council as council_calendar
from caseworker.errors import NotFoundError, TransitionError, ValidationError
from caseworker.ids import normalise_case_reference
from caseworker.models import AuditEvent, Case, CaseEvent
from caseworker.services import cases, contacts, workflow
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store.store import Store
from tests.unit.conftest import AGENT, SUPERVISOR


def _open(store: Store) -> str:
    with store.write() as s:
        citizen_id, _ = create_citizen(
            s, AGENT, "Owen", "Jones", identifiers=(NewIdentifier("phone", "07700 900123"),)
        )
        case_id, _ = cases.open_case(
            s, AGENT, NewCase("missed-bin", "Green bin not emptied", "phone", citizen_id)
        )
    return case_id


def test_a_new_case_takes_its_queue_and_due_times_from_the_service(council: Store) -> None:
    case_id = _open(council)
    with council.read() as s:
        case = cases.get_case(s, case_id)
        assert case.status == "new"
        assert case.queue_id == "queue:waste"
        # The service's hours are working hours under the council's calendar.
        working = council_calendar.load(s).working
        assert working.working_between(case.opened_at, case.due_at) == timedelta(hours=72)
        assert case.response_due_at is not None
        assert working.working_between(case.opened_at, case.response_due_at) == timedelta(hours=24)
        assert normalise_case_reference(case.reference) == case.reference
        assert cases.get_case(s, case.reference.lower().replace("-", "")).id == case_id


def test_a_case_moves_only_along_the_workflow_and_each_step_is_history(council: Store) -> None:
    case_id = _open(council)
    with council.write() as s:
        cases.transition(s, AGENT, case_id, "triaged")
        cases.transition(s, AGENT, case_id, "assigned")
    with pytest.raises(TransitionError, match="cannot move to closed"), council.write() as s:
        cases.transition(s, AGENT, case_id, "closed")
    with council.read() as s:
        case = cases.get_case(s, case_id)
        assert case.status == "assigned"
        assert case.assignee_id == AGENT.staff_id  # moving to assigned takes the case
        kinds = [(e.kind, e.old, e.new) for e in cases.history(s, case_id)]
        assert kinds == [
            ("created", None, "new"),
            ("status_changed", "new", "triaged"),
            ("assigned", None, AGENT.staff_id),
            ("status_changed", "triaged", "assigned"),
        ]
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.subject_id == case_id))
        assert set(actions) >= {"case.opened", "case.status", "case.assigned"}


def test_resolving_and_closing_stamp_times_and_reopening_clears_them(council: Store) -> None:
    case_id = _open(council)
    with council.write() as s:
        cases.transition(s, AGENT, case_id, "in_progress")
        cases.transition(s, AGENT, case_id, "resolved", outcome="resolved")
        cases.transition(s, AGENT, case_id, "closed")  # keeps the resolution's outcome
    with council.read() as s:
        case = cases.get_case(s, case_id)
        assert case.resolved_at is not None and case.closed_at is not None
        assert case.outcome == "resolved"
    with council.write() as s:
        cases.transition(s, AGENT, case_id, "reopened", "Bin still not emptied")
    with council.read() as s:
        case = cases.get_case(s, case_id)
        assert case.status == "reopened" and case.resolved_at is None and case.closed_at is None
        assert case.outcome is None


def test_only_a_supervisor_assigns_a_case_to_someone_else(council: Store) -> None:
    case_id = _open(council)
    with pytest.raises(ValidationError, match="supervisor"), council.write() as s:
        cases.assign(s, AGENT, case_id, SUPERVISOR.staff_id)
    with council.write() as s:
        cases.assign(s, SUPERVISOR, case_id, AGENT.staff_id)
    with pytest.raises(ValidationError), council.write() as s:
        cases.set_queue(s, AGENT, case_id, "queue:highways")
    with council.write() as s:
        cases.set_queue(s, SUPERVISOR, case_id, "queue:highways")
    with council.read() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert (case.assignee_id, case.queue_id) == (AGENT.staff_id, "queue:highways")


def test_a_failed_transaction_leaves_nothing_behind(council: Store) -> None:
    case_id = _open(council)
    with pytest.raises(NotFoundError), council.write() as s:
        cases.transition(s, AGENT, case_id, "triaged")
        cases.assign(s, SUPERVISOR, case_id, "staff:nobody")
    with council.read() as s:
        assert cases.get_case(s, case_id).status == "new"
        assert len(list(s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)))) == 1


def test_nonsense_in_a_new_case_is_refused_with_a_reason(council: Store) -> None:
    bad = [
        (NewCase("no-such-service", "x", "phone"), "no active council service"),
        (NewCase("missed-bin", "   ", "phone"), "summary"),
        (NewCase("missed-bin", "x", "pigeon"), "channel"),
        (NewCase("missed-bin", "x", "phone", priority="whenever"), "priority"),
        (NewCase("missed-bin", "x", "phone", citizen_id="citizen:nobody"), "no citizen"),
    ]
    for new, reason in bad:
        with pytest.raises((ValidationError, NotFoundError), match=reason), council.write() as s:
            cases.open_case(s, AGENT, new)


def test_notes_and_contacts_attach_to_the_case_and_its_citizen(council: Store) -> None:
    case_id = _open(council)
    with council.write() as s:
        case = cases.get_case(s, case_id)
        contacts.add_note(s, AGENT, "Bin was behind the gate", case_id=case.reference)
        contacts.record_interaction(
            s,
            AGENT,
            channel="phone",
            direction="inbound",
            summary="Chased",
            citizen_id=case.citizen_id,
            case_id=case_id,
        )
    with council.read() as s:
        notes = contacts.case_notes(s, case_id)
        assert [n.text for n in notes] == ["Bin was behind the gate"]
        assert notes[0].citizen_id == cases.get_case(s, case_id).citizen_id
        citizen_id = cases.get_case(s, case_id).citizen_id
        assert citizen_id is not None
        assert [i.summary for i in contacts.timeline(s, citizen_id)] == ["Chased"]


def test_every_status_is_reachable_from_new() -> None:
    for status in workflow.TRANSITIONS:
        if status != "new":
            path = workflow.path_to(status)
            assert path[-1] == status
            current = "new"
            for step in path:
                workflow.check_transition(current, step)
                current = step
