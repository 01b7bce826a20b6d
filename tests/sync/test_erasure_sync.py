"""Erasure reaching every laptop through sync, against the real PouchDB Server: a supervisor
erases a citizen on one laptop; every other laptop is cleaned at its next sync (no file of its
data folder holds the name, phone or email, UTF-8 or UTF-16, any case), one offline for a month
too, and a note typed about the citizen on that offline laptop never lands on another laptop;
the other citizens stay everywhere. PouchDB Server has no ``_purge``: the central job says the
erasure failed there and removes nothing (it never pretends); test_erasure_couchdb.py shows the
central purge against Apache CouchDB."""

import asyncio
import uuid
from pathlib import Path
from typing import Any

from caseworker.erasure import local as erasure_local
from caseworker.models import Citizen
from caseworker.services import cases, contacts, erasure
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store.store import Store
from sync.gateway.couch import Couch
from sync.worker.erasure import NO_PURGE, ErasureJob
from sync.worker.jobs import JobContext, names
from sync.worker.lease import Lease
from tests.support.couch_server import CouchServer
from tests.sync.helpers import AGENT, local_ids, make_store, server_doc, sync
from tests.unit.conftest import SUPERVISOR

GIVEN, FAMILY = "Zebedee", "Quuxworth"
PHONE, EMAIL = "07700 900123", "zebedee.q@quux.example"
NEEDLES = (GIVEN, FAMILY, EMAIL, "7700900123")


def traces(folder: Path) -> list[str]:
    raw = b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()).lower()
    return [
        n
        for n in NEEDLES
        if any(n.casefold().encode(c) in raw for c in ("utf-8", "utf-16-le", "utf-16-be"))
    ]


def _seed(office: Store) -> tuple[str, str, list[str]]:
    with office.write() as s:
        citizen_id, _ = create_citizen(
            s,
            AGENT,
            GIVEN,
            FAMILY,
            identifiers=(NewIdentifier("phone", PHONE), NewIdentifier("email", EMAIL)),
        )
        case_id, _ = cases.open_case(
            s, AGENT, NewCase("missed-bin", f"{FAMILY}'s bin", "phone", citizen_id=citizen_id)
        )
        contacts.add_note(s, AGENT, f"{GIVEN} on {PHONE}", case_id=case_id)
        others = [create_citizen(s, AGENT, f"Other{n}", f"Person{n}")[0] for n in range(20)]
    return citizen_id, case_id, others


def test_every_laptop_is_cleaned_at_its_next_sync_even_one_offline_for_a_month(
    couch_db: str, tmp_path: Path
) -> None:
    office = make_store(tmp_path, "office", council=True)
    citizen_id, case_id, others = _seed(office)
    assert sync(office, couch_db).up_to_date
    desk, van = make_store(tmp_path, "desk"), make_store(tmp_path, "van")
    for laptop in (desk, van):
        assert sync(laptop, couch_db).up_to_date
        assert traces(laptop.path.parent) == list(NEEDLES)  # the scan finds what is there
    # The van goes offline; its officer adds a note about the citizen that is not yet sent.
    with van.write() as s:
        late_note, _ = contacts.add_note(s, AGENT, f"{FAMILY} again", case_id=case_id)

    with office.write() as s:
        erasure_id, _ = erasure.request_erasure(
            s, SUPERVISOR, citizen_id, mode="erase", basis="objection", reason="citizen_request"
        )
    erasure_local.clean(office)
    assert sync(office, couch_db).up_to_date
    assert server_doc_state(couch_db, erasure_id) == "requested"

    assert sync(desk, couch_db).up_to_date
    # A month later the van comes back: its note goes up first, then the erasure comes down.
    assert sync(van, couch_db).up_to_date
    assert sync(desk, couch_db).up_to_date  # the late note reaches the desk after the erasure
    for laptop in (office, desk, van):
        laptop.close()
        assert traces(laptop.path.parent) == [], laptop.path
        again = Store(laptop.path)
        try:
            held = local_ids(again)
            assert citizen_id not in held and case_id not in held and late_note not in held
            assert erasure_id in held and set(others) <= held
            with again.read() as s:
                assert s.get(Citizen, others[0]) is not None
        finally:
            again.close()


def server_doc_state(db_url: str, doc_id: str) -> Any:
    import requests

    return requests.get(
        f"{db_url}/{doc_id}", headers={"Accept": "application/json"}, timeout=10
    ).json()["state"]


def test_on_a_server_without_purge_the_central_job_removes_nothing_and_says_so(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    assert "erasure" in names()
    office = make_store(tmp_path, "office", council=True)
    citizen_id, case_id, _ = _seed(office)
    assert sync(office, couch_db).up_to_date
    with office.write() as s:
        erasure_id, _ = erasure.request_erasure(
            s, SUPERVISOR, citizen_id, mode="erase", basis="objection", reason="citizen_request"
        )
    assert sync(office, couch_db).up_to_date
    lines: list[str] = []

    async def run() -> None:
        server, _, name = couch_db.rpartition("/")
        couch = Couch(server, name, *couch_server.admin_auth)
        try:
            lease = Lease(couch, "erasure", f"test-{uuid.uuid4().hex[:6]}", 60.0)
            assert await lease.acquire()
            ctx = JobContext(couch, lease, lines.append, idle_wait=0.05, batch_bytes=2**24)
            await ErasureJob().step(ctx)
        finally:
            await couch.aclose()

    asyncio.run(run())
    doc = server_doc(couch_server, couch_db, erasure_id)
    assert doc["state"] == "failed" and doc["detail"] == NO_PURGE
    assert doc["failure"] == "no_purge"  # in force: the laptops still purge
    assert any(NO_PURGE in line for line in lines)
    assert doc["purged"] == 0
    # Nothing pretended: the records are still on the server.
    assert server_doc(couch_server, couch_db, citizen_id)["family_name"] == FAMILY
    assert server_doc(couch_server, couch_db, case_id) is not None
