"""The clocks of cases in the store: a new case's due times, an open one's after its history
changed, and every open case's at once (after the calendar or a service changed)."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.clocks import bulk, council
from caseworker.clocks.bulk import Recomputed as Recomputed  # where callers have it from
from caseworker.clocks.calendar import to_ms
from caseworker.clocks.due import (
    EXTENDED,
    STAGE,
    CaseFacts,
    Event,
    ServiceClock,
    due,
    facts,
    service_clock,
)
from caseworker.clocks.pauses import Pause, paused_time, pauses
from caseworker.collector import fewer_collections
from caseworker.models import CaseEvent, Service
from caseworker.store import docstore
from caseworker.timeutil import from_iso, to_iso

CLOCK_EVENTS = ("status_changed", STAGE, EXTENDED)


def service_document(session: Session, code: str) -> Mapping[str, Any]:
    """The service's document (its clock fields are not projected); its projected row's hours
    when the document cannot be read."""
    row = session.scalar(select(Service).where(Service.code == code))
    if row is None:
        return {}
    doc = docstore.get(session, row.id)
    if doc is not None:
        return doc
    return {"response_hours": row.response_hours, "resolve_hours": row.resolve_hours}


def clock_of(session: Session, code: str) -> ServiceClock:
    return service_clock(service_document(session, code))


def new_case_due(session: Session, code: str, opened: datetime) -> tuple[str, str]:
    """(response_due_at, due_at) of a case of service ``code`` opened at ``opened``."""
    response, resolution = due(
        CaseFacts(to_ms(opened)), clock_of(session, code), council.load(session)
    )
    return to_iso(response), to_iso(resolution)


def history(session: Session, case_id: str) -> list[Event]:
    rows = session.execute(
        select(CaseEvent.at, CaseEvent.kind, CaseEvent.old, CaseEvent.new).where(
            CaseEvent.case_id == case_id, CaseEvent.kind.in_(CLOCK_EVENTS)
        )
    )
    return [(at, kind, old, new) for at, kind, old, new in rows]


def case_due(
    session: Session, doc: Mapping[str, Any], extra: Iterable[Event] = ()
) -> tuple[str, str]:
    """(response_due_at, due_at) of a case, from its history plus ``extra`` events not yet
    projected (the one being written)."""
    events = [*history(session, doc["_id"]), *extra]
    found = facts(from_iso(doc["opened_at"]), events)
    response, resolution = due(found, clock_of(session, doc["service_code"]), council.load(session))
    return to_iso(response), to_iso(resolution)


def case_pauses(session: Session, case_id: str) -> list[Pause]:
    return pauses(
        (at, old, new)
        for at, kind, old, new in history(session, case_id)
        if kind == "status_changed"
    )


def paused_for(session: Session, case_id: str, now: datetime) -> timedelta:
    """How long the case's clock has stood still (a running pause up to ``now``)."""
    return paused_time(case_pauses(session, case_id), now)


def working_until(session: Session, due_at: datetime, now: datetime) -> timedelta:
    """Working time from ``now`` until ``due_at`` under the council's calendar: how long until
    a breach, or, negative, how long since (for warnings and escalations)."""
    return council.load(session).working.working_between(now, due_at)


def _ms(column: str) -> str:
    # SQLite's reading of a time, in ms (``bulk`` uses it only where it gives the text back).
    return f"CAST(round(unixepoch({column}, 'subsec') * 1000) AS INTEGER)"


def recompute(session: Session) -> list[Recomputed]:
    """Every open case whose due times differ from what its service's clock and the council's
    calendar now give, with the new ones, in no particular order (nothing is written:
    ``services.clock_changes``)."""
    cal = council.load(session)
    # A recompute makes a few hundred thousand tuples and strings, none in a cycle: looking
    # for cycles among them took a quarter of its time.
    with fewer_collections():
        rows, events = _open_cases(session)
        found = bulk.changed(rows, events, lambda code: clock_of(session, code), cal)
        del rows, events  # gone before the collector looks again
    return found


def _open_cases(session: Session) -> tuple[Sequence[bulk.Row], Sequence[bulk.EventRow]]:
    """The open cases (``bulk.Row``) and their clock events (``bulk.EventRow``)."""
    statuses = tuple(sorted(vocab.OPEN_STATUSES))
    where = f"c.status IN ({', '.join('?' * len(statuses))})"
    kinds = ", ".join(f"'{k}'" for k in CLOCK_EVENTS)
    # Straight from the DBAPI cursor: a hundred thousand rows through the ORM's result
    # machinery cost more than the clocks themselves.
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(f"SELECT count(*) FROM cases c WHERE {where}", statuses)
        (open_cases,) = cursor.fetchone() or (0,)
        cursor.execute("SELECT coalesce(max(rowid), 0) FROM cases")
        (rows_ever,) = cursor.fetchone() or (0,)
        # When most cases are open, reading the table straight through beats a look-up of
        # each row from the status index; when few are, the index wins.
        scan = "NOT INDEXED" if open_cases * 3 >= rows_ever else ""
        cursor.execute(
            f"SELECT c.id, c.service_code, c.opened_at, {_ms('c.opened_at')}, c.response_due_at, "
            f"c.due_at FROM cases c {scan} WHERE {where}",
            statuses,
        )
        rows = cursor.fetchall()
        cursor.execute("SELECT coalesce(max(rowid), 0) FROM case_events")
        (events_ever,) = cursor.fetchone() or (0,)
        # The clock events of the open cases: the events read straight through when there are
        # few for each open case, else each open case's through the index by case. Either way
        # a case's come in the order of the index (time, then as written), as facts() needs.
        joined = (
            "case_events e CROSS JOIN cases c ON c.id = e.case_id"
            if events_ever < 3 * open_cases
            else f"cases c {scan} CROSS JOIN case_events e ON e.case_id = c.id"
        )
        cursor.execute(
            f"SELECT e.case_id, e.at, {_ms('e.at')}, e.kind, e.old, e.new FROM {joined} "
            f"WHERE {where} AND e.kind IN ({kinds})",
            statuses,
        )
        events = cursor.fetchall()
    finally:
        cursor.close()
    return rows, events
