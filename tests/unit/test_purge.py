"""Dropping what left the laptop's scope: a removed case or citizen goes with every revision,
its typed rows, its search rows, its problem, its attachment data and the records hanging off
it; nothing is recorded as a local change; and what the server does not have yet (changed here
after the last push, or refused) is never dropped, only remembered until it has been pushed."""

from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseworker.models import Attachment, Citizen, Identifier, Note, StoredDocument
from caseworker.services import cases, contacts, search
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store import docstore, purge, replication
from caseworker.store.store import Store
from tests.unit.conftest import AGENT

NAME = ("Zebedee", "Quuxworth")


def _citizen_with_case(session: Session) -> tuple[str, str, str, str, str]:
    """A citizen, a case on them, a note on the case, a note and a contact on the citizen."""
    citizen_id, _ = create_citizen(
        session,
        AGENT,
        *NAME,
        identifiers=(NewIdentifier("email", "zebedee@quux.example"),),
    )
    case_id, _ = cases.open_case(
        session, AGENT, NewCase("missed-bin", "Bin missed", "phone", citizen_id=citizen_id)
    )
    case_note, _ = contacts.add_note(session, AGENT, "left a card", case_id=case_id)
    citizen_note, _ = contacts.add_note(session, AGENT, "prefers mornings", citizen_id=citizen_id)
    contact, _ = contacts.record_interaction(
        session, AGENT, channel="phone", direction="inbound", summary="rang", citizen_id=citizen_id
    )
    return citizen_id, case_id, case_note, citizen_note, contact


def _ids(session: Session) -> set[str]:
    return set(session.scalars(select(StoredDocument.id)))


def _pushed(session: Session) -> int:
    return docstore.last_seq(session)


def test_a_removed_citizen_goes_with_what_hangs_off_it_and_nothing_is_to_be_pushed(
    council: Store,
) -> None:
    with council.write() as s:
        citizen_id, case_id, case_note, citizen_note, contact = _citizen_with_case(s)
        pushed = _pushed(s)
    with council.write() as s:
        assert s.get(Citizen, citizen_id).identifiers  # type: ignore[union-attr]
        done = purge.purge(s, [citizen_id], pushed=pushed)
        # The same session does not keep a stale copy of what went.
        assert s.get(Citizen, citizen_id) is None and s.get(StoredDocument, citizen_id) is None
    assert {w.doc_id for w in done.written} == {citizen_id, citizen_note, contact}
    assert all(w.purged and w.deleted and w.changed for w in done.written)
    assert done.kept == [] and done.searched
    with council.read() as s:
        held = _ids(s)
        assert not held & {citizen_id, citizen_note, contact}
        # The case is its own root, and its note follows the case, not the citizen.
        assert {case_id, case_note} <= held
        assert s.get(Citizen, citizen_id) is None
        assert s.scalar(select(func.count()).select_from(Identifier)) == 0
        assert search.search(s, "Quuxworth") == []
        assert search.search(s, "zebedee@quux.example") == []
        # Purging is not a change of this laptop's: there is nothing new to push.
        assert docstore.changes_since(s, pushed) == []
        assert purge.pending(s) == []


def test_a_removed_case_takes_its_events_and_notes_but_not_its_citizen(council: Store) -> None:
    with council.write() as s:
        citizen_id, case_id, case_note, citizen_note, _contact = _citizen_with_case(s)
        pushed = _pushed(s)
        events = [e.id for e in cases.history(s, case_id)]
        reference = cases.get_case(s, case_id).reference
    assert events
    with council.write() as s:
        done = purge.purge(s, [case_id], pushed=pushed)
    assert {w.doc_id for w in done.written} == {case_id, case_note, *events}
    with council.read() as s:
        held = _ids(s)
        assert not held & {case_id, case_note, *events}
        assert {citizen_id, citizen_note} <= held
        assert [h.kind for h in search.search(s, reference)] == []
        assert [h.id for h in search.search(s, "Quuxworth")] == [citizen_id]


