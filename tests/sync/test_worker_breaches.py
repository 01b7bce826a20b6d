"""The central worker's "breaches" job, against the real PouchDB Server: each breach recorded
once as a case event, and each escalation rule applied once per case, however many workers run
and however often; paused and finished cases left alone; a malformed rule, a vanished queue or a
laptop's edit at the same moment handled without losing anyone's change."""

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import ESCALATION_RULE, QUEUE, STAFF
from caseworker.escalation import breach_event_id, due_time, escalation_event_id
from caseworker.timeutil import to_iso
from sync.gateway.couch import Couch
from sync.worker.breaches import BreachJob, apply_change
from sync.worker.jobs import JobContext, names
from sync.worker.lease import Lease
from tests.support.couch_server import CouchServer
from tests.support.gateway import a_case
from tests.sync.worker_support import JSON, Db, WorkerProcess, central_db

T0 = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)  # a Wednesday, noon
BEFORE = to_iso(T0 - timedelta(hours=1))
AFTER = to_iso(T0 + timedelta(hours=1))


@pytest.fixture
def db(couch_server: CouchServer, couch_db: str) -> Iterator[Db]:
    database = central_db(couch_server, couch_db)
    database.bulk(
        [
            new_document(QUEUE, "queue:waste", {"name": "Waste", "active": True}),
            new_document(QUEUE, "queue:escalations", {"name": "Escalations", "active": True}),
            new_document(
                STAFF,
                "staff:sam",
                {
                    "name": "Sam",
                    "username": "sam",
                    "role": "supervisor",
                    "queue_ids": ["queue:waste"],
                    "active": True,
                },
            ),
        ]
    )
    yield database


def a_rule(key: str, **fields: Any) -> dict[str, Any]:
    base = {
        "name": f"rule {key}",
        "queue_id": "queue:waste",
        "target": "resolve",
        "hours_before": 0,
        "action": "notify",
        "active": True,
        "by": "staff:sam",
        "updated_at": BEFORE,
    }
    merged = {k: v for k, v in {**base, **fields}.items() if v is not None}
    return new_document(ESCALATION_RULE, f"escalation:{key}", merged)


def couch_of(db: Db) -> Couch:
    parts = urlsplit(db.url)
    server, _, name = parts.path.rpartition("/")
    return Couch(f"{parts.scheme}://{parts.netloc}{server}", name, *db.auth)


