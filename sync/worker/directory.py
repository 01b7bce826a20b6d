"""The "directory" job: keep each citizen's directory entry (``types.DIRECTORY``) in step with
their record, from the central database's ``_changes``.

A changed citizen, or a citizen whose merge (``merge:<key>``) changed, gets its entry written
(``merged_into`` from the merge, since a merge rewrites no citizen), but only when the entry's
content changes (no new revision for every edit of a consent or an address, and none for
laptops to pull); a deleted
citizen's entry is deleted; a citizen that cannot be read (wrong types, missing fields, too
large) is skipped with a line and never stops the job, and its entry, if any, is left as it
was (a slip in one edit does not make a caller unfindable). Where the job has got to is the
checkpoint ``_local/caseworker-job-directory``, saved after each batch, so a worker killed
mid-way loses at most one batch of work, and another worker carries on from there. A rebuild
(``--rebuild directory``, or a new way of deriving entries) starts again from 0 and, once
caught up, deletes the entries whose citizen is gone.

Memory is bounded by the batch: ``BATCH`` changes and the worker's ``batch_bytes`` at most.
"""

import json
from dataclasses import dataclass, fields
from typing import Any

from caseworker.access.merge_rules import merge_id_of
from caseworker.display import visible
from caseworker.documents.codec import Document, check
from caseworker.documents.directory import same_content, summary_id, summary_of
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import DIRECTORY
from sync.gateway.couch import Couch
from sync.worker.bulk import error_of, results_by_id
from sync.worker.by_id import live_documents, live_ids
from sync.worker.feed import read_batch, wait_for_change
from sync.worker.jobs import JobContext
from sync.worker.position import save_position

CHECKPOINT = "/_local/caseworker-job-directory"
# Raised whenever what an entry holds, or how it is derived, changes: every entry is remade.
DERIVATION = f"{DIRECTORY.schema_version}.2"  # .2: merged_into from merge documents
BATCH = 200
_PREFIX = "citizen:"
_MERGE_PREFIX = "merge:"
_ATTEMPTS = 3  # writes of one batch retried after a conflict (someone wrote an entry meanwhile)


@dataclass
class Counts:
    written: int = 0
    deleted: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: int = 0

    def add(self, other: "Counts") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def text(self) -> str:
        return ", ".join(f"{getattr(self, f.name)} {f.name}" for f in fields(self))


