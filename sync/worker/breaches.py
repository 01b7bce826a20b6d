"""The "breaches" job: record each case's breaches and apply the escalation rules, once each.

Two ways in, so nothing is missed and nothing is read twice over:

- the view of due times (``breach_view``), read in key order from where each *lead* got to (0
  for breaches and rules at the due time, N for rules N working hours before): a pass reads only
  the cases that fell due since the last, and stops at the first not yet due; a rule added
  starts its lead again from the beginning, so it applies to the cases already late too;
- the database's ``_changes`` since the last pass, for a case whose due time moved behind where
  the view got to (re-opened, re-timed): each changed case is judged again whole.

Everything written has an id made from what it is about (``escalation.breach_event_id``), so a
second worker, a restart or a replayed batch meets a conflict and writes nothing new. A rule that
changes the case writes its event first (the claim), then the case, re-read and changed again on
a conflict with a laptop's edit, and only while the field still holds what the event changed it
from: a colleague's change is never overwritten. The event's id is kept as *pending* in the
checkpoint until the case is written, so a worker killed in between finishes it on restart.

Where it got to is ``_local/caseworker-job-breaches`` in the central database. A malformed rule
is said once and skipped; it never stops the job.
"""

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from caseworker.clocks import bank_holidays, council
from caseworker.clocks.calendar import WorkingCalendar
from caseworker.display import visible
from caseworker.documents.codec import Document
from caseworker.documents.schema import DocumentError
from caseworker.escalation import (
    Rule,
    breach_event,
    breached,
    escalation,
    escalation_event_id,
    fires,
    parse_rule,
    reapplied,
)
from caseworker.timeutil import from_iso, to_iso, utcnow
from caseworker.worktime import default_calendar, working_hours_after, working_hours_before
from sync.gateway.couch import Couch, CouchError, doc_path
from sync.worker.breach_view import DESIGN_ID, DUE_VIEW, design_document
from sync.worker.bulk import error_of, results_by_id
from sync.worker.design import install_design
from sync.worker.feed import read_batch, read_bounded, wait_for_change
from sync.worker.jobs import JobContext
from sync.worker.position import save_position
from sync.worker.prefix import docs_with_prefix

CHECKPOINT = "/_local/caseworker-job-breaches"
BATCH = 200
_ATTEMPTS = 5  # writes of one case retried after a laptop's edit landed first
CATALOGUE_EVERY = 30.0  # seconds a read of the rules, queues and supervisors is used for


@dataclass
class Counts:
    breaches: int = 0
    escalations: int = 0
    already: int = 0  # written before (another worker, an earlier pass)
    errors: int = 0

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def text(self) -> str:
        return ", ".join(f"{getattr(self, f.name)} {f.name}" for f in fields(self))


@dataclass
class Catalogue:
    rules: list[Rule]
    live_queues: frozenset[str]
    supervisors: dict[str, list[str]]  # queue id -> its active supervisors' staff ids
    # The council's working hours, less bank holidays and closures: "N working hours before"
    calendar: WorkingCalendar = field(default_factory=default_calendar)


