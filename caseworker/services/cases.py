"""Cases: open one, move it through the workflow, assign it, change its priority or queue.

Every change writes a new revision of the small, mutable case document plus an append-only
case event (its history) and an audit event. Resolving or closing needs an outcome from the
service's list; a closed case cannot change until it is reopened.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local
from caseworker.clocks import cases as case_clocks
from caseworker.clocks.pauses import PAUSED_STATUS
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import CASE, CASE_EVENT
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_case_reference, new_id, normalise_case_reference
from caseworker.models import Case, CaseEvent, Queue, Service, StaffMember
from caseworker.routing import store as routing
from caseworker.services import audit, outcomes, workflow
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import from_iso, to_iso, utcnow


@dataclass(frozen=True)
class NewCase:
    service_code: str
    summary: str
    channel: str
    citizen_id: str | None = None
    description: str | None = None
    priority: str = "normal"
    location_address: str | None = None
    location_postcode: str | None = None
    # When the council received it, if before now (a letter opened days later): a statutory
    # clock runs from the day of receipt (caseworker.sar.requests). UTC, aware.
    received_at: datetime | None = None
    # Where it goes when that is already decided (a mention triaged in the inbox); else routed.
    queue_id: str | None = None


def _service(session: Session, code: str) -> Service:
    service = session.scalar(select(Service).where(Service.code == code))
    if service is None or not service.active:
        raise ValidationError(f"no active council service with code {code!r}")
    return service


def _unique_reference(session: Session, opened: datetime) -> str:
    # 40 random bits a day make a clash vanishingly rare; the check below makes it impossible
    # locally, and the reference stays unique without asking any server for a number.
    while True:
        reference = new_case_reference(opened)
        if session.scalar(select(Case.id).where(Case.reference == reference)) is None:
            return reference


def record_event(
    session: Session,
    actor: Actor,
    case_id: str,
    kind: str,
    at: str,
    field: str | None = None,
    old: str | None = None,
    new: str | None = None,
    comment: str | None = None,
) -> docstore.Written:
    doc = new_document(
        CASE_EVENT,
        new_id(CASE_EVENT.id_prefix),
        {
            "case_id": case_id,
            "kind": kind,
            "at": at,
            "by": actor.staff_id,
            "field": field,
            "old": old,
            "new": new,
            "comment": comment,
        },
    )
    return docstore.put(session, doc)


def open_case(session: Session, actor: Actor, new: NewCase) -> tuple[str, ChangeSet]:
    if new.channel not in vocab.CHANNELS:
        raise ValidationError(f"unknown channel {new.channel!r}")
    if new.priority not in vocab.PRIORITIES:
        raise ValidationError(f"priority must be one of {', '.join(vocab.PRIORITIES)}")
    summary = " ".join(new.summary.split())
    if not summary:
        raise ValidationError("a case needs a short summary of what is wrong")
    if len(summary) > 300:
        raise ValidationError(
            "the summary is longer than 300 characters; put detail in the description"
        )
    service = _service(session, new.service_code)
    if new.citizen_id is not None and docstore.get(session, new.citizen_id) is None:
        raise NotFoundError(f"no citizen with id {new.citizen_id}")
    clock = utcnow()
    if new.received_at is not None and new.received_at > clock:
        raise ValidationError("a request cannot be received in the future")
    opened = new.received_at or clock
    now = to_iso(clock)
    location: dict[str, Any] | None = None
    if new.location_address or new.location_postcode:
        location = {
            k: v
            for k, v in (("address", new.location_address), ("postcode", new.location_postcode))
            if v
        }
    # Working time under the council's calendar, or the service's statutory clock.
    response_due_at, due_at = case_clocks.new_case_due(session, service.code, opened)
    case_id = new_id(CASE.id_prefix)
    doc = new_document(
        CASE,
        case_id,
        {
            "reference": _unique_reference(session, opened),
            "citizen_id": new.citizen_id,
            "service_code": service.code,
            "summary": summary,
            "description": (new.description or "").strip() or None,
            "status": "new",
            "priority": new.priority,
            "channel": new.channel,
            "queue_id": new.queue_id
            or routing.queue_for_new_case(
                session, service, new.location_postcode, new.citizen_id, new.channel
            ),
            "opened_at": to_iso(opened),
            "response_due_at": response_due_at,
            "due_at": due_at,
            "location": location,
            "updated_at": now,
        },
    )
    local.require(actor.person_in(session), case_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.add(record_event(session, actor, case_id, "created", now, "status", None, "new"))
    changes.merge(audit.record(session, actor, "case.opened", case_id, doc["reference"]))
    return case_id, changes


def load_case_doc(session: Session, case_ref_or_id: str) -> Document:
    """The current case document, by id or by its human reference."""
    case_id = case_ref_or_id
    reference = normalise_case_reference(case_ref_or_id)
    if reference is not None:
        found = session.scalar(select(Case.id).where(Case.reference == reference))
        if found is not None:
            case_id = found
    doc = docstore.get(session, case_id)
    if doc is None or doc.get("type") != "case":
        raise NotFoundError(f"no case {case_ref_or_id}")
    return doc


CLOSED = "this case is closed: reopen it (with a reason) before changing anything on it"


def require_open(doc: Document) -> None:
    """A closed case is finished: only reopening it changes it (admins included)."""
    if doc.get("status") == "closed":
        raise ValidationError(CLOSED)


def _save(
    session: Session, actor: Actor, before: Document, doc: Document, now: str
) -> docstore.Written:
    """Save the changed case, if the access rules let the actor turn ``before`` into it."""
    doc["updated_at"] = now
    body = {k: v for k, v in doc.items() if v is not None}
    body["schema"] = CASE.schema_version  # written by this code: its shape now
    local.require(actor.person_in(session), body["_id"], body, before)
    return docstore.put(session, body)


def transition(
    session: Session,
    actor: Actor,
    case_id: str,
    target: str,
    comment: str | None = None,
    outcome: str | None = None,
) -> ChangeSet:
    """Move the case to ``target``. Resolving or closing needs an ``outcome`` from the
    service's list (closing a resolved case keeps the resolution's unless given another);
    reopening clears it."""
    doc = load_case_doc(session, case_id)
    current = doc["status"]
    workflow.check_transition(current, target)
    comment = (comment or "").strip() or None
    ended: outcomes.Outcome | None = None
    if target in outcomes.ENDS:
        code = outcome or (doc.get("outcome") if target == "closed" else None)
        ended = outcomes.require(session, doc["service_code"], code, target)
    elif outcome is not None:
        raise ValidationError(f"only a resolved or closed case has an outcome, not a {target} one")
    changes = ChangeSet()
    if target == "assigned" and not doc.get("assignee_id"):
        # Moving a case to "assigned" with nobody on it means the person doing it takes it.
        changes.merge(assign(session, actor, doc["_id"], actor.staff_id))
        doc = docstore.require(session, doc["_id"])
    now = to_iso(utcnow())
    before = dict(doc)
    doc["status"] = target
    if target == "resolved":
        doc["resolved_at"] = now
    elif target == "closed":
        doc["closed_at"] = now
    elif target == "reopened":
        doc["resolved_at"] = doc["closed_at"] = doc["outcome"] = None
    if ended is not None:
        doc["outcome"] = ended.code
    if current == PAUSED_STATUS and target != PAUSED_STATUS:
        # The clock stood still while the council waited for the citizen: move the due times
        # on by the working time it was paused (this change ends the pause).
        resumed = (from_iso(now), "status_changed", current, target)
        doc["response_due_at"], doc["due_at"] = case_clocks.case_due(session, doc, [resumed])
    changes.add(_save(session, actor, before, doc, now))
    changes.add(
        record_event(
            session, actor, doc["_id"], "status_changed", now, "status", current, target, comment
        )
    )
    detail = f"{current} -> {target}" + (f" ({ended.code})" if ended is not None else "")
    changes.merge(audit.record(session, actor, "case.status", doc["_id"], detail))
    return changes


def assign(session: Session, actor: Actor, case_id: str, assignee_id: str | None) -> ChangeSet:
    """Supervisors assign anyone; everyone else can only take an unassigned case themselves
    or give back their own (``caseworker.access`` decides)."""
    doc = load_case_doc(session, case_id)
    require_open(doc)
    local.require(actor.person_in(session), doc["_id"], {**doc, "assignee_id": assignee_id}, doc)
    if assignee_id is not None:
        staff = session.get(StaffMember, assignee_id)
        if staff is None or not staff.active:
            raise NotFoundError(f"no active member of staff {assignee_id}")
    old = doc.get("assignee_id")
    if old == assignee_id:
        return ChangeSet()
    now = to_iso(utcnow())
    before = dict(doc)
    doc["assignee_id"] = assignee_id
    changes = ChangeSet()
    changes.add(_save(session, actor, before, doc, now))
    changes.add(
        record_event(session, actor, doc["_id"], "assigned", now, "assignee_id", old, assignee_id)
    )
    changes.merge(
        audit.record(session, actor, "case.assigned", doc["_id"], assignee_id or "nobody")
    )
    return changes


def set_priority(session: Session, actor: Actor, case_id: str, priority: str) -> ChangeSet:
    if priority not in vocab.PRIORITIES:
        raise ValidationError(f"priority must be one of {', '.join(vocab.PRIORITIES)}")
    doc = load_case_doc(session, case_id)
    require_open(doc)
    old = doc["priority"]
    if old == priority:
        return ChangeSet()
    now = to_iso(utcnow())
    before = dict(doc)
    doc["priority"] = priority
    changes = ChangeSet()
    changes.add(_save(session, actor, before, doc, now))
    changes.add(
        record_event(session, actor, doc["_id"], "priority_changed", now, "priority", old, priority)
    )
    return changes


def set_queue(session: Session, actor: Actor, case_id: str, queue_id: str) -> ChangeSet:
    doc = load_case_doc(session, case_id)
    require_open(doc)
    local.require(actor.person_in(session), doc["_id"], {**doc, "queue_id": queue_id}, doc)
    if session.get(Queue, queue_id) is None:
        raise NotFoundError(f"no queue {queue_id}")
    old = doc.get("queue_id")
    if old == queue_id:
        return ChangeSet()
    now = to_iso(utcnow())
    before = dict(doc)
    doc["queue_id"] = queue_id
    changes = ChangeSet()
    changes.add(_save(session, actor, before, doc, now))
    changes.add(
        record_event(session, actor, doc["_id"], "queue_changed", now, "queue_id", old, queue_id)
    )
    changes.merge(audit.record(session, actor, "case.queue", doc["_id"], queue_id))
    return changes


def history(session: Session, case_id: str) -> list[CaseEvent]:
    return list(
        session.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == case_id)
            .order_by(CaseEvent.at, CaseEvent.id)
        )
    )


def get_case(session: Session, case_ref_or_id: str) -> Case:
    doc = load_case_doc(session, case_ref_or_id)
    case = session.get(Case, doc["_id"])
    if case is None:
        raise NotFoundError(f"case {case_ref_or_id} could not be read (see its stored problem)")
    return case
