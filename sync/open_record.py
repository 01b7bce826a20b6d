"""The laptop's side of opening a citizen's full record on demand, kept in memory only.

    docs = open_record(client, "citizen:...", "caller on the phone")    # the documents
    record = fetch_record(client, citizen_id, reason)                   # with what was cut
    store = load_record(record, laptop_store)     # a MemoryStore; close() it when done

The gateway (``sync.gateway.record``) serves the record once and records the opening with the
reason. Nothing of it is written to the laptop's store, so nothing of it is pushed or kept:
``load_record`` puts the documents through the pull's own code (``put_replicated_batch``: the
same reading, revision trees and projection) into a store in memory. The laptop's store is
only read, for the names of staff and services the record mentions.

The answer is read as defensively as a pull: a document that is not identifiable, is not
valid, or is not part of this citizen's record is left out, with a message saying so.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from caseworker.access.opening import citizen_id_problem, in_record, reason_problem, record_roots
from caseworker.documents.codec import check
from caseworker.documents.schema import DocumentError
from caseworker.errors import ValidationError
from caseworker.models import StoredDocument
from caseworker.store import incoming
from caseworker.store.memory import MemoryStore
from caseworker.store.replication import put_replicated_batch
from caseworker.store.store import Store
from sync.errors import MalformedResponse
from sync.http import CouchClient

ROUTE = "/_open_record"
# Kept with the record so the tab can name who wrote a note and which service a case is for.
NAMING_TYPES = ("staff", "service", "queue")


@dataclass(frozen=True)
class OpenedRecord:
    citizen_id: str
    docs: list[dict[str, Any]]
    truncated: bool = False  # the server cut a record larger than its bound
    skipped: list[str] = field(default_factory=list)  # why each left-out document was


def fetch_record(client: CouchClient, citizen_id: str, reason: str) -> OpenedRecord:
    """Ask the central service for one citizen's full record; errors are ``SyncError``s (or a
    ``ValidationError`` for an id or reason the server would refuse), each one line."""
    problem = citizen_id_problem(citizen_id) or reason_problem(reason)
    if problem is not None:
        raise ValidationError(problem)
    answer = client.post(ROUTE, {"id": citizen_id, "reason": reason.strip()})
    docs = answer.get("docs") if isinstance(answer, dict) else None
    if not isinstance(docs, list):
        raise MalformedResponse("the central service sent no record")
    kept, skipped = _valid(citizen_id, docs)
    if not any(d["_id"] == citizen_id for d in kept):
        raise MalformedResponse(f"the central service sent no record of {citizen_id}")
    truncated = isinstance(answer, dict) and answer.get("truncated") is True
    return OpenedRecord(citizen_id, kept, truncated, skipped)


def open_record(client: CouchClient, citizen_id: str, reason: str) -> list[dict[str, Any]]:
    """The documents of one citizen's full record (``fetch_record``'s, without the notes)."""
    return fetch_record(client, citizen_id, reason).docs


def _valid(citizen_id: str, docs: list[Any]) -> tuple[list[dict[str, Any]], list[str]]:
    readable: list[dict[str, Any]] = []
    skipped: list[str] = []
    for doc in docs:
        revision = incoming.read(doc)
        if revision is None or revision.doc_id.startswith("_"):
            skipped.append("a document without a usable id or revision was left out")
            continue
        if revision.problems or revision.deleted:
            skipped.append(f"{revision.doc_id:.80} was malformed and left out")
            continue
        try:
            check(revision.body)
        except DocumentError as exc:
            skipped.append(f"{exc!s:.200}; left out")
            continue
        assert isinstance(doc, dict)
        readable.append(doc)
    roots = record_roots(citizen_id, readable)
    kept: list[dict[str, Any]] = []
    seen: set[str] = set()
    for doc in readable:
        doc_id = doc["_id"]
        if doc_id in seen:
            continue
        if not in_record(roots, doc_id, doc):
            skipped.append(f"{doc_id:.80} is not part of this citizen's record; left out")
            continue
        seen.add(doc_id)
        kept.append(doc)
    return kept, skipped


def load_record(record: OpenedRecord, laptop: Store | None = None) -> MemoryStore:
    """A store in memory holding the record, and the staff, services and queues of the
    laptop's store (only read) so the record names them. The caller closes it."""
    store = MemoryStore()
    try:
        naming = _naming_docs(laptop) if laptop is not None else []
        with store.write() as session:
            put_replicated_batch(session, [*naming, *record.docs])
    except BaseException:
        store.close()
        raise
    return store


def _naming_docs(laptop: Store) -> list[dict[str, Any]]:
    with laptop.read() as session:
        rows = session.execute(
            select(StoredDocument.body).where(
                StoredDocument.type.in_(NAMING_TYPES), StoredDocument.deleted.is_(False)
            )
        ).scalars()
        return [json.loads(body) for body in rows]
