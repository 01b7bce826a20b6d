"""One CouchDB change feed per gateway process, shared by every long-polling client.

    watcher = await shared(couch)
    mark = watcher.mark()                 # before looking at CouchDB for the client
    ...nothing due for the client...
    if await watcher.wait(mark, concerns, timeout): ...look again...

The watcher follows CouchDB's ``_changes`` (long-poll, with the documents) and keeps a short
digest of each recent change: its id, its root, whether it is a deletion, and, for a case, the
case keys it is held through. A waiting client is woken only by a change that can concern it
(under a root it holds, a case now held through one of its keys, its own staff document, a
deletion it cannot place), so 500 waiting clients cost one CouchDB feed and a change costs a
CouchDB request only for the clients it concerns. Memory is bounded: at most ``KEEP`` digests;
a client that falls behind them (or a watcher that restarted) is simply woken to look again,
which is always safe, since every client looks at CouchDB itself before answering.
"""

import asyncio
import contextlib
import itertools
import json
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from caseworker.access.channels import case_keys, is_id_of, root_of
from sync.gateway.couch import Couch, CouchError
from sync.gateway.flights import Flights
from sync.gateway.long_poll import long_poll

KEEP = 10_000  # change digests kept
POLL_SECONDS = 30.0  # one CouchDB long-poll (PouchDB Server ignores ``timeout``: cut here)
BATCH = 500
SCOPES_KEPT = 10_000  # clients' scopes remembered between their requests
SHARED_ANSWERS = 4096  # answers ``once`` keeps for clients woken by the same change
IDLE_SECONDS = 120.0  # the feed stops when no client has waited for this long
_RETRY_MAX = 30.0


@dataclass(frozen=True)
class Change:
    doc_id: str
    root: str | None
    deleted: bool
    keys: frozenset[str]  # a case's keys (empty for anything else)
    seq: Any = None  # CouchDB's, opaque
    revs: tuple[str, ...] = ()  # the leaf revisions the change names
    citizen: str | None = None  # a live case's citizen (None for anything else)


@dataclass(frozen=True)
class Wake:
    changes: list["Change"]  # those that may concern the client ([]: the time ran out)
    seq: Any  # every change up to this CouchDB sequence was looked at


@dataclass(frozen=True)
class Mark:
    generation: int
    position: int
    covered: Any = None  # the CouchDB sequence every change before ``position`` reaches


Concerns = Callable[[Change], bool]


