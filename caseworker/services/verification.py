"""Sending a citizen a verification code and checking what they read back.

``request_code`` writes a ``verification`` request (which email address or phone on their
record; no code): the central Notify worker makes the code, sends it and writes back only its
salted hash and expiry (``caseworker.security.codes``). ``check_code`` compares what the agent
typed with that hash, counts the try on the request, and for the right code records a
``code_sent`` check through that identifier (``assurance.record_check``); a wrong one leaves
fewer tries, and the last wrong one refuses the request (ask for a new code).

A code the citizen asks for during their own contact is a service message, not contact on a
channel: it needs no consent entry, only an identifier on their record (docs/
assurance-and-consent.md).
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import VERIFICATION
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.security import codes
from caseworker.services.assurance import NewCheck, record_check
from caseworker.services.consents import citizen_doc
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

NOT_SENT = "the code has not been sent yet: wait for it, or ask for a new one"
FAILED = "the code could not be sent"
USED = "this code has been used: ask for a new one"
EXPIRED = "the code has expired: ask for a new one"
NO_TRIES = "too many wrong codes: ask for a new one"
CHANNELS = {"email": "email", "phone": "sms"}  # an identifier's kind -> how a code goes


@dataclass(frozen=True)
class Checked:
    verified: bool
    tries_left: int
    changes: ChangeSet


def request_code(
    session: Session, actor: Actor, citizen_id: str, identifier_id: str
) -> tuple[str, ChangeSet]:
    """Ask the central service to send a code to one of the citizen's email addresses or
    phones, in the actor's name."""
    citizen = citizen_doc(session, citizen_id)
    ident = next((i for i in citizen["identifiers"] if i.get("id") == identifier_id), None)
    channel = CHANNELS.get(str(ident.get("kind"))) if ident is not None else None
    if channel is None:
        raise ValidationError("a code goes to one of the citizen's email addresses or phones")
    doc_id = new_id(VERIFICATION.id_prefix)
    doc = new_document(
        VERIFICATION,
        doc_id,
        {
            "citizen_id": citizen_id,
            "identifier_id": identifier_id,
            "channel": channel,
            "requested_by": actor.staff_id,
            "requested_at": to_iso(utcnow()),
            "state": "requested",
        },
    )
    local.require(actor.person_in(session), doc_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return doc_id, changes


def request_of(session: Session, verification_id: str) -> Document:
    doc = docstore.get(session, verification_id)
    if doc is None or doc.get("type") != VERIFICATION.name:
        raise NotFoundError(f"no code request {verification_id}")
    return doc


def problem(doc: Document) -> str | None:
    """Why no code can be checked against this request now, or None."""
    state = doc.get("state")
    if state == "failed":
        detail = doc.get("state_detail")
        return f"{FAILED}: {detail}" if detail else FAILED
    if state in ("verified",):
        return USED
    if state == "refused":
        return NO_TRIES
    if state != "sent":
        return NOT_SENT
    if codes.expired(doc, utcnow()):
        return EXPIRED
    return None


def check_code(session: Session, actor: Actor, verification_id: str, typed: str) -> Checked:
    """Compare what was read back; count the try; record ``code_sent`` when it is right."""
    doc = request_of(session, verification_id)
    reason = problem(doc)
    if reason is not None:
        raise ValidationError(reason)
    tries = int(doc.get("tries") or 0) + 1
    right = codes.matches(doc, typed)
    state = "verified" if right else ("refused" if tries >= codes.TRIES else "sent")
    new = {**doc, "tries": tries, "state": state}
    local.require(actor.person_in(session), verification_id, new, doc)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    if right:
        check = NewCheck("code_sent", str(doc["identifier_id"]))
        changes.merge(record_check(session, actor, str(doc["citizen_id"]), check))
    return Checked(right, max(0, codes.TRIES - tries), changes)
