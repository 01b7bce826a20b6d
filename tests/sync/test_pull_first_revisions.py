"""A document still at its first revision comes with its change (``include_docs``): it has no
history to ask ``_bulk_get`` for. Only a document that is exactly the one revision its row
names is taken so; anything else a server puts beside a change (another revision, a history,
another document, a first revision beside a conflict) is fetched with ``_bulk_get`` as before,
and a page too large to read with its documents is read without them."""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from caseworker.store import docstore
from caseworker.store.store import Store
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply, Request, gzip_bomb
from tests.sync.helpers import make_store


@pytest.fixture
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


@pytest.fixture
def db_url(couch_server: CouchServer) -> str:
    return couch_server.create_db(f"first-revs-{uuid.uuid4().hex[:8]}")


def note(doc_id: str, text: str) -> dict[str, Any]:
    return {
        "_id": doc_id,
        "type": "note",
        "schema": 1,
        "text": text,
        "at": "2026-01-02T03:04:05.000Z",
        "by": "staff:agent",
    }


def put(couch_server: CouchServer, db_url: str, doc: dict[str, Any]) -> str:
    reply = requests.put(f"{db_url}/{doc['_id']}", json=doc, auth=couch_server.admin_auth)
    assert reply.status_code in (200, 201), reply.text
    rev: str = reply.json()["rev"]
    return rev


def pull(hostile: HostileServer, db_url: str, store: Store) -> None:
    client = CouchClient(hostile.rewrite(db_url))
    try:
        assert Replicator(store, client, batch_size=50).pull().caught_up
    finally:
        client.close()


def asked_of_bulk_get(hostile: HostileServer) -> list[str]:
    return [d["id"] for r in hostile.seen("/_bulk_get") for d in r.json()["docs"]]


def stored(store: Store, doc_id: str) -> dict[str, Any]:
    with store.read() as s:
        return dict(docstore.require(s, doc_id))


def with_feed_docs(hostile: HostileServer, change: Any) -> None:
    """The real feed, each row's document changed by ``change(row)`` (asked with documents)."""

    def script(request: Request) -> Reply:
        real = hostile.forward(request)
        answer = json.loads(real.content())
        for row in answer.get("results", []):
            if "doc" in row:
                change(row)
        return Reply(real.status, answer)

    hostile.on("/_changes", script)


def test_first_revisions_come_with_the_feed_and_later_ones_with_their_history(
    hostile: HostileServer, couch_server: CouchServer, db_url: str, tmp_path: Path
) -> None:
    put(couch_server, db_url, note("note:new", "only once"))
    first = put(couch_server, db_url, note("note:edited", "first words"))
    second = put(couch_server, db_url, {**note("note:edited", "second words"), "_rev": first})
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)
    assert all(r.query.get("include_docs") == "true" for r in hostile.seen("/_changes"))
    assert asked_of_bulk_get(hostile) == ["note:edited"]
    assert stored(store, "note:new")["text"] == "only once"
    edited = stored(store, "note:edited")
    assert (edited["_rev"], edited["text"]) == (second, "second words")
    with store.read() as s:
        full = docstore.with_revisions(s, "note:edited", second)
    assert full is not None
    revisions = full["_revisions"]
    assert revisions["start"] == 2 and len(revisions["ids"]) == 2  # the history came too


@pytest.mark.parametrize(
    "forgery",
    [
        pytest.param(lambda row: row["doc"].update(_rev="1-" + "f" * 32), id="another revision"),
        pytest.param(lambda row: row["doc"].update(_id="note:other"), id="another document"),
        pytest.param(
            lambda row: row["doc"].update(_revisions={"start": 1, "ids": ["x"]}), id="a history"
        ),
        pytest.param(lambda row: row.update(doc=["not", "a", "document"]), id="not an object"),
    ],
)
def test_a_document_that_is_not_its_rows_first_revision_is_fetched_instead(
    hostile: HostileServer,
    couch_server: CouchServer,
    db_url: str,
    tmp_path: Path,
    forgery: Any,
) -> None:
    rev = put(couch_server, db_url, note("note:real", "the real words"))

    def forge(row: dict[str, Any]) -> None:
        if isinstance(row["doc"], dict):
            row["doc"]["text"] = "forged words"
        forgery(row)

    with_feed_docs(hostile, forge)
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)
    assert asked_of_bulk_get(hostile) == ["note:real"]
    real = stored(store, "note:real")
    assert (real["_rev"], real["text"]) == (rev, "the real words")
    with store.read() as s:
        assert docstore.get(s, "note:other") is None


def test_a_first_revision_beside_a_conflict_is_fetched_with_the_conflict(
    hostile: HostileServer, couch_server: CouchServer, db_url: str, tmp_path: Path
) -> None:
    docs = [
        {**note("note:split", "ours"), "_rev": "1-" + "a" * 32},
        {**note("note:split", "theirs"), "_rev": "1-" + "b" * 32},
    ]
    reply = requests.post(
        f"{db_url}/_bulk_docs",
        json={"docs": docs, "new_edits": False},
        auth=couch_server.admin_auth,
    )
    assert reply.status_code == 201, reply.text
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)
    assert sorted(asked_of_bulk_get(hostile)) == ["note:split", "note:split"]
    with store.read() as s:
        leaves = docstore.leaf_bodies(s, "note:split")
    assert sorted(d["text"] for d in leaves) == ["ours", "theirs"]  # the conflict, to resolve


def test_a_page_too_large_with_its_documents_is_read_without_them(
    hostile: HostileServer, couch_server: CouchServer, db_url: str, tmp_path: Path
) -> None:
    put(couch_server, db_url, note("note:a", "one"))
    put(couch_server, db_url, note("note:b", "two"))
    bomb = Reply(200, gzip_bomb(80), headers={"Content-Encoding": "gzip"})
    hostile.on("/_changes", lambda r: bomb if r.query.get("include_docs") == "true" else None)
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)
    assert stored(store, "note:a")["text"] == "one" and stored(store, "note:b")["text"] == "two"
    assert sorted(asked_of_bulk_get(hostile)) == ["note:a", "note:b"]
    feeds = hostile.seen("/_changes")
    # Asked once with documents; every later page without them.
    assert [r.query.get("include_docs") for r in feeds][:2] == ["true", None]
    assert all(r.query.get("include_docs") is None for r in feeds[1:])
