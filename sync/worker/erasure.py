"""The "erasure" job: carry out each requested erasure in the central database.

For each ``erasure`` document whose state is ``requested``: find every document of the citizen
(``caseworker.erasure.scope``: rooted at the citizen or one of their cases, or naming them in a
link field; in any leaf, deleted ones included, since a tombstone can keep a body), ``_purge``
every leaf revision of each (which removes the document with its whole history), or, for an
anonymisation, write the anonymised copy back as a revision with no history after the purge
(``caseworker.erasure.scope.anonymised``; records that are only the person's words are not
written back). Then compact the database and its view indexes and wait for the compaction, so
the old revisions' bodies are gone from the files, and record the outcome on the erasure
(``done``, ``done_at``, how many revisions were purged; never the person's data).

A server without ``_purge`` (PouchDB Server, the development server) cannot erase: deleting
would keep every old revision's body. The job then removes nothing and marks the erasure
``failed`` with that reason, and says so in its output: it never reports an erasure it did not
do. Laptops still purge their copies when the erasure document reaches them.

Finding the documents reads the whole database once per step, for all pending erasures at
once (erasures are rare; no view has to be kept for them). The central access log is left as
it is: its entries name record ids and staff, never a citizen's name, phone or email, and they
are the council's record of who opened the file (docs/erasure-and-retention.md).
"""

import asyncio
import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from caseworker.erasure import local as orders
from caseworker.erasure import scope
from caseworker.timeutil import to_iso, utcnow
from sync.gateway.couch import Couch, CouchError, doc_path
from sync.worker.feed import read_batch, read_bounded, seq_param, wait_for_change
from sync.worker.jobs import JobContext
from sync.worker.position import save_position
from sync.worker.prefix import docs_with_prefix

CHECKPOINT = "/_local/caseworker-job-erasure"
PAGE = 500  # changes read at once while looking for the citizen's documents
PURGE_IDS = 100  # CouchDB's default max_document_id_number for one _purge
COMPACT_WAIT = 600.0  # seconds at most for a compaction to finish
NO_PURGE = (
    "the central database cannot purge (this server has no _purge, e.g. PouchDB Server): "
    "nothing was removed centrally; erase on Apache CouchDB"
)

HELD = scope.UNDER_HOLD


class PurgeUnsupported(Exception):
    """The server answered ``_purge`` with something other than a purge."""


@dataclass
class Pending:
    order: orders.Order
    doc: dict[str, Any]
    roots: set[str] = field(default_factory=set)
    found: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # id -> its leaves


class ErasureJob:
    """Pending erasures first; between them, the change feed is followed from the checkpoint
    ``_local/caseworker-job-erasure`` so a record of an erased root written later (a laptop
    that was offline pushes what it typed before it pulls the erasure) is purged too."""

    def __init__(self, batch: int = PAGE) -> None:
        self.batch = batch
        self.since: Any = None  # None until the checkpoint is read
        self.rev: str | None = None

    async def step(self, ctx: JobContext) -> None:
        couch = ctx.couch
        if self.since is None:
            stored = await couch.get_or_none(CHECKPOINT)
            self.since = stored.get("since", 0) if isinstance(stored, dict) else 0
            self.rev = stored.get("_rev") if isinstance(stored, dict) else None
        pending = await requested(couch)
        if pending:
            info = await couch.get("")
            await carry_out(ctx, pending)
            # The scan read everything up to here: the feed needs looking at only from here.
            await self._save(ctx, info.get("update_seq", self.since))
            return
        if not await self._late(ctx):
            await wait_for_change(couch, self.since, ctx.idle_wait)

    async def _late(self, ctx: JobContext) -> bool:
        """Purge documents of erased roots written since the checkpoint; whether the feed had
        anything to read."""
        couch = ctx.couch
        batch = await read_batch(couch, self.since, limit=self.batch, max_bytes=ctx.batch_bytes)
        if batch.last_seq == self.since or not (batch.rows or batch.too_large):
            return False
        taken = await erased(couch)
        revs: dict[str, list[str]] = {}
        for row in batch.rows:
            doc_id, doc = row["id"], row.get("doc")
            body = doc if isinstance(doc, dict) else None
            hits = [taken[r] for r in scope.linked(doc_id, body) & taken.keys()]
            if hits:
                leaves = await _leaves(couch, doc_id)
                kept = [o.erasure_id for o in hits if o.mode == "anonymise"]
                gone = [
                    str(leaf["_rev"])
                    for leaf in leaves
                    if not any(scope.is_anonymised(leaf, e) for e in kept)
                ]
                if gone:
                    revs[doc_id] = gone
        if revs:
            ctx.lease.check()
            try:
                purged = await purge(couch, revs)
            except PurgeUnsupported:
                ctx.say(f"{len(revs)} records of erased citizens arrived late: {NO_PURGE}")
            else:
                await compact(couch)
                ctx.say(f"{purged} revisions of erased records that arrived late purged")
        await self._save(ctx, batch.last_seq)
        return True

    async def _save(self, ctx: JobContext, since: Any) -> None:
        ctx.lease.check()
        self.rev = await save_position(
            ctx.couch, CHECKPOINT, {"since": since}, self.rev, "the erasure job's position"
        )
        self.since = since


