"""Linking a contact to a citizen (identity resolution), and undoing it.

``link_contact`` records who or what linked which contact to which citizen, with the score and
the reasons; ``undo_link`` marks it undone (a link is never deleted). ``link_automatically``
is for contacts that arrive with nobody at the keyboard (the central worker, for mentions): it
links only when the best match is above ``AUTO_LINK`` and no other citizen comes near, so a
landline a whole family shares, or two namesakes, are left for a person to decide.
"""

from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import IDENTITY_LINK
from caseworker.errors import NotFoundError, ValidationError
from caseworker.identity import Match, PersonRecord
from caseworker.identity.matcher import find_matches
from caseworker.ids import new_id
from caseworker.models import Citizen
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

AUTO_LINK = 0.99
# The runner-up must be this much less likely (in bits of weight) for an automatic link.
AUTO_MARGIN = 6.0


def link_contact(
    session: Session, actor: Actor, subject_id: str, match: Match, *, method: str = "person"
) -> tuple[str, ChangeSet]:
    """Link ``subject_id`` (a mention, a contact) to ``match.right``, the citizen, with the
    match's probability and reasons; ``method`` is "person" (staff chose) or "automatic"
    (the central worker; the rules refuse it from anyone else)."""
    if session.get(Citizen, match.right) is None:
        raise NotFoundError(f"no citizen with id {match.right}")
    if not subject_id.strip():
        raise ValidationError("say which contact is linked")
    link_id = new_id(IDENTITY_LINK.id_prefix)
    doc = new_document(
        IDENTITY_LINK,
        link_id,
        {
            "subject_id": subject_id,
            "citizen_id": match.right,
            "method": method,
            "probability": match.probability,
            "weight": match.weight,
            "reasons": [r.code for r in match.reasons],
            "by": actor.staff_id,
            "at": to_iso(utcnow()),
        },
    )
    local.require(actor.person_in(session), link_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "identity.linked", link_id, subject_id))
    return link_id, changes


def _load(session: Session, link_id: str) -> Document:
    doc = docstore.get(session, link_id)
    if doc is None or doc.get("type") != IDENTITY_LINK.name:
        raise NotFoundError(f"no link {link_id}")
    return doc


def undo_link(session: Session, actor: Actor, link_id: str) -> ChangeSet:
    """Mark a link undone in the actor's name (the rules say who may)."""
    doc = _load(session, link_id)
    if doc.get("undone_at"):
        raise ValidationError("this link has already been undone")
    new = {**doc, "undone_at": to_iso(utcnow()), "undone_by": actor.staff_id}
    local.require(actor.person_in(session), link_id, new, doc)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    changes.merge(audit.record(session, actor, "identity.unlinked", link_id, doc["subject_id"]))
    return changes


def confident(matches: list[Match]) -> Match | None:
    """The match to link without asking: above AUTO_LINK, and far ahead of the next."""
    if not matches or matches[0].probability < AUTO_LINK:
        return None
    if len(matches) > 1 and matches[0].weight - matches[1].weight < AUTO_MARGIN:
        return None
    return matches[0]


def link_automatically(
    session: Session, actor: Actor, subject_id: str, contact: PersonRecord
) -> tuple[str | None, list[Match], ChangeSet]:
    """Match a contact and link it when ``confident``; the matches either way (best first),
    for a person to choose from when nothing was linked."""
    found = find_matches(session, contact)
    best = confident(found.matches)
    if best is None:
        return None, found.matches, ChangeSet()
    link_id, changes = link_contact(session, actor, subject_id, best, method="automatic")
    return link_id, found.matches, changes
