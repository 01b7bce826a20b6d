"""The document store: every write is a new revision in the document's tree.

Local edits (``put``) extend a leaf with a new revision; replicated revisions
(``put_replicated``, CouchDB's ``new_edits: false``) are merged as they come. Either way the
winner is recomputed by CouchDB's rule, its body is projected into the typed tables, losing
leaves keep their bodies, and the document gets the next local sequence number (what to push).

Functions take a Session and never commit: the caller owns the transaction.
"""

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from caseworker.documents.codec import Document, check, encode
from caseworker.documents.schema import DocumentError
from caseworker.errors import ConflictError, NotFoundError
from caseworker.models import Checkpoint, LeafBody, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.store import projection

REV_LIMIT = 1000
# Fields that describe a revision rather than belong to it; never stored in a body.
_TRANSIENT = ("_revisions", "_conflicts", "_deleted_conflicts", "_revs_info", "_local_seq")


@dataclass(frozen=True)
class Written:
    """What one write did: the document, its new winner, and whether anything changed."""

    doc_id: str
    doc_type: str | None
    rev: str
    deleted: bool
    changed: bool
    conflicted: bool


@dataclass(frozen=True)
class Change:
    seq: int
    doc_id: str
    rev: str
    deleted: bool
    leaves: list[str]


def next_seq(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(StoredDocument.seq), 0))) or 0) + 1


def get(session: Session, doc_id: str) -> Document | None:
    """The winning revision's body, or None if the document does not exist or is deleted."""
    row = session.get(StoredDocument, doc_id)
    if row is None or row.deleted:
        return None
    body: Document = json.loads(row.body)
    return body


def require(session: Session, doc_id: str) -> Document:
    doc = get(session, doc_id)
    if doc is None:
        raise NotFoundError(f"no record with id {doc_id}")
    return doc


def put(session: Session, doc: Document, *, deleted: bool = False) -> Written:
    """Write a local edit. ``doc['_rev']`` must be a current leaf (the winner, or a conflicting
    branch being resolved); a new document has no ``_rev``."""
    body = {k: v for k, v in doc.items() if k not in _TRANSIENT}
    doc_id = body["_id"]
    if deleted:
        body["_deleted"] = True
    else:
        body.pop("_deleted", None)
        check(body)
    row = session.get(StoredDocument, doc_id)
    base = body.get("_rev")
    tree: revtree.RevTree = []
    if row is not None:
        tree = revtree.tree_from_json(json.loads(row.rev_tree))
        if base is None and row.deleted:
            base = row.rev  # re-creating a deleted document continues its history
        if base is None or not revtree.is_leaf(tree, base):
            raise ConflictError(
                f"{doc_id} was changed by someone else (now at {row.rev}); reload and try again"
            )
    elif base is not None:
        raise NotFoundError(f"no record with id {doc_id} to update")
    pos = revtree.parse_rev(base)[0] if base else 0
    new_rev = revtree.new_rev_id(pos + 1, body, base, deleted)
    body["_rev"] = new_rev
    new_node = revtree.RevNode(revtree.parse_rev(new_rev)[1], deleted=deleted)
    if base:
        path = revtree.RevPath(
            pos, revtree.RevNode(revtree.parse_rev(base)[1], children=[new_node])
        )
    else:
        path = revtree.RevPath(1, new_node)
    merged = revtree.merge(tree, path, REV_LIMIT)
    return _store(session, row, doc_id, merged.tree, {new_rev: body})


def delete_doc(session: Session, doc_id: str, rev: str | None = None) -> Written:
    current = require(session, doc_id)
    tombstone = {"_id": doc_id, "_rev": rev or current["_rev"], "type": current.get("type")}
    return put(session, tombstone, deleted=True)


def incoming_revision(doc: Document) -> tuple[str, bool, dict[str, Any], Document]:
    """A revision made elsewhere: its rev, whether it deletes, its ``_revisions`` ancestry
    (the revision alone when the sender gave none) and its body without transient fields."""
    rev = doc["_rev"]
    revisions = doc.get("_revisions") or {
        "start": revtree.parse_rev(rev)[0],
        "ids": [revtree.parse_rev(rev)[1]],
    }
    body = {k: v for k, v in doc.items() if k not in _TRANSIENT}
    return rev, bool(doc.get("_deleted")), revisions, body


def put_replicated(session: Session, doc: Document) -> Written:
    """Merge a revision made elsewhere (``new_edits: false``). Replaying it changes nothing."""
    doc_id = doc["_id"]
    rev, deleted, revisions, body = incoming_revision(doc)
    row = session.get(StoredDocument, doc_id)
    tree = revtree.tree_from_json(json.loads(row.rev_tree)) if row is not None else []
    if revtree.rev_exists(tree, rev):
        assert row is not None
        return Written(doc_id, row.type, row.rev, row.deleted, False, row.conflicted)
    merged = revtree.merge(tree, revtree.path_from_revisions(revisions, deleted), REV_LIMIT)
    return _store(session, row, doc_id, merged.tree, {rev: body})


