"""The filter behind each figure of the board, and the cases it selects (the drill-down).

A figure and its drill-down use the same conditions, so the list behind a bar holds exactly
the cases that bar counts. ``""`` for a queue or an assignee means "none" (no queue, nobody):
a case from a peer may carry either NULL or an empty string there.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, or_, select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.board.periods import FIRST_CONTACT_WITHIN
from caseworker.models import Case, Interaction
from caseworker.timeutil import to_iso

OPEN = tuple(sorted(vocab.OPEN_STATUSES))
_ROWID: Any = literal_column("cases.rowid")
_DAY_SECONDS = 86_400


@dataclass(frozen=True)
class CaseFilter:
    open_only: bool = False
    queue_id: str | None = None  # None: any queue; "": no queue
    assignee_id: str | None = None  # None: anyone; "": nobody
    due_from: datetime | None = None  # due_at >= due_from
    due_before: datetime | None = None  # due_at < due_before
    opened_from: datetime | None = None
    opened_before: datetime | None = None
    resolved_from: datetime | None = None
    resolved_before: datetime | None = None
    channel: str | None = None
    first_contact: bool = False  # resolved within 24 hours with at most one contact


def _none_or(column: Any, value: str) -> ColumnElement[bool]:
    if value == "":
        return or_(column.is_(None), column == "")
    result: ColumnElement[bool] = column == value
    return result


def first_contact_condition() -> ColumnElement[bool]:
    """Resolved within 24 hours of opening, with no more than one contact logged on the case."""
    within = func.julianday(Case.resolved_at) - func.julianday(Case.opened_at)
    contacts = (
        select(func.count())
        .select_from(Interaction)
        .where(Interaction.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )
    limit = FIRST_CONTACT_WITHIN.total_seconds() / _DAY_SECONDS
    return Case.resolved_at.is_not(None) & (within <= limit) & (contacts <= 1)


def conditions(f: CaseFilter) -> list[ColumnElement[bool]]:
    c: list[ColumnElement[bool]] = []
    if f.open_only:
        c.append(Case.status.in_(OPEN))
    if f.queue_id is not None:
        c.append(_none_or(Case.queue_id, f.queue_id))
    if f.assignee_id is not None:
        c.append(_none_or(Case.assignee_id, f.assignee_id))
    # Times compare as the stored ISO text, as the indexes hold them.
    if f.due_from is not None:
        c.append(literal_column("cases.due_at") >= to_iso(f.due_from))
    if f.due_before is not None:
        c.append(literal_column("cases.due_at") < to_iso(f.due_before))
    if f.opened_from is not None:
        c.append(literal_column("cases.opened_at") >= to_iso(f.opened_from))
    if f.opened_before is not None:
        c.append(literal_column("cases.opened_at") < to_iso(f.opened_before))
    if f.resolved_from is not None:
        c.append(literal_column("cases.resolved_at") >= to_iso(f.resolved_from))
    if f.resolved_before is not None:
        c.append(literal_column("cases.resolved_at") < to_iso(f.resolved_before))
    if f.channel is not None:
        c.append(Case.channel == f.channel)
    if f.first_contact:
        c.append(first_contact_condition())
    return c


def count_cases(session: Session, f: CaseFilter) -> int:
    stmt = select(func.count()).select_from(Case).where(*conditions(f))
    return int(session.scalar(stmt) or 0)


@dataclass(frozen=True)
class CaseLine:
    id: str
    reference: str
    summary: str
    status: str
    due_at: datetime
    rowid: int  # where the next page starts


def list_cases(
    session: Session, f: CaseFilter, after: int | None = None, limit: int = 200
) -> list[CaseLine]:
    """One page of the cases behind a figure, in the store's order, from after a row id."""
    clauses = conditions(f)
    if after is not None:
        clauses.append(after < _ROWID)
    stmt = (
        select(Case.id, Case.reference, Case.summary, Case.status, Case.due_at, _ROWID)
        .where(*clauses)
        .order_by(_ROWID)
        .limit(limit)
    )
    return [CaseLine(*row) for row in session.execute(stmt)]
