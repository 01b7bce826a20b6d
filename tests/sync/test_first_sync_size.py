"""A first sync that would bring more than a set number of documents says so before it starts.

The gateway's ``GET /{db}`` gives each caller the number of documents in their own scope
(``doc_count``); a plain CouchDB gives its whole database, which is what a first sync from it
brings. The figure is the server's word: one that is not a whole number >= 0 is ignored, and
nothing a server says about it can stop or break a sync.
"""

import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from caseworker.access.views import DESIGN_ID, VIEW, VIEW_PATH, is_case_key, roots_rows
from main import run
from sync import first_sync
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.gateway import USERS, Gateway, Server, running_gateway
from tests.support.hostile_server import HostileServer, Reply, Request
from tests.sync.helpers import JSON, council_docs, make_store, sync

# What each user's first sync through the gateway brings (tests/sync/test_gateway_sync.py).
SCOPE_SIZES = {"ann": 10, "olu": 10, "sam": 10}


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as gateway:
        yield gateway


def info(url: str, auth: tuple[str, str]) -> Any:
    answer = requests.get(url, auth=auth, headers=JSON, timeout=30)
    answer.raise_for_status()
    return answer.json()


# -- the gateway ----------------------------------------------------------------------------------


def test_each_caller_is_told_the_size_of_their_own_scope(
    tmp_path: Path, server: Server, gateway: Gateway
) -> None:
    for user in ("ann", "olu", "sam"):
        told = info(gateway.db_url, USERS[user])["doc_count"]
        store = make_store(tmp_path, user)
        try:
            assert sync(store, gateway.db_url, USERS[user]).pull.docs_written == told
        finally:
            store.close()
        assert told == SCOPE_SIZES[user]
    whole = info(gateway.upstream_db_url, server.admin_auth)["doc_count"]
    assert info(gateway.db_url, USERS["ada"])["doc_count"] == whole  # an admin holds everything
    head = requests.head(gateway.db_url, auth=USERS["ann"], timeout=30)
    assert head.status_code == 200


def test_the_count_view_agrees_with_the_python_routing(server: Server, gateway: Gateway) -> None:
    everything = requests.get(
        f"{gateway.upstream_db_url}/_all_docs",
        params={"include_docs": "true", "conflicts": "true"},
        auth=server.admin_auth,
        timeout=30,
    ).json()["rows"]
    expected = Counter(root for row in everything for root, _ in roots_rows(row["doc"]))
    counted = requests.get(
        gateway.upstream_db_url + VIEW_PATH,
        params={"group": "true"},
        auth=server.admin_auth,
        timeout=60,
    ).json()["rows"]
    # The view also counts the rows keyed by case key; a scope's count asks only its roots.
    by_root = {row["key"]: row["value"] for row in counted if not is_case_key(row["key"])}
    assert by_root == dict(expected)


def test_when_the_view_cannot_count_the_gateway_still_answers_with_no_count(
    server: Server, gateway: Gateway
) -> None:
    """The view cannot count (its reduce taken away under the running gateway)."""
    design = requests.get(
        f"{gateway.upstream_db_url}/{DESIGN_ID}", auth=server.admin_auth, timeout=30
    ).json()
    del design["views"][VIEW]["reduce"]
    stored = requests.put(
        f"{gateway.upstream_db_url}/{DESIGN_ID}", json=design, auth=server.admin_auth, timeout=30
    )
    assert stored.status_code in (201, 202)
    told = info(gateway.db_url, USERS["olu"])
    assert "doc_count" not in told and told["db_name"] == gateway.db_name


# -- the command line -----------------------------------------------------------------------------


def cli_sync(
    data: Path, db_url: str, password: str, monkeypatch: pytest.MonkeyPatch, *extra: str
) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return run(["--data-dir", str(data), "sync", "--server", db_url, "--user", "olu",
                "--password-stdin", "--once", *extra])  # fmt: skip


