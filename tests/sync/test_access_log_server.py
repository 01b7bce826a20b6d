"""The access-log database on the real server: server admins only, append-only (a forged
revision branch included), its views installed and brought up to date by ``prepare``, and
its ``by_root`` view placing each entry as the Python mirror says.

Runs against the pinned PouchDB Server, or the Apache CouchDB ``CASEWORKER_TEST_COUCHDB``
names."""

import asyncio
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from sync.access_log_design import (
    BY_ROOT,
    DESIGN_ID,
    by_root_rows,
    design_document,
    log_db_name,
)
from sync.gateway.access_log import AccessLog
from sync.gateway.couch import Couch
from tests.support.gateway import USERS, Gateway, Server

JSON = {"Accept": "application/json"}
OLD_APPEND_ONLY = (  # the design document of the first gateway: no views
    "function (newDoc, oldDoc, userCtx) {\n"
    "  if (oldDoc || newDoc._deleted) {\n"
    "    throw({forbidden: 'the access log is append-only'});\n"
    "  }\n"
    "}\n"
)


@pytest.fixture
def log_db(server: Server) -> Iterator[str]:
    """A log database made by ``AccessLog.prepare``; its URL."""
    name = log_db_name(f"gw-{uuid.uuid4().hex[:12]}")
    on_log(server, name, lambda log: log.prepare())
    yield f"{server.url}/{name}"
    server.delete_db(name)


def on_log(server: Server, name: str, work: Any) -> Any:
    async def run() -> Any:
        couch = Couch(server.url, name, *server.admin_auth)
        try:
            return await work(AccessLog(couch))
        finally:
            await couch.aclose()

    return asyncio.run(run())


def as_admin(server: Server, method: str, url: str, body: Any = None, **kw: Any) -> Any:
    return requests.request(
        method, url, json=body, auth=server.admin_auth, headers=JSON, timeout=30, **kw
    )


def an_entry(server: Server, log_db: str) -> dict[str, Any]:
    made = as_admin(server, "POST", log_db, {"at": "2026-01-01T00:00:00.000+00:00", "user": "x",
                                              "doc_ids": ["case:1"], "how": "get"})  # fmt: skip
    assert made.status_code in (201, 202), made.text
    doc: dict[str, Any] = as_admin(server, "GET", f"{log_db}/{made.json()['id']}").json()
    return doc


# -- who may read and write it --------------------------------------------------------------


@pytest.mark.parametrize("name", ["ann", "ada"])  # an agent; a Caseworker admin, no server admin
def test_a_member_neither_reads_nor_writes_the_log_on_the_server(
    server: Server, gateway: Gateway, log_db: str, name: str
) -> None:
    """(``gateway``: its set-up makes ann and ada users of the server.)"""
    entry = an_entry(server, log_db)
    auth = USERS[name]
    tries = [
        ("GET", f"{log_db}/_all_docs?include_docs=true", None),
        ("GET", f"{log_db}/{entry['_id']}", None),
        ("GET", f"{log_db}/{DESIGN_ID}/_view/{BY_ROOT}", None),
        ("GET", f"{log_db}/_changes?include_docs=true", None),
        ("POST", log_db, {"at": "2026-01-01", "user": "ann", "doc_ids": []}),
        ("POST", f"{log_db}/_bulk_docs", {"docs": [{"user": "ann", "doc_ids": []}]}),
        ("PUT", f"{log_db}/{entry['_id']}", {**entry, "user": "someone else"}),
        ("DELETE", f"{log_db}/{entry['_id']}?rev={entry['_rev']}", None),
        ("PUT", f"{log_db}/_security", {"members": {"names": [name]}}),
        ("PUT", f"{log_db}/{DESIGN_ID}", design_document()),
    ]
    for method, url, body in tries:
        answer = requests.request(method, url, json=body, auth=auth, headers=JSON, timeout=30)
        assert refused(answer), (method, url, answer.status_code, answer.text)
        assert "someone else" not in answer.text and '"case:1"' not in answer.text
    assert as_admin(server, "GET", f"{log_db}/{entry['_id']}").json() == entry
    listed = as_admin(server, "GET", f"{log_db}/_all_docs").json()["rows"]
    assert [r["id"] for r in listed if not r["id"].startswith("_design/")] == [entry["_id"]]


