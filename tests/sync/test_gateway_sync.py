"""Clients sync through the gateway as they did straight with CouchDB: Caseworker's own sync and
PouchDB 9's replicator, unchanged; each store ends up holding exactly its user's scope; two
gateway processes in front of one database serve the same clients consistently.
"""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from caseworker.store import docstore
from sync.devserver import run_replicate_js
from tests.support.gateway import (
    UNSEEN_BY,
    USERS,
    Gateway,
    Server,
    a_case,
    a_citizen,
    a_note,
    running_gateway,
)
from tests.sync.helpers import local_ids, make_store, sync

ANN, OLU, SAM = USERS["ann"], USERS["olu"], USERS["sam"]
SHARED = {
    "queue:waste",
    "queue:highways",
    "service:missed-bin",
    "staff:agent",
    "staff:officer",
    "staff:supervisor",
    "staff:admin",
}
SCOPES = {
    "ann": SHARED | {"case:w1", "citizen:c1", "note:w1"},
    "olu": SHARED | {"case:h1", "citizen:c2", "note:h1"},
    "sam": SHARED | {"case:w1", "citizen:c1", "note:w1"},
}


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as gateway:
        yield gateway


def raw_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


@pytest.mark.parametrize("user", ["ann", "olu", "sam"])
def test_a_first_sync_brings_exactly_the_users_scope(
    tmp_path: Path, gateway: Gateway, user: str
) -> None:
    store = make_store(tmp_path, user)
    try:
        result = sync(store, gateway.db_url, USERS[user])
        assert result.up_to_date
        assert local_ids(store) == SCOPES[user]
    finally:
        store.close()
    everything = raw_bytes(tmp_path / user)
    for name in UNSEEN_BY[user]:
        assert name.encode() not in everything, f"{user}'s store holds {name}"


def test_a_laptop_pushes_through_the_gateway_and_a_colleague_pulls_it(
    tmp_path: Path, server: Server, gateway: Gateway
) -> None:
    ann = make_store(tmp_path, "ann")
    sam = make_store(tmp_path, "sam")
    olu = make_store(tmp_path, "olu")
    try:
        sync(ann, gateway.db_url, ANN)
        case_id, citizen_id, note_id = (
            f"{p}:{uuid.uuid4().hex[:8]}" for p in ("case", "citizen", "note")
        )
        with ann.write() as session:
            docstore.put(session, a_citizen(citizen_id, "Gwen", "Newcaller"))
            docstore.put(session, a_case(case_id, citizen_id=citizen_id))
            docstore.put(session, a_note(note_id, "Gwen rang", "staff:agent", case_id=case_id))
        pushed = sync(ann, gateway.db_url, ANN)
        assert pushed.push.docs_written == 3 and not pushed.refused
        stored = requests.get(
            f"{gateway.upstream_db_url}/{case_id}", auth=server.admin_auth, timeout=30
        )
        assert stored.json()["citizen_id"] == citizen_id

        assert sync(sam, gateway.db_url, SAM).up_to_date
        assert {case_id, citizen_id, note_id} <= local_ids(sam)
        assert sync(olu, gateway.db_url, OLU).up_to_date
        assert local_ids(olu) == SCOPES["olu"]
    finally:
        for store in (ann, sam, olu):
            store.close()


def test_a_refused_push_is_recorded_and_the_rest_goes_through(
    tmp_path: Path, server: Server, gateway: Gateway
) -> None:
    ann = make_store(tmp_path, "ann")
    try:
        sync(ann, gateway.db_url, ANN)
        with ann.read() as session:
            case = docstore.require(session, "case:w1")
        note_id = f"note:{uuid.uuid4().hex[:8]}"
        with ann.write() as session:
            # Moving a case to another queue is a supervisor's: the server refuses it.
            docstore.put(session, {**case, "queue_id": "queue:highways"})
            docstore.put(session, a_note(note_id, "kept", "staff:agent", case_id="case:w1"))
        result = sync(ann, gateway.db_url, ANN)
        assert set(result.refused) == {"case:w1"}
        assert "refused by the central service" in result.refused["case:w1"]
        server_case = requests.get(
            f"{gateway.upstream_db_url}/case:w1", auth=server.admin_auth, timeout=30
        ).json()
        assert server_case["queue_id"] == "queue:waste"
        assert (
            requests.get(
                f"{gateway.upstream_db_url}/{note_id}", auth=server.admin_auth, timeout=30
            ).status_code
            == 200
        )
    finally:
        ann.close()


