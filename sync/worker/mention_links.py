"""The "mention_links" job: link each new mention to its author's citizen record, once, here.

Automatic links are made in one place so two offline laptops never link one mention two ways.
The job follows ``_changes``; for each mention nobody has triaged (``autolink.linkable``) it
finds the citizens holding the author's handle (``mention_view``: one index range per handle,
never the council), leaves out those merged away or asked to be erased, scores each from its
full document with the laptop's model (``compare``, counts of the whole council) and, when
``identity_links.confident``, writes:

1. the mention triaged ``linked`` by ``AUTO_LINKER``, over the revision it read: the claim. A
   409 means someone wrote it meanwhile (a person's triage, another worker, the collector's
   edit): read again, and only a mention still untriaged is claimed again;
2. the link (``identity_link``, method ``automatic``, with the score and reasons), whose id is
   the mention's (``autolink.link_id_of``): a second writer meets a conflict, never a second
   link. A mention whose link exists already (made once, perhaps undone since) is left alone.

A worker killed between the two finds its claim again in the feed (a mention linked by
``AUTO_LINKER`` without its link) and writes the link then. A malformed or deleted mention or
citizen is skipped with one line. What a batch's mentions are decided on is read for all of
them at once (``mention_reads``); the writes stay one mention at a time. Where it got to is
``_local/caseworker-job-mention-links``, saved after each batch.
"""

from dataclasses import dataclass, fields
from typing import Any

from caseworker.access.merge_rules import merge_id_of
from caseworker.display import visible
from caseworker.documents.codec import Document, check
from caseworker.documents.schema import DocumentError
from caseworker.identity import Match, PersonRecord, compare, default_model, from_document
from caseworker.mentions.autolink import AUTO_LINKER, author, link_document, link_id_of, linkable
from caseworker.mentions.triage import triaged
from caseworker.services.identity_links import confident
from caseworker.timeutil import to_iso, utcnow
from sync.gateway.couch import Couch, CouchError, doc_path
from sync.worker.by_id import live_ids
from sync.worker.design import install_design
from sync.worker.feed import read_batch, wait_for_change
from sync.worker.jobs import JobContext
from sync.worker.mention_reads import VIEW_PATH, Known, candidates, claimed, mention_of, parts
from sync.worker.mention_view import DESIGN_ID, POPULATION_KEY, design_document
from sync.worker.position import save_position

CHECKPOINT = "/_local/caseworker-job-mention-links"
BATCH = 100
_PREFIX = "mention:"
_ATTEMPTS = 3  # claims of one mention retried after a write that changed nothing of its triage


@dataclass
class Counts:
    linked: int = 0
    left: int = 0  # no citizen sure enough: for a person to decide
    taken: int = 0  # triaged or linked by someone else first
    skipped: int = 0  # deleted or malformed
    errors: int = 0

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def text(self) -> str:
        return ", ".join(f"{getattr(self, f.name)} {f.name}" for f in fields(self))