def refused(answer: requests.Response) -> bool:
    """401 or 403; or (PouchDB Server's _bulk_docs) 201 with every document refused."""
    if answer.status_code in (401, 403):
        return True
    results = answer.json() if answer.status_code == 201 else None
    return isinstance(results, list) and all(
        isinstance(r, dict) and r.get("error") in ("unauthorized", "forbidden") for r in results
    )


def test_no_member_reaches_the_log_through_the_gateway(gateway: Gateway) -> None:
    log = f"{gateway.url}/{log_db_name(gateway.db_name)}"
    own = gateway.db_url
    for auth in (USERS["ann"], USERS["ada"]):
        for method, url, statuses in [
            ("GET", log, {404}),
            ("GET", f"{log}/_all_docs?include_docs=true", {404}),
            ("GET", f"{log}/{DESIGN_ID}/_view/{BY_ROOT}", {404}),
            ("POST", log, {404}),
            ("POST", f"{log}/_bulk_docs", {404}),
            ("GET", f"{own}/{DESIGN_ID}", {403}),
            ("GET", f"{own}/..%2F{log_db_name(gateway.db_name)}%2F_all_docs", {403, 404}),
        ]:
            body = {"docs": [{"user": "x", "doc_ids": []}]} if method == "POST" else None
            answer = requests.request(method, url, json=body, auth=auth, headers=JSON, timeout=30)
            assert answer.status_code in statuses, (auth[0], method, url, answer.text)
            assert "doc_ids" not in answer.text


# -- append-only ------------------------------------------------------------------------------


def test_an_entry_cannot_be_changed_deleted_or_replaced_by_a_forged_branch(
    server: Server, log_db: str
) -> None:
    entry = an_entry(server, log_db)
    doc_url = f"{log_db}/{entry['_id']}"
    changed = {**entry, "user": "someone else"}
    refused = [
        as_admin(server, "PUT", doc_url, changed),
        as_admin(server, "DELETE", doc_url, params={"rev": entry["_rev"]}),
        as_admin(server, "POST", log_db, changed),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403], [r.text for r in refused]
    bulk = [
        {"docs": [{**changed, "_deleted": True}]},
        {"docs": [changed]},
        # the way round an append-only rule: a branch the server has never seen
        {"new_edits": False, "docs": [{**changed, "_rev": "9-" + "f" * 32}]},
        {"new_edits": False, "docs": [{**changed, "_rev": "1-" + "f" * 32}]},
        {"new_edits": False, "docs": [{**changed, "_id": "planted", "_rev": "1-" + "e" * 32}]},
    ]
    for body in bulk:
        answer = as_admin(server, "POST", f"{log_db}/_bulk_docs", body)
        results = answer.json()
        assert isinstance(results, list) and results, answer.text
        assert all(r.get("error") == "forbidden" for r in results), (body, answer.text)
    stored = as_admin(server, "GET", doc_url, params={"conflicts": "true", "revs_info": "true"})
    assert {k: v for k, v in stored.json().items() if k != "_revs_info"} == entry
    assert as_admin(server, "GET", f"{log_db}/planted").status_code == 404


# -- prepare ----------------------------------------------------------------------------------


