"""The records erased at the council's request, held in memory so that a late write about them
is refused before CouchDB sees it.

A laptop that was offline since before an erasure pushes what was typed about the person
before it pulls the erasure. Without this the server would store it again until the central
erasure job purged it. So each gateway keeps, per erasure in force
(``caseworker.erasure.scope.in_force``), the ids it takes: its target, the cases the central
job found (``roots``, once done), and the target citizen's live cases (the access
view, asked once when the erasure is learnt or changes, never per write). ``bulk_docs`` asks
``refusal`` of every revision: one that is, is rooted at, or names one of those ids anywhere
in its body (``scope.named_in``) is refused and never stored. Of an anonymisation, only the
copy the central job wrote is let through, handed back unchanged over the server's own copy
(``scope.same_copy``): laptops never author anonymised copies, and a mark on anything else
(a name in a field the copy keeps, an attachment) is just a field a peer typed.

The set is loaded from the ``erasure:`` documents before the first write is judged (after a
restart too: a gateway that cannot load it answers writes 503 rather than judge them blind),
then refreshed from the database's ``_changes`` feed (ids only: an erasure id starts with
``erasure:``), so it is as fresh as that long-poll. A write in the moment between an erasure
and the gateway seeing it is stored, and the central job, which follows the same feed, purges
it (docs/erasure-and-retention.md). Erasure documents hold no personal data, so the ids learnt
are said on standard error.
"""

import asyncio
import contextlib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from caseworker.access.views import ROWS, VIEW_PATH, citizen_key, citizen_of_key
from caseworker.erasure import local as orders
from caseworker.erasure import scope
from sync.gateway.couch import Couch, CouchError
from sync.gateway.errors import HTTPError
from sync.gateway.long_poll import long_poll
from sync.worker.prefix import docs_with_prefix

PAGE = 500  # erasure documents read at once when loading
KEYS = 200  # citizens asked of the cases view at once
BATCH = 1000  # changes read at once when following the feed
POLL_SECONDS = 25.0
_RETRY_MAX = 30.0
_PREFIX = "erasure:"
NOT_LOADED = "the gateway cannot yet tell which records were erased: try again shortly"


def refused_reason(erasure_id: str) -> str:
    return (
        f"this is about a record erased at the council's request ({erasure_id}): the central "
        "service does not store it, and this laptop removes its copy at its next sync"
    )


@dataclass(frozen=True)
class Taking:
    mode: str
    ids: frozenset[str]


@dataclass(frozen=True)
class Taken:
    erasure_id: str
    mode: str


