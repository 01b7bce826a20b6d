"""Safe changes in the case view, with the keyboard alone: a wheel over a field that has no
focus changes nothing; closing asks for the outcome and a comment (Esc cancels without a
change); the last change can be undone for 30 seconds (undoing a close reopens), not over
someone else's later change; and a closed case offers nothing but reopening, with a reason."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from caseworker.models import CaseEvent
from caseworker.services import cases, outcomes
from caseworker.store.store import Store
from tests.ui.test_case_view import WAIT_MS, open_case_view
from ui import wheel_guard
from ui.case import CaseView
from ui.case.details import SETTLE_MS
from ui.case.outcome import EndCaseDialog, ReopenDialog
from ui.context import UiContext
from ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def case_id(seeded: Store, ctx: UiContext) -> str:
    with seeded.write() as session:
        opened, _ = cases.open_case(
            session, ctx.actor, cases.NewCase("noise", "Dog barking all night", "phone")
        )
    return opened


@pytest.fixture
def view(
    qtbot: QtBot, ctx: UiContext, case_id: str, settle: Callable[[], None]
) -> Iterator[CaseView]:
    wheel_guard.install()
    widget = open_case_view(qtbot, ctx, case_id)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)
    yield widget
    settle()


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One notch of a mouse wheel over the middle of ``widget`` (down by default)."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


Saved = Callable[[], tuple[str, str, str | None, int]]


@pytest.fixture
def saved(seeded: Store, case_id: str, settle: Callable[[], None]) -> Saved:
    """What the store holds of the case (status, priority, outcome, history entries), read
    once the window's database jobs are answered (one connection is not read from two threads
    at once)."""

    def read() -> tuple[str, str, str | None, int]:
        settle()
        with seeded.read() as s:
            case = cases.get_case(s, case_id)
            events = s.query(CaseEvent).filter(CaseEvent.case_id == case_id).count()
            return case.status, case.priority, case.outcome, events

    return read


def test_a_wheel_over_an_unfocused_field_changes_and_saves_nothing(
    qtbot: QtBot,
    saved: Saved,
    view: CaseView,
    seeded: Store,
    case_id: str,
    settle: Callable[[], None],
) -> None:
    priority = view.details.priority
    view.details.change_status.setFocus()
    before = saved()
    wheel(priority)
    qtbot.wait(SETTLE_MS + 300)
    settle()
    assert priority.currentData() == "normal" and not priority.hasFocus()
    assert saved() == before
    # The wheel does not take the focus on its way past either.
    assert priority.focusPolicy() == Qt.FocusPolicy.StrongFocus

    # Once the person has chosen the field (Alt+R), the wheel works it as usual.
    qtbot.keyClick(view, Qt.Key.Key_R, ALT)
    assert priority.hasFocus()
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        wheel(priority)
    assert saved()[1] == "high"


@pytest.fixture
def unguarded(qapp: QApplication) -> None:
    wheel_guard.uninstall()


def test_the_main_window_guards_every_field_of_the_application(
    qtbot: QtBot, unguarded: None, window: MainWindow
) -> None:
    combo = QComboBox()
    combo.addItems(["one", "two"])
    qtbot.addWidget(combo)
    combo.show()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    wheel(combo)
    assert combo.currentIndex() == 0


def active(qtbot: QtBot, dialog: QWidget | None) -> QWidget:
    """The dialog a key opened, once it has the keyboard (a mnemonic clicks after a moment)."""
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def _ask_to(qtbot: QtBot, view: CaseView, status_initial: str) -> QWidget:
    """Alt+M to the Move to list, a letter to pick the status, Alt+S to change it."""
    view.dialog = None
    active(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_M, ALT)
    assert view.details.next_status.hasFocus()
    qtbot.keyClicks(view.details.next_status, status_initial)
    qtbot.keyClick(view, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: view.dialog is not None, timeout=WAIT_MS)
    return active(qtbot, view.dialog)


def test_closing_asks_for_an_outcome_and_a_comment_and_esc_changes_nothing(
    qtbot: QtBot, saved: Saved, view: CaseView, seeded: Store, case_id: str
) -> None:
    before = saved()
    dialog = _ask_to(qtbot, view, "C")
    assert isinstance(dialog, EndCaseDialog)
    assert dialog.outcome.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert saved() == before

    dialog = _ask_to(qtbot, view, "C")
    assert isinstance(dialog, EndCaseDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)  # nothing chosen: it says what is missing
    assert dialog.isVisible()
    assert dialog.error_text("outcome") and dialog.error_text("comment")
    codes = [o.code for o in view.snapshot.outcomes] if view.snapshot else []
    assert codes and codes != [o.code for o in outcomes.GENERAL]  # the service's own list
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_C, ALT)
    qtbot.keyClicks(dialog.comment, "Warning letter sent to the dog's owner")
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, CTRL)
    status, _priority, outcome, _events = saved()
    assert (status, outcome) == ("closed", codes[0])
    assert view.details.outcome.isVisible() and view.details.outcome.text()
    last = view.activity.history.index(0, 2).data()
    assert "Closed" in last


def test_undo_of_a_close_reopens_the_case_and_the_bar_goes_after_30_seconds(
    qtbot: QtBot, saved: Saved, view: CaseView, seeded: Store, case_id: str, ctx: UiContext
) -> None:
    dialog = active(qtbot, view.change_status("closed"))
    assert isinstance(dialog, EndCaseDialog)
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Down)
    qtbot.keyClicks(dialog.comment, "Reported twice")
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, CTRL)
    bar = view.undo_bar
    qtbot.waitUntil(bar.isVisible, timeout=WAIT_MS)
    assert bar.message.text() == "Case closed."
    assert bar.timer.interval() == 30_000 and bar.timer.isActive()
    active(qtbot, view)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=WAIT_MS)
    assert saved()[:3] == ("reopened", "normal", None)

    # A change offers undo again, and the offer goes by itself when its time is up.
    qtbot.keyClick(view, Qt.Key.Key_R, ALT)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(view.details.priority, Qt.Key.Key_Down)
    qtbot.waitUntil(bar.isVisible, timeout=WAIT_MS)
    assert bar.message.text() == "Priority changed to High."
    bar.timer.timeout.emit()
    assert not bar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # nothing offered: nothing happens
    assert saved()[1] == "high"


def test_undo_is_refused_plainly_when_someone_else_changed_the_case_since(
    qtbot: QtBot,
    saved: Saved,
    view: CaseView,
    seeded: Store,
    case_id: str,
    make_ctx: Callable[[str], UiContext],
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_R, ALT)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(view.details.priority, Qt.Key.Key_Down)
    qtbot.waitUntil(view.undo_bar.isVisible, timeout=WAIT_MS)
    supervisor = make_ctx("supervisor")
    saved()  # the window's jobs answered before this thread writes
    with seeded.write() as s:  # a colleague, meanwhile
        cases.set_priority(s, supervisor.actor, case_id, "urgent")
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(view.banner.isVisible, timeout=WAIT_MS)
    assert "changed since" in view.banner.text()
    assert not view.undo_bar.isVisible()
    assert saved()[1] == "urgent"


def test_a_closed_case_is_read_only_but_for_reopening_with_a_reason(
    qtbot: QtBot, saved: Saved, view: CaseView, seeded: Store, case_id: str, ctx: UiContext
) -> None:
    saved()  # the window's jobs answered before this thread writes
    with seeded.write() as s:
        cases.transition(s, ctx.actor, case_id, "closed", "Done", outcome="warning")
    view.reload()
    qtbot.waitUntil(lambda: view.snapshot is not None and view.snapshot.status == "closed")
    details = view.details
    assert not details.priority.isEnabled() and not details.queue.isEnabled()
    assert not details.take.isVisibleTo(view) and not details.assign.isVisibleTo(view)
    assert details.change_status.isEnabled()
    assert details.change_status.text() == "Reopen the ca&se…"
    assert [details.next_status.itemData(i) for i in range(details.next_status.count())] == [
        "reopened"
    ]
    before = saved()
    wheel(details.priority)
    view.dialog = None
    qtbot.keyClick(view, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: view.dialog is not None, timeout=WAIT_MS)
    dialog = active(qtbot, view.dialog)
    assert isinstance(dialog, ReopenDialog) and dialog.reason.hasFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and dialog.error_text("reason")
    assert saved() == before
    qtbot.keyClicks(dialog.reason, "The barking started again")
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    assert saved()[:3] == ("reopened", "normal", None)
    assert details.priority.isEnabled() and not details.outcome.isVisible()
    assert not view.undo_bar.isVisible()  # reopening is not undone: closing asks afresh
