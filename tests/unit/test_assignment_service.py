"""Assigning many cases at once, officers' loads and availability, and who may change them."""

from datetime import date

import pytest
from sqlalchemy import func, select

from caseworker.access import local
from caseworker.documents.schema import DocumentError
from caseworker.errors import ValidationError
from caseworker.models import AuditEvent, Case, CaseEvent
from caseworker.services import assignment, cases
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.support.council import OFFICER
from tests.unit.conftest import AGENT, SUPERVISOR

TODAY = date(2026, 12, 2)


def _open(store: Store, n: int) -> list[str]:
    with store.write() as s:
        return [
            cases.open_case(s, AGENT, NewCase("missed-bin", f"Bin {i}", "phone"))[0]
            for i in range(n)
        ]


def _staff(store: Store, staff_id: str, **fields: object) -> None:
    with store.write() as s:
        doc = docstore.require(s, staff_id)
        doc.update(fields)
        docstore.put(s, {k: v for k, v in doc.items() if v is not None})


def test_a_supervisor_assigns_many_cases_in_one_go_each_with_its_history(council: Store) -> None:
    ids = _open(council, 3)
    with council.write() as s:
        out = assignment.assign_many(s, SUPERVISOR, ids, OFFICER.staff_id)
    assert [m[0] for m in out.moved] == ids and not out.skipped
    with council.read() as s:
        assert {c.assignee_id for c in s.scalars(select(Case))} == {OFFICER.staff_id}
        events = list(s.scalars(select(CaseEvent).where(CaseEvent.kind == "assigned")))
        assert sorted(e.case_id for e in events) == sorted(ids)
        assert {(e.old, e.new, e.by) for e in events} == {
            (None, OFFICER.staff_id, SUPERVISOR.staff_id)
        }
        audits = s.scalar(select(func.count()).where(AuditEvent.action == "case.assigned_many"))
        assert audits == 1


def test_an_agent_cannot_give_cases_to_someone_else_and_nothing_is_written(
    council: Store,
) -> None:
    ids = _open(council, 2)
    with pytest.raises(ValidationError, match="supervisor"), council.write() as s:
        assignment.assign_many(s, AGENT, ids, OFFICER.staff_id)
    with council.read() as s:
        assert {c.assignee_id for c in s.scalars(select(Case))} == {None}
        assert s.scalar(select(func.count()).where(CaseEvent.kind == "assigned")) == 0


def test_closed_and_unknown_cases_are_skipped_by_name_and_the_rest_assigned(
    council: Store,
) -> None:
    ids = _open(council, 3)
    with council.write() as s:
        cases.transition(s, SUPERVISOR, ids[0], "in_progress")
        cases.transition(s, SUPERVISOR, ids[0], "resolved", outcome="resolved")
        cases.transition(s, SUPERVISOR, ids[0], "closed")
        cases.assign(s, SUPERVISOR, ids[1], OFFICER.staff_id)
    with council.write() as s:
        out = assignment.assign_many(s, SUPERVISOR, [*ids, "case:nope"], OFFICER.staff_id)
    assert [c for c, _ in out.skipped] == [ids[0], "case:nope"]
    assert "closed" in out.skipped[0][1]
    assert out.unchanged == [ids[1]] and [m[0] for m in out.moved] == [ids[2]]


def test_workloads_show_open_load_cap_and_leave_and_ignore_nonsense(council: Store) -> None:
    ids = _open(council, 3)
    with council.write() as s:
        assignment.assign_many(s, SUPERVISOR, ids[:2], OFFICER.staff_id)
        cases.assign(s, SUPERVISOR, ids[2], AGENT.staff_id)
        cases.transition(s, SUPERVISOR, ids[2], "in_progress")
        cases.transition(s, SUPERVISOR, ids[2], "resolved", outcome="resolved")
    _staff(council, OFFICER.staff_id, capacity=2, away_until="2026-12-02")
    _staff(council, AGENT.staff_id, capacity=5, away_until="2026-12-01")
    with council.read() as s:
        loads = {w.staff_id: w for w in assignment.workloads(s, "queue:waste", TODAY)}
    officer, agent = loads[OFFICER.staff_id], loads[AGENT.staff_id]
    assert (officer.load, officer.capacity, officer.full) == (2, 2, True)
    assert officer.away_until == TODAY and officer.away  # the last day of leave counts
    assert (agent.load, agent.away, agent.full) == (0, False, False)  # resolved is not open
    # A peer's nonsense is no cap and no leave (the schema refuses it on this laptop).
    assert assignment.capacity_of({"capacity": -1}) is None
    assert assignment.capacity_of({"capacity": True}) is None
    assert assignment.away_until_of({"away_until": "someday"}, TODAY) is None


