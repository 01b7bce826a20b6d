"""A hostile or broken server cannot take the password elsewhere, hold a sync forever or fill
the laptop's memory: redirects are refused, every request and every sync has a deadline, and
replies are capped, compressed or not. Each failure is one plain line."""

import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync import transport
from sync.errors import (
    InsecureConnection,
    MalformedResponse,
    NetworkError,
    RedirectRefused,
    ReplyTooLarge,
    SyncError,
)
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply, Request, gzip_bomb, self_signed
from tests.sync.helpers import local_ids, make_store

SECRET = "correct horse battery staple"


@pytest.fixture
def elsewhere() -> Iterator[HostileServer]:
    """Another host, which must never hear from the client: it would answer anything."""
    with HostileServer() as server:
        server.on("", Reply(200, {"ok": True, "db_name": "db", "results": [], "last_seq": 0}))
        yield server


@pytest.fixture
def origin() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


def one_line(error: BaseException) -> str:
    message = str(error)
    assert isinstance(error, SyncError)
    assert message and "\n" not in message and len(message) < 250
    return message


def never_reached(server: HostileServer) -> None:
    assert server.requests == []


# -- redirects --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirected_sign_in_is_not_followed(
    origin: HostileServer, elsewhere: HostileServer, status: int
) -> None:
    origin.on("/_session", Reply(status, headers={"Location": elsewhere.url + "/_session"}))
    client = CouchClient(origin.url + "/db", "ann", SECRET)
    with pytest.raises(RedirectRefused) as raised:
        client.get()
    assert one_line(raised.value) == (
        f"the central service redirected the sign-in to {elsewhere.url}; not followed"
    )
    never_reached(elsewhere)
    assert [r.path for r in origin.requests] == ["/_session"]  # and no second try


def test_a_sign_in_over_https_redirected_to_plain_http_is_not_followed(
    tmp_path: Path, elsewhere: HostileServer
) -> None:
    tls, certificate = self_signed(tmp_path)
    with HostileServer(tls=tls) as secure:
        target = elsewhere.url + "/_session"
        secure.on("/_session", Reply(307, headers={"Location": target}))
        client = CouchClient(secure.url + "/db", "ann", SECRET, verify=certificate)
        with pytest.raises(RedirectRefused, match="redirected the sign-in to http://127"):
            client.get()
        assert [r.path for r in secure.requests] == ["/_session"]
    never_reached(elsewhere)


def test_a_redirect_after_signing_in_takes_neither_cookie_nor_records_elsewhere(
    origin: HostileServer, elsewhere: HostileServer, tmp_path: Path
) -> None:
    origin.on(
        "/_session",
        Reply(200, {"ok": True}, headers={"Set-Cookie": "AuthSession=c2VjcmV0; Path=/"}),
    )
    origin.on("/db/_changes", Reply(302, headers={"Location": elsewhere.url + "/db/_changes"}))
    origin.on("/db/_local/", Reply(404, {"error": "not_found"}))
    origin.on("/db", Reply(200, {"db_name": "db", "doc_count": 1, "doc_del_count": 0}))
    store = make_store(tmp_path, "van")
    with pytest.raises(RedirectRefused) as raised:
        Replicator(store, CouchClient(origin.url + "/db", "ann", SECRET)).sync()
    assert f"redirected GET /db/_changes to {elsewhere.url}; not followed" in one_line(raised.value)
    never_reached(elsewhere)


