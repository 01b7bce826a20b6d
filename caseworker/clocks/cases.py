"""The clocks of cases in the store: a new case's due times, an open one's after its history
changed, and every open case's at once (after the calendar or a service changed)."""

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.clocks import bulk, council
from caseworker.clocks.bulk import Recomputed
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


def recompute(session: Session) -> list[Recomputed]:
    """Every open case whose due times differ from what its service's clock and the council's
    calendar now give, with the new ones, in no particular order (nothing is written:
    ``services.clock_changes``)."""
    cal = council.load(session)
    statuses = tuple(sorted(vocab.OPEN_STATUSES))
    where = f"c.status IN ({', '.join('?' * len(statuses))})"
    kinds = ", ".join(f"'{k}'" for k in CLOCK_EVENTS)
    # Straight from the DBAPI cursor: a hundred thousand rows through the ORM's result
    # machinery cost more than the clocks themselves. One pass: each open case with its
    # clock events (or none), the events through their index by case.
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(f"SELECT count(*) FROM cases c WHERE {where}", statuses)
        (open_cases,) = cursor.fetchone()
        cursor.execute("SELECT max(rowid) FROM cases")
        (rows_ever,) = cursor.fetchone()
        # When most cases are open, reading the table straight through beats a look-up of
        # each row from the status index; when few are, the index wins.
        scan = "NOT INDEXED" if open_cases * 3 >= (rows_ever or 0) else ""
        cursor.execute(
            "SELECT c.id, c.service_code, c.opened_at, c.response_due_at, c.due_at, "
            f"e.at, e.kind, e.old, e.new FROM cases c {scan} LEFT JOIN case_events e "
            f"ON e.case_id = c.id AND e.kind IN ({kinds}) WHERE {where}",
            statuses,
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    clocks: dict[str, ServiceClock] = {}

    def clock_for(code: str) -> ServiceClock:
        found = clocks.get(code)
        if found is None:
            found = clocks[code] = clock_of(session, code)
        return found

    return bulk.changed(rows, clock_for, cal)
