"""One answer of a user's change feed: the scope change they are owed, then CouchDB's changes
they may read.

Per answer the user's roots are recomputed from the server (``roots_of``); the token only says
where the client is (``tokens``) and which scope it held (a ``snapshots`` hash). When the scope
differs from what the client holds, a *transition* runs before anything else:

1. every live document under a root gained is sent as an ordinary change, with all its leaf
   revisions (``backfill``);
2. every live document under a root lost is sent as ``"removed": true`` with its winner (the
   laptop purges it; nothing is deleted on the server);
3. then CouchDB's ``_changes`` from the token's sequence, filtered: a live document if the user
   may read its winner now, a deletion if its root was held before or is held now.

A transition that is interrupted by another scope change starts again from what the client may
hold (everything held or being moved to) and what it surely holds whole (held and kept), so no
root is lost track of. Rows carry no documents, and the client asks ``_bulk_get``, which
judges each revision again; except, when the client asks ``include_docs``, a document still at
its first revision, the only one it has: the feed has just read and judged that very body, and
it is written to the access log as served before the answer leaves.
"""

import bisect
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from caseworker.access.channels import EVERYTHING, may_read, root_of
from caseworker.store import incoming
from sync.gateway import backfill, snapshots, tombstones
from sync.gateway.couch import Couch, CouchError
from sync.gateway.tokens import Cursor, Position, decode, encode

CHANGES_PAGE = 1000  # CouchDB changes read per request to CouchDB
SCAN_MAX = 50_000  # CouchDB changes read per answer at most (the rest: next answer)
LOWEST = 0  # CouchDB and PouchDB Server both read since=0 as the start of the feed

RootsOf = Callable[[], Awaitable[frozenset[str]]]
OnSent = Callable[[list[str], list[str]], None]  # ids sent, and their roots
OnServed = Callable[[list[str], list[str | None]], None]  # documents sent whole, their roots


@dataclass(frozen=True)
class Answer:
    rows: list[dict[str, Any]]
    last: Position
    pending: int  # 0 once caught up with CouchDB
    roots: frozenset[str]  # the scope the answer was made for
    held_before: frozenset[str]  # what the client held when it asked


