"""Erasing a citizen from their record: a supervisor's Ctrl+Shift+Del opens a dialog that names
what will go and asks for the basis and reason; Enter alone does not erase; Ctrl+Enter erases,
the record's view says it is gone, and no file of the data folder still holds the name or
email; an agent has no such action at all."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker.models import Citizen, Erasure
from caseworker.services import citizens
from caseworker.store.store import Store
from ui.citizen import CitizenView
from ui.context import UiContext
from ui.dialogs.erase import EraseDialog

WAIT_MS = 10_000
FAMILY, EMAIL = "Quuxworthy", "zq.erase@quux.example"


def _citizen(store: Store, ctx: UiContext) -> str:
    with store.write() as s:
        citizen_id, _ = citizens.create_citizen(
            s,
            ctx.actor,
            "Zebedee",
            FAMILY,
            identifiers=(citizens.NewIdentifier("email", EMAIL),),
        )
    return citizen_id


def _view(qtbot: QtBot, ctx: UiContext, citizen_id: str) -> CitizenView:
    view = CitizenView(ctx, citizen_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    return view


def test_a_supervisor_erases_from_the_keyboard_and_no_trace_is_left(
    qtbot: QtBot,
    make_ctx: Callable[[str], UiContext],
    seeded: Store,
    data_dir: Path,
) -> None:
    ctx = make_ctx("supervisor")
    citizen_id = _citizen(seeded, ctx)
    view = _view(qtbot, ctx, citizen_id)
    assert "erase" in view.buttons and view.buttons["erase"].accessibleName()
    view.buttons["log_contact"].setFocus()
    qtbot.keyClick(
        view.buttons["log_contact"],
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = view.dialog
    assert isinstance(dialog, EraseDialog)
    assert FAMILY in dialog.intro.text() and "cannot be undone" in dialog.intro.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.mode, timeout=WAIT_MS)
    qtbot.keyClick(dialog.mode, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.basis
    dialog.basis.setCurrentIndex(dialog.basis.findData("consent_withdrawn"))
    qtbot.keyClick(dialog.basis, Qt.Key.Key_Return)  # Enter alone: the default is Cancel
    assert not dialog.isVisible() and dialog.result() == 0
    again = view.erase()
    assert isinstance(again, EraseDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is again.mode, timeout=WAIT_MS)
    with qtbot.waitSignal(view.gone, timeout=WAIT_MS):
        qtbot.keyClick(again.mode, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)
    with seeded.read() as s:
        assert s.get(Citizen, citizen_id) is None
        (asked,) = s.query(Erasure).filter(Erasure.citizen_id == citizen_id).all()
        assert asked.requested_by == ctx.actor.staff_id and asked.state == "requested"
    raw = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert FAMILY.encode() not in raw and EMAIL.encode() not in raw


def test_an_agent_has_no_erase_action(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store
) -> None:
    ctx = make_ctx("agent")
    view = _view(qtbot, ctx, _citizen(seeded, ctx))
    assert "erase" not in view.buttons
    assert view.erase() is None
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)
