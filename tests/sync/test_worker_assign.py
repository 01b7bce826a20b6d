"""The central worker's "assign" job, against the real PouchDB Server: queues that assign
themselves hand their unassigned open cases to members by round robin or least loaded, within
caps and leave, never twice, and never over a supervisor's assignment made the same moment."""

import asyncio
import os
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE, QUEUE, STAFF
from caseworker.services.assignment import AUTO_ASSIGNER
from sync.gateway.couch import Couch
from sync.worker import assign as assign_job
from sync.worker.assign import CHECKPOINT, AssignJob, Counts
from sync.worker.jobs import JobContext
from sync.worker.lease import Lease
from tests.support.couch_server import CouchServer
from tests.sync.worker_support import Db, WorkerProcess, central_db, eventually

TODAY = date(2026, 12, 2)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(couch_server: CouchServer, couch_db: str) -> Db:
    return central_db(couch_server, couch_db)


def queue(key: str, mode: str = "round_robin") -> dict[str, Any]:
    return new_document(QUEUE, f"queue:{key}", {"name": key, "active": True, "auto_assign": mode})


def staff(key: str, queues: tuple[str, ...] = ("queue:q",), **more: Any) -> dict[str, Any]:
    fields = {"name": key, "username": key, "role": "field_officer", "active": True}
    return new_document(STAFF, f"staff:{key}", {**fields, "queue_ids": list(queues), **more})


def case(key: str, q: str = "queue:q", due: int = 10, **more: Any) -> dict[str, Any]:
    at = "2026-12-01T09:00:00.000Z"
    fields = {
        "reference": "CW-" + key.upper()[:10],
        "service_code": "missed-bin",
        "summary": "Bin",
        "status": "new",
        "priority": "normal",
        "channel": "phone",
        "queue_id": q,
        "opened_at": at,
        "due_at": f"2026-12-{due:02d}T09:00:00.000Z",
        "updated_at": at,
    }
    return new_document(CASE, f"case:{key}", {**fields, **more})


def couch_of(db: Db) -> Couch:
    parts = urlsplit(db.url)
    server, _, name = parts.path.rpartition("/")
    return Couch(f"{parts.scheme}://{parts.netloc}{server}", name, *db.auth)


def passes(
    db: Db,
    job: AssignJob,
    times: int = 1,
    said: list[str] | None = None,
    before: Callable[[Couch], Awaitable[None]] | None = None,
) -> Counts:
    """Run ``times`` passes of the job under a held lease; the last pass's counts."""

    async def main() -> Counts:
        couch = couch_of(db)
        try:
            lease = Lease(couch, "assign", "test-worker", 60.0)
            assert await lease.acquire()
            lines = said if said is not None else []
            ctx = JobContext(couch, lease, lines.append, 0.1, 2**24)
            if before is not None:
                await before(couch)
            counts = Counts()
            for _ in range(times):
                counts = await job.run_once(ctx)
            await lease.release()
            return counts
        finally:
            await couch.aclose()

    return asyncio.run(main())


def assignee(db: Db, key: str) -> Any:
    return db.get(f"/case:{key}").get("assignee_id")


def assigned_events(db: Db) -> list[dict[str, Any]]:
    rows = db.get("/_all_docs?include_docs=true&startkey=%22event:%22&endkey=%22event:%EF%BF%B0%22")
    return [r["doc"] for r in rows["rows"] if r["doc"].get("kind") == "assigned"]


def test_round_robin_takes_turns_skips_the_away_and_full_and_remembers_its_place(db: Db) -> None:
    db.bulk([
        queue("q"),
        staff("a"),
        staff("b", away_until="2026-12-02"),
        staff("c", capacity=1),
        staff("d"),
        *[case(f"k{i}", due=10 + i) for i in range(4)],
    ])  # fmt: skip
    counts = passes(db, AssignJob(today=TODAY))
    assert counts.assigned == 4 and counts.left == 0
    assert [assignee(db, f"k{i}") for i in range(4)] == [
        "staff:a", "staff:c", "staff:d", "staff:a",
    ]  # fmt: skip
    assert db.get(CHECKPOINT)["pointers"] == {"queue:q": "staff:a"}
    events = assigned_events(db)
    assert len(events) == 4 and {e["by"] for e in events} == {AUTO_ASSIGNER}
    # Another worker (a new job) carries on after the pointer, not from the start.
    db.bulk([case("k4", due=20)])
    passes(db, AssignJob(today=TODAY))
    assert assignee(db, "k4") == "staff:d"  # c is full, b away


def test_least_loaded_counts_open_cases_in_every_queue_and_not_closed_ones(db: Db) -> None:
    db.bulk([
        queue("q", "least_loaded"),
        staff("a"),
        staff("b"),
        case("other1", q="queue:other", assignee_id="staff:a"),
        case("other2", q="queue:other", assignee_id="staff:a"),
        case("done", status="closed", assignee_id="staff:b", closed_at="2026-12-01T10:00:00Z"),
        *[case(f"k{i}", due=10 + i) for i in range(4)],
    ])  # fmt: skip
    passes(db, AssignJob(today=TODAY))
    given = [assignee(db, f"k{i}") for i in range(4)]
    assert given.count("staff:b") == 3 and given.count("staff:a") == 1


