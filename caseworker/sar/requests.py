"""Recording a subject access request: a case of the council's subject access service (the
service whose clock is ``subject_access``, docs/service-levels.md), so its one-month
statutory clock runs from the day the request was received.

A request recorded twice (a letter and an email about the same request) finds the open case
already there rather than starting a second clock.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access.channels import is_id_of
from caseworker.clocks.cases import clock_of
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import Case, Service
from caseworker.services.cases import NewCase, open_case
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import LONDON, to_iso, utcnow

SUMMARY = "Subject access request"


@dataclass(frozen=True)
class Request:
    case_id: str
    reference: str
    due_at: str
    created: bool  # False: an open request was already recorded


def services(session: Session) -> list[str]:
    """The codes of the active services whose clock is the subject access one."""
    codes = session.scalars(select(Service.code).where(Service.active.is_(True)))
    return sorted(c for c in codes if clock_of(session, c).kind == "subject_access")


def received_at(received: date, now: datetime | None = None) -> datetime:
    """When a request received on ``received`` (a local date) counts as received: now when
    that is today, otherwise the start of that day."""
    now = now or utcnow()
    today = now.astimezone(LONDON).date()
    if received > today:
        raise ValidationError(f"{received.isoformat()} is in the future")
    if received == today:
        return now
    return datetime.combine(received, time(0, 0), tzinfo=LONDON).astimezone(UTC)


def open_request(
    session: Session, actor: Actor, citizen_id: str, received: date, channel: str
) -> tuple[Request, ChangeSet]:
    if not is_id_of(citizen_id, "citizen") or docstore.get(session, citizen_id) is None:
        raise NotFoundError(f"no citizen {citizen_id} on this laptop")
    if channel not in vocab.CHANNELS:
        raise ValidationError(f"the channel is one of {', '.join(vocab.CHANNELS)}")
    codes = services(session)
    if not codes:
        raise ValidationError(
            "the catalogue has no subject access service (a service whose clock is "
            "subject_access): an admin adds one, see docs/service-levels.md"
        )
    existing = session.scalars(
        select(Case)
        .where(
            Case.citizen_id == citizen_id,
            Case.service_code.in_(codes),
            Case.status.in_(vocab.OPEN_STATUSES),
        )
        .order_by(Case.opened_at)
    ).first()
    if existing is not None:
        found = Request(existing.id, existing.reference, to_iso(existing.due_at), False)
        return found, ChangeSet()
    new = NewCase(
        codes[0], SUMMARY, channel, citizen_id=citizen_id, received_at=received_at(received)
    )
    case_id, changes = open_case(session, actor, new)
    doc = docstore.require(session, case_id)
    return Request(case_id, doc["reference"], doc["due_at"], True), changes
