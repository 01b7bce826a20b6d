"""The lease that makes each central job run in one place at a time, however many workers run:
taken with the document's ``_rev`` (a 409: someone else has it), renewed, taken over once its
holder stops renewing, released on a clean stop, and never seen by anyone but server admins."""

import asyncio
import json
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from sync.gateway.couch import Couch
from sync.worker.lease import Lease, LeaseLost
from tests.support.couch_server import CouchServer
from tests.support.gateway import USERS, Gateway, central_database
from tests.sync.worker_support import (
    JSON,
    Db,
    WorkerProcess,
    a_full_citizen,
    central_db,
    eventually,
)

TTL = 0.5  # seconds: short, so a takeover comes soon; nothing asserts how soon


@pytest.fixture
def db(couch_server: CouchServer, couch_db: str) -> Db:
    return central_db(couch_server, couch_db)


def couch_of(db: Db) -> Couch:
    parts = urlsplit(db.url)
    server, _, name = parts.path.rpartition("/")
    return Couch(f"{parts.scheme}://{parts.netloc}{server}", name, *db.auth)


def run(db: Db, body: Any) -> Any:
    async def main() -> Any:
        couch = couch_of(db)
        try:
            return await body(couch)
        finally:
            await couch.aclose()

    return asyncio.run(main())


async def take_when_free(lease: Lease) -> None:
    while not await lease.acquire():
        await asyncio.sleep(TTL / 5)


# -- the lease itself --------------------------------------------------------------------------


def test_of_many_workers_racing_for_a_free_lease_exactly_one_gets_it(db: Db) -> None:
    async def race(couch: Couch) -> list[bool]:
        leases = [Lease(couch, "directory", f"w{i}", 30.0) for i in range(12)]
        return list(await asyncio.gather(*(lease.acquire() for lease in leases)))

    won = run(db, race)
    assert won.count(True) == 1
    assert db.lease()["holder"] == f"w{won.index(True)}"


def test_a_lease_another_holds_and_renews_is_not_taken(db: Db) -> None:
    async def scenario(couch: Couch) -> None:
        a = Lease(couch, "directory", "a", TTL)
        b = Lease(couch, "directory", "b", TTL)
        assert await a.acquire()
        for _ in range(6):  # a renews each time before b looks again: b never sees it stand
            await a.renew()
            assert not await b.acquire()
        a.check()

    run(db, scenario)
    assert db.lease()["holder"] == "a"


def test_a_lease_left_to_run_out_is_taken_over_and_its_old_holder_learns_it(db: Db) -> None:
    async def scenario(couch: Couch) -> None:
        a = Lease(couch, "directory", "a", TTL)
        b = Lease(couch, "directory", "b", TTL)
        assert await a.acquire()
        await take_when_free(b)  # a has stopped renewing (a crash, a pause)
        assert b.previous_holder == "a"
        with pytest.raises(LeaseLost):
            await a.renew()
        assert not a.held
        with pytest.raises(LeaseLost):
            a.check()

    run(db, scenario)
    assert db.lease()["holder"] == "b"


def test_a_holder_stops_trusting_its_lease_once_it_could_have_run_out(db: Db) -> None:
    async def scenario(couch: Couch) -> None:
        a = Lease(couch, "directory", "a", TTL)
        assert await a.acquire()
        a.check()
        while a.held:  # never renewed: its own end of certainty comes
            await asyncio.sleep(TTL / 5)
        with pytest.raises(LeaseLost):
            a.check()

    run(db, scenario)


def test_a_released_lease_is_taken_at_once(db: Db) -> None:
    async def scenario(couch: Couch) -> None:
        a = Lease(couch, "directory", "a", 3600.0)
        b = Lease(couch, "directory", "b", 3600.0)
        assert await a.acquire()
        assert not await b.acquire()
        await a.release()
        assert await b.acquire()  # first try: no waiting out an hour's lease

    run(db, scenario)


def test_a_worker_takes_back_at_once_a_lease_still_in_its_own_name(db: Db) -> None:
    async def scenario(couch: Couch) -> None:
        a = Lease(couch, "directory", "a", 3600.0)
        assert await a.acquire()
        again = Lease(couch, "directory", "a", 3600.0)  # e.g. after it could not release it
        assert await again.acquire()
        assert again.previous_holder is None
        with pytest.raises(LeaseLost):
            await a.renew()  # the old revision is gone: never two holders in one name either

    run(db, scenario)


@pytest.mark.parametrize(
    "garbage",
    [
        {"holder": 5, "ttl": "soon"},
        {"holder": "x", "ttl": float("nan")},
        {"holder": ["x"], "ttl": -1},
        {"holder": "x", "ttl": True},
        {},
    ],
)
def test_a_lease_document_full_of_garbage_is_taken_over_like_any_other(
    db: Db, garbage: dict[str, Any]
) -> None:
    data = json.dumps(garbage).replace("NaN", "null")
    r = requests.put(
        db.url + "/_local/caseworker-lease-directory",
        auth=db.auth,
        headers=JSON,
        data=data,
        timeout=30,
    )
    assert r.status_code == 201

    async def scenario(couch: Couch) -> None:
        await take_when_free(Lease(couch, "directory", "b", TTL))

    run(db, scenario)
    assert db.lease()["holder"] == "b"