def test_a_301_on_every_endpoint_never_makes_the_client_sync_with_another_host(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    with HostileServer(couch_server.url) as real, HostileServer() as origin:
        origin.on("", lambda r: Reply(301, headers={"Location": real.url + r.target}))
        store = make_store(tmp_path, "van", council=True)
        with pytest.raises(RedirectRefused, match="; not followed"):
            Replicator(store, CouchClient(origin.rewrite(couch_db))).sync()
        never_reached(real)
    assert len(origin.requests) == 1  # refused at the first answer


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        ("http://[::1", "an unreadable address"),
        ("http://evil.example:99999/x", "an unreadable address"),
        ("https://user:pw@evil.example/x", "https://evil.example"),
        ("http://evil.example\x1b[2J/", "an unreadable address"),
        ("", "an address it did not give"),
    ],
)
def test_a_redirect_is_named_by_its_host_alone_and_safely(location: str, shown: str) -> None:
    with HostileServer() as origin:
        origin.on("/db", Reply(302, headers={"Location": location} if location else {}))
        with pytest.raises(RedirectRefused) as raised:
            CouchClient(origin.url + "/db").get()
    assert (
        one_line(raised.value) == f"the central service redirected GET /db to {shown}; not followed"
    )


def test_a_redirect_to_the_same_server_is_refused_too() -> None:
    with HostileServer() as origin:
        origin.on("/db", Reply(307, headers={"Location": "/other"}))
        with pytest.raises(RedirectRefused, match=f"redirected GET /db to {origin.url};"):
            CouchClient(origin.url + "/db").get()


# -- plain http -------------------------------------------------------------------------------


def test_plain_http_to_another_machine_is_refused_unless_asked_for() -> None:
    with pytest.raises(InsecureConnection) as raised:
        CouchClient("http://couch.council.example/caseworker", "ann", SECRET)
    assert "use an https:// address, or --allow-http" in one_line(raised.value)
    allowed = CouchClient("http://couch.council.example/caseworker", allow_http=True)
    assert allowed.unencrypted and allowed.fork().unencrypted
    for safe in (
        "https://couch.council.example/caseworker",
        "http://127.0.0.1:5984/caseworker",
        "http://localhost:5984/caseworker",
        "http://[::1]:5984/caseworker",
    ):
        assert not CouchClient(safe).unencrypted


# -- deadlines --------------------------------------------------------------------------------


@pytest.mark.parametrize("framing", ["length", "chunked", "close"])
def test_a_change_feed_trickling_a_byte_at_a_time_fails_at_the_request_deadline(
    origin: HostileServer, framing: str
) -> None:
    origin.on("/db/_changes", Reply(200, b'{"results": [', framing=framing, trickle=0.1))  # type: ignore[arg-type]
    client = CouchClient(origin.url + "/db", deadline=1.5)
    with pytest.raises(NetworkError) as raised:
        client.get("/_changes")
    assert one_line(raised.value) == (
        "the central service did not finish answering within 1.5 s (GET /db/_changes)"
    )


def test_a_server_that_never_sends_its_headers_fails_at_the_request_deadline(
    origin: HostileServer,
) -> None:
    released = threading.Event()

    def stall(request: Request) -> Reply:
        released.wait(30)
        return Reply(200, {})

    origin.on("/db", stall)
    # The read timeout alone (10 s) would not end it in time; the deadline does.
    client = CouchClient(origin.url + "/db", timeout=10.0, deadline=1.0)
    try:
        with pytest.raises(NetworkError, match="did not finish answering within 1 s"):
            client.get()
    finally:
        released.set()


def test_a_sync_has_a_total_budget_however_slowly_the_server_answers(
    origin: HostileServer, tmp_path: Path
) -> None:
    origin.on("/db/_local/", Reply(404, {"error": "not_found"}))
    origin.on("/db/_changes", Reply(200, b'{"results": [', trickle=0.1))
    origin.on("/db", Reply(200, {"db_name": "db", "doc_count": 0}))
    store = make_store(tmp_path, "van")
    replicator = Replicator(store, CouchClient(origin.url + "/db", deadline=60.0), budget=1.5)
    with pytest.raises(NetworkError) as raised:
        replicator.sync()
    assert one_line(raised.value) == (
        "the sync took longer than its limit of 1.5 s; the next sync carries on from where it "
        "stopped"
    )


