"""The central erasure against Apache CouchDB 3: after the job, no revision of the citizen's
records can be read (old revisions, a conflicting branch, a deleted note that kept its body),
the change feed no longer names them, the other citizens are untouched, and, when the server's
data folder is given, no file of the database (shards, view indexes) holds the name, phone or
email. An anonymisation keeps the case for statistics, with no old revision left.

Runs only against a real CouchDB (PouchDB Server has no ``_purge``): set
``CASEWORKER_TEST_COUCHDB=http://admin:PASSWORD@127.0.0.1:PORT`` and, to scan the raw files,
``CASEWORKER_TEST_COUCHDB_DATA`` to the server's data folder (``.../rel/couchdb/data``). The
databases it makes are named ``erasure-test-...`` and deleted afterwards."""

import asyncio
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from caseworker.erasure import scope
from caseworker.services.erasure import erasure_document
from sync.gateway.couch import Couch
from sync.worker.erasure import ErasureJob
from sync.worker.jobs import JobContext
from sync.worker.lease import Lease
from tests.support.external_couch import external_couch
from tests.support.gateway import a_case, a_citizen, a_note
from tests.sync.worker_support import Db, central_db

COUCH = external_couch()
pytestmark = pytest.mark.skipif(COUCH is None, reason="needs CASEWORKER_TEST_COUCHDB (a CouchDB)")
DATA = os.environ.get("CASEWORKER_TEST_COUCHDB_DATA", "").strip()
GIVEN, FAMILY = "Zebedee", "Quuxworth"
PHONE, EMAIL, OLD_EMAIL = "07700900123", "zebedee.q@quux.example", "zq.old@quux.example"
NEEDLES = (GIVEN, FAMILY, PHONE, EMAIL, OLD_EMAIL, "Zeb-branch")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


_COMPRESSION = "_node/_local/_config/couchdb/file_compression"


@pytest.fixture
def db() -> Iterator[tuple[Db, str]]:
    """A new database; with a data folder to scan, written uncompressed (CouchDB compresses
    bodies with snappy by default, which could hide a name from a scan of the raw bytes), the
    server's setting put back afterwards."""
    assert COUCH is not None
    session = COUCH.admin_session()
    before = session.get(COUCH.admin_url(_COMPRESSION), timeout=10)
    if DATA:
        session.put(COUCH.admin_url(_COMPRESSION), data='"none"', timeout=10).raise_for_status()
    name = f"erasure-test-{uuid.uuid4().hex[:10]}"
    url = COUCH.create_db(name)
    try:
        yield central_db(COUCH, url), name
    finally:
        COUCH.delete_db(name)
        if DATA and before.status_code == 200:
            session.put(COUCH.admin_url(_COMPRESSION), data=before.text, timeout=10)
        elif DATA:
            session.delete(COUCH.admin_url(_COMPRESSION), timeout=10)


def _post(db: Db, path: str, body: Any) -> Any:
    r = requests.post(db.url + path, auth=db.auth, headers=JSON, data=json.dumps(body), timeout=60)
    assert r.status_code < 300, r.text
    return r.json()


