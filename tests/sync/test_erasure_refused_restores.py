"""A laptop gets back what it purged for an erasure the central worker then refused.

The supervisor asks for an erasure on their laptop, which purges the person's records at once.
The central worker refuses it for a legal hold (``failure: legal_hold``): nothing was erased, so
nothing of the person may be lost. By then the laptop's pull checkpoint is past their records
(and an edit made centrally meanwhile was dropped on arrival), so its next pull reads its whole
scope again: the citizen, their case and note come back at their latest revisions. That second
reading happens once, survives a process killed at any point (after learning of the refusal,
or halfway through the reading), and never brings back a person whose erasure is in force,
although the central server (PouchDB Server: no purge) still holds their records.

Real PouchDB Server behind the real gateway, synced as the supervisor ``sam``.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caseworker.erasure import local as erasure_local
from caseworker.models import StoredDocument
from caseworker.services import erasure
from caseworker.services.context import ChangeSet
from caseworker.store.store import Store
from sync.errors import SyncError
from tests.support.erasure_gateway import Central, wait_for
from tests.support.fault_proxy import FaultProxy
from tests.support.gateway import (
    USERS,
    Gateway,
    Server,
    a_case,
    a_citizen,
    a_note,
    gateway_council,
    running_gateway,
)
from tests.sync.helpers import SUPERVISOR, local_ids, make_store, sync

SAM = USERS["sam"]
HELD = ("citizen:c1", "case:w1", "note:w1")  # Carys: the erasure the centre refuses
ERASED = ("citizen:c4", "case:w4", "note:w4")  # Gwen: an erasure in force


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    docs = [
        *gateway_council(),
        a_citizen("citizen:c4", "Gwen", "Fourways"),
        a_case("case:w4", citizen_id="citizen:c4", summary="Gwen's bin"),
        a_note("note:w4", "Gwen called about the bin", "staff:agent", case_id="case:w4"),
    ]
    with running_gateway(server, docs) as gateway:
        yield gateway


@pytest.fixture
def central(server: Server, gateway: Gateway) -> Central:
    return Central(server, gateway)


class Crash(Exception):
    """The process killed after a batch was committed."""


def crash_when(test: Any) -> Any:
    """An ``on_change`` that kills the sync once a committed batch wrote what ``test`` picks."""

    def on_change(changes: ChangeSet) -> None:
        if test({w.doc_id for w in changes.written}):
            raise Crash

    return on_change


def ask_erasure(laptop: Store, gateway: Gateway, citizen_id: str, url: str = "") -> str:
    """The supervisor asks on the laptop (purged here at once) and syncs it up."""
    with laptop.write() as s:
        erasure_id, _ = erasure.request_erasure(
            s, SUPERVISOR, citizen_id, mode="erase", basis="objection", reason="citizen_request"
        )
    erasure_local.clean(laptop)
    assert sync(laptop, url or gateway.db_url, SAM).up_to_date
    wait_for(gateway, f"{erasure_id} in force")
    return erasure_id


def refuse(central: Central, gateway: Gateway, erasure_id: str) -> None:
    """What the central worker records when a legal hold stops the erasure."""
    doc = central.get(erasure_id)
    central.put({**doc, "state": "failed", "failure": "legal_hold", "detail": "under hold"})
    wait_for(gateway, f"{erasure_id} no longer in force")


def revs(laptop: Store, ids: tuple[str, ...]) -> dict[str, str | None]:
    with laptop.read() as s:
        return {i: (d.rev if (d := s.get(StoredDocument, i)) else None) for i in ids}


def central_revs(central: Central, ids: tuple[str, ...]) -> dict[str, str | None]:
    return {i: (d["_rev"] if (d := central.get(i)) else None) for i in ids}


@pytest.fixture
def laptop(tmp_path: Path, gateway: Gateway) -> Iterator[Store]:
    store = make_store(tmp_path, "sam")
    try:
        assert sync(store, gateway.db_url, SAM).up_to_date
        assert set(HELD) | set(ERASED) <= local_ids(store)
        yield store
    finally:
        store.close()


def test_a_refused_erasure_brings_the_persons_records_back_at_their_latest_revisions(
    laptop: Store, gateway: Gateway, central: Central
) -> None:
    refused = ask_erasure(laptop, gateway, "citizen:c1")
    in_force = ask_erasure(laptop, gateway, "citizen:c4")
    assert not (set(HELD) | set(ERASED)) & local_ids(laptop)
    # Edited centrally while the erasure stood: the laptop drops it on arrival.
    central.put({**central.get("case:w1"), "summary": "Bin missed again"})
    assert sync(laptop, gateway.db_url, SAM).up_to_date
    assert "case:w1" not in local_ids(laptop)

    refuse(central, gateway, refused)
    assert sync(laptop, gateway.db_url, SAM).up_to_date
    assert revs(laptop, HELD) == central_revs(central, HELD)
    with laptop.read() as s:
        case = s.get(StoredDocument, "case:w1")
        assert case is not None and "Bin missed again" in case.body
    # The erasure in force stays carried out: its records are still on the central server
    # (PouchDB Server cannot purge), read past again, and never stored here.
    assert all(central_revs(central, ERASED).values())
    assert not set(ERASED) & local_ids(laptop)
    assert {refused, in_force} <= local_ids(laptop)

    again = sync(laptop, gateway.db_url, SAM)  # read once, not at every sync
    assert again.up_to_date
    assert again.pull.changes_seen == 0 and again.pull.docs_written == 0


def test_a_process_killed_or_a_server_failing_before_the_second_reading_ends_still_restores(
    tmp_path: Path, gateway: Gateway, central: Central
) -> None:
    with FaultProxy(gateway.db_url) as proxy:
        url = proxy.rewrite(gateway.db_url)  # every sync through it: one replication
        laptop = make_store(tmp_path, "sam")
        try:
            assert sync(laptop, url, SAM).up_to_date
            refused = ask_erasure(laptop, gateway, "citizen:c1", url)
            ask_erasure(laptop, gateway, "citizen:c4", url)
            refuse(central, gateway, refused)
            # Killed as soon as the batch that learnt the refusal was committed.
            with pytest.raises(Crash):
                sync(laptop, url, SAM, on_change=crash_when(lambda ids: refused in ids))
            assert not set(HELD) & local_ids(laptop)
            # The server fails the second reading's first page: nothing read yet.
            proxy.inject("_changes", "500", times=10**6)
            with pytest.raises(SyncError):
                sync(laptop, url, SAM)
            assert any("_changes" in line for line in proxy.spoiled)
            proxy.clear()
            # Killed after the first batch the second reading wrote (one document a batch).
            with pytest.raises(Crash):
                sync(laptop, url, SAM, batch_size=1, on_change=crash_when(bool))
            assert len(set(HELD) & local_ids(laptop)) == 1
            assert sync(laptop, url, SAM, batch_size=3).up_to_date
            assert revs(laptop, HELD) == central_revs(central, HELD)
            assert not set(ERASED) & local_ids(laptop)

            again = sync(laptop, url, SAM)
            assert again.pull.changes_seen == 0 and again.pull.docs_written == 0
        finally:
            laptop.close()


def test_an_erasure_carried_out_reads_nothing_again(
    laptop: Store, gateway: Gateway, central: Central
) -> None:
    erasure_id = ask_erasure(laptop, gateway, "citizen:c4")
    doc = central.get(erasure_id)
    central.put({**doc, "state": "done", "purged": 3, "roots": ["case:w4", "citizen:c4"]})
    learnt = sync(laptop, gateway.db_url, SAM)
    assert learnt.up_to_date and learnt.pull.changes_seen == 1
    assert not set(ERASED) & local_ids(laptop)
    again = sync(laptop, gateway.db_url, SAM)
    assert again.pull.changes_seen == 0
