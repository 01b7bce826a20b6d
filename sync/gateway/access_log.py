"""The access log: who was served which documents, when, from which device.

    log = AccessLog(couch.sibling(couch.db + "-access-log"))
    await log.start()                               # the database, admin-only, append-only
    log.record(caller, ["citizen:1", ...], "bulk_get")   # off the request path
    await log.stop()                                # what is pending is written

Entries wait in memory and are written in batches (``_bulk_docs``) by one background task, so
serving never waits on the log. The database ``<db>-access-log`` is readable by server admins
only, and its validation function refuses any change to an entry already written. Entries
waiting are bounded: past the bound, the oldest are dropped and the drop is reported on stderr
(the gateway keeps serving rather than grow without limit while CouchDB is away).
"""

import asyncio
import contextlib
import datetime
import sys
import uuid
from collections import deque
from typing import Any

from sync.gateway.auth import Caller
from sync.gateway.couch import Couch, CouchError

FLUSH_SECONDS = 1.0
MAX_PENDING = 100_000  # entries waiting to be written
MAX_BATCH = 1000  # entries per _bulk_docs
APPEND_ONLY = (
    "function (newDoc, oldDoc, userCtx) {\n"
    "  if (oldDoc || newDoc._deleted) {\n"
    "    throw({forbidden: 'the access log is append-only'});\n"
    "  }\n"
    "}\n"
)
DESIGN = {"_id": "_design/access-log", "language": "javascript", "validate_doc_update": APPEND_ONLY}
SECURITY = {
    "admins": {"names": [], "roles": ["_admin"]},
    "members": {"names": [], "roles": ["_admin"]},
}


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")


class AccessLog:
    def __init__(self, couch: Couch) -> None:
        self.couch = couch
        self.pending: deque[dict[str, Any]] = deque()
        self.dropped = 0
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    async def prepare(self) -> None:
        """The log database, admin-only, with its append-only rule (idempotent)."""
        try:
            await self.couch.put("", {})
        except CouchError as exc:
            if exc.status != 412:  # already there
                raise
        await self.couch.put("/_security", SECURITY)
        current = await self.couch.get_or_none("/_design/access-log")
        if not isinstance(current, dict) or current.get("validate_doc_update") != APPEND_ONLY:
            design = dict(DESIGN)
            if isinstance(current, dict):
                design["_rev"] = current["_rev"]
            await self.couch.put("/_design/access-log", design)

    async def start(self) -> None:
        """Start writing in the background (``prepare`` first, once)."""
        self._task = asyncio.create_task(self._run(), name="access-log")

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()

    def record(self, caller: Caller, doc_ids: list[str], how: str) -> None:
        if not doc_ids:
            return
        self.pending.append(
            {
                "_id": f"{_now()}-{uuid.uuid4().hex[:12]}",
                "user": caller.user_name,
                "device": caller.device,
                "at": _now(),
                "doc_ids": doc_ids,
                "how": how,
            }
        )
        while len(self.pending) > MAX_PENDING:
            self.pending.popleft()
            self.dropped += 1
        if len(self.pending) >= MAX_BATCH:
            self._wake.set()

    async def flush(self) -> None:
        """Write what is pending; on failure it stays pending for the next try."""
        while self.pending:
            batch = [self.pending.popleft() for _ in range(min(MAX_BATCH, len(self.pending)))]
            try:
                await self.couch.post("/_bulk_docs", {"docs": batch})
            except Exception as exc:  # CouchError, or httpx's: CouchDB is away; try again later
                self.pending.extendleft(reversed(batch))
                print(
                    f"caseworker gateway: the access log could not be written: {exc}",
                    file=sys.stderr,
                    flush=True,
                )
                return
        if self.dropped:
            print(
                f"caseworker gateway: {self.dropped} access-log entries were dropped "
                "(the log database did not take them in time)",
                file=sys.stderr,
                flush=True,
            )
            self.dropped = 0

    async def _run(self) -> None:
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), FLUSH_SECONDS)
            self._wake.clear()
            await self.flush()
