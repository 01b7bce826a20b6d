"""The omnibox: results as you type, stale answers dropped, arrows and Enter open a record."""

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case, Citizen, Identifier
from caseworker.services import citizens
from caseworker.services.search import search
from caseworker.store.store import Store
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.search.model import ID_ROLE, SearchController

WAIT_MS = 10_000


def _a_phone(store: Store) -> tuple[str, str]:
    with store.read() as session:
        ident = session.scalars(
            select(Identifier).where(Identifier.kind == "phone").order_by(Identifier.id)
        ).first()
    assert ident is not None
    return ident.citizen_id, ident.value


def _unique_fragment(store: Store, citizen_id: str, phone: str) -> str:
    """The shortest tail of the phone number (as typed, with its spaces) that finds only them."""
    digits = re.sub(r"\D", "", phone)
    with store.read() as session:
        for size in range(6, len(digits) + 1):
            tail = digits[-size:]
            hits = search(session, tail)
            if [h.id for h in hits if h.kind == "citizen"] == [citizen_id]:
                return f"{tail[:-3]} {tail[-3:]}"
    raise AssertionError(f"no fragment of {phone} finds only {citizen_id}")


def test_typing_a_phone_fragment_then_enter_opens_the_citizen(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    citizen_id, phone = _a_phone(seeded)
    fragment = _unique_fragment(seeded, citizen_id, phone)
    assert window.omnibox.hasFocus()
    qtbot.keyClicks(window.omnibox, fragment)
    assert window.stack.currentWidget() is window.search_page
    qtbot.waitUntil(
        lambda: window.search.settled and window.search.model.rowCount() > 0, timeout=WAIT_MS
    )
    assert window.search.model.index(0, 0).data(ID_ROLE) == citizen_id
    assert "result" in window.search_page.message.text()
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Down)
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Up)
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.record_view(citizen_id) is not None, timeout=WAIT_MS)
    assert window.tabs.currentWidget() is window.tabs.record_view(citizen_id)


def test_enter_before_the_answer_opens_it_when_it_arrives(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    with seeded.read() as session:
        case_id, reference = session.execute(select(Case.id, Case.reference).limit(1)).one()
    window.omnibox.setText(reference)
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Enter)  # at once, before the worker answered
    qtbot.waitUntil(lambda: window.tabs.record_view(case_id) is not None, timeout=WAIT_MS)


def test_stale_answers_are_dropped_and_only_the_newest_query_is_shown(
    qtbot: QtBot, ctx: UiContext, seeded: Store
) -> None:
    with seeded.read() as session:
        name = session.scalars(select(Citizen.family_name).order_by(Citizen.id)).first()
    assert name is not None and len(name) >= 4
    final = name.lower()
    controller = SearchController(ctx.worker)
    answered: list[str] = []
    controller.results_ready.connect(lambda query, _n: answered.append(query))
    for size in range(1, len(final) + 1):  # typed faster than any answer can come back
        controller.search(final[:size])
    qtbot.waitUntil(lambda: controller.settled, timeout=WAIT_MS)
    # The first question was answered too late and dropped; those typed while it ran were
    # overtaken before they were ever asked; only the newest reached the model.
    assert answered == [final]
    with seeded.read() as session:
        expected = [h.id for h in search(session, final, 20)]
    shown = [controller.model.index(r, 0).data(ID_ROLE) for r in range(controller.model.rowCount())]
    assert shown == expected


def test_nothing_found_says_what_to_try(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.omnibox, "qqzzxq")
    qtbot.waitUntil(lambda: window.search.settled, timeout=WAIT_MS)
    message = window.search_page.message.text()
    assert "Nobody and no case matches “qqzzxq”" in message
    assert "postcode" in message
    assert not window.search_page.results.isVisible()
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Escape)
    assert window.omnibox.text() == ""


@pytest.fixture
def controller(ctx: UiContext, settle: Callable[[], None]) -> Iterator[SearchController]:
    kept = SearchController(ctx.worker, bus=ctx.bus)
    yield kept
    settle()


def test_the_results_model_passes_the_model_tester(
    qtbot: QtBot, controller: SearchController, qtmodeltester: ModelTester
) -> None:
    # (controller before qtmodeltester: the model outlives the tester's clean-up)
    qtmodeltester.check(controller.model)
    with qtbot.waitSignal(controller.results_ready, timeout=WAIT_MS):
        controller.search("jones")
    with qtbot.waitSignal(controller.results_ready, timeout=WAIT_MS):
        controller.search("cf1")
    qtmodeltester.check(controller.model, force_py=True)


def test_shown_results_follow_changes_made_anywhere(
    qtbot: QtBot, controller: SearchController, ctx: UiContext, seeded: Store
) -> None:
    with qtbot.waitSignal(controller.results_ready, timeout=WAIT_MS):
        controller.search("zebrafan42")
    assert controller.model.rowCount() == 0
    with seeded.read() as session:
        citizen_id = session.scalars(select(Citizen.id).order_by(Citizen.id)).first()
    assert citizen_id is not None
    email = citizens.NewIdentifier("email", "zebrafan42@example.org")
    with qtbot.waitSignal(controller.results_ready, timeout=WAIT_MS):
        ctx.worker.write(lambda s: citizens.add_identifier(s, ctx.actor, citizen_id, email))
    assert [controller.model.index(0, 0).data(ID_ROLE)] == [citizen_id]
