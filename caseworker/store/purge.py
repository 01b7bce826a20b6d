"""Dropping what left this laptop's scope, as if it had never been here.

A central gateway says a document left the user's scope with a change row ``"removed": true``
(CouchDB itself never sends one). ``purge`` then takes the document out of the store
altogether: every revision, its projection and search rows, its problem, and attachment data
no other document names. A case or a citizen takes with it the records that hang off it here
(notes, contacts, case events whose root it is, by the same rule as the gateway's,
``caseworker.access.channels.root_of``). Nothing is recorded as a local change: no deletion
is ever pushed.

What a person typed is never dropped before the server has it: a document changed here after
the last point known to be on the server (``sent_up_to``), or whose last push was refused, is
kept and remembered (``PENDING_KEY``); ``retry`` purges it once a push has gone past it, and a
later change row naming it (it came back into scope) forgets it. Pulled writes take local
sequence numbers too, so the push checkpoint alone would hold back everything pulled since the
last push: a pull batch written while nothing waited to be pushed moves that point on
(``mark_sent``), since all it wrote came from the server.

Freed bytes must not keep a purged citizen's name: the store runs with ``secure_delete`` (see
``engine``), the search index is merged after a purge (FTS5 keeps deleted entries in its
segments until then), and ``scrub`` empties the write-ahead log after the transaction commits.

Like the rest of the store, these take a Session and never commit.
"""

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from caseworker.access.channels import root_of
from caseworker.models import StoreSetting
from caseworker.store import projection, settings
from caseworker.store.docstore import get_checkpoint
from caseworker.store.store import Store
from caseworker.store.writer import DOCS, Written, chunks, next_seq

log = logging.getLogger(__name__)

PENDING_KEY = "scope.pending_purge"  # ids that left the scope but were kept (not yet pushed)
SENT_KEY = "scope.sent_seq:"  # + push checkpoint id: every local seq up to it is on the server
# How a push's refusal is recorded on a document (sync.push): such a document holds what a
# person typed and the server does not have.
REFUSAL_MARKS = ("refused by the central service", "not stored by the central service")
NEVER_PURGED = ("_design/", "_local/")  # the server's rules and checkpoints: never ours to drop
_ROOT_PREFIXES = ("case:", "citizen:")
_EVERYTHING_SENT = 2**63 - 1  # ``force``: nothing counts as unsent
_SETTINGS: Table = StoreSetting.__table__  # type: ignore[assignment]
# The records that follow a case or citizen, and the columns naming their parent.
_CHILD_TABLES: tuple[tuple[str, Table, tuple[str, ...]], ...] = (
    ("note", projection.TABLE_OF_TYPE["note"], ("case_id", "citizen_id")),
    ("interaction", projection.TABLE_OF_TYPE["interaction"], ("case_id", "citizen_id")),
    ("case_event", projection.TABLE_OF_TYPE["case_event"], ("case_id",)),
    ("message", projection.TABLE_OF_TYPE["message"], ("case_id",)),
    ("marker", projection.TABLE_OF_TYPE["marker"], ("citizen_id",)),
)


@dataclass
class Purged:
    """What a purge did: one ``Written`` per document dropped (``purged`` and ``deleted``), the
    ids kept because the server does not have them yet, and whether the search index lost
    rows (so freed pages are worth scrubbing)."""

    written: list[Written] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    searched: bool = False


@dataclass(frozen=True)
class _Row:
    doc_id: str
    type: str | None
    rev: str
    deleted: bool
    seq: int
    problem: str | None
    bodies: tuple[str, ...]  # the winner's stored JSON, then other leaves'


def sent_up_to(session: Session, checkpoint_id: str | None) -> int:
    """The local sequence up to which everything is on the server: where the push (checkpoint
    ``_local/<id>``) has reached, or further if later pulls wrote only what came from the
    server; 0 when unknown. The checkpoint's local copy is written after the server's, so it
    never runs ahead."""
    if checkpoint_id is None:
        return 0
    body = get_checkpoint(session, checkpoint_id)
    seq = body.get("last_seq") if isinstance(body, dict) else None
    pushed = seq if isinstance(seq, int) and not isinstance(seq, bool) and seq > 0 else 0
    marked = _setting(session, SENT_KEY + checkpoint_id)
    return max(pushed, int(marked) if marked and marked.isdigit() else 0)


def nothing_unsent(session: Session, sent: int) -> bool:
    """Whether no document was changed here after ``sent`` (so nothing waits to be pushed)."""
    return session.scalar(select(DOCS.c.seq).where(DOCS.c.seq > sent).limit(1)) is None


def mark_sent(session: Session, checkpoint_id: str | None) -> None:
    """Everything in the store is on the server now (a pull batch written while nothing waited
    to be pushed): the point ``sent_up_to`` gives moves to the newest local sequence."""
    if checkpoint_id is not None:
        _put_setting(session, SENT_KEY + checkpoint_id, str(next_seq(session) - 1))


