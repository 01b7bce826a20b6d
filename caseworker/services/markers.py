"""Warning markers: set on a citizen, shown wherever they are, ended (never deleted).

An officer-safety marker also applies to an address (by default the citizen's own): every case
whose location is that address shows it (``at_address``), matched by the canonical postcode and
the normalised first line, so "12, Heol-y-Bont" and "12 heol y bont" are one place.
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import MARKER
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.models import Citizen, Identifier, Marker
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore, normalise
from caseworker.timeutil import to_iso, utcnow


def home_address(session: Session, citizen_id: str) -> tuple[str, str] | None:
    """The citizen's address to warn about by default: the one labelled home, else the first
    address identifier with a postcode."""
    rows = session.execute(
        select(Identifier.value, Identifier.postcode, Identifier.label)
        .where(Identifier.citizen_id == citizen_id, Identifier.kind == "address")
        .order_by(Identifier.added_at)
    ).all()
    usable = [r for r in rows if r.postcode]
    usable.sort(key=lambda r: r.label != "home")
    return (usable[0].value, usable[0].postcode) if usable else None


def add_marker(
    session: Session,
    actor: Actor,
    citizen_id: str,
    *,
    kind: str,
    reason: str,
    review_on: date,
    address: str | None = None,
    postcode: str | None = None,
) -> tuple[str, ChangeSet]:
    if kind not in vocab.MARKER_KINDS:
        raise ValidationError(f"a marker's kind is one of {', '.join(vocab.MARKER_KINDS)}")
    text = " ".join(reason.split())
    if not text:
        raise ValidationError("say why the marker is needed")
    if review_on < utcnow().date():
        raise ValidationError("the review date cannot be in the past")
    if session.get(Citizen, citizen_id) is None:
        raise NotFoundError(f"no citizen with id {citizen_id}")
    if kind == vocab.OFFICER_SAFETY:
        address, postcode = _place(session, citizen_id, address, postcode)
    marker_id = new_id(MARKER.id_prefix)
    doc = new_document(
        MARKER,
        marker_id,
        {
            "citizen_id": citizen_id,
            "kind": kind,
            "reason": text,
            "set_by": actor.staff_id,
            "set_at": to_iso(utcnow()),
            "review_on": review_on.isoformat(),
            "address": address,
            "postcode": postcode,
        },
    )
    local.require(actor.person_in(session), marker_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "marker.set", marker_id, kind))
    return marker_id, changes


def _place(
    session: Session, citizen_id: str, address: str | None, postcode: str | None
) -> tuple[str, str]:
    if not address and not postcode:
        home = home_address(session, citizen_id)
        if home is None:
            raise ValidationError(
                "an officer-safety marker needs an address: the citizen has none, so give one"
            )
        return home
    if not (address and address.strip()) or not (postcode and postcode.strip()):
        raise ValidationError("give both the address and its postcode")
    code = normalise.postcode(postcode)
    if code is None:
        raise ValidationError(f"{postcode!r} is not a UK postcode")
    return " ".join(address.split()), code


def _load(session: Session, marker_id: str) -> Document:
    doc = docstore.get(session, marker_id)
    if doc is None or doc.get("type") != MARKER.name:
        raise NotFoundError(f"no marker {marker_id}")
    return doc


def review_marker(
    session: Session, actor: Actor, marker_id: str, *, reason: str, review_on: date
) -> ChangeSet:
    """A marker reviewed and still needed: its reason reworded if need be and its next review
    date set (the rules say who may: whoever set it, or a supervisor). Who set it and when
    stay as they were; the record's history and the audit trail say who reviewed it."""
    doc = _load(session, marker_id)
    if doc.get("ended_at"):
        raise ValidationError("this marker has ended: set a new one if it is needed again")
    text = " ".join(reason.split())
    if not text:
        raise ValidationError("say why the marker is needed")
    if review_on < utcnow().date():
        raise ValidationError("the review date cannot be in the past")
    new = {**doc, "reason": text, "review_on": review_on.isoformat()}
    if new == doc:
        return ChangeSet()  # nothing to change: no new revision for a peer to sync
    local.require(actor.person_in(session), marker_id, new, doc)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    changes.merge(audit.record(session, actor, "marker.reviewed", marker_id, doc["kind"]))
    return changes


def end_marker(session: Session, actor: Actor, marker_id: str) -> ChangeSet:
    """End a marker in the actor's name (the rules say who may)."""
    doc = _load(session, marker_id)
    if doc.get("ended_at"):
        raise ValidationError("this marker has already ended")
    new = {**doc, "ended_at": to_iso(utcnow()), "ended_by": actor.staff_id}
    local.require(actor.person_in(session), marker_id, new, doc)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    changes.merge(audit.record(session, actor, "marker.ended", marker_id, doc["kind"]))
    return changes


def of_citizen(session: Session, citizen_id: str, *, ended: bool = False) -> list[Marker]:
    """The citizen's markers, live ones only unless ``ended``; most serious kind first."""
    query = select(Marker).where(Marker.citizen_id == citizen_id)
    if not ended:
        query = query.where(Marker.ended_at.is_(None))
    rows = list(session.scalars(query.order_by(Marker.set_at.desc())))
    rows.sort(key=lambda m: (m.ended_at is not None, vocab.MARKER_URGENCY.index(m.kind)))
    return rows


def at_address(session: Session, address: str | None, postcode: str | None) -> list[Marker]:
    """The live officer-safety markers whose address is this one (same canonical postcode and
    normalised first line); none when the place has no recognisable postcode."""
    code = normalise.postcode(postcode or "")
    if code is None or not address:
        return []
    line = normalise.first_line(address)
    rows = session.scalars(
        select(Marker)
        .where(
            Marker.postcode == code,
            Marker.kind == vocab.OFFICER_SAFETY,
            Marker.ended_at.is_(None),
        )
        .order_by(Marker.set_at.desc())
    )
    return [m for m in rows if m.address_line == line]