async def erased(couch: Couch) -> dict[str, orders.Order]:
    """Every root a completed erasure took (its target and the cases it found): root -> order.
    A broken answer is an error, never "nothing erased" (``docs_with_prefix``): the feed must
    not be read past a late record as if no erasure took it."""
    taken: dict[str, orders.Order] = {}
    async for doc in docs_with_prefix(couch, "erasure:"):
        order = orders.order_of(doc)
        if order is None or doc.get("state") != "done":
            continue
        roots = doc.get("roots")
        for root in [order.target, *(roots if isinstance(roots, list) else [])]:
            if isinstance(root, str):
                taken.setdefault(root, order)
    return taken


async def requested(couch: Couch) -> list[Pending]:
    """The erasures asked for and not yet carried out (ids ``erasure:...``)."""
    found = []
    async for doc in docs_with_prefix(couch, "erasure:"):
        order = orders.order_of(doc)
        if order is not None and doc.get("state") == "requested":
            found.append(Pending(order, doc, {order.target}))
    return found


async def carry_out(ctx: JobContext, pending: list[Pending]) -> None:
    """Find, purge (or anonymise) each pending erasure, compact once for them all, and only
    then record each outcome: "done" means the old bodies are gone from the files too."""
    couch = ctx.couch
    await _find(couch, pending, ctx.batch_bytes)
    done: list[tuple[Pending, int]] = []
    for item in pending:
        ctx.lease.check()
        if any(scope.live_hold(leaf) for leaves in item.found.values() for leaf in leaves):
            ctx.say(f"{item.order.erasure_id}: {HELD}")
            await _record(couch, item, "failed", detail=HELD, failure=scope.Failure.LEGAL_HOLD)
            continue
        try:
            done.append((item, await _erase(couch, item)))
        except PurgeUnsupported:
            ctx.say(f"{item.order.erasure_id}: {NO_PURGE}")
            await _record(couch, item, "failed", detail=NO_PURGE, failure=scope.Failure.NO_PURGE)
    if not done:
        return
    await compact(couch)
    for item, purged in done:
        ctx.lease.check()
        await _record(couch, item, "done", purged=purged)
        ctx.say(f"{item.order.erasure_id}: {item.order.mode} done, {purged} revisions purged")


# -- finding -----------------------------------------------------------------------------------


async def _find(couch: Couch, pending: list[Pending], max_bytes: int) -> None:
    """The first read of the database finds the citizens' documents and their cases; when it
    found cases, a second read finds what hangs off them too (a note names only its case)."""
    for _round in (1, 2):
        before = {id(item): len(item.roots) for item in pending}
        owner = {root: item for item in pending for root in item.roots}
        for item in pending:
            item.found.clear()
        async for doc_id, leaves in _all_leaves(couch, max_bytes):
            for body in leaves:
                for root in scope.linked(doc_id, body) & owner.keys():
                    item = owner[root]
                    item.found[doc_id] = leaves
                    if body.get("type") == "case" and body.get("citizen_id") == root:
                        item.roots.add(doc_id)
        if all(len(item.roots) == before[id(item)] for item in pending):
            return


async def _all_leaves(couch: Couch, max_bytes: int) -> Any:
    """Every document of the database (deleted ones too), with the bodies of all its leaves."""
    since: Any = 0
    while True:
        params = {
            "since": seq_param(since),
            "style": "all_docs",
            "include_docs": "true",
            "limit": str(PAGE),
        }
        answer = await read_bounded(couch, "/_changes", params, max_bytes)
        rows = answer.get("results", []) if isinstance(answer, dict) else []
        for row in rows:
            doc_id = row.get("id") if isinstance(row, dict) else None
            if not isinstance(doc_id, str) or doc_id.startswith("_"):
                continue
            changes = row.get("changes") or []
            doc = row.get("doc") if isinstance(row.get("doc"), dict) else {"_id": doc_id}
            if len(changes) > 1 or row.get("deleted"):
                yield doc_id, await _leaves(couch, doc_id)
            else:
                yield doc_id, [doc]
        if not rows:
            return
        since = answer.get("last_seq")


