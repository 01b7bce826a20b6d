"""The SQL behind My work and the queue lists. Runs on the database worker, never on the GUI.

Pages are read by key (the last row's sort value and rowid), not by OFFSET, so the thousandth
page costs what the first one does. The sort and keyset work on ``rowid`` picked from the
``(assignee_id|queue_id, status, due_at)`` indexes first; only one page of whole rows is read.
"""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
    union,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnClause

from caseworker import language, vocab
from caseworker.board.periods import end_of_today
from caseworker.escalation import PAUSED
from caseworker.models import Case, CaseEvent, Citizen, Queue, Service, StaffMember
from caseworker.timeutil import utcnow

PAGE_SIZE = 100
_ROWID: ColumnClause[Any] = literal_column("cases.rowid")
_PRIORITY_RANK = {p: i for i, p in enumerate(reversed(vocab.PRIORITIES))}  # urgent first
_STATUS_RANK = {s: i for i, s in enumerate(vocab.CASE_STATUSES)}

SORT_KEYS: dict[str, ColumnElement[Any]] = {
    "due": literal_column("cases.due_at"),
    "reference": literal_column("cases.reference"),
    "summary": literal_column("cases.summary"),
    "service": literal_column("cases.service_code"),
    "status": case(_STATUS_RANK, value=Case.status, else_=99),
    "priority": case(_PRIORITY_RANK, value=Case.priority, else_=99),
}


@dataclass(frozen=True)
class WorkFilter:
    """Which cases a list shows: one officer's or one queue's, open ones, matching a text."""

    assignee_id: str | None = None
    queue_id: str | None = None
    text: str = ""
    open_only: bool = True
    # At risk: open, not paused, and due by this instant (already late included).
    due_by: datetime | None = None
    # A supervisor's My work also lists the cases an escalation rule told them about.
    escalated_to: str | None = None


@dataclass(frozen=True)
class CaseRow:
    id: str
    reference: str
    summary: str
    service: str
    status: str
    priority: str
    citizen: str
    opened_at: datetime
    due_at: datetime
    finished_at: datetime | None
    conflicted: bool
    key: tuple[Any, int]  # (sort value, rowid): where the next page starts
    escalated: bool = False  # an escalation rule has fired on it


@dataclass(frozen=True)
class Page:
    rows: list[CaseRow]
    total: int | None  # counted on the first page only
    has_more: bool
    at_risk: int | None = None  # of the total, how many are at risk today (first page only)


def _escalated() -> ColumnElement[bool]:
    # Uses the partial index ``ix_case_events_escalated``.
    return exists().where(CaseEvent.case_id == Case.id, CaseEvent.kind == "escalated")


def _told_ids(staff_id: str) -> Select[Any]:
    """The ids of the cases whose escalation named this supervisor (``new`` lists staff ids,
    space apart)."""
    named = (literal(" ") + CaseEvent.new + literal(" ")).contains(f" {staff_id} ", autoescape=True)
    return select(CaseEvent.case_id).where(
        CaseEvent.kind == "escalated", CaseEvent.field == "notify", named
    )


def _where(f: WorkFilter) -> list[ColumnElement[bool]]:
    if f.assignee_id is not None and f.escalated_to is not None:
        # Two index lookups joined, not "assignee OR told": an OR with a subquery cannot use
        # the assignee's index, and read all 1,000,000 cases of the demo council (6 s). Every
        # other condition goes inside, so the list of rows found drives the query.
        held = aliased(Case, name="held")
        rowid: ColumnClause[Any] = literal_column("held.rowid")
        mine = (
            select(rowid)
            .select_from(held)
            .where(held.assignee_id == f.assignee_id, *_conditions(f, held))
        )
        # The few escalated cases are found by id: "+held.status" keeps SQLite from reading
        # every open case by status instead (it has no statistics to know better).
        told = (
            select(rowid)
            .select_from(held)
            .where(held.id.in_(_told_ids(f.escalated_to)), *_conditions(f, _Unindexed("held")))
        )
        return [_ROWID.in_(union(mine, told))]
    clauses = _conditions(f, Case)
    if f.assignee_id is not None:
        clauses.append(Case.assignee_id == f.assignee_id)
    return clauses


class _Unindexed:
    """Columns of a table alias written ``+alias.column``: SQLite will not use an index for
    them (its documented way to steer a plan)."""

    def __init__(self, alias: str) -> None:
        self._alias = alias

    def __getattr__(self, name: str) -> ColumnClause[Any]:
        return literal_column(f"+{self._alias}.{name}")