class Watcher:
    def __init__(self, couch: Couch, *, keep: int = KEEP, poll_seconds: float = POLL_SECONDS):
        self.couch = couch
        self.poll_seconds = poll_seconds
        self.loop = asyncio.get_running_loop()
        self._changes: deque[Change] = deque(maxlen=keep)
        self._position = 0  # changes seen since this watcher started
        self._generation = 0
        self._seq: Any = None  # where the next CouchDB long-poll starts
        self._covered: Any = None  # the same, once its changes are in ``_changes``
        self._condition = asyncio.Condition()
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._waiting = 0
        self._last_wait = self.loop.time()
        self._scopes: OrderedDict[Hashable, tuple[Any, frozenset[str]]] = OrderedDict()
        self._shared = Flights(SHARED_ANSWERS)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        """Follow CouchDB from now on; returns once the feed knows where "now" is."""
        self._last_wait = self.loop.time()
        if not self.running:
            self._ready.clear()
            self._generation += 1
            self._task = asyncio.create_task(self._follow(), name="gateway-change-watcher")
        await self._ready.wait()

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None

    def mark(self) -> Mark:
        return Mark(self._generation, self._position, self._covered)

    async def wait(self, mark: Mark, concerns: Concerns, timeout: float) -> Wake | None:
        """The changes after ``mark`` that may concern the client, once there are any, or
        none when ``timeout`` seconds pass first; None when the watcher lost track (anything
        may have happened)."""
        deadline = self.loop.time() + timeout
        self._waiting += 1
        try:
            async with self._condition:
                position = mark.position
                while True:
                    if mark.generation != self._generation or not self.running:
                        return None
                    oldest = self._position - len(self._changes)
                    if position < oldest:
                        return None  # fell behind what is kept
                    found = [
                        change
                        for change in itertools.islice(self._changes, position - oldest, None)
                        if concerns(change)
                    ]
                    if found:
                        return Wake(found, self._covered)
                    position = self._position
                    remaining = deadline - self.loop.time()
                    if remaining <= 0:
                        return Wake([], self._covered)
                    try:
                        await asyncio.wait_for(self._condition.wait(), remaining)
                    except TimeoutError:
                        return Wake([], self._covered)
        finally:
            self._waiting -= 1
            self._last_wait = self.loop.time()

    async def once(self, key: Hashable, look: Callable[[], Awaitable[Any]]) -> Any:
        """``look()``'s answer, asked once for every client woken by the same change (``key``
        names the question and the feed position it was asked at, so an answer is never
        reused once CouchDB has moved on); ``flights.Flights``."""
        return await self._shared.ask(key, look)

    def at(self, seq: Any) -> bool:
        """Whether the feed is at ``seq`` (every change up to it is in the digest, and none
        after it is known yet)."""
        return self.running and self._covered is not None and seq == self._covered

    async def as_of_now(self, what: Hashable, look: Callable[[], Awaitable[Any]]) -> Any:
        """``look()``'s answer shared by every request asking ``what`` while the feed stays
        where it is: CouchDB is asked again once a change has been seen (so an answer is at
        most as old as the watcher's view of the feed)."""
        if not self.running or self._covered is None:
            return await look()
        covered = json.dumps(self._covered, sort_keys=True, default=str)
        return await self.once((what, self._generation, covered), look)

    def remember_scope(
        self, held: str, person: Hashable, roots: frozenset[str], accurate_at: Any
    ) -> None:
        """That snapshot ``held`` is ``person``'s scope (for their roles and keys) as of the
        CouchDB sequence ``accurate_at``."""
        if accurate_at is None:
            return
        self._scopes[(held, person)] = (accurate_at, roots)
        self._scopes.move_to_end((held, person))
        while len(self._scopes) > SCOPES_KEPT:
            self._scopes.popitem(last=False)

    def scope(self, held: str, person: Hashable, seq: Any) -> frozenset[str] | None:
        """The roots remembered for ``held`` and ``person`` when they are still true: they
        were found as of ``seq``, and the feed has not moved on since; else None."""
        known = self._scopes.get((held, person))
        if known is None or not self.running or seq is None:
            return None
        accurate_at, roots = known
        return roots if seq == accurate_at == self._covered else None

    # -- the feed --------------------------------------------------------------------------

    async def _follow(self) -> None:
        failures = 0
        try:
            while True:
                if self._waiting == 0 and self.loop.time() - self._last_wait > IDLE_SECONDS:
                    return
                try:
                    if self._seq is None or not self._ready.is_set():
                        info = await self.couch.get("")
                        self._seq = info.get("update_seq") if isinstance(info, dict) else None
                        if self._seq is None:
                            raise CouchError(502, {"error": "bad_gateway", "reason": "no seq"})
                        self._covered = self._seq
                        self._ready.set()
                    await self._poll()
                    failures = 0
                except (CouchError, httpx.HTTPError, ValueError):
                    failures += 1
                    await self._lost_track()
                    await asyncio.sleep(min(_RETRY_MAX, 0.5 * 2**failures))
                except RuntimeError:  # the HTTP client was closed: the gateway is stopping
                    return
        finally:
            self._ready.set()  # nobody waits for a feed that is gone
            await self._lost_track()

    async def _poll(self) -> None:
        polled = await long_poll(
            self.couch, self._seq, self.poll_seconds, BATCH, style="all_docs", include_docs="true"
        )
        if polled is None:
            return  # nothing changed
        results, last_seq = polled
        digests = [d for d in (_digest(r) for r in results) if d is not None]
        async with self._condition:  # the changes and the sequence that covers them, at once
            if last_seq is not None:
                if last_seq != self._covered:
                    # Shared answers hold for one position of the feed: those kept for an
                    # earlier one go (their tasks still answer whoever awaits them), so the
                    # memory they take is bounded by what one position's clients ask.
                    self._shared.clear()
                self._seq = self._covered = last_seq
            if digests:
                self._changes.extend(digests)
                self._position += len(digests)
                self._condition.notify_all()

    async def _lost_track(self) -> None:
        """Changes may have been missed: every waiting client looks again."""
        async with self._condition:
            self._generation += 1
            self._condition.notify_all()


def _digest(result: Any) -> Change | None:
    if not isinstance(result, dict) or not isinstance(result.get("id"), str):
        return None
    doc_id: str = result["id"]
    doc = result.get("doc")
    body: Mapping[str, Any] | None = doc if isinstance(doc, dict) else None
    deleted = bool(result.get("deleted")) or bool(body and body.get("_deleted"))
    if deleted:
        body = None
    is_case = body is not None and body.get("type") == "case"
    keys = case_keys(body) if body is not None and is_case else frozenset()
    citizen = body.get("citizen_id") if body is not None and is_case else None
    revs = tuple(
        c["rev"]
        for c in result.get("changes") or ()
        if isinstance(c, dict) and isinstance(c.get("rev"), str)
    )
    return Change(
        doc_id,
        root_of(doc_id, body),
        deleted,
        keys,
        result.get("seq"),
        revs,
        citizen if is_id_of(citizen, "citizen") else None,
    )


_watchers: dict[Couch, Watcher] = {}


async def shared(couch: Couch) -> Watcher:
    """The process's watcher of ``couch``'s database, started (one per event loop)."""
    loop = asyncio.get_running_loop()
    for other, stale in list(_watchers.items()):
        if stale.loop.is_closed():  # an app whose loop has gone (tests start many)
            del _watchers[other]
    watcher = _watchers.get(couch)
    if watcher is None or watcher.loop is not loop:
        watcher = Watcher(couch)
        _watchers[couch] = watcher
    await watcher.start()
    return watcher


def running(couch: Couch) -> Watcher | None:
    """``couch``'s watcher when one is following the feed on this event loop, else None."""
    watcher = _watchers.get(couch)
    if watcher is None or not watcher.running:
        return None
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return watcher if watcher.loop is loop else None


async def close(couch: Couch) -> None:
    """Stop ``couch``'s watcher (the app's shutdown)."""
    watcher = _watchers.pop(couch, None)
    if watcher is not None and watcher.loop is asyncio.get_running_loop():
        await watcher.aclose()