def apply(
    session: Session,
    removed: Iterable[str],
    *,
    pushed: int,
    present: Iterable[str] = (),
) -> Purged:
    """One pulled batch's scope changes: purge the ``removed`` ids (and what hangs off them),
    except anything the same batch names as still present; forget the pending purges of
    ``present`` ids (they are in scope again)."""
    here = {i for i in present if isinstance(i, str)}
    pending = _pending(session)
    still = [i for i in pending if i not in here]
    if len(still) != len(pending):
        _set_pending(session, still)
    return purge(session, removed, pushed=pushed, spare=here)


def retry(session: Session, *, pushed: int) -> Purged:
    """Purge what was kept back and has since been pushed (after each push)."""
    pending = _pending(session)
    return purge(session, pending, pushed=pushed) if pending else Purged()


def purge(
    session: Session,
    ids: Iterable[str],
    *,
    pushed: int,
    spare: set[str] | None = None,
    force: bool = False,
) -> Purged:
    """Drop each id (and, for a case or citizen, what hangs off it) unless it holds a change the
    server does not have (local sequence after ``pushed``, or refused): those are kept and
    remembered for ``retry``. Unknown ids and the server's own documents are ignored.
    ``force`` (an erasure, ``caseworker.erasure.local``) drops even those: what was typed here
    about an erased person must not reach the server either."""
    if force:
        pushed = _EVERYTHING_SENT
    spare = spare or set()
    asked = list(dict.fromkeys(i for i in ids if _purgeable(i) and i not in spare))
    if not asked:
        return Purged()
    session.flush()  # pending ORM changes go first: the cursor below bypasses the session
    rows = _load(session, asked)
    result = Purged()
    kept_roots = {i for i in asked if i in rows and _unsent(rows[i], pushed)}
    children = _children(session, [i for i in asked if i.startswith(_ROOT_PREFIXES)])
    child_ids = [c for root, found in children.items() if root not in kept_roots for c in found]
    rows.update(_load(session, [c for c in child_ids if c not in rows]))
    drop: list[_Row] = []
    for doc_id in dict.fromkeys([*asked, *child_ids]):
        row = rows.get(doc_id)
        if row is None or doc_id in spare:
            continue  # never here (or, for a child, already gone): nothing to drop
        if doc_id in kept_roots or _unsent(row, pushed):
            result.kept.append(doc_id)
        else:
            drop.append(row)
    # A kept root keeps its children with it (they are not even looked at): it alone is
    # remembered, and brings them along when it goes.
    _remember(session, result.kept, done=[r.doc_id for r in drop] + _unknown(asked, rows))
    if drop:
        result.searched = _drop(session, drop)
        result.written = [Written(r.doc_id, r.type, r.rev, True, True, False, True) for r in drop]
        _forget(session, {r.doc_id for r in drop})
    return result


def _forget(session: Session, ids: set[str]) -> None:
    """ORM copies of purged rows (documents, leaves, typed rows and a citizen's identifiers
    and consents, ``<id>/<n>``) are gone from the database: the session lets go of them."""
    for key in list(session.identity_map.keys()):
        ident = key[1][0] if key[1] else None
        if isinstance(ident, str) and (ident in ids or ident.split("/", 1)[0] in ids):
            session.expunge(session.identity_map[key])


def scrub(store: Store) -> None:
    """After a purge has committed: copy the write-ahead log into the store and empty it, so
    the old pages it holds (with what was purged) are gone from disk too. Readers in the middle
    of a transaction can leave it undone (it waits for them a second at most, not the store's
    usual busy timeout): then the next purge finishes the job."""
    with store.writer_engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        (timeout,) = raw.execute("PRAGMA busy_timeout").fetchone()
        raw.execute("PRAGMA busy_timeout=1000")
        try:
            busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            raw.execute(f"PRAGMA busy_timeout={int(timeout)}")
        if busy:
            log.info("the write-ahead log could not be emptied after a purge (readers)")


# -- what is stored ----------------------------------------------------------------------------


def _purgeable(doc_id: object) -> bool:
    return isinstance(doc_id, str) and bool(doc_id) and not doc_id.startswith(NEVER_PURGED)


def _unsent(row: _Row, pushed: int) -> bool:
    if pushed == _EVERYTHING_SENT:
        return False
    return row.seq > pushed or (row.problem is not None and row.problem.startswith(REFUSAL_MARKS))


def _unknown(asked: list[str], rows: dict[str, _Row]) -> list[str]:
    return [i for i in asked if i not in rows]