def _person(db: Db) -> dict[str, str]:
    """The citizen with two revisions (the first holding an old email), a conflicting branch,
    a case, a note on the case, a deleted note that kept its text, and a linked mention."""
    citizen = a_citizen("citizen:z", GIVEN, FAMILY)
    citizen["identifiers"] = [
        {"id": "i1", "kind": "email", "value": OLD_EMAIL, "verified_by": "unverified",
         "added_at": "2026-01-01T09:00:00+00:00"},
    ]  # fmt: skip
    rev1 = db.put(citizen)
    citizen.update(_rev=rev1)
    citizen["identifiers"] = [
        {"id": "i2", "kind": "email", "value": EMAIL, "verified_by": "unverified",
         "added_at": "2026-01-01T09:00:00+00:00"},
        {"id": "i3", "kind": "phone", "value": PHONE, "verified_by": "unverified",
         "added_at": "2026-01-01T09:00:00+00:00"},
    ]  # fmt: skip
    db.put(citizen)
    branch = {**citizen, "preferred_name": "Zeb-branch", "_rev": "2-" + "b" * 32}
    _post(db, "/_bulk_docs", {"docs": [branch], "new_edits": False})
    db.put(a_case("case:z", citizen_id="citizen:z", summary=f"{FAMILY} bin"))
    db.put(a_note("note:z", f"{GIVEN} rang from {PHONE}", "staff:sam", case_id="case:z"))
    gone = a_note("note:gone", f"wrong number for {FAMILY}", "staff:sam", citizen_id="citizen:z")
    gone_rev = db.put(gone)
    tombstone = {**gone, "_rev": gone_rev, "_deleted": True}  # a tombstone that keeps its body
    _post(db, "/_bulk_docs", {"docs": [tombstone]})
    db.put(
        {
            "_id": "mention:z",
            "type": "mention",
            "network": "mastodon",
            "remote_id": "9",
            "author_handle": "@zq",
            "author_name": f"{GIVEN} {FAMILY}",
            "content_text": "my bin",
            "published_at": "2026-11-01T10:00:00+00:00",
            "state": "linked",
            "citizen_id": "citizen:z",
        }
    )
    for n in range(20):
        db.put(a_citizen(f"citizen:o{n}", f"Other{n}", f"Person{n}"))
    return {"citizen": "citizen:z", "case": "case:z", "note": "note:z", "rev1": rev1}


def _erasure(db: Db, mode: str) -> str:
    doc = erasure_document(
        "erasure:1",
        "citizen:z",
        by="staff:sam",
        mode=mode,
        basis="objection",
        reason="citizen_request",
    )
    db.put(doc)
    return str(doc["_id"])


def _run(db: Db, steps: int = 1) -> list[str]:
    """``steps`` steps of a fresh job (a new worker: it reads its position from the database)."""
    lines: list[str] = []

    async def main() -> None:
        server, _, name = db.url.rpartition("/")
        couch = Couch(server, name, *db.auth)
        try:
            lease = Lease(couch, "erasure", f"test-{uuid.uuid4().hex[:6]}", 60.0)
            assert await lease.acquire()
            job = ErasureJob()
            for _ in range(steps):
                await job.step(JobContext(couch, lease, lines.append, 0.05, 2**24))
            await lease.release()
        finally:
            await couch.aclose()

    asyncio.run(main())
    return lines


def _raw_files(name: str) -> bytes:
    """Every file of the database in the server's data folder: shards and view indexes."""
    files = [p for p in Path(DATA).rglob("*") if p.is_file() and name in str(p)]
    assert files, f"no files of {name} under {DATA}"
    return b"".join(p.read_bytes() for p in files).lower()


def _traces(raw: bytes) -> list[str]:
    return [n for n in NEEDLES if n.casefold().encode() in raw]


def _open_revs(db: Db, doc_id: str) -> Any:
    r = requests.get(
        f"{db.url}/{doc_id}", params={"open_revs": "all"}, auth=db.auth, headers=JSON, timeout=30
    )
    return r.status_code, (r.json() if r.status_code == 200 else None)


def test_erasure_purges_every_revision_and_compaction_leaves_no_trace(db: tuple[Db, str]) -> None:
    central, name = db
    ids = _person(central)
    erasure_id = _erasure(central, "erase")
    # The view index is built over the citizen's records too, so it must be compacted.
    central.get("/_design/caseworker-access/_view/access?limit=1&reduce=false")
    if DATA:
        assert _traces(_raw_files(name)) == list(NEEDLES)  # the scan finds what is there
    lines = _run(central)
    done = central.get("/" + erasure_id)
    assert done["state"] == "done" and done["purged"] == 6, lines  # leaves: 2 + 1 + 1 + 1 + 1
    for doc_id in ("citizen:z", "case:z", "note:z", "note:gone", "mention:z"):
        status, leaves = _open_revs(central, doc_id)
        assert status == 404 or leaves == [], (doc_id, leaves)
    old = requests.get(f"{central.url}/citizen:z", params={"rev": ids["rev1"]}, auth=central.auth)
    assert old.status_code == 404
    feed = central.get("/_changes?style=all_docs")
    named = {row["id"] for row in feed["results"]}
    assert not named & {"citizen:z", "case:z", "note:z", "note:gone", "mention:z"}
    assert {f"citizen:o{n}" for n in range(20)} <= named and erasure_id in named
    assert central.get("/citizen:o3")["family_name"] == "Person3"
    if DATA:
        assert _traces(_raw_files(name)) == []


