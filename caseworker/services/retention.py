"""Retention through the window and the command line: the schedule (admins), legal holds
(supervisors), and approving a disposal (supervisors), which asks for one erasure per record
due through the same path as any erasure and writes the disposal log entry (no personal data).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local, rules
from caseworker.documents.codec import new_document
from caseworker.documents.types import DISPOSAL, LEGAL_HOLD, RETENTION, RETENTION_ID
from caseworker.erasure import retention
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.services.erasure import erasure_document, write_erasures
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

MAX_MONTHS = 1200


def set_rule(
    session: Session, actor: Actor, record_class: str, months: int, action: str
) -> ChangeSet:
    """Set one class's rule in ``retention:council`` (admins: the rules say so)."""
    if record_class not in vocab.RECORD_CLASSES:
        raise ValidationError(f"a record class is one of {', '.join(vocab.RECORD_CLASSES)}")
    if not 0 < months <= MAX_MONTHS:
        raise ValidationError(f"months must be between 1 and {MAX_MONTHS}")
    if action not in vocab.ERASURE_MODES:
        raise ValidationError(f"the action is one of {', '.join(vocab.ERASURE_MODES)}")
    current = docstore.get(session, RETENTION_ID)
    by_class = {r.record_class: r for r in retention.schedule(session)}
    by_class[record_class] = retention.Rule(record_class, months, action)
    body = {
        "rules": [
            {"record_class": r.record_class, "months": r.months, "action": r.action}
            for r in by_class.values()
        ],
        "updated_at": to_iso(utcnow()),
        "updated_by": actor.staff_id,
    }
    doc = new_document(RETENTION, RETENTION_ID, body)
    if current is not None:
        doc["_rev"] = current["_rev"]
    local.require(actor.person_in(session), RETENTION_ID, doc, current)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return changes


def place_hold(
    session: Session,
    actor: Actor,
    *,
    reason: str,
    case_id: str | None = None,
    citizen_id: str | None = None,
) -> tuple[str, ChangeSet]:
    """A legal hold on a case or a citizen, saying why, in the actor's name."""
    text = " ".join(reason.split())
    if not text:
        raise ValidationError("say why the record is held")
    if (case_id is None) == (citizen_id is None):
        raise ValidationError("hold one case or one citizen")
    hold_id = new_id(LEGAL_HOLD.id_prefix)
    doc = new_document(
        LEGAL_HOLD,
        hold_id,
        {
            "case_id": case_id,
            "citizen_id": citizen_id,
            "reason": text,
            "by": actor.staff_id,
            "at": to_iso(utcnow()),
        },
    )
    local.require(actor.person_in(session), hold_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "hold.placed", hold_id))
    return hold_id, changes


def end_hold(session: Session, actor: Actor, hold_id: str) -> ChangeSet:
    doc = docstore.get(session, hold_id)
    if doc is None or doc.get("type") != LEGAL_HOLD.name:
        raise NotFoundError(f"no legal hold {hold_id}")
    if doc.get("ended_at"):
        raise ValidationError("this legal hold has already ended")
    new = {**doc, "ended_at": to_iso(utcnow()), "ended_by": actor.staff_id}
    local.require(actor.person_in(session), hold_id, new, doc)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    changes.merge(audit.record(session, actor, "hold.ended", hold_id))
    return changes


@dataclass(frozen=True)
class Disposal:
    disposal_id: str | None  # None when nothing was due
    count: int
    held: int


def approve(
    session: Session, actor: Actor, record_class: str, now: datetime | None = None
) -> tuple[Disposal, ChangeSet]:
    """Dispose of every record of the class that is due (supervisors): one erasure each
    (the rule's action, on the ground that it is no longer necessary), and the disposal log
    entry. Held records are skipped and counted; nothing due writes nothing."""
    if not actor.is_supervisor:  # refused even when nothing is due: the answer is the same
        raise ValidationError(rules.DISPOSAL_WHO)
    moment = now or utcnow()
    found = {d.rule.record_class: d for d in retention.due(session, moment)}
    if record_class not in found:
        raise ValidationError(f"a record class is one of {', '.join(vocab.RECORD_CLASSES)}")
    review = found[record_class]
    if not review.ids:
        return Disposal(None, 0, review.held), ChangeSet()
    disposal_id = new_id(DISPOSAL.id_prefix)
    erasures = [
        erasure_document(
            new_id("erasure"),
            None,
            record_id=record_id,
            by=actor.staff_id,
            mode=review.rule.action,
            basis="no_longer_necessary",
            reason="retention_schedule",
            disposal_id=disposal_id,
        )
        for record_id in review.ids
    ]
    log = new_document(
        DISPOSAL,
        disposal_id,
        {
            "record_class": record_class,
            "months": review.rule.months,
            "action": review.rule.action,
            "count": len(erasures),
            "held": review.held,
            "approved_by": actor.staff_id,
            "approved_at": to_iso(moment),
            "erasures": [e["_id"] for e in erasures],
        },
    )
    local.require(actor.person_in(session), disposal_id, log, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, log))
    changes.merge(write_erasures(session, actor, erasures))
    return Disposal(disposal_id, len(erasures), review.held), changes
