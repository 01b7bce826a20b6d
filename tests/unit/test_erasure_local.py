"""Erasure on a laptop: an erasure document, pulled or written here, takes every record of the
citizen out of the store (every revision, projection and search row, its case and what hangs
off the case, a mention linked to them, what was typed here and not yet sent) and the raw bytes
of every file in the data folder no longer hold the person's name, phone or email; records of
the citizen that arrive after the erasure are dropped, not stored; other citizens stay."""

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.erasure import local as erasure_local
from caseworker.erasure import scope
from caseworker.errors import ValidationError
from caseworker.models import Citizen, ErasedRoot, StoredDocument
from caseworker.services import cases, contacts, erasure, search
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store import docstore, replication
from caseworker.store.store import Store
from tests.unit.conftest import AGENT, SUPERVISOR

GIVEN, FAMILY = "Zebedee", "Quuxworth"
PHONE, EMAIL = "07700 900123", "zebedee.q@quux.example"
NEEDLES = (GIVEN, FAMILY, EMAIL, "7700900123", "7700 900123")


def _person(session: Session) -> tuple[str, str, str]:
    """The citizen, with a case (naming them), notes, a contact, an edited record (an older
    revision with other words) and a mention linked to them."""
    citizen_id, _ = create_citizen(
        session,
        AGENT,
        GIVEN,
        FAMILY,
        identifiers=(NewIdentifier("phone", PHONE), NewIdentifier("email", EMAIL)),
    )
    docstore.put(session, {**docstore.require(session, citizen_id), "preferred_name": "Zeb"})
    case_id, _ = cases.open_case(
        session,
        AGENT,
        NewCase("missed-bin", f"Bin missed for {GIVEN} {FAMILY}", "phone", citizen_id=citizen_id),
    )
    note_id, _ = contacts.add_note(session, AGENT, f"{GIVEN} rang from {PHONE}", case_id=case_id)
    contacts.add_note(session, AGENT, f"email {EMAIL}", citizen_id=citizen_id)
    contacts.record_interaction(
        session, AGENT, channel="phone", direction="inbound", summary=FAMILY, citizen_id=citizen_id
    )
    return citizen_id, case_id, note_id


def _others(session: Session, n: int = 60) -> list[str]:
    return [create_citizen(session, AGENT, f"Other{i}", f"Person{i}")[0] for i in range(n)]


def _mention(citizen_id: str) -> dict[str, Any]:
    return {
        "_id": "mention:m1",
        "_rev": "1-aa",
        "type": "mention",
        "schema": 1,
        "network": "mastodon",
        "remote_id": "1",
        "author_handle": "@zq@quux.example",
        "author_name": f"{GIVEN} {FAMILY}",
        "content_text": f"my bin, {PHONE}",
        "published_at": "2026-11-01T10:00:00+00:00",
        "state": "linked",
        "citizen_id": citizen_id,
    }


def _erasure_doc(citizen_id: str, mode: str = "erase", rev: str = "1-ee") -> dict[str, Any]:
    doc = erasure.erasure_document(
        "erasure:e1",
        citizen_id,
        by=SUPERVISOR.staff_id,
        mode=mode,
        basis="consent_withdrawn",
        reason="citizen_request",
    )
    return {**doc, "_rev": rev}


def _pull(store: Store, docs: list[dict[str, Any]]) -> erasure_local.Erased:
    """What the pull does with one batch (sync.pull): admit, store, apply, then clean."""
    with store.write() as s:
        kept, dropped = erasure_local.admit(s, docs)
        replication.put_replicated_many(s, kept)
        done = erasure_local.apply(s, kept)
        done.dropped = dropped
    if done.needs_cleaning:
        erasure_local.clean(store)
    return done


