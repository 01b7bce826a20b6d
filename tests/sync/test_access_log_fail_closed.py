"""The gateway fails closed on its access log: when the log database is away and the entries
waiting pass their bound, nothing is served (503) rather than served unrecorded; serving comes
back once what waited is written, and nothing recorded is lost.

The gateway runs in-process (Starlette's TestClient) in front of the test server; only its
access log goes through a fault proxy that can refuse every write to the log database. The
log's bound is 3 documents and it writes only when told to (``flush``), so nothing is timed.
"""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from starlette.testclient import TestClient

from sync.access_log_design import log_db_name
from sync.gateway.access_log import LOG_UNAVAILABLE, AccessLog
from sync.gateway.app import create_app
from sync.gateway.couch import Couch
from tests.support.fault_proxy import FaultProxy
from tests.support.gateway import (
    USERS,
    Server,
    a_note,
    central_database,
    central_server,
    gateway_council,
)

ANN = USERS["ann"]
DEVICE = {"X-Caseworker-Device": "laptop-9"}


@dataclass
class Behind:
    client: TestClient
    log: AccessLog
    proxy: FaultProxy
    server: Server
    db: str

    def flush(self) -> bool:
        assert self.client.portal is not None
        written: bool = self.client.portal.call(self.log.flush)
        return written

    def entries(self) -> list[dict[str, Any]]:
        answer = requests.get(
            f"{self.server.url}/{log_db_name(self.db)}/_all_docs",
            params={"include_docs": "true"},
            auth=self.server.admin_auth,
            timeout=30,
        ).json()
        docs = [r["doc"] for r in answer["rows"] if not r["id"].startswith("_design/")]
        return sorted(docs, key=lambda d: d["_id"])


@pytest.fixture
def behind(request: pytest.FixtureRequest) -> Iterator[Behind]:
    server = central_server(request)
    if not server.running:
        server.start()  # type: ignore[union-attr]
    name = f"gw-{uuid.uuid4().hex[:12]}"
    db_url = server.create_db(name)
    try:
        with (
            central_database(server, db_url, gateway_council()),
            FaultProxy(server.url) as proxy,
        ):
            couch = Couch(server.url, name, *server.admin_auth)
            # its own way to the server (through the proxy), on the gateway's connections
            log_couch = Couch(proxy.url, log_db_name(name), *server.admin_auth, http=couch.http)
            log = AccessLog(log_couch, max_pending=3, flush_seconds=3600)
            app = create_app(couch, access_log=log, warm_views=False)
            with TestClient(app) as client:
                assert client.portal is not None
                client.portal.call(log.prepare)
                try:
                    yield Behind(client, log, proxy, server, name)
                finally:
                    proxy.clear()  # what waits is written when the gateway stops
    finally:
        for db in (name, log_db_name(name)):
            server.delete_db(db)


def get(b: Behind, path: str) -> Any:
    return b.client.get(f"/{b.db}/{path}", auth=ANN, headers=DEVICE)


def test_the_log_database_down_means_503_instead_of_serving_then_serving_again(
    behind: Behind,
) -> None:
    b = behind
    b.proxy.inject(log_db_name(b.db), "500", times=10**6)  # every request to the log fails
    for path in ("case:w1", "citizen:c1", "note:w1"):  # 3 documents: the bound
        assert get(b, path).status_code == 200
    assert not b.flush()  # the log database is away: they wait

    tries = [
        ("GET", "case:w1", None),
        ("POST", "_bulk_get", {"docs": [{"id": "case:w1"}, {"id": "citizen:c1"}]}),
        ("POST", "_all_docs?include_docs=true", {"keys": ["case:w1"]}),
        ("GET", "_changes?style=all_docs", None),  # a first sync: all ann's scope is owed
    ]
    for method, path, body in tries:
        answer = b.client.request(method, f"/{b.db}/{path}", json=body, auth=ANN, headers=DEVICE)
        assert answer.status_code == 503, (path, answer.text)
        assert answer.json() == {"error": "service_unavailable", "reason": LOG_UNAVAILABLE}
        assert "Carys" not in answer.text and "case:w1" not in answer.text

    assert not b.flush()
    assert get(b, "case:w1").status_code == 503
    assert b.log.waiting == 3  # kept (waiting, or in a write being tried again), none dropped
    # writes still answered: a refusal in the log is no reason to lose a colleague's note
    assert b.client.post(f"/{b.db}/_revs_diff", json={}, auth=ANN).status_code == 200

    b.proxy.clear()  # the log database is back
    assert b.flush()
    assert get(b, "case:w1").status_code == 200
    assert b.flush()
    entries = b.entries()
    assert [(e["user"], e["device"], e["how"], e["doc_ids"], e["roots"]) for e in entries] == [
        ("ann", "laptop-9", "get", ["case:w1"], ["case:w1"]),
        ("ann", "laptop-9", "get", ["citizen:c1"], ["citizen:c1"]),
        ("ann", "laptop-9", "get", ["note:w1"], ["case:w1"]),
        ("ann", "laptop-9", "get", ["case:w1"], ["case:w1"]),
    ]