def _store(
    session: Session,
    row: StoredDocument | None,
    doc_id: str,
    tree: revtree.RevTree,
    new_bodies: dict[str, Document],
) -> Written:
    leaf_revs = {leaf.rev for leaf in revtree.leaves(tree)}
    bodies: dict[str, Document] = {}
    if row is not None:
        bodies[row.rev] = json.loads(row.body)
        for extra in session.scalars(select(LeafBody).where(LeafBody.doc_id == doc_id)):
            bodies[extra.rev] = json.loads(extra.body)
    bodies.update(new_bodies)
    bodies = {rev: body for rev, body in bodies.items() if rev in leaf_revs}
    # Drop bodies of revisions that are no longer leaves: only leaves are ever read again.
    tree = revtree.mark_unavailable(tree, set(revtree.non_leaf_revs(tree)))
    winner = revtree.winning_rev(tree)
    winner_body = bodies[winner]
    deleted = revtree.is_deleted(tree)
    conflicted = bool(revtree.conflicts(tree))
    doc_type = winner_body.get("type")
    old_winner = row.rev if row is not None else None
    seq = next_seq(session)  # before adding a new row, so autoflush cannot see it half-made
    if row is None:
        row = StoredDocument(id=doc_id)
        session.add(row)
    row.type = doc_type if isinstance(doc_type, str) else None
    row.rev = winner
    row.deleted = deleted
    row.seq = seq
    row.rev_tree = json.dumps(revtree.tree_to_json(tree), separators=(",", ":"))
    row.body = encode(winner_body)
    row.conflicted = conflicted
    row.problem = None
    session.execute(delete(LeafBody).where(LeafBody.doc_id == doc_id))
    for rev, body in bodies.items():
        if rev != winner:
            session.add(LeafBody(doc_id=doc_id, rev=rev, body=encode(body)))
    session.flush()
    _project(session, row, winner_body, old_winner)
    return Written(doc_id, row.type, winner, deleted, True, conflicted)


def _project(session: Session, row: StoredDocument, body: Document, old_winner: str | None) -> None:
    if row.deleted:
        if row.type:
            projection.remove(session, row.type, row.id)
        return
    try:
        doc_type = check(body)
    except DocumentError as exc:
        # Kept in the revision tree (nothing is lost) and shown, but not projected.
        row.problem = str(exc)
        return
    builder = projection.PROJECTORS[doc_type.name]
    projection.write(session, [builder(body, row.rev, row.conflicted)])


def leaf_bodies(session: Session, doc_id: str) -> list[Document]:
    """Every current leaf's body, winner first: what a conflict view compares."""
    row = session.get(StoredDocument, doc_id)
    if row is None:
        raise NotFoundError(f"no record with id {doc_id}")
    tree = revtree.tree_from_json(json.loads(row.rev_tree))
    bodies = {row.rev: json.loads(row.body)}
    for extra in session.scalars(select(LeafBody).where(LeafBody.doc_id == doc_id)):
        bodies[extra.rev] = json.loads(extra.body)
    return [bodies[leaf.rev] for leaf in revtree.leaves(tree) if leaf.rev in bodies]


def revision_tree(session: Session, doc_id: str) -> revtree.RevTree | None:
    row = session.get(StoredDocument, doc_id)
    return None if row is None else revtree.tree_from_json(json.loads(row.rev_tree))


def with_revisions(session: Session, doc_id: str, rev: str) -> Document | None:
    """A stored leaf body with its ``_revisions`` ancestry, as ``_bulk_docs`` wants it."""
    row = session.get(StoredDocument, doc_id)
    if row is None:
        return None
    if rev == row.rev:
        body: Document = json.loads(row.body)
    else:
        extra = session.get(LeafBody, (doc_id, rev))
        if extra is None:
            return None
        body = json.loads(extra.body)
    tree = revtree.tree_from_json(json.loads(row.rev_tree))
    body["_revisions"] = revtree.revisions_of(tree, rev)
    return body


def changes_since(session: Session, since: int, limit: int = 1000) -> list[Change]:
    rows = session.execute(
        select(
            StoredDocument.seq,
            StoredDocument.id,
            StoredDocument.rev,
            StoredDocument.deleted,
            StoredDocument.rev_tree,
            # Other leaves have stored bodies: conflicts, and deleted branches beside a live
            # winner (a resolved conflict), which must be pushed too.
            select(LeafBody.rev).where(LeafBody.doc_id == StoredDocument.id).exists(),
        )
        .where(StoredDocument.seq > since)
        .order_by(StoredDocument.seq)
        .limit(limit)
    ).all()
    changes = []
    for seq, doc_id, rev, deleted, tree_json, branched in rows:
        if branched or deleted:
            leaves = [
                leaf.rev for leaf in revtree.leaves(revtree.tree_from_json(json.loads(tree_json)))
            ]
        else:
            leaves = [rev]
        changes.append(Change(seq, doc_id, rev, deleted, leaves))
    return changes


def count_changed_since(session: Session, since: int) -> int:
    """How many documents changed after local sequence ``since`` (e.g. what waits to be pushed)."""
    query = select(func.count()).select_from(StoredDocument).where(StoredDocument.seq > since)
    return int(session.scalar(query) or 0)


def last_seq(session: Session) -> int:
    return next_seq(session) - 1


def revs_diff(session: Session, wanted: dict[str, list[str]]) -> dict[str, list[str]]:
    """For each id, the revisions this store lacks (CouchDB ``_revs_diff`` semantics)."""
    missing: dict[str, list[str]] = {}
    for doc_id, revs in wanted.items():
        tree = revision_tree(session, doc_id)
        lacking = list(revs) if tree is None else revtree.missing_revs(tree, list(revs))
        if lacking:
            missing[doc_id] = lacking
    return missing


def get_checkpoint(session: Session, checkpoint_id: str) -> dict[str, Any] | None:
    row = session.get(Checkpoint, checkpoint_id)
    if row is None:
        return None
    data: dict[str, Any] = json.loads(row.body)
    return data


def set_checkpoint(session: Session, checkpoint_id: str, body: dict[str, Any]) -> None:
    row = session.get(Checkpoint, checkpoint_id)
    if row is None:
        session.add(Checkpoint(id=checkpoint_id, body=json.dumps(body)))
    else:
        row.body = json.dumps(body)
    session.flush()
