"""Two clients and the server: creates, edits, deletes and attachments go round intact."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caseworker.models import Case, StoredDocument
from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store import docstore, replication, settings
from caseworker.timeutil import utcnow
from sync.errors import SyncError
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer, run_replicate_js
from tests.sync.helpers import AGENT, OFFICER, make_store, server_doc, sync

PHOTO = bytes(range(256)) * 40  # a field officer's "photo"


def test_creates_edits_deletes_and_attachments_reach_the_other_client(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    office = make_store(tmp_path, "office", council=True)
    van = make_store(tmp_path, "van")
    with office.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        doomed, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Opened by mistake", "phone"))
    first = sync(office, couch_db)
    assert first.up_to_date and first.push.docs_written > 5
    assert sync(van, couch_db).pull.docs_written == first.push.docs_written

    # The officer edits the case and attaches a photo; the office deletes the other case.
    with van.write() as s:
        cases.set_priority(s, OFFICER, case_id, "high")
        doc = replication.attach(s, docstore.require(s, case_id), "photo.jpg", "image/jpeg", PHOTO)
        docstore.put(s, doc)
    with office.write() as s:
        docstore.delete_doc(s, doomed)
    assert sync(van, couch_db).up_to_date
    assert sync(office, couch_db).up_to_date
    assert sync(van, couch_db).up_to_date

    on_server = server_doc(couch_server, couch_db, case_id, attachments="true")
    assert on_server["priority"] == "high"
    att = on_server["_attachments"]["photo.jpg"]
    assert att["content_type"] == "image/jpeg"
    assert att["digest"] == replication.digest_of(PHOTO)
    assert server_doc(couch_server, couch_db, doomed) is None
    for store in (office, van):
        with store.read() as s:
            case = s.get(Case, case_id)
            assert case is not None and case.priority == "high" and not case.conflicted
            assert s.get(Case, doomed) is None
            body = docstore.require(s, case_id)
            stub = body["_attachments"]["photo.jpg"]
            assert stub["stub"] is True and "data" not in stub
            assert replication.attachment_data(s, [stub["digest"]]) == {stub["digest"]: PHOTO}
            row = s.get(StoredDocument, doomed)
            assert row is not None and row.deleted
    # Both stores hold the same documents at the same revisions.
    with office.read() as a, van.read() as b:
        revs_a = dict(a.execute(select(StoredDocument.id, StoredDocument.rev)).all())
        revs_b = dict(b.execute(select(StoredDocument.id, StoredDocument.rev)).all())
    assert revs_a == revs_b


def test_a_replayed_sync_changes_nothing(couch_db: str, tmp_path: Path) -> None:
    office = make_store(tmp_path, "office", council=True)
    with office.write() as s:
        cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
    sync(office, couch_db)
    van = make_store(tmp_path, "van")
    sync(van, couch_db)
    with van.read() as s:
        before = s.execute(select(StoredDocument.id, StoredDocument.seq)).all()
    # The same batches again, as after a crash before the checkpoint: nothing is written.
    remote = CouchClient(couch_db)
    changes = remote.get("/_changes", {"style": "all_docs"})["results"]
    docs = remote.post(
        "/_bulk_get",
        {"docs": [{"id": c["id"], "rev": c["changes"][0]["rev"]} for c in changes]},
        {"revs": "true"},
    )["results"]
    with van.write() as s:
        assert replication.put_replicated_many(s, [d["docs"][0]["ok"] for d in docs]) == []
    again = sync(van, couch_db)
    assert again.pull.docs_written == 0 and again.push.docs_written == 0
    with van.read() as s:
        assert s.execute(select(StoredDocument.id, StoredDocument.seq)).all() == before


def test_documents_written_by_pouchdb_arrive_intact(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    store = make_store(tmp_path, "van", council=True)
    with store.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        body = docstore.require(s, case_id)
    note = {
        "_id": "note:pouch-1",
        "type": "note",
        "schema": 1,
        "case_id": case_id,
        "text": "Written by PouchDB — Café ☕, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "at": "2025-01-02T03:04:05Z",
        "by": "staff:agent",
        "_attachments": {"a.txt": {"content_type": "text/plain", "data": "aGVsbG8="}},
    }
    odd = {"_id": "odd:1", "no_type": True}
    docs_file = tmp_path / "docs.json"
    docs_file.write_text(json.dumps([note, odd]), encoding="utf-8")
    db_name = couch_db.rsplit("/", 1)[1]
    written = run_replicate_js("write", couch_server.admin_url(db_name), str(docs_file))
    assert written["docs_written"] == 2
    revs = {r["id"]: r["rev"] for r in written["results"]}
    assert sync(store, couch_db).up_to_date
    with store.read() as s:
        got = docstore.require(s, "note:pouch-1")
        assert got["_rev"] == revs["note:pouch-1"]
        assert got["text"] == note["text"]
        assert got["_attachments"]["a.txt"]["digest"] == "md5-XUFAKrxLKna5cZ2REBfFkg=="
        # Kept (nothing is lost) but not projected: it has no type.
        row = s.get(StoredDocument, "odd:1")
        assert row is not None and row.problem and "type" in row.problem
    # ...and what we pushed PouchDB reads back with the same revision.
    assert server_doc(couch_server, couch_db, case_id)["_rev"] == body["_rev"]


def test_a_413_halves_the_batch(couch_server: CouchServer, couch_db: str, tmp_path: Path) -> None:
    store = make_store(tmp_path, "office", council=True)
    with store.write() as s:
        for i in range(40):
            cases.open_case(s, AGENT, NewCase("missed-bin", f"Case {i} " + "x" * 200, "phone"))
    couch_server.set_config("couchdb", "max_document_size", "20000")
    try:
        result = sync(store, couch_db, batch_size=200)
    finally:
        couch_server.delete_config("couchdb", "max_document_size")
    assert result.up_to_date
    with store.read() as s:
        local = s.scalar(select(func.count()).select_from(StoredDocument))
    assert result.push.docs_written == local
    other = make_store(tmp_path, "other")
    remote = CouchClient(couch_db)
    assert Replicator(other, remote).pull().docs_written == local


def test_a_completed_sync_is_remembered_in_the_store_for_the_window(
    couch_db: str, tmp_path: Path
) -> None:
    store = make_store(tmp_path, "laptop", council=True)
    with store.read() as s:
        assert settings.last_sync(s) is None
    before = utcnow()
    assert sync(store, couch_db).up_to_date
    with store.read() as s:
        when = settings.last_sync(s)
    assert when is not None and before <= when <= utcnow()
    unreachable = CouchClient("http://127.0.0.1:9/nowhere", timeout=1.0)
    with pytest.raises(SyncError):
        Replicator(store, unreachable).sync()
    with store.read() as s:
        assert settings.last_sync(s) == when  # a failed sync changes nothing
