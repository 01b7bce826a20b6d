"""The store's side of replication, in batches: what a replicator writes and reads.

``put_replicated_many`` reads each revision defensively (``incoming``: whatever a peer sends
is kept as a problem or skipped, never raised), loads every document of the batch in one
query, merges the revision trees in Python and hands the result to ``writer``, the store's
one write path (local edits end there too). Revisions already known are skipped, so a
replayed batch changes nothing. ``bodies_with_revisions`` is ``docstore.with_revisions`` for a
batch (what ``_bulk_docs`` wants). Attachments are content-addressed by digest: a replicated
body that carries ``data`` has it moved into the attachments table and keeps a stub.

Like the rest of the store, these take a Session and never commit.
"""

import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from caseworker.documents.codec import Document
from caseworker.limits import MAX_REV_LENGTH, REV_LIMIT
from caseworker.models import Attachment, StoreSetting
from caseworker.revisions import tree as revtree
from caseworker.store import incoming, writer
from caseworker.store.incoming import digest_of
from caseworker.store.writer import DOCS, Pending, Written, chunks

__all__ = ["digest_of"]
log = logging.getLogger(__name__)
_ATTACHMENTS: Table = Attachment.__table__  # type: ignore[assignment]
_SETTINGS: Table = StoreSetting.__table__  # type: ignore[assignment]
_PLAIN_REV = re.compile(r"[1-9][0-9]{0,8}-[0-9a-f]{1,64}")
SKIPPED_KEY = "replication.skipped_revisions"  # how many revisions could not be identified


@dataclass(frozen=True)
class Batch:
    """What a replicated batch did: the documents that changed, and how many revisions were
    skipped because they could not be identified (no usable ``_id`` or ``_rev``)."""

    written: list[Written]
    skipped: int


@dataclass(frozen=True)
class Prepared:
    """A batch read and checked before its write, without the store (a pull does it on its
    fetching thread while the batch before is written): each document given, with the
    revision read from it (None: unidentifiable) and, for a live one, its check as a winner."""

    read: list[tuple[object, incoming.Revision | None, "writer.Checked | None"]]

    def only(self, kept: Sequence[object]) -> "Prepared":
        """The same for the documents in ``kept``, in its order: each found by identity, and
        one that is not (a filter gave back a copy) read and checked again, never left out."""
        entries = {id(entry[0]): entry for entry in self.read}
        return Prepared([entries.get(id(doc)) or prepare([doc]).read[0] for doc in kept])


def prepare(docs: Sequence[object]) -> Prepared:
    """Read each document defensively and check each live one as its document's winner."""
    read: list[tuple[object, incoming.Revision | None, writer.Checked | None]] = []
    for doc in docs:
        revision = incoming.read(doc)
        ahead = None
        if revision is not None and not revision.deleted:
            ahead = writer.checked(revision.body, revision.rev)
        read.append((doc, revision, ahead))
    return Prepared(read)


def put_replicated_many(session: Session, docs: Sequence[object]) -> list[Written]:
    """Merge a batch of revisions made elsewhere (``new_edits: false``); the documents that
    changed, in the order they were first given. Replaying a batch changes nothing."""
    return put_replicated_batch(session, docs).written


def put_replicated_batch(session: Session, docs: Sequence[object]) -> Batch:
    """``put_replicated_many``, telling also how many revisions were skipped. Never raises for
    what a peer sent: bad revisions are kept as problems or, if unidentifiable, counted."""
    return put_prepared(session, prepare(docs))


def put_prepared(session: Session, prepared: Prepared) -> Batch:
    """``put_replicated_batch`` of a batch ``prepare`` read."""
    revisions: dict[str, list[incoming.Revision]] = {}
    aheads: dict[int, writer.Checked] = {}
    skipped = 0
    for _doc, revision, ahead in prepared.read:
        if revision is None:
            skipped += 1
        else:
            revisions.setdefault(revision.doc_id, []).append(revision)
            if ahead is not None:
                aheads[id(revision)] = ahead
    if skipped:
        _count_skipped(session, skipped)
    if not revisions:
        return Batch([], skipped)
    stored = writer.load(session, list(revisions))
    attachments: list[dict[str, Any]] = []
    pending: list[Pending] = []
    for doc_id, versions in revisions.items():
        doc = stored.get(doc_id)
        if doc is None and len(versions) == 1:
            new = versions[0]  # most pulled documents: new here, one linear history
            linear = (new.tree_json(), new.rev, new.deleted)
            body = writer.Body(new.body, new.text, aheads.get(id(new)))
            pending.append(Pending(doc_id, [], {new.rev: body}, None, linear, new.problems))
            attachments += new.attachments
            continue
        doc = doc or Pending(doc_id, [], {})
        touched = False
        for revision in versions:
            if doc.tree and revtree.rev_exists(doc.tree, revision.rev):
                continue  # known already: a replay changes nothing
            path = revision.path()
            doc.tree = revtree.merge(doc.tree, path, REV_LIMIT).tree if doc.tree else [path]
            doc.bodies[revision.rev] = writer.Body(
                revision.body, revision.text, aheads.get(id(revision))
            )
            doc.problems += revision.problems
            attachments += revision.attachments
            touched = True
        if touched:
            pending.append(doc)
    if attachments:
        session.execute(insert(_ATTACHMENTS).on_conflict_do_nothing(), attachments)
    return Batch(writer.write(session, pending), skipped)


