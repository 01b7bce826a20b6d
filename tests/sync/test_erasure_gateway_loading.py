"""The gateway loads every erasure before it judges a write, whatever the database answers.

The erasures are read a page at a time by id range (``sync.worker.prefix.docs_with_prefix``):
erasures spread over several pages are all known, and an answer that is not a page of rows
(a broken proxy, a server that answers ``{}``) is not read as "no erasures": writes are
answered 503 until a real answer comes. The gateway runs in-process in front of the test
server through a fault proxy.
"""

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from caseworker.services import erasure
from sync.gateway import erased
from sync.gateway.app import create_app
from sync.gateway.couch import Couch
from sync.gateway.erased import NOT_LOADED
from tests.support.fault_proxy import FaultProxy
from tests.support.gateway import USERS, a_note, central_database, central_server, gateway_council

ADA = USERS["ada"]
TARGETS = ("citizen:c1", "citizen:c3", "note:w1", "note:h1", "note:c3")  # not Dafydd, c2


def _erasure(n: int, target: str) -> dict[str, Any]:
    which = {"record_id": target} if target.startswith("note:") else {}
    return erasure.erasure_document(
        f"erasure:{n:02d}", None if which else target, by="staff:supervisor", mode="erase",
        basis="objection", reason="citizen_request", **which,
    )  # fmt: skip


@pytest.fixture
def behind(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, FaultProxy, str]]:
    monkeypatch.setattr(erased, "PAGE", 2)  # five erasures: three pages
    server = central_server(request)
    if not server.running:
        server.start()  # type: ignore[union-attr]
    name = f"gw-{uuid.uuid4().hex[:12]}"
    db_url = server.create_db(name)
    docs = gateway_council() + [_erasure(n, t) for n, t in enumerate(TARGETS)]
    try:
        with central_database(server, db_url, docs), FaultProxy(server.url) as proxy:
            spoil = getattr(request, "param", None)  # a fault on every read of the erasures
            if spoil is not None:
                proxy.inject("erasure", spoil, method="GET", times=10**6)
            couch = Couch(proxy.url, name, *server.admin_auth)
            with TestClient(create_app(couch, warm_views=False)) as client:
                yield client, proxy, name
    finally:
        server.delete_db(name)


def _notes() -> list[dict[str, Any]]:
    """A note naming each erased target, and one naming nobody erased."""
    notes = [
        a_note(f"note:about-{n}", "a late note", "staff:admin", **_link(t))
        for n, t in enumerate(TARGETS)
    ]
    return [*notes, a_note("note:free", "nobody erased", "staff:admin", case_id="case:h1")]


def _link(target: str) -> dict[str, str]:
    if target.startswith("citizen:"):
        return {"citizen_id": target}
    return {"reply_to": target}


def test_erasures_over_several_pages_are_all_known(
    behind: tuple[TestClient, FaultProxy, str],
) -> None:
    client, _proxy, db = behind
    answer = client.post(f"/{db}/_bulk_docs", json={"docs": _notes()}, auth=ADA)
    assert answer.status_code == 201, answer.text
    by_id = {a["id"]: a for a in answer.json()}
    for n, _target in enumerate(TARGETS):
        refused = by_id[f"note:about-{n}"]
        assert refused.get("error") == "forbidden", refused
        assert f"erasure:{n:02d}" in refused["reason"]
    assert by_id["note:free"].get("ok"), by_id["note:free"]


@pytest.mark.parametrize("behind", ["empty"], indirect=True)
def test_an_answer_that_is_not_a_page_of_rows_is_not_read_as_no_erasures(
    behind: tuple[TestClient, FaultProxy, str],
) -> None:
    client, proxy, db = behind
    note = _notes()[0]
    answer = client.post(f"/{db}/_bulk_docs", json={"docs": [note]}, auth=ADA)
    assert answer.status_code == 503, answer.text
    assert answer.json() == {"error": "service_unavailable", "reason": NOT_LOADED}
    proxy.clear()
    answer = client.post(f"/{db}/_bulk_docs", json={"docs": [note]}, auth=ADA)
    assert answer.status_code == 201 and answer.json()[0].get("error") == "forbidden"
