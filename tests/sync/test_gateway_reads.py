"""The gateway serves each user only what they may read: who is asking is CouchDB's word, every
document leaving is judged, and no path reaches anything else.

The council (``tests.support.gateway.gateway_council``): ann (agent, queue waste) holds
``case:w1`` and Carys; olu (field officer) holds ``case:h1`` and Dafydd; Eira is held by no one
but the admin.
"""

import json
import time
import uuid
from typing import Any

import pytest
import requests

from sync.gateway.local import stored_id
from tests.support.gateway import UNSEEN_BY, USERS, Gateway, Server

JSON = {"Accept": "application/json"}
ANN, OLU, SAM, ADA = USERS["ann"], USERS["olu"], USERS["sam"], USERS["ada"]


def get(gateway: Gateway, path: str, auth: tuple[str, str] | None, **kw: Any) -> requests.Response:
    kw.setdefault("headers", JSON)
    return requests.get(gateway.url + path, auth=auth, timeout=30, **kw)


def post(
    gateway: Gateway, path: str, body: Any, auth: tuple[str, str] | None, **kw: Any
) -> requests.Response:
    kw.setdefault("headers", JSON)
    return requests.post(gateway.url + path, json=body, auth=auth, timeout=30, **kw)


def db(gateway: Gateway) -> str:
    return "/" + gateway.db_name


def assert_nothing_of(user: str, text: str) -> None:
    for name in UNSEEN_BY[user]:
        assert name not in text, f"{user} was sent {name}"


# -- who is asking ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "", None),
        ("GET", "/_changes?style=all_docs", None),
        ("POST", "/_bulk_get", {"docs": [{"id": "case:w1"}]}),
        ("GET", "/case:w1", None),
        ("POST", "/_bulk_docs", {"docs": [], "new_edits": False}),
        ("POST", "/_revs_diff", {"case:w1": ["1-abc"]}),
        ("GET", "/_local/checkpoint", None),
        ("PUT", "/_local/checkpoint", {"last_seq": 1}),
    ],
)
def test_nothing_is_served_without_a_sign_in(
    gateway: Gateway, method: str, path: str, body: Any
) -> None:
    for auth in (None, ("kim", "not-her-password"), ("nobody", "x")):
        answer = requests.request(
            method, gateway.db_url + path, json=body, auth=auth, headers=JSON, timeout=30
        )
        assert answer.status_code == 401, (auth, answer.text)
        assert answer.json()["error"] == "unauthorized"
        assert "Carys" not in answer.text


def test_a_forged_session_cookie_signs_no_one_in(gateway: Gateway) -> None:
    answer = requests.get(
        gateway.db_url + "/case:w1",
        cookies={"AuthSession": "YW5uOjY1QUJDREVGOtnlR0bGVkIGNvb2tpZQ"},
        headers=JSON,
        timeout=30,
    )
    assert answer.status_code == 401


def test_a_session_cookie_from_the_gateway_signs_in_as_couchdb_would(gateway: Gateway) -> None:
    http = requests.Session()
    signed = http.post(
        gateway.url + "/_session", json={"name": "ann", "password": "ann-pw"}, timeout=30
    )
    assert signed.status_code == 200, signed.text
    assert "AuthSession" in http.cookies
    assert http.get(gateway.db_url + "/case:w1", headers=JSON, timeout=30).status_code == 200
    assert http.get(gateway.url + "/_session", timeout=30).json()["userCtx"]["name"] == "ann"
    # The cookie passed through the gateway stays the client's: nobody else rides on it.
    assert requests.get(gateway.db_url + "/case:w1", headers=JSON, timeout=30).status_code == 401
    head = http.head(gateway.db_url + "/case:w1", headers=JSON, timeout=30)
    assert head.status_code == 200 and head.content == b""
    assert http.delete(gateway.url + "/_session", timeout=30).status_code == 200
    http.cookies.clear()
    assert http.get(gateway.db_url + "/case:w1", headers=JSON, timeout=30).status_code == 401


def test_a_wrong_password_gets_no_session(gateway: Gateway) -> None:
    answer = requests.post(
        gateway.url + "/_session", json={"name": "kim", "password": "guess"}, timeout=30
    )
    # CouchDB 3.4 answers 403 once it has locked the name out after repeated failures.
    assert answer.status_code in (401, 403)
    assert "AuthSession=" not in answer.headers.get("Set-Cookie", "").replace("AuthSession=;", "")