def _conditions(f: WorkFilter, c: Any) -> list[ColumnElement[bool]]:
    """Everything but the officer: the queue, open or at risk, the words typed; on ``c``,
    the cases table or an alias of it."""
    clauses: list[ColumnElement[bool]] = []
    if f.queue_id is not None:
        clauses.append(c.queue_id == f.queue_id)
    if f.open_only:
        clauses.append(c.status.in_(sorted(vocab.OPEN_STATUSES)))
    if f.due_by is not None:
        clauses.append(c.status.in_(sorted(vocab.OPEN_STATUSES - {PAUSED})))
        clauses.append(c.due_at <= f.due_by)
    for word in f.text.split():
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(
            or_(
                c.reference.ilike(like, escape="\\"),
                c.summary.ilike(like, escape="\\"),
                c.service_code.ilike(like, escape="\\"),
            )
        )
    return clauses


def count(session: Session, f: WorkFilter) -> int:
    if f.assignee_id is not None and f.escalated_to is not None:
        # Counted in two parts, each on its own index: the officer's own cases, and the few
        # escalated to them that are someone else's.
        own = replace(f, escalated_to=None)
        told = (
            select(func.count())
            .select_from(Case)
            .where(
                Case.id.in_(_told_ids(f.escalated_to)),
                func.coalesce(Case.assignee_id, "") != f.assignee_id,
                *_conditions(f, _Unindexed("cases")),
            )
        )
        return count(session, own) + int(session.scalar(told) or 0)
    return int(session.scalar(select(func.count()).select_from(Case).where(*_where(f))) or 0)


def page(
    session: Session,
    f: WorkFilter,
    sort: str = "due",
    descending: bool = False,
    after: tuple[Any, int] | None = None,
    limit: int = PAGE_SIZE,
    with_total: bool = False,
) -> Page:
    key = SORT_KEYS[sort]
    clauses = _where(f)
    if after is not None:
        boundary = tuple_(key, _ROWID)
        clauses.append(boundary < tuple_(*after) if descending else boundary > tuple_(*after))
    order = (key.desc(), _ROWID.desc()) if descending else (key.asc(), _ROWID.asc())
    picked = select(_ROWID).select_from(Case).where(and_(*clauses)).order_by(*order)
    picked = picked.limit(limit + 1)
    stmt = (
        select(
            Case,
            key.label("sort_key"),
            _ROWID.label("rid"),
            language.service_name(),
            Citizen.preferred_name,
            Citizen.given_name,
            Citizen.family_name,
            _escalated().label("escalated"),
        )
        .outerjoin(Service, Service.code == Case.service_code)
        .outerjoin(Citizen, Citizen.id == Case.citizen_id)
        .where(_ROWID.in_(picked.scalar_subquery()))
        .order_by(*order)
    )
    rows = []
    for c, sort_key, rid, service, preferred, given, family, escalated in session.execute(stmt):
        citizen = f"{preferred or given} {family}" if family else ""
        rows.append(
            CaseRow(
                id=c.id,
                reference=c.reference,
                summary=c.summary,
                service=service or c.service_code,
                status=c.status,
                priority=c.priority,
                citizen=citizen,
                opened_at=c.opened_at,
                due_at=c.due_at,
                finished_at=c.resolved_at or c.closed_at,
                conflicted=c.conflicted,
                key=(sort_key, rid),
                escalated=bool(escalated),
            )
        )
    has_more = len(rows) > limit
    total = count(session, f) if with_total else None
    at_risk = None
    if with_total:
        risky = f if f.due_by is not None else replace(f, due_by=end_of_today(utcnow()))
        at_risk = total if risky is f else count(session, risky)
    return Page(rows[:limit], total, has_more, at_risk)


@dataclass(frozen=True)
class QueueChoice:
    id: str
    name: str
    mine: bool


def queues_for(session: Session, staff_id: str) -> list[QueueChoice]:
    """Active queues, the member of staff's own first."""
    staff = session.get(StaffMember, staff_id)
    own = set((staff.queue_ids if staff else "").split())
    queues = session.scalars(select(Queue).where(Queue.active.is_(True)))
    choices = [QueueChoice(q.id, language.pick(q.name, q.name_cy), q.id in own) for q in queues]
    return sorted(choices, key=lambda q: (not q.mine, q.name))
