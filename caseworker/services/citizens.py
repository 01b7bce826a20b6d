"""Citizens: create, recognise, add ways to reach them, record consents and language."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from caseworker import vocab
from caseworker.documents.codec import new_document
from caseworker.documents.types import CITIZEN
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.models import Citizen, Identifier
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.services.identifiers import clean
from caseworker.store import docstore, normalise
from caseworker.timeutil import from_iso, to_iso, utcnow


@dataclass(frozen=True)
class NewIdentifier:
    kind: str
    value: str
    verified_by: str = "unverified"
    label: str | None = None
    postcode: str | None = None
    uprn: str | None = None


@dataclass(frozen=True)
class NewConsent:
    purpose: str
    lawful_basis: str
    source: str
    channel: str | None = None  # how the council may contact them (vocab.CONSENT_CHANNELS)
    partner: str | None = None  # the partner organisation it allows sharing with
    valid_from: str | None = None  # ISO time; None: now (never before now)
    valid_to: str | None = None


def identifier_entry(new: NewIdentifier, now: str) -> dict[str, Any]:
    """The record's entry for ``new``: cleaned, with a new id, added (and, unless unverified,
    verified) at ``now``; fields with no value left out."""
    if new.verified_by not in vocab.VERIFICATION_METHODS:
        raise ValidationError(f"unknown verification method {new.verified_by!r}")
    value, code = clean(new.kind, new.value, new.postcode)
    return _drop_nones(
        {
            "id": new_id("ident").split(":")[1],
            "kind": new.kind,
            "value": value,
            "label": new.label,
            "postcode": code,
            "uprn": new.uprn,
            "verified_by": new.verified_by,
            "verified_at": None if new.verified_by == "unverified" else now,
            "added_at": now,
        }
    )


def _consent_entry(new: NewConsent, now: str, by: str) -> dict[str, Any]:
    """A consent entry, recorded in ``by``'s name at ``now`` (the rules refuse any other)."""
    if new.lawful_basis not in vocab.LAWFUL_BASES:
        raise ValidationError(f"unknown lawful basis {new.lawful_basis!r}")
    if not new.purpose.strip():
        raise ValidationError("a consent needs a purpose")
    if not new.source.strip():
        raise ValidationError("say where the consent came from (a call, a form, a letter)")
    if new.channel is not None and new.channel not in vocab.CONSENT_CHANNELS:
        raise ValidationError(f"a consent's channel is one of {', '.join(vocab.CONSENT_CHANNELS)}")
    partner = (new.partner or "").strip() or None
    start, end = _iso_or(new.valid_from, now), _iso_or(new.valid_to, None)
    if from_iso(start) < from_iso(now):
        raise ValidationError("a consent cannot start before today: record it as it is given")
    if end is not None and from_iso(end) <= from_iso(start):
        raise ValidationError("a consent must end after it starts")
    return {
        "id": new_id("consent").split(":")[1],
        "purpose": new.purpose.strip()[:200],
        "lawful_basis": new.lawful_basis,
        "channel": new.channel,
        "partner": partner[:200] if partner else None,
        "source": new.source.strip()[:200],
        "valid_from": start,
        "valid_to": end,
        "recorded_by": by,
        "recorded_at": now,
    }


def _iso_or(text: str | None, default: str | None) -> Any:
    if text is None:
        return default
    try:
        return to_iso(from_iso(text))
    except ValueError as exc:
        raise ValidationError(f"not a time with a zone: {text[:40]!r}") from exc


def _drop_nones(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if v is not None}


def create_citizen(
    session: Session,
    actor: Actor,
    given_name: str,
    family_name: str,
    *,
    language: str = "en",
    preferred_name: str | None = None,
    date_of_birth: str | None = None,
    identifiers: tuple[NewIdentifier, ...] = (),
    consents: tuple[NewConsent, ...] = (),
) -> tuple[str, ChangeSet]:
    given, family = given_name.strip(), family_name.strip()
    if not given or not family:
        raise ValidationError("a citizen needs a given name and a family name")
    if language not in vocab.LANGUAGES:
        raise ValidationError(f"language must be one of {', '.join(vocab.LANGUAGES)}")
    now = to_iso(utcnow())
    citizen_id = new_id(CITIZEN.id_prefix)
    doc = new_document(
        CITIZEN,
        citizen_id,
        {
            "given_name": given,
            "family_name": family,
            "preferred_name": (preferred_name or "").strip() or None,
            "date_of_birth": date_of_birth,
            "language": language,
            "identifiers": [identifier_entry(i, now) for i in identifiers],
            "consents": [_drop_nones(_consent_entry(c, now, actor.staff_id)) for c in consents],
            "created_at": now,
            "updated_at": now,
        },
    )
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "citizen.created", citizen_id))
    return citizen_id, changes


def _update(session: Session, citizen_id: str, edit: dict[str, Any]) -> ChangeSet:
    doc = docstore.get(session, citizen_id)
    if doc is None or doc.get("type") != "citizen":
        raise NotFoundError(f"no citizen with id {citizen_id}")
    doc.update(edit)
    doc["updated_at"] = to_iso(utcnow())
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return changes


def add_identifier(
    session: Session, actor: Actor, citizen_id: str, new: NewIdentifier
) -> ChangeSet:
    doc = docstore.get(session, citizen_id)
    if doc is None or doc.get("type") != "citizen":
        raise NotFoundError(f"no citizen with id {citizen_id}")
    entry = identifier_entry(new, to_iso(utcnow()))
    wanted = normalise.identifier(entry["kind"], entry["value"])
    for existing in doc["identifiers"]:
        if existing["kind"] == entry["kind"] and (
            normalise.identifier(existing["kind"], existing["value"]) == wanted
        ):
            raise ValidationError(f"{entry['value']} is already recorded for this citizen")
    changes = _update(session, citizen_id, {"identifiers": [*doc["identifiers"], entry]})
    changes.merge(
        audit.record(session, actor, "citizen.identifier_added", citizen_id, entry["kind"])
    )
    return changes


def add_consent(session: Session, actor: Actor, citizen_id: str, new: NewConsent) -> ChangeSet:
    doc = docstore.get(session, citizen_id)
    if doc is None or doc.get("type") != "citizen":
        raise NotFoundError(f"no citizen with id {citizen_id}")
    entry = _drop_nones(_consent_entry(new, to_iso(utcnow()), actor.staff_id))
    changes = _update(session, citizen_id, {"consents": [*doc["consents"], entry]})
    changes.merge(audit.record(session, actor, "citizen.consent_added", citizen_id, new.purpose))
    return changes


def set_language(session: Session, actor: Actor, citizen_id: str, language: str) -> ChangeSet:
    if language not in vocab.LANGUAGES:
        raise ValidationError(f"language must be one of {', '.join(vocab.LANGUAGES)}")
    return _update(session, citizen_id, {"language": language})


def get_citizen(session: Session, citizen_id: str) -> Citizen:
    citizen = session.scalar(
        select(Citizen)
        .where(Citizen.id == citizen_id)
        .options(selectinload(Citizen.identifiers), selectinload(Citizen.consents))
    )
    if citizen is None:
        raise NotFoundError(f"no citizen with id {citizen_id}")
    return citizen


def find_by_identifier(session: Session, kind: str, value: str) -> list[Citizen]:
    """Citizens holding exactly this identifier (after normalising): for recognising a caller."""
    wanted = normalise.identifier(kind, value)
    return list(
        session.scalars(
            select(Citizen)
            .join(Identifier)
            .where(Identifier.kind == kind, Identifier.normalised == wanted)
            .distinct()
        )
    )
