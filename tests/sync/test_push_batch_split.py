"""A push split into batches never splits what the server must judge together.

A field officer holds a citizen only through a case: a new case may name a citizen only when the
officer holds them or adds them in the same ``_bulk_docs``, and a case's history may be written
only with a case in their work or in the same ``_bulk_docs``. So a new citizen, the new cases
on them, their case events and the audit events describing them travel in one batch, whatever
order they were written in and however small the batches are; and nothing is skipped.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from caseworker.services import audit, cases
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewIdentifier, add_identifier, create_citizen
from caseworker.store import docstore
from caseworker.store.store import Store
from sync.push_groups import travelling_with
from sync.replicator import SyncResult
from tests.support.gateway import USERS, Gateway, Server, running_gateway
from tests.sync.helpers import OFFICER, local_ids, make_store, sync

OLU = USERS["olu"]


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as gateway:
        yield gateway


@pytest.fixture
def laptop(tmp_path: Path, gateway: Gateway) -> Iterator[Store]:
    store = make_store(tmp_path, "olu")
    try:
        assert sync(store, gateway.db_url, OLU).up_to_date  # the catalogue, staff, case:h1
        yield store
    finally:
        store.close()


def new_citizen_on_a_new_case(store: Store) -> tuple[str, str]:
    """What an officer does on a doorstep: adds the resident, opens a case, takes it."""
    with store.write() as session:
        citizen_id, _ = create_citizen(session, OFFICER, "Ffion", "Newdoor")
        new = NewCase("missed-bin", "Bin missed again", "walk_in", citizen_id=citizen_id)
        case_id, _ = cases.open_case(session, OFFICER, new)
        cases.assign(session, OFFICER, case_id, OFFICER.staff_id)
    return citizen_id, case_id


def on_the_server(server: Server, gateway: Gateway, store: Store) -> dict[str, list[str]]:
    """The revisions of ``store`` the central database lacks (as its admin sees it)."""
    wanted: dict[str, list[str]] = {}
    with store.read() as session:
        for change in docstore.changes_since(session, 0, 100_000):
            wanted[change.doc_id] = change.leaves
    answer = requests.post(
        f"{gateway.upstream_db_url}/_revs_diff", json=wanted, auth=server.admin_auth, timeout=30
    )
    answer.raise_for_status()
    missing: dict[str, list[str]] = {k: v["missing"] for k, v in answer.json().items()}
    return missing


def pushed_whole(result: SyncResult, server: Server, gateway: Gateway, store: Store) -> None:
    assert result.refused == {}
    assert result.up_to_date
    assert on_the_server(server, gateway, store) == {}  # nothing skipped, nothing refused


@pytest.mark.parametrize("batch_size", [1, 2, 3])
def test_a_new_citizen_and_their_new_case_reach_the_server_in_any_batch_size(
    server: Server, gateway: Gateway, laptop: Store, batch_size: int
) -> None:
    citizen_id, case_id = new_citizen_on_a_new_case(laptop)
    result = sync(laptop, gateway.db_url, OLU, batch_size=batch_size)
    pushed_whole(result, server, gateway, laptop)
    # The officer holds both through the case, so the pull keeps them on the laptop.
    assert {citizen_id, case_id} <= local_ids(laptop)
    with laptop.read() as session:
        assert len(cases.history(session, case_id)) == 2  # created, assigned


def test_a_case_written_before_its_citizen_still_goes_with_them(
    server: Server, gateway: Gateway, laptop: Store
) -> None:
    """The citizen edited after the case was opened: locally the case comes first."""
    citizen_id, case_id = new_citizen_on_a_new_case(laptop)
    with laptop.write() as session:
        add_identifier(session, OFFICER, citizen_id, NewIdentifier("phone", "07700 900123"))
    with laptop.read() as session:
        order = [c.doc_id for c in docstore.changes_since(session, 0, 100_000)]
    assert order.index(case_id) < order.index(citizen_id)
    result = sync(laptop, gateway.db_url, OLU, batch_size=1)
    pushed_whole(result, server, gateway, laptop)


def test_a_refused_case_takes_its_history_and_audit_with_it_across_batches(
    server: Server, gateway: Gateway, laptop: Store
) -> None:
    """A change the officer may not make (moving their case to another queue is a
    supervisor's) is refused; the case event and audit event telling of it are refused with
    it, though each falls in a batch of its own, so the record stays true."""
    with laptop.read() as session:
        theirs = docstore.require(session, "case:h1")
    with laptop.write() as session:
        # Written as a raw edit: the laptop's own rules would stop it in the window.
        docstore.put(session, {**theirs, "queue_id": "queue:waste"})
        cases.record_event(
            session,
            OFFICER,
            "case:h1",
            "queue_changed",
            theirs["updated_at"],
            "queue_id",
            "queue:highways",
            "queue:waste",
        )
        audit.record(session, OFFICER, "case.queue_changed", "case:h1", "queue:waste")
    result = sync(laptop, gateway.db_url, OLU, batch_size=1)
    assert len(result.refused) == 3 and "case:h1" in result.refused
    lacking = on_the_server(server, gateway, laptop)
    assert set(lacking) == set(result.refused)


def test_many_cases_on_one_new_citizen_go_with_them(
    server: Server, gateway: Gateway, laptop: Store
) -> None:
    with laptop.write() as session:
        citizen_id, _ = create_citizen(session, OFFICER, "Gethin", "Manycases")
        for n in range(4):
            new = NewCase("missed-bin", f"Bin missed, week {n}", "walk_in", citizen_id=citizen_id)
            case_id, _ = cases.open_case(session, OFFICER, new)
            cases.assign(session, OFFICER, case_id, OFFICER.staff_id)
    result = sync(laptop, gateway.db_url, OLU, batch_size=2)
    pushed_whole(result, server, gateway, laptop)


def test_only_what_is_still_pending_travels(tmp_path: Path) -> None:
    """No server: a batch takes along only the linked changes after it, never one already
    pushed (before it)."""
    store = make_store(tmp_path, "alone", council=True)
    try:
        with store.write() as session:
            citizen_id, _ = create_citizen(session, OFFICER, "Hywel", "Longchain")
            new = NewCase("missed-bin", "Bin missed", "walk_in", citizen_id=citizen_id)
            opened = [cases.open_case(session, OFFICER, new)[0] for _ in range(60)]
        with store.read() as session:
            changes = docstore.changes_since(session, 0, 100_000)
            first_case = [c for c in changes if c.doc_id == opened[0]]
            with_case = travelling_with(session, first_case)
            the_citizen = [c for c in changes if c.doc_id == citizen_id]
            with_citizen = travelling_with(session, the_citizen)
        along = {c.doc_id for c in with_case}
        assert citizen_id not in along  # written before the case: in an earlier batch
        assert not set(opened) & along  # the other cases on the citizen are not its business
        assert len(along) == 2  # the case's "created" event and its audit event
        assert set(opened) <= {c.doc_id for c in with_citizen}
        assert all(c.seq > the_citizen[0].seq for c in with_citizen)
    finally:
        store.close()
