"""Consents on a citizen's record: list them with whether each is in force, withdraw one, and
ask whether the council may contact the citizen on a channel or share with a partner.

Recording one is ``citizens.add_consent``. Every change goes through the same rules the
gateway applies (``caseworker.access.citizen_rules``), so the laptop refuses what the server
would.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from caseworker.access import assurance, consent, local
from caseworker.documents.codec import Document
from caseworker.errors import NotFoundError, ValidationError
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow


@dataclass(frozen=True)
class ConsentView:
    id: str
    purpose: str
    lawful_basis: str
    channel: str | None
    partner: str | None
    source: str
    valid_from: str
    valid_to: str | None
    recorded_by: str | None
    recorded_at: str | None
    withdrawn_at: str | None
    withdrawn_by: str | None
    not_in_force: str | None  # None: in force now; else why not


def citizen_doc(session: Session, citizen_id: str) -> Document:
    doc = docstore.get(session, citizen_id)
    if doc is None or doc.get("type") != "citizen":
        raise NotFoundError(f"no citizen with id {citizen_id}")
    return doc


def save_citizen(
    session: Session, actor: Actor, current: Document, edit: dict[str, Any]
) -> ChangeSet:
    """Write the citizen with ``edit`` applied, if the rules allow it (else ValidationError)."""
    new = {**current, **edit, "updated_at": to_iso(utcnow())}
    local.require(actor.person_in(session), str(current["_id"]), new, current)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    return changes


def listed(session: Session, citizen_id: str, at: datetime | None = None) -> list[ConsentView]:
    """The citizen's consents, as recorded, newest first, each with whether it is in force."""
    when = at or utcnow()
    found = []
    for c in citizen_doc(session, citizen_id).get("consents") or []:
        found.append(
            ConsentView(
                str(c["id"]),
                str(c["purpose"]),
                str(c["lawful_basis"]),
                c.get("channel"),
                c.get("partner"),
                str(c["source"]),
                str(c["valid_from"]),
                c.get("valid_to"),
                c.get("recorded_by"),
                c.get("recorded_at"),
                c.get("withdrawn_at"),
                c.get("withdrawn_by"),
                consent.state(c, when),
            )
        )
    return sorted(found, key=lambda v: v.valid_from, reverse=True)


def withdraw(session: Session, actor: Actor, citizen_id: str, consent_id: str) -> ChangeSet:
    """Withdraw a consent, now, in the actor's name (it stays on the record, ended)."""
    doc = citizen_doc(session, citizen_id)
    entries = list(doc.get("consents") or [])
    for i, entry in enumerate(entries):
        if entry.get("id") == consent_id:
            if entry.get("withdrawn_at"):
                raise ValidationError("this consent was already withdrawn")
            entries[i] = {**entry, "withdrawn_at": to_iso(utcnow()), "withdrawn_by": actor.staff_id}
            break
    else:
        raise NotFoundError(f"no consent {consent_id} on this record")
    changes = save_citizen(session, actor, doc, {"consents": entries})
    changes.merge(audit.record(session, actor, "citizen.consent_withdrawn", citizen_id, consent_id))
    return changes


def require_contact(citizen: Document, channel: str, at: datetime | None = None) -> None:
    """Raise ValidationError with the reason when the citizen may not be contacted on
    ``channel`` (a consent channel) now."""
    reason = consent.contact_refusal(citizen, channel, at or utcnow())
    if reason is not None:
        raise ValidationError(reason)


def share(session: Session, actor: Actor, citizen_id: str, partner: str, what: str) -> ChangeSet:
    """Record that the citizen's data (``what``, in a few words) goes to ``partner``: refused
    without a consent or other basis for that partner now, or without the citizen's identity
    verified. The disclosure is written to the audit trail (who, to whom, what)."""
    doc = citizen_doc(session, citizen_id)
    now = utcnow()
    reason = consent.share_refusal(doc, partner, now)
    reason = reason or assurance.refusal("share_with_partner", doc, now)
    if reason is not None:
        raise ValidationError(reason)
    if not what.strip():
        raise ValidationError("say what is shared")
    detail = f"shared with {' '.join(partner.split())}: {what.strip()}"
    return audit.record(session, actor, "citizen.shared", citizen_id, detail)
