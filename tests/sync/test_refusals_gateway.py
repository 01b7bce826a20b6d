"""The ways out of a refusal, through the real gateway: after taking the server's version or
re-applying what is still allowed, the next push is accepted and every copy agrees; a refused
note discarded here never reaches the server; offline, nothing changes and one line says why."""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

import main
from caseworker.services import refusals
from caseworker.store import docstore
from caseworker.store.store import Store
from sync import config
from sync.credentials import remember_password
from sync.refusals import FetchFailed, reapply, take_server
from sync.urls import split_db_url
from tests.support.couch_server import CouchServer
from tests.support.gateway import USERS, Gateway, a_note, running_gateway
from tests.support.memory_keyring import MemoryKeyring, installed
from tests.sync.helpers import AGENT, client, make_store, server_doc, sync

ANN = USERS["ann"]


@pytest.fixture
def gateway(couch_server: CouchServer) -> Iterator[Gateway]:
    with running_gateway(couch_server) as gateway:
        yield gateway


@pytest.fixture
def ann(tmp_path: Path, gateway: Gateway) -> Iterator[Store]:
    store = make_store(tmp_path, "ann")
    try:
        assert sync(store, gateway.db_url, ANN).up_to_date
        yield store
    finally:
        store.close()


def _refused_queue_move(store: Store, gateway: Gateway, **more: object) -> None:
    with store.read() as session:
        case = docstore.require(session, "case:w1")
    with store.write() as session:
        docstore.put(session, {**case, "queue_id": "queue:highways", **more})
    result = sync(store, gateway.db_url, ANN)
    assert set(result.refused) == {"case:w1"}


def test_taking_the_servers_version_is_accepted_and_every_copy_agrees(
    couch_server: CouchServer, gateway: Gateway, ann: Store
) -> None:
    _refused_queue_move(ann, gateway)
    remote = client(gateway.db_url, ANN)
    try:
        take_server(ann, remote, AGENT, "case:w1")
    finally:
        remote.close()
    result = sync(ann, gateway.db_url, ANN)
    assert result.up_to_date and not result.refused
    on_server = server_doc(couch_server, gateway.upstream_db_url, "case:w1", conflicts="true")
    with ann.read() as session:
        here = docstore.require(session, "case:w1")
        assert refusals.refused(session) == []
    assert on_server["_rev"] == here["_rev"] and on_server["queue_id"] == "queue:waste"
    assert "_conflicts" not in on_server


def test_reapplying_sends_what_is_allowed_and_a_second_refusal_shows_again(
    couch_server: CouchServer, gateway: Gateway, ann: Store
) -> None:
    _refused_queue_move(ann, gateway, priority="urgent")
    remote = client(gateway.db_url, ANN)
    try:
        done = reapply(ann, remote, AGENT, "case:w1")
    finally:
        remote.close()
    assert done.applied == ["priority"] and [f for f, _ in done.dropped] == ["queue_id"]
    assert not sync(ann, gateway.db_url, ANN).refused
    on_server = server_doc(couch_server, gateway.upstream_db_url, "case:w1")
    assert (on_server["priority"], on_server["queue_id"]) == ("urgent", "queue:waste")

    # The rules the laptop knows allow a change the server refuses: it is shown again.
    _refused_queue_move(ann, gateway)
    with ann.read() as session:
        assert refusals.require(session, "case:w1").reason


def test_a_refused_note_discarded_here_never_reaches_the_server(
    couch_server: CouchServer, gateway: Gateway, ann: Store
) -> None:
    note_id = f"note:{uuid.uuid4().hex[:8]}"
    with ann.write() as session:  # in a colleague's name: refused
        docstore.put(session, a_note(note_id, "not mine", "staff:officer", case_id="case:w1"))
    assert set(sync(ann, gateway.db_url, ANN).refused) == {note_id}
    with ann.write() as session:
        refusals.discard(session, note_id)
    result = sync(ann, gateway.db_url, ANN)
    assert result.up_to_date and not result.refused and result.push.docs_written == 0
    assert server_doc(couch_server, gateway.upstream_db_url, note_id) is None
    with ann.read() as session:
        assert docstore.get(session, note_id) is None


def test_offline_the_ways_out_say_so_in_one_line_and_change_nothing(
    gateway: Gateway, ann: Store
) -> None:
    _refused_queue_move(ann, gateway)
    with ann.read() as session:
        before = docstore.require(session, "case:w1")
    remote = client("http://127.0.0.1:9/nowhere", ANN)  # nothing listens on the discard port
    try:
        for way_out in (take_server, reapply):
            with pytest.raises(FetchFailed) as caught:
                way_out(ann, remote, AGENT, "case:w1")
            assert str(caught.value).startswith("offline: could not fetch")
            assert "\n" not in str(caught.value)
    finally:
        remote.close()
    with ann.read() as session:
        assert docstore.require(session, "case:w1") == before
        assert refusals.require(session, "case:w1")


@pytest.mark.parametrize("way_out", ["take_server", "reapply"])
def test_when_someone_changed_it_on_the_server_meanwhile_no_conflict_is_left(
    couch_server: CouchServer, gateway: Gateway, ann: Store, way_out: str
) -> None:
    _refused_queue_move(ann, gateway, priority="urgent")
    current = server_doc(couch_server, gateway.upstream_db_url, "case:w1")
    changed = requests.put(
        f"{gateway.upstream_db_url}/case:w1",
        json={**current, "summary": "Bin missed, and again"},
        auth=couch_server.admin_auth,
        timeout=30,
    )
    assert changed.status_code == 201
    remote = client(gateway.db_url, ANN)
    try:
        if way_out == "take_server":
            take_server(ann, remote, AGENT, "case:w1")
        else:
            assert reapply(ann, remote, AGENT, "case:w1").applied == ["priority"]
    finally:
        remote.close()
    result = sync(ann, gateway.db_url, ANN)
    assert result.up_to_date and not result.refused
    on_server = server_doc(couch_server, gateway.upstream_db_url, "case:w1", conflicts="true")
    assert "_conflicts" not in on_server
    assert on_server["summary"] == "Bin missed, and again"
    assert on_server["queue_id"] == "queue:waste"
    assert on_server["priority"] == ("urgent" if way_out == "reapply" else current["priority"])
    with ann.read() as session:
        assert docstore.require(session, "case:w1")["_rev"] == on_server["_rev"]


def test_the_command_line_takes_the_servers_version_and_reapplies(
    tmp_path: Path,
    couch_server: CouchServer,
    gateway: Gateway,
    ann: Store,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _refused_queue_move(ann, gateway, priority="urgent")
    data_dir = tmp_path / "ann"
    config.save(data_dir, config.CentralConfig(gateway.db_url, ANN[0]))
    ann.close()  # the command opens the store itself
    args = ["--data-dir", str(data_dir), "refused"]
    with installed(MemoryKeyring()):
        remember_password(split_db_url(gateway.db_url)[0], *ANN)
        assert main.run([*args, "reapply", "case:w1", "--as", "agent"]) == 0
        out = capsys.readouterr().out
        assert "re-applied priority" in out and "dropped queue_id: only a supervisor" in out
        assert main.run([*args, "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == []
    store = Store(data_dir / "caseworker.db")
    try:
        assert not sync(store, gateway.db_url, ANN).refused
    finally:
        store.close()
    assert server_doc(couch_server, gateway.upstream_db_url, "case:w1")["priority"] == "urgent"
