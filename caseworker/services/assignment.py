"""Assignment for supervisors: each officer's open load and availability, and assigning many
cases at once, in one transaction (the caller's), one case revision and one ``assigned``
history event per case, as ``cases.assign`` does for one.

The access rules decide who may assign (``caseworker.access.rules``: only a supervisor gives a
case to someone else); the gateway judges the same rules again when the changes are pushed.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import CASE, CASE_EVENT
from caseworker.errors import CaseworkerError, NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.models import Case, StaffMember
from caseworker.services import audit, cases
from caseworker.services.assign_plan import Officer, Plan, least_loaded
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

ASSIGNABLE_ROLES = ("agent", "field_officer", "supervisor")
# Who the central worker's automatic assignments are by, in case history.
AUTO_ASSIGNER = "system:auto-assign"
MAX_CAPACITY = 10_000  # a cap above this is a slip, not a cap: read as none
CHANGED_SINCE = "changed since it was assigned, so left as it is"


@dataclass(frozen=True)
class Workload:
    """An officer as a supervisor sees them when assigning."""

    staff_id: str
    name: str
    role: str
    load: int  # open cases assigned to them (on this store)
    capacity: int | None
    away_until: date | None  # the last day of their leave, when it is today or later

    @property
    def away(self) -> bool:
        return self.away_until is not None

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.load >= self.capacity

    def officer(self, minus: int = 0) -> Officer:
        return Officer(self.staff_id, max(0, self.load - minus), self.capacity, self.away)


def capacity_of(staff_doc: Mapping[str, Any] | None) -> int | None:
    """The cap a staff document gives (a peer may send anything: what is not a sane whole
    number is no cap)."""
    value = staff_doc.get("capacity") if staff_doc is not None else None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_CAPACITY:
        return value
    return None


def away_until_of(staff_doc: Mapping[str, Any] | None, today: date) -> date | None:
    """The last day of leave when it is ``today`` or later; None otherwise (or unreadable)."""
    value = staff_doc.get("away_until") if staff_doc is not None else None
    if not isinstance(value, str):
        return None
    try:
        until = date.fromisoformat(value)
    except ValueError:
        return None
    return until if until >= today else None


def open_loads(session: Session, staff_ids: Iterable[str] | None = None) -> dict[str, int]:
    """Open cases per assignee, on this store."""
    query = (
        select(Case.assignee_id, func.count())
        .where(Case.status.in_(sorted(vocab.OPEN_STATUSES)), Case.assignee_id.is_not(None))
        .group_by(Case.assignee_id)
    )
    if staff_ids is not None:
        query = query.where(Case.assignee_id.in_(list(staff_ids)))
    return {str(k): int(n) for k, n in session.execute(query).all()}


def workloads(
    session: Session, queue_id: str | None = None, today: date | None = None
) -> list[Workload]:
    """Active staff who can be given cases (members of ``queue_id`` when given), by name."""
    today = today or utcnow().date()
    query = select(StaffMember).where(
        StaffMember.active.is_(True), StaffMember.role.in_(ASSIGNABLE_ROLES)
    )
    members = [
        m
        for m in session.scalars(query.order_by(StaffMember.name, StaffMember.id))
        if queue_id is None or queue_id in m.queue_ids.split()
    ]
    loads = open_loads(session, [m.id for m in members])
    docs = docstore.get_many(session, [m.id for m in members])
    out = []
    for m in members:
        doc = docs.get(m.id)
        out.append(
            Workload(
                m.id,
                m.name,
                m.role,
                loads.get(m.id, 0),
                capacity_of(doc),
                away_until_of(doc, today),
            )
        )
    return out


@dataclass
class Outcome:
    """What a bulk assignment did: the changes, the cases it moved, and those it left, why."""

    changes: ChangeSet = field(default_factory=ChangeSet)
    moved: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # id, old, new
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (case, reason)
    revs: dict[str, str] = field(default_factory=dict)  # case id -> the revision written


def apply(session: Session, actor: Actor, pairs: Sequence[tuple[str, str | None]]) -> Outcome:
    """Assign each case of ``pairs`` (case id or reference, staff id or None) in the caller's
    transaction. A non-supervisor giving cases to others is refused whole; a case that is
    closed or missing is skipped and named, the rest go ahead."""
    person = actor.person_in(session)
    staff: dict[str, bool] = {}
    outcome = Outcome()
    now = to_iso(utcnow())
    known = docstore.get_many(session, [ref for ref, _ in pairs])
    bodies: list[Document] = []
    events: list[Document] = []
    for case_ref, assignee in pairs:
        if assignee is not None and assignee not in staff:
            member = session.get(StaffMember, assignee)
            staff[assignee] = member is not None and member.active
        if assignee is not None and not staff[assignee]:
            raise NotFoundError(f"no active member of staff {assignee}")
        try:
            doc = known.get(case_ref) or cases.load_case_doc(session, case_ref)
            if doc.get("type") != "case":
                raise NotFoundError(f"no case {case_ref}")
            cases.require_open(doc)
        except (NotFoundError, ValidationError) as exc:
            outcome.skipped.append((case_ref, str(exc)))
            continue
        case_id: str = doc["_id"]
        old = doc.get("assignee_id")
        if old == assignee or case_id in outcome.revs:  # a case listed twice is done once
            outcome.unchanged.append(case_id)
            continue
        before = dict(doc)
        body = {k: v for k, v in doc.items() if v is not None}
        body.update(assignee_id=assignee, updated_at=now, schema=CASE.schema_version)
        if assignee is None:
            del body["assignee_id"]
        local.require(person, case_id, body, before)  # raises for a non-supervisor
        outcome.revs[case_id] = ""
        bodies.append(body)
        events.append(_event(actor, case_id, now, old, assignee))
        outcome.moved.append((case_id, old, assignee))
    # One write for the whole gesture (hundreds of cases stay well under a second).
    for written in docstore.put_many(session, bodies + events):
        outcome.changes.add(written)
        if written.doc_id in outcome.revs:
            outcome.revs[written.doc_id] = written.rev
    if outcome.moved:
        # One audit record for the gesture: who moved how many, to whom.
        whom = sorted({str(new or "nobody") for _, _, new in outcome.moved})
        detail = f"{len(outcome.moved)} cases to {', '.join(whom)}"[:2000]
        subject = outcome.moved[0][0]
        outcome.changes.merge(audit.record(session, actor, "case.assigned_many", subject, detail))
    return outcome


def _event(actor: Actor, case_id: str, at: str, old: str | None, new: str | None) -> Document:
    """The case's ``assigned`` history event, as ``cases.record_event`` writes it."""
    fields: dict[str, str | None] = {"case_id": case_id, "kind": "assigned", "at": at}
    fields.update(by=actor.staff_id, field="assignee_id", old=old, new=new)
    return new_document(CASE_EVENT, new_id(CASE_EVENT.id_prefix), fields)


