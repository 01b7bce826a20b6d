"""All the board's figures at one moment, in one read transaction (so they agree)."""

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import language
from caseworker.board import trend
from caseworker.board.filters import CaseFilter
from caseworker.board.periods import end_of_today, week_starts
from caseworker.board.workload import Workload, workload
from caseworker.models import Queue, StaffMember
from caseworker.store.settings import last_sync


@dataclass(frozen=True)
class Count:
    value: int
    filter: CaseFilter


@dataclass(frozen=True)
class Coverage:
    """What the board covers: the queues and open cases this store holds, as of its last sync
    (None: never synced)."""

    queues: int
    open_cases: int
    last_sync: datetime | None


@dataclass(frozen=True)
class Board:
    now: datetime
    end_of_today: datetime
    coverage: Coverage
    queues: list[Workload]
    officers: list[Workload]
    at_risk: Count
    breached: Count
    backlog: list[trend.Bar]
    channels: list[trend.Bar]
    resolution: trend.Resolution  # the last 28 days
    previous: trend.Resolution  # the 28 days before
    weeks: list[trend.Week]


def _labels(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    queues = {q.id: language.pick(q.name, q.name_cy) for q in session.scalars(select(Queue))}
    staff = {i: name for i, name in session.execute(select(StaffMember.id, StaffMember.name))}
    return queues, staff


def _free_officers(session: Session, queue_ids: set[str], busy: list[Workload]) -> list[Workload]:
    """Active members of the queues the board covers with no open case: a supervisor looks for
    them first when work needs handing out."""
    seen = {w.key for w in busy}
    free = []
    for staff in session.scalars(select(StaffMember).where(StaffMember.active.is_(True))):
        if staff.id in seen or not queue_ids & set((staff.queue_ids or "").split()):
            continue
        none = CaseFilter(open_only=True, assignee_id=staff.id)
        free.append(Workload(staff.id, staff.name, 0, 0, 0, none, none, none))
    return sorted(free, key=lambda w: w.label)


def compute_board(
    session: Session, now: datetime, *, no_queue: str = "No queue", nobody: str = "Unassigned"
) -> Board:
    """Every figure of the board at ``now`` (aware UTC); ``no_queue``/``nobody`` label the
    cases without a queue or an assignee (the window passes its translations)."""
    eod = end_of_today(now)
    weeks = week_starts(now)
    queue_names, staff_names = _labels(session)
    queues = workload(session, "queue_id", now, eod, queue_names, no_queue)
    officers = workload(session, "assignee_id", now, eod, staff_names, nobody)
    officers += _free_officers(session, {q.key for q in queues if q.key}, officers)
    opened_by_channel, opened_weekly = trend.opened(session, now, weeks)
    resolution, previous, resolved_weekly = trend.resolved(session, now, weeks)
    week_list = [
        trend.Week(
            start=weeks[i],
            opened=opened_weekly[i],
            resolved=resolved_weekly[i][0],
            median_days=resolved_weekly[i][1],
            opened_filter=CaseFilter(opened_from=weeks[i], opened_before=weeks[i + 1]),
            resolved_filter=CaseFilter(resolved_from=weeks[i], resolved_before=weeks[i + 1]),
        )
        for i in range(len(weeks) - 1)
    ]
    every_open = CaseFilter(open_only=True)
    return Board(
        now=now,
        end_of_today=eod,
        coverage=Coverage(
            queues=sum(1 for q in queues if q.key),
            open_cases=sum(q.open for q in queues),
            last_sync=last_sync(session),
        ),
        queues=queues,
        officers=officers,
        at_risk=Count(
            sum(q.at_risk for q in queues), replace(every_open, due_from=now, due_before=eod)
        ),
        breached=Count(sum(q.breached for q in queues), replace(every_open, due_before=now)),
        backlog=trend.backlog(session, now),
        channels=opened_by_channel,
        resolution=resolution,
        previous=previous,
        weeks=week_list,
    )
