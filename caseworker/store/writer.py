"""The store's one write path: local edits and replicated batches both end here.

Callers merge new revisions into each document's tree (``load`` gives them the stored tree and
leaf bodies); ``write`` then picks every winner by CouchDB's rule, stores documents and losing
leaves with one executemany each, and brings the typed tables and the search index in line
with the winners: projected when the winner is live and a valid document of a type whose id
fits, removed otherwise (whatever a tombstone's body holds). Nothing a peer sent can fail it:
a winner that cannot be projected keeps its problem in ``documents.problem``.

Writes go through Core and the DBAPI cursor; ORM objects of the written documents held by
the session are expired so they are read again. Functions take a Session and never commit.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from caseworker.documents.codec import Document, check, encode
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import DOC_TYPES
from caseworker.models import LeafBody, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.store import merged, projection

CHUNK = 900  # ids per IN (...) query
MAX_PROBLEM_CHARS = 2000
DOCS: Table = StoredDocument.__table__  # type: ignore[assignment]
LEAVES: Table = LeafBody.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Written:
    """What one write did: the document, its new winner, and whether anything changed.
    ``purged``: the document left this laptop's scope and is gone from the store altogether
    (``deleted`` is then true too, so a view that drops deleted records drops it)."""

    doc_id: str
    doc_type: str | None
    rev: str
    deleted: bool
    changed: bool
    conflicted: bool
    purged: bool = False


@dataclass(frozen=True)
class Checked:
    """A live body checked as its document's winner without conflicts: its type (None when it
    is not a valid document), its projection (None for a type with none) and its problem."""

    doc_type: str | None
    made: "projection.Projection | None"
    problem: str | None


@dataclass
class Body:
    """A leaf's body, as a document, as stored JSON, or both; each made once, when needed.
    ``ahead``: the body checked before the write (``checked``, on another thread), used when
    it wins with no conflict."""

    doc: Document | None = None
    text: str | None = None
    ahead: Checked | None = None

    def parsed(self) -> Document:
        if self.doc is None:
            assert self.text is not None
            self.doc = json.loads(self.text)
        return self.doc

    def encoded(self) -> str:
        if self.text is None:
            assert self.doc is not None
            self.text = encode(self.doc)
        return self.text


@dataclass(frozen=True)
class Stored:
    """What the store held for a document before this write."""

    rev: str
    type: str | None
    deleted: bool
    conflicted: bool


@dataclass
class Pending:
    """A document to write: its merged tree (or, new here with one linear history, the tree's
    JSON and its only revision) and the bodies of its leaves."""

    doc_id: str
    tree: revtree.RevTree
    bodies: dict[str, Body]
    old: Stored | None = None
    linear: tuple[str, str, bool] | None = None  # tree JSON, revision, deleted
    problems: list[str] = field(default_factory=list)


def chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def next_seq(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(DOCS.c.seq), 0))) or 0) + 1


def load(session: Session, ids: list[str]) -> dict[str, Pending]:
    """The stored documents among ``ids``, as Pending with their tree and leaf bodies."""
    found: dict[str, Pending] = {}
    cursor = session.connection().connection.cursor()
    try:
        for chunk in chunks(ids):
            marks = ",".join("?" * len(chunk))
            cursor.execute(
                "SELECT id, rev, type, deleted, conflicted, rev_tree, body FROM documents "
                f"WHERE id IN ({marks})",
                chunk,
            )
            for doc_id, rev, doc_type, deleted, conflicted, tree_json, body in cursor.fetchall():
                tree = revtree.tree_from_json(json.loads(tree_json))
                old = Stored(rev, doc_type, bool(deleted), bool(conflicted))
                found[doc_id] = Pending(doc_id, tree, {rev: Body(text=body)}, old)
            if found:
                cursor.execute(
                    f"SELECT doc_id, rev, body FROM leaf_bodies WHERE doc_id IN ({marks})", chunk
                )
                for doc_id, rev, body in cursor.fetchall():
                    found[doc_id].bodies[rev] = Body(text=body)
    finally:
        cursor.close()
    return found


_INSERT_DOC = (
    "INSERT INTO documents (id, type, rev, deleted, seq, rev_tree, body, conflicted, problem) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_DOC = (
    "UPDATE documents SET type = ?, rev = ?, deleted = ?, seq = ?, rev_tree = ?, body = ?, "
    "conflicted = ?, problem = ? WHERE id = ?"
)
_DELETE_LEAVES = "DELETE FROM leaf_bodies WHERE doc_id = ?"
_INSERT_LEAF = "INSERT INTO leaf_bodies (doc_id, rev, body) VALUES (?, ?, ?)"


@dataclass
class _Batch:
    new_docs: list[tuple[Any, ...]] = field(default_factory=list)
    updated_docs: list[tuple[Any, ...]] = field(default_factory=list)
    leaf_rows: list[tuple[str, str, str]] = field(default_factory=list)
    cleared: list[tuple[str]] = field(default_factory=list)
    fresh: list[projection.Projection] = field(default_factory=list)
    projected: list[projection.Projection] = field(default_factory=list)
    removals: list[tuple[str, str]] = field(default_factory=list)


def write(session: Session, pending: list[Pending]) -> list[Written]:
    """Store every pending document's new state; what each write did, in the order given."""
    if not pending:
        return []
    session.flush()  # pending ORM changes go first: the cursor below bypasses the session
    seq = next_seq(session)
    batch = _Batch()
    written = [_one(doc, seq + n, batch) for n, doc in enumerate(pending)]
    cursor = session.connection().connection.cursor()
    try:
        if batch.cleared:
            cursor.executemany(_DELETE_LEAVES, batch.cleared)
        if batch.updated_docs:
            cursor.executemany(_UPDATE_DOC, batch.updated_docs)
        if batch.new_docs:
            cursor.executemany(_INSERT_DOC, batch.new_docs)
        if batch.leaf_rows:
            cursor.executemany(_INSERT_LEAF, batch.leaf_rows)
    finally:
        cursor.close()
    for doc_type, doc_id in batch.removals:
        projection.remove(session, doc_type, doc_id)
    if batch.projected:
        projection.write(session, batch.projected)
    if batch.fresh:
        projection.write(session, batch.fresh, fresh=True)
    _merged_into(session, batch)
    _expire(session, {w.doc_id for w in written})
    return written


