"""The PouchDB Server harness works: it starts, enforces what the sync code relies on
(admins, _security, _session, validate_doc_update), survives a restart with its data, and
PouchDB's own replicator can pull from it."""

import json
import os
import re
from pathlib import Path

import pytest
import requests

from tests.support.couch_server import CouchServer, CouchServerError, run_replicate_js

JSON = {"Accept": "application/json"}
TIMEOUT = 10


def db_name(db_url: str) -> str:
    return db_url.rsplit("/", 1)[1]


def admin(server: CouchServer) -> requests.Session:
    return server.admin_session()


def add_user(server: CouchServer, name: str, password: str, roles: list[str]) -> None:
    response = admin(server).put(
        f"{server.url}/_users/org.couchdb.user:{name}",
        json={"name": name, "password": password, "roles": roles, "type": "user"},
        timeout=TIMEOUT,
    )
    assert response.status_code == 201, response.text


def process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_root_answers_a_json_welcome(couch_server: CouchServer) -> None:
    response = requests.get(couch_server.url + "/", headers=JSON, timeout=TIMEOUT)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["express-pouchdb"] == "Welcome!"
    assert body["version"] == "4.2.0"
    assert body["express-pouchdb-mode"] == "fullCouchDB"


def test_admin_creates_and_deletes_a_database(couch_server: CouchServer) -> None:
    url = couch_server.create_db("harness-create")
    try:
        info = requests.get(url, auth=couch_server.admin_auth, headers=JSON, timeout=TIMEOUT)
        assert info.status_code == 200
        assert info.json()["db_name"] == "harness-create"
        assert info.json()["doc_count"] == 0
        with pytest.raises(CouchServerError, match="412"):
            couch_server.create_db("harness-create")
    finally:
        couch_server.delete_db("harness-create")
    gone = requests.get(url, auth=couch_server.admin_auth, headers=JSON, timeout=TIMEOUT)
    assert gone.status_code == 404


def test_anonymous_is_refused_once_security_has_members(
    couch_server: CouchServer, couch_db: str
) -> None:
    doc = admin(couch_server).put(f"{couch_db}/case-1", json={"type": "case"}, timeout=TIMEOUT)
    assert doc.status_code == 201
    # Without _security, PouchDB Server lets anyone in.
    open_read = requests.get(f"{couch_db}/case-1", headers=JSON, timeout=TIMEOUT)
    assert open_read.status_code == 200

    security = {"members": {"roles": ["staff"], "names": []}, "admins": {"roles": ["supervisor"]}}
    put = admin(couch_server).put(f"{couch_db}/_security", json=security, timeout=TIMEOUT)
    assert put.status_code == 200, put.text

    for url in (couch_db, f"{couch_db}/case-1", f"{couch_db}/_changes"):
        refused = requests.get(url, headers=JSON, timeout=TIMEOUT)
        assert refused.status_code == 401, (url, refused.text)
        assert refused.json()["error"] == "unauthorized"
    write = requests.put(f"{couch_db}/case-2", json={}, headers=JSON, timeout=TIMEOUT)
    assert write.status_code == 401

    add_user(couch_server, "harness-staff", "pw-staff", ["staff"])
    member = requests.get(
        f"{couch_db}/case-1", auth=("harness-staff", "pw-staff"), headers=JSON, timeout=TIMEOUT
    )
    assert member.status_code == 200


def test_post_session_returns_an_auth_session_cookie(
    couch_server: CouchServer, couch_db: str
) -> None:
    add_user(couch_server, "harness-cookie", "pw-cookie", ["staff"])
    admin(couch_server).put(
        f"{couch_db}/_security", json={"members": {"roles": ["staff"]}}, timeout=TIMEOUT
    )
    response = requests.post(
        f"{couch_server.url}/_session",
        json={"name": "harness-cookie", "password": "pw-cookie"},
        headers=JSON,
        timeout=TIMEOUT,
    )
    assert response.status_code == 200
    assert response.json() == {"ok": True, "name": "harness-cookie", "roles": ["staff"]}
    cookie = response.cookies.get("AuthSession")
    assert cookie

    with_cookie = requests.get(
        couch_db, cookies={"AuthSession": cookie}, headers=JSON, timeout=TIMEOUT
    )
    assert with_cookie.status_code == 200
    session = requests.get(
        f"{couch_server.url}/_session",
        cookies={"AuthSession": cookie},
        headers=JSON,
        timeout=TIMEOUT,
    ).json()
    assert session["userCtx"] == {"name": "harness-cookie", "roles": ["staff"]}

    wrong = requests.post(
        f"{couch_server.url}/_session",
        json={"name": "harness-cookie", "password": "nope"},
        headers=JSON,
        timeout=TIMEOUT,
    )
    assert wrong.status_code == 401
    assert "AuthSession" not in wrong.cookies