def run(db: Db, body: Callable[[Couch], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        couch = couch_of(db)
        try:
            return await body(couch)
        finally:
            await couch.aclose()

    return asyncio.run(main())


async def context(couch: Couch, lines: list[str], lease_name: str = "breaches") -> JobContext:
    lease = Lease(couch, lease_name, f"test-{uuid.uuid4().hex[:6]}", 60.0)
    assert await lease.acquire()
    return JobContext(couch, lease, lines.append, idle_wait=0.05, batch_bytes=16 * 2**20)


def passes(db: Db, *clocks: datetime, job: BreachJob | None = None) -> list[str]:
    """One step of one job per clock reading, in order; the lines it said."""
    lines: list[str] = []
    job = job or BreachJob(batch=3)  # small pages: paging is exercised
    at = iter(clocks)
    now = [T0]

    async def body(couch: Couch) -> None:
        ctx = await context(couch, lines)
        job.clock = lambda: now[0]
        try:
            for moment in at:
                now[0] = moment
                await job.step(ctx)
        finally:
            await ctx.lease.release()

    run(db, body)
    return lines


def events_of(db: Db, case_id: str) -> list[dict[str, Any]]:
    answer = requests.get(
        db.url + "/_all_docs",
        params={"include_docs": "true", "startkey": '"event:"', "endkey": '"event:\ufff0"'},
        auth=db.auth,
        headers=JSON,
        timeout=30,
    ).json()
    return [r["doc"] for r in answer["rows"] if r["doc"].get("case_id") == case_id]


def kinds(db: Db, case_id: str) -> list[str]:
    return sorted(e["kind"] for e in events_of(db, case_id))


def test_a_case_past_due_gets_one_breach_event_however_often_the_job_runs(db: Db) -> None:
    db.put(a_case("case:late", due_at=BEFORE, response_due_at=BEFORE))
    db.put(a_case("case:ontime", due_at=AFTER, response_due_at=AFTER))
    passes(db, T0, T0 + timedelta(minutes=1))
    passes(db, T0 + timedelta(minutes=2))  # a restart: a new job from the checkpoint
    passes(db, T0, job=BreachJob())  # and another page size
    assert kinds(db, "case:late") == ["breach_resolve", "breach_response"]
    event = db.get("/" + breach_event_id("case:late", "resolve"))
    assert event["by"] == "central" and event["field"] == "due_at"
    assert kinds(db, "case:ontime") == []
    passes(db, T0 + timedelta(hours=2))  # time passes: the other case falls due
    assert kinds(db, "case:ontime") == ["breach_resolve", "breach_response"]


def test_two_workers_at_once_write_each_breach_and_each_escalation_once(db: Db) -> None:
    db.put(a_rule("raise", action="raise_priority"))
    db.bulk([a_case(f"case:r{i}", due_at=BEFORE) for i in range(8)])

    async def body(couch: Couch) -> None:
        # Two leases and two checkpoints: as if a partition let two workers each believe they
        # hold the job alone.
        a = BreachJob(batch=3, clock=lambda: T0)
        b = BreachJob(batch=2, clock=lambda: T0, checkpoint="/_local/caseworker-job-breaches-b")
        ctx_a = await context(couch, [], "breaches-a")
        ctx_b = await context(couch, [], "breaches-b")
        await asyncio.gather(a.step(ctx_a), b.step(ctx_b))

    run(db, body)
    for i in range(8):
        assert kinds(db, f"case:r{i}") == ["breach_resolve", "escalated"]
        assert db.get(f"/case:r{i}")["priority"] == "high"  # raised once, not twice


def test_a_paused_case_does_not_breach_until_it_resumes_and_its_due_time_passes(db: Db) -> None:
    rev = db.put(a_case("case:paused", status="awaiting_citizen", due_at=BEFORE))
    passes(db, T0)
    assert kinds(db, "case:paused") == []
    # Resumed: the clocks moved its due time on by the pause.
    resumed = {**db.get("/case:paused"), "_rev": rev, "status": "in_progress", "due_at": AFTER}
    db.put(resumed)
    lines = passes(db, T0 + timedelta(minutes=5))
    assert kinds(db, "case:paused") == [], lines
    passes(db, T0 + timedelta(hours=2))
    assert kinds(db, "case:paused") == ["breach_resolve"]


def test_a_case_closed_before_its_due_time_never_breaches(db: Db) -> None:
    db.put(a_case("case:done", status="closed", due_at=AFTER, closed_at=BEFORE))
    db.put(a_rule("notify"))
    passes(db, T0, T0 + timedelta(days=3))
    assert kinds(db, "case:done") == []


def test_a_case_whose_due_time_moves_behind_the_job_is_still_judged(db: Db) -> None:
    passes(db, T0)  # the job's position is now noon
    db.put(a_case("case:reopened", status="reopened", due_at=BEFORE))  # due before it
    passes(db, T0 + timedelta(minutes=1))
    assert kinds(db, "case:reopened") == ["breach_resolve"]


def test_raising_an_urgent_case_leaves_it_urgent(db: Db) -> None:
    db.put(a_rule("raise", action="raise_priority"))
    db.put(a_case("case:urgent", priority="urgent", due_at=BEFORE))
    passes(db, T0)
    assert db.get("/case:urgent")["priority"] == "urgent"
    event = db.get("/" + escalation_event_id("escalation:raise", "case:urgent"))
    assert (event["field"], event["old"], event["new"]) == ("priority", "urgent", "urgent")


def test_notify_names_the_queues_supervisors_and_moves_nothing(db: Db) -> None:
    db.put(a_rule("tell", hours_before=2))
    db.put(a_case("case:soon", due_at=to_iso(T0 + timedelta(hours=1))))  # within 2 h
    db.put(a_case("case:later", due_at=to_iso(T0 + timedelta(hours=4))))
    passes(db, T0)
    event = db.get("/" + escalation_event_id("escalation:tell", "case:soon"))
    assert (event["kind"], event["field"], event["new"]) == ("escalated", "notify", "staff:sam")
    assert kinds(db, "case:later") == []
    assert db.get("/case:soon")["queue_id"] == "queue:waste"


def test_a_move_to_a_queue_that_no_longer_exists_is_skipped_and_said(db: Db) -> None:
    db.put(a_rule("move", action="move_queue", to_queue_id="queue:gone"))
    db.put(
        a_rule(
            "move2",
            action="move_queue",
            to_queue_id="queue:escalations",
            queue_id=None,
            service_code="pothole",
        )
    )
    db.put(a_case("case:stay", due_at=BEFORE))
    db.put(a_case("case:go", due_at=BEFORE, service_code="pothole"))
    lines = passes(db, T0)
    assert db.get("/case:stay")["queue_id"] == "queue:waste"
    assert any("did not move case:stay" in line and "queue:gone" in line for line in lines)
    event = db.get("/" + escalation_event_id("escalation:move", "case:stay"))
    assert event["old"] == "queue:waste" and "new" not in event
    assert db.get("/case:go")["queue_id"] == "queue:escalations"


def test_a_malformed_rule_is_said_once_and_never_stops_the_job(db: Db) -> None:
    bad = {**a_rule("bad"), "hours_before": "two"}
    db.bulk([bad, {"_id": "escalation:junk", "type": "escalation_rule", "schema": 99}])
    db.put(a_rule("good"))
    db.put(a_case("case:x", due_at=BEFORE))
    lines = passes(db, T0, T0 + timedelta(minutes=1))
    assert sum("skipped rule escalation:bad" in line for line in lines) == 1, lines
    assert sum("skipped rule escalation:junk" in line for line in lines) == 1, lines
    assert kinds(db, "case:x") == ["breach_resolve", "escalated"]


def test_a_laptops_edit_at_the_same_moment_is_kept_and_the_change_made_again(db: Db) -> None:
    db.put(a_rule("raise", action="raise_priority"))
    db.put(a_case("case:edited", due_at=BEFORE))
    db.put(a_case("case:raised", due_at=BEFORE))
    stale = {c: db.get(f"/{c}") for c in ("case:edited", "case:raised")}
    # The laptops' edits land after the job read the cases.
    db.put({**stale["case:edited"], "summary": "the laptop's words"})
    db.put({**stale["case:raised"], "priority": "urgent"})

    async def body(couch: Couch) -> list[bool]:
        ctx = await context(couch, [])
        done = []
        for case_id in stale:
            event = {"field": "priority", "old": "normal", "new": "high", "case_id": case_id}
            done.append(await apply_change(ctx, stale[case_id], event, T0))
        return done

    assert run(db, body) == [True, False]
    edited = db.get("/case:edited")
    assert (edited["summary"], edited["priority"]) == ("the laptop's words", "high")
    assert db.get("/case:raised")["priority"] == "urgent"  # the laptop's change stands


def test_the_worker_runs_the_breaches_job(db: Db) -> None:
    assert "breaches" in names()
    db.put(a_case("case:live", due_at="2020-01-01T09:00:00.000Z"))
    with WorkerProcess(db.url, *db.auth) as w:
        w.wait_for("job breaches finished")
    assert kinds(db, "case:live") == ["breach_resolve"]


def test_a_worker_killed_between_an_escalation_and_its_case_change_finishes_it(db: Db) -> None:
    db.put(a_rule("raise", action="raise_priority"))
    db.put(a_case("case:half", due_at=BEFORE))
    event_id = escalation_event_id("escalation:raise", "case:half")
    # What the dead worker left: the event written, the case not yet, the event pending.
    db.put(
        {
            "_id": event_id,
            "type": "case_event",
            "schema": 1,
            "case_id": "case:half",
            "kind": "escalated",
            "at": BEFORE,
            "by": "central",
            "field": "priority",
            "old": "normal",
            "new": "high",
            "comment": "rule raise",
        }
    )
    db.put({"_id": "_local/caseworker-job-breaches", "since": 0, "pending": [event_id]})
    passes(db, T0)
    assert db.get("/case:half")["priority"] == "high"
    assert kinds(db, "case:half") == ["breach_resolve", "escalated"]
    assert db.get("/_local/caseworker-job-breaches")["pending"] == []


def test_a_case_too_large_to_read_is_passed_over_with_a_line(db: Db) -> None:
    db.put({**a_case("case:huge", due_at=BEFORE), "padding": "x" * 300_000})
    db.put(a_case("case:small", due_at=BEFORE))
    lines: list[str] = []

    async def body(couch: Couch) -> None:
        ctx = await context(couch, lines)
        ctx.batch_bytes = 100_000
        await BreachJob(clock=lambda: T0).step(ctx)

    run(db, body)
    assert any("skipped case:huge: larger than 100,000 bytes" in line for line in lines), lines
    assert kinds(db, "case:small") == ["breach_resolve"]
    assert kinds(db, "case:huge") == []


def test_the_due_view_agrees_with_the_python_rule_for_every_status_and_zone(db: Db) -> None:
    cases = [
        a_case("case:v-new", status="new", due_at=AFTER, response_due_at=BEFORE),
        a_case("case:v-started", status="in_progress", due_at=AFTER, response_due_at=BEFORE),
        a_case("case:v-paused", status="awaiting_citizen", due_at=BEFORE),
        a_case("case:v-closed", status="closed", due_at=BEFORE),
        a_case("case:v-zone", status="assigned", due_at="2026-12-02T13:00:00+01:00"),
        {**a_case("case:v-junk"), "due_at": "soon", "response_due_at": 7},
    ]
    db.bulk(cases)
    passes(db, T0)  # installs the view
    answer = requests.get(
        db.url + "/_design/caseworker-breaches/_view/due", auth=db.auth, headers=JSON, timeout=30
    ).json()
    got = {(r["id"], r["value"], r["key"][0]) for r in answer["rows"]}
    wanted = {
        (c["_id"], target, to_iso(due))
        for c in cases
        for target in ("response", "resolve")
        if (due := due_time(c, target)) is not None
    }
    assert got == wanted
    assert ("case:v-zone", "resolve", "2026-12-02T12:00:00.000Z") in got


def test_a_rule_added_later_applies_to_the_cases_already_late(db: Db) -> None:
    db.put(a_case("case:older", due_at=to_iso(T0 - timedelta(hours=5))))
    db.put(a_case("case:old", due_at=BEFORE))  # where the job's read ends
    passes(db, T0)
    assert kinds(db, "case:older") == ["breach_resolve"]
    db.put(a_rule("late-news"))
    passes(db, T0 + timedelta(minutes=1))  # another worker, from the checkpoint
    assert kinds(db, "case:older") == ["breach_resolve", "escalated"]
    assert kinds(db, "case:old") == ["breach_resolve", "escalated"]


def test_a_calendar_no_clock_can_use_is_said_once_and_the_default_one_counts(db: Db) -> None:
    """An admin's calendar with no working hours at all (admins are not held to the write
    rules) must neither stop the job nor make it search for working time for ever."""
    db.put(
        {
            "_id": "calendar:council",
            "type": "calendar",
            "schema": 1,
            "nation": "england-and-wales",
            "hours": [],
            "updated_at": to_iso(T0),
        }
    )
    db.put(a_rule("tell", hours_before=2))
    db.put(a_case("case:soon", due_at=to_iso(T0 + timedelta(hours=1))))
    lines = passes(db, T0, T0 + timedelta(minutes=1))
    assert sum("calendar cannot be used" in line for line in lines) == 1, lines
    assert kinds(db, "case:soon") == ["escalated"]
