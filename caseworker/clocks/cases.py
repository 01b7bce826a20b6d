"""The clocks of cases in the store: a new case's due times, an open one's after its history
changed, and every open case's at once (after the calendar or a service changed)."""

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.clocks import council
from caseworker.clocks.calendar import iso_ms, parse_ms, to_ms
from caseworker.clocks.due import (
    EXTENDED,
    STAGE,
    CaseFacts,
    Event,
    ServiceClock,
    due,
    due_ms,
    due_ms_opened,
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


class Recomputed(NamedTuple):  # a tuple: a recompute makes one for every open case
    case_id: str
    response_due_at: str
    due_at: str


def recompute(session: Session) -> list[Recomputed]:
    """Every open case whose due times differ from what its service's clock and the council's
    calendar now give, with the new ones (nothing is written: ``services.clock_changes``)."""
    cal = council.load(session)
    clocks: dict[str, ServiceClock] = {}
    statuses = tuple(sorted(vocab.OPEN_STATUSES))
    history_of: dict[str, list[Event]] = {}
    kinds = ", ".join(f"'{k}'" for k in CLOCK_EVENTS)
    opened_where = f"status IN ({', '.join('?' * len(statuses))})"
    # Straight from the DBAPI cursor: a hundred thousand rows through the ORM's result
    # machinery cost more than the clocks themselves.
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(
            "SELECT e.case_id, e.at, e.kind, e.old, e.new FROM case_events e "
            f"JOIN cases c ON c.id = e.case_id WHERE c.{opened_where} AND e.kind IN ({kinds})",
            statuses,
        )
        for case_id, at, kind, old, new in cursor.fetchall():
            history_of.setdefault(case_id, []).append((from_iso(at), kind, old, new))
        cursor.execute(
            "SELECT id, service_code, opened_at, response_due_at, due_at FROM cases "
            f"WHERE {opened_where}",
            statuses,
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    changed: list[Recomputed] = []
    for case_id, code, opened, response_was, due_was in rows:
        clock = clocks.get(code)
        if clock is None:
            clock = clocks[code] = clock_of(session, code)
        events = history_of.get(case_id)
        if events is None:
            response, resolution = due_ms_opened(parse_ms(opened), clock, cal)
        else:
            response, resolution = due_ms(facts(datetime.fromisoformat(opened), events), clock, cal)
        response_at, due_at = iso_ms(response), iso_ms(resolution)
        if response_at != response_was or due_at != due_was:
            changed.append(Recomputed(case_id, response_at, due_at))
    return changed
