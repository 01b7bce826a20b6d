"""Changes to a case's clock: extending a subject access request, moving a complaint to its
next stage, and writing the due times recomputed for many cases (``clocks.cases.recompute``).
Each writes the case with its new due times and a case event saying why."""

from datetime import datetime

from sqlalchemy.orm import Session

from caseworker.clocks import cases as case_clocks
from caseworker.clocks import council, statutory
from caseworker.clocks.calendar import to_ms
from caseworker.clocks.due import EXTENDED, STAGE, Event, local_date
from caseworker.documents.codec import Document
from caseworker.errors import ValidationError
from caseworker.services import cases
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import from_iso, to_iso, utcnow

LATE_EXTENSION = (
    "a subject access request can only be extended within its first month, when the "
    "requester is told why: this one's first month has ended"
)


def extend_subject_access(
    session: Session, actor: Actor, case_id: str, reason: str, now: datetime | None = None
) -> ChangeSet:
    """Extend a subject access request to three months from receipt, recording the reason
    (what the requester is told). Refused after the first month, or a second time."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("say why the request needs longer: the requester is told this")
    doc = cases.load_case_doc(session, case_id)
    cases.require_open(doc)
    clock = case_clocks.clock_of(session, doc["service_code"])
    if clock.kind != "subject_access":
        raise ValidationError("only a subject access request can be extended")
    history = case_clocks.history(session, doc["_id"])
    if any(kind == EXTENDED for _at, kind, _o, _n in history):
        raise ValidationError("this request has already been extended to three months")
    moment = now or utcnow()
    cal = council.load(session)
    first_month = statutory.subject_access_due(
        local_date(to_ms(from_iso(doc["opened_at"]))), cal.nation_holidays
    )
    if moment > statutory.end_of_day(first_month):
        raise ValidationError(LATE_EXTENSION)
    at = to_iso(moment)
    extended = (from_iso(at), EXTENDED, None, None)
    return _write(session, actor, doc, [extended], EXTENDED, None, "3 months", reason, at)


def next_complaint_stage(
    session: Session, actor: Actor, case_id: str, comment: str | None = None
) -> ChangeSet:
    """Move a complaint to its next stage: its clock starts again with that stage's days."""
    doc = cases.load_case_doc(session, case_id)
    cases.require_open(doc)
    clock = case_clocks.clock_of(session, doc["service_code"])
    if clock.kind != "complaint":
        raise ValidationError("only a complaint has stages")
    stage = 1
    for _at, kind, _old, new in sorted(case_clocks.history(session, doc["_id"])):
        if kind == STAGE and new is not None and new.isdigit():
            stage = int(new)
    if stage >= len(clock.stages):
        raise ValidationError(f"this complaint is at its last stage ({clock.stages[-1].name})")
    at = to_iso(utcnow())
    moved = (from_iso(at), STAGE, str(stage), str(stage + 1))
    comment = (comment or "").strip() or None
    return _write(session, actor, doc, [moved], STAGE, str(stage), str(stage + 1), comment, at)


def _write(
    session: Session,
    actor: Actor,
    doc: Document,
    extra: list[Event],
    kind: str,
    old: str | None,
    new: str | None,
    comment: str | None,
    at: str,
) -> ChangeSet:
    before = dict(doc)
    doc["response_due_at"], doc["due_at"] = case_clocks.case_due(session, doc, extra)
    changes = ChangeSet()
    changes.add(cases._save(session, actor, before, doc, at))
    changes.add(
        cases.record_event(session, actor, str(doc["_id"]), kind, at, "due_at", old, new, comment)
    )
    return changes


def apply_recomputed(
    session: Session, actor: Actor, found: list[case_clocks.Recomputed]
) -> ChangeSet:
    """Write recomputed due times (cases changed since are recomputed again, not overwritten
    blindly: each one's due times come from its current history)."""
    changes = ChangeSet()
    now = to_iso(utcnow())
    for item in found:
        doc = docstore.get(session, item.case_id)
        if doc is None or doc.get("type") != "case" or doc.get("status") == "closed":
            continue
        before = dict(doc)
        response, due = case_clocks.case_due(session, doc)
        if (response, due) == (doc.get("response_due_at"), doc.get("due_at")):
            continue
        doc["response_due_at"], doc["due_at"] = response, due
        changes.add(cases._save(session, actor, before, doc, now))
    return changes


def cases_moved(session: Session) -> int:
    """How many open cases here a calendar change moves (their due times, recomputed, differ
    from those they hold): what the CLI and the window say after a change."""
    return len(case_clocks.recompute(session))


def recompute_open(session: Session, actor: Actor) -> tuple[int, ChangeSet]:
    """Move the due times of every open case here that the council's calendar now puts
    elsewhere (the CLI's ``--recompute``, the window's "Recompute"): how many, and the change."""
    moved = case_clocks.recompute(session)
    if not moved:
        return 0, ChangeSet()
    return len(moved), apply_recomputed(session, actor, moved)