class Feed:
    def __init__(
        self,
        couch: Couch,
        user: str,
        roots_of: RootsOf,
        *,
        on_backfill: OnSent | None = None,
        caught_up: Callable[[Any], bool] | None = None,
        with_docs: bool = False,
        on_docs: OnServed | None = None,
    ) -> None:
        self.couch = couch
        self.user = user
        self.roots_of = roots_of
        self.on_backfill = on_backfill
        # first revisions sent whole (``include_docs``), and whom to tell before they leave
        self.with_docs = with_docs
        self.on_docs = on_docs
        self._served: list[tuple[str, str | None]] = []
        # whether nothing is known to have happened after a sequence (a long-poll's watcher):
        # then CouchDB's feed is not asked, and the watcher brings what comes next
        self.caught_up = caught_up

    async def answer(self, since: str | None, limit: int) -> Answer:
        roots = await self.roots_of()
        target = await snapshots.save(self.couch, self.user, roots)
        if since == "now":
            return Answer([], Position(await self._seq_now(), target), 0, roots, roots)
        position = decode(since) or Position(None, None)
        held = await self._load(position.held) or frozenset()
        old = await self._load(position.old) or frozenset()
        position, base, held = await self._transition(position, held, roots, target)
        rows: list[dict[str, Any]] = []
        while position.cursor is not None and len(rows) < limit:
            position = await self._move(position, base, held, roots, rows, limit, old)
        pending = 1
        if position.cursor is None and self.caught_up is not None and self.caught_up(position.seq):
            pending = 0  # ``old`` stays: a deletion under it may still be on its way
        elif position.cursor is None and len(rows) < limit:
            known = roots | held | old
            position, caught_up = await self._changes(position, roots, known, rows, limit)
            pending = 0 if caught_up else 1
        if self._served and self.on_docs is not None:
            self.on_docs([i for i, _ in self._served], [r for _, r in self._served])
        return Answer(rows, position, pending, roots, held | old)

    # -- scope transitions ---------------------------------------------------------------

    async def _transition(
        self, position: Position, held: frozenset[str], roots: frozenset[str], target: str
    ) -> tuple[Position, frozenset[str], frozenset[str]]:
        """The position to go on from, the roots the client holds whole and those it may
        hold documents of: a transition under way, a new one, or none."""
        cursor = position.cursor
        if cursor is not None:
            base = await self._load(cursor.base)
            moving_to = await self._load(cursor.target)
            if base is not None and moving_to is not None and cursor.target == target:
                return position, base, held
            # the scope changed again (or the token was tampered with): start over from what
            # the client may hold and what it surely holds whole
            moving_to = moving_to or frozenset()
            held, base = held | moving_to, (base or frozenset()) & moving_to
        elif position.held == target and position.seq is not None:
            return position, held, held
        else:
            base = held
        begun, base, held = await self._begin(position.seq, held, base, roots, target)
        return begun.moved(old=position.old), base, held

    async def _begin(
        self,
        seq: Any,
        held: frozenset[str],
        base: frozenset[str],
        roots: frozenset[str],
        target: str,
    ) -> tuple[Position, frozenset[str], frozenset[str]]:
        if not held or seq is None:
            seq = await self._seq_now()  # nothing held: what is gained is everything
        if EVERYTHING in roots and EVERYTHING not in base:
            seq = LOWEST  # everything is gained: the whole feed, not the roots view
        held_key = await snapshots.save(self.couch, self.user, held)
        base_key = await snapshots.save(self.couch, self.user, base)
        return Position(seq, held_key, Cursor(base_key, target)), base, held

    async def _move(
        self,
        position: Position,
        base: frozenset[str],
        held: frozenset[str],
        roots: frozenset[str],
        rows: list[dict[str, Any]],
        limit: int,
        old: frozenset[str],  # held before an earlier change the feed has not caught up with
    ) -> Position:
        """One page of the transition into ``rows``; the position after it."""
        cursor = position.cursor
        assert cursor is not None
        gaining = cursor.phase == 1
        names: list[str] = []
        if EVERYTHING not in roots:  # else nothing to remove, and the whole feed brings the rest
            listed = (roots - base) if gaining else (held - roots)
            # "*" itself is not a key of the view: an admin no longer one keeps what they have
            names = sorted(n for n in listed if n != EVERYTHING)
        place = backfill.Place(cursor.index, cursor.doc_id, cursor.done)
        found, after = await backfill.page(self.couch, names, place, limit - len(rows))
        index, done = cursor.index, cursor.done
        for row in found:
            if index < len(names) and names[index] == row.root:
                done += 1
            else:
                index, done = bisect.bisect_left(names, row.root), 1
            here = position.moved(cursor=replace(cursor, index=index, doc_id=row.doc_id, done=done))
            change: dict[str, Any] = {"seq": encode(here), "id": row.doc_id}
            if gaining:
                change["changes"] = [{"rev": rev} for rev in row.revs]
            else:
                change["changes"] = [{"rev": row.revs[0]}]
                change["removed"] = True
            rows.append(change)
        if gaining and found and self.on_backfill is not None:
            self.on_backfill([row.doc_id for row in found], [row.root for row in found])
        if after is not None:
            next_cursor = replace(cursor, index=after.index, doc_id=after.doc_id, done=after.done)
            return position.moved(cursor=next_cursor)
        if gaining:
            return position.moved(cursor=Cursor(cursor.base, cursor.target, phase=2))
        # done: the client holds the target; deletions under what it held may still be ahead
        before = await snapshots.save(self.couch, self.user, (held | old) - roots)
        return Position(position.seq, cursor.target, old=before)

    # -- CouchDB's changes -----------------------------------------------------------------

    async def _changes(
        self,
        position: Position,
        roots: frozenset[str],
        known: frozenset[str],
        rows: list[dict[str, Any]],
        limit: int,
    ) -> tuple[Position, bool]:
        """CouchDB's changes after ``position`` that the user may see, into ``rows`` (up to
        ``limit``); the position after them and whether the feed is caught up. A deletion is
        seen when its root is in ``known`` (held now or before)."""
        since = position.seq
        scanned = 0
        # Who holds everything is shown every change as it is: no body to judge it by.
        everything = EVERYTHING in roots
        while True:
            asked = min(CHANGES_PAGE, max(100, limit - len(rows)))
            params = {"style": "all_docs", "since": _seq_text(since), "limit": str(asked)}
            if not everything or self.with_docs:
                params["include_docs"] = "true"
            answer = await self.couch.get("/_changes", params=params)
            results = answer.get("results") if isinstance(answer, dict) else None
            if not isinstance(results, list):
                raise CouchError(502, {"error": "bad_gateway", "reason": "no list of changes"})
            for result in results:
                scanned += 1
                seq = result.get("seq", since) if isinstance(result, dict) else since
                change = await self._visible(result, roots, known)
                if change is not None:
                    change["seq"] = encode(position.moved(seq=seq))
                    rows.append(change)
                    if len(rows) >= limit:
                        return position.moved(seq=seq), False
            last = answer.get("last_seq")
            if last is None and results and isinstance(results[-1], dict):
                last = results[-1].get("seq")
            since = since if last is None else last
            if len(results) < asked:  # caught up: what was held before no longer matters
                return position.moved(seq=since, old=None), True
            if scanned >= SCAN_MAX:
                return position.moved(seq=since), False

    async def _visible(
        self, result: Any, roots: frozenset[str], known: frozenset[str]
    ) -> dict[str, Any] | None:
        if not isinstance(result, dict):
            return None
        doc_id = result.get("id")
        if not isinstance(doc_id, str) or doc_id.startswith(("_design/", "_local/")):
            return None
        revs = [
            {"rev": c["rev"]}
            for c in result.get("changes") or ()
            if isinstance(c, dict) and isinstance(c.get("rev"), str)
        ]
        if not revs:
            return None
        doc = result.get("doc")
        body = doc if isinstance(doc, dict) else None
        if EVERYTHING in roots:
            if result.get("deleted") is True:
                return {"id": doc_id, "changes": revs, "deleted": True}
            return self._with_first(doc_id, revs, body)
        deleted = result.get("deleted") is True or (body is not None and body.get("_deleted"))
        if not deleted:
            if body is None or not may_read(roots, doc_id, body):
                return None
            return self._with_first(doc_id, revs, body)
        root = root_of(doc_id, body)
        if root is None and body is not None:
            root = await self._root_before(doc_id, body.get("_rev"))
        if root is None or root not in known:
            return None
        return {"id": doc_id, "changes": revs, "deleted": True}

    def _with_first(
        self, doc_id: str, revs: list[dict[str, Any]], body: dict[str, Any] | None
    ) -> dict[str, Any]:
        """A live change's row; with its body when asked for and it is the document's first
        and only revision (nothing else to judge, no history to send)."""
        change: dict[str, Any] = {"id": doc_id, "changes": revs}
        if self.with_docs and body is not None and incoming.whole_first(doc_id, revs, body):
            change["doc"] = body
            self._served.append((doc_id, root_of(doc_id, body)))
        return change

    async def _root_before(self, doc_id: str, rev: Any) -> str | None:
        """The root of the revision a bare tombstone replaced (a child's root is in its
        body, which a deletion leaves out); None when it is gone (compacted)."""
        return await tombstones.root_before(self.couch, doc_id, {"_rev": rev})

    # -- helpers ---------------------------------------------------------------------------

    async def _seq_now(self) -> Any:
        info = await self.couch.get("")
        seq = info.get("update_seq") if isinstance(info, dict) else None
        if seq is None:
            raise CouchError(502, {"error": "bad_gateway", "reason": "no update_seq"})
        return seq

    async def _load(self, key: str | None) -> frozenset[str] | None:
        return await snapshots.load(self.couch, self.user, key)


def _seq_text(seq: Any) -> str:
    return seq if isinstance(seq, str) else json.dumps(seq, separators=(",", ":"))