def test_the_cli_says_so_before_a_large_first_sync_and_not_after(
    tmp_path: Path, gateway: Gateway, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    data = tmp_path / "laptop"
    make_store(tmp_path, "laptop").close()
    args = ("--warn-above", "4", "--progress")
    assert cli_sync(data, gateway.db_url, "olu-pw", monkeypatch, *args) == 0
    out, err = capsys.readouterr()
    first, *progress = err.splitlines()
    assert first.startswith("caseworker: first sync: about 10 documents to bring (more than 4)")
    assert progress and "first sync" not in "".join(progress)  # said before the sync began
    assert "up to date" in out
    # The next sync is not a first one; the threshold was kept for this data folder.
    assert cli_sync(data, gateway.db_url, "olu-pw", monkeypatch) == 0
    assert "first sync" not in capsys.readouterr().err


def test_the_cli_says_nothing_under_the_threshold(
    tmp_path: Path, gateway: Gateway, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    make_store(tmp_path, "laptop").close()
    assert cli_sync(tmp_path / "laptop", gateway.db_url, "olu-pw", monkeypatch) == 0
    assert "first sync" not in capsys.readouterr().err  # 10 documents: under 10,000


# -- a plain CouchDB, and servers that lie --------------------------------------------------------


def test_a_plain_couchdb_counts_its_whole_database(tmp_path: Path, couch_db: str) -> None:
    admin = CouchClient(couch_db)
    try:
        admin.post("/_bulk_docs", {"docs": council_docs()})
        store = make_store(tmp_path, "laptop")
        try:
            with store.write() as session:
                first_sync.set_threshold(session, 2)
            size = first_sync.check(store, admin)
            assert size == first_sync.FirstSyncSize(len(council_docs()), 2)
            assert Replicator(store, admin).sync().up_to_date
            assert first_sync.check(store, admin) is None  # begun: not a first sync any more
        finally:
            store.close()
    finally:
        admin.close()


LIES: list[Any] = [
    -1,
    "12000",
    "12,000",
    1e20,
    True,
    None,
    [12000],
    {"n": 12000},
]


@pytest.fixture
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


def lying_info(hostile: HostileServer, db_url: str, body: Any) -> str:
    """The database's information answered with ``body`` as its ``doc_count`` (or, as bytes,
    as the whole reply)."""
    url = hostile.rewrite(db_url)
    path = "/" + url.rstrip("/").rsplit("/", 1)[1]

    def answer(request: Request) -> Reply | None:
        if request.method != "GET" or request.path.rstrip("/") != path:
            return None
        if isinstance(body, bytes):
            return Reply(200, body, headers={"Content-Type": "application/json"})
        return Reply(200, {"db_name": path[1:], "update_seq": "0", "doc_count": body})

    hostile.on(path, answer)
    return url


@pytest.mark.parametrize("lie", LIES, ids=[json.dumps(lie) for lie in LIES])
def test_a_count_that_is_not_a_whole_number_says_nothing_and_the_sync_goes_on(
    tmp_path: Path, couch_db: str, hostile: HostileServer, lie: Any
) -> None:
    url = lying_info(hostile, couch_db, lie)
    store = make_store(tmp_path, "laptop", council=True)
    client = CouchClient(url)
    try:
        with store.write() as session:
            first_sync.set_threshold(session, 0)
        assert first_sync.check(store, client) is None
        assert Replicator(store, client).sync().up_to_date
    finally:
        client.close()
        store.close()


@pytest.mark.parametrize(
    "reply",
    [b'{"doc_count": ' + b"9" * 5000 + b"}", b"[" * 100_000, b"not json", b'"text"'],
    ids=["5000 digits", "nested", "not json", "a string"],
)
def test_a_broken_information_reply_says_nothing(
    tmp_path: Path, couch_db: str, hostile: HostileServer, reply: bytes
) -> None:
    url = lying_info(hostile, couch_db, reply)
    store = make_store(tmp_path, "laptop")
    client = CouchClient(url)
    try:
        assert first_sync.check(store, client) is None
    finally:
        client.close()
        store.close()


def test_a_huge_count_is_shown_as_it_is_without_breaking_anything(
    tmp_path: Path, couch_db: str, hostile: HostileServer
) -> None:
    url = lying_info(hostile, couch_db, 10**30)
    store = make_store(tmp_path, "laptop", council=True)
    client = CouchClient(url)
    try:
        size = first_sync.check(store, client)
        assert size is not None
        assert "more than 1,000,000,000,000" in first_sync.message(size)
        assert Replicator(store, client).sync().up_to_date
    finally:
        client.close()
        store.close()


def test_the_figure_is_rounded_and_called_about() -> None:
    assert first_sync.FirstSyncSize(23_412, 10_000).about == "23,400"
    assert first_sync.FirstSyncSize(10_001, 10_000).about == "10,000"
    assert first_sync.FirstSyncSize(987, 10).about == "987"
    text = first_sync.message(first_sync.FirstSyncSize(23_412, 10_000))
    assert text.startswith("first sync: about 23,400 documents to bring (more than 10,000)")