def _files(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _traces(raw: bytes) -> list[str]:
    """The needles found in ``raw``: UTF-8 and UTF-16 (either order), case folded."""
    low = raw.lower()
    found = []
    for needle in NEEDLES:
        text = needle.casefold()
        if any(text.encode(c) in low for c in ("utf-8", "utf-16-le", "utf-16-be")):
            found.append(needle)
    return found


def test_an_erasure_pulled_later_leaves_no_trace_in_any_file_of_the_data_folder(
    council: Store,
) -> None:
    with council.write() as s:
        citizen_id, case_id, note_id = _person(s)
        others = _others(s)
        replication.put_replicated_many(s, [_mention(citizen_id)])
    assert _traces(_files(council.path.parent)) == list(NEEDLES)  # the scan does find them
    done = _pull(council, [_erasure_doc(citizen_id)])
    gone = {w.doc_id for w in done.written}
    assert {citizen_id, case_id, note_id, "mention:m1"} <= gone
    assert all(w.purged for w in done.written)
    council.close()  # what is left on disk once the app is closed
    assert _traces(_files(council.path.parent)) == []
    reopened = Store(council.path)
    try:
        with reopened.read() as s:
            assert s.get(Citizen, citizen_id) is None
            assert search.search(s, FAMILY) == []
            assert {h.id for h in search.search(s, "Person59")} == {others[-1]}
            assert len(list(s.scalars(select(Citizen.id)))) == len(others)
            assert s.get(StoredDocument, "erasure:e1") is not None  # the erasure record stays
            roots = set(s.scalars(select(ErasedRoot.root_id)))
            assert {citizen_id, case_id} <= roots
        assert reopened.check_integrity() == "ok"
    finally:
        reopened.close()


def test_what_was_typed_here_about_the_person_and_not_yet_sent_goes_too(council: Store) -> None:
    with council.write() as s:
        citizen_id, case_id, _ = _person(s)
        unsent = contacts.add_note(s, AGENT, f"{FAMILY} again", case_id=case_id)[0]
    _pull(council, [_erasure_doc(citizen_id)])
    with council.read() as s:
        assert s.get(StoredDocument, unsent) is None
        assert unsent not in {c.doc_id for c in docstore.changes_since(s, 0)}  # never pushed


def test_records_of_an_erased_citizen_that_arrive_after_the_erasure_are_not_stored(
    council: Store,
) -> None:
    """A laptop offline for a month: the erasure comes first, the records it names later
    (an earlier batch, or another laptop pushing late), a note naming only its case last."""
    with council.write() as s:
        citizen_id, case_id, note_id = _person(s)
        held = [docstore.require(s, i) for i in (citizen_id, case_id, note_id)]
    other = Store(council.path.parent / "other" / "caseworker.db")
    try:
        first = _pull(other, [_erasure_doc(citizen_id)])
        assert first.written == []
        citizen, case, note = ({**d, "_revisions": {"start": 1, "ids": ["x"]}} for d in held)
        for doc in (citizen, case, note):
            doc["_rev"] = "1-x"
        assert _pull(other, [citizen, case]).dropped == 2
        assert _pull(other, [note]).dropped == 1  # its case was erased, so it is too
        with other.read() as s:
            assert (
                s.scalars(select(StoredDocument.id).where(StoredDocument.id != "erasure:e1")).all()
                == []
            )
        assert _traces(_files(other.path.parent)) == []
    finally:
        other.close()


def test_an_erasure_and_its_records_in_one_batch_store_none_of_them(council: Store) -> None:
    with council.write() as s:
        citizen_id, case_id, _ = _person(s)
        held = {**docstore.require(s, case_id), "_rev": "1-y"}
    other = Store(council.path.parent / "other" / "caseworker.db")
    try:
        done = _pull(other, [{**held, "_id": case_id}, _erasure_doc(citizen_id)])
        assert done.dropped == 1
        with other.read() as s:
            assert s.get(StoredDocument, case_id) is None
    finally:
        other.close()


def test_an_anonymised_revision_is_kept_alone_and_the_named_one_goes(council: Store) -> None:
    with council.write() as s:
        citizen_id, case_id, note_id = _person(s)
        case = docstore.require(s, case_id)
    anon = scope.anonymised(case, "erasure:e1")
    assert anon is not None
    anon.update(_rev="9-aaa", _revisions={"start": 9, "ids": ["aaa"]})
    done = _pull(council, [_erasure_doc(citizen_id, "anonymise"), anon])
    assert citizen_id in {w.doc_id for w in done.written}
    with council.read() as s:
        kept = docstore.require(s, case_id)
        assert kept["summary"] == "" and kept[scope.ANONYMISED] == "erasure:e1"
        assert kept["status"] == case["status"] and kept["opened_at"] == case["opened_at"]
        assert s.get(StoredDocument, note_id) is None  # notes are only the person's words
    assert _traces(_files(council.path.parent)) == []


@pytest.mark.parametrize(
    "bad",
    [
        {"citizen_id": "case:c1"},
        {"citizen_id": "citizen:"},
        {"citizen_id": ["citizen:x"]},
        {"mode": "shred"},
        {"_deleted": True},
        {"_id": "_design/erasure"},
        {"record_id": "case:c1"},  # a citizen and a record at once
        {"citizen_id": None, "record_id": "erasure:e0"},  # never another erasure
        {"citizen_id": None, "record_id": "_design/caseworker-access"},
        {"citizen_id": None, "record_id": "case:"},
        {"citizen_id": None},
    ],
)
def test_a_malformed_erasure_document_purges_nothing(council: Store, bad: dict[str, Any]) -> None:
    with council.write() as s:
        citizen_id, *_ = _person(s)
    doc = {**_erasure_doc(citizen_id), **bad}
    assert erasure_local.order_of(doc) is None
    with council.write() as s:
        assert erasure_local.apply(s, [doc]).written == []
        assert s.get(Citizen, citizen_id) is not None


def test_a_supervisor_asks_and_this_laptop_carries_it_out_at_once(council: Store) -> None:
    with council.write() as s:
        citizen_id, case_id, _ = _person(s)
        erasure_id, changes = erasure.request_erasure(
            s, SUPERVISOR, citizen_id, mode="erase", basis="objection", reason="citizen_request"
        )
    erasure_local.clean(council)
    assert {citizen_id, case_id} <= {w.doc_id for w in changes.written if w.purged}
    with council.read() as s:
        doc = docstore.require(s, erasure_id)
        assert doc["state"] == "requested" and doc["requested_by"] == SUPERVISOR.staff_id
        assert set(doc) - {"_id", "_rev"} == {
            "type", "schema", "citizen_id", "mode", "basis", "reason", "requested_by",
            "requested_at", "state",
        }  # fmt: skip
        # The erasure is pushed; the purge is not a deletion to push.
        pushed_ids = {c.doc_id for c in docstore.changes_since(s, 0)}
        assert erasure_id in pushed_ids and citizen_id not in pushed_ids
    assert _traces(_files(council.path.parent)) == []


def test_an_agent_cannot_ask_for_an_erasure(council: Store) -> None:
    with council.write() as s:
        citizen_id, *_ = _person(s)
        with pytest.raises(ValidationError, match="supervisor"):
            erasure.request_erasure(
                s, AGENT, citizen_id, mode="erase", basis="objection", reason="citizen_request"
            )


def test_an_unknown_basis_or_a_second_erasure_is_refused(council: Store) -> None:
    with council.write() as s:
        citizen_id, *_ = _person(s)
        with pytest.raises(ValidationError, match="legal basis"):
            erasure.request_erasure(
                s, SUPERVISOR, citizen_id, mode="erase", basis="because", reason="citizen_request"
            )
        erasure.request_erasure(
            s, SUPERVISOR, citizen_id, mode="erase", basis="objection", reason="citizen_request"
        )
        with pytest.raises(ValidationError, match="already"):
            erasure.request_erasure(
                s, SUPERVISOR, citizen_id, mode="erase", basis="objection", reason="citizen_request"
            )


def test_published_figures_count_an_anonymised_case_as_before(council: Store) -> None:
    """Anonymising keeps what the published performance figures count: the service, channel
    and the opened, resolved and due times."""
    from caseworker.kpis.figures import count
    from caseworker.kpis.months import month_of

    with council.write() as s:
        citizen_id, case_id, _ = _person(s)
        cases.transition(s, AGENT, case_id, "resolved", outcome="duplicate")
        case = docstore.require(s, case_id)
    months = [month_of(datetime.fromisoformat(case["opened_at"]))]
    with council.read() as s:
        before = count(s, months).by_key
    anon = scope.anonymised(case, "erasure:e1")
    assert anon is not None
    anon.update(_rev="9-aaa", _revisions={"start": 9, "ids": ["aaa"]})
    _pull(council, [_erasure_doc(citizen_id, "anonymise"), anon])
    with council.read() as s:
        assert docstore.require(s, case_id)["summary"] == ""
        after = count(s, months).by_key
    assert after == before and before


def test_an_erasure_of_a_citizen_under_legal_hold_purges_nothing_here(council: Store) -> None:
    from caseworker.services import retention as retention_service

    with council.write() as s:
        citizen_id, case_id, _ = _person(s)
        retention_service.place_hold(s, SUPERVISOR, case_id=case_id, reason="claim 2026/7")
        with pytest.raises(ValidationError, match="legal hold"):
            erasure.request_erasure(
                s, SUPERVISOR, citizen_id, mode="erase", basis="objection", reason="citizen_request"
            )
    assert _pull(council, [_erasure_doc(citizen_id)]).written == []
    with council.read() as s:
        assert s.get(Citizen, citizen_id) is not None and s.get(StoredDocument, case_id)


def test_a_disposal_of_one_case_takes_the_case_and_what_hangs_off_it_not_the_citizen(
    council: Store,
) -> None:
    with council.write() as s:
        citizen_id, case_id, note_id = _person(s)
    doc = erasure.erasure_document(
        "erasure:d1",
        None,
        record_id=case_id,
        by=SUPERVISOR.staff_id,
        mode="erase",
        basis="no_longer_necessary",
        reason="retention_schedule",
    )
    done = _pull(council, [{**doc, "_rev": "1-dd"}])
    assert {case_id, note_id} <= {w.doc_id for w in done.written}
    with council.read() as s:
        assert s.get(Citizen, citizen_id) is not None  # the person's record stays
        assert s.get(StoredDocument, case_id) is None and s.get(StoredDocument, note_id) is None


def test_an_erasure_the_central_worker_refused_for_a_hold_purges_nothing_here(
    council: Store,
) -> None:
    """The hold is on a record this laptop does not hold: it learns of it only from the
    outcome. Nothing was erased centrally, so nothing goes here, nothing is refused later,
    and the person's records still arrive."""
    with council.write() as s:
        citizen_id, case_id, _ = _person(s)
    refused = {
        **_erasure_doc(citizen_id, rev="2-ff"),
        "state": "failed",
        "failure": "legal_hold",
        "detail": scope.UNDER_HOLD,
    }
    assert _pull(council, [refused]).written == []
    later = {**_mention(citizen_id), "_id": "mention:m2"}
    assert _pull(council, [later]).dropped == 0
    with council.read() as s:
        assert s.get(Citizen, citizen_id) is not None and s.get(StoredDocument, case_id)
        assert s.get(StoredDocument, "mention:m2") is not None
        assert not list(s.scalars(select(ErasedRoot.root_id)))
        assert erasure_local.refetch_due(s) is None  # it took nothing here: nothing to fetch


def test_an_erasure_asked_for_here_then_refused_for_a_hold_no_longer_refuses_its_records(
    council: Store,
) -> None:
    with council.write() as s:
        citizen_id, *_ = _person(s)
    asked = _erasure_doc(citizen_id)
    assert _pull(council, [asked]).written  # carried out here at once, as on asking
    refused = {**asked, "_rev": "2-ff", "state": "failed", "failure": "legal_hold"}
    with_it = {**_mention(citizen_id), "_id": "mention:m3"}  # in the same batch
    assert _pull(council, [refused, with_it]).dropped == 0
    with council.read() as s:  # what it purged here is behind the pull checkpoint: fetch again
        assert erasure_local.refetch_due(s) is not None
    later = {**_mention(citizen_id), "_id": "mention:m4"}
    assert _pull(council, [later]).dropped == 0
    with council.read() as s:
        assert not list(s.scalars(select(ErasedRoot.root_id)))
        assert s.get(StoredDocument, "mention:m3") is not None
        assert s.get(StoredDocument, "mention:m4") is not None


def test_a_fetch_begun_before_another_refusal_does_not_clear_its_mark(council: Store) -> None:
    """Two refused erasures: the fetch owed for the first, ending after the second was learnt
    (it may have read past the second's records before they were let in), leaves the mark."""
    with council.write() as s:
        first, *_ = _person(s)
        second = _others(s, 1)[0]
    one = _erasure_doc(first)
    two = {**_erasure_doc(second), "_id": "erasure:e2"}
    _pull(council, [one, two])
    _pull(council, [{**one, "_rev": "2-ff", "state": "failed", "failure": "legal_hold"}])
    with council.read() as s:
        begun = erasure_local.refetch_due(s)
    assert begun is not None
    _pull(council, [{**two, "_rev": "2-ff", "state": "failed", "failure": "legal_hold"}])
    with council.write() as s:
        erasure_local.refetch_done(s, begun)
    with council.read() as s:
        later = erasure_local.refetch_due(s)
    assert later is not None and later != begun
    with council.write() as s:
        erasure_local.refetch_done(s, later)
    with council.read() as s:
        assert erasure_local.refetch_due(s) is None
