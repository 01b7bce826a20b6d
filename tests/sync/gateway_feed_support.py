"""Shared pieces of the gateway change-feed tests: a small central database, the gateway app
in-process, and a laptop's view of what the feed has given it."""

import base64
import contextlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from starlette.testclient import TestClient

from sync import central
from sync.errors import RequestError
from sync.gateway.app import create_app
from sync.gateway.auth import SessionCache
from sync.gateway.couch import Couch
from sync.http import CouchClient
from tests.support.couch_server import CouchServer
from tests.support.external_couch import external_couch

JSON = {"Accept": "application/json"}

# name -> (password, role, staff id)
USERS = {
    "olu": ("olu-pw", "field_officer", "staff:officer"),
    "ann": ("ann-pw", "agent", "staff:agent"),  # queue:waste
    "bea": ("bea-pw", "agent", "staff:bea"),  # queue:highways
    "ada": ("ada-pw", "admin", "staff:admin"),
}


def case(n: str, queue: str, assignee: str | None, citizen: str, **more: Any) -> dict[str, Any]:
    return {
        "_id": f"case:{n}",
        "type": "case",
        "queue_id": queue,
        "assignee_id": assignee,
        "citizen_id": citizen,
        "status": "new",
        "summary": f"case {n}",
        **more,
    }


def note(n: str, citizen: str, case_id: str | None = None) -> dict[str, Any]:
    doc = {"_id": f"note:{n}", "type": "note", "citizen_id": citizen, "body": f"note {n}"}
    if case_id is not None:
        doc["case_id"] = case_id
    return doc


def council() -> list[dict[str, Any]]:
    return [
        {"_id": "queue:waste", "type": "queue", "name": "Waste"},
        {"_id": "staff:officer", "type": "staff", "name": "Olu", "queue_ids": []},
        {"_id": "staff:agent", "type": "staff", "name": "Ann", "queue_ids": ["queue:waste"]},
        {"_id": "staff:bea", "type": "staff", "name": "Bea", "queue_ids": ["queue:highways"]},
        {"_id": "citizen:1", "type": "citizen", "name": "Cara One"},
        {"_id": "citizen:2", "type": "citizen", "name": "Dev Two"},
        {"_id": "citizen:shared", "type": "citizen", "name": "Sol Shared"},
        case("1", "queue:waste", "staff:officer", "citizen:1"),
        case("2", "queue:highways", "staff:other", "citizen:2"),
        case("3", "queue:highways", "staff:officer", "citizen:shared"),
        case("5", "queue:highways", "staff:officer", "citizen:shared"),
        note("1a", "citizen:1", "case:1"),
        note("c1", "citizen:1"),  # hangs off the citizen only
        note("2a", "citizen:2", "case:2"),
        note("3a", "citizen:shared", "case:3"),
        {"_id": "case_event:1", "type": "case_event", "case_id": "case:1", "kind": "opened"},
    ]


SHARED = {"queue:waste", "staff:officer", "staff:agent", "staff:bea"}
OLU_SCOPE = SHARED | {
    "case:1",
    "note:1a",
    "case_event:1",
    "citizen:1",
    "note:c1",
    "case:3",
    "note:3a",
    "case:5",
    "citizen:shared",
}
CASE_1_TREE = {"case:1", "note:1a", "case_event:1", "citizen:1", "note:c1"}