class BreachJob:
    def __init__(
        self,
        batch: int = BATCH,
        clock: Callable[[], datetime] = utcnow,
        checkpoint: str = CHECKPOINT,
    ) -> None:
        self.batch = batch
        self.checkpoint = checkpoint
        self.clock = clock
        self.since: Any = None  # None until the checkpoint is read
        self.upto: dict[str, list[str]] = {}  # position name (``_positions``) -> view key
        self.pending: list[str] = []  # escalation events whose case change may be unmade
        self.rev: str | None = None
        self.said: set[str] = set()  # rule revisions already said to be unusable
        self._catalogue_cache: Catalogue | None = None
        self._catalogue_until = 0.0
        self.first = True

    async def step(self, ctx: JobContext) -> None:
        if self.since is None:
            await self._start(ctx)
        if self.pending:
            await self._finish_pending(ctx)
        now = self.clock()
        catalogue = await self._catalogue(ctx)
        counts = Counts()
        while True:  # cases changed since the last pass
            batch = await read_batch(
                ctx.couch, self.since, limit=self.batch, max_bytes=ctx.batch_bytes
            )
            cases = [
                r["doc"]
                for r in batch.rows
                if isinstance(r.get("doc"), dict) and r["doc"].get("type") == "case"
            ]
            await self._judge(ctx, cases, catalogue, now, counts)
            if batch.last_seq == self.since or not (batch.rows or batch.too_large):
                break
            self.since = batch.last_seq
            await self._save(ctx)
        positions = _positions(catalogue.rules)
        self.upto = {k: v for k, v in self.upto.items() if k in positions.values()}
        for lead, name in sorted(positions.items()):
            await self._sweep(ctx, lead, name, catalogue, now, counts)
        if counts or self.first:
            ctx.say(f"finished: up to date ({counts.text()})")
        self.first = False
        await wait_for_change(ctx.couch, self.since, ctx.idle_wait)

    # -- the checkpoint ----------------------------------------------------------------------

    async def _start(self, ctx: JobContext) -> None:
        await _install_view(ctx.couch)
        saved = await ctx.couch.get_or_none(self.checkpoint)
        saved = saved if isinstance(saved, dict) else {}
        self.rev = saved.get("_rev") if isinstance(saved.get("_rev"), str) else None
        since = saved.get("since")
        upto = saved.get("upto")
        pending = saved.get("pending")
        if ctx.rebuild or not isinstance(since, str | int) or isinstance(since, bool):
            info = await ctx.couch.get("")  # start from now; the view brings what fell due
            since, upto = info.get("update_seq", 0), {}
        self.since = since
        self.upto = (
            {k: v for k, v in upto.items() if isinstance(k, str) and _row_key({"key": v})}
            if isinstance(upto, dict)
            else {}
        )
        self.pending = (
            [p for p in pending if isinstance(p, str)] if isinstance(pending, list) else []
        )
        await self._save(ctx)

    async def _finish_pending(self, ctx: JobContext) -> None:
        """Make the case changes of escalations written just before a worker died or a step
        failed (within moments of their claim: a later change by a person is theirs)."""
        for event_id in list(self.pending):
            event = await ctx.couch.get_or_none(doc_path(event_id))
            case_id = event.get("case_id") if isinstance(event, dict) else None
            if isinstance(case_id, str):
                case = await ctx.couch.get_or_none(doc_path(case_id))
                if isinstance(case, dict):
                    await apply_change(ctx, case, event, self.clock())
        self.pending = []
        await self._save(ctx)

    async def _save(self, ctx: JobContext) -> None:
        body = {"since": self.since, "upto": self.upto, "pending": self.pending}
        ctx.lease.check()
        self.rev = await save_position(
            ctx.couch, self.checkpoint, body, self.rev, "the breaches' checkpoint"
        )

    # -- what is due -------------------------------------------------------------------------

    async def _sweep(
        self,
        ctx: JobContext,
        lead: int,
        name: str,
        catalogue: Catalogue,
        now: datetime,
        counts: Counts,
    ) -> None:
        """The cases that fell due for ``lead`` since the last pass, in due order."""
        end = working_hours_after(now, lead, catalogue.calendar) if lead else now
        params = {
            "endkey": json.dumps([to_iso(end), {}]),
            "include_docs": "true",
            "limit": str(self.batch),
        }
        start = self.upto.get(name)
        if start is not None:
            params["startkey"] = json.dumps(start)
        while True:
            page, asked = await _view_page(ctx, params)
            rows = [r for r in page.get("rows", []) if _row_key(r) is not None]
            taken: list[dict[str, Any]] = []
            for row in rows:
                due = from_iso(str(row["key"][0]))
                if (working_hours_before(due, lead, catalogue.calendar) if lead else due) >= now:
                    break  # not due yet, nor is any after it
                taken.append(row)
            cases = {r["id"]: r["doc"] for r in taken if isinstance(r.get("doc"), dict)}
            await self._judge(ctx, list(cases.values()), catalogue, now, counts)
            if taken:
                self.upto[name] = taken[-1]["key"]
                await self._save(ctx)
            if len(taken) < len(rows) or len(page.get("rows", [])) < asked:
                return
            params = {**params, "startkey": json.dumps(rows[-1]["key"]), "skip": "1"}

    async def _judge(
        self,
        ctx: JobContext,
        cases: list[Document],
        catalogue: Catalogue,
        now: datetime,
        counts: Counts,
    ) -> None:
        """Write what has happened to these cases and is not written yet."""
        breaches = [breach_event(c, t, now) for c in cases for t in breached(c, now)]
        fired = [
            (r, c) for c in cases for r in catalogue.rules if fires(r, c, now, catalogue.calendar)
        ]
        if not breaches and not fired:
            return
        ids = [e["_id"] for e in breaches] + [escalation_event_id(r.id, c["_id"]) for r, c in fired]
        known = await _known(ctx.couch, ids)  # a case seen again: nothing new to say
        missing = [e for e in breaches if e["_id"] not in known]
        if missing:
            ctx.lease.check()
            answer = await ctx.couch.post("/_bulk_docs", {"docs": missing})
            results = results_by_id(answer)
            for doc in missing:
                error = error_of(results, doc["_id"])
                if error is None:
                    counts.breaches += 1
                elif error == "conflict":
                    counts.already += 1
                else:
                    counts.errors += 1
                    ctx.say(f"could not write {visible(doc['_id'])}: {visible(str(error))[:200]}")
        for rule, case in fired:
            if escalation_event_id(rule.id, case["_id"]) not in known:
                await self._escalate(ctx, rule, case, catalogue, now, counts)

    async def _escalate(
        self,
        ctx: JobContext,
        rule: Rule,
        case: Document,
        catalogue: Catalogue,
        now: datetime,
        counts: Counts,
    ) -> None:
        if rule.action == "move_queue" and rule.to_queue_id not in catalogue.live_queues:
            ctx.say(
                f"rule {visible(rule.id)} did not move {visible(case['_id'])}: the queue "
                f"{visible(str(rule.to_queue_id))} no longer exists or is closed"
            )
        queue = case.get("queue_id")
        supervisors = catalogue.supervisors.get(queue, []) if isinstance(queue, str) else []
        made = escalation(
            rule, case, now, live_queues=catalogue.live_queues, supervisors=supervisors
        )
        event_id = made.event["_id"]
        if made.change is not None:
            self.pending.append(event_id)
            await self._save(ctx)
        ctx.lease.check()
        try:
            await ctx.couch.put(doc_path(event_id), made.event)
        except CouchError as exc:
            if exc.status != 409:
                raise
            counts.already += 1
            # Another worker fired it a moment ago, or this one did and never heard back: the
            # stored event says what to change, and only while the case still holds its old
            # value (whoever gets there second finds nothing left to do).
            stored = await ctx.couch.get_or_none(doc_path(event_id))
            if made.change is not None and isinstance(stored, dict):
                await apply_change(ctx, case, stored, now)
        else:
            counts.escalations += 1
            if made.change is not None and not await apply_change(ctx, case, made.event, now):
                ctx.say(f"rule {visible(rule.id)} left {visible(case['_id'])} as it is now")
        if made.change is not None:
            self.pending.remove(event_id)
            await self._save(ctx)

    # -- the catalogue -----------------------------------------------------------------------

    async def _catalogue(self, ctx: JobContext) -> Catalogue:
        """Rules, queues and supervisors, read again at most every ``CATALOGUE_EVERY`` (a
        busy council wakes the job at every change)."""
        if self._catalogue_cache is not None and time.monotonic() < self._catalogue_until:
            return self._catalogue_cache
        self._catalogue_cache = await self._read_catalogue(ctx)
        self._catalogue_until = time.monotonic() + CATALOGUE_EVERY
        return self._catalogue_cache

    async def _read_catalogue(self, ctx: JobContext) -> Catalogue:
        rules: list[Rule] = []
        async for doc in docs_with_prefix(ctx.couch, "escalation:", self.batch):
            if doc.get("active") is False:
                continue
            try:
                rules.append(parse_rule(doc))
            except DocumentError as exc:
                seen = f"{doc.get('_id')}@{doc.get('_rev')}"
                if seen not in self.said:
                    self.said.add(seen)
                    name = visible(str(doc.get("_id")))[:200]
                    ctx.say(f"skipped rule {name}: {visible(str(exc))[:300]}")
        queues = frozenset(
            [
                d["_id"]
                async for d in docs_with_prefix(ctx.couch, "queue:", self.batch)
                if d.get("type") == "queue" and d.get("active") is True
            ]
        )
        supervisors: dict[str, list[str]] = {}
        async for doc in docs_with_prefix(ctx.couch, "staff:", self.batch):
            if (
                doc.get("type") != "staff"
                or doc.get("role") != "supervisor"
                or doc.get("active") is not True
            ):
                continue
            for queue in doc.get("queue_ids") or ():
                if isinstance(queue, str):
                    supervisors.setdefault(queue, []).append(doc["_id"])
        calendar = await self._calendar(ctx)
        return Catalogue(rules, queues, {q: sorted(s) for q, s in supervisors.items()}, calendar)

    async def _calendar(self, ctx: JobContext) -> WorkingCalendar:
        """The council's calendar document with the bundled bank holidays (the default
        calendar, said once, when its document cannot be used)."""
        found = await ctx.couch.get_or_none(doc_path(council.CALENDAR_ID))
        doc = found if isinstance(found, dict) and found.get("type") == "calendar" else None
        built = council.build(doc, bank_holidays.bundled())
        if built.problem and f"calendar@{doc and doc.get('_rev')}" not in self.said:
            self.said.add(f"calendar@{doc and doc.get('_rev')}")
            ctx.say(f"{visible(built.problem)[:300]}; using Monday to Friday, 09:00 to 17:00")
        return built.working