def test_a_user_without_a_caseworker_role_is_not_a_member(server: Server, gateway: Gateway) -> None:
    eve = f"eve-{uuid.uuid4().hex[:8]}"  # _users outlives the test database
    requests.put(
        f"{server.url}/_users/org.couchdb.user:{eve}",
        json={
            "_id": f"org.couchdb.user:{eve}",
            "name": eve,
            "type": "user",
            "roles": [],
            "password": "eve-pw",
        },
        auth=server.admin_auth,
        timeout=30,
    ).raise_for_status()
    assert get(gateway, db(gateway), (eve, "eve-pw")).status_code == 403
    assert get(gateway, db(gateway) + "/queue:waste", (eve, "eve-pw")).status_code == 403


# -- only what the caller may read -----------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "readable", "unreadable"),
    [
        (
            "ann",
            ["case:w1", "citizen:c1", "note:w1", "queue:waste", "staff:officer"],
            ["case:h1", "citizen:c2", "note:h1", "citizen:c3", "note:c3"],
        ),
        (
            "olu",
            ["case:h1", "citizen:c2", "note:h1", "queue:waste"],
            ["case:w1", "citizen:c1", "note:w1", "citizen:c3", "note:c3"],
        ),
        (
            "sam",
            ["case:w1", "citizen:c1", "note:w1"],
            ["case:h1", "citizen:c2", "note:h1", "citizen:c3", "note:c3"],
        ),
        ("ada", ["case:w1", "case:h1", "citizen:c3", "note:c3"], []),
    ],
)
def test_get_serves_a_document_only_to_who_may_read_it(
    gateway: Gateway, user: str, readable: list[str], unreadable: list[str]
) -> None:
    auth = USERS[user]
    for doc_id in readable:
        answer = get(gateway, f"{db(gateway)}/{doc_id}", auth)
        assert answer.status_code == 200, (doc_id, answer.text)
        assert answer.json()["_id"] == doc_id
    for doc_id in unreadable:
        for params in ({}, {"revs": "true"}, {"conflicts": "true", "attachments": "true"}):
            answer = get(gateway, f"{db(gateway)}/{doc_id}", auth, params=params)
            assert answer.status_code == 403, (doc_id, answer.text)
            assert answer.json()["error"] == "forbidden"
            assert_nothing_of(user, answer.text)


def test_open_revs_serves_no_revision_outside_scope(gateway: Gateway) -> None:
    rev = get(gateway, db(gateway) + "/case:h1", OLU).json()["_rev"]
    for open_revs in ("all", json.dumps([rev])):
        for latest in ("true", "false"):
            answer = get(
                gateway,
                db(gateway) + "/case:h1",
                ANN,
                params={"open_revs": open_revs, "revs": "true", "latest": latest},
            )
            assert answer.status_code == 200, answer.text
            items = answer.json()
            assert items and all("ok" not in item for item in items)
            assert items[0]["error"]["error"] == "forbidden"
            assert_nothing_of("ann", answer.text)
    mine = get(gateway, db(gateway) + "/case:h1", OLU, params={"open_revs": "all"}).json()
    assert [item["ok"]["_id"] for item in mine] == ["case:h1"]


def test_bulk_get_serves_what_may_be_read_and_refuses_the_rest_by_name(gateway: Gateway) -> None:
    asked = ["case:w1", "case:h1", "citizen:c1", "citizen:c2", "citizen:c3", "note:h1"]
    answer = post(
        gateway,
        db(gateway) + "/_bulk_get",
        {"docs": [{"id": i} for i in asked]},
        ANN,
        params={"revs": "true", "attachments": "true", "latest": "true"},
    )
    assert answer.status_code == 200, answer.text
    served, refused = set(), set()
    for result in answer.json()["results"]:
        for item in result["docs"]:
            if "ok" in item:
                served.add(item["ok"]["_id"])
            else:
                assert item["error"]["error"] == "forbidden"
                refused.add(item["error"]["id"])
    assert served == {"case:w1", "citizen:c1"}
    assert refused == {"case:h1", "citizen:c2", "citizen:c3", "note:h1"}
    assert_nothing_of("ann", answer.text)


def test_bulk_get_names_no_design_or_local_document(gateway: Gateway) -> None:
    for doc_id in ("_design/caseworker-access", "_design/caseworker", "_local/x"):
        answer = post(gateway, db(gateway) + "/_bulk_get", {"docs": [{"id": doc_id}]}, ANN)
        assert answer.status_code == 403, answer.text
        assert "views" not in answer.text and "function" not in answer.text


def test_all_docs_answers_only_the_ids_asked_and_only_what_may_be_read(gateway: Gateway) -> None:
    keys = ["case:w1", "case:h1", "citizen:c3", "nothing:here", "_design/caseworker-access"]
    answer = post(
        gateway,
        db(gateway) + "/_all_docs",
        {"keys": keys},
        ANN,
        params={"include_docs": "true", "conflicts": "true"},
    )
    assert answer.status_code == 200, answer.text
    rows = answer.json()["rows"]
    assert [row["key"] for row in rows] == keys
    assert rows[0]["doc"]["_id"] == "case:w1"
    assert [row.get("error") for row in rows] == [
        None,
        "forbidden",
        "forbidden",
        "not_found",
        "forbidden",
    ]
    assert_nothing_of("ann", answer.text)
    assert "function" not in answer.text
    for body in ({}, {"keys": "case:h1"}, {"keys": [1]}):
        assert post(gateway, db(gateway) + "/_all_docs", body, ANN).status_code == 403