class DirectoryJob:
    def __init__(self, batch: int = BATCH) -> None:
        self.batch = batch
        self.since: Any = None  # None until the checkpoint is read
        self.rev: str | None = None  # the checkpoint's revision
        self.rebuilding = False
        self.first = True

    async def step(self, ctx: JobContext) -> None:
        couch = ctx.couch
        if self.since is None:
            await self._load(couch, ctx.rebuild)
        counts = Counts()
        while True:
            batch = await read_batch(couch, self.since, limit=self.batch, max_bytes=ctx.batch_bytes)
            for doc_id in batch.too_large:
                if doc_id.startswith(_PREFIX):
                    counts.skipped += 1
                    ctx.say(f"skipped {visible(doc_id)}: larger than {ctx.batch_bytes:,} bytes")
            if batch.rows:
                counts.add(await self._apply(ctx, batch.rows))
            if batch.last_seq == self.since or not (batch.rows or batch.too_large):
                break
            ctx.lease.check()
            await self._save(couch, batch.last_seq)
        if self.rebuilding:
            counts.deleted += await self._sweep(ctx)
            self.rebuilding = False
            await self._save(couch, self.since)
        if counts or self.first:
            ctx.say(f"finished: up to date ({counts.text()})")
        self.first = False
        await wait_for_change(couch, self.since, ctx.idle_wait)

    # -- the checkpoint --------------------------------------------------------------------

    async def _load(self, couch: Couch, rebuild: bool) -> None:
        saved = await couch.get_or_none(CHECKPOINT)
        saved = saved if isinstance(saved, dict) else {}
        self.rev = saved.get("_rev") if isinstance(saved.get("_rev"), str) else None
        since = saved.get("since")
        usable = isinstance(since, str | int) and not isinstance(since, bool)
        if not usable or rebuild or saved.get("derivation") != DERIVATION:
            since = 0
        self.since = since
        # A rebuild ends with a sweep, even when another worker finishes it.
        self.rebuilding = since == 0 or saved.get("sweep") is True

    async def _save(self, couch: Couch, since: Any) -> None:
        body = {"since": since, "derivation": DERIVATION, "sweep": self.rebuilding}
        self.rev = await save_position(
            couch, CHECKPOINT, body, self.rev, "the directory's checkpoint"
        )
        self.since = since

    # -- entries ---------------------------------------------------------------------------

    async def _apply(self, ctx: JobContext, rows: list[dict[str, Any]]) -> Counts:
        counts = Counts()
        wanted: dict[str, Document | None] = {}  # entry id -> entry, or None: delete it
        citizens: dict[str, Document] = {}
        named: set[str] = set()  # citizens whose merge changed
        for row in rows:
            doc_id = row["id"]
            if doc_id.startswith(_MERGE_PREFIX):
                named.add(_PREFIX + doc_id[len(_MERGE_PREFIX) :])
                continue
            if not doc_id.startswith(_PREFIX):
                continue
            try:
                if row.get("deleted") is True:
                    wanted[summary_id(doc_id)] = None
                else:
                    doc = row.get("doc")
                    if not isinstance(doc, dict):
                        raise DocumentError(f"document {doc_id!r:.80}: no body in the feed")
                    citizens[doc_id] = doc
            except DocumentError as exc:
                counts.skipped += 1
                ctx.say(f"skipped {visible(doc_id)[:200]}: {visible(str(exc))[:300]}")
        others = [c for c in sorted(named) if c not in citizens]
        if others:
            citizens.update(await live_documents(ctx.couch, others))
        merge_ids = [merge_id_of(c) for c in citizens]
        merges = await live_documents(ctx.couch, merge_ids) if merge_ids else {}
        for doc_id, doc in citizens.items():
            try:
                entry = _merged(summary_of(doc), merges.get(merge_id_of(doc_id)))
                wanted[entry["_id"]] = entry
            except DocumentError as exc:
                counts.skipped += 1
                ctx.say(f"skipped {visible(doc_id)[:200]}: {visible(str(exc))[:300]}")
        for _ in range(_ATTEMPTS):
            if not wanted:
                break
            wanted = await self._write(ctx, wanted, counts)
        counts.errors += len(wanted)
        return counts

    async def _write(
        self, ctx: JobContext, wanted: dict[str, Document | None], counts: Counts
    ) -> dict[str, Document | None]:
        """Write what differs from what is stored; the entries to try again (conflicts)."""
        stored = await live_documents(ctx.couch, list(wanted))
        docs: list[Document] = []
        for entry_id, entry in wanted.items():
            old = stored.get(entry_id)
            if entry is None:
                if old is not None:
                    docs.append(_tombstone(entry_id, old["_rev"]))
            elif same_content(entry, old):
                counts.unchanged += 1
            else:
                docs.append({**entry, "_rev": old["_rev"]} if old is not None else entry)
        if not docs:
            return {}
        ctx.lease.check()
        answer = await ctx.couch.post("/_bulk_docs", {"docs": docs})
        again: dict[str, Document | None] = {}
        results = results_by_id(answer)
        for doc in docs:
            error = error_of(results, doc["_id"])
            if error is None:
                if doc.get("_deleted"):
                    counts.deleted += 1
                else:
                    counts.written += 1
            elif error == "conflict":
                again[doc["_id"]] = wanted[doc["_id"]]
            else:
                counts.errors += 1
                ctx.say(f"could not write {visible(doc['_id'])}: {visible(str(error))[:200]}")
        return again

    async def _sweep(self, ctx: JobContext) -> int:
        """After a rebuild: delete the entries whose citizen is gone (made by hand, or left by
        an earlier way of deriving them). Paged: memory stays bounded."""
        deleted = 0
        params = {
            "startkey": json.dumps(DIRECTORY.id_prefix + ":"),
            "endkey": json.dumps(DIRECTORY.id_prefix + ":\ufff0"),
            "limit": str(self.batch),
        }
        while True:
            page = await ctx.couch.get("/_all_docs", params=params)
            rows = [r for r in page.get("rows", []) if isinstance(r, dict)]
            if not rows:
                return deleted
            entries = {r["id"]: r["value"]["rev"] for r in rows}
            citizens = {_PREFIX + i.split(":", 1)[1]: i for i in entries}
            alive = await live_ids(ctx.couch, list(citizens))
            gone = [_tombstone(e, entries[e]) for c, e in citizens.items() if c not in alive]
            if gone:
                ctx.lease.check()
                answer = await ctx.couch.post("/_bulk_docs", {"docs": gone})
                deleted += sum(1 for r in answer if isinstance(r, dict) and "error" not in r)
            if len(rows) < self.batch:
                return deleted
            params = {**params, "startkey": json.dumps(rows[-1]["id"]), "skip": "1"}


def _merged(entry: Document, merge: Document | None) -> Document:
    """The entry with where its citizen was merged, from the citizen's merge document (a merge
    rewrites no citizen: ``caseworker.services.merges``); as the citizen says when none."""
    if merge is None or merge.get("type") != "merge":
        return entry
    entry.pop("merged_into", None)
    survivor = merge.get("survivor_id")
    if (
        merge.get("state") == "merged"
        and isinstance(survivor, str)
        and survivor != entry["citizen_id"]
    ):
        entry["merged_into"] = survivor
    check(entry)
    return entry


def _tombstone(entry_id: str, rev: str) -> Document:
    """A deletion that keeps its type: whoever holds the directory may read it (a bare
    tombstone names no channel, and the gateway serves it to nobody but admins), so it
    reaches every agent's laptop and takes the entry out there too."""
    return {"_id": entry_id, "_rev": rev, "_deleted": True, "type": DIRECTORY.name}