def test_a_case_a_supervisor_assigns_at_the_same_moment_keeps_their_assignee(db: Db) -> None:
    db.bulk([queue("q"), staff("a"), case("k0"), case("k1", due=11)])
    job = AssignJob(today=TODAY)

    async def race(couch: Couch) -> None:
        real = couch.post
        raced = False

        async def post(path: str, body: Any, **kw: Any) -> Any:
            nonlocal raced
            if path == "/_bulk_docs" and not raced:  # between the job's read and its write
                raced = True
                doc = db.get("/case:k0")
                db.put({**doc, "assignee_id": "staff:sup"})
            return await real(path, body, **kw)

        couch.post = post  # type: ignore[method-assign]

    said: list[str] = []
    first = passes(db, job, said=said, before=race)
    assert first.conflicts == 1 and first.assigned == 1
    passes(db, job, times=2)
    assert assignee(db, "k0") == "staff:sup"
    assert assignee(db, "k1") == "staff:a"
    assert [e["case_id"] for e in assigned_events(db)] == ["case:k1"]
    assert db.get("/case:k1")["_rev"].startswith("2-")  # written once, never again


def test_a_member_removed_from_the_queue_or_inactive_is_given_nothing(db: Db) -> None:
    db.bulk([
        queue("q"),
        staff("gone", queues=("queue:other",)),
        staff("left", active=False),
        staff("stays"),
        case("k0"),
        case("k1", due=11),
    ])  # fmt: skip
    passes(db, AssignJob(today=TODAY))
    assert {assignee(db, "k0"), assignee(db, "k1")} == {"staff:stays"}


def test_malformed_staff_and_queue_records_are_skipped_with_one_line_and_the_rest_go_on(
    db: Db,
) -> None:
    bad = {**staff("bad"), "capacity": "lots"}
    odd_queue = {**queue("odd"), "auto_assign": "whenever"}
    db.bulk([
        queue("q"), odd_queue, bad, {"_id": "staff:junk", "type": "staff"}, staff("good"),
        case("k0"), case("k1", q="queue:odd"),
    ])  # fmt: skip
    said: list[str] = []
    passes(db, AssignJob(today=TODAY), times=2, said=said)
    assert assignee(db, "k0") == "staff:good"
    assert sum("skipped staff:bad" in line for line in said) == 1, said
    assert sum("skipped staff:junk" in line for line in said) == 1, said
    assert sum("skipped queue:odd" in line for line in said) == 1, said
    assert assignee(db, "k1") is None


def test_the_backlog_goes_out_when_someone_frees_up_or_comes_back(db: Db) -> None:
    db.bulk([
        queue("q", "least_loaded"),
        staff("full", capacity=1),
        staff("away", away_until="2026-12-05"),
        case("mine", assignee_id="staff:full"),
        case("k0"),
        case("k1", due=11),
    ])  # fmt: skip
    assert passes(db, AssignJob(today=TODAY)).left == 2
    assert assignee(db, "k0") is None
    mine = db.get("/case:mine")
    db.put({**mine, "status": "closed", "closed_at": "2026-12-02T10:00:00Z"})
    passes(db, AssignJob(today=TODAY))
    assert assignee(db, "k0") == "staff:full" and assignee(db, "k1") is None
    passes(db, AssignJob(today=date(2026, 12, 6)))  # leave ended on the 5th
    assert assignee(db, "k1") == "staff:away"


def test_queues_that_do_not_assign_themselves_are_left_alone(db: Db) -> None:
    off = new_document(QUEUE, "queue:q", {"name": "q", "active": True, "auto_assign": "off"})
    plain = new_document(QUEUE, "queue:p", {"name": "p", "active": True})
    db.bulk(
        [off, plain, staff("a", queues=("queue:q", "queue:p")), case("k0"), case("k1", q="queue:p")]
    )
    passes(db, AssignJob(today=TODAY))
    assert assignee(db, "k0") is None and assignee(db, "k1") is None


def test_two_workers_at_once_assign_each_case_once(db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    db.bulk([queue("q", "least_loaded"), staff("a"), staff("b")])
    with (
        WorkerProcess(db.url, *db.auth, lease_seconds=10.0) as one,
        WorkerProcess(db.url, *db.auth, lease_seconds=10.0) as two,
    ):
        eventually(
            lambda: one.count("job assign finished") + two.count("job assign finished"),
            "one worker running the assign job",
        )
        for round_ in range(3):
            db.bulk([case(f"r{round_}-{i}", due=10 + i) for i in range(5)])
            for i in range(5):
                eventually(lambda r=round_, i=i: assignee(db, f"r{r}-{i}"), "each case assigned")
        assert min(one.count("job assign started"), two.count("job assign started")) == 0
    for round_ in range(3):
        for i in range(5):
            assert db.get(f"/case:r{round_}-{i}")["_rev"].startswith("2-")
    assert len(assigned_events(db)) == 15


def test_loads_and_backlogs_are_read_a_page_at_a_time_and_all_handed_out(
    db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(assign_job, "PAGE", 2)
    monkeypatch.setattr(assign_job, "BACKLOG", 3)
    db.bulk([
        queue("q", "least_loaded"),
        staff("busy"),
        staff("idle"),
        *[case(f"b{i}", assignee_id="staff:busy") for i in range(5)],
        *[case(f"k{i}", due=10 + i) for i in range(5)],
    ])  # fmt: skip
    first = passes(db, AssignJob(today=TODAY))
    assert first.assigned == 3  # one pass's share
    passes(db, AssignJob(today=TODAY))
    given = [assignee(db, f"k{i}") for i in range(5)]
    # busy's five open cases were all counted, over three pages: idle takes all five.
    assert given == ["staff:idle"] * 5
