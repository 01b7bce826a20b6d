"""Scope snapshots: the roots a user held, kept in CouchDB as ``_local`` documents so that any
gateway process can tell, from a client's token, what the client may still hold.

    digest = await save(couch, "anna", roots)        # idempotent, content-addressed
    roots = await load(couch, "anna", digest)         # None: unknown, damaged, or not anna's

A snapshot's name is a hash of the user's name and the sorted roots, and it records the user:
a token naming another user's snapshot (or a made-up one) loads as nothing, so it can never
make the gateway list another user's documents as removed. ``_local`` documents are neither
replicated nor reachable by clients (the gateway keeps their checkpoints under other names).
A large scope is split over several documents so none passes CouchDB's document size limit.
"""

import hashlib
from collections import OrderedDict
from collections.abc import Iterable

from sync.gateway.couch import Couch, CouchError, doc_path
from sync.gateway.flights import Flights

PREFIX = "_local/caseworker-scope-"
PART_ROOTS = 20_000  # roots per document: ~1 MB, far below CouchDB's 8 MB default
_CACHED_ROOTS = 500_000  # roots remembered per process (content-addressed: never stale)

_cached_roots = 0
_writing = Flights(keep=10_000, forget_done=True)
_cache: "OrderedDict[tuple[str, str], tuple[str, frozenset[str]]]" = OrderedDict()


def digest(user: str, roots: Iterable[str]) -> str:
    text = "\n".join([user, *sorted(roots)])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


async def save(couch: Couch, user: str, roots: frozenset[str]) -> str:
    """Keep ``roots`` as ``user``'s snapshot (once: later saves of the same scope are free);
    its hash."""
    key = digest(user, roots)
    if _cached(couch, key, user) is not None:
        return key

    # One write for the many requests of one user that find the same new scope at once
    # (every device of theirs woken by one change); a failed write is tried again by the next.
    async def write() -> None:
        await _write(couch, key, user, roots)

    await _writing.ask((couch.db_url, key), write)
    return key


async def _write(couch: Couch, key: str, user: str, roots: frozenset[str]) -> None:
    ordered = sorted(roots)
    parts = [ordered[i : i + PART_ROOTS] for i in range(0, len(ordered), PART_ROOTS)] or [[]]
    for number, part in enumerate(parts[1:], start=1):
        await _put(couch, f"{PREFIX}{key}-{number}", {"roots": part})
    # the head last: a snapshot whose head exists is whole
    await _put(couch, PREFIX + key, {"user": user, "parts": len(parts), "roots": parts[0]})
    _remember(couch, key, user, roots)


async def load(couch: Couch, user: str, key: str | None) -> frozenset[str] | None:
    """The roots of ``user``'s snapshot ``key``; None when there is none by that name, it is
    someone else's, or it does not hash to its name."""
    if key is None:
        return None
    cached = _cached(couch, key, user)
    if cached is not None:
        return cached
    head = await couch.get_or_none(doc_path(PREFIX + key))
    if not isinstance(head, dict) or head.get("user") != user:
        return None
    count = head.get("parts")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 10_000:
        return None
    roots = _roots(head)
    for number in range(1, count):
        part = await couch.get_or_none(doc_path(f"{PREFIX}{key}-{number}"))
        more = _roots(part) if isinstance(part, dict) else None
        if roots is None or more is None:
            return None
        roots += more
    if roots is None:
        return None
    scope = frozenset(roots)
    if digest(user, scope) != key:
        return None
    _remember(couch, key, user, scope)
    return scope


def _roots(doc: dict[str, object]) -> list[str] | None:
    roots = doc.get("roots")
    if not isinstance(roots, list) or not all(isinstance(r, str) for r in roots):
        return None
    return list(roots)


async def _put(couch: Couch, doc_id: str, body: dict[str, object]) -> None:
    try:
        await couch.put(doc_path(doc_id), body)
    except CouchError as exc:
        if exc.status != 409:  # already there: same name, same content
            raise


def _cached(couch: Couch, key: str, user: str) -> frozenset[str] | None:
    entry = _cache.get((couch.db_url, key))
    if entry is None or entry[0] != user:
        return None
    _cache.move_to_end((couch.db_url, key))
    return entry[1]


def _remember(couch: Couch, key: str, user: str, roots: frozenset[str]) -> None:
    global _cached_roots
    name = (couch.db_url, key)
    if name not in _cache:
        _cached_roots += len(roots)
    _cache[name] = (user, roots)
    _cache.move_to_end(name)
    while _cached_roots > _CACHED_ROOTS and len(_cache) > 1:
        _, (_, dropped) = _cache.popitem(last=False)
        _cached_roots -= len(dropped)