@pytest.mark.parametrize("doc_id", ["citizen:nobody", "case:nothing", "note:none", "", "x" * 300])
def test_an_unknown_id_is_nothing_to_purge(council: Store, doc_id: str) -> None:
    with council.write() as s:
        before = _ids(s)
        done = purge.purge(s, [doc_id], pushed=_pushed(s))
    assert done == purge.Purged()
    with council.read() as s:
        assert _ids(s) == before and purge.pending(s) == []


def test_the_servers_own_documents_are_never_purged(council: Store) -> None:
    design = {"_id": "_design/rules", "_rev": "1-abc", "validate_doc_update": "function(){}"}
    with council.write() as s:
        replication.put_replicated_many(s, [design])
        docstore.set_checkpoint(s, "_local/push", {"last_seq": 99})
        done = purge.purge(s, ["_design/rules", "_local/push"], pushed=10**6)
    assert done.written == []
    with council.read() as s:
        assert "_design/rules" in _ids(s)
        assert docstore.get_checkpoint(s, "_local/push") == {"last_seq": 99}


def test_a_record_changed_here_after_the_last_push_is_kept_until_it_is_pushed(
    council: Store,
) -> None:
    with council.write() as s:
        _citizen_id, case_id, case_note, *_ = _citizen_with_case(s)
        pushed = _pushed(s)
        # Typed offline, after the last push: the server does not have it.
        late_note, _ = contacts.add_note(s, AGENT, "typed on the doorstep", case_id=case_id)
    with council.write() as s:
        done = purge.purge(s, [case_id], pushed=pushed)
    assert late_note in done.kept and late_note not in {w.doc_id for w in done.written}
    assert case_id in {w.doc_id for w in done.written}  # the rest of the case goes
    with council.read() as s:
        assert late_note in _ids(s) and case_note not in _ids(s)
        assert purge.pending(s) == [late_note]
        assert [c.doc_id for c in docstore.changes_since(s, pushed)] == [late_note]
    # A later retry before the push changes nothing; once pushed, it goes.
    with council.write() as s:
        assert purge.retry(s, pushed=pushed).written == []
    with council.write() as s:
        done = purge.retry(s, pushed=_pushed(s))
    assert [w.doc_id for w in done.written] == [late_note]
    with council.read() as s:
        assert late_note not in _ids(s) and purge.pending(s) == []


def test_a_kept_case_keeps_its_notes_with_it(council: Store) -> None:
    with council.write() as s:
        _citizen_id, case_id, case_note, *_ = _citizen_with_case(s)
        pushed = _pushed(s)
        cases.set_priority(s, AGENT, case_id, "high")  # an edit the server has not seen
    with council.write() as s:
        done = purge.purge(s, [case_id], pushed=pushed)
    assert done.written == [] and done.kept == [case_id]
    with council.read() as s:
        assert {case_id, case_note} <= _ids(s)
        assert purge.pending(s) == [case_id]
    with council.write() as s:
        done = purge.retry(s, pushed=_pushed(s))
    assert {case_id, case_note} <= {w.doc_id for w in done.written}


def test_a_record_the_server_refused_is_kept(council: Store) -> None:
    with council.write() as s:
        citizen_id, *_ = _citizen_with_case(s)
        replication.record_refusals(
            s, {citizen_id: "refused by the central service: not yours to change"}
        )
        pushed = _pushed(s)
    with council.write() as s:
        done = purge.purge(s, [citizen_id], pushed=pushed)
    assert citizen_id in done.kept
    with council.read() as s:
        assert citizen_id in _ids(s) and purge.pending(s) == [citizen_id]


def test_a_record_the_same_batch_still_names_is_spared_and_forgotten_from_waiting(
    council: Store,
) -> None:
    with council.write() as s:
        _citizen_id, case_id, case_note, *_ = _citizen_with_case(s)
        pushed = _pushed(s)
        late, _ = contacts.add_note(s, AGENT, "typed later", case_id=case_id)
        purge.purge(s, [late], pushed=pushed)
        assert purge.pending(s) == [late]
    with council.write() as s:
        done = purge.apply(s, [case_id], pushed=_pushed(s), present=[case_note, late])
    assert case_note not in {w.doc_id for w in done.written}
    with council.read() as s:
        assert case_id not in _ids(s) and {case_note, late} <= _ids(s)
        assert purge.pending(s) == []


