"""Which pending local changes must travel in the same ``_bulk_docs`` as a push batch.

The server judges a batch together (``caseworker.access.writes.judge_batch``): a new case may
name a citizen added in the same batch, a case event may follow a case written in it, and the
case events and audit events describing a refused change are refused with it. A field officer
holds a citizen only through a case, so a new citizen pushed in one batch and the case on them
in the next would see the case refused. So to a batch are added, from the changes still
pending after it (local ``seq`` above the batch's last), until nothing more is found:

- citizen -> the cases that name them; case -> its citizen;
- case -> its case events and the audit events about it; case event -> its case;
- citizen -> the audit events about them; audit event -> its subject.

Notes and contacts are not grouped: anyone may add one to any case or citizen, so the server
takes them in whatever batch they come.

Read from the typed tables (indexed by these links), so a batch costs a few indexed queries.
A document added here is pushed again in its own batch later; ``_revs_diff`` then drops it, and
the pusher does not send one the server refused again on its own (``Pusher``).
"""

import json
from collections.abc import Iterable

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from caseworker.models import AuditEvent, Case, CaseEvent, LeafBody, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.store.docstore import Change

_MAX_ROUNDS = 50  # a chain of links longer than this is not what the services write
# Once this many changes go early with a batch, no further links are followed: a subject with
# a great many pending records about it (an audit trail) must not grow one request without end.
MAX_ALONG = 5_000

Column = InstrumentedAttribute[str] | InstrumentedAttribute[str | None]
# For each type of record: (given column, found column) lookups that link it to others: a row
# whose given column holds the record's id links it to the row's found column.
_LINKS: dict[str, tuple[tuple[Column, Column], ...]] = {
    "citizen": ((Case.citizen_id, Case.id), (AuditEvent.subject_id, AuditEvent.id)),
    "case": (
        (Case.id, Case.citizen_id),
        (CaseEvent.case_id, CaseEvent.id),
        (AuditEvent.subject_id, AuditEvent.id),
    ),
    "case_event": ((CaseEvent.id, CaseEvent.case_id),),
    "audit_event": ((AuditEvent.id, AuditEvent.subject_id),),
}


def travelling_with(session: Session, batch: list[Change]) -> list[Change]:
    """The pending changes after ``batch`` that must be sent in the same ``_bulk_docs``."""
    if not batch:
        return []
    after = batch[-1].seq
    seen = {c.doc_id for c in batch}
    frontier = set(seen)
    found: set[str] = set()
    for _ in range(_MAX_ROUNDS):
        pending = _linked_pending(session, frontier, after) - seen
        if not pending:
            break
        seen |= pending
        found |= pending
        frontier = pending
        if len(found) >= MAX_ALONG:
            break
    return _changes_of(session, found)


def _linked_pending(session: Session, ids: set[str], after: int) -> set[str]:
    """Every id linked to one of ``ids``, either way round, whose change is still pending
    (local ``seq`` above ``after``): by the ids' types, a few lookups on the typed tables'
    indexes (a batch of notes costs one look at the documents table)."""
    by_type: dict[str, list[str]] = {}
    query = select(StoredDocument.id, StoredDocument.type).where(_among(StoredDocument.id, ids))
    for doc_id, doc_type in session.execute(query):
        if doc_type in _LINKS:
            by_type.setdefault(doc_type, []).append(doc_id)
    out: set[str] = set()
    for doc_type, of_type in by_type.items():
        for given, found in _LINKS[doc_type]:
            links = (
                select(StoredDocument.id)
                .join_from(given.class_, StoredDocument, StoredDocument.id == found)
                .where(_among(given, of_type), StoredDocument.seq > after)
            )
            out.update(session.scalars(links))
    return out


def _changes_of(session: Session, ids: set[str]) -> list[Change]:
    """``docstore.changes_since``'s rows for these ids, in local order."""
    if not ids:
        return []
    rows = session.execute(
        select(
            StoredDocument.seq,
            StoredDocument.id,
            StoredDocument.rev,
            StoredDocument.deleted,
            StoredDocument.rev_tree,
            select(LeafBody.rev).where(LeafBody.doc_id == StoredDocument.id).exists(),
        )
        .where(_among(StoredDocument.id, ids))
        .order_by(StoredDocument.seq)
    ).all()
    changes: list[Change] = []
    for seq, doc_id, rev, deleted, tree_json, branched in rows:
        leaves = [rev]
        if branched or deleted:
            tree = revtree.tree_from_json(json.loads(tree_json))
            leaves = [leaf.rev for leaf in revtree.leaves(tree)]
        changes.append(Change(seq, doc_id, rev, deleted, leaves))
    return changes


def _among(column: Column, ids: Iterable[str]) -> ColumnElement[bool]:
    """``column IN (ids)`` with the ids as one JSON parameter (``json_each``): a batch's
    thousand ids cost SQLite nothing to bind and SQLAlchemy nothing to compile."""
    values = func.json_each(json.dumps(sorted(ids))).table_valued("value")
    return column.in_(select(values.c.value))