async def apply_change(ctx: JobContext, case: Document, event: Document, now: datetime) -> bool:
    """Make ``event``'s change to the case, starting from ``case`` (perhaps stale): on a
    conflict the case is read again and the change made again, or left when the field no longer
    holds what the event changed it from. True when written."""
    path = doc_path(str(case.get("_id")))
    for _ in range(_ATTEMPTS):
        new = reapplied(case, event, now)
        if new is None:
            return False
        ctx.lease.check()
        try:
            await ctx.couch.put(path, new)
            return True
        except CouchError as exc:
            if exc.status != 409:
                raise
        fresh = await ctx.couch.get_or_none(path)
        if not isinstance(fresh, dict):
            return False
        case = fresh
    return False


def _positions(rules: list[Rule]) -> dict[int, str]:
    """Each lead's position name, which changes with the rules of that lead: a rule added (or
    a lead first used) starts its lead's read from the beginning, so the new rule applies to
    the cases already late too; what was written before is not written again."""
    ids: dict[int, list[str]] = {0: ["breaches"]}
    for rule in rules:
        ids.setdefault(rule.hours_before, []).append(rule.id)
    return {
        lead: f"{lead}:" + hashlib.sha256(" ".join(sorted(names)).encode()).hexdigest()[:16]
        for lead, names in ids.items()
    }


