"""Gathering a citizen's documents from this laptop's store.

The ids that tie records to the person (their record, records merged into it, their cases)
come from the indexed tables, and from the few documents the store could not project; then
SQLite finds, in one pass, the documents whose stored JSON contains one of those ids, and
``collect`` decides which really are theirs. Any type, known or not, projected or not, is
found so. The pass reads every stored document: a field officer's laptop in milliseconds, an
admin's copy of a whole council in seconds (on the database thread, never the window's).
"""

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from caseworker.models import Case, Citizen, StoredDocument
from caseworker.sar.collect import Collected, Doc, Subject, merged_closure
from caseworker.sar.collect import select as select_documents

_CHUNK = 200  # ids per query: SQLite's expression depth stays small


def _forms(doc_id: str) -> set[str]:
    # An id as it may appear in stored JSON: as is, and escaped (non-ASCII, quotes).
    return {doc_id, json.dumps(doc_id)[1:-1]}


def _containing(session: Session, ids: frozenset[str]) -> Iterator[Doc]:
    forms = sorted({f for i in ids for f in _forms(i)})
    seen: set[str] = set()
    for start in range(0, len(forms), _CHUNK):
        chunk = forms[start : start + _CHUNK]
        query = select(StoredDocument.id, StoredDocument.body).where(
            StoredDocument.deleted.is_(False),
            or_(*(func.instr(StoredDocument.body, f) > 0 for f in chunk)),
        )
        for doc_id, body in session.execute(query):
            if doc_id in seen:
                continue
            seen.add(doc_id)
            try:
                doc = json.loads(body)
            except ValueError:
                continue
            if isinstance(doc, dict):
                doc.setdefault("_id", doc_id)
                yield doc


def _unprojected(session: Session) -> list[dict[str, Any]]:
    """Live documents the store keeps but could not project (few: the problems list)."""
    rows = session.execute(
        select(StoredDocument.id, StoredDocument.body).where(
            StoredDocument.problem.is_not(None), StoredDocument.deleted.is_(False)
        )
    )
    docs = []
    for doc_id, body in rows:
        try:
            doc = json.loads(body)
        except ValueError:
            continue
        if isinstance(doc, dict):
            docs.append({**doc, "_id": doc_id})
    return docs


def subject_of(session: Session, citizen_id: str) -> Subject:
    """The citizen, the records merged into theirs and their cases, from the indexed tables
    (and the few documents that could not be projected into them)."""
    unprojected = _unprojected(session)
    rows = session.execute(
        select(Citizen.id, Citizen.merged_into).where(Citizen.merged_into.is_not(None))
    )
    merged: dict[str, str] = {i: m for i, m in rows if m is not None}
    for doc in unprojected:
        target = doc.get("merged_into")
        if doc.get("type") == "citizen" and isinstance(target, str):
            merged[str(doc["_id"])] = target
    records = merged_closure(citizen_id, merged)
    cases = set(session.scalars(select(Case.id).where(Case.citizen_id.in_(sorted(records)))))
    subject = Subject(citizen_id, records, frozenset(cases))
    subject.learn(unprojected)  # cases of theirs that could not be projected
    return subject


def collect(session: Session, citizen_id: str) -> Collected:
    """Every live document in the store about the citizen: one pass over the stored JSON."""
    subject = subject_of(session, citizen_id)
    return select_documents(subject, _containing(session, subject.ids))
