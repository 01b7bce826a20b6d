"""``GET /{db}/_changes`` through the gateway: only the caller's scope, in CouchDB's shape.

    response = await handle(request, couch, caller, log=access_log)

``feed=normal`` (the default) and ``feed=longpoll``; every answer is ``style=all_docs``. A
normal feed asked ``include_docs=true`` carries the documents still at their first revision
(``feed``); otherwise rows carry none (the client asks ``_bulk_get``). ``since`` and
``last_seq`` are the gateway's own tokens (``tokens``), never CouchDB's sequences. What an
answer holds is ``feed``'s business; here: the parameters, the bounds, and waiting on the
process's shared ``watcher``.

A long-poll waits only while nothing is due, and wakes when a change may concern the caller;
it then identifies the caller again (their staff document may have changed) and looks again.
"""

import asyncio
import json
from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from caseworker.access.channels import EVERYTHING, person_case_keys, shared_roots
from caseworker.access.people import Person
from sync.gateway import backfill, snapshots
from sync.gateway import watcher as watching
from sync.gateway.access_log import AccessLog
from sync.gateway.auth import Caller, identify
from sync.gateway.couch import Couch, CouchError
from sync.gateway.errors import HTTPError, bad_request
from sync.gateway.feed import Answer, Feed
from sync.gateway.scope import roots_for
from sync.gateway.tokens import decode, encode
from sync.gateway.watcher import Change

MAX_LIMIT = 10_000  # rows per answer, whatever a client asks (memory per request is bounded)
DEFAULT_TIMEOUT = 60.0  # seconds a long-poll waits, as CouchDB
MAX_TIMEOUT = 300.0
FEEDS = ("normal", "longpoll")


async def handle(
    request: Request, couch: Couch, caller: Caller, *, log: AccessLog | None = None
) -> Response:
    query = request.query_params
    feed_kind = query.get("feed", "normal")
    if feed_kind not in FEEDS:
        raise bad_request("the gateway's change feed is normal or longpoll")
    limit = _limit(query.get("limit"))
    timeout = _timeout(query.get("timeout"))
    since = query.get("since")
    try:
        if feed_kind == "longpoll":
            answer = await _longpoll(request, couch, caller, since, limit, timeout, log)
        else:
            with_docs = query.get("include_docs") == "true"
            answer = await _feed(couch, caller, log, with_docs=with_docs).answer(since, limit)
    except CouchError as exc:
        if exc.status == 400:
            raise bad_request("since is not a sequence of this change feed") from exc
        raise HTTPError(502, "bad_gateway", "the database did not answer the change feed") from exc
    body = {"results": answer.rows, "last_seq": encode(answer.last), "pending": answer.pending}
    return JSONResponse(body)


def _feed(
    couch: Couch,
    caller: Caller,
    log: AccessLog | None,
    known: frozenset[str] | None = None,
    watcher: watching.Watcher | None = None,
    *,
    with_docs: bool = False,
) -> Feed:
    async def roots() -> frozenset[str]:
        if known is not None:
            return known
        return await roots_for(couch, caller.person, shared=True)

    def logged(doc_ids: list[str], roots: Sequence[str | None]) -> None:
        """Documents listed under a root gained, or sent whole: each in the access log."""
        if log is not None:
            log.record(caller, doc_ids, "changes", roots=roots)

    caught_up = watcher.at if watcher is not None else None
    return Feed(
        couch,
        caller.user_name,
        roots,
        on_backfill=logged,
        caught_up=caught_up,
        with_docs=with_docs,
        on_docs=logged,
    )