def test_anonymisation_keeps_the_case_for_statistics_without_any_old_revision(
    db: tuple[Db, str],
) -> None:
    central, name = db
    _person(central)
    case_rev = central.get("/case:z")["_rev"]
    erasure_id = _erasure(central, "anonymise")
    _run(central)
    assert central.get("/" + erasure_id)["state"] == "done"
    case = central.get("/case:z")
    assert case[scope.ANONYMISED] == erasure_id and case["summary"] == ""
    assert case["status"] == "new" and case["opened_at"]  # the figures still count it
    assert central.get(f"/case:z?rev={case_rev}") is None
    citizen = central.get("/citizen:z")
    assert citizen["given_name"] == "" and citizen["identifiers"] == []
    _status, leaves = _open_revs(central, "citizen:z")
    assert len(leaves) == 1  # the conflicting branch went too
    assert central.get("/note:z") is None and central.get("/mention:z") is None
    if DATA:
        assert _traces(_raw_files(name)) == []


def test_records_of_an_erased_citizen_written_later_are_purged_too(db: tuple[Db, str]) -> None:
    """A laptop offline at the time pushes a note on the erased case, and the citizen's record
    again, before it pulls the erasure: the job, following the change feed, purges them."""
    central, name = db
    _person(central)
    erasure_id = _erasure(central, "erase")
    _run(central)
    assert central.get("/" + erasure_id)["roots"] == ["case:z", "citizen:z"]
    central.put(a_note("note:late", f"{FAMILY} rang again", "staff:sam", case_id="case:z"))
    central.put(a_citizen("citizen:z", GIVEN, FAMILY))
    central.put(a_citizen("citizen:new", "Nia", "Newydd"))
    lines = _run(central, steps=2)
    assert any("arrived late purged" in line for line in lines), lines
    for doc_id in ("note:late", "citizen:z"):
        status, leaves = _open_revs(central, doc_id)
        assert status == 404 or leaves == [], (doc_id, leaves)
    assert central.get("/citizen:new")["family_name"] == "Newydd"
    if DATA:
        assert _traces(_raw_files(name)) == []


def test_an_anonymisation_run_again_keeps_the_anonymised_copies(db: tuple[Db, str]) -> None:
    """A worker that wrote the anonymised copies and then failed before recording the outcome
    runs the erasure again: the copies stay, nothing old comes back."""
    central, _name = db
    _person(central)
    erasure_id = _erasure(central, "anonymise")
    _run(central)
    done = central.get("/" + erasure_id)
    central.put({**done, "state": "requested"})  # as if the outcome had not been recorded
    _run(central)
    case = central.get("/case:z")
    assert case[scope.ANONYMISED] == erasure_id and case["summary"] == ""
    assert central.get("/citizen:z")["given_name"] == ""
    assert central.get("/" + erasure_id)["state"] == "done"


def test_an_erasure_under_legal_hold_removes_nothing_and_says_why(db: tuple[Db, str]) -> None:
    central, _name = db
    _person(central)
    central.put(
        {
            "_id": "hold:1",
            "type": "legal_hold",
            "case_id": "case:z",
            "reason": "claim 2026/7",
            "by": "staff:sam",
            "at": "2026-11-01T10:00:00+00:00",
        }
    )
    erasure_id = _erasure(central, "erase")
    lines = _run(central)
    done = central.get("/" + erasure_id)
    assert done["state"] == "failed" and "legal hold" in done["detail"], lines
    assert central.get("/citizen:z")["family_name"] == FAMILY
