"""The document store: every write is a new revision in the document's tree.

Local edits (``put``) extend a leaf with a new revision; replicated revisions
(``put_replicated``, CouchDB's ``new_edits: false``) are merged as they come. Either way the
winner is recomputed by CouchDB's rule, its body is projected into the typed tables, losing
leaves keep their bodies, and the document gets the next local sequence number (what to push).
Both end in ``writer.write``, the store's one write path.

Functions take a Session and never commit: the caller owns the transaction.
"""

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.documents.codec import Document, check, encode
from caseworker.documents.schema import DocumentError
from caseworker.errors import ConflictError, NotFoundError
from caseworker.limits import MAX_DOCUMENT_BYTES, MAX_ID_LENGTH, MAX_NESTING_DEPTH, REV_LIMIT
from caseworker.models import Checkpoint, LeafBody, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.store import incoming, replication, writer
from caseworker.store.writer import Written, next_seq

__all__ = ["REV_LIMIT", "Written", "next_seq"]


@dataclass(frozen=True)
class Change:
    seq: int
    doc_id: str
    rev: str
    deleted: bool
    leaves: list[str]


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


def get_many(session: Session, ids: list[str]) -> dict[str, Document]:
    """The winning bodies of the live documents among ``ids`` (one query a chunk)."""
    found: dict[str, Document] = {}
    for chunk in writer.chunks(ids):
        rows = session.execute(
            select(StoredDocument.id, StoredDocument.body).where(
                StoredDocument.id.in_(chunk), StoredDocument.deleted.is_(False)
            )
        )
        for doc_id, body in rows:
            found[doc_id] = json.loads(body)
    return found


def put(session: Session, doc: Document, *, deleted: bool = False) -> Written:
    """Write a local edit. ``doc['_rev']`` must be a current leaf (the winner, or a conflicting
    branch being resolved); a new document has no ``_rev``."""
    body = _local_body(doc, deleted)
    current = writer.load(session, [body["_id"]]).get(body["_id"])
    return writer.write(session, [_pending(body, current, deleted)])[0]


def put_many(session: Session, docs: list[Document]) -> list[Written]:
    """Local edits of many documents (each id once), as ``put`` makes each, in one write: what
    a bulk change (hundreds of cases assigned in one gesture) needs to stay quick."""
    bodies = [_local_body(doc, False) for doc in docs]
    ids = [b["_id"] for b in bodies]
    if len(set(ids)) != len(ids):
        raise ValueError("put_many: a document may be written only once per call")
    current = writer.load(session, ids)
    return writer.write(session, [_pending(b, current.get(b["_id"]), False) for b in bodies])


def _local_body(doc: Document, deleted: bool) -> Document:
    body = {k: v for k, v in doc.items() if k not in incoming.TRANSIENT}
    doc_id = body.get("_id")
    if not incoming.usable_text(doc_id, MAX_ID_LENGTH):
        raise DocumentError("document without a usable '_id'")
    assert isinstance(doc_id, str)
    if deleted:
        body["_deleted"] = True
    else:
        body.pop("_deleted", None)
        check(body)
    return body


def _pending(body: Document, current: writer.Pending | None, deleted: bool) -> writer.Pending:
    """The new revision of ``body`` on its stored tree (``current``; None: a new document)."""
    doc_id: str = body["_id"]
    base = body.get("_rev")
    tree: revtree.RevTree = []
    if current is not None:
        assert current.old is not None
        tree = current.tree
        if base is None and current.old.deleted:
            base = current.old.rev  # re-creating a deleted document continues its history
        if not isinstance(base, str) or not revtree.is_leaf(tree, base):
            raise ConflictError(
                f"{doc_id} was changed by someone else (now at {current.old.rev}); "
                "reload and try again"
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
    pending = current or writer.Pending(doc_id, [], {})
    pending.tree = revtree.merge(tree, path, REV_LIMIT).tree
    pending.bodies[new_rev] = writer.Body(body, _encoded(body))
    return pending


def _encoded(body: Document) -> str:
    """A local edit's stored JSON, held to the limits a peer's revisions are held to."""
    if incoming.too_deep(body):
        raise DocumentError(f"document {body['_id']}: nested deeper than {MAX_NESTING_DEPTH}")
    try:
        text = encode(body)
        size = len(text.encode("utf-8"))
    except (TypeError, ValueError) as exc:
        raise DocumentError(f"document {body['_id']}: cannot be stored as JSON ({exc})") from exc
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"document {body['_id']}: larger than {MAX_DOCUMENT_BYTES:,} bytes")
    return text


def delete_doc(session: Session, doc_id: str, rev: str | None = None) -> Written:
    current = require(session, doc_id)
    tombstone = {"_id": doc_id, "_rev": rev or current["_rev"], "type": current.get("type")}
    return put(session, tombstone, deleted=True)


def put_replicated(session: Session, doc: Document) -> Written:
    """Merge a revision made elsewhere (``new_edits: false``). Replaying it changes nothing.
    The same path as a batch (``replication.put_replicated_many``)."""
    written = replication.put_replicated_many(session, [doc])
    if written:
        return written[0]
    doc_id = doc.get("_id") if isinstance(doc, dict) else None
    row = session.get(StoredDocument, doc_id) if isinstance(doc_id, str) else None
    if row is None:
        raise DocumentError("a replicated revision without a usable '_id' or '_rev'")
    return Written(doc_id, row.type, row.rev, row.deleted, False, row.conflicted)  # type: ignore[arg-type]


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
    return replication.revs_diff_many(session, wanted)


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
