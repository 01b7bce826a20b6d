"""Asking for a citizen's record to be erased or anonymised (supervisors and admins).

The request is an ``erasure`` document that names the citizen by id only, with the legal basis
and a reason category. This laptop carries it out at once on what it holds
(``caseworker.erasure.local``); the central worker purges the central database and records the
outcome, and every other laptop purges when the document reaches it. The caller commits, then
calls ``caseworker.erasure.local.clean`` so no free page keeps what was purged.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import ERASURE
from caseworker.erasure import local as erasure_local
from caseworker.erasure import retention
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.models import Case, Citizen, DirectoryEntry, Erasure
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

HELD = "this citizen's record (or one of their cases) is under legal hold: it cannot be erased"


def _choice(value: str, choices: tuple[str, ...], what: str) -> str:
    if value not in choices:
        raise ValidationError(f"{what} is one of {', '.join(choices)}")
    return value


def erasure_document(
    erasure_id: str,
    citizen_id: str | None,
    *,
    by: str,
    mode: str,
    basis: str,
    reason: str,
    disposal_id: str | None = None,
    record_id: str | None = None,
) -> Document:
    """A new erasure request (validated: an unknown mode, basis or reason is refused), of a
    citizen or of one record (``record_id``, a retention disposal)."""
    return new_document(
        ERASURE,
        erasure_id,
        {
            "citizen_id": citizen_id,
            "record_id": record_id,
            "mode": _choice(mode, vocab.ERASURE_MODES, "the mode"),
            "basis": _choice(basis, vocab.ERASURE_BASES, "the legal basis"),
            "reason": _choice(reason, vocab.ERASURE_REASONS, "the reason"),
            "requested_by": by,
            "requested_at": to_iso(utcnow()),
            "state": "requested",
            "disposal_id": disposal_id,
        },
    )


def known_citizen(session: Session, citizen_id: str) -> bool:
    """Whether this laptop knows the citizen (their record, or their directory entry)."""
    if session.get(Citizen, citizen_id) is not None:
        return True
    entry = select(DirectoryEntry.id).where(DirectoryEntry.citizen_id == citizen_id).limit(1)
    return session.scalar(entry) is not None


def request_erasure(
    session: Session,
    actor: Actor,
    citizen_id: str,
    *,
    mode: str,
    basis: str,
    reason: str,
    disposal_id: str | None = None,
) -> tuple[str, ChangeSet]:
    """Write the request (the rules: a supervisor or admin, in their own name) and carry it out
    on this laptop. An erasure already asked for the same citizen is refused: one is enough,
    and the central worker completes it."""
    earlier = select(Erasure.id).where(Erasure.citizen_id == citizen_id).limit(1)
    if session.scalar(earlier) is not None:
        raise ValidationError(f"an erasure of {citizen_id} has already been asked for")
    if not known_citizen(session, citizen_id):
        raise NotFoundError(f"no citizen with id {citizen_id}")
    cases = set(session.scalars(select(Case.id).where(Case.citizen_id == citizen_id)))
    if retention.live_holds(session) & {citizen_id, *cases}:
        raise ValidationError(HELD)
    erasure_id = new_id(ERASURE.id_prefix)
    doc = erasure_document(
        erasure_id,
        citizen_id,
        by=actor.staff_id,
        mode=mode,
        basis=basis,
        reason=reason,
        disposal_id=disposal_id,
    )
    return erasure_id, write_erasures(session, actor, [doc])


def write_erasures(session: Session, actor: Actor, docs: list[Document]) -> ChangeSet:
    """Write erasure requests (the rules judge each) and carry them out on this laptop."""
    person = actor.person_in(session)
    changes = ChangeSet()
    for doc in docs:
        local.require(person, doc["_id"], doc, None)
        changes.add(docstore.put(session, doc))
        # The audit trail names the erasure, never the citizen (an event about them would be
        # theirs, and erased with them).
        changes.merge(audit.record(session, actor, "erasure.requested", doc["_id"], doc["mode"]))
    changes.written += erasure_local.apply(session, docs).written
    return changes
