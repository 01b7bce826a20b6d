"""Opening a record reads by index: no read scans a table that grows with the council.

A scan costs nothing on a test council and tens of milliseconds on a million citizens, so the
speed target cannot catch it in CI; the query plan can.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from caseworker.models import Case, Citizen
from caseworker.seed import busiest_citizen_id
from caseworker.services import merges
from caseworker.services.context import Actor
from caseworker.store.store import Store
from tests.ui.conftest import staff_with_role
from ui.case.snapshot import load_case
from ui.case.snapshot import load_if_concerned as load_case_if_concerned
from ui.citizen.snapshot import load_citizen, load_if_concerned

# Tables whose size follows the number of citizens, cases or contacts.
GROWING = (
    "citizens",
    "identifiers",
    "consents",
    "assurance_checks",
    "cases",
    "interactions",
    "case_notes",
    "markers",
    "merges",
    "identity_links",
    "mentions",
    "documents",
)


@contextmanager
def statements(session: Session) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, sql: str, params: Any, context: Any, many: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            seen.append((sql, params))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def scans(session: Session, seen: list[tuple[str, Any]]) -> list[str]:
    found = []
    for sql, params in seen:
        plan = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
        for row in plan:
            detail = str(row[-1])
            if detail.startswith("SCAN ") and detail.split()[1] in GROWING:
                found.append(f"{detail}: {' '.join(sql.split())[:160]}")
    return found


def test_opening_a_merged_record_scans_no_growing_table(seeded: Store) -> None:
    supervisor = staff_with_role(seeded, "supervisor")
    with seeded.write() as session:
        survivor = busiest_citizen_id(session)
        other = session.scalars(select(Citizen.id).where(Citizen.id != survivor)).first()
        assert other is not None
        merges.merge(session, Actor(supervisor.id, "supervisor"), survivor, other, "same person")
    with seeded.read() as session:
        with statements(session) as seen:
            snapshot = load_citizen(session, survivor)
            load_if_concerned(session, survivor, {other})
        assert seen, "the record was read"
        assert other in snapshot.merged_from
        assert scans(session, seen) == []


def test_opening_a_case_scans_no_growing_table(seeded: Store) -> None:
    with seeded.read() as session:
        case_id = session.scalars(
            select(Case.id).where(Case.citizen_id == busiest_citizen_id(session))
        ).first()
        assert case_id is not None
        with statements(session) as seen:
            load_case(session, case_id)
            load_case_if_concerned(session, case_id, {case_id})
        assert seen, "the case was read"
        assert scans(session, seen) == []
