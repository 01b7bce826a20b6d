"""The "assign" job: hand out the unassigned open cases of each queue whose ``auto_assign`` is
``round_robin`` or ``least_loaded`` to the queue's members, within their caps and not while
they are away.

It is the one writer of automatic assignments, and never double-assigns: it runs under the
lease, gives only cases it read as unassigned, and writes each with the ``_rev`` it read, so a
case a supervisor assigned meanwhile answers 409 and is read again and decided again. Each
pass starts from what the database holds (no memory of loads), so the backlog goes out as soon
as someone frees up: a case of theirs closed or a cap raised wakes the job through the change
feed; leave that ends is seen at the next look (``idle_wait``). Round-robin's place in each
queue is ``_local/caseworker-job-assign`` in the central database (never replicated), so
another worker carries on where this one stopped.

Each assignment is the case's next revision and an ``assigned`` case event written after it,
by ``AUTO_ASSIGNER``. A worker killed between the two loses that event (the case still shows
its assignee); it never records an assignment that was not made.
"""

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from caseworker import vocab
from caseworker.access.views import ROWS, VIEW_PATH
from caseworker.display import visible
from caseworker.documents.codec import Document, check, new_document
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import CASE, CASE_EVENT
from caseworker.ids import new_id
from caseworker.services.assign_plan import Officer, Plan, least_loaded, round_robin
from caseworker.services.assignment import (
    ASSIGNABLE_ROLES,
    AUTO_ASSIGNER,
    away_until_of,
    capacity_of,
)
from caseworker.timeutil import to_iso
from sync.gateway.couch import Couch
from sync.worker.bulk import error_of, results_by_id
from sync.worker.feed import wait_for_change
from sync.worker.jobs import JobContext
from sync.worker.position import save_position
from sync.worker.prefix import docs_with_prefix

CHECKPOINT = "/_local/caseworker-job-assign"
MODES = ("round_robin", "least_loaded")
PAGE = 500  # view rows read at once
BACKLOG = 2000  # unassigned cases of one queue handed out in one pass
_PASSES = 4  # passes in one step while writes meet conflicts (someone changed a case)


@dataclass
class Counts:
    assigned: int = 0
    conflicts: int = 0
    left: int = 0  # unassigned cases nobody in their queue could take

    def text(self) -> str:
        return f"{self.assigned} assigned, {self.conflicts} changed meanwhile, {self.left} waiting"


class AssignJob:
    def __init__(self, today: Any = None) -> None:
        self.pointers: dict[str, str] | None = None  # queue -> last member given a case
        self.rev: str | None = None
        self.said: set[str] = set()  # problems already said (id and revision): said once
        self.first = True
        self._today = today  # tests fix the date; otherwise today's (UTC)

    async def step(self, ctx: JobContext) -> None:
        info = await ctx.couch.get("")
        since = info.get("update_seq", 0) if isinstance(info, dict) else 0
        total = Counts()
        for _ in range(_PASSES):
            counts = await self.run_once(ctx)
            total.assigned += counts.assigned
            total.conflicts += counts.conflicts
            total.left = counts.left
            if not counts.conflicts:
                break
        if total.assigned or total.conflicts or self.first:
            ctx.say(f"finished: {total.text()}")
        self.first = False
        await wait_for_change(ctx.couch, since, ctx.idle_wait)

    async def run_once(self, ctx: JobContext) -> Counts:
        """One look at every queue that assigns itself; what it did."""
        couch = ctx.couch
        if self.pointers is None:
            await self._load(couch)
        counts = Counts()
        queues = {
            q["_id"]: q["auto_assign"]
            for q in await self._valid(ctx, [d async for d in docs_with_prefix(couch, "queue:")])
            if q.get("active") is True and q.get("auto_assign") in MODES
        }
        if not queues:
            return counts
        staff = [
            s
            for s in await self._valid(ctx, [d async for d in docs_with_prefix(couch, "staff:")])
            if s.get("active") is True and s.get("role") in ASSIGNABLE_ROLES
        ]
        loads = await _open_loads(couch, [s["_id"] for s in staff])
        today = self._today or datetime.now(UTC).date()
        moved = False
        for queue_id, mode in sorted(queues.items()):
            backlog = await self._valid(ctx, await _backlog(couch, queue_id))
            if not backlog:
                continue
            officers = [
                Officer(
                    s["_id"],
                    loads.get(s["_id"], 0),
                    capacity_of(s),
                    away_until_of(s, today) is not None,
                )
                for s in staff
                if queue_id in s["queue_ids"]
            ]
            ids = [c["_id"] for c in backlog]
            assert self.pointers is not None
            plan: Plan = (
                round_robin(ids, officers, self.pointers.get(queue_id))
                if mode == "round_robin"
                else least_loaded(ids, officers)
            )
            counts.left += len(plan.left)
            done = await _write(ctx, {c["_id"]: c for c in backlog}, plan, counts)
            for staff_id in done:
                loads[staff_id] = loads.get(staff_id, 0) + 1
            if mode == "round_robin" and done:
                self.pointers[queue_id] = done[-1]
                moved = True
        if moved:
            ctx.lease.check()
            await self._save(couch)
        return counts

    async def _valid(self, ctx: JobContext, docs: list[Document]) -> list[Document]:
        """The documents that are what their type says; a malformed one is said once (per
        revision) and left out, never stopping the job."""
        good = []
        for doc in docs:
            try:
                check(doc)
            except DocumentError as exc:
                key = f"{doc.get('_id')}@{doc.get('_rev')}"
                if key not in self.said:
                    self.said.add(key)
                    name = visible(str(doc.get("_id")))[:200]
                    ctx.say(f"skipped {name}: {visible(str(exc))[:300]}")
                continue
            good.append(doc)
        return good

    async def _load(self, couch: Couch) -> None:
        saved = await couch.get_or_none(CHECKPOINT)
        saved = saved if isinstance(saved, dict) else {}
        self.rev = saved.get("_rev") if isinstance(saved.get("_rev"), str) else None
        pointers = saved.get("pointers")
        self.pointers = {
            k: v
            for k, v in (pointers.items() if isinstance(pointers, dict) else ())
            if isinstance(k, str) and isinstance(v, str)
        }

    async def _save(self, couch: Couch) -> None:
        body = {"pointers": self.pointers}
        self.rev = await save_position(couch, CHECKPOINT, body, self.rev, "the assignment pointers")


