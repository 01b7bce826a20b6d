"""Merging duplicate citizens and undoing it: nothing is lost either way, a merged citizen
shows as its survivor everywhere, and careless or hostile merges are refused."""

from typing import Any

import pytest
from sqlalchemy import select

from caseworker.access.merge_rules import merge_id_of
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import Case, Citizen, Consent, Identifier, Interaction, Marker, Note
from caseworker.services import cases, citizens, contacts, merges
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewConsent, NewIdentifier
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.unit.conftest import AGENT, SUPERVISOR
from ui.citizen.snapshot import load_citizen


def _person(store: Store, given: str, family: str, phone: str, email: str) -> str:
    with store.write() as s:
        cid, _ = citizens.create_citizen(
            s,
            AGENT,
            given,
            family,
            identifiers=(NewIdentifier("phone", phone), NewIdentifier("email", email)),
            consents=(NewConsent("Contact about cases", "public_task", "phone call"),),
        )
        summary = f"Bin missed at {family}'s"
        cases.open_case(s, AGENT, NewCase("missed-bin", summary, "phone", cid))
        contacts.record_interaction(
            s, AGENT, channel="phone", direction="inbound", summary="Rang", citizen_id=cid
        )
        contacts.add_note(s, AGENT, "Prefers mornings", citizen_id=cid)
    return cid


def everything(store: Store, citizen_id: str) -> dict[str, Any]:
    """Every record of one citizen, compared exactly: its document, and the rows of each
    table that names it."""
    with store.read() as s:
        found: dict[str, Any] = {"doc": docstore.get(s, citizen_id)}
        for model in (Identifier, Consent, Case, Interaction, Note, Marker):
            rows = s.scalars(select(model).where(model.citizen_id == citizen_id)).all()
            found[model.__tablename__] = sorted(
                tuple((c.name, getattr(r, c.key, None)) for c in model.__table__.columns)
                for r in rows
            )
    return found


def test_merge_then_unmerge_loses_nothing_on_either_side(council: Store) -> None:
    jon = _person(council, "Jon", "Davies", "07700 900123", "jon@example.org")
    john = _person(council, "John", "Davies", "07700 900456", "john.d@example.org")
    before = {c: everything(council, c) for c in (jon, john)}

    with council.write() as s:
        merge_id, _ = merges.merge(s, SUPERVISOR, jon, john, "same person: same address")
    # Nothing of either record was rewritten by the merge.
    assert {c: everything(council, c) for c in (jon, john)} == before
    with council.read() as s:
        assert s.get(Citizen, john).merged_into == jon  # type: ignore[union-attr]
        assert merges.resolve(s, john) == jon and merges.family(s, jon) == [jon, john]
        shown = load_citizen(s, john)  # the merged citizen shows as the survivor, with both
    assert shown.id == jon and shown.asked_for == john and shown.merged_from == (john,)
    assert {i.value for i in shown.identifiers} == {
        "07700 900123", "jon@example.org", "07700 900456", "john.d@example.org",
    }  # fmt: skip
    assert len(shown.cases) == 2 and len(shown.consents) == 2
    assert sum(e.kind == "contact" for e in shown.timeline) == 2
    assert sum(e.kind == "note" for e in shown.timeline) == 2

    with council.write() as s:
        merges.unmerge(s, SUPERVISOR, merge_id, "different dates of birth after all")
    assert {c: everything(council, c) for c in (jon, john)} == before
    with council.read() as s:
        assert s.get(Citizen, john).merged_into is None  # type: ignore[union-attr]
        assert load_citizen(s, john).id == john and load_citizen(s, jon).merged_from == ()
        record = merges.merges_of(s, john)[0]
    assert (record.state, record.by, record.undone_by) == (
        "undone", SUPERVISOR.staff_id, SUPERVISOR.staff_id,
    )  # fmt: skip
    assert (record.reason, record.undo_reason) == (
        "same person: same address", "different dates of birth after all",
    )  # fmt: skip