@pytest.mark.parametrize(
    "body",
    [[], {"docs": "case:w1"}, {"docs": [{"rev": "1-a"}]}, {"docs": [{"id": 7}]}, "x"],
)
def test_a_malformed_bulk_get_is_a_bad_request(gateway: Gateway, body: Any) -> None:
    assert post(gateway, db(gateway) + "/_bulk_get", body, ANN).status_code == 400


# -- paths that lead nowhere else ------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "statuses"),
    [
        ("GET", "/_all_dbs", {404}),
        ("GET", "/_users/org.couchdb.user:ann", {404}),
        ("GET", "/_users/_all_docs", {404}),
        ("GET", "/_node/_local/_config", {404}),
        ("GET", "/_replicator", {404}),
        ("GET", "/{other}/case:h1", {404}),
        ("GET", "/{db}-access-log/_all_docs", {404}),
        ("GET", "/{db}/_all_docs?include_docs=true", {403}),
        ("POST", "/{db}/_all_docs?include_docs=true&startkey=%22%22", {403}),
        ("POST", "/{db}/_find", {403}),
        ("GET", "/{db}/_design/caseworker-access", {403}),
        ("GET", "/{db}/_design%2Fcaseworker-access", {403}),
        ("GET", "/{db}/_design/caseworker-access/_view/access?include_docs=true", {403}),
        ("GET", "/{db}/_design_docs", {403}),
        ("GET", "/{db}/_security", {403}),
        ("POST", "/{db}/_purge", {403}),
        ("POST", "/{db}/_compact", {403}),
        ("GET", "/{db}/_local_docs", {403}),
        ("GET", "/{db}/case:h1/photo.jpg", {403}),
        ("GET", "/{db}/case:h1%2Fphoto.jpg", {403, 404}),
        ("GET", "/{db}/%2E%2E", {403, 404}),
        ("GET", "/{db}/..%2F_users%2Forg.couchdb.user:ann", {403, 404}),
        ("GET", "/{db}/_local/..%2F..%2Fcase:h1", {404}),
        ("GET", "/{db}/_local%2F..%2Fcase:h1", {404}),
        ("PUT", "/{db}/case:new", {403}),
        ("DELETE", "/{db}/case:w1", {403}),
        ("DELETE", "/{db}", {403}),
        ("PUT", "/{db}", {403}),
    ],
)
def test_no_path_reaches_anything_but_the_protocol(
    gateway: Gateway, method: str, path: str, statuses: set[int]
) -> None:
    url = gateway.url + path.format(db=gateway.db_name, other="other-db")
    for auth in (ANN, OLU):
        answer = requests.request(
            method,
            url,
            json={"selector": {}, "keys": ["case:h1"]},
            auth=auth,
            headers=JSON,
            timeout=30,
        )
        assert answer.status_code in statuses, (auth[0], answer.status_code, answer.text)
        assert answer.json()["error"] in ("forbidden", "not_found")
        assert_nothing_of(auth[0], answer.text)
        assert "org.couchdb.user" not in answer.text and "password" not in answer.text


def test_a_malformed_revs_diff_is_refused_without_reaching_the_server(gateway: Gateway) -> None:
    # PouchDB Server hangs on a non-list value: the gateway answers for it.
    for body in ({"case:w1": "1-abc"}, {"case:w1": [1]}, ["case:w1"]):
        assert post(gateway, db(gateway) + "/_revs_diff", body, ANN).status_code == 400
    fine = post(gateway, db(gateway) + "/_revs_diff", {"case:w1": ["9-abc"]}, ANN)
    assert fine.json() == {"case:w1": {"missing": ["9-abc"]}}
    # CouchDB would also name the revisions it holds (possible_ancestors): not passed on.
    theirs = post(gateway, db(gateway) + "/_revs_diff", {"case:h1": ["9-abc"]}, ANN)
    assert theirs.json() == {"case:h1": {"missing": ["9-abc"]}}


# -- checkpoints per user --------------------------------------------------------------------


