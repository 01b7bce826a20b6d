"""The laptop asks the access rules before it saves: the same answers as the central service,
for the person signed in (their role, queues and patch from the local staff record)."""

import pytest

from caseworker.errors import ValidationError
from caseworker.services import cases, conflicts
from caseworker.services.cases import NewCase
from caseworker.services.context import Actor
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.support.council import OFFICER
from tests.unit.conftest import AGENT, SUPERVISOR


def _open(store: Store, assignee: Actor | None = None) -> str:
    with store.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        if assignee is not None:
            cases.assign(s, SUPERVISOR, case_id, assignee.staff_id)
    return case_id


def test_the_laptops_person_has_the_queues_and_patch_of_their_staff_record(
    council: Store,
) -> None:
    with council.write() as s:
        record = docstore.require(s, OFFICER.staff_id)
        docstore.put(s, {**record, "patch": ["cf37"]})
        person = OFFICER.person_in(s)
    assert (person.role, person.staff_id) == ("field_officer", OFFICER.staff_id)
    assert person.queue_ids == {"queue:waste"} and person.patch == {"CF37"}


def test_an_agent_gives_back_their_own_case_but_cannot_take_a_colleagues(council: Store) -> None:
    mine = _open(council, AGENT)
    with council.write() as s:
        cases.assign(s, AGENT, mine, None)  # refused by the old local rules, allowed everywhere
        assert docstore.require(s, mine).get("assignee_id") is None
    theirs = _open(council, OFFICER)
    for to in (AGENT.staff_id, None):
        with (
            pytest.raises(ValidationError, match="take a case from someone else"),
            council.write() as s,
        ):
            cases.assign(s, AGENT, theirs, to)
    with pytest.raises(ValidationError, match="move a case to another queue"), council.write() as s:
        cases.set_queue(s, OFFICER, theirs, "queue:highways")


def _conflicted(store: Store, queue: str) -> str:
    """A case whose losing branch moved it to another queue."""
    case_id = _open(store)
    with store.write() as s:
        base = docstore.require(s, case_id)
    base_hash = base["_rev"].split("-")[1]
    for rev, edit in (("2-aaaa", {"queue_id": queue}), ("2-bbbb", {"priority": "high"})):
        body = base | edit | {"_rev": rev, "_revisions": {"start": 2, "ids": [rev[2:], base_hash]}}
        with store.write() as s:
            docstore.put_replicated(s, body)
    return case_id


def test_resolving_a_conflict_needs_the_right_to_make_the_change_chosen(council: Store) -> None:
    case_id = _conflicted(council, "queue:highways")
    # Taking the losing branch's queue is moving the case: a supervisor's decision.
    with pytest.raises(ValidationError, match="move a case to another queue"), council.write() as s:
        conflicts.resolve(s, AGENT, case_id, {"queue_id": "queue:highways"})
    with council.write() as s:
        conflicts.resolve(s, AGENT, case_id, {"queue_id": "queue:waste"})  # keeps the queue
    other = _conflicted(council, "queue:highways")
    with council.write() as s:
        conflicts.resolve(s, SUPERVISOR, other, {"queue_id": "queue:highways"})
        assert docstore.require(s, other)["queue_id"] == "queue:highways"
    with council.write() as s:
        assert not conflicts.field_differences(s, case_id)


def test_resolving_a_staff_records_conflict_is_for_supervisors(council: Store) -> None:
    with council.write() as s:
        base = docstore.require(s, OFFICER.staff_id)
    base_hash = base["_rev"].split("-")[1]
    for rev, name in (("2-aaaa", "Sam"), ("2-bbbb", "Samantha")):
        body = base | {
            "name": name,
            "_rev": rev,
            "_revisions": {"start": 2, "ids": [rev[2:], base_hash]},
        }
        with council.write() as s:
            docstore.put_replicated(s, body)
    with (
        pytest.raises(ValidationError, match="only a supervisor or an admin"),
        council.write() as s,
    ):
        conflicts.resolve(s, AGENT, OFFICER.staff_id, {"name": "Sam"})
    with council.write() as s:
        conflicts.resolve(s, SUPERVISOR, OFFICER.staff_id, {"name": "Sam"})
