"""A job's lease: the one document that makes a central job run in one place at a time.

    lease = Lease(couch, "directory", holder="host-1234-ab12", ttl=30.0)
    if await lease.acquire():   # True: this worker now runs the job
        await lease.renew()     # before ``ttl`` runs out; LeaseLost when another took it
        lease.check()           # before each write: LeaseLost once it can no longer be sure
        await lease.release()   # on a clean stop: the next worker need not wait

The lease is ``_local/caseworker-lease-<job>`` in the central database. A ``_local`` document
is never replicated, never in ``_changes`` and never in a view, so it reaches no laptop (an
admin's, which holds every document, included) and its renewals wake no gateway's change
watcher; the gateway's own ``_local`` routes store a user's checkpoints under a per-user prefix,
so no user can read or write it. CouchDB (and PouchDB) check a ``_local`` document's ``_rev``:
every write names the revision it replaces and a 409 means another worker wrote first.

Expiry needs no shared clock. The holder writes how long it promises to renew within
(``ttl``); another worker that sees the same revision unchanged for that long (on its own
monotonic clock, from when it first saw it) takes the lease over, naming that revision. The
holder stops trusting its lease ``ttl`` after it last *sent* a renewal that succeeded, which is
never later than when an observer, who saw the renewal only after it was written, may take over.

In a CouchDB cluster a ``_local`` document is written to its shard's copies by quorum, but the
internal replication that repairs ordinary documents does not repair it: a partition can let
two workers each believe they hold a lease for a while. Jobs are written to bear that (the
directory's writes are idempotent and judged against what is stored).
"""

import contextlib
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from sync.gateway.couch import Couch, CouchError

LEASE_PREFIX = "_local/caseworker-lease-"
_TTL_RANGE = (0.1, 3600.0)  # a lease's own ``ttl`` outside this is not believed


class LeaseLost(Exception):
    """Another worker holds the lease now, or this one cannot be sure it still does."""


@dataclass
class _Seen:
    rev: str
    at: float  # monotonic time it was first seen


def _iso(seconds_from_now: float) -> str:
    when = datetime.now(UTC) + timedelta(seconds=seconds_from_now)
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Lease:
    def __init__(self, couch: Couch, job: str, holder: str, ttl: float) -> None:
        self.couch = couch
        self.job = job
        self.holder = holder
        self.ttl = ttl
        self.path = "/" + LEASE_PREFIX + job
        self.rev: str | None = None  # the revision this worker wrote last, while it holds it
        self.valid_until = 0.0  # monotonic: the holder's own end of certainty
        self.previous_holder: str | None = None  # whom the last acquire took it from
        self._seen: _Seen | None = None

    @property
    def held(self) -> bool:
        return self.rev is not None and time.monotonic() < self.valid_until

    def check(self) -> None:
        """Raise LeaseLost unless the lease is surely still this worker's."""
        if not self.held:
            raise LeaseLost(f"the lease of {self.job} ran out before it could be renewed")

    def _body(self, rev: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "holder": self.holder,
            "ttl": self.ttl,
            "renewed_at": _iso(0),
            "expires_at": _iso(self.ttl),  # for people reading it; workers use ``ttl``
        }
        if rev is not None:
            body["_rev"] = rev
        return body

    async def _write(self, body: dict[str, Any]) -> bool:
        """PUT the lease; True when written, False on a 409 (another worker wrote first)."""
        sent = time.monotonic()
        try:
            answer = await self.couch.put(self.path, body)
        except CouchError as exc:
            if exc.status == 409:
                return False
            raise
        rev = answer.get("rev") if isinstance(answer, dict) else None
        if not isinstance(rev, str):
            raise CouchError(502, {"error": "bad_gateway", "reason": "no rev for the lease"})
        self.rev, self.valid_until = rev, sent + self.ttl
        return True

    async def acquire(self) -> bool:
        """Try once to take the lease: when nobody holds it, it was released, or its holder
        has let it run out. True when this worker holds it now."""
        current = await self.couch.get_or_none(self.path)
        if not isinstance(current, dict) or not isinstance(current.get("_rev"), str):
            self.previous_holder = None
            if current is None:
                return await self._write(self._body(None))
            return False  # not a lease this code wrote: left for a person to look at
        rev: str = current["_rev"]
        holder = current.get("holder")
        mine = holder == self.holder  # left by this worker (it could not release it)
        if holder is not None and not mine and not self._expired(rev, current.get("ttl")):
            return False
        self.previous_holder = holder if isinstance(holder, str) and not mine else None
        self._seen = None
        return await self._write(self._body(rev))

    def _expired(self, rev: str, ttl: object) -> bool:
        """Whether the holder has let revision ``rev`` stand for longer than it promised."""
        now = time.monotonic()
        if self._seen is None or self._seen.rev != rev:
            self._seen = _Seen(rev, now)
            return False
        promised = self.ttl
        if isinstance(ttl, int | float) and not isinstance(ttl, bool) and math.isfinite(ttl):
            promised = min(max(float(ttl), _TTL_RANGE[0]), _TTL_RANGE[1])
        return now - self._seen.at >= promised

    async def renew(self) -> None:
        """Write the lease again in this worker's name; LeaseLost when another took it."""
        if self.rev is None:
            raise LeaseLost(f"the lease of {self.job} is not held")
        if not await self._write(self._body(self.rev)):
            self.rev = None
            raise LeaseLost(f"another worker took the lease of {self.job}")

    async def release(self) -> None:
        """Give the lease up (a clean stop): the next worker takes it without waiting."""
        if self.rev is None:
            return
        body = {"holder": None, "released_by": self.holder, "released_at": _iso(0)}
        rev, self.rev, self.valid_until = self.rev, None, 0.0
        # Taken meanwhile, or the server is away: then it runs out on its own.
        with contextlib.suppress(CouchError, httpx.HTTPError):
            await self.couch.put(self.path, {**body, "_rev": rev})
