"""Assurance checks: record a check made with the citizen, and read their level.

A check is written into the citizen's record (``checks``), in the actor's name, now, and goes
through the same rules the gateway applies. Nothing the citizen answered is kept: a knowledge
check records which facts were asked, a document seen which kind of document.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import assurance
from caseworker.errors import ValidationError
from caseworker.ids import new_id
from caseworker.services import audit
from caseworker.services.consents import citizen_doc, save_citizen
from caseworker.services.context import Actor, ChangeSet
from caseworker.timeutil import to_iso, utcnow

KNOWLEDGE_FACTS = ("date_of_birth", "address", "postcode", "case_reference", "phone", "email")


@dataclass(frozen=True)
class NewCheck:
    method: str
    identifier_id: str | None = None  # code_sent, call_back: the identifier it went through
    detail: str | None = None  # document_seen: which document; knowledge_check: which facts


def _detail(new: NewCheck) -> str | None:
    if new.method == "document_seen":
        if new.detail not in vocab.DOCUMENTS_SEEN:
            raise ValidationError(
                f"say which document was seen: one of {', '.join(vocab.DOCUMENTS_SEEN)}"
            )
        return new.detail
    if new.method == "knowledge_check":
        facts = [f.strip() for f in (new.detail or "").split(",") if f.strip()]
        if len(facts) < 2 or any(f not in KNOWLEDGE_FACTS for f in facts):
            raise ValidationError(
                "a knowledge check asks at least two facts held: "
                + ", ".join(KNOWLEDGE_FACTS)
                + " (the answers are never written down)"
            )
        return ",".join(dict.fromkeys(facts))
    text = (new.detail or "").strip()
    return text[:200] or None


def record_check(session: Session, actor: Actor, citizen_id: str, new: NewCheck) -> ChangeSet:
    """Record a check made now with the citizen."""
    if new.method not in vocab.CHECK_METHODS:
        raise ValidationError(f"a check is one of {', '.join(vocab.CHECK_METHODS)}")
    doc = citizen_doc(session, citizen_id)
    kinds = assurance.METHOD_IDENTIFIERS.get(new.method)
    if kinds is not None:
        ident = next((i for i in doc["identifiers"] if i.get("id") == new.identifier_id), None)
        if ident is None or ident.get("kind") not in kinds:
            raise ValidationError(assurance_words(new.method))
    entry = {
        "id": new_id("check").split(":")[1],
        "method": new.method,
        "identifier_id": new.identifier_id if kinds is not None else None,
        "detail": _detail(new),
        "by": actor.staff_id,
        "at": to_iso(utcnow()),
    }
    entry = {k: v for k, v in entry.items() if v is not None}
    edit: dict[str, object] = {"checks": [*(doc.get("checks") or []), entry]}
    if kinds is not None:
        # The identifier shows how it was verified too (the level is the check's, not this).
        edit["identifiers"] = [
            {**i, "verified_by": _shown(new.method, i["kind"]), "verified_at": entry["at"]}
            if i.get("id") == new.identifier_id
            else i
            for i in doc["identifiers"]
        ]
    changes = save_citizen(session, actor, doc, edit)
    changes.merge(audit.record(session, actor, "citizen.checked", citizen_id, new.method))
    return changes


def _shown(method: str, kind: str) -> str:
    """The identifier's ``verified_by`` for a check through it."""
    if method == "code_sent":
        return "sms_code" if kind == "phone" else "email_link"
    return method


def assurance_words(method: str) -> str:
    if method == "call_back":
        return "a call back must be to one of the citizen's phone numbers"
    return "a code must go to one of the citizen's email addresses or phone numbers"


def assess(session: Session, citizen_id: str, at: datetime | None = None) -> assurance.Assurance:
    return assurance.assess(citizen_doc(session, citizen_id), at or utcnow())


def require(session: Session, citizen_id: str, action: str, at: datetime | None = None) -> None:
    """Raise ValidationError with the reason when ``action`` needs a level the citizen lacks."""
    reason = assurance.refusal(action, citizen_doc(session, citizen_id), at or utcnow())
    if reason is not None:
        raise ValidationError(reason)