def test_every_read_path_records_the_roots_of_what_it_served(behind: Behind) -> None:
    b = behind
    b.log.max_pending = 100_000
    sam = USERS["sam"]
    ask = {"auth": sam, "headers": DEVICE}
    bulk = {"docs": [{"id": "note:w1"}, {"id": "case:h1"}, {"id": "queue:waste"}]}
    assert b.client.post(f"/{b.db}/_bulk_get", json=bulk, **ask).status_code == 200
    keys = {"keys": ["note:w1", "citizen:c2"]}
    assert (
        b.client.post(f"/{b.db}/_all_docs?include_docs=true", json=keys, **ask).status_code == 200
    )
    revs = b.client.get(f"/{b.db}/note:w1?open_revs=all", **ask)
    assert revs.status_code == 200
    feed = b.client.get(f"/{b.db}/_changes?style=all_docs", **ask)
    assert feed.status_code == 200 and feed.json()["results"]
    assert b.flush()
    entries = {e["how"]: e for e in b.entries()}
    placed = {how: dict(zip(e["doc_ids"], e["roots"], strict=True)) for how, e in entries.items()}
    assert placed["bulk_get"] == {"note:w1": "case:w1", "queue:waste": "catalogue"}
    assert placed["all_docs"] == {"note:w1": "case:w1"}
    assert placed["get"] == {"note:w1": "case:w1"}
    assert placed["changes"]["note:w1"] == "case:w1"
    assert placed["changes"]["citizen:c1"] == "citizen:c1"
    assert "case:h1" not in placed["changes"] and "note:h1" not in placed["changes"]


def test_documents_sent_whole_with_the_feed_are_recorded_as_served(behind: Behind) -> None:
    b = behind
    b.log.max_pending = 100_000
    ask = {"auth": USERS["sam"], "headers": DEVICE}
    first = b.client.get(f"/{b.db}/_changes?style=all_docs", **ask)  # his scope, listed
    assert first.status_code == 200
    for doc in (
        a_note("note:w9", "Carys called again", "staff:agent", case_id="case:w1"),
        a_note("note:h9", "Dafydd called again", "staff:officer", case_id="case:h1"),
    ):
        made = requests.put(
            f"{b.server.url}/{b.db}/{doc['_id']}", json=doc, auth=b.server.admin_auth, timeout=30
        )
        assert made.status_code in (201, 202), made.text
    since = first.json()["last_seq"]
    feed = b.client.get(f"/{b.db}/_changes?style=all_docs&include_docs=true&since={since}", **ask)
    assert feed.status_code == 200
    sent = {row["id"]: row.get("doc") for row in feed.json()["results"]}
    assert sent["note:w9"] is not None and "note:h9" not in sent  # case:h1 is not his
    assert b.flush()
    served = [
        dict(zip(e["doc_ids"], e["roots"], strict=True))
        for e in b.entries()
        if e["how"] == "changes"
    ]
    assert {"note:w9": "case:w1"} in served  # the answer that carried it, on its own
