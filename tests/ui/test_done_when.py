"""The issue's "Done when", with the keyboard alone: on the demo council an agent searches a
caller by a phone fragment, opens the citizen, logs the call, opens a case for a missed bin,
moves it to "assigned", and sees the change in the case history and in My work."""

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import CaseEvent, Identifier, Interaction
from caseworker.services.search import search
from caseworker.store.store import Store
from ui.main_window import MainWindow
from ui.worklist.model import COLUMNS
from ui.worklist.view import WorkListView

WAIT_MS = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _caller(store: Store) -> tuple[str, str]:
    """A citizen and a fragment of their phone number (as a caller reads it out) that finds
    them among the top results."""
    with store.read() as session:
        for ident in session.scalars(
            select(Identifier).where(Identifier.kind == "phone").order_by(Identifier.id)
        ):
            digits = re.sub(r"\D", "", ident.value)
            fragment = f"{digits[-6:-3]} {digits[-3:]}"
            hits = search(session, fragment)
            if hits and hits[0].id == ident.citizen_id:
                return ident.citizen_id, fragment
    raise AssertionError("no phone fragment finds its citizen first")


def _keys(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the keyboard focus, as a person would."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def _keyboard_in(qtbot: QtBot, window: QWidget) -> None:
    """Wait until the window system has given ``window`` the keyboard (it does so a moment
    after a dialog opens or closes)."""

    def has_it() -> bool:
        focus = QApplication.focusWidget()
        return (
            QApplication.activeWindow() is window
            and focus is not None
            and (focus is window or window.isAncestorOf(focus))
        )

    if QApplication.activeWindow() is None:
        # What a window manager does when a dialog closes; the offscreen platform has none.
        window.activateWindow()
    qtbot.waitUntil(has_it, timeout=WAIT_MS)


def _dialog(qtbot: QtBot) -> QDialog:
    """The dialog just opened, once it has the keyboard."""
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(shown) == 1, shown
    _keyboard_in(qtbot, shown[0])
    return shown[0]


def test_keyboard_only_from_a_phone_call_to_an_assigned_missed_bin_case(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    citizen_id, fragment = _caller(seeded)

    # Ctrl+K, type a phone fragment, Enter opens the citizen.
    _key(qtbot, Qt.Key.Key_K, CTRL)
    assert window.omnibox.hasFocus()
    _keys(qtbot, fragment)
    qtbot.waitUntil(
        lambda: window.search.settled and window.search.model.rowCount() > 0, timeout=WAIT_MS
    )
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.record_view(citizen_id) is not None, timeout=WAIT_MS)
    citizen = window.tabs.record_view(citizen_id)
    assert citizen is not None and window.tabs.currentWidget() is citizen
    qtbot.waitUntil(lambda: getattr(citizen, "snapshot", None) is not None, timeout=WAIT_MS)
    assert citizen.isAncestorOf(QApplication.focusWidget())

    # Log the call: Ctrl+L, the summary has the focus, Ctrl+Enter saves.
    _key(qtbot, Qt.Key.Key_L, CTRL)
    log = _dialog(qtbot)
    _keys(qtbot, "Rang: green bin missed again on Tuesday")
    with qtbot.waitSignal(log.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
    with seeded.read() as session:
        logged = session.scalars(
            select(Interaction).where(
                Interaction.citizen_id == citizen_id, Interaction.summary.like("Rang: green bin%")
            )
        ).all()
    assert [(i.channel, i.direction) for i in logged] == [("phone", "inbound")]
    _keyboard_in(qtbot, window)

    # Open a case for a missed bin: Ctrl+N, Alt+V and the service's first letters, Alt+M to the
    # summary, Ctrl+Enter; the new case opens in its own tab.
    tabs_before = set(window.tabs.open_ids())
    _key(qtbot, Qt.Key.Key_N, CTRL)
    opening = _dialog(qtbot)
    qtbot.waitUntil(lambda: opening.save_button.isEnabled(), timeout=WAIT_MS)  # services read
    _key(qtbot, Qt.Key.Key_V, ALT)
    _keys(qtbot, "Missed")  # (a space would open the list: first letters are enough)
    assert opening.service.currentData() == "missed-bin"
    _key(qtbot, Qt.Key.Key_M, ALT)
    _keys(qtbot, "Green bin not collected")
    with qtbot.waitSignal(opening.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: set(window.tabs.open_ids()) - tabs_before != set(), timeout=WAIT_MS)
    (case_id,) = set(window.tabs.open_ids()) - tabs_before
    _keyboard_in(qtbot, window)
    case = window.tabs.record_view(case_id)
    assert case is not None and window.tabs.currentWidget() is case
    qtbot.waitUntil(lambda: getattr(case, "snapshot", None) is not None, timeout=WAIT_MS)
    assert case.snapshot.status == "new"  # type: ignore[attr-defined]

    # Move it to "assigned": Alt+M to "Move to", type "Assigned", Alt+S changes the status.
    _key(qtbot, Qt.Key.Key_M, ALT)
    _keys(qtbot, "Assigned")
    assert case.details.next_status.currentData() == "assigned"  # type: ignore[attr-defined]
    _key(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(
        lambda: case.snapshot is not None and case.snapshot.status == "assigned",  # type: ignore[attr-defined]
        timeout=WAIT_MS,
    )

    # The change is in the case history (as the window shows it and as stored) ...
    with seeded.read() as session:
        history = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.at)
        ).all()
    assert ("status_changed", "new", "assigned") in [(e.kind, e.old, e.new) for e in history]
    shown = " ".join(
        str(case.activity.history.index(r, c).data())  # type: ignore[attr-defined]
        for r in range(case.activity.history.rowCount())  # type: ignore[attr-defined]
        for c in range(case.activity.history.columnCount())  # type: ignore[attr-defined]
    )
    assert "Assigned" in shown

    # ... and in My work (Ctrl+1), where the case now is the agent's: Ctrl+F, its reference.
    reference = case.snapshot.reference  # type: ignore[attr-defined]
    _key(qtbot, Qt.Key.Key_1, CTRL)
    my_work = window.pages["my_work"]
    assert isinstance(my_work, WorkListView)
    _key(qtbot, Qt.Key.Key_F, CTRL)
    assert my_work.filter_box.hasFocus()
    _keys(qtbot, reference)
    qtbot.waitUntil(lambda: my_work.model.row_of(case_id) == 0, timeout=WAIT_MS)
    assert my_work.model.rowCount() == 1
    assert my_work.model.index(0, COLUMNS.index("status")).data() == "Assigned"
    assert my_work.model.index(0, COLUMNS.index("summary")).data() == "Green bin not collected"