def test_the_long_poll_ends_at_its_deadline_whatever_the_server_does(
    origin: HostileServer,
) -> None:
    stop = threading.Event()

    def never_starts(request: Request) -> Reply:
        stop.wait(30)
        return Reply(200, {})

    origin.on("/db/_changes", Reply(200, b'{"results": [', trickle=0.1), times=1)
    origin.on("/db/_changes", never_starts)
    client = CouchClient(origin.url + "/db")
    try:
        for _ in range(2):  # a trickling reply, then one that never starts
            assert client.longpoll_changes(0, time.monotonic() + 1.0, threading.Event()) is None
    finally:
        stop.set()


# -- size ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bomb() -> bytes:
    data = gzip_bomb(1024)
    assert len(data) < 2_000_000  # a few MB at most on the wire, 1 GiB unpacked
    return data


def test_a_gzip_bomb_fails_in_one_line_with_memory_bounded(
    origin: HostileServer, bomb: bytes
) -> None:
    origin.on("/db/_changes", Reply(200, bomb, headers={"Content-Encoding": "gzip"}))
    client = CouchClient(origin.url + "/db")
    tracemalloc.start()
    try:
        with pytest.raises(ReplyTooLarge) as raised:
            client.get("/_changes")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    cap_mb = transport.MAX_REPLY_BYTES // 1_000_000
    assert one_line(raised.value) == (
        f"the central service's reply to GET /db/_changes is larger than {cap_mb} MB"
    )
    assert peak < 3 * transport.MAX_REPLY_BYTES  # not the 1 GiB the bomb unpacks to


def test_an_uncompressed_reply_over_the_cap_fails_in_one_line(
    origin: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transport, "MAX_REPLY_BYTES", 1_000_000)
    origin.on("/db", Reply(200, b'{"pad": "' + b"x" * 2_000_000 + b'"}', framing="close"))
    with pytest.raises(ReplyTooLarge, match="larger than 1 MB"):
        CouchClient(origin.url + "/db").get()


@pytest.mark.parametrize(
    ("encoding", "body", "words"),
    [
        ("br", b"\x1b\x00", "in an encoding not asked for"),
        ("gzip", b"not gzip at all", "is corrupt"),
        ("gzip", gzip_bomb(2)[:500], "was cut short"),
        ("gzip", gzip_bomb(1) * 2, "is corrupt"),
        ("gzip, gzip", b"", "in an encoding not asked for"),
    ],
)
def test_a_reply_in_a_broken_or_unasked_encoding_fails_in_one_line(
    origin: HostileServer, encoding: str, body: bytes, words: str
) -> None:
    origin.on("/db", Reply(200, body, headers={"Content-Encoding": encoding}))
    with pytest.raises(MalformedResponse) as raised:
        CouchClient(origin.url + "/db").get()
    assert words in one_line(raised.value)


def test_a_gzip_reply_of_real_json_is_read(origin: HostileServer) -> None:
    import gzip

    origin.on("/db", Reply(200, gzip.compress(b'{"db_name": "db"}'), {"Content-Encoding": "gzip"}))
    assert CouchClient(origin.url + "/db").get() == {"db_name": "db"}


def test_the_next_sync_after_a_refused_server_completes(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    office = make_store(tmp_path, "office", council=True)
    assert Replicator(office, CouchClient(couch_db)).sync().up_to_date
    with HostileServer(couch_server.url) as hostile:
        hostile.on("_changes", Reply(200, gzip_bomb(200), {"Content-Encoding": "gzip"}))
        store = make_store(tmp_path, "van")
        with pytest.raises(ReplyTooLarge):
            Replicator(store, CouchClient(hostile.rewrite(couch_db))).sync()
        hostile.clear()
        assert Replicator(store, CouchClient(hostile.rewrite(couch_db))).sync().up_to_date
    assert local_ids(store) == local_ids(office)