def test_no_user_reaches_the_lease_through_the_gateway(couch_server: CouchServer) -> None:
    name = "lease-gw"
    db_url = couch_server.create_db(name)
    try:
        with central_database(couch_server, db_url):
            holder = Db(db_url, couch_server.admin_auth)

            async def take(couch: Couch) -> None:
                assert await Lease(couch, "directory", "w1", 30.0).acquire()

            run(holder, take)
            with Gateway(couch_server, db_url) as gateway:
                for user in ("ann", "sam", "ada"):
                    r = requests.get(
                        gateway.db_url + "/_local/caseworker-lease-directory",
                        auth=USERS[user],
                        headers=JSON,
                        timeout=30,
                    )
                    assert r.status_code == 404, (user, r.text)
                    changes = requests.get(
                        gateway.db_url + "/_changes",
                        auth=USERS[user],
                        headers=JSON,
                        timeout=30,
                    ).json()
                    assert "lease" not in json.dumps(changes)
            assert holder.lease()["holder"] == "w1"  # nobody's read moved it
    finally:
        couch_server.delete_db(name)


# -- workers, as processes ---------------------------------------------------------------------


def worker(db: Db, lease_seconds: float = 1.0, **kw: Any) -> WorkerProcess:
    return WorkerProcess(db.url, *db.auth, lease_seconds=lease_seconds, **kw)


def test_two_workers_at_once_run_the_job_in_one_place_only(db: Db) -> None:
    # A lease long enough that a busy machine's pauses never let it run out here.
    with worker(db, lease_seconds=10.0) as a, worker(db, lease_seconds=10.0) as b:
        holder = eventually(
            lambda: next((w for w in (a, b) if w.count("job directory started")), None),
            "one worker starting the job",
        )
        other = b if holder is a else a
        for round_ in range(4):  # several renewals' worth of work, one round at a time
            db.bulk([a_full_citizen(f"r{round_}-{i}", given=f"G{i}") for i in range(5)])
            for i in range(5):
                eventually(lambda r=round_, i=i: db.entry(f"r{r}-{i}"), "each entry")
        assert db.lease()["holder"] == holder.name
        assert holder.count("job directory started") == 1
        assert other.count("job directory") == 0, other.report()
    # Each entry was written once, by one worker: no second writer raced it.
    for round_ in range(4):
        for i in range(5):
            assert db.entry(f"r{round_}-{i}")["_rev"].startswith("1-")


def test_a_killed_workers_job_is_taken_over_once_its_lease_runs_out(db: Db) -> None:
    with worker(db) as a:
        a.wait_for("job directory started")
        with worker(db) as b:
            a.kill()  # no release: the lease must run out
            line = b.wait_for("job directory started")
            assert f"taken over from {a.name}" in line
            assert db.lease()["holder"] == b.name
            db.put(a_full_citizen("after-crash"))
            assert eventually(lambda: db.entry("after-crash"), "the entry made by the new holder")


def test_a_stopped_worker_releases_its_lease_and_says_so(db: Db) -> None:
    a = worker(db).start()
    try:
        a.wait_for("job directory started")
    finally:
        code = a.stop()
    assert code == 0
    # Each job stops (in whatever order its task ends), then the worker says it stopped.
    assert "job directory stopped: the worker is stopping (lease released)" in a.lines
    assert a.lines[-1] == "worker stopped"
    lease = db.lease()
    assert lease["holder"] is None and lease["released_by"] == a.name
    with worker(db, extra=()) as b:
        line = b.wait_for("job directory started")
        assert "taken over" not in line  # free, not run out


def test_a_worker_whose_lease_is_taken_stops_the_job_and_takes_it_back_when_free(db: Db) -> None:
    with worker(db) as a:
        a.wait_for("job directory started")
        for _ in range(20):  # the worker renews meanwhile: again with the new revision
            r = requests.put(
                db.url + "/_local/caseworker-lease-directory",
                auth=db.auth,
                headers=JSON,
                data=json.dumps({"holder": "intruder", "ttl": 1.0, "_rev": db.lease()["_rev"]}),
                timeout=30,
            )
            if r.status_code != 409:
                break
        assert r.status_code == 201, r.text
        a.wait_for("job directory stopped: lease lost")
        eventually(lambda: a.count("job directory started") == 2, "the job started again")
        assert a.count("job directory started (taken over from intruder)") == 1


def test_a_failing_job_is_said_in_a_line_and_tried_again_until_it_works(
    couch_server: CouchServer, db: Db
) -> None:
    with worker(db) as a:
        a.wait_for("job directory started")
        couch_server.stop()  # the central database goes away under the worker
        try:
            a.wait_for("job directory failed")
            assert a.running
        finally:
            couch_server.start()  # same port, same data
        db.put(a_full_citizen("back"))
        assert eventually(lambda: db.entry("back"), "the entry once the database is back")
        assert a.running
