"""The demo council's warning markers: a few per hundred citizens, valid, sensible, due for
review around today, and officer-safety markers on the cases at their address."""

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from caseworker import vocab
from caseworker.models import Case, Citizen, Marker
from caseworker.seed import BENCH_NOW_MS, seed_store
from caseworker.services import markers
from caseworker.store.store import Store
from caseworker.timeutil import utcnow

N = 2000


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("seeded-markers") / "caseworker.db")
    seed_store(store, citizens=N, workers=1, now_ms=BENCH_NOW_MS)  # a fixed day
    return store


def test_a_few_citizens_in_a_hundred_carry_sensible_markers(seeded: Store) -> None:
    with seeded.read() as s:
        rows = list(s.scalars(select(Marker)))
        citizens = {c for (c,) in s.execute(select(Citizen.id))}
    warned = {m.citizen_id for m in rows}
    assert warned <= citizens
    assert 0.02 * N <= len(warned) <= 0.07 * N
    assert set(Counter(m.kind for m in rows)) == set(vocab.MARKER_KINDS)
    today = datetime.fromtimestamp(BENCH_NOW_MS / 1000, UTC).date()  # the demo's today
    reviews = [date.fromisoformat(m.review_on) for m in rows]
    assert all(today - timedelta(days=21) <= r <= today + timedelta(days=181) for r in reviews)
    assert any(r < today for r in reviews) and any(r > today for r in reviews)
    assert all(m.set_at < utcnow() and m.ended_at is None and m.reason for m in rows)


def test_the_benchmarks_frequent_contacts_each_carry_a_marker(seeded: Store) -> None:
    with seeded.read() as s:
        frequent = list(
            s.scalars(select(Case.citizen_id).group_by(Case.citizen_id).having(func.count() >= 40))
        )
        assert len(frequent) == 3
        for citizen_id in frequent:
            assert markers.of_citizen(s, citizen_id)


def test_an_officer_safety_marker_is_found_from_its_citizens_cases(seeded: Store) -> None:
    with seeded.read() as s:
        safety = list(s.scalars(select(Marker).where(Marker.kind == vocab.OFFICER_SAFETY)))
        assert safety
        checked = 0
        for m in safety:
            placed = select(Case).where(
                Case.citizen_id == m.citizen_id, Case.location_postcode.is_not(None)
            )
            case = s.scalars(placed.limit(1)).first()
            if case is None:
                continue
            checked += 1
            found = markers.at_address(s, case.location_address, case.location_postcode)
            assert m.id in {x.id for x in found}
        assert checked