async def _longpoll(
    request: Request,
    couch: Couch,
    caller: Caller,
    since: str | None,
    limit: int,
    timeout: float,
    log: AccessLog | None,
) -> Answer:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    roots: frozenset[str] | None = None  # None: found afresh
    while True:
        watcher = await watching.shared(couch)
        mark = watcher.mark()  # before looking: nothing after the look can slip by
        answer = _unchanged(watcher, caller.person, since) if roots is None else None
        if answer is None:
            answer = await _feed(couch, caller, log, roots, watcher).answer(since, limit)
        remaining = deadline - loop.time()
        if answer.rows or remaining <= 0:
            return _remembered(watcher, caller.person, answer, mark.covered)
        since = encode(answer.last)
        if answer.pending:
            roots = answer.roots
            continue  # a long stretch of others' changes was skipped: more to look at first
        known = answer.roots | answer.held_before
        woken = await watcher.wait(mark, _concerns(caller.person, answer.roots, known), remaining)
        if woken is not None and not woken.changes:
            return _remembered(watcher, caller.person, answer, mark.covered)  # time ran out
        # Only a case entering or leaving, or the caller's own staff document, changes a
        # scope: for anything else (the usual edit) the scope just found still holds, and the
        # answer is made from the watcher's digest without a look at CouchDB.
        changes = woken.changes if woken is not None else []
        own = woken is None or any(c.doc_id == caller.person.staff_id for c in changes)
        if own:
            caller = await identify(request, couch, shared=True)
        moving = [c for c in changes if _moves_scope(c, answer.roots, caller.person)]
        if woken is not None and not own and moving:
            gained = _gained(answer.roots, moving)
            if gained:
                grown = await _after_growth(
                    couch, caller, log, watcher, answer, woken, gained, limit
                )
                if grown is not None:
                    return _remembered(watcher, caller.person, grown, _true_at(woken, gained))
        roots = answer.roots
        if own or moving:
            roots = await roots_for(couch, caller.person, shared=True)
        if woken is not None and roots == answer.roots:
            quick = _from_digest(answer, woken, known, limit)
            if quick is not None:
                return _remembered(watcher, caller.person, quick, _true_at(woken))


def _unchanged(watcher: watching.Watcher, person: Person, since: str | None) -> Answer | None:
    """The empty answer to a client back for more when nothing has happened since its last
    answer (CouchDB's feed is where that answer left it, as far as this process's watcher
    knows, and the person is who they were): its scope is as it was, and looking at CouchDB
    again would find nothing. None: look."""
    position = decode(since)
    if position is None or position.cursor is not None or position.old is not None:
        return None
    if position.held is None:
        return None
    roots = watcher.scope(position.held, _fingerprint(person), position.seq)
    if roots is None:
        return None
    return Answer([], position, 0, roots, roots)


def _remembered(
    watcher: watching.Watcher, person: Person, answer: Answer, accurate_at: Any
) -> Answer:
    """``answer``, its scope remembered for the client's next request (``_unchanged``):
    ``accurate_at`` is a CouchDB sequence the scope is known to be true for (the feed's
    position before the scope was looked up, or the change the client was woken by)."""
    last = answer.last
    if last.cursor is None and last.old is None and last.held is not None and not answer.pending:
        watcher.remember_scope(last.held, _fingerprint(person), answer.roots, accurate_at)
    return answer


def _true_at(woken: watching.Wake, entered: frozenset[str] = frozenset()) -> Any:
    """The sequence a scope answered from the digest is known true at: the change woken by,
    unless a case already held changed (its citizen may have changed, which the digest cannot
    tell: the client's next request looks at CouchDB)."""
    for change in woken.changes:
        if change.doc_id.startswith("case:") and change.doc_id not in entered:
            return None
    return woken.seq


def _fingerprint(person: Person) -> tuple[frozenset[str], frozenset[str]]:
    """All of a person that their roots depend on, besides the central database."""
    return shared_roots(person), person_case_keys(person)


def _moves_scope(change: Change, roots: frozenset[str], person: Person) -> bool:
    """Whether a case change may take the case into or out of this person's scope (a case
    that stays held may still change its citizen: the next answer's fresh look sees that)."""
    if not change.doc_id.startswith("case:") or EVERYTHING in roots:
        return False
    held = change.doc_id in roots
    holds = not change.deleted and bool(change.keys & person_case_keys(person))
    return held != holds


def _gained(roots: frozenset[str], moving: list[Change]) -> frozenset[str]:
    """The roots a person gains when every scope-moving change is a case entering it (the
    case, and its citizen); empty when any case leaves (that needs a look at CouchDB)."""
    gained: set[str] = set()
    for change in moving:
        if change.doc_id in roots:
            return frozenset()
        gained.add(change.doc_id)
        if change.citizen is not None:
            gained.add(change.citizen)
    return frozenset(gained - roots)