@dataclass
class Laptop:
    """What a laptop holds after applying the rows of the gateway's feed."""

    user: str
    since: str = "0"
    docs: dict[str, set[str]] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def apply(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self.rows.append(row)
            if row.get("removed"):
                self.removed.append(row["id"])
                self.docs.pop(row["id"], None)
            elif row.get("deleted"):
                self.docs.pop(row["id"], None)
            else:
                self.docs[row["id"]] = {c["rev"] for c in row["changes"]}


class Central:
    """The database on the pinned server (admin writes) and the gateway in front of it."""

    def __init__(self, server: CouchServer | Any, db_url: str, client: TestClient) -> None:
        self.server = server
        self.db_url = db_url
        self.db = urlsplit(db_url).path.rsplit("/", 1)[1]
        self.client = client

    # -- as the admin, straight into the database --------------------------------------------

    def get(self, doc_id: str, **params: str) -> Any:
        r = requests.get(
            f"{self.db_url}/{doc_id}",
            params=params,
            auth=self.server.admin_auth,
            headers=JSON,
            timeout=10,
        )
        return r.json() if r.status_code == 200 else None

    def put(self, doc: dict[str, Any]) -> str:
        current = self.get(doc["_id"])
        body = dict(doc)
        if current is not None:
            body["_rev"] = current["_rev"]
        r = requests.put(
            f"{self.db_url}/{doc['_id']}", json=body, auth=self.server.admin_auth, timeout=10
        )
        assert r.status_code in (200, 201), r.text
        rev: str = r.json()["rev"]
        return rev

    def change(self, doc_id: str, **fields: Any) -> str:
        current = self.get(doc_id)
        assert current is not None
        return self.put({**current, **fields})

    def delete(self, doc_id: str) -> None:
        current = self.get(doc_id)
        r = requests.delete(
            f"{self.db_url}/{doc_id}",
            params={"rev": current["_rev"]},
            auth=self.server.admin_auth,
            timeout=10,
        )
        assert r.status_code == 200, r.text

    def branch(self, doc: dict[str, Any], parent: str, digest: str) -> str:
        """A revision on a branch of its own from ``parent``, as a replicator stores it."""
        generation, parent_digest = parent.split("-", 1)
        rev = f"{int(generation) + 1}-{digest}"
        body = {
            **doc,
            "_rev": rev,
            "_revisions": {"start": int(generation) + 1, "ids": [digest, parent_digest]},
        }
        r = requests.post(
            f"{self.db_url}/_bulk_docs",
            json={"docs": [body], "new_edits": False},
            auth=self.server.admin_auth,
            timeout=10,
        )
        assert r.status_code == 201, r.text
        return rev

    # -- as a user, through the gateway --------------------------------------------------------

    def changes(self, user: str, **params: Any) -> requests.Response:
        password = USERS[user][0]
        return self.client.get(  # type: ignore[return-value]
            f"/{self.db}/_changes", params=params, auth=(user, password)
        )

    def pull(self, laptop: Laptop, limit: int = 1000) -> None:
        """Like the laptop's pull: pages until one comes back shorter than ``limit``."""
        for _ in range(1000):
            r = self.changes(laptop.user, since=laptop.since, limit=limit, style="all_docs")
            assert r.status_code == 200, r.text
            answer = r.json()
            assert len(answer["results"]) <= limit
            laptop.apply(answer["results"])
            laptop.since = answer["last_seq"]
            if len(answer["results"]) < limit:
                return
        raise AssertionError("the feed never caught up")


def token(data: dict[str, Any]) -> str:
    raw = json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def untoken(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    return data


def add_user(admin: CouchClient, name: str, password: str, role: str, staff_id: str) -> None:
    """``central add-user``; again on a conflict (other tests on a shared CouchDB make the
    same users at the same time)."""
    for attempt in range(5):
        try:
            central.add_user(admin, name, password, role, staff_id)
            return
        except RequestError as exc:
            if exc.status != 409 or attempt == 4:
                raise


@contextlib.contextmanager
def central_for(request: pytest.FixtureRequest) -> Iterator[Central]:
    """The central database and gateway, on the Apache CouchDB that ``CASEWORKER_TEST_COUCHDB``
    names, else on the pinned PouchDB Server (the ``couch_server`` and ``couch_db`` fixtures)."""
    external = external_couch()
    if external is None:
        server: Any = request.getfixturevalue("couch_server")
        db_url: str = request.getfixturevalue("couch_db")
        with central_with_gateway(server, db_url) as c:
            yield c
        return
    name = f"test-gateway-{uuid.uuid4().hex[:12]}"
    db_url = external.create_db(name)
    try:
        with central_with_gateway(external, db_url) as c:
            yield c
    finally:
        external.delete_db(name)


@contextlib.contextmanager
def central_with_gateway(server: Any, db_url: str) -> Iterator[Central]:
    admin = CouchClient(db_url, *server.admin_auth)
    try:
        central.install_access_views(admin)
        admin.post("/_bulk_docs", {"docs": council()})
        for name, (password, role, staff_id) in USERS.items():
            add_user(admin, name, password, role, staff_id)
    finally:
        admin.close()
    name = urlsplit(db_url).path.rsplit("/", 1)[1]
    user, password = server.admin_auth
    couch = Couch(server.url, name, user, password)
    app = create_app(couch, session_cache=SessionCache(seconds=0))
    with TestClient(app) as client:
        yield Central(server, db_url, client)