def test_validate_doc_update_forbidden_is_a_403(couch_server: CouchServer, couch_db: str) -> None:
    validate = (
        "function (newDoc, oldDoc, userCtx, secObj) {"
        "  if (newDoc.type === 'audit' && oldDoc) {"
        "    throw({forbidden: 'audit events are append-only'});"
        "  }"
        "}"
    )
    s = admin(couch_server)
    ddoc = s.put(
        f"{couch_db}/_design/caseworker", json={"validate_doc_update": validate}, timeout=TIMEOUT
    )
    assert ddoc.status_code == 201, ddoc.text

    created = s.put(f"{couch_db}/audit-1", json={"type": "audit", "n": 1}, timeout=TIMEOUT)
    assert created.status_code == 201
    rev = created.json()["rev"]
    rewrite = s.put(
        f"{couch_db}/audit-1", json={"type": "audit", "n": 2, "_rev": rev}, timeout=TIMEOUT
    )
    assert rewrite.status_code == 403  # even for the server admin, as in CouchDB
    assert rewrite.json() == {"error": "forbidden", "reason": "audit events are append-only"}

    # Replication writes (new_edits: false) are refused per document, in a 201 answer.
    pushed = s.post(
        f"{couch_db}/_bulk_docs",
        json={
            "new_edits": False,
            "docs": [
                {"_id": "audit-1", "_rev": "2-" + "a" * 32, "type": "audit", "n": 3,
                 "_revisions": {"start": 2, "ids": ["a" * 32, rev.split("-")[1]]}},
                {"_id": "audit-2", "_rev": "1-" + "b" * 32, "type": "audit", "n": 1},
            ],
        },
        timeout=TIMEOUT,
    )  # fmt: skip
    assert pushed.status_code == 201
    assert pushed.json() == [
        {"id": "audit-1", "error": "forbidden", "reason": "audit events are append-only"}
    ]
    assert s.get(f"{couch_db}/audit-2", timeout=TIMEOUT).status_code == 200


def test_restart_keeps_data_port_and_sessions() -> None:
    with CouchServer() as server:
        url = server.create_db("kept")
        s = admin(server)
        assert s.put(f"{url}/doc-1", json={"v": 1}, timeout=TIMEOUT).status_code == 201
        cookie = requests.post(
            f"{server.url}/_session",
            json={"name": server.admin_auth[0], "password": server.admin_auth[1]},
            headers=JSON,
            timeout=TIMEOUT,
        ).cookies["AuthSession"]
        port, first_pid = server.port, server.pid
        assert first_pid is not None

        server.restart()
        assert server.port == port
        assert process_gone(first_pid)
        assert server.pid != first_pid
        doc = requests.get(f"{url}/doc-1", auth=server.admin_auth, headers=JSON, timeout=TIMEOUT)
        assert doc.json()["v"] == 1
        again = requests.get(
            f"{url}/doc-1", cookies={"AuthSession": cookie}, headers=JSON, timeout=TIMEOUT
        )
        assert again.status_code == 200

        # A crash (SIGKILL) loses nothing that was acknowledged either.
        assert s.put(f"{url}/doc-2", json={"v": 2}, timeout=TIMEOUT).status_code == 201
        crashed_pid = server.pid
        assert crashed_pid is not None
        server.kill()
        assert not server.running and process_gone(crashed_pid)
        with pytest.raises(requests.ConnectionError):
            requests.get(url, headers=JSON, timeout=TIMEOUT)
        server.start()
        assert server.port == port
        doc2 = requests.get(f"{url}/doc-2", auth=server.admin_auth, headers=JSON, timeout=TIMEOUT)
        assert doc2.json()["v"] == 2
        work_dir = server.data_dir.parent
        last_pid = server.pid
        assert last_pid is not None
    assert process_gone(last_pid)
    assert not work_dir.exists()


