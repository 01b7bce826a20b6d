"""A subject access export made from this laptop's store, by a supervisor or an admin.

The laptop never holds the central access log, and holds the whole council only as an admin
that syncs (or a store that never synced): what it cannot include it says, listing what may
be missing, and the central command completes it (docs/subject-access.md)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.access.channels import is_id_of, shared_roots
from caseworker.errors import NotFoundError, ValidationError
from caseworker.kpis import scope
from caseworker.models import Checkpoint, StaffMember
from caseworker.sar.export import ACCESS_LOG, LAPTOP, Completeness, Export, assemble, may_be_missing
from caseworker.sar.local import collect
from caseworker.sar.people import StoreOthers
from caseworker.services.assurance import require as require_level
from caseworker.services.audit import record as audit_record
from caseworker.services.context import Actor, ChangeSet
from caseworker.store.replication import attachment_data
from caseworker.timeutil import to_iso, utcnow

ROLES = ("supervisor", "admin")


def require_role(actor: Actor) -> None:
    if actor.role not in ROLES:
        raise ValidationError(
            f"a subject access export is made by a supervisor or an admin, not by "
            f"{'an' if actor.role[:1] in 'aeiou' else 'a'} {actor.role.replace('_', ' ')}: "
            "it holds everything about a person"
        )


def laptop_export(session: Session, actor: Actor, citizen_id: str, synced_as: str | None) -> Export:
    require_role(actor)
    if not is_id_of(citizen_id, "citizen"):
        raise ValidationError(f"not a citizen's id: {citizen_id!r}")
    collected = collect(session, citizen_id)
    if not any(d["_id"] == citizen_id for d in collected.documents):
        raise NotFoundError(
            f"this laptop holds no record {citizen_id}: the central export "
            "(caseworker central sar export) finds what the council holds"
        )
    # Everything about a person goes to whoever asked: only once the council is sure it is them.
    require_level(session, citizen_id, "subject_access_export")
    held = scope.holding(session, synced_as)
    person = actor.person_in(session)
    missing = [] if held.whole else may_be_missing(person, shared_roots(person))
    staff = {i: n for i, n in session.execute(select(StaffMember.id, StaffMember.name))}
    return assemble(
        collected,
        StoreOthers(session, collected.subject.records),
        staff=staff,
        made_at=to_iso(utcnow()),
        made_by=actor.staff_id,
        made_on=LAPTOP,
        completeness=Completeness(held.whole, held.why, False, [*missing, ACCESS_LOG]),
        read_files=lambda atts: attachment_data(session, [a.digest for a in atts]),
    )


def signed_in_as(session: Session, actor: Actor) -> str | None:
    """The user a window's store syncs as: the person signed in, once it has synced (a store
    that never synced names no central service)."""
    if session.scalar(select(Checkpoint.id).limit(1)) is None:
        return None
    member = session.get(StaffMember, actor.staff_id)
    return member.username if member is not None else actor.staff_id


def record_export(session: Session, actor: Actor, export: Export) -> ChangeSet:
    """The audit trail keeps that the export was made, by whom, how complete (no content)."""
    how = "complete" if export.completeness.complete else "partial"
    detail = f"subject access export ({how}, {len(export.documents)} records)"
    return audit_record(session, actor, "citizen.sar_export", export.citizen_id, detail)
