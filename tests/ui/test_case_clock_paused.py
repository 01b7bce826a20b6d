"""The case view says how long a case's clock stood still while the council waited for the
citizen ("Clock paused 2 days 3 h"), and that it is paused now; a case never paused says
nothing about it."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Service
from caseworker.services import cases
from caseworker.store.store import Store
from ui.case import CaseView
from ui.context import UiContext

WAIT_MS = 10_000


@pytest.fixture
def case_id(seeded: Store, ctx: UiContext) -> str:
    with seeded.write() as session:
        code = session.scalars(
            select(Service.code).where(Service.active.is_(True)).order_by(Service.code)
        ).first()
        assert code is not None
        opened, _ = cases.open_case(
            session, ctx.actor, cases.NewCase(code, "Hedge blocking the path", "phone")
        )
    return opened


def open_view(qtbot: QtBot, ctx: UiContext, case_id: str) -> CaseView:
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    return view


@pytest.fixture
def settled(settle: Callable[[], None]) -> Iterator[None]:
    yield
    settle()


def test_a_case_never_paused_shows_no_pause(
    qtbot: QtBot, ctx: UiContext, case_id: str, settled: None
) -> None:
    view = open_view(qtbot, ctx, case_id)
    assert not view.details.paused.isVisibleTo(view)


def test_a_past_pause_is_shown_in_days_and_hours(
    qtbot: QtBot,
    ctx: UiContext,
    seeded: Store,
    case_id: str,
    monkeypatch: pytest.MonkeyPatch,
    settled: None,
) -> None:
    start = datetime.now(UTC) - timedelta(days=5)
    with seeded.write() as session:
        monkeypatch.setattr(cases, "utcnow", lambda: start)
        cases.transition(session, ctx.actor, case_id, "triaged")
        cases.transition(session, ctx.actor, case_id, "awaiting_citizen")
        monkeypatch.setattr(cases, "utcnow", lambda: start + timedelta(days=2, hours=3))
        cases.transition(session, ctx.actor, case_id, "in_progress")
    view = open_view(qtbot, ctx, case_id)
    paused = view.details.paused
    assert paused.isVisibleTo(view)
    assert paused.text() == "Clock paused 2 days 3 h"
    assert paused.accessibleName().startswith("Clock paused")
    assert paused.geometry().right() <= view.width()  # not cut off at 1280 x 720


def test_pausing_from_the_keyboard_shows_the_clock_paused_now(
    qtbot: QtBot, ctx: UiContext, seeded: Store, case_id: str, settled: None
) -> None:
    with seeded.write() as session:
        cases.transition(session, ctx.actor, case_id, "triaged")
    view = open_view(qtbot, ctx, case_id)
    combo = view.details.next_status
    combo.setFocus()
    target = combo.findData("awaiting_citizen")
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert view.details.status.text() == "Awaiting citizen"
    view.details.tick(now=datetime.now(UTC) + timedelta(hours=5, minutes=10))
    paused = view.details.paused
    assert paused.isVisibleTo(view)
    assert paused.text() == "Clock paused now: 5 h 10 min in all"
