"""Gathering a citizen's documents from this laptop's store.

The store is searched by the ids that tie records to the person (their record, records merged
into it, their cases): SQLite finds the documents whose stored JSON contains one of them, and
``collect`` decides which really are theirs. No projection table is needed, so a record the
store could not project (kept with a problem) is exported too.
"""

import json
from collections.abc import Iterator

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from caseworker.models import StoredDocument
from caseworker.sar.collect import Collected, Doc, Subject
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


def collect(session: Session, citizen_id: str) -> Collected:
    """Every live document in the store about the citizen."""
    subject = Subject(citizen_id)
    while subject.learn(list(_containing(session, subject.records))):
        pass
    return select_documents(subject, _containing(session, subject.ids))
