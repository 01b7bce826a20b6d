"""A laptop's sync through the gateway is logged with the laptop it came from: the machine's
name and its store's id, sent by the laptop in ``X-Caseworker-Device`` on every request."""

import socket
import uuid
from pathlib import Path

import pytest
import requests

from sync.access_log_design import log_db_name
from sync.http import DEVICE_HEADER
from sync.replicator import store_id
from tests.support.gateway import USERS, Gateway, central_database, central_server, gateway_council
from tests.sync.helpers import client, make_store, sync


def test_every_document_a_laptop_is_sent_is_logged_with_that_laptop(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    server = central_server(request)
    name = f"gw-{uuid.uuid4().hex[:12]}"
    db_url = server.create_db(name)
    store = make_store(tmp_path, "ann")
    try:
        with central_database(server, db_url, gateway_council()), Gateway(server, db_url) as gw:
            assert sync(store, gw.db_url, USERS["ann"]).up_to_date
        # the gateway has stopped: what its log held is written
        log = requests.get(
            f"{server.url}/{log_db_name(name)}/_all_docs",
            params={"include_docs": "true"},
            auth=server.admin_auth,
            timeout=30,
        ).json()
        entries = [row["doc"] for row in log["rows"] if not row["id"].startswith("_design/")]
        served = {doc_id for e in entries for doc_id in e["doc_ids"]}
        assert {"case:w1", "citizen:c1", "note:w1"} <= served
        laptop = f"{socket.gethostname()} store {store_id(store)[:12]}"
        assert {(e["user"], e["device"]) for e in entries} == {("ann", laptop)}
    finally:
        store.close()
        for db in (name, log_db_name(name)):
            server.delete_db(db)


def test_a_forked_client_names_the_same_laptop() -> None:
    remote = client("http://127.0.0.1:1/db")
    try:
        remote.name_device("0123456789abcdef")
        other = remote.fork()
        try:
            assert other.http.headers[DEVICE_HEADER] == remote.http.headers[DEVICE_HEADER]
            assert remote.http.headers[DEVICE_HEADER].endswith("store 0123456789ab")
        finally:
            other.close()
    finally:
        remote.close()