async def _leaves(couch: Couch, doc_id: str) -> list[dict[str, Any]]:
    """Every leaf of a document, deleted ones with whatever body they kept."""
    answer = await couch.get(doc_path(doc_id), params={"open_revs": "all", "revs": "true"})
    return [r["ok"] for r in answer if isinstance(r, dict) and isinstance(r.get("ok"), dict)]


# -- purging -----------------------------------------------------------------------------------


async def _erase(couch: Couch, item: Pending) -> int:
    rewrite = []
    if item.order.mode == "anonymise":
        for leaves in item.found.values():
            winner = _winner(leaves)
            if winner is None or scope.is_anonymised(winner, item.order.erasure_id):
                continue
            copy = scope.anonymised(winner, item.order.erasure_id)
            if copy is not None:
                rewrite.append(_fresh_revision(copy, winner))
    # An anonymised copy this erasure already wrote (a step that failed after writing it and
    # is run again) is what must stay: only the other leaves go.
    erasure_id = item.order.erasure_id
    revs = {
        doc_id: gone
        for doc_id, leaves in item.found.items()
        if (gone := [str(x["_rev"]) for x in leaves if not scope.is_anonymised(x, erasure_id)])
    }
    purged = await purge(couch, revs)
    if rewrite:
        await couch.post("/_bulk_docs", {"docs": rewrite, "new_edits": False})
    return purged


def _winner(leaves: list[dict[str, Any]]) -> dict[str, Any] | None:
    live = [leaf for leaf in leaves if not leaf.get("_deleted")]
    if not live:
        return None
    return max(live, key=lambda d: (_pos(str(d.get("_rev", ""))), str(d.get("_rev", ""))))


def _pos(rev: str) -> int:
    head = rev.partition("-")[0]
    return int(head) if head.isdigit() else 0


def _fresh_revision(copy: dict[str, Any], winner: dict[str, Any]) -> dict[str, Any]:
    """The anonymised copy as a revision past the old winner, with no ancestors (they were
    purged): a laptop that held the old one sees a newer winner, and keeps it alone."""
    pos = _pos(str(winner.get("_rev", ""))) + 1
    digest = uuid.uuid4().hex
    return {**copy, "_rev": f"{pos}-{digest}", "_revisions": {"start": pos, "ids": [digest]}}


async def purge(couch: Couch, revs: dict[str, list[str]]) -> int:
    """``_purge`` these leaf revisions; how many the server purged. ``PurgeUnsupported`` when
    the server has no ``_purge``."""
    total = 0
    for chunk in _chunks(list(revs), PURGE_IDS):
        try:
            answer = await couch.post("/_purge", {i: revs[i] for i in chunk})
        except CouchError as exc:
            if exc.status in (400, 404, 405, 500, 501):
                raise PurgeUnsupported(str(exc)) from exc
            raise
        purged = answer.get("purged") if isinstance(answer, dict) else None
        if not isinstance(purged, dict):
            raise PurgeUnsupported("the answer to _purge named nothing purged")
        total += sum(len(v) for v in purged.values() if isinstance(v, list))
    return total


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def compact(couch: Couch, wait: float = COMPACT_WAIT) -> None:
    """Compact the database and each design document's view index, clean up old index files,
    and wait until no compaction runs (old revision bodies stay in the files until then)."""
    await couch.post("/_compact", {})
    designs = await couch.get(
        "/_all_docs",
        params={"startkey": json.dumps("_design/"), "endkey": json.dumps("_design0")},
    )
    for row in designs.get("rows", []) if isinstance(designs, dict) else []:
        name = str(row.get("id", ""))[len("_design/") :]
        if name:
            await couch.post(f"/_compact/{quote(name, safe='')}", {})
    await couch.post("/_view_cleanup", {})
    deadline = time.monotonic() + wait
    await asyncio.sleep(0.2)
    while time.monotonic() < deadline:
        info = await couch.get("")
        if not (isinstance(info, dict) and info.get("compact_running")):
            return
        await asyncio.sleep(0.5)
    raise TimeoutError(f"the compaction of {couch.db} did not finish in {wait:.0f} s")


async def _record(
    couch: Couch,
    item: Pending,
    state: str,
    *,
    purged: int = 0,
    detail: str | None = None,
    failure: scope.Failure | None = None,
) -> None:
    """The outcome on the erasure document: ids, counts and a reason, no personal data (why
    it failed as data too, ``failure``: whether it is in force is read from that)."""
    doc = {**item.doc, "state": state, "done_at": to_iso(utcnow()), "purged": purged}
    if failure is not None:
        doc["failure"] = failure.value
    if state == "done":  # ids only: what the change feed is watched for afterwards
        doc["roots"] = sorted(item.roots)
    if detail:
        doc["detail"] = detail[:300]
    await couch.put(doc_path(item.order.erasure_id), doc)