def test_prepare_brings_an_earlier_design_up_to_date_and_is_idempotent(server: Server) -> None:
    name = log_db_name(f"gw-{uuid.uuid4().hex[:12]}")
    url = f"{server.url}/{name}"
    try:
        as_admin(server, "PUT", url)
        old = {"_id": DESIGN_ID, "language": "javascript", "validate_doc_update": OLD_APPEND_ONLY}
        assert as_admin(server, "PUT", f"{url}/{DESIGN_ID}", old).status_code == 201
        entry = as_admin(server, "POST", url, {"at": "2026-01-01T00:00:00.000+00:00",
                                               "user": "x", "how": "get",
                                               "doc_ids": ["citizen:1"]}).json()  # fmt: skip
        on_log(server, name, lambda log: log.prepare())
        first = as_admin(server, "GET", f"{url}/{DESIGN_ID}").json()
        assert {k: first.get(k) for k in design_document()} == design_document()
        on_log(server, name, lambda log: log.prepare())
        assert as_admin(server, "GET", f"{url}/{DESIGN_ID}").json()["_rev"] == first["_rev"]
        security = as_admin(server, "GET", f"{url}/_security").json()
        assert security["members"]["roles"] == ["_admin"]
        # the entry written before the upgrade (no roots) is listed by its own root
        rows = as_admin(server, "GET", f"{url}/{DESIGN_ID}/_view/{BY_ROOT}").json()["rows"]
        assert [(r["key"], r["value"]["doc_ids"]) for r in rows] == [
            (["citizen:1", "2026-01-01T00:00:00.000+00:00", entry["id"]], ["citizen:1"])
        ]
        # and it still refuses a change
        doc = as_admin(server, "GET", f"{url}/{entry['id']}").json()
        assert (
            as_admin(server, "PUT", f"{url}/{entry['id']}", {**doc, "user": "y"}).status_code == 403
        )
    finally:
        server.delete_db(name)


# -- the by_root view -------------------------------------------------------------------------

ODD = 'citizen:ödd "quoted"/slash?&x=1 \u202e'

ENTRIES: list[dict[str, Any]] = [
    {"_id": "2026-01-01T00:00:00.000+00:00-a", "at": "2026-01-01T00:00:00.000+00:00",
     "user": "ann", "device": "laptop-1", "how": "bulk_get",
     "doc_ids": ["case:w1", "note:w1", "citizen:c1", "staff:x", "directory:c1", "note:x"],
     "roots": ["case:w1", "case:w1", "citizen:c1", "staff", "directory", None]},
    {"_id": "2026-01-01T00:00:01.000+00:00-b", "at": "2026-01-01T00:00:01.000+00:00",
     "user": "sam", "device": None, "how": "open", "reason": "on the phone",
     "doc_ids": [ODD, "note:odd"], "roots": [ODD, ODD]},
    {"_id": "2026-01-01T00:00:02.000+00:00-c", "at": "2026-01-01T00:00:02.000+00:00",
     "user": "old", "device": None, "how": "get", "doc_ids": ["case:w1", "note:w1"]},
    {"_id": "constructor", "at": "2026-01-01T00:00:03.000+00:00", "user": "x", "how": "get",
     "device": None, "doc_ids": ["case:constructor", 7, "case:"],
     "roots": ["case:constructor", "case:constructor"]},
    {"_id": "no-time", "user": "x", "doc_ids": ["case:w1"]},
    {"_id": "no-ids", "at": "2026-01-01T00:00:04.000+00:00", "doc_ids": "case:w1"},
]  # fmt: skip


def test_the_by_root_view_places_entries_as_the_python_mirror_does(
    server: Server, log_db: str
) -> None:
    answer = as_admin(server, "POST", f"{log_db}/_bulk_docs", {"docs": ENTRIES}).json()
    assert all("ok" in r or r.get("rev") for r in answer), answer
    rows = as_admin(server, "GET", f"{log_db}/{DESIGN_ID}/_view/{BY_ROOT}").json()["rows"]
    served = sorted((json.dumps(r["key"]), r["value"]) for r in rows)
    expected = sorted(
        (json.dumps(key), value) for entry in ENTRIES for key, value in by_root_rows(entry)
    )
    assert served == expected
    keys = [tuple(r["key"][:2]) for r in rows]
    assert ("citizen:c1", "2026-01-01T00:00:00.000+00:00") in keys  # directory:c1 too
    by_c1 = [r["value"]["doc_ids"] for r in rows if r["key"][0] == "citizen:c1"]
    assert by_c1 == [["citizen:c1", "directory:c1"]]
    odd = [r["value"] for r in rows if r["key"][0] == ODD]
    assert odd == [{"user": "sam", "device": None, "how": "open", "reason": "on the phone",
                    "doc_ids": [ODD, "note:odd"]}]  # fmt: skip
