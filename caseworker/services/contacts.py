"""Recording contacts with citizens (any channel, either direction), anonymous contacts from
callers who give no details, and notes."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local
from caseworker.documents.codec import new_document
from caseworker.documents.types import INTERACTION, NOTE
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.models import Interaction, Note
from caseworker.services.cases import load_case_doc
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow


def record_interaction(
    session: Session,
    actor: Actor,
    *,
    channel: str,
    direction: str,
    summary: str,
    citizen_id: str | None = None,
    case_id: str | None = None,
) -> tuple[str, ChangeSet]:
    if channel not in vocab.CHANNELS:
        raise ValidationError(f"unknown channel {channel!r}")
    if direction not in vocab.DIRECTIONS:
        raise ValidationError("direction must be inbound or outbound")
    text = summary.strip()
    if not text:
        raise ValidationError("say briefly what the contact was about")
    if citizen_id is None and case_id is None:
        raise ValidationError("a contact belongs to a citizen, a case, or both")
    if citizen_id is not None and docstore.get(session, citizen_id) is None:
        raise NotFoundError(f"no citizen with id {citizen_id}")
    if case_id is not None:
        case_id = load_case_doc(session, case_id)["_id"]
    interaction_id = new_id(INTERACTION.id_prefix)
    doc = new_document(
        INTERACTION,
        interaction_id,
        {
            "citizen_id": citizen_id,
            "case_id": case_id,
            "channel": channel,
            "direction": direction,
            "at": to_iso(utcnow()),
            "by": actor.staff_id,
            "summary": text,
        },
    )
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return interaction_id, changes


def record_anonymous_contact(
    session: Session, actor: Actor, *, channel: str, subject: str, summary: str
) -> tuple[str, ChangeSet]:
    """A contact from a caller who will not give their details: no citizen and no case. It
    goes to the contact centre's shared ``anonymous`` channel (``access.channels``), so only
    agents and supervisors may log one."""
    if channel not in vocab.CHANNELS:
        raise ValidationError(f"unknown channel {channel!r}")
    about = " ".join(subject.split())
    if not about:
        raise ValidationError("say in a few words what the contact was about (the subject)")
    if len(about) > 200:
        raise ValidationError(
            "the subject is longer than 200 characters; put the rest in what was said"
        )
    text = summary.strip()
    if not text:
        raise ValidationError("say briefly what was said")
    interaction_id = new_id(INTERACTION.id_prefix)
    doc = new_document(
        INTERACTION,
        interaction_id,
        {
            "channel": channel,
            "direction": "inbound",
            "at": to_iso(utcnow()),
            "by": actor.staff_id,
            "subject": about,
            "summary": text,
        },
    )
    local.require(actor.person_in(session), interaction_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return interaction_id, changes


def add_note(
    session: Session,
    actor: Actor,
    text: str,
    *,
    case_id: str | None = None,
    citizen_id: str | None = None,
) -> tuple[str, ChangeSet]:
    body = text.strip()
    if not body:
        raise ValidationError("a note cannot be empty")
    if case_id is None and citizen_id is None:
        raise ValidationError("a note belongs to a case or a citizen")
    if case_id is not None:
        case_doc = load_case_doc(session, case_id)
        case_id = case_doc["_id"]
        citizen_id = citizen_id or case_doc.get("citizen_id")
    elif citizen_id is not None and docstore.get(session, citizen_id) is None:
        raise NotFoundError(f"no citizen with id {citizen_id}")
    note_id = new_id(NOTE.id_prefix)
    doc = new_document(
        NOTE,
        note_id,
        {
            "case_id": case_id,
            "citizen_id": citizen_id,
            "text": body,
            "at": to_iso(utcnow()),
            "by": actor.staff_id,
        },
    )
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return note_id, changes


def timeline(session: Session, citizen_id: str, limit: int = 500) -> list[Interaction]:
    return list(
        session.scalars(
            select(Interaction)
            .where(Interaction.citizen_id == citizen_id)
            .order_by(Interaction.at.desc())
            .limit(limit)
        )
    )


def case_notes(session: Session, case_id: str) -> list[Note]:
    return list(session.scalars(select(Note).where(Note.case_id == case_id).order_by(Note.at)))