def test_a_purge_that_does_not_commit_leaves_everything_as_it_was(council: Store) -> None:
    with council.write() as s:
        citizen_id, *_ = _citizen_with_case(s)
        contacts.add_note(s, AGENT, "late", citizen_id=citizen_id)
        pushed = _pushed(s) - 1
    with council.read() as s:
        before = _ids(s), s.scalar(select(func.count()).select_from(Note))

    class Crash(Exception):
        pass

    with pytest.raises(Crash), council.write() as s:
        assert purge.purge(s, [citizen_id], pushed=pushed).written
        raise Crash  # e.g. the checkpoint write of the same batch failed
    with council.read() as s:
        assert (_ids(s), s.scalar(select(func.count()).select_from(Note))) == before
        assert [h.id for h in search.search(s, "Quuxworth")] == [citizen_id]
        assert purge.pending(s) == []


def test_a_purged_record_that_comes_back_arrives_whole_and_searchable(council: Store) -> None:
    with council.write() as s:
        citizen_id, *_ = _citizen_with_case(s)
        rev = docstore.require(s, citizen_id)["_rev"]
        history = replication.bodies_with_revisions(s, {citizen_id: [rev]})
        purge.purge(s, [citizen_id], pushed=_pushed(s))
    with council.write() as s:
        assert replication.put_replicated_many(s, history)[0].doc_id == citizen_id
    with council.read() as s:
        assert docstore.require(s, citizen_id)["_rev"] == rev
        assert [h.id for h in search.search(s, "Quuxworth")] == [citizen_id]
        assert s.get(Citizen, citizen_id) is not None


def test_attachment_data_goes_unless_another_record_names_it(council: Store) -> None:
    data = b"photo of the overflowing bin"
    with council.write() as s:
        citizen_id, case_id, *_ = _citizen_with_case(s)
        for doc_id in (case_id, citizen_id):
            doc = replication.attach(s, docstore.require(s, doc_id), "a.jpg", "image/jpeg", data)
            docstore.put(s, doc)
        pushed = _pushed(s)
    with council.write() as s:
        purge.purge(s, [case_id], pushed=pushed)
    with council.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 1  # the citizen's
    with council.write() as s:
        purge.purge(s, [citizen_id], pushed=pushed)
    with council.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def test_a_problem_record_is_purged_with_its_problem(council: Store) -> None:
    bad: dict[str, Any] = {"_id": "citizen:broken", "_rev": "1-aa", "type": "citizen"}
    with council.write() as s:
        replication.put_replicated_many(s, [bad])
        assert s.get(StoredDocument, "citizen:broken").problem  # type: ignore[union-attr]
        purge.purge(s, ["citizen:broken"], pushed=_pushed(s))
    with council.read() as s:
        assert s.get(StoredDocument, "citizen:broken") is None


def _raw(store: Store) -> bytes:
    return b"".join(
        p.read_bytes()
        for p in (store.path, store.path.with_name(store.path.name + "-wal"))
        if p.exists()
    )


def test_the_raw_bytes_of_the_store_no_longer_hold_a_purged_citizens_name(council: Store) -> None:
    with council.write() as s:
        citizen_id, *_ = _citizen_with_case(s)
        # An older revision's body and search terms are freed space and old index entries.
        docstore.put(s, {**docstore.require(s, citizen_id), "preferred_name": "Zeb"})
        for n in range(200):  # others around it, so pages are shared
            create_citizen(s, AGENT, f"Other{n}", f"Person{n}")
        pushed = _pushed(s)
    needles = [b"Quuxworth", b"Zebedee", b"zebedee@quux"]
    assert all(n in _raw(council) for n in needles)
    with council.write() as s:
        assert purge.purge(s, [citizen_id], pushed=pushed).searched
    purge.scrub(council)
    raw = _raw(council)
    assert [n for n in needles if n in raw] == []
    assert b"Other199" in raw  # the rest is still there
    assert council.check_integrity() == "ok"
    with council.read() as s:
        assert s.execute(text("PRAGMA secure_delete")).scalar() == 1
