"""The access log: who was served which documents, when, from which device, and how.

    log = AccessLog(couch.sibling(log_db_name(couch.db)))
    await log.prepare()     # the database: admin-only, append-only, its views (idempotent)
    await log.start()       # entries are written in the background from now on
    log.record(caller, ["case:1", "note:9"], "bulk_get", roots=["case:1", "case:1"])
    log.record(caller, doc_ids, "open", roots=roots, reason="the citizen is on the phone")
    await log.stop()        # what is waiting is written

``record(caller, doc_ids, how, *, roots=None, reason=None)`` is called with the answer made
and *before* it is sent:

- ``doc_ids``: the documents served, in order (nothing is recorded for none);
- ``how``: ``get``, ``bulk_get``, ``all_docs``, ``changes`` or ``open`` (an agent opening a
  record on demand): what the entry is listed as;
- ``roots``: the root of each of ``doc_ids`` (``caseworker.access.channels.root_of`` with the
  body served), or None for one without. Give them whenever the bodies are at hand: without
  them only ids that are their own root (``case:``, ``citizen:``) are placed, and a citizen's
  listing (``caseworker central access-log``) misses their notes and contacts;
- ``reason``: why, stored with the entry when given (an on-demand opening).

It raises ``HTTPError`` 503 (``LOG_UNAVAILABLE``) when the log cannot keep up: the caller must
then serve nothing (the app answers the 503). So nothing is ever served unrecorded: entries wait
in memory and are written in batches (``_bulk_docs``) by one background task, so serving never
waits on the database; but once the documents waiting pass ``max_pending`` (CouchDB away or
slow), every answer that would serve documents is refused until all that waited is written.
Nothing recorded is dropped: an entry the database refuses for good, or one still waiting when
the gateway stops with the database away, is printed whole on stderr.

The database (``sync.access_log_design``) is readable by server admins only, and its validation
function refuses any change to an entry already written.
"""

import asyncio
import contextlib
import datetime
import json
import sys
import uuid
from collections import deque
from collections.abc import Sequence
from typing import Any

from caseworker.access.channels import is_id_of
from sync.access_log_design import BY_ROOT, DESIGN_ID, SECURITY, design_document, is_current
from sync.gateway.auth import Caller
from sync.gateway.couch import Couch, CouchError
from sync.gateway.errors import HTTPError

FLUSH_SECONDS = 1.0
MAX_PENDING = 200_000  # documents named by the entries waiting (memory stays bounded)
BATCH_DOCS = 10_000  # documents named per _bulk_docs (at least one entry)
WARM_SECONDS = 300.0  # how often the views are brought up to date after writes
STOP_TRIES = 3  # writes tried on stop before what is left is printed
STOP_WAIT = 1.0  # seconds between them
LOG_UNAVAILABLE = "the access log cannot be written; try again shortly"
Entry = dict[str, Any]


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")


def _say(text: str) -> None:
    print(f"caseworker gateway: {text}", file=sys.stderr, flush=True)


def _own_root(doc_id: str) -> str | None:
    return doc_id if is_id_of(doc_id, "case") or is_id_of(doc_id, "citizen") else None