class ErasedIds:
    def __init__(self, couch: Couch, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.couch = couch
        self.poll_seconds = poll_seconds
        self._by_erasure: dict[str, Taking] = {}  # erasure id -> the ids it takes
        self._taken: dict[str, Taken] = {}
        self._seq: Any = None
        self._loaded = False
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._failed = False

    # -- what the write path asks ----------------------------------------------------------

    async def ready(self) -> None:
        """Once the set is loaded; 503 when it cannot be (no write is judged blind)."""
        if self._loaded:
            return
        async with self._lock:
            if self._loaded:
                return
            try:
                await self._load()
            except (CouchError, httpx.HTTPError, ValueError):
                raise HTTPError(503, "service_unavailable", NOT_LOADED) from None

    def refusal(
        self, doc_id: str, body: Mapping[str, Any], current: Mapping[str, Any] | None
    ) -> str | None:
        """Why this revision of ``doc_id`` (over the server's ``current`` body) is not stored,
        or None when it names no erased record."""
        if not self._taken:
            return None
        for candidate in (body, current):
            if candidate is None:
                continue
            hit = scope.named_in(doc_id, candidate, self._taken)
            if hit is None:
                continue
            taken = self._taken[hit]
            if (
                taken.mode == "anonymise"
                and current is not None
                and scope.same_copy(body, current, taken.erasure_id)
            ):
                continue  # the copy the erasure kept, handed back: no personal data
            return refused_reason(taken.erasure_id)
        return None

    # -- keeping it fresh ------------------------------------------------------------------

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="erased-ids")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                await self.ready()
                await self._poll()
                failures = 0
                self._say_recovered()
            except asyncio.CancelledError:
                raise
            except RuntimeError:  # the HTTP client was closed: the gateway is stopping
                return
            except Exception as exc:  # CouchDB away: keep what is known, say so once, retry
                failures += 1
                self._say_failed(exc)
                await asyncio.sleep(min(_RETRY_MAX, 0.5 * 2**failures))

    async def _load(self) -> None:
        info = await self.couch.get("")
        seq = info.get("update_seq") if isinstance(info, dict) else None
        if seq is None:
            raise ValueError("the database sent no update_seq")
        docs = [doc async for doc in docs_with_prefix(self.couch, _PREFIX, PAGE)]
        await self._learn(docs, say_each=False)
        print(
            f"caseworker gateway: {len(self._by_erasure)} erasures in force",
            file=sys.stderr,
            flush=True,
        )
        # Read before the erasures were: whatever changed since is seen by the feed.
        self._seq = seq
        self._loaded = True

    async def _poll(self) -> None:
        polled = await long_poll(self.couch, self._seq, self.poll_seconds, BATCH)
        if polled is None:
            return  # nothing changed
        results, last_seq = polled
        changed = {
            doc_id
            for r in results
            if isinstance(r, dict)
            and isinstance(doc_id := r.get("id"), str)
            and doc_id.startswith(_PREFIX)
        }
        if changed:
            found = await self.couch.post(
                "/_all_docs", {"keys": sorted(changed)}, params={"include_docs": "true"}
            )
            await self._learn([_as_found(r) for r in _rows(found)])
        if last_seq is not None:
            self._seq = last_seq

    async def _learn(self, docs: list[dict[str, Any]], *, say_each: bool = True) -> None:
        """Take in these erasure documents (each as it now stands). An erasure is forgotten
        only when its document says it is not in force (the central job's legal-hold outcome):
        a deleted or unusable revision withdraws nothing, since deleting the record of an
        erasure does not bring back what it purged (and the laptops go on purging)."""
        kept: dict[str, tuple[orders.Order, set[str]]] = {}
        withdrawn: set[str] = set()
        for doc in docs:
            order = orders.order_of(doc)
            if order is None:
                self._say_unusable(doc)
                continue
            if not scope.in_force(doc):
                withdrawn.add(order.erasure_id)
                continue
            ids = {order.target}
            roots = doc.get("roots")
            if isinstance(roots, list):
                ids.update(r for r in roots if isinstance(r, str))
            kept[order.erasure_id] = (order, ids)
        citizens = sorted({o.target for o, _ in kept.values() if o.of_citizen})
        for citizen, case_id in await self._cases_of(citizens):
            for order, ids in kept.values():
                if order.target == citizen:
                    ids.add(case_id)
        for erasure_id in sorted(withdrawn):
            if self._by_erasure.pop(erasure_id, None) is not None and say_each:
                print(
                    f"caseworker gateway: {erasure_id} no longer in force: writes about its "
                    "records are judged again",
                    file=sys.stderr,
                    flush=True,
                )
        for erasure_id, (order, ids) in kept.items():
            known = Taking(order.mode, frozenset(ids))
            if say_each and self._by_erasure.get(erasure_id) != known:
                print(
                    f"caseworker gateway: {erasure_id} in force: writes about its "
                    f"{len(ids)} erased records are refused",
                    file=sys.stderr,
                    flush=True,
                )
            self._by_erasure[erasure_id] = known
        taken: dict[str, Taken] = {}
        for erasure_id, taking in sorted(self._by_erasure.items()):
            for doc_id in taking.ids:
                taken.setdefault(doc_id, Taken(erasure_id, taking.mode))
        self._taken = taken  # replaced whole: the write path never sees it half made

    async def _cases_of(self, citizens: list[str]) -> list[tuple[str, str]]:
        """(citizen, case id) for each live case of these citizens (the access view)."""
        found: list[tuple[str, str]] = []
        for keys in _chunks(citizens, KEYS):
            asked = [citizen_key(c) for c in keys]
            rows = _rows(await self.couch.post(VIEW_PATH, {"keys": asked}, params=ROWS))
            found += [
                (citizen, doc_id)
                for r in rows
                if (citizen := citizen_of_key(r.get("key"))) is not None
                and isinstance(doc_id := r.get("id"), str)
            ]
        return found

    def _say_unusable(self, doc: Mapping[str, Any]) -> None:
        erasure_id = doc.get("_id")
        if erasure_id in self._by_erasure:
            what = "was deleted" if doc.get("_deleted") else "is no longer a usable erasure"
            print(
                f"caseworker gateway: {erasure_id} {what}: that withdraws nothing, writes "
                "about its records are still refused",
                file=sys.stderr,
                flush=True,
            )

    def _say_failed(self, exc: Exception) -> None:
        if not self._failed:
            print(
                f"caseworker gateway: could not follow the erasures ({type(exc).__name__}); "
                "the ones known are still refused",
                file=sys.stderr,
                flush=True,
            )
        self._failed = True

    def _say_recovered(self) -> None:
        if self._failed:
            print("caseworker gateway: following the erasures again", file=sys.stderr, flush=True)
        self._failed = False


def _rows(answer: Any) -> list[dict[str, Any]]:
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise ValueError("the database sent no rows")
    return [r for r in rows if isinstance(r, dict)]


def _as_found(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row of ``_all_docs?keys`` as the document now stands: a deleted one as its tombstone
    (CouchDB sends no body for it)."""
    doc = row.get("doc")
    value = row.get("value")
    if isinstance(value, dict) and value.get("deleted"):
        return {"_id": row.get("id"), "_deleted": True}
    return doc if isinstance(doc, dict) else {"_id": row.get("key"), "_deleted": True}


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
