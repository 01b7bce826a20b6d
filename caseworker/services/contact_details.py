"""Correcting a citizen's contact details: change or remove a phone, email, address or social
handle already on their record.

Both need the level ``assurance.REQUIRED["change_contact_details"]`` (a way to reach them is
theirs): asked here with the same function the access rules use, so the laptop refuses what
the gateway would, before anything is written (and ``save_citizen`` applies the rules too).

A changed value is a new entry with a new id in the old one's place: a check made through the
old number or address said nothing about the new one, so it no longer counts for it, and the
new value is unverified unless the change itself says how it was verified. The old value is
not kept in the record (data minimisation); the audit trail says who changed or removed which
kind of identifier, and when, without the value.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from caseworker.access import assurance
from caseworker.errors import NotFoundError, ValidationError
from caseworker.services import audit
from caseworker.services.citizens import NewIdentifier, identifier_entry
from caseworker.services.consents import citizen_doc, save_citizen
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import normalise
from caseworker.timeutil import to_iso, utcnow

ACTION = "change_contact_details"
# The kinds the council can reach someone through (the consent channels: phone, SMS, email,
# post, social); an app account only recognises them.
REACH_KINDS = ("phone", "email", "address", "social")


def _identifier(doc: Mapping[str, Any], identifier_id: str) -> Mapping[str, Any]:
    for ident in doc.get("identifiers") or ():
        if ident.get("id") == identifier_id:
            return dict(ident)
    raise NotFoundError(f"no identifier {identifier_id} on this citizen's record")


def _require_level(doc: Mapping[str, Any]) -> None:
    reason = assurance.refusal(ACTION, doc, utcnow())
    if reason is not None:
        raise ValidationError(reason)


def reachable(identifiers: Sequence[Mapping[str, Any]]) -> bool:
    """Whether any of these is a way to reach the citizen."""
    return any(i.get("kind") in REACH_KINDS for i in identifiers)


def is_last_way_to_reach(session: Session, citizen_id: str, identifier_id: str) -> bool:
    """Whether removing this identifier leaves no way to reach the citizen (the window asks
    with this in its question)."""
    doc = citizen_doc(session, citizen_id)
    others = [i for i in doc.get("identifiers") or () if i.get("id") != identifier_id]
    return not reachable(others) and _identifier(doc, identifier_id)["kind"] in REACH_KINDS


def change_identifier(
    session: Session,
    actor: Actor,
    citizen_id: str,
    identifier_id: str,
    new_value: str,
    *,
    postcode: str | None = None,
    verified_by: str = "unverified",
) -> ChangeSet:
    """Replace an identifier's value (and an address's postcode), cleaned as when it is added."""
    doc = citizen_doc(session, citizen_id)
    old = _identifier(doc, identifier_id)
    kind = str(old["kind"])
    if kind == "address" and postcode is None:
        postcode = old.get("postcode")  # the same street, a corrected house number
    # A UPRN names the old property: a changed address is matched to one again centrally.
    new = NewIdentifier(kind, new_value, verified_by, old.get("label"), postcode)
    entry = identifier_entry(new, to_iso(utcnow()))
    wanted = normalise.identifier(kind, entry["value"])
    same_postcode = entry.get("postcode") == old.get("postcode")
    if wanted == normalise.identifier(kind, str(old["value"])) and same_postcode:
        raise ValidationError(f"that is the {kind.replace('_', ' ')} already recorded")
    others = [i for i in doc["identifiers"] if i.get("id") != identifier_id]
    if any(
        i.get("kind") == kind and normalise.identifier(kind, str(i.get("value"))) == wanted
        for i in others
    ):
        raise ValidationError(f"{entry['value']} is already recorded for this citizen")
    _require_level(doc)
    identifiers = [entry if i.get("id") == identifier_id else i for i in doc["identifiers"]]
    changes = save_citizen(session, actor, doc, {"identifiers": identifiers})
    changes.merge(audit.record(session, actor, "citizen.identifier_changed", citizen_id, kind))
    return changes


def remove_identifier(
    session: Session, actor: Actor, citizen_id: str, identifier_id: str
) -> tuple[bool, ChangeSet]:
    """Take an identifier off the record; the answer starts with whether some way to reach
    the citizen is left. Removing the last is allowed (a wrong number helps nobody, and they
    may ask us to hold none): the caller says so. A tuple ending in the ChangeSet, as the
    window's database thread publishes it."""
    doc = citizen_doc(session, citizen_id)
    kind = str(_identifier(doc, identifier_id)["kind"])
    _require_level(doc)
    identifiers = [i for i in doc["identifiers"] if i.get("id") != identifier_id]
    changes = save_citizen(session, actor, doc, {"identifiers": identifiers})
    changes.merge(audit.record(session, actor, "citizen.identifier_removed", citizen_id, kind))
    return reachable(identifiers), changes
