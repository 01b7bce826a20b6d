"""A gateway that cannot read which records were erased judges no write blind: while the
erasure documents cannot be read, ``_bulk_docs`` is answered 503 and nothing is stored; once
they can, the same write is stored.

The gateway runs in-process (Starlette's TestClient) in front of the test server through a
fault proxy that fails every read of the ``erasure:`` documents until cleared.
"""

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from starlette.testclient import TestClient

from sync.gateway.app import create_app
from sync.gateway.couch import Couch
from sync.gateway.erased import NOT_LOADED
from tests.support.fault_proxy import FaultProxy
from tests.support.gateway import (
    USERS,
    Server,
    a_note,
    central_database,
    central_server,
    gateway_council,
)

SAM = USERS["sam"]


@pytest.fixture
def behind(request: pytest.FixtureRequest) -> Iterator[tuple[TestClient, FaultProxy, Server, str]]:
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
            proxy.inject("erasure", "500", method="GET", times=10**6)  # before it starts
            couch = Couch(proxy.url, name, *server.admin_auth)
            with TestClient(create_app(couch, warm_views=False)) as client:
                yield client, proxy, server, name
    finally:
        server.delete_db(name)


def stored(server: Server, db: str, doc_id: str) -> Any:
    answer = requests.get(f"{server.url}/{db}/{doc_id}", auth=server.admin_auth, timeout=30)
    return answer.json() if answer.status_code == 200 else None


def test_no_write_is_judged_until_the_erasures_are_known(
    behind: tuple[TestClient, FaultProxy, Server, str],
) -> None:
    client, proxy, server, db = behind
    note = a_note("note:blind", "Carys rang", "staff:supervisor", case_id="case:w1")
    answer = client.post(f"/{db}/_bulk_docs", json={"docs": [note]}, auth=SAM)
    assert answer.status_code == 503, answer.text
    assert answer.json() == {"error": "service_unavailable", "reason": NOT_LOADED}
    assert stored(server, db, "note:blind") is None
    proxy.clear()
    answer = client.post(f"/{db}/_bulk_docs", json={"docs": [note]}, auth=SAM)
    assert answer.status_code == 201 and answer.json()[0].get("ok"), answer.text
    assert stored(server, db, "note:blind") is not None