def test_merging_again_after_an_undo_keeps_the_earlier_merge_in_its_history(
    council: Store,
) -> None:
    a = _person(council, "Ann", "Hughes", "07700 900111", "ann@example.org")
    b = _person(council, "Anne", "Hughes", "07700 900222", "anne@example.org")
    c = _person(council, "Annie", "Hughes", "07700 900333", "annie@example.org")
    with council.write() as s:
        merge_id, _ = merges.merge(s, SUPERVISOR, a, b, "first look")
        merges.unmerge(s, SUPERVISOR, merge_id, "wrong survivor")
        merges.merge(s, SUPERVISOR, c, b, "second look")
    with council.read() as s:
        doc = docstore.get(s, merge_id)
        assert s.get(Citizen, b).merged_into == c  # type: ignore[union-attr]
    assert doc is not None and doc["survivor_id"] == c and doc["state"] == "merged"
    assert [(h["survivor_id"], h["reason"], h["undo_reason"]) for h in doc["history"]] == [
        (a, "first look", "wrong survivor")
    ]


def test_a_merged_citizen_is_found_once_by_search_as_its_survivor(council: Store) -> None:
    from caseworker.services import search

    jon = _person(council, "Jon", "Pritchard", "07700 900123", "jon@example.org")
    john = _person(council, "John", "Pritchard", "07700 900456", "john.p@example.org")
    with council.write() as s:
        merges.merge(s, SUPERVISOR, jon, john, "same person")
    with council.read() as s:
        by_name = [h.id for h in search.search(s, "Pritchard") if h.kind == "citizen"]
        by_phone = [h.id for h in search.search(s, "07700 900456") if h.kind == "citizen"]
    assert by_name == [jon]
    assert by_phone == [jon]


@pytest.mark.parametrize(
    "who, why",
    [
        (AGENT, "only a supervisor"),
    ],
)
def test_only_a_supervisor_merges(council: Store, who: Any, why: str) -> None:
    a = _person(council, "Ann", "Hughes", "07700 900111", "ann@example.org")
    b = _person(council, "Anne", "Hughes", "07700 900222", "anne@example.org")
    with council.write() as s, pytest.raises(ValidationError, match=why):
        merges.merge(s, who, a, b, "looks the same")


def test_hostile_merges_are_refused(council: Store) -> None:
    a = _person(council, "Ann", "Hughes", "07700 900111", "ann@example.org")
    b = _person(council, "Anne", "Hughes", "07700 900222", "anne@example.org")
    c = _person(council, "Annie", "Hughes", "07700 900333", "annie@example.org")
    with council.write() as s:
        with pytest.raises(ValidationError, match="themselves"):
            merges.merge(s, SUPERVISOR, a, a, "self")
        with pytest.raises(ValidationError, match="say why"):
            merges.merge(s, SUPERVISOR, a, b, "   ")
        with pytest.raises(NotFoundError):
            merges.merge(s, SUPERVISOR, a, "citizen:not-here", "unseen")
        merges.merge(s, SUPERVISOR, a, b, "same")
    with council.write() as s:
        with pytest.raises(ValidationError, match="merged into another"):
            merges.merge(s, SUPERVISOR, b, c, "into a merged citizen")
        with pytest.raises(ValidationError, match="merged into"):
            merges.merge(s, SUPERVISOR, b, a, "the chain back")
        with pytest.raises(ValidationError, match="already merged"):
            merges.merge(s, SUPERVISOR, c, b, "twice")
        with pytest.raises(ValidationError, match="only a supervisor"):
            merges.unmerge(s, AGENT, merge_id_of(b), "not mine to undo")
    with council.read() as s:
        assert s.get(Citizen, b).merged_into == a  # type: ignore[union-attr]
        assert s.get(Citizen, c).merged_into is None  # type: ignore[union-attr]