def test_local_checkpoints_are_each_users_own(server: Server, gateway: Gateway) -> None:
    path = db(gateway) + "/_local/replication-1"
    written = requests.put(
        gateway.url + path, json={"last_seq": "ann's"}, auth=ANN, headers=JSON, timeout=30
    )
    assert written.status_code == 201, written.text
    assert written.json()["id"] == "_local/replication-1"
    # Olu, naming the same checkpoint, sees none and cannot overwrite or delete Ann's.
    assert get(gateway, path, OLU).status_code == 404
    rev = written.json()["rev"]
    assert (
        requests.delete(
            gateway.url + path, params={"rev": rev}, auth=OLU, headers=JSON, timeout=30
        ).status_code
        == 404
    )
    theirs = requests.put(
        gateway.url + path, json={"last_seq": "olu's"}, auth=OLU, headers=JSON, timeout=30
    )
    assert theirs.status_code == 201
    mine = get(gateway, path, ANN).json()
    assert mine["last_seq"] == "ann's" and mine["_id"] == "_local/replication-1"
    assert get(gateway, path, OLU).json()["last_seq"] == "olu's"
    # In CouchDB they are two documents named after each user.
    stored = requests.get(
        f"{gateway.upstream_db_url}/_local/{stored_id('ann', 'replication-1')}",
        auth=server.admin_auth,
        timeout=30,
    )
    assert stored.json()["last_seq"] == "ann's"


def test_a_checkpoint_cannot_name_a_gateway_snapshot_or_another_user(gateway: Gateway) -> None:
    other = stored_id("olu", "replication-1")
    for local_id in (other, f"../{other}", f"u-x-{other}"):
        assert get(gateway, db(gateway) + "/_local/" + local_id, ANN).status_code == 404


# -- the access log --------------------------------------------------------------------------


def access_log(server: Server, gateway: Gateway) -> list[dict[str, Any]]:
    answer = requests.get(
        f"{gateway.upstream_db_url}-access-log/_all_docs",
        params={"include_docs": "true"},
        auth=server.admin_auth,
        timeout=30,
    ).json()
    return [row["doc"] for row in answer["rows"] if not row["id"].startswith("_design/")]


def test_every_document_served_is_logged_with_who_and_which_device(
    server: Server, gateway: Gateway
) -> None:
    device = {"X-Caseworker-Device": "laptop-17"}
    assert get(gateway, db(gateway) + "/citizen:c1", SAM, headers={**JSON, **device}).ok
    refused = post(
        gateway,
        db(gateway) + "/_bulk_get",
        {"docs": [{"id": "case:w1"}, {"id": "case:h1"}]},
        SAM,
        headers={**JSON, **device},
    )
    assert refused.ok
    entries: list[dict[str, Any]] = []
    for _ in range(100):  # written off the request path, about once a second
        entries = [e for e in access_log(server, gateway) if e["device"] == "laptop-17"]
        if len(entries) >= 2:
            break
        time.sleep(0.2)
    assert sorted((e["user"], e["how"], e["doc_ids"]) for e in entries) == [
        ("sam", "bulk_get", ["case:w1"]),
        ("sam", "get", ["citizen:c1"]),
    ]
    assert all(e["at"].endswith("+00:00") for e in entries)


def test_the_access_log_is_for_server_admins_only_and_append_only(
    server: Server, gateway: Gateway
) -> None:
    log_db = f"{gateway.upstream_db_url}-access-log"
    for auth in (ANN, ADA):  # even a Caseworker admin reads it only through the server admin
        assert requests.get(log_db + "/_all_docs", auth=auth, timeout=30).status_code in (401, 403)
    entry = requests.post(
        log_db, json={"user": "x", "doc_ids": []}, auth=server.admin_auth, timeout=30
    ).json()
    rewrite = requests.put(
        f"{log_db}/{entry['id']}",
        json={"_rev": entry["rev"], "user": "someone else"},
        auth=server.admin_auth,
        timeout=30,
    )
    assert rewrite.status_code == 403


def test_wrong_passwords_from_one_client_lock_no_one_else_out(
    server: Server, gateway: Gateway
) -> None:
    """CouchDB 3.4 locks a name out per name and client address after repeated failures; the
    gateway names each client's own address, so a guesser does not lock the real user out."""
    import base64
    import http.client

    from sync import central
    from sync.http import CouchClient

    name = f"pat-{uuid.uuid4().hex[:8]}"
    admin = CouchClient(gateway.upstream_db_url, *server.admin_auth)
    try:
        central.add_user(admin, name, "pat-pw", "agent", "staff:agent")
    finally:
        admin.close()
    port = int(gateway.url.rsplit(":", 1)[1])

    def status_from(address: str, password: str) -> int:
        conn = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=30, source_address=(address, 0)
        )
        token = base64.b64encode(f"{name}:{password}".encode()).decode()
        try:
            conn.request("GET", f"/{gateway.db_name}", headers={"Authorization": "Basic " + token})
            return conn.getresponse().status
        finally:
            conn.close()

    assert [status_from("127.0.0.2", "guess") for _ in range(8)] == [401] * 8
    assert status_from("127.0.0.3", "pat-pw") == 200
