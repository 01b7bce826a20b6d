"""The central erasure job reads the erasures in pages (``sync.worker.prefix``), and an answer
that is not a page of rows (a broken proxy, a server answering ``{}``) is an error, never "no
erasures": otherwise the job would read the change feed past a record of an erased citizen that
arrived late, find nothing erased, move its checkpoint on, and never purge that record.

Against PouchDB Server, which has no ``_purge``: the job says what it found late and could not
purge, which is enough to show it was found.
"""

import asyncio
import contextlib
import uuid

import requests

from caseworker.services import erasure
from sync.gateway.couch import Couch
from sync.worker.erasure import ErasureJob
from sync.worker.jobs import JobContext
from sync.worker.lease import Lease
from tests.support.couch_server import CouchServer
from tests.support.fault_proxy import FaultProxy
from tests.support.gateway import a_note

LATE = "records of erased citizens arrived late"


def _put(db_url: str, server: CouchServer, doc: dict[str, object]) -> None:
    answer = requests.post(db_url, json=doc, auth=server.admin_auth, timeout=30)
    answer.raise_for_status()


def test_a_broken_answer_does_not_let_a_late_record_slip_past(
    couch_server: CouchServer, couch_db: str
) -> None:
    done = erasure.erasure_document(
        "erasure:z", "citizen:z", by="staff:supervisor", mode="erase", basis="objection",
        reason="citizen_request",
    )  # fmt: skip
    done.update(state="done", roots=["citizen:z"], purged=3)
    _put(couch_db, couch_server, done)
    _put(couch_db, couch_server, a_note("note:late", "typed offline", "staff:agent",
                                        citizen_id="citizen:z"))  # fmt: skip
    lines: list[str] = []
    job = ErasureJob()
    holder = f"test-{uuid.uuid4().hex[:6]}"  # one worker, stepping twice

    async def step(url: str) -> None:
        name = couch_db.rpartition("/")[2]
        couch = Couch(url, name, *couch_server.admin_auth)
        try:
            lease = Lease(couch, "erasure", holder, 60.0)
            assert await lease.acquire()
            ctx = JobContext(couch, lease, lines.append, idle_wait=0.05, batch_bytes=2**24)
            await job.step(ctx)
        finally:
            await couch.aclose()

    with FaultProxy(couch_server.url) as proxy:
        proxy.inject("erasure%3A%22", "empty", method="GET", times=10**6)  # the listings only
        with contextlib.suppress(Exception):  # the runner retries a failed step
            asyncio.run(step(proxy.url))
        assert proxy.spoiled, "the erasures were never read"
    assert not any(LATE in line for line in lines), lines
    asyncio.run(step(couch_server.url))
    assert any(LATE in line for line in lines), lines
