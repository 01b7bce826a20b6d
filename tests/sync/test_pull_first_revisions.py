"""A pull reads documents whose only missing revision is their first with ``_all_docs``
(``include_docs``), which costs a server far less than ``_bulk_get``; everything else, and any
row that is not exactly the revision asked for, still comes through ``_bulk_get``. Either way
the store ends up the same."""

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import text

from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store.store import Store
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply
from tests.sync.helpers import AGENT, make_store, sync


@pytest.fixture
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


def put(server: CouchServer, db_url: str, doc: dict[str, Any]) -> str:
    reply = requests.put(
        f"{db_url}/{doc['_id']}", json=doc, auth=server.admin_auth, timeout=10
    ).json()
    return str(reply["rev"])


@pytest.fixture
def mixed_db(couch_server: CouchServer, tmp_path: Path) -> tuple[str, dict[str, str]]:
    """Cases in their first revision, one edited since, one with a photo, one deleted."""
    db_url = couch_server.create_db(f"first-revs-{uuid.uuid4().hex[:8]}")
    office = make_store(tmp_path, "office", council=True)
    with office.write() as s:
        opened = [
            cases.open_case(s, AGENT, NewCase("missed-bin", f"Bin missed at no. {i}", "phone"))
            for i in range(4)
        ]
    assert sync(office, db_url).up_to_date
    office.close()
    edited, deleted = opened[0][0], opened[1][0]
    doc = requests.get(f"{db_url}/{edited}", auth=couch_server.admin_auth, timeout=10).json()
    put(couch_server, db_url, {**doc, "summary": "Bin missed again"})
    doc = requests.get(f"{db_url}/{deleted}", auth=couch_server.admin_auth, timeout=10).json()
    put(couch_server, db_url, {"_id": deleted, "_rev": doc["_rev"], "_deleted": True})
    photo = "note:photo-" + uuid.uuid4().hex[:8]
    put(
        couch_server,
        db_url,
        {
            "_id": photo,
            "type": "note",
            "_attachments": {"a.txt": {"content_type": "text/plain", "data": "aGVsbG8="}},
        },
    )
    return db_url, {"edited": edited, "deleted": deleted, "photo": photo, "plain": opened[2][0]}


def stored(store: Store) -> dict[str, Any]:
    """Every document's tree and winning body, other leaves' bodies, attachment content."""
    with store.read() as session:
        rows = session.execute(text("SELECT id, rev, deleted, rev_tree, body FROM documents"))
        leaves = session.execute(text("SELECT doc_id, rev, body FROM leaf_bodies"))
        content = session.execute(text("SELECT digest, data FROM attachments"))
        return {
            "documents": {row[0]: tuple(row[1:]) for row in rows},
            "leaves": sorted(tuple(row) for row in leaves),
            "attachments": dict(tuple(row) for row in content),
        }


def pull(hostile: HostileServer, db_url: str, store: Store) -> None:
    client = CouchClient(hostile.rewrite(db_url))
    try:
        assert Replicator(store, client, batch_size=3).pull().caught_up  # many batches
    finally:
        client.close()


def asked(hostile: HostileServer) -> tuple[set[str], set[str]]:
    firsts = {key for r in hostile.seen("/_all_docs") for key in r.json()["keys"]}
    later = {d["id"] for r in hostile.seen("/_bulk_get") for d in r.json()["docs"]}
    return firsts, later


def test_first_revisions_come_from_all_docs_and_the_rest_from_bulk_get(
    hostile: HostileServer, mixed_db: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    db_url, ids = mixed_db
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)
    firsts, later = asked(hostile)
    assert ids["plain"] in firsts and ids["plain"] not in later
    assert ids["edited"] in later and ids["deleted"] in later
    assert ids["edited"] not in firsts and ids["deleted"] not in firsts
    assert ids["photo"] in firsts and ids["photo"] in later  # attachments: read whole after
    assert all(r.query.get("include_docs") == "true" for r in hostile.seen("/_all_docs"))


def test_the_store_is_the_same_whichever_way_the_documents_came(
    hostile: HostileServer, mixed_db: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    db_url, ids = mixed_db
    quick = make_store(tmp_path, "quick")
    pull(hostile, db_url, quick)
    hostile.clear()
    hostile.requests.clear()
    hostile.on("/_all_docs", Reply(404, {"error": "not_found", "reason": "missing"}))
    slow = make_store(tmp_path, "slow")
    pull(hostile, db_url, slow)
    assert len(hostile.seen("/_all_docs")) == 1  # once refused, never asked again
    assert stored(quick) == stored(slow)
    assert ids["photo"] in stored(quick)["documents"]
    assert stored(quick)["attachments"]  # the photo's content came, digest checked
