"""A CouchDB that fails behind the gateway: the client is told the service failed, in CouchDB's
shape, never shown what CouchDB said to the gateway's admin, never served a document unjudged,
and the gateway keeps serving once CouchDB is back."""

from collections.abc import Iterator

import pytest
import requests

from tests.support.couch_server import CouchServer
from tests.support.gateway import USERS, Gateway, a_note, central_database, revision
from tests.support.hostile_server import HostileServer, Reply

JSON = {"Accept": "application/json"}
ANN = USERS["ann"]


@pytest.fixture
def behind(couch_server: CouchServer, couch_db: str) -> Iterator[tuple[HostileServer, Gateway]]:
    """A gateway whose CouchDB is reached through a scriptable stand-in."""
    from tests.support.gateway import gateway_council

    with (
        central_database(couch_server, couch_db, gateway_council()),
        HostileServer(couch_server.url) as hostile,
        Gateway(couch_server, hostile.rewrite(couch_db)) as gateway,
    ):
        yield hostile, gateway
    with_log = couch_db.rsplit("/", 1)[1] + "-access-log"
    requests.delete(f"{couch_server.url}/{with_log}", auth=couch_server.admin_auth, timeout=30)


def test_a_failing_couchdb_is_a_bad_gateway_without_its_words(
    behind: tuple[HostileServer, Gateway],
) -> None:
    hostile, gateway = behind
    secret = {"error": "internal", "reason": "admin password s3cret in stack trace"}
    hostile.on("/_bulk_get", Reply(500, secret), times=1)
    answer = requests.post(
        gateway.db_url + "/_bulk_get",
        json={"docs": [{"id": "case:w1"}]},
        auth=ANN,
        headers=JSON,
        timeout=30,
    )
    assert answer.status_code == 502
    assert answer.json()["error"] == "bad_gateway" and "s3cret" not in answer.text
    # CouchDB is back: so is the gateway.
    again = requests.post(
        gateway.db_url + "/_bulk_get",
        json={"docs": [{"id": "case:w1"}]},
        auth=ANN,
        headers=JSON,
        timeout=30,
    )
    assert again.status_code == 200 and "ok" in again.json()["results"][0]["docs"][0]


def test_a_reply_that_is_not_json_serves_nothing(behind: tuple[HostileServer, Gateway]) -> None:
    hostile, gateway = behind
    hostile.on("/case%3Ah1", Reply(200, b'{"_id": "case:h1", "summary": "Pothole'), times=1)
    answer = requests.get(gateway.db_url + "/case:h1", auth=USERS["olu"], headers=JSON, timeout=30)
    assert answer.status_code == 502 and "Pothole" not in answer.text


def test_a_write_is_not_stored_when_the_winner_cannot_be_read(
    couch_server: CouchServer, behind: tuple[HostileServer, Gateway]
) -> None:
    hostile, gateway = behind
    hostile.on("/_all_docs", Reply(500, {"error": "unknown"}), times=1)
    note = revision(a_note("note:fault-1", "pushed", "staff:agent", case_id="case:w1"))
    answer = requests.post(
        gateway.db_url + "/_bulk_docs",
        json={"docs": [note], "new_edits": False},
        auth=ANN,
        headers=JSON,
        timeout=30,
    )
    assert answer.status_code == 502
    assert not [r for r in hostile.seen("/_bulk_docs") if b"note:fault-1" in r.body]


def test_a_session_check_that_fails_signs_no_one_in(
    behind: tuple[HostileServer, Gateway],
) -> None:
    hostile, gateway = behind
    hostile.on("/_session", Reply(500, {"error": "unknown"}), method="GET", times=1)
    answer = requests.get(gateway.db_url + "/case:w1", auth=ANN, headers=JSON, timeout=30)
    assert answer.status_code == 502 and "Carys" not in answer.text
    hostile.on("/_session", Reply(200, {"ok": True, "userCtx": {"name": None}}), method="GET")
    assert (
        requests.get(gateway.db_url + "/case:w1", auth=("ann", "x"), headers=JSON, timeout=30)
    ).status_code == 401


def test_an_expired_admin_session_is_renewed(behind: tuple[HostileServer, Gateway]) -> None:
    hostile, gateway = behind
    signed_in = len(hostile.seen("/_session"))
    hostile.on("/_bulk_get", Reply(401, {"error": "unauthorized"}), times=1)
    answer = requests.post(
        gateway.db_url + "/_bulk_get",
        json={"docs": [{"id": "case:w1"}]},
        auth=ANN,
        headers=JSON,
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    assert [r.method for r in hostile.seen("/_session")[signed_in:]].count("POST") == 1


def test_a_streamed_feed_renews_an_expired_admin_session(
    couch_server: CouchServer, couch_db: str
) -> None:
    import asyncio

    from sync.gateway.couch import Couch, loads

    with HostileServer(couch_server.url) as hostile:
        hostile.on("/_changes", Reply(401, {"error": "unauthorized"}), times=1)
        couch = Couch(hostile.url, couch_db.rsplit("/", 1)[1], *couch_server.admin_auth)

        async def read() -> object:
            try:
                async with couch.stream("GET", "/_changes", params={"limit": "1"}) as response:
                    return loads(await response.aread())
            finally:
                await couch.aclose()

        answer = asyncio.run(read())
    assert isinstance(answer, dict) and "results" in answer
    assert [r.method for r in hostile.seen("/_session")] == ["POST", "POST"]
    assert not couch.http.cookies  # the admin's cookie is held apart, never in a shared jar
