"""The central worker's "directory" job: each citizen's directory entry, derived from their
record in the central database, holding only what finding a caller needs."""

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests

from caseworker.store.problems import list_problems
from sync.worker.directory import DERIVATION
from tests.support.couch_server import CouchServer
from tests.support.gateway import USERS, Gateway, central_database, gateway_council
from tests.sync.helpers import local_ids, make_store, sync
from tests.sync.worker_support import (
    JSON,
    Db,
    WorkerProcess,
    a_full_citizen,
    central_db,
    eventually,
)

SECRETS = (
    "1 Secret Street",  # an address
    "1961-07-04",  # a date of birth
    "marketing-purpose",  # a consent
    "Home landline label",  # an identifier's label
    "100023336956",  # a UPRN
    "@carys_social",  # a social-media identifier
    "hidden extra field",  # a field no schema names
)


@pytest.fixture
def db(couch_server: CouchServer, couch_db: str) -> Db:
    return central_db(couch_server, couch_db)


def worker(db: Db, **kw: Any) -> WorkerProcess:
    return WorkerProcess(db.url, *db.auth, **kw)


def test_an_entry_never_carries_consents_birth_dates_addresses_or_other_fields(db: Db) -> None:
    db.put(a_full_citizen("c1"))
    with worker(db) as w:
        entry = eventually(lambda: db.entry("c1"), "the entry of citizen:c1")
        w.wait_for("job directory finished")
    text = json.dumps(entry)
    for secret in SECRETS:
        assert secret not in text
    body = {k: v for k, v in entry.items() if k != "_rev"}
    assert body == {
        "_id": "directory:c1",
        "type": "directory",
        "schema": 1,
        "citizen_id": "citizen:c1",
        "given_name": "Carys",
        "family_name": "Jones",
        "preferred_name": "Caz",
        "language": "en",
        "phones": ["01248 123456"],
        "emails": ["carys@example.org"],
        "postcodes": ["LL57 2PW"],
    }


def test_malformed_citizens_are_skipped_with_a_line_and_never_stop_the_job(db: Db) -> None:
    wrong_types = a_full_citizen("bad1", given_name=5, identifiers="not a list")
    missing = {"_id": "citizen:bad2", "type": "citizen", "schema": 1}
    huge = a_full_citizen("bad3", family_name="x" * 3_000_000)
    not_a_citizen = {**a_full_citizen("bad4"), "type": "case"}
    newer = a_full_citizen("bad5", schema=99)
    bad_identifier = a_full_citizen("bad6", identifiers=[{"kind": "phone"}, 7])
    db.bulk([wrong_types, missing, huge, not_a_citizen, newer, bad_identifier])
    db.put(a_full_citizen("good", given="Gwen"))
    with worker(db) as w:
        assert eventually(lambda: db.entry("good"), "the good citizen's entry")["given_name"] == (
            "Gwen"
        )
        w.wait_for("job directory finished")
        for key in ("bad1", "bad2", "bad3", "bad4", "bad5", "bad6"):
            assert w.count(f"job directory skipped citizen:{key}") == 1, w.report()
            assert db.entry(key) is None
        # Still running: a later citizen is still summarised.
        db.put(a_full_citizen("later", given="Lowri"))
        assert eventually(lambda: db.entry("later"), "the later citizen's entry")
        assert w.running


def test_a_document_larger_than_a_batch_may_hold_is_skipped_not_read(db: Db) -> None:
    db.put(a_full_citizen("big", extra="y" * 2_000_000))
    db.put(a_full_citizen("after", given="Alun"))
    env_batch = ("--batch-bytes", "1000000")
    with worker(db, extra=env_batch) as w:
        assert eventually(lambda: db.entry("after"), "the entry after the big one")
        w.wait_for("job directory skipped citizen:big: larger than 1,000,000 bytes")
    assert db.entry("big") is None


def test_an_edited_citizen_updates_the_entry_and_a_deleted_one_removes_it(db: Db) -> None:
    db.put(a_full_citizen("c1"))
    db.put(a_full_citizen("c2", given="Dafydd"))
    with worker(db) as w:
        first = eventually(lambda: db.entry("c1"), "the first entry")
        eventually(lambda: db.entry("c2"), "the second entry")
        citizen = db.get("/citizen:c1")
        citizen["identifiers"][0]["value"] = "07700 900123"
        citizen["given_name"] = "Cari"
        db.put(citizen)
        updated = eventually(
            lambda: (e := db.entry("c1")) and e["given_name"] == "Cari" and e,
            "the entry updated",
        )
        assert updated["phones"] == ["07700 900123"]
        assert updated["_rev"] != first["_rev"]
        db.delete("citizen:c2")
        eventually(lambda: db.entry("c2") is None, "the deleted citizen's entry gone")
        w.wait_for("1 deleted")


def test_an_edit_that_changes_nothing_in_the_entry_writes_no_new_revision(db: Db) -> None:
    db.put(a_full_citizen("c1"))
    with worker(db) as w:
        first = eventually(lambda: db.entry("c1"), "the entry")
        citizen = db.get("/citizen:c1")
        citizen["consents"] = []  # not in the entry
        citizen["date_of_birth"] = "1970-01-01"
        db.put(citizen)
        db.put(a_full_citizen("marker", given="Mair"))  # after the edit in the feed
        eventually(lambda: db.entry("marker"), "the marker's entry")
        w.wait_for("1 unchanged")
    assert db.entry("c1")["_rev"] == first["_rev"]