def test_a_not_the_same_person_decision_is_recorded_once(council: Store) -> None:
    a = _person(council, "Ann", "Hughes", "07700 900111", "ann@example.org")
    b = _person(council, "Anne", "Hughes", "07700 900222", "anne@example.org")
    with council.write() as s:
        with pytest.raises(ValidationError, match="only a supervisor"):
            merges.not_same_person(s, AGENT, a, b, "namesakes")
        merges.not_same_person(s, SUPERVISOR, b, a, "namesakes: mother and daughter")
        with pytest.raises(ValidationError, match="already decided"):
            merges.not_same_person(s, SUPERVISOR, a, b, "again")
    with council.read() as s:
        assert merges.decided_distinct(s, a, b) and merges.decided_distinct(s, b, a)


def test_a_case_is_not_linked_to_a_merged_citizen(council: Store) -> None:
    from caseworker.services import case_links

    a = _person(council, "Ann", "Hughes", "07700 900111", "ann@example.org")
    b = _person(council, "Anne", "Hughes", "07700 900222", "anne@example.org")
    with council.write() as s:
        merges.merge(s, SUPERVISOR, a, b, "same")
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin", "phone"))
    with council.write() as s, pytest.raises(ValidationError, match="merged into another"):
        case_links.link_citizen(s, AGENT, case_id, b)


def test_two_offline_merges_of_one_citizen_meet_as_one_conflict_a_supervisor_settles(
    council: Store,
) -> None:
    from caseworker.services import conflicts

    a = _person(council, "Ann", "Hughes", "07700 900111", "ann@example.org")
    b = _person(council, "Anne", "Hughes", "07700 900222", "anne@example.org")
    c = _person(council, "Annie", "Hughes", "07700 900333", "annie@example.org")
    with council.write() as s:
        merge_id, _ = merges.merge(s, SUPERVISOR, a, b, "into Ann, here")
        here = docstore.require(s, merge_id)
        # Another supervisor's laptop merged b into c at the same time, offline.
        elsewhere = {**here, "survivor_id": c, "reason": "into Annie, there"}
        revs = {"start": 1, "ids": ["ffff"]}
        docstore.put_replicated(s, {**elsewhere, "_rev": "1-ffff", "_revisions": revs})
    with council.read() as s:
        shown = load_citizen(s, b)
        winner = docstore.require(s, merge_id)
    assert shown.merge_conflicts == (merge_id,)
    other = a if winner["survivor_id"] == c else c
    with council.write() as s, pytest.raises(ValidationError, match="undo it instead"):
        conflicts.resolve(s, SUPERVISOR, merge_id, {"survivor_id": other})
    with council.write() as s:  # keep the winner; to move it, undo and merge again
        conflicts.resolve(s, SUPERVISOR, merge_id, {})
    with council.read() as s:
        assert load_citizen(s, b).merge_conflicts == ()
        assert s.get(Citizen, b).merged_into == winner["survivor_id"]  # type: ignore[union-attr]


def test_a_merged_citizens_directory_entry_is_found_once_as_its_survivors(
    council: Store,
) -> None:
    from caseworker.services import search
    from tests.unit.directory_docs import entry, receive

    receive(
        council,
        entry("s1", "William", "Prosser", phones=["01632 960101"]),
        entry("m1", "Bill", "Prosser", phones=["01632 960102"], merged_into="citizen:s1"),
        entry("g1", "Gwen", "Prosser", phones=["01632 960103"], merged_into="citizen:gone"),
    )
    with council.read() as s:
        by_name = [h.id for h in search.search(s, "Prosser") if h.kind == "directory"]
        by_old_phone = [h.id for h in search.search(s, "01632 960102") if h.kind == "directory"]
    assert by_name == ["directory:s1"]  # Gwen's survivor is not here: not listed at all
    assert by_old_phone == ["directory:s1"]