class MentionLinkJob:
    def __init__(self, batch: int = BATCH) -> None:
        self.batch = batch
        self.since: Any = None  # None until the checkpoint is read
        self.rev: str | None = None
        self.first = True
        self.model = default_model()

    async def step(self, ctx: JobContext) -> None:
        counts = await self.run_once(ctx)
        if counts or self.first:
            ctx.say(f"finished: up to date ({counts.text()})")
        self.first = False
        await wait_for_change(ctx.couch, self.since, ctx.idle_wait)

    async def run_once(self, ctx: JobContext) -> Counts:
        """Every change since the checkpoint, in batches; the checkpoint saved after each."""
        if self.since is None:
            await self._start(ctx)
        counts = Counts()
        while True:
            batch = await read_batch(
                ctx.couch, self.since, limit=self.batch, max_bytes=ctx.batch_bytes
            )
            for doc_id in batch.too_large:
                if doc_id.startswith(_PREFIX):
                    counts.skipped += 1
                    size = f"{ctx.batch_bytes:,}"
                    ctx.say(f"skipped {visible(doc_id)[:200]}: larger than {size} bytes")
            mentions = [r for r in batch.rows if r["id"].startswith(_PREFIX)]
            await self._mentions(ctx, mentions, counts)
            if batch.last_seq == self.since or not (batch.rows or batch.too_large):
                return counts
            ctx.lease.check()
            self.rev = await save_position(
                ctx.couch, CHECKPOINT, {"since": batch.last_seq}, self.rev, "the links' checkpoint"
            )
            self.since = batch.last_seq

    async def _start(self, ctx: JobContext) -> None:
        await _install_view(ctx.couch)
        saved = await ctx.couch.get_or_none(CHECKPOINT)
        saved = saved if isinstance(saved, dict) else {}
        self.rev = saved.get("_rev") if isinstance(saved.get("_rev"), str) else None
        since = saved.get("since")
        usable = isinstance(since, str | int) and not isinstance(since, bool)
        # From the beginning when asked: every link has one id, so nothing is made twice.
        self.since = since if usable and not ctx.rebuild else 0

    # -- a batch's mentions ------------------------------------------------------------------

    async def _mentions(self, ctx: JobContext, rows: list[dict[str, Any]], counts: Counts) -> None:
        """A batch's mentions in the feed's order, decided on what is read for all of them."""
        found = [(str(row["id"]), mention_of(row)) for row in rows]
        to_do = [m for _, m in found if isinstance(m, dict) and (linkable(m) or claimed(m))]
        link_ids = [link_id_of(m["_id"]) for m in to_do]
        links = await live_ids(ctx.couch, link_ids) if link_ids else set()
        waiting = {m["_id"]: author(m) for m in to_do if link_id_of(m["_id"]) not in links}
        holding, population = await self._holders(ctx, *waiting.values()) if waiting else ({}, 0)
        first = Known(links, holding, population)
        for part in parts(found, waiting, first):
            known = await candidates(ctx.couch, part, waiting, first)
            for doc_id, mention in part:
                if isinstance(mention, str):
                    counts.skipped += 1
                    ctx.say(f"skipped {visible(doc_id)[:200]}: {mention}")
                elif linkable(mention):
                    await self._link(ctx, mention, known, counts)
                elif claimed(mention):
                    await self._finish(ctx, mention, known, counts)

    async def _link(self, ctx: JobContext, mention: Document, known: Known, counts: Counts) -> None:
        mention_id: str = mention["_id"]
        if link_id_of(mention_id) in known.links:
            counts.taken += 1  # decided once already (and perhaps undone by a person since)
            return
        contact = author(mention)
        best = confident(await self._matches(ctx, contact, known, counts))
        if best is None:
            counts.left += 1
            return
        try:
            link = link_document(mention_id, best, to_iso(utcnow()))
        except DocumentError as exc:
            counts.errors += 1
            ctx.say(f"could not link {visible(mention_id)[:200]}: {visible(str(exc))[:300]}")
            return
        if not await self._claim(ctx, mention, best.right, link["at"]):
            counts.taken += 1
            return
        await _write_link(ctx, link)
        counts.linked += 1

    async def _claim(self, ctx: JobContext, mention: Document, citizen_id: str, at: str) -> bool:
        """Write the mention linked over the revision read; False when someone triaged it
        first (a person's triage is never overwritten)."""
        current = mention
        for _ in range(_ATTEMPTS):
            body = triaged(current, "linked", by=AUTO_LINKER, at=at, citizen_id=citizen_id)
            ctx.lease.check()
            try:
                await ctx.couch.put(doc_path(current["_id"]), body)
                return True
            except CouchError as exc:
                if exc.status != 409:
                    raise
            fresh = await ctx.couch.get_or_none(doc_path(current["_id"]))
            if not isinstance(fresh, dict) or not linkable(fresh):
                return False
            current = fresh  # an edit of its words by the collector: the author is the same
        return False

    async def _finish(
        self, ctx: JobContext, mention: Document, known: Known, counts: Counts
    ) -> None:
        """A claim whose link was not written (the worker was stopped between the two)."""
        citizen_id: str = mention["citizen_id"]
        if link_id_of(mention["_id"]) in known.links:
            return
        people = self._people(ctx, [citizen_id], known, counts)
        if citizen_id not in people:
            counts.errors += 1
            ctx.say(f"could not link {visible(mention['_id'])[:200]}: its citizen is gone")
            return
        contact = author(mention)
        holders, population = known.counted(contact)
        match = compare(
            contact, people[citizen_id], self.model, holders, population, whole_council=True
        )
        at = mention.get("triaged_at")
        await _write_link(
            ctx, link_document(mention["_id"], match, at if isinstance(at, str) else "")
        )
        counts.linked += 1

    # -- candidates ----------------------------------------------------------------------------

    async def _matches(
        self, ctx: JobContext, contact: PersonRecord, known: Known, counts: Counts
    ) -> list[Match]:
        """The citizens holding the author's handle, scored, best first."""
        holders, population = known.counted(contact)
        ids = sorted({i for h in known.usable(contact) for i in known.holders.get(h, ())})
        people = self._people(ctx, ids, known, counts)
        scored = [
            compare(contact, p, self.model, holders, population, whole_council=True)
            for p in people.values()
        ]
        scored.sort(key=lambda m: (-m.weight, m.right))
        return scored

    async def _holders(
        self, ctx: JobContext, *contacts: PersonRecord
    ) -> tuple[dict[str, int], int]:
        """How many citizens of the council hold each of the contacts' handles, and how many
        citizens there are (counted by the view: a handle nobody holds is 0)."""
        handles = sorted({h for c in contacts for h in c.handles})
        keys = [f"h:{h}" for h in handles] + [POPULATION_KEY]
        answer = await ctx.couch.post(VIEW_PATH, {"keys": keys}, params={"group": "true"})
        counts: dict[str, int] = {}
        for row in answer.get("rows", []) if isinstance(answer, dict) else []:
            if isinstance(row, dict) and isinstance(row.get("value"), int):
                counts[str(row.get("key"))] = row["value"]
        population = counts.pop(POPULATION_KEY, 0)
        return {h: counts.get(f"h:{h}", 0) for h in handles}, population

    def _people(
        self, ctx: JobContext, ids: list[str], known: Known, counts: Counts
    ) -> dict[str, PersonRecord]:
        """The candidates to score: live, readable, not merged into another, no erasure asked."""
        people: dict[str, PersonRecord] = {}
        for citizen_id in ids:
            doc = known.docs.get(citizen_id)
            merge = known.docs.get(merge_id_of(citizen_id))
            if doc is None or citizen_id in known.erased or _merged_away(citizen_id, merge):
                continue
            try:
                if check(doc).name != "citizen":
                    raise DocumentError("not a citizen")
                people[citizen_id] = from_document(doc)
            except (DocumentError, KeyError, TypeError, ValueError, AttributeError) as exc:
                counts.skipped += 1
                ctx.say(f"skipped {visible(citizen_id)[:200]}: {visible(str(exc))[:300]}")
        return people


def _merged_away(citizen_id: str, merge: Document | None) -> bool:
    """Merged into another citizen: its survivor is the one to link to."""
    if merge is None or merge.get("type") != "merge" or merge.get("state") != "merged":
        return False
    survivor = merge.get("survivor_id")
    return isinstance(survivor, str) and survivor != citizen_id


async def _write_link(ctx: JobContext, link: Document) -> None:
    """Create the link; a 409 means it is there already (another worker, an earlier try)."""
    ctx.lease.check()
    try:
        await ctx.couch.put(doc_path(link["_id"]), link)
    except CouchError as exc:
        if exc.status != 409:
            raise


async def _install_view(couch: Couch) -> None:
    await install_design(couch, DESIGN_ID, design_document())