def test_a_restarted_worker_resumes_from_its_checkpoint_and_a_rebuild_starts_again(
    db: Db,
) -> None:
    db.put(a_full_citizen("c1"))
    with worker(db) as w:
        eventually(lambda: db.entry("c1"), "the entry")
        w.wait_for("job directory finished")
    checkpoint = db.get("/_local/caseworker-job-directory")
    assert checkpoint is not None and checkpoint["since"] != 0
    # An entry made by hand, for no citizen, and a stale one: only a rebuild finds them.
    orphan = {**db.entry("c1"), "_id": "directory:nobody", "citizen_id": "citizen:nobody"}
    del orphan["_rev"]
    db.put(orphan)
    with worker(db) as w:
        w.wait_for("job directory finished")
        assert db.entry("nobody") is not None  # resumed: the orphan is not in its feed
    with worker(db, extra=("--rebuild", "directory")) as w:
        eventually(lambda: db.entry("nobody") is None, "the orphan entry deleted")
        w.wait_for("job directory finished")
    assert db.entry("c1") is not None


def test_agents_read_entries_through_the_gateway_officers_do_not_and_nobody_writes_them(
    couch_server: CouchServer,
) -> None:
    name = f"dir-{uuid.uuid4().hex[:12]}"
    db_url = couch_server.create_db(name)
    try:
        with central_database(couch_server, db_url, [a_full_citizen("c1")]):
            db = Db(db_url, couch_server.admin_auth)
            with worker(db):
                entry = eventually(lambda: db.entry("c1"), "the entry")
            with Gateway(couch_server, db_url) as gateway:

                def changed_ids(user: str) -> set[str]:
                    answer = requests.get(
                        gateway.db_url + "/_changes",
                        params={"style": "all_docs"},
                        auth=USERS[user],
                        headers=JSON,
                        timeout=30,
                    ).json()
                    return {row["id"] for row in answer["results"]}

                assert "directory:c1" in changed_ids("ann")  # an agent: any caller
                assert "directory:c1" in changed_ids("sam")
                assert "directory:c1" not in changed_ids("olu")  # a field officer: no
                forged = {**entry, "phones": ["0800 000000"], "_rev": "2-" + "f" * 32}
                forged["_revisions"] = {"start": 2, "ids": ["f" * 32, entry["_rev"][2:]]}
                new = {**entry, "_id": "directory:made-up", "_rev": "1-" + "e" * 32}
                for user in ("ann", "sam", "olu"):
                    answer = requests.post(
                        gateway.db_url + "/_bulk_docs",
                        json={"docs": [forged, new], "new_edits": False},
                        auth=USERS[user],
                        headers=JSON,
                        timeout=30,
                    ).json()
                    assert [r.get("error") for r in answer] == ["forbidden", "forbidden"], answer
            assert db.entry("c1")["_rev"] == entry["_rev"]
            assert db.entry("made-up") is None
    finally:
        couch_server.delete_db(name)


@pytest.mark.parametrize(
    "checkpoint",
    [
        {"since": {"not": "a seq"}, "derivation": "1.1"},
        {"since": True, "derivation": "1.1"},
        {"since": 10_000, "derivation": "0.0"},  # an older way of deriving entries
        {"nothing": "useful"},
    ],
)
def test_a_garbage_or_outdated_checkpoint_starts_again_from_nothing(
    db: Db, checkpoint: dict[str, Any]
) -> None:
    r = requests.put(
        db.url + "/_local/caseworker-job-directory",
        auth=db.auth,
        headers=JSON,
        data=json.dumps(checkpoint),
        timeout=30,
    )
    assert r.status_code == 201
    db.put(a_full_citizen("c1"))
    with worker(db) as w:
        assert eventually(lambda: db.entry("c1"), "the entry")
        w.wait_for("job directory finished")
        assert w.count("job directory failed") == 0, w.report()
    saved = db.get("/_local/caseworker-job-directory")
    assert saved["derivation"] == DERIVATION and saved["since"] != 0


def test_an_agents_laptop_keeps_every_entry_but_no_other_citizens_record(
    couch_server: CouchServer, tmp_path: Path
) -> None:
    name = f"dir-{uuid.uuid4().hex[:12]}"
    db_url = couch_server.create_db(name)
    try:
        with central_database(couch_server, db_url, gateway_council()):
            db = Db(db_url, couch_server.admin_auth)
            with worker(db):
                for key in ("c1", "c2", "c3"):
                    eventually(lambda key=key: db.entry(key), f"the entry of {key}")
            ann, olu = make_store(tmp_path, "ann"), make_store(tmp_path, "olu")
            with Gateway(couch_server, db_url) as gateway:
                try:
                    assert sync(ann, gateway.db_url, USERS["ann"]).up_to_date
                    assert sync(olu, gateway.db_url, USERS["olu"]).up_to_date
                    entries = {"directory:c1", "directory:c2", "directory:c3"}
                    assert entries <= local_ids(ann)
                    assert {"citizen:c2", "citizen:c3", "note:c3"}.isdisjoint(local_ids(ann))
                    assert not any(i.startswith("directory:") for i in local_ids(olu))
                    with ann.read() as session:
                        assert list_problems(session) == []  # kept, not a problem
                    # A deleted citizen's entry leaves the agent's laptop at the next sync.
                    db.delete("citizen:c3")
                    with worker(db):
                        eventually(lambda: db.entry("c3") is None, "the entry deleted")
                    assert sync(ann, gateway.db_url, USERS["ann"]).up_to_date
                    assert "directory:c3" not in local_ids(ann)
                finally:
                    ann.close()
                    olu.close()
            everything = b"".join(p.read_bytes() for p in (tmp_path / "ann").iterdir())
            for secret in ("council tax", "pothole"):  # notes on others' records
                assert secret.encode() not in everything
    finally:
        couch_server.delete_db(name)