def _is_open_case(doc: object) -> bool:
    return (
        isinstance(doc, dict)
        and doc.get("type") == "case"
        and isinstance(doc.get("_rev"), str)
        and doc.get("status") in vocab.OPEN_STATUSES
    )


async def _view_pages(couch: Couch, key: str, page: int) -> AsyncIterator[list[Document]]:
    """The open cases under one case key of the access view, ``page`` at a time (memory stays
    bounded however many cases a queue or an officer has had)."""
    skip = 0
    while True:
        params = {"key": json.dumps(key), "include_docs": "true", "limit": str(page), **ROWS}
        answer = await couch.get(VIEW_PATH, params={**params, "skip": str(skip)})
        rows = answer.get("rows", []) if isinstance(answer, dict) else []
        yield [r["doc"] for r in rows if isinstance(r, dict) and _is_open_case(r.get("doc"))]
        if len(rows) < page:
            return
        skip += len(rows)


async def _open_loads(couch: Couch, staff_ids: list[str]) -> dict[str, int]:
    """Open cases per member, across every queue."""
    loads: dict[str, int] = {}
    for staff_id in staff_ids:
        async for docs in _view_pages(couch, "assignee=" + staff_id, PAGE):
            loads[staff_id] = loads.get(staff_id, 0) + len(docs)
    return loads


async def _backlog(couch: Couch, queue_id: str) -> list[Document]:
    """The queue's open cases with nobody on them, soonest due first: at most ``BACKLOG`` a
    pass (the rest go in the next pass, which the writes of this one wake; so in a queue with
    more waiting than that, "soonest first" holds within each pass's share)."""
    found: list[Document] = []
    async for docs in _view_pages(couch, "queue=" + queue_id, PAGE):
        found.extend(
            d for d in docs if d.get("assignee_id") is None and d.get("queue_id") == queue_id
        )
        if len(found) >= BACKLOG:
            break
    found.sort(key=lambda d: (str(d.get("due_at")), str(d.get("_id"))))
    return found[:BACKLOG]


async def _write(
    ctx: JobContext, backlog: dict[str, Document], plan: Plan, counts: Counts
) -> list[str]:
    """Write the plan's cases, each with the ``_rev`` read, then their history events; the
    staff id of each case written, in order."""
    if not plan.pairs:
        return []
    now = to_iso(datetime.now(UTC))
    docs = [
        {
            **backlog[case_id],
            "assignee_id": staff_id,
            "updated_at": now,
            "schema": CASE.schema_version,
        }
        for case_id, staff_id in plan.pairs
    ]
    ctx.lease.check()
    answer = await ctx.couch.post("/_bulk_docs", {"docs": docs})
    results = results_by_id(answer)
    done: list[str] = []
    events: list[Document] = []
    for case_id, staff_id in plan.pairs:
        error = error_of(results, case_id)
        if error is None:
            done.append(staff_id)
            events.append(_event(case_id, staff_id, now))
        elif error == "conflict":
            counts.conflicts += 1
        else:
            ctx.say(f"could not assign {visible(case_id)}: {visible(str(error))[:200]}")
    counts.assigned += len(done)
    if events:
        ctx.lease.check()
        await ctx.couch.post("/_bulk_docs", {"docs": events})
    return done


def _event(case_id: str, staff_id: str, now: str) -> Document:
    return new_document(
        CASE_EVENT,
        new_id(CASE_EVENT.id_prefix),
        {
            "case_id": case_id,
            "kind": "assigned",
            "at": now,
            "by": AUTO_ASSIGNER,
            "field": "assignee_id",
            "old": None,
            "new": staff_id,
            "comment": "assigned automatically",
        },
    )