def _count_skipped(session: Session, skipped: int) -> None:
    log.warning("skipped %d replicated revisions without a usable _id or _rev", skipped)
    before = session.scalar(select(_SETTINGS.c.value).where(_SETTINGS.c.key == SKIPPED_KEY))
    total = int(before) + skipped if before and before.isdigit() else skipped
    stmt = insert(_SETTINGS).values(key=SKIPPED_KEY, value=str(total))
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": str(total)}))


def held_digests(session: Session, digests: set[str]) -> set[str]:
    """Which of these attachment digests the store holds content for."""
    found: set[str] = set()
    wanted = sorted(d for d in digests if d)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            session.scalars(select(_ATTACHMENTS.c.digest).where(_ATTACHMENTS.c.digest.in_(chunk)))
        )
    return found


def bodies_with_revisions(session: Session, wanted: dict[str, list[str]]) -> list[Document]:
    """The stored leaf bodies asked for, each with its ``_revisions`` (``_bulk_docs`` form);
    revisions that are not stored leaves are left out."""
    ids = list(wanted)
    stored = writer.load(session, ids)
    found: list[Document] = []
    for doc_id in ids:
        doc = stored.get(doc_id)
        if doc is None:
            continue
        for rev in wanted[doc_id]:
            body = doc.bodies.get(rev)
            if body is None or not revtree.rev_exists(doc.tree, rev):
                continue
            full = dict(body.parsed())
            full["_revisions"] = revtree.revisions_of(doc.tree, rev)
            found.append(full)
    return found


def attachment_data(session: Session, digests: Iterable[str]) -> dict[str, bytes]:
    """Stored attachment content by digest (digests not held are left out)."""
    wanted = sorted(set(digests))
    found: dict[str, bytes] = {}
    for chunk in chunks(wanted):
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
    row, stub = incoming.stored_attachment(data, content_type, revpos, digest_of(data))
    session.execute(insert(_ATTACHMENTS).on_conflict_do_nothing(), [row])
    return {**doc, "_attachments": {**(doc.get("_attachments") or {}), name: stub}}


def revs_diff_many(session: Session, wanted: dict[str, list[str]]) -> dict[str, list[str]]:
    """For each id, the revisions this store lacks (CouchDB ``_revs_diff``), with one query
    for every id's revision tree. A revision that is not ``N-hash`` is never wanted."""
    ids = [doc_id for doc_id, revs in wanted.items() if isinstance(revs, list)]
    trees: dict[str, str] = {}
    cursor = session.connection().connection.cursor()  # a pull's every batch: no ORM cost
    try:
        for chunk in chunks(ids):
            marks = ",".join("?" * len(chunk))
            cursor.execute(f"SELECT id, rev_tree FROM documents WHERE id IN ({marks})", chunk)
            trees.update(cursor.fetchall())
    finally:
        cursor.close()
    missing: dict[str, list[str]] = {}
    for doc_id in ids:
        revs = [rev for rev in wanted[doc_id] if _is_rev(rev)]
        tree_json = trees.get(doc_id)
        if tree_json is None:
            lacking = revs
        else:
            lacking = revtree.missing_revs(revtree.tree_from_json(json.loads(tree_json)), revs)
        if lacking:
            missing[doc_id] = lacking
    return missing


def _is_rev(rev: object) -> bool:
    if type(rev) is str and _PLAIN_REV.fullmatch(rev):  # nearly every revision
        return True
    if not incoming.usable_text(rev, MAX_REV_LENGTH):
        return False
    try:
        revtree.parse_rev(rev)  # type: ignore[arg-type]
    except ValueError:
        return False
    return True


def record_refusals(session: Session, refusals: dict[str, str]) -> None:
    """Keep why the central service refused a document where it is shown (``problem``); the
    next local edit of the document clears it and tries again."""
    for doc_id, reason in refusals.items():
        session.execute(DOCS.update().where(DOCS.c.id == doc_id).values(problem=reason[:2000]))