async def _after_growth(
    couch: Couch,
    caller: Caller,
    log: AccessLog | None,
    watcher: watching.Watcher,
    answer: Answer,
    woken: watching.Wake,
    gained: frozenset[str],
    limit: int,
) -> Answer | None:
    """The answer to a client whose scope grew by ``gained`` (new cases in their queue, say)
    and nothing else: everything under those roots, listed once for every client woken by the
    same change (``Watcher.once``), then the watcher's digest. None when it does not fit one
    answer, or the client is mid-transition: then the full way."""
    last = answer.last
    if last.cursor is not None or woken.seq is None or len(woken.changes) > limit:
        return None
    names = sorted(gained)
    key = ("gained", tuple(names), json.dumps(woken.seq, sort_keys=True, default=str))

    async def listing() -> tuple[list[backfill.Row], backfill.Place | None]:
        return await backfill.page(couch, names, backfill.Place(), limit)

    found, more = await watcher.once(key, listing)
    if more is not None:
        return None
    roots = answer.roots | gained
    held = await snapshots.save(couch, caller.user_name, roots)
    # Resuming from a listed row looks again from where the client was: nothing is skipped.
    rows: list[dict[str, Any]] = [
        {"seq": encode(last), "id": row.doc_id, "changes": [{"rev": r} for r in row.revs]}
        for row in found
    ]
    listed = {row.doc_id for row in found}
    after = last.moved(held=held)
    rest = _from_digest(
        Answer([], after, 0, roots, answer.held_before),
        woken,
        answer.held_before | roots,
        limit - len(rows),
        skip=listed,
    )
    if rest is None and any(c.doc_id not in listed for c in woken.changes):
        return None  # a change the digest cannot place (a bare tombstone)
    rows += rest.rows if rest is not None else []
    if not rows:
        return None
    if log is not None and found:
        log.record(caller, [r.doc_id for r in found], "changes", roots=[r.root for r in found])
    return Answer(rows, after.moved(seq=woken.seq), 0, roots, answer.held_before)


def _from_digest(
    answer: Answer,
    woken: watching.Wake,
    known: frozenset[str],
    limit: int,
    skip: frozenset[str] | set[str] = frozenset(),
) -> Answer | None:
    """The answer to a client woken by ``woken`` whose scope did not change, from the
    watcher's digest; None when a look at CouchDB is needed after all."""
    last = answer.last
    if last.cursor is not None or len(woken.changes) > limit or woken.seq is None:
        return None
    everything = EVERYTHING in answer.roots
    rows: list[dict[str, Any]] = []
    for change in woken.changes:
        if change.doc_id.startswith(("_design/", "_local/")) or not change.revs:
            continue
        if change.doc_id in skip:
            continue
        if change.deleted and change.root is None and not everything:
            return None  # a bare tombstone: its root is in the revision before
        scope = known if change.deleted else answer.roots
        if not everything and change.root not in scope:
            continue
        row: dict[str, Any] = {
            "seq": encode(last.moved(seq=change.seq)),
            "id": change.doc_id,
            "changes": [{"rev": rev} for rev in change.revs],
        }
        if change.deleted:
            row["deleted"] = True
        rows.append(row)
    if not rows:
        return None
    return Answer(rows, last.moved(seq=woken.seq), 0, answer.roots, answer.held_before)


def _concerns(person: Person, roots: frozenset[str], known: frozenset[str]) -> watching.Concerns:
    """Whether a change may be due to this caller: under a root they hold, a deletion under
    one they held (or one that cannot be placed without a look), a case now held through one
    of their keys, or their own staff document (their queues or patch)."""
    everything = EVERYTHING in roots
    keys = person_case_keys(person)
    staff_id = person.staff_id

    def concerns(change: Change) -> bool:
        if everything:
            return not change.doc_id.startswith("_design/")
        if change.root is not None and change.root in roots:
            return True
        if change.deleted and (change.root is None or change.root in known):
            return True
        return bool(change.keys & keys) or change.doc_id == staff_id

    return concerns


def _limit(text: str | None) -> int:
    if text is None:
        return MAX_LIMIT
    value = _number(text, "limit")
    return max(1, min(MAX_LIMIT, int(value)))


def _timeout(text: str | None) -> float:
    if text is None:
        return DEFAULT_TIMEOUT
    value = _number(text, "timeout")
    return max(0.0, min(MAX_TIMEOUT, value / 1000.0))


def _number(text: str, name: str) -> float:
    try:
        value: Any = int(text)
    except ValueError:
        raise bad_request(f"{name} must be a whole number") from None
    if value < 0:
        raise bad_request(f"{name} must not be negative")
    return float(min(value, 2**31))
