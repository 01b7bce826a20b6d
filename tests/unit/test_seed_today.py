"""The demo council is seeded relative to the day it is made, so its open cases show a normal
day: most on time, some due soon, some overdue; benchmarks keep a fixed day."""

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker import vocab
from caseworker.models import Case
from caseworker.seed import BENCH_NOW_MS, seed_store, this_hour_ms
from caseworker.seed.casework import open_case_age
from caseworker.services.sla import sla_state
from caseworker.store.store import Store
from caseworker.timeutil import utcnow

HOUR_MS = 3_600_000
ALLOWED = 72 * HOUR_MS


def _state(age_ms: int, allowed_ms: int = ALLOWED) -> str:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    opened = now - timedelta(milliseconds=age_ms)
    due = opened + timedelta(milliseconds=allowed_ms)
    return sla_state(due, now, "in_progress", opened_at=opened)


def test_a_case_age_draws_on_time_then_due_soon_then_late() -> None:
    draws = [i / 1000 for i in range(1000)]
    states = Counter(_state(open_case_age(u, ALLOWED)) for u in draws)
    assert states["ok"] == pytest.approx(700, abs=3)
    assert states["due_soon"] == pytest.approx(150, abs=3)
    assert states["overdue"] == pytest.approx(150, abs=3)
    assert max(open_case_age(u, ALLOWED) for u in draws) <= 1.5 * ALLOWED  # never absurdly late
    assert min(open_case_age(u, ALLOWED) for u in draws) >= 10 * 60_000


def test_the_demo_is_a_normal_day_today_not_every_row_overdue(tmp_path: Path) -> None:
    store = Store(tmp_path / "caseworker.db")
    try:
        seed_store(store, citizens=300, workers=1)
        now = utcnow()
        with store.read() as session:
            rows = session.execute(
                select(Case.due_at, Case.opened_at, Case.status).where(
                    Case.status.in_(vocab.OPEN_STATUSES)
                )
            ).all()
    finally:
        store.close()
    assert len(rows) > 50
    states = Counter(
        sla_state(due.replace(tzinfo=UTC), now, status, opened_at=opened.replace(tzinfo=UTC))
        for due, opened, status in rows
    )
    share = {state: count / len(rows) for state, count in states.items()}
    assert share.get("ok", 0) >= 0.5, share
    assert 0.03 <= share.get("due_soon", 0) <= 0.35, share
    assert 0.03 <= share.get("overdue", 0) <= 0.35, share
    assert all(opened.replace(tzinfo=UTC) <= now for _due, opened, _s in rows)


def test_benchmarks_keep_their_fixed_day(tmp_path: Path) -> None:
    store = Store(tmp_path / "caseworker.db")
    try:
        seed_store(store, citizens=20, workers=1, now_ms=BENCH_NOW_MS)
        with store.read() as session:
            latest = max(session.scalars(select(Case.opened_at)))
    finally:
        store.close()
    fixed = datetime.fromtimestamp(BENCH_NOW_MS / 1000, UTC)
    assert fixed - timedelta(days=60) < latest.replace(tzinfo=UTC) <= fixed


def test_today_is_the_start_of_the_current_hour() -> None:
    hour = this_hour_ms()
    assert hour % HOUR_MS == 0
    assert 0 <= utcnow().timestamp() * 1000 - hour < HOUR_MS + 1000
