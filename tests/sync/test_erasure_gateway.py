"""Erasure through the central gateway: a supervisor's erasure passes the gateway's rules and
reaches every laptop, the field officer's too (the shared ``erasures`` channel); the agent who
held the citizen is cleaned at the next sync (no file of the data folder holds the name); an
agent's own erasure is refused by the gateway, and a laptop cannot mark one done."""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from caseworker.services import erasure
from caseworker.store import docstore
from tests.support.council import SUPERVISOR
from tests.support.gateway import USERS, Gateway, Server, running_gateway
from tests.sync.helpers import local_ids, make_store, sync

ANN, OLU, SAM = USERS["ann"], USERS["olu"], USERS["sam"]


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as gateway:
        yield gateway


def raw(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_an_erasure_passes_the_gateway_and_reaches_every_laptop(
    tmp_path: Path, gateway: Gateway
) -> None:
    ann, olu, sam = (make_store(tmp_path, n) for n in ("ann", "olu", "sam"))
    try:
        for store, user in ((ann, ANN), (olu, OLU), (sam, SAM)):
            assert sync(store, gateway.db_url, user).up_to_date
        assert b"Onewater" in raw(tmp_path / "ann")
        with sam.write() as s:
            erasure_id, _ = erasure.request_erasure(
                s, SUPERVISOR, "citizen:c1", mode="erase", basis="objection",
                reason="citizen_request",
            )  # fmt: skip
        pushed = sync(sam, gateway.db_url, SAM)
        assert pushed.up_to_date and not pushed.refused
        for store, user in ((ann, ANN), (olu, OLU)):
            assert sync(store, gateway.db_url, user).up_to_date
            assert erasure_id in local_ids(store)
        assert not {"citizen:c1", "case:w1", "note:w1"} & local_ids(ann)
        assert {"citizen:c2", "case:h1"} <= local_ids(olu)  # the officer's own work stays
    finally:
        for store in (ann, olu, sam):
            store.close()
    for user in ("ann", "sam"):
        assert b"Onewater" not in raw(tmp_path / user) and b"Carys" not in raw(tmp_path / user)


def test_the_gateway_refuses_an_agents_erasure_and_a_laptops_done(
    tmp_path: Path, gateway: Gateway
) -> None:
    ann, sam = make_store(tmp_path, "ann"), make_store(tmp_path, "sam")
    try:
        assert sync(ann, gateway.db_url, ANN).up_to_date
        forged = erasure.erasure_document(
            f"erasure:{uuid.uuid4().hex[:8]}", "citizen:c1", by="staff:agent", mode="erase",
            basis="objection", reason="citizen_request",
        )  # fmt: skip
        with ann.write() as s:
            docstore.put(s, forged)
        assert forged["_id"] in sync(ann, gateway.db_url, ANN).refused
        assert sync(sam, gateway.db_url, SAM).up_to_date
        claimed = erasure.erasure_document(
            f"erasure:{uuid.uuid4().hex[:8]}", "citizen:c1", by="staff:supervisor",
            mode="erase", basis="objection", reason="citizen_request",
        )  # fmt: skip
        claimed.update(state="done", purged=99)
        with sam.write() as s:
            docstore.put(s, claimed)
        assert claimed["_id"] in sync(sam, gateway.db_url, SAM).refused
    finally:
        ann.close()
        sam.close()