def test_a_staff_record_takes_only_a_whole_cap_and_a_date_of_leave(council: Store) -> None:
    with pytest.raises(DocumentError, match="capacity"):
        _staff(council, OFFICER.staff_id, capacity="lots")
    with pytest.raises(DocumentError, match="away_until"):
        _staff(council, OFFICER.staff_id, away_until="next week")


def test_only_a_supervisor_changes_an_officers_cap_or_leave(council: Store) -> None:
    with council.read() as s:
        doc = docstore.require(s, OFFICER.staff_id)
        changed = {**doc, "capacity": 99, "away_until": "2027-01-01"}
        with pytest.raises(ValidationError, match="supervisor"):
            local.require(OFFICER.person_in(s), doc["_id"], changed, doc)
        with pytest.raises(ValidationError, match="supervisor"):
            local.require(AGENT.person_in(s), doc["_id"], changed, doc)
        local.require(SUPERVISOR.person_in(s), doc["_id"], changed, doc)


def test_spreading_counts_the_selections_own_cases_out_of_the_loads(council: Store) -> None:
    ids = _open(council, 4)
    with council.write() as s:
        assignment.assign_many(s, SUPERVISOR, ids, OFFICER.staff_id)
    with council.write() as s:
        out, plan = assignment.spread(s, SUPERVISOR, ids, [OFFICER.staff_id, AGENT.staff_id])
    assert sorted(len(v) for v in plan.by_officer().values()) == [2, 2]
    assert len(out.moved) == 2 and len(out.unchanged) == 2


def test_spreading_among_officers_all_away_changes_nothing(council: Store) -> None:
    ids = _open(council, 2)
    _staff(council, OFFICER.staff_id, away_until="2030-01-01")
    with council.write() as s:
        out, plan = assignment.spread(s, SUPERVISOR, ids, [OFFICER.staff_id])
    assert plan.left == ids and not out.moved
    with pytest.raises(ValidationError, match="at least one"), council.write() as s:
        assignment.spread(s, SUPERVISOR, ids, [])


def test_undoing_a_bulk_assignment_puts_back_each_case_not_changed_since(
    council: Store,
) -> None:
    ids = _open(council, 3)
    with council.write() as s:
        cases.assign(s, SUPERVISOR, ids[0], AGENT.staff_id)
    with council.write() as s:
        done = assignment.assign_many(s, SUPERVISOR, ids, OFFICER.staff_id)
    with council.write() as s:  # someone changes one of them meanwhile
        cases.set_priority(s, SUPERVISOR, ids[2], "urgent")
    with council.write() as s:
        undone = assignment.undo(s, SUPERVISOR, done)
    assert [c for c, _ in undone.skipped] == [ids[2]]
    with council.read() as s:
        got = [s.get(Case, i).assignee_id for i in ids]  # type: ignore[union-attr]
    assert got == [AGENT.staff_id, None, OFFICER.staff_id]


def test_a_case_listed_twice_or_by_reference_is_assigned_once(council: Store) -> None:
    ids = _open(council, 2)
    with council.read() as s:
        reference = s.get(Case, ids[1]).reference  # type: ignore[union-attr]
    with council.write() as s:
        out = assignment.assign_many(s, SUPERVISOR, [ids[0], ids[0], reference], OFFICER.staff_id)
    assert [m[0] for m in out.moved] == ids and out.unchanged == [ids[0]]
    with council.read() as s:
        assert s.scalar(select(func.count()).where(CaseEvent.kind == "assigned")) == 2


def test_a_supervisor_sets_a_cap_and_leave_and_an_officer_cannot_set_their_own(
    council: Store,
) -> None:
    with council.write() as s:
        assignment.set_availability(
            s, SUPERVISOR, OFFICER.staff_id, capacity=3, away_until=date(2030, 1, 2)
        )
    with council.read() as s:
        officer = next(w for w in assignment.workloads(s) if w.staff_id == OFFICER.staff_id)
    assert (officer.capacity, officer.away_until) == (3, date(2030, 1, 2))
    with pytest.raises(ValidationError, match="supervisor"), council.write() as s:
        assignment.set_availability(s, OFFICER, OFFICER.staff_id, capacity=None)
    with pytest.raises(ValidationError, match="whole number"), council.write() as s:
        assignment.set_availability(s, SUPERVISOR, OFFICER.staff_id, capacity=-4)
    with council.write() as s:  # cleared: no cap, not away
        assignment.set_availability(s, SUPERVISOR, OFFICER.staff_id, capacity=None, away_until=None)
        doc = docstore.require(s, OFFICER.staff_id)
    assert "capacity" not in doc and "away_until" not in doc
