"""The store's side of replication, in batches: what a replicator writes and reads.

``put_replicated_many`` is ``docstore.put_replicated`` for a whole batch: it loads every row
of the batch in one query, merges the revision trees in Python and writes documents, leaf
bodies and projections with one executemany each. Revisions already known are skipped, so a
replayed batch changes nothing. ``bodies_with_revisions`` is ``docstore.with_revisions`` for a
batch (what ``_bulk_docs`` wants). Attachments are content-addressed by digest: a replicated
body that carries ``data`` has it moved into the attachments table and keeps a stub.

Like the rest of the store, these take a Session and never commit. They write through Core,
so the caller's session should not hold ORM objects of the same documents.
"""

import base64
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from caseworker.documents.codec import Document, check, encode
from caseworker.documents.schema import DocumentError
from caseworker.models import Attachment, LeafBody, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.store import docstore, projection
from caseworker.store.docstore import REV_LIMIT, Written, next_seq

_CHUNK = 900  # ids per IN (...) query
_DOCS: Table = StoredDocument.__table__  # type: ignore[assignment]
_LEAVES: Table = LeafBody.__table__  # type: ignore[assignment]
_ATTACHMENTS: Table = Attachment.__table__  # type: ignore[assignment]


@dataclass
class _Row:
    doc_id: str
    tree: revtree.RevTree
    bodies: dict[str, Document | str]  # leaf rev -> body (stored text until needed)
    existed: bool
    fast: tuple[str, str, bool] | None = None  # a new one-revision document: tree, rev, deleted


def digest_of(data: bytes) -> str:
    """CouchDB's digest of attachment content: ``md5-<base64 of the MD5>``."""
    return "md5-" + base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode()


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _load(session: Session, ids: list[str]) -> dict[str, _Row]:
    rows: dict[str, _Row] = {}
    for chunk in _chunks(ids):
        found = session.execute(
            select(_DOCS.c.id, _DOCS.c.rev, _DOCS.c.rev_tree, _DOCS.c.body).where(
                _DOCS.c.id.in_(chunk)
            )
        )
        for doc_id, rev, tree_json, body in found:
            tree = revtree.tree_from_json(json.loads(tree_json))
            rows[doc_id] = _Row(doc_id, tree, {rev: body}, True)
        if rows:
            leaves = session.execute(
                select(_LEAVES.c.doc_id, _LEAVES.c.rev, _LEAVES.c.body).where(
                    _LEAVES.c.doc_id.in_(chunk)
                )
            )
            for doc_id, rev, body in leaves:
                rows[doc_id].bodies[rev] = body
    return rows


def _attachments_in(body: Document, rev: str) -> list[dict[str, Any]]:
    """Turn inline attachment data into stubs; the rows to store by digest."""
    atts = body.get("_attachments")
    if not isinstance(atts, dict):
        return []
    stored: list[dict[str, Any]] = []
    generation = revtree.parse_rev(rev)[0]
    for name, att in list(atts.items()):
        if not isinstance(att, dict) or "data" not in att:
            continue
        data = base64.b64decode(att["data"])
        stored_row, atts[name] = _stored(
            data,
            att.get("content_type") or "application/octet-stream",
            att.get("revpos", generation),
            att.get("digest") or digest_of(data),
        )
        stored.append(stored_row)
    return stored


