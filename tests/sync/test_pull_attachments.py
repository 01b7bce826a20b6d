"""A pull asks for documents with their attachments as stubs, and fetches content only for
documents that name content the store does not hold yet (content is kept once, by digest).
What a server sends in the second request is checked as in the first: content that does not
match its digest is never stored under it, and a server that keeps back content it named
stops nothing."""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import text

from caseworker.store import docstore
from caseworker.store.store import Store
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply, Request
from tests.sync.helpers import make_store

HELLO = "aGVsbG8="  # "hello"
HELLO_DIGEST = "md5-XUFAKrxLKna5cZ2REBfFkg=="


@pytest.fixture
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


def note(doc_id: str, data: str = HELLO) -> dict[str, Any]:
    return {
        "_id": doc_id,
        "type": "note",
        "schema": 1,
        "text": "A photo of the fly-tip",
        "at": "2026-01-02T03:04:05.000Z",
        "by": "staff:agent",
        "_attachments": {"photo.txt": {"content_type": "text/plain", "data": data}},
    }


def put(couch_server: CouchServer, db_url: str, doc: dict[str, Any]) -> None:
    reply = requests.put(f"{db_url}/{doc['_id']}", json=doc, auth=couch_server.admin_auth)
    assert reply.status_code in (200, 201), reply.text


def pull(hostile: HostileServer, db_url: str, store: Store) -> None:
    client = CouchClient(hostile.rewrite(db_url))
    try:
        assert Replicator(store, client, batch_size=50).pull().caught_up
    finally:
        client.close()


def with_content(hostile: HostileServer) -> list[str]:
    """The ids asked for with their attachments' content."""
    return [
        d["id"]
        for r in hostile.seen("/_bulk_get")
        if r.query.get("attachments") == "true"
        for d in r.json()["docs"]
    ]


def held(store: Store) -> dict[str, bytes]:
    with store.read() as s:
        rows = s.execute(text("SELECT digest, data FROM attachments")).all()
    return {digest: bytes(data) for digest, data in rows}


@pytest.fixture
def db_url(couch_server: CouchServer) -> Iterator[str]:
    name = f"pull-atts-{uuid.uuid4().hex[:8]}"
    url = couch_server.create_db(name)
    yield url
    couch_server.delete_db(name)


def test_content_already_held_is_not_fetched_again(
    hostile: HostileServer, couch_server: CouchServer, db_url: str, tmp_path: Path
) -> None:
    put(couch_server, db_url, note("note:first"))
    put(couch_server, db_url, {"_id": "note:plain", "type": "note", "text": "no photo"})
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)
    assert with_content(hostile) == ["note:first"]  # the plain note came without asking twice
    assert held(store) == {HELLO_DIGEST: b"hello"}
    hostile.requests.clear()
    put(couch_server, db_url, note("note:same-photo"))  # the same content, another record
    pull(hostile, db_url, store)
    assert with_content(hostile) == []  # it came with the feed, its content not asked for
    with store.read() as s:
        got = docstore.require(s, "note:same-photo")
    assert got["_attachments"]["photo.txt"]["digest"] == HELLO_DIGEST


def test_content_that_does_not_match_its_digest_is_never_stored_under_it(
    hostile: HostileServer, couch_server: CouchServer, db_url: str, tmp_path: Path
) -> None:
    put(couch_server, db_url, note("note:photo"))

    def swap_content(request: Request) -> Reply:
        real = hostile.forward(request)
        answer = json.loads(real.content())
        if request.query.get("attachments") == "true":
            for entry in answer["results"]:
                for item in entry["docs"]:
                    for att in item.get("ok", {}).get("_attachments", {}).values():
                        att["data"] = "ZXZpbA=="  # "evil", under hello's digest
        return Reply(real.status, answer)

    hostile.on("/_bulk_get", swap_content)
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)
    assert HELLO_DIGEST not in held(store) and b"evil" not in held(store).values()
    with store.read() as s:
        problem = s.execute(text("SELECT problem FROM documents WHERE id = 'note:photo'")).scalar()
    assert problem and "does not match its digest" in problem


def test_a_server_that_keeps_back_content_it_named_stops_nothing(
    hostile: HostileServer, couch_server: CouchServer, db_url: str, tmp_path: Path
) -> None:
    put(couch_server, db_url, note("note:photo"))
    put(couch_server, db_url, {"_id": "note:plain", "type": "note", "text": "no photo"})

    def stubs_only(request: Request) -> Reply:
        real = hostile.forward(request)
        if request.query.get("attachments") != "true":
            return Reply(real.status, json.loads(real.content()))
        hostile_request = Request(
            request.method, request.path, {"revs": "true"}, request.headers, request.body,
            request.target.replace("attachments=true", "attachments=false"),
        )  # fmt: skip
        return Reply(real.status, json.loads(hostile.forward(hostile_request).content()))

    hostile.on("/_bulk_get", stubs_only)
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)
    with store.read() as s:
        assert docstore.get(s, "note:plain") is not None
        photo = docstore.require(s, "note:photo")
    assert photo["_attachments"]["photo.txt"]["stub"] is True
    assert held(store) == {}  # named, not held: the record says so when opened


def test_a_first_revision_from_the_feed_gets_its_content_from_a_server_without_bulk_get(
    hostile: HostileServer, couch_server: CouchServer, db_url: str, tmp_path: Path
) -> None:
    put(couch_server, db_url, note("note:photo"))  # a first revision: it comes with the feed
    plain = {"_id": "note:plain", "type": "note", "text": "no photo"}
    first = requests.put(f"{db_url}/note:plain", json=plain, auth=couch_server.admin_auth)
    put(couch_server, db_url, {**plain, "_rev": first.json()["rev"], "text": "edited"})
    hostile.on("/_bulk_get", Reply(404, {"error": "not_found", "reason": "missing"}))
    store = make_store(tmp_path, "van")
    pull(hostile, db_url, store)  # the edited note: _bulk_get refused, read one at a time
    assert held(store) == {HELLO_DIGEST: b"hello"}  # and the photo's content asked for so
    asked = [r.query.get("open_revs", "") for r in hostile.requests]
    assert any("1-" in revs for revs in asked) and any("2-" in revs for revs in asked)