async def _view_page(ctx: JobContext, params: dict[str, str]) -> tuple[Any, int]:
    """A page of the due view with its cases, read whole only within ``ctx.batch_bytes``: a
    page that grows past it is read again with half the rows, down to one; a single case too
    large even alone comes without its body (said, and passed over). With the rows asked for.
    """
    path = f"/{DESIGN_ID}/_view/{DUE_VIEW}"
    limit = int(params["limit"])
    while True:
        answer = await read_bounded(
            ctx.couch, path, {**params, "limit": str(limit)}, ctx.batch_bytes
        )
        if isinstance(answer, dict):
            return answer, limit
        if limit > 1:
            limit //= 2
            continue
        bare = await ctx.couch.get(path, params={**params, "limit": "1", "include_docs": "false"})
        for row in bare.get("rows", []) if isinstance(bare, dict) else []:
            name = visible(str(row.get("id") if isinstance(row, dict) else row))[:200]
            ctx.say(f"skipped {name}: larger than {ctx.batch_bytes:,} bytes")
        return (bare if isinstance(bare, dict) else {}), 1


def _row_key(row: object) -> list[str] | None:
    """A view row's ``[due time, case id]``, or None for anything else."""
    key = row.get("key") if isinstance(row, dict) else None
    if isinstance(key, list) and len(key) == 2 and all(isinstance(k, str) for k in key):
        return key
    return None


async def _install_view(couch: Couch) -> None:
    await install_design(couch, DESIGN_ID, design_document())


async def _known(couch: Couch, ids: list[str]) -> set[str]:
    """The ids among ``ids`` the database has any revision of (a deleted event stays done)."""
    answer = await couch.post("/_all_docs", {"keys": ids})
    rows = answer.get("rows", []) if isinstance(answer, dict) else []
    return {r["id"] for r in rows if isinstance(r, dict) and isinstance(r.get("value"), dict)}