def test_pouchdb_replicates_through_the_gateway(gateway: Gateway) -> None:
    for user in ("ann", "olu"):
        name, password = USERS[user]
        answer = run_replicate_js(
            "pull",
            gateway.db_url,
            "--memory",
            env={"CW_REMOTE_USER": name, "CW_REMOTE_PASSWORD": password},
        )
        assert answer["docs_written"] == len(SCOPES[user]), answer


def test_two_gateways_serve_the_same_clients_consistently(
    tmp_path: Path, server: Server, gateway: Gateway
) -> None:
    second = Gateway(server, gateway.upstream_db_url).start()
    try:
        ann = make_store(tmp_path, "ann")
        sam = make_store(tmp_path, "sam")
        try:
            assert sync(ann, gateway.db_url, ANN).up_to_date
            note_id = f"note:{uuid.uuid4().hex[:8]}"
            with ann.write() as session:
                docstore.put(session, a_note(note_id, "via one", "staff:agent", case_id="case:w1"))
            # Ann pushes through the second gateway, carrying on from the first one's
            # checkpoints; Sam pulls through either.
            assert sync(ann, second.db_url, ANN).push.docs_written == 1
            assert sync(sam, gateway.db_url, SAM).up_to_date
            assert note_id in local_ids(sam)
            again = sync(sam, second.db_url, SAM)
            assert again.up_to_date and again.pull.docs_written == 0
        finally:
            ann.close()
            sam.close()
    finally:
        second.close()


def test_the_database_is_reached_through_the_gateway_alone(tmp_path: Path, server: Server) -> None:
    with running_gateway(server) as gateway:
        central = gateway.upstream_db_url
        for user in ("ann", "ada"):  # not even a Caseworker admin reaches CouchDB itself
            direct = requests.get(f"{central}/case:w1", auth=USERS[user], timeout=30)
            assert direct.status_code in (401, 403)
        no_rules = requests.get(f"{central}/_design/caseworker", auth=server.admin_auth, timeout=30)
        assert no_rules.status_code == 404
        ann = make_store(tmp_path, "ann")
        try:
            assert local_ids(ann) == set() and sync(ann, gateway.db_url, ANN).up_to_date
            assert local_ids(ann) == SCOPES["ann"]
            with ann.read() as session:
                case = docstore.require(session, "case:w1")
            with ann.write() as session:
                docstore.put(session, {**case, "queue_id": "queue:highways"})
            # Without the validation function the gateway still refuses what is not hers.
            assert set(sync(ann, gateway.db_url, ANN).refused) == {"case:w1"}
        finally:
            ann.close()


def test_a_record_an_admin_deletes_is_deleted_on_the_laptops_that_held_it(
    tmp_path: Path, server: Server, gateway: Gateway
) -> None:
    """A deletion keeps no body to say whose it was: the gateway judges it by the revision it
    replaced, so the note's case's holders get the deletion and nobody else fetches it."""
    ann, olu = make_store(tmp_path, "ann"), make_store(tmp_path, "olu")
    try:
        assert (
            sync(ann, gateway.db_url, ANN).up_to_date and sync(olu, gateway.db_url, OLU).up_to_date
        )
        admin = requests.Session()
        admin.auth = server.admin_auth
        note = admin.get(f"{gateway.upstream_db_url}/note:w1", timeout=30).json()
        gone = admin.delete(
            f"{gateway.upstream_db_url}/note:w1", params={"rev": note["_rev"]}, timeout=30
        )
        assert gone.status_code in (200, 202)
        assert sync(ann, gateway.db_url, ANN).up_to_date
        with ann.read() as session:
            stored = docstore.get(session, "note:w1")
        assert stored is None or stored.get("_deleted") is True
        assert "note:w1" not in local_ids(olu)
        tomb_rev = admin.get(
            f"{gateway.upstream_db_url}/note:w1",
            params={"open_revs": "all"},
            timeout=30,
            headers={"Accept": "application/json"},
        ).json()[0]["ok"]["_rev"]
        asked = {"docs": [{"id": "note:w1", "rev": tomb_rev}]}
        for user, readable in ((ANN, True), (OLU, False)):
            answer = requests.post(
                f"{gateway.db_url}/_bulk_get",
                json=asked,
                auth=user,
                timeout=30,
                headers={"Accept": "application/json"},
            ).json()
            item = answer["results"][0]["docs"][0]
            assert ("ok" in item) is readable, (user, item)
    finally:
        ann.close()
        olu.close()