def _load(session: Session, ids: list[str]) -> dict[str, _Row]:
    found: dict[str, _Row] = {}
    cursor = session.connection().connection.cursor()
    try:
        for chunk in chunks(ids):
            marks = ",".join("?" * len(chunk))
            cursor.execute(
                "SELECT id, type, rev, deleted, seq, problem, body FROM documents "
                f"WHERE id IN ({marks})",
                chunk,
            )
            rows = cursor.fetchall()
            cursor.execute(f"SELECT doc_id, body FROM leaf_bodies WHERE doc_id IN ({marks})", chunk)
            leaves: dict[str, list[str]] = {}
            for doc_id, body in cursor.fetchall():
                leaves.setdefault(doc_id, []).append(body)
            for doc_id, kind, rev, deleted, seq, problem, body in rows:
                bodies = (body, *leaves.get(doc_id, ()))
                found[doc_id] = _Row(doc_id, kind, rev, bool(deleted), seq, problem, bodies)
    finally:
        cursor.close()
    return found


def _children(session: Session, roots: list[str]) -> dict[str, list[str]]:
    """For each case or citizen id, the local records whose root it is."""
    found: dict[str, list[str]] = {root: [] for root in roots}
    if not roots:
        return found
    for doc_type, table, parents in _CHILD_TABLES:
        for name in parents:
            column = table.c[name]
            picked = [table.c.id, *(table.c[p] for p in parents)]
            for chunk in chunks(roots):
                for row in session.execute(select(*picked).where(column.in_(chunk))):
                    body = {"type": doc_type, **dict(zip(parents, row[1:], strict=True))}
                    root = root_of(row[0], body)
                    if root in found and row[0] not in found[root]:
                        found[root].append(row[0])
    return found


# -- dropping ----------------------------------------------------------------------------------


def _drop(session: Session, rows: list[_Row]) -> bool:
    """Delete the documents, their leaves, projections and orphaned attachments; whether any
    search rows went (the index is then merged, so their terms leave its segments)."""
    searched: set[str] = set()
    for row in rows:
        for doc_type in {row.type, *_claimed_types(row)} - {None}:
            assert doc_type is not None
            projection.remove(session, doc_type, row.doc_id)
            search = projection.SEARCH_TABLE_OF_TYPE.get(doc_type)
            if search:
                searched.add(search)
    ids = [(r.doc_id,) for r in rows]
    cursor = session.connection().connection.cursor()
    try:
        cursor.executemany("DELETE FROM leaf_bodies WHERE doc_id = ?", ids)
        cursor.executemany("DELETE FROM documents WHERE id = ?", ids)
        _drop_attachments(cursor, {d for r in rows for d in _digests(r)})
        for search in sorted(searched):
            # Merging the whole index drops deleted entries for good (the trigrams of a name);
            # milliseconds for a laptop's scope, and only when records actually left.
            cursor.execute(f"INSERT INTO {search}({search}) VALUES ('optimize')")
    finally:
        cursor.close()
    return bool(searched)


def _claimed_types(row: _Row) -> set[str | None]:
    """The type the winner's body names, in case the stored type was not set (a winner that
    could not be projected has none; its rows, if any, are still removed)."""
    try:
        kind = json.loads(row.bodies[0]).get("type")
    except (ValueError, AttributeError):
        return set()
    return {kind} if isinstance(kind, str) and kind in projection.TABLE_OF_TYPE else set()


def _digests(row: _Row) -> set[str]:
    found: set[str] = set()
    for text in row.bodies:
        if '"_attachments"' not in text:
            continue
        try:
            atts = json.loads(text).get("_attachments")
        except (ValueError, AttributeError):
            continue
        if isinstance(atts, dict):
            for att in atts.values():
                digest = att.get("digest") if isinstance(att, dict) else None
                if isinstance(digest, str):
                    found.add(digest)
    return found


def _drop_attachments(cursor: Any, digests: set[str]) -> None:
    """Attachment data is shared by digest: dropped only when no remaining document names it.
    A scan of the bodies, but only for purged records that had attachments (rare)."""
    for digest in sorted(digests):
        needle = json.dumps(digest)
        named = cursor.execute(
            "SELECT 1 FROM documents WHERE instr(body, ?) > 0 "
            "UNION ALL SELECT 1 FROM leaf_bodies WHERE instr(body, ?) > 0 LIMIT 1",
            (needle, needle),
        ).fetchone()
        if named is None:
            cursor.execute("DELETE FROM attachments WHERE digest = ?", (digest,))


# -- what waits to be purged --------------------------------------------------------------------


def pending(session: Session) -> list[str]:
    """The ids that left the scope but are kept until the server has what was typed here."""
    return _pending(session)


_setting = settings.read
_put_setting = settings.write


def _pending(session: Session) -> list[str]:
    value = _setting(session, PENDING_KEY)
    try:
        ids = json.loads(value) if value else []
    except ValueError:
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def _remember(session: Session, kept: list[str], done: list[str]) -> None:
    before = _pending(session)
    gone = set(done)
    after = [i for i in dict.fromkeys([*before, *kept]) if i not in gone]
    if after != before:
        _set_pending(session, after)


def _set_pending(session: Session, ids: list[str]) -> None:
    if not ids:
        session.execute(_SETTINGS.delete().where(_SETTINGS.c.key == PENDING_KEY))
        return
    _put_setting(session, PENDING_KEY, json.dumps(ids))
