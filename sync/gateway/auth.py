"""Who is asking: CouchDB's ``_session`` decides, from the request's own cookie or basic auth.

    caller = await identify(request, couch)     # a Caller, or HTTPError 401

Users, passwords and roles stay in CouchDB's ``_users``: the gateway sends the request's
``Cookie`` and ``Authorization`` headers (nothing else) to CouchDB's ``GET /_session`` and reads
the ``userCtx`` it answers. That answer is cached for a few seconds under a hash of the headers
(never the headers themselves), so a burst of requests costs CouchDB one password check. The
person's queues and patch come from their staff document, read afresh on every request: a
supervisor's change to someone's queues applies at their next request. Whether one of those
queues takes social-media work (and so whether they hold the mentions) comes from the queues'
documents, read with it.
"""

import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from caseworker.access.people import Person, person_from, social_queue, staff_id_of
from sync.gateway.couch import Couch, CouchError, doc_path, loads
from sync.gateway.errors import HTTPError, unauthorized
from sync.gateway.watcher import running

DEVICE_HEADER = "x-caseworker-device"
JSON = "application/json"
CACHE_SECONDS = 10.0
CACHE_ENTRIES = 10_000
_MAX_DEVICE_CHARS = 200


@dataclass(frozen=True)
class Caller:
    person: Person
    user_name: str
    device: str | None  # the X-Caseworker-Device header, as the client sent it (or None)


@dataclass(frozen=True)
class UserCtx:
    name: str
    roles: tuple[str, ...]


class SessionCache:
    """``userCtx`` answers by a hash of the credentials that earned them, for ``seconds``."""

    def __init__(self, seconds: float = CACHE_SECONDS, entries: int = CACHE_ENTRIES) -> None:
        self.seconds = seconds
        self.entries = entries
        self._items: OrderedDict[str, tuple[float, UserCtx]] = OrderedDict()

    def get(self, key: str) -> UserCtx | None:
        item = self._items.get(key)
        if item is None:
            return None
        if item[0] < time.monotonic():
            del self._items[key]
            return None
        return item[1]

    def put(self, key: str, ctx: UserCtx) -> None:
        if self.seconds <= 0:
            return
        self._items[key] = (time.monotonic() + self.seconds, ctx)
        self._items.move_to_end(key)
        while len(self._items) > self.entries:
            self._items.popitem(last=False)


_default_cache = SessionCache()


def credentials_of(request: Request) -> dict[str, str]:
    """The request's own credentials: its AuthSession cookie and its Authorization header."""
    headers: dict[str, str] = {}
    authorization = request.headers.get("authorization")
    if authorization:
        headers["Authorization"] = authorization
    session = request.cookies.get("AuthSession")
    if session:
        headers["Cookie"] = "AuthSession=" + session
    return headers


def peer_of(request: Request) -> dict[str, str]:
    """``X-Forwarded-For`` naming the client the gateway itself sees (never one the client
    claims): CouchDB locks a name out per name and address after repeated wrong passwords,
    and without it every client would share the gateway's address."""
    return {"X-Forwarded-For": request.client.host} if request.client else {}


def _cache_key(credentials: dict[str, str]) -> str:
    text = "\n".join(f"{k}:{v}" for k, v in sorted(credentials.items()))
    return hashlib.sha256(text.encode()).hexdigest()


async def user_ctx(request: Request, couch: Couch, cache: SessionCache | None = None) -> UserCtx:
    """The user CouchDB signs the request in as; ``HTTPError`` 401 when none."""
    cache = cache if cache is not None else _default_cache
    credentials = credentials_of(request)
    if not credentials:
        raise unauthorized()
    key = _cache_key(credentials)
    known = cache.get(key)
    if known is not None:
        return known
    response = await couch.forward(
        "GET", "/_session", headers={**credentials, **peer_of(request), "Accept": JSON}
    )
    if response.status_code in (401, 403):
        raise unauthorized("Name or password is incorrect.")
    if response.status_code >= 400:
        raise HTTPError(502, "bad_gateway", "the database could not check the sign-in")
    ctx = _parse_user_ctx(response.content)
    if ctx is None:
        raise unauthorized()
    cache.put(key, ctx)
    return ctx


def _parse_user_ctx(content: bytes) -> UserCtx | None:
    try:
        answer: Any = loads(content)
    except ValueError:
        return None
    ctx = answer.get("userCtx") if isinstance(answer, dict) else None
    name = ctx.get("name") if isinstance(ctx, dict) else None
    if not isinstance(name, str) or not name:
        return None
    roles = ctx.get("roles") if isinstance(ctx, dict) else None
    kept = tuple(r for r in roles if isinstance(r, str)) if isinstance(roles, list) else ()
    return UserCtx(name, kept)


async def person_of(couch: Couch, ctx: UserCtx, *, shared: bool = False) -> Person:
    """The person: roles from ``_users``, queues and patch from their staff document.
    ``shared``: for a read, the staff document may be the one read for another request since
    the last change the gateway's watcher saw (a change to it is a change the watcher sees)."""
    staff_id = staff_id_of(ctx.roles)
    staff_doc = None
    if staff_id is not None:
        watcher = running(couch) if shared else None

        async def look() -> Any:
            try:
                return await couch.get_or_none(doc_path(staff_id))
            except CouchError as exc:
                if exc.status != 400:  # an id CouchDB will not look up (e.g. "_foo")
                    raise
                return None

        staff_doc = await (watcher.as_of_now(("staff", staff_id), look) if watcher else look())
    staff = staff_doc if isinstance(staff_doc, dict) else None
    social = await _social_queues(couch, staff, shared=shared)
    return person_from(ctx.name, ctx.roles, staff, social)


async def _social_queues(
    couch: Couch, staff_doc: dict[str, Any] | None, *, shared: bool
) -> frozenset[str]:
    """Which of the staff document's queues take social-media work (``social_queue``): one
    ``_all_docs`` for all of them, shared between reads as the staff document is."""
    listed = staff_doc.get("queue_ids") if staff_doc is not None else None
    ids = sorted({q for q in listed if isinstance(q, str)}) if isinstance(listed, list) else []
    if not ids:
        return frozenset()

    async def look() -> frozenset[str]:
        answer = await couch.post("/_all_docs", {"keys": ids}, params={"include_docs": "true"})
        rows = answer.get("rows") if isinstance(answer, dict) else None
        if not isinstance(rows, list):
            raise CouchError(502, {"error": "bad_gateway", "reason": "the database sent no rows"})
        docs = [r.get("doc") for r in rows if isinstance(r, dict)]
        mine = [d for d in docs if isinstance(d, dict) and d.get("_id") in ids]
        return frozenset(d["_id"] for d in mine if social_queue(d))

    watcher = running(couch) if shared else None
    found: frozenset[str] = await (
        watcher.as_of_now(("queues", tuple(ids)), look) if watcher else look()
    )
    return found


def device_of(request: Request) -> str | None:
    device = request.headers.get(DEVICE_HEADER)
    if not device:
        return None
    return "".join(c for c in device if c.isprintable())[:_MAX_DEVICE_CHARS] or None


async def identify(
    request: Request, couch: Couch, cache: SessionCache | None = None, *, shared: bool = False
) -> Caller:
    """The caller of ``request``; ``HTTPError`` 401 when CouchDB signs no one in with it.
    ``shared``: a read (``person_of``)."""
    ctx = await user_ctx(request, couch, cache)
    person = await person_of(couch, ctx, shared=shared)
    return Caller(person, ctx.name, device_of(request))