class AccessLog:
    def __init__(
        self,
        couch: Couch,
        *,
        max_pending: int = MAX_PENDING,
        flush_seconds: float = FLUSH_SECONDS,
        batch_docs: int = BATCH_DOCS,
        warm_seconds: float = WARM_SECONDS,
    ) -> None:
        self.couch = couch
        self.max_pending = max_pending
        self.flush_seconds = flush_seconds
        self.batch_docs = batch_docs
        self.warm_seconds = warm_seconds
        self.pending: deque[Entry] = deque()
        self.waiting = 0  # documents named by entries not yet known written (pending + sent)
        self.refusing = False  # past the bound: serve nothing until everything is written
        self._failing = False  # the last write failed (said once per outage)
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._warm: asyncio.Task[None] | None = None
        self._warmed = 0.0
        self._stopping = False

    async def prepare(self) -> None:
        """The log database, admin-only, with its append-only rule and its views (idempotent:
        a design document of an earlier version is brought up to date)."""
        try:
            await self.couch.put("", {})
        except CouchError as exc:
            if exc.status != 412:  # already there
                raise
        await self.couch.put("/_security", SECURITY)
        current = await self.couch.get_or_none("/" + DESIGN_ID)
        if is_current(current):
            return
        design = design_document()
        if isinstance(current, dict):
            design["_rev"] = current["_rev"]
        try:
            await self.couch.put("/" + DESIGN_ID, design)
        except CouchError as exc:
            if exc.status != 409:  # 409: another gateway starting at the same time did it
                raise

    async def start(self) -> None:
        """Start writing in the background (``prepare`` first, once)."""
        self._warmed = asyncio.get_running_loop().time()
        self._task = asyncio.create_task(self._run(), name="access-log")

    async def stop(self) -> None:
        """Write what is waiting (a few tries); what still cannot be written goes to stderr."""
        self._stopping = True
        self._stop.set()
        self._wake.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._warm is not None:
            self._warm.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._warm
        for attempt in range(STOP_TRIES):
            if await self.flush():
                return
            if attempt + 1 < STOP_TRIES:
                await asyncio.sleep(STOP_WAIT)
        _say(f"{len(self.pending)} access-log entries could not be written; here they are")
        while self.pending:
            _say("access-log entry not written: " + json.dumps(self.pending.popleft()))

    def record(
        self,
        caller: Caller,
        doc_ids: Sequence[str],
        how: str,
        *,
        roots: Sequence[str | None] | None = None,
        reason: str | None = None,
    ) -> None:
        """Record that ``doc_ids`` are being served to ``caller`` (module docstring); raises
        HTTPError 503 when the log cannot keep up, and then nothing may be served."""
        if not doc_ids:
            return
        size = len(doc_ids)
        # An entry alone is always taken (one answer's worth, bounded by the request size).
        if self.refusing or (self.waiting and self.waiting + size > self.max_pending):
            if not self.refusing:
                self.refusing = True
                _say(
                    f"{self.waiting} documents' access-log entries are waiting to be written: "
                    "serving nothing until they are"
                )
                self._wake.set()
            raise HTTPError(503, "service_unavailable", LOG_UNAVAILABLE)
        ids = list(doc_ids)
        placed = list(roots) if roots is not None else [_own_root(i) for i in ids]
        if len(placed) != len(ids):
            raise ValueError("give one root (or None) for each document id")
        at = _now()
        entry: Entry = {
            "_id": f"{at}-{uuid.uuid4().hex[:12]}",
            "at": at,
            "user": caller.user_name,
            "device": caller.device,
            "how": how,
            "doc_ids": ids,
            "roots": placed,
        }
        if reason is not None:
            entry["reason"] = reason
        self.pending.append(entry)
        self.waiting += size
        if self.waiting >= self.batch_docs:
            self._wake.set()

    async def flush(self) -> bool:
        """Write what is waiting; whether it all was. On a failure what was not written stays
        waiting (in order) for the next try."""
        async with self._lock:
            while self.pending:
                batch = self._batch()
                size = sum(len(e["doc_ids"]) for e in batch)
                try:
                    answer = await self.couch.post("/_bulk_docs", {"docs": batch})
                    if not isinstance(answer, list):
                        raise CouchError(502, {"error": "bad_gateway", "reason": "no results"})
                except Exception as exc:  # CouchError, or httpx's: CouchDB is away
                    self.pending.extendleft(reversed(batch))
                    if not self._failing:
                        self._failing = True
                        _say(f"the access log could not be written: {exc!r:.300}")
                    return False
                self._refused_for_good(batch, answer)
                self.waiting -= size
            if self._failing or self.refusing:
                _say("the access log is written again; serving")
            self._failing = False
            self.refusing = False
            return True

    def _batch(self) -> list[Entry]:
        batch = [self.pending.popleft()]
        size = len(batch[0]["doc_ids"])
        while self.pending and size + len(self.pending[0]["doc_ids"]) <= self.batch_docs:
            entry = self.pending.popleft()
            size += len(entry["doc_ids"])
            batch.append(entry)
        return batch

    def _refused_for_good(self, batch: list[Entry], answer: list[Any]) -> None:
        """Entries the database refused (a conflict is one already written by an earlier try
        whose answer was lost): trying again cannot help, so they are printed, not dropped."""
        by_id = {entry["_id"]: entry for entry in batch}
        for result in answer:
            if not isinstance(result, dict) or "error" not in result:
                continue
            if result.get("error") == "conflict":
                continue
            entry = by_id.get(result.get("id"))
            reason = f"{result.get('error')}: {result.get('reason')}"
            _say(f"access-log entry refused by the database ({reason:.200}): {json.dumps(entry)}")

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.flush_seconds)
            self._wake.clear()
            wrote = bool(self.pending)
            if not await self.flush():
                # CouchDB is away: try again after a pause, not at every request meanwhile
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), self.flush_seconds)
                continue
            if wrote and loop.time() - self._warmed >= self.warm_seconds:
                self._warmed = loop.time()
                if self._warm is None or self._warm.done():
                    self._warm = asyncio.create_task(self._warm_views(), name="access-log-views")

    async def _warm_views(self) -> None:
        """Bring the views up to date now and then, so that a listing asked for a year from
        now does not wait for a year of entries to be indexed."""
        with contextlib.suppress(Exception):  # only a head start: the listing updates them too
            await self.couch.get(f"/{DESIGN_ID}/_view/{BY_ROOT}", params={"limit": "0"})