def assign_many(
    session: Session, actor: Actor, case_ids: Sequence[str], assignee: str | None
) -> Outcome:
    """Give every case of ``case_ids`` to ``assignee`` (None: to nobody)."""
    return apply(session, actor, [(c, assignee) for c in case_ids])


def spread_plan(
    session: Session, case_ids: Sequence[str], staff_ids: Sequence[str], today: date | None = None
) -> Plan:
    """A least-loaded plan of ``case_ids`` among ``staff_ids``; the selection's own cases
    held by one of them do not count in their load (they are being handed out again)."""
    if not staff_ids:
        raise ValidationError("choose at least one officer to spread the cases among")
    by_id = {w.staff_id: w for w in workloads(session, today=today)}
    unknown = [s for s in staff_ids if s not in by_id]
    if unknown:
        raise NotFoundError(f"no active member of staff who takes cases: {', '.join(unknown)}")
    held: dict[str, int] = {}
    ids: list[str] = []
    seen: set[str] = set()
    known = docstore.get_many(session, list(case_ids))
    for ref in dict.fromkeys(case_ids):
        try:
            doc = known.get(ref) or cases.load_case_doc(session, ref)
        except CaseworkerError:
            ids.append(ref)  # ``apply`` names it as skipped
            continue
        if doc["_id"] in seen:
            continue
        seen.add(doc["_id"])
        ids.append(doc["_id"])
        assignee = doc.get("assignee_id")
        if isinstance(assignee, str) and doc.get("status") in vocab.OPEN_STATUSES:
            held[assignee] = held.get(assignee, 0) + 1
    officers = [by_id[s].officer(minus=held.get(s, 0)) for s in dict.fromkeys(staff_ids)]
    return least_loaded(ids, officers)


def spread(
    session: Session,
    actor: Actor,
    case_ids: Sequence[str],
    staff_ids: Sequence[str],
    today: date | None = None,
) -> tuple[Outcome, Plan]:
    """Spread ``case_ids`` evenly among ``staff_ids``; cases nobody can take (all away or
    full) stay as they were and are in the plan's ``left``."""
    plan = spread_plan(session, case_ids, staff_ids, today)
    return apply(session, actor, [(c, s) for c, s in plan.pairs]), plan


def undo(session: Session, actor: Actor, done: Outcome) -> Outcome:
    """Put back the assignee each case of ``done`` had, as new changes; a case changed since
    (by anyone, anywhere) is left as it is and named, never overwritten."""
    pairs: list[tuple[str, str | None]] = []
    changed: list[tuple[str, str]] = []
    for case_id, old, _new in done.moved:
        current = docstore.get(session, case_id)
        if current is None or current.get("_rev") != done.revs.get(case_id):
            changed.append((case_id, CHANGED_SINCE))
        else:
            pairs.append((case_id, old))
    outcome = apply(session, actor, pairs)
    outcome.skipped[:0] = changed
    return outcome


KEEP = object()  # ``set_availability``: leave this field as it is


def set_availability(
    session: Session,
    actor: Actor,
    staff_id: str,
    *,
    capacity: object = KEEP,  # int or None
    away_until: object = KEEP,  # date or None
) -> ChangeSet:
    """Change an officer's cap (None: no cap) and last day of leave (None: not away). Only a
    supervisor or an admin may (the access rules decide, as the gateway will again)."""
    doc = docstore.get(session, staff_id)
    if doc is None or doc.get("type") != "staff":
        raise NotFoundError(f"no member of staff {staff_id}")
    before = dict(doc)
    if capacity is not KEEP:
        if capacity is not None and not (
            isinstance(capacity, int) and 0 <= capacity <= MAX_CAPACITY
        ):
            raise ValidationError(f"a cap is a whole number from 0 to {MAX_CAPACITY:,}")
        doc["capacity"] = capacity
    if away_until is not KEEP:
        doc["away_until"] = away_until.isoformat() if isinstance(away_until, date) else None
    body = {k: v for k, v in doc.items() if v is not None}
    local.require(actor.person_in(session), staff_id, body, before)
    changes = ChangeSet()
    if body != {k: v for k, v in before.items() if v is not None}:
        changes.add(docstore.put(session, body))
        detail = (
            f"capacity {body.get('capacity', 'none')}, away until {body.get('away_until', '-')}"
        )
        changes.merge(audit.record(session, actor, "staff.availability", staff_id, detail))
    return changes