def _stored(
    data: bytes, content_type: str, revpos: int, digest: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An attachment's row in the attachments table, and the stub the body keeps."""
    row = {"digest": digest, "content_type": content_type, "length": len(data), "data": data}
    stub = {
        "content_type": content_type,
        "digest": digest,
        "length": len(data),
        "revpos": revpos,
        "stub": True,
    }
    return row, stub


def _linear_tree_json(revisions: Any, deleted: bool) -> str | None:
    """tree_to_json of the single path ``_revisions`` describes, without building the tree
    (most replicated documents are new here); None when it needs the general path."""
    if not isinstance(revisions, dict):
        return None
    start, ids = revisions.get("start"), revisions.get("ids")
    if (
        type(start) is not int
        or not isinstance(ids, list)
        or not 0 < len(ids) <= min(start, REV_LIMIT)
        or not all(type(i) is str and i for i in ids)
    ):
        return None
    first = start - len(ids) + 1
    rows = [[first + n, hash_, 2, n - 1] for n, hash_ in enumerate(reversed(ids))]
    rows[-1][2] = 1 if deleted else 0
    return json.dumps(rows, separators=(",", ":"))


def put_replicated_many(session: Session, docs: list[Document]) -> list[Written]:
    """Merge a batch of revisions made elsewhere (``new_edits: false``); the documents that
    changed, in the order they were first given. Replaying a batch changes nothing."""
    if not docs:
        return []
    incoming: dict[str, list[Document]] = {}
    for doc in docs:
        incoming.setdefault(doc["_id"], []).append(doc)
    rows = _load(session, list(incoming))
    attachments: list[dict[str, Any]] = []
    changed: list[_Row] = []
    for doc_id, versions in incoming.items():
        row = rows.get(doc_id)
        if row is None and len(versions) == 1:
            new = _new_linear(doc_id, versions[0], attachments)
            if new is not None:
                changed.append(new)
                continue
        row = row or _Row(doc_id, [], {}, False)
        touched = False
        for doc in versions:
            if row.tree and revtree.rev_exists(row.tree, doc["_rev"]):
                continue
            rev, deleted, revisions, body = docstore.incoming_revision(doc)
            attachments += _attachments_in(body, rev)
            path = revtree.path_from_revisions(revisions, deleted)
            row.tree = revtree.merge(row.tree, path, REV_LIMIT).tree if row.tree else [path]
            row.bodies[rev] = body
            touched = True
        if touched:
            changed.append(row)
    if not changed:
        return []
    if attachments:
        session.execute(insert(_ATTACHMENTS).on_conflict_do_nothing(), attachments)
    return _write(session, changed)


def _new_linear(doc_id: str, doc: Document, attachments: list[dict[str, Any]]) -> _Row | None:
    """The row of a document new here with one linear history, its tree written straight to
    JSON (most pulled documents); None when it needs the general path."""
    rev, deleted, revisions, body = docstore.incoming_revision(doc)
    tree_json = _linear_tree_json(revisions, deleted)
    if tree_json is None or f"{revisions['start']}-{revisions['ids'][0]}" != rev:
        return None
    attachments += _attachments_in(body, rev)
    return _Row(doc_id, [], {rev: body}, False, fast=(tree_json, rev, deleted))


_INSERT_DOC = (
    "INSERT INTO documents (id, type, rev, deleted, seq, rev_tree, body, conflicted, problem) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_DOC = (
    "UPDATE documents SET type = ?, rev = ?, deleted = ?, seq = ?, rev_tree = ?, body = ?, "
    "conflicted = ?, problem = ? WHERE id = ?"
)
_INSERT_LEAF = "INSERT INTO leaf_bodies (doc_id, rev, body) VALUES (?, ?, ?)"


def _write(session: Session, changed: list[_Row]) -> list[Written]:
    seq = next_seq(session)
    new_docs: list[tuple[Any, ...]] = []
    updated_docs: list[tuple[Any, ...]] = []
    leaf_rows: list[tuple[str, str, str]] = []
    fresh: list[projection.Projection] = []
    projected: list[projection.Projection] = []
    removals: list[tuple[str, str]] = []
    written: list[Written] = []
    for row in changed:
        if row.fast is not None:
            tree_json, winner, deleted = row.fast
            conflicted = False
            winner_body = _leaf_body(row, winner, deleted)
            losers: list[revtree.Leaf] = []
        else:
            tree = row.tree
            leaves = revtree.leaves(tree)
            winner, deleted = leaves[0].rev, leaves[0].deleted
            losers = leaves[1:]
            conflicted = any(not leaf.deleted for leaf in losers)
            tree = revtree.mark_unavailable(tree, set(revtree.non_leaf_revs(tree)))
            tree_json = json.dumps(revtree.tree_to_json(tree), separators=(",", ":"))
            winner_body = _leaf_body(row, winner, deleted)
        doc_type = winner_body.get("type")
        doc_type = doc_type if isinstance(doc_type, str) else None
        problem = None
        if deleted:
            if doc_type and row.existed:
                removals.append((doc_type, row.doc_id))
        else:
            try:
                kind = check(winner_body)
            except DocumentError as exc:  # kept in the tree, shown, not projected
                problem = str(exc)
            else:
                made = projection.PROJECTORS[kind.name](winner_body, winner, conflicted)
                (projected if row.existed else fresh).append(made)
        body = encode(winner_body)
        if row.existed:
            updated_docs.append(
                (doc_type, winner, deleted, seq, tree_json, body, conflicted, problem, row.doc_id)
            )
        else:
            new_docs.append(
                (row.doc_id, doc_type, winner, deleted, seq, tree_json, body, conflicted, problem)
            )
        seq += 1
        for leaf in losers:
            leaf_rows.append(
                (row.doc_id, leaf.rev, encode(_leaf_body(row, leaf.rev, leaf.deleted)))
            )
        written.append(Written(row.doc_id, doc_type, winner, deleted, True, conflicted))
    existing = [row.doc_id for row in changed if row.existed]
    for chunk in _chunks(existing):
        session.execute(delete(_LEAVES).where(_LEAVES.c.doc_id.in_(chunk)))
    cursor = session.connection().connection.cursor()
    try:
        if updated_docs:
            cursor.executemany(_UPDATE_DOC, updated_docs)
        if new_docs:
            cursor.executemany(_INSERT_DOC, new_docs)
        if leaf_rows:
            cursor.executemany(_INSERT_LEAF, leaf_rows)
    finally:
        cursor.close()
    for doc_type, doc_id in removals:
        projection.remove(session, doc_type, doc_id)
    if projected:
        projection.write(session, projected)
    if fresh:
        projection.write(session, fresh, fresh=True)
    return written


def _leaf_body(row: _Row, rev: str, deleted: bool) -> Document:
    raw = row.bodies.get(rev)
    if raw is None:  # not expected: every leaf arrives with its body; keep the tree whole
        return {"_id": row.doc_id, "_rev": rev, **({"_deleted": True} if deleted else {})}
    return _body(raw)


def _body(body: Document | str) -> Document:
    if isinstance(body, str):
        loaded: Document = json.loads(body)
        return loaded
    return body


def bodies_with_revisions(session: Session, wanted: dict[str, list[str]]) -> list[Document]:
    """The stored leaf bodies asked for, each with its ``_revisions`` (``_bulk_docs`` form);
    revisions that are not stored leaves are left out."""
    ids = list(wanted)
    rows = _load(session, ids)
    found: list[Document] = []
    for doc_id in ids:
        row = rows.get(doc_id)
        if row is None:
            continue
        for rev in wanted[doc_id]:
            raw = row.bodies.get(rev)
            if raw is None or not revtree.rev_exists(row.tree, rev):
                continue
            body = dict(_body(raw))
            body["_revisions"] = revtree.revisions_of(row.tree, rev)
            found.append(body)
    return found


def attachment_data(session: Session, digests: Iterable[str]) -> dict[str, bytes]:
    """Stored attachment content by digest (digests not held are left out)."""
    wanted = sorted(set(digests))
    found: dict[str, bytes] = {}
    for chunk in _chunks(wanted):
        for digest, data in session.execute(
            select(_ATTACHMENTS.c.digest, _ATTACHMENTS.c.data).where(
                _ATTACHMENTS.c.digest.in_(chunk)
            )
        ):
            found[digest] = bytes(data)
    return found


def attach(session: Session, doc: Document, name: str, content_type: str, data: bytes) -> Document:
    """A copy of ``doc`` with ``data`` attached as ``name`` (stored by digest, kept as a stub
    in the body); write it with ``docstore.put`` in the same transaction."""
    rev = doc.get("_rev")
    revpos = revtree.parse_rev(rev)[0] + 1 if isinstance(rev, str) else 1
    row, stub = _stored(data, content_type, revpos, digest_of(data))
    session.execute(insert(_ATTACHMENTS).on_conflict_do_nothing(), [row])
    return {**doc, "_attachments": {**(doc.get("_attachments") or {}), name: stub}}


def revs_diff_many(session: Session, wanted: dict[str, list[str]]) -> dict[str, list[str]]:
    """``docstore.revs_diff`` for a batch: one query for every id's revision tree."""
    ids = list(wanted)
    trees: dict[str, str] = {}
    for chunk in _chunks(ids):
        for doc_id, tree_json in session.execute(
            select(_DOCS.c.id, _DOCS.c.rev_tree).where(_DOCS.c.id.in_(chunk))
        ):
            trees[doc_id] = tree_json
    missing: dict[str, list[str]] = {}
    for doc_id, revs in wanted.items():
        tree_json = trees.get(doc_id)
        if tree_json is None:
            lacking = list(revs)
        else:
            lacking = revtree.missing_revs(revtree.tree_from_json(json.loads(tree_json)), revs)
        if lacking:
            missing[doc_id] = lacking
    return missing


def record_refusals(session: Session, refusals: dict[str, str]) -> None:
    """Keep why the central service refused a document where it is shown (``problem``); the
    next local edit of the document clears it and tries again."""
    for doc_id, reason in refusals.items():
        session.execute(_DOCS.update().where(_DOCS.c.id == doc_id).values(problem=reason[:2000]))