def _merged_into(session: Session, batch: _Batch) -> None:
    """A merge written or removed, or a citizen projected again: ``merged_into`` follows the
    merge documents (``caseworker.store.merged``)."""
    merges = {
        "citizen:" + doc_id.split(":", 1)[1]
        for doc_type, doc_id in batch.removals
        if doc_type == "merge"
    }
    citizens: set[str] = set()
    for made in (*batch.projected, *batch.fresh):
        if made.table.name == "merges":
            merges.add(made.row["merged_id"])
        elif made.table.name == "citizens":
            citizens.add(made.row["id"])
    if merges or citizens:
        merged.refresh(session, merges, citizens)


def _one(doc: Pending, seq: int, batch: _Batch) -> Written:
    if doc.linear is not None:
        tree_json, winner, deleted = doc.linear
        conflicted = False
        losers: list[revtree.Leaf] = []
    else:
        leaves = revtree.leaves(doc.tree)
        winner, deleted = leaves[0].rev, leaves[0].deleted
        losers = leaves[1:]
        conflicted = any(not leaf.deleted for leaf in losers)
        # Only leaves' bodies are kept: every other revision is marked as having none.
        tree = revtree.mark_unavailable(doc.tree, set(revtree.non_leaf_revs(doc.tree)))
        tree_json = json.dumps(revtree.tree_to_json(tree), separators=(",", ":"))
    body = _leaf_body(doc, winner, deleted)
    old = doc.old
    problems = list(doc.problems)
    doc_type: str | None = None
    if deleted:
        claimed = body.parsed().get("type")
        doc_type = claimed if isinstance(claimed, str) and claimed in DOC_TYPES else None
        doc_type = doc_type or (old.type if old is not None else None)
    else:
        verdict = body.ahead if body.ahead is not None and not conflicted else None
        verdict = verdict or checked(body.parsed(), winner, conflicted)
        doc_type = verdict.doc_type
        if verdict.problem is not None:  # kept in the tree and listed, not projected
            problems.append(verdict.problem)
        if verdict.made is not None:
            (batch.fresh if old is None else batch.projected).append(verdict.made)
    if old is not None and old.type and not old.deleted and (deleted or doc_type != old.type):
        batch.removals.append((old.type, doc.doc_id))
    problem = "; ".join(problems)[:MAX_PROBLEM_CHARS] or None
    text = body.encoded()
    if old is None:
        batch.new_docs.append(
            (doc.doc_id, doc_type, winner, deleted, seq, tree_json, text, conflicted, problem)
        )
    else:
        batch.updated_docs.append(
            (doc_type, winner, deleted, seq, tree_json, text, conflicted, problem, doc.doc_id)
        )
        batch.cleared.append((doc.doc_id,))
    for leaf in losers:
        loser = _leaf_body(doc, leaf.rev, leaf.deleted)
        batch.leaf_rows.append((doc.doc_id, leaf.rev, loser.encoded()))
    return Written(doc.doc_id, doc_type, winner, deleted, True, conflicted)


def checked(doc: Document, rev: str, conflicted: bool = False) -> Checked:
    """Check a live winner ``doc`` (revision ``rev``) and project it; never raises."""
    try:
        kind = check(doc)
    except DocumentError as exc:
        return Checked(None, None, str(exc))
    # Every known type has a projector; one added before its table would be kept only.
    project = projection.PROJECTORS.get(kind.name)
    made = project(doc, rev, conflicted) if project is not None else None
    return Checked(kind.name, made, None)


def _leaf_body(doc: Pending, rev: str, deleted: bool) -> Body:
    body = doc.bodies.get(rev)
    if body is None:  # not expected: every leaf arrives with its body; keep the tree whole
        return Body({"_id": doc.doc_id, "_rev": rev, **({"_deleted": True} if deleted else {})})
    return body


def _expire(session: Session, ids: set[str]) -> None:
    """ORM copies of what was just written are stale: read them again when next used."""
    for key in list(session.identity_map.keys()):
        model, ident = key[0], key[1]
        if model is StoredDocument and ident[0] in ids:
            session.expire(session.identity_map[key])
        elif model is LeafBody and ident[0] in ids:
            session.expunge(session.identity_map[key])