def test_a_server_that_cannot_start_says_why(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{not json", encoding="utf-8")
    server = CouchServer(data_dir=tmp_path, startup_timeout=20)
    with pytest.raises(CouchServerError, match=r"SyntaxError|JSON"):
        server.start()
    assert not server.running
    server.close()


def test_replicate_js_pulls_a_100_document_database(
    couch_server: CouchServer, couch_db: str
) -> None:
    docs = [{"_id": f"citizen-{i:03}", "type": "citizen", "n": i} for i in range(100)]
    bulk = admin(couch_server).post(f"{couch_db}/_bulk_docs", json={"docs": docs}, timeout=30)
    assert bulk.status_code == 201
    assert all("ok" in r for r in bulk.json())

    source = couch_server.admin_url(db_name(couch_db))
    on_disk = run_replicate_js("pull", source)
    assert on_disk["docs_written"] == 100
    assert isinstance(on_disk["seconds"], float | int) and on_disk["seconds"] > 0
    in_memory = run_replicate_js("pull", source, "--memory", "--batch-size", "30")
    assert in_memory["docs_written"] == 100


def test_replicate_js_writes_documents_with_pouchdb_revisions(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    docs_file = tmp_path / "docs.json"
    docs: list[dict[str, object]] = [
        {"_id": "note-1", "type": "note", "text": "Café ☕"},
        {"_id": "note-2", "n": 2},
    ]
    docs_file.write_text(json.dumps(docs), encoding="utf-8")
    answer = run_replicate_js("write", couch_server.admin_url(db_name(couch_db)), str(docs_file))
    assert answer["docs_written"] == 2
    revs = {r["id"]: r["rev"] for r in answer["results"]}
    assert set(revs) == {"note-1", "note-2"}
    assert all(re.fullmatch(r"1-[0-9a-f]{32}", rev) for rev in revs.values())
    stored = requests.get(f"{couch_db}/note-1", headers=JSON, timeout=TIMEOUT).json()
    assert stored == {**docs[0], "_rev": revs["note-1"]}

    # A refused write is reported, not hidden: the same ids again conflict.
    refused = run_replicate_js(
        "write", couch_server.admin_url(db_name(couch_db)), str(docs_file), "--put"
    )
    assert refused["docs_written"] == 0
    assert {r["error"] for r in refused["results"]} == {"conflict"}


def test_a_refused_request_does_not_wedge_the_server(
    couch_server: CouchServer, couch_db: str
) -> None:
    """server.js fixes three express-pouchdb / PouchDB 9 hangs; keep them fixed."""
    s = admin(couch_server)
    rev = s.put(f"{couch_db}/doc", json={"v": 1}, timeout=TIMEOUT).json()["rev"]

    # Non-admin DELETE /db: 401, and every database stays reachable afterwards.
    delete = requests.delete(couch_db, headers=JSON, timeout=TIMEOUT)
    assert delete.status_code == 401
    # Non-admin PUT /db: 401 instead of no answer at all.
    create = requests.put(f"{couch_server.url}/harness-anon", headers=JSON, timeout=TIMEOUT)
    assert create.status_code == 401
    # latest=true with a revision the document never had: "missing", and the db still reads.
    open_revs = s.get(
        f"{couch_db}/doc",
        params={"open_revs": json.dumps(["1-" + "0" * 32]), "latest": "true"},
        timeout=TIMEOUT,
    )
    assert open_revs.json() == [{"missing": "1-" + "0" * 32}]
    bulk_get = s.post(
        f"{couch_db}/_bulk_get",
        params={"revs": "true", "latest": "true"},
        json={"docs": [{"id": "doc", "rev": "3-" + "f" * 32}]},
        timeout=TIMEOUT,
    )
    assert bulk_get.json()["results"][0]["docs"] == [{"missing": "3-" + "f" * 32}]

    doc = s.get(f"{couch_db}/doc", timeout=TIMEOUT)
    assert doc.status_code == 200 and doc.json()["_rev"] == rev
    assert s.get(couch_db, timeout=TIMEOUT).status_code == 200


def test_max_document_size_gives_413(couch_server: CouchServer, couch_db: str) -> None:
    couch_server.set_config("couchdb", "max_document_size", "20000")
    try:
        docs = [{"_id": f"d{i}", "pad": "x" * 1000} for i in range(30)]
        too_big = admin(couch_server).post(
            f"{couch_db}/_bulk_docs", json={"docs": docs}, timeout=TIMEOUT
        )
        assert too_big.status_code == 413
        assert too_big.json()["error"] == "too_large"
        fits = admin(couch_server).post(
            f"{couch_db}/_bulk_docs", json={"docs": docs[:10]}, timeout=TIMEOUT
        )
        assert fits.status_code == 201
    finally:
        couch_server.delete_config("couchdb", "max_document_size")


def test_memory_server_without_compression_streams_continuous_changes() -> None:
    """With gzip (the default) continuous _changes lines wait in the gzip buffer."""
    with CouchServer(adapter="memory", compression=False) as server:
        url = server.create_db("feed")
        s = admin(server)
        s.put(f"{url}/first", json={}, timeout=TIMEOUT)
        with s.get(
            f"{url}/_changes",
            params={"feed": "continuous", "since": 0, "heartbeat": 200},
            headers={"Accept-Encoding": "gzip"},
            stream=True,
            timeout=TIMEOUT,
        ) as feed:
            assert "Content-Encoding" not in feed.headers
            line = next(line for line in feed.iter_lines(chunk_size=1) if line.strip())
        assert json.loads(line)["id"] == "first"
        assert "still serving" not in server.stderr_text()
