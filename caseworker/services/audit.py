"""Audit events: append-only documents of who did what to which record, and when."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.documents.codec import new_document
from caseworker.documents.types import AUDIT_EVENT
from caseworker.ids import new_id
from caseworker.models import AuditEvent
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow


def record(
    session: Session, actor: Actor, action: str, subject_id: str, detail: str | None = None
) -> ChangeSet:
    doc = new_document(
        AUDIT_EVENT,
        new_id(AUDIT_EVENT.id_prefix),
        {
            "at": to_iso(utcnow()),
            "by": actor.staff_id,
            "action": action,
            "subject_id": subject_id,
            "detail": detail[:2000] if detail else None,
        },
    )
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return changes


def trail(session: Session, subject_id: str) -> list[AuditEvent]:
    return list(
        session.scalars(
            select(AuditEvent).where(AuditEvent.subject_id == subject_id).order_by(AuditEvent.at)
        )
    )
