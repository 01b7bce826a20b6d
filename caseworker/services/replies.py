"""Replying to a citizen from their case: choosing a template, previewing it, and writing the
reply to the outbox (a ``message`` document, offline too). The council's central worker sends
it through GOV.UK Notify and records its status on it (``sync.notify``)."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import consent, local
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import MESSAGE
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.models import Message, ReplyTemplate, Service, StaffMember
from caseworker.replies.recipients import Recipient, recipient_problem, recipients
from caseworker.replies.render import Rendered, long_date, render
from caseworker.services.cases import load_case_doc
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import from_iso, to_iso, utcnow


@dataclass(frozen=True)
class ReplySetup:
    """What the reply dialog offers for one case."""

    case_id: str
    citizen_id: str
    language: str  # the citizen's preference: the default
    templates: list[ReplyTemplate]
    email: list[Recipient]
    sms: list[Recipient]


def templates_for(session: Session, service_code: str) -> list[ReplyTemplate]:
    """The usable templates of a service (active, without a problem), by English name."""
    return list(
        session.scalars(
            select(ReplyTemplate)
            .where(
                ReplyTemplate.service_code == service_code,
                ReplyTemplate.active.is_(True),
                ReplyTemplate.problem.is_(None),
            )
            .order_by(ReplyTemplate.name_en, ReplyTemplate.id)
        )
    )


def _case_and_citizen(session: Session, case_id: str) -> tuple[Document, Document]:
    case = load_case_doc(session, case_id)
    citizen_id = case.get("citizen_id")
    citizen = docstore.get(session, citizen_id) if isinstance(citizen_id, str) else None
    if citizen is None or citizen.get("type") != "citizen":
        raise ValidationError("this case has no citizen on this laptop to reply to")
    return case, citizen


def setup(session: Session, case_id: str) -> ReplySetup:
    case, citizen = _case_and_citizen(session, case_id)
    language = citizen.get("language")
    return ReplySetup(
        case["_id"],
        citizen["_id"],
        language if language in vocab.LANGUAGES else "en",
        templates_for(session, str(case.get("service_code"))),
        recipients(citizen, "email"),
        recipients(citizen, "sms"),
    )


def values(
    session: Session, actor: Actor, case: Document, citizen: Document, language: str
) -> dict[str, str | None]:
    """The placeholders' values for this case, in ``language``."""
    service = session.scalar(select(Service).where(Service.code == case.get("service_code")))
    service_name: str | None = None
    if service is not None:
        welsh = getattr(service, "name_cy", None)  # a bilingual catalogue, where there is one
        service_name = welsh if language == "cy" and isinstance(welsh, str) else service.name
    officer = session.get(StaffMember, actor.staff_id)
    due = case.get("due_at")
    name = citizen.get("preferred_name") or citizen.get("given_name")
    return {
        "reference": case.get("reference"),
        "citizen_name": f"{name} {citizen.get('family_name')}" if name else None,
        "service": service_name,
        "due_date": long_date(from_iso(due).date(), language) if isinstance(due, str) else None,
        "officer_name": officer.name if officer is not None else None,
    }


def _template(session: Session, template_id: str) -> Document:
    doc = docstore.get(session, template_id)
    if doc is None or doc.get("type") != "reply_template":
        raise NotFoundError(f"no reply template {template_id}")
    return doc


def preview(
    session: Session, actor: Actor, case_id: str, template_id: str, language: str
) -> Rendered:
    case, citizen = _case_and_citizen(session, case_id)
    template = _template(session, template_id)
    if template.get("service_code") != case.get("service_code"):
        raise ValidationError("this template is for another service")
    return render(template, language, values(session, actor, case, citizen, language))


def send_reply(
    session: Session,
    actor: Actor,
    case_id: str,
    *,
    template_id: str,
    language: str,
    channel: str,
    recipient_id: str,
) -> tuple[str, ChangeSet]:
    """Write the reply to the outbox: queued for the central worker to send, here and now,
    with no server needed."""
    if channel not in vocab.MESSAGE_CHANNELS:
        raise ValidationError(f"a reply goes by email or text message, not {channel!r:.20}")
    case, citizen = _case_and_citizen(session, case_id)
    rendered = preview(session, actor, case["_id"], template_id, language)
    if not rendered.complete:
        names = ", ".join(f"(({m}))" for m in rendered.missing)
        raise ValidationError(f"this case has nothing to fill {names} with: choose another reply")
    if len(rendered.body) > vocab.MESSAGE_BODY_MAX:
        raise ValidationError(f"the reply is longer than {vocab.MESSAGE_BODY_MAX:,} characters")
    chosen = next(
        (r for r in recipients(citizen, channel) if r.identifier_id == recipient_id), None
    )
    problem = recipient_problem(citizen, channel, recipient_id, chosen.value if chosen else None)
    if problem is not None or chosen is None:
        raise ValidationError(problem or "choose who the reply goes to")
    # Sending needs a valid basis for the channel now (the central worker asks again on send).
    problem = consent.contact_refusal(citizen, channel, utcnow())
    if problem is not None:
        raise ValidationError(problem)
    fields: dict[str, Any] = {
        "case_id": case["_id"],
        "citizen_id": citizen["_id"],
        "template_id": template_id,
        "channel": channel,
        "recipient_id": chosen.identifier_id,
        "recipient": chosen.value,
        "language": language,
        "subject": rendered.subject if channel == "email" else None,
        "body": rendered.body,
        "at": to_iso(utcnow()),
        "by": actor.staff_id,
        "state": "queued",
    }
    message_id = new_id(MESSAGE.id_prefix)
    doc = new_document(MESSAGE, message_id, fields)
    local.require(actor.person_in(session), message_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return message_id, changes


def case_messages(session: Session, case_id: str) -> list[Message]:
    """The replies on a case, oldest first, with their last known status."""
    return list(
        session.scalars(select(Message).where(Message.case_id == case_id).order_by(Message.at))
    )
