"""Correcting contact details in the citizen's single view, from the keyboard: Change with
nothing selected shows the identifiers and asks to choose; a phone is selected, Change asks
for a contact check first (only the steps that reach it), the call back is recorded, a bad
number is refused beside the field, the new number is saved and shown with the check, and the
audit trail holds no number. Remove asks first (Esc keeps it) and says when it takes the last
way to reach the citizen."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from caseworker.services import assurance, audit, citizens
from caseworker.store import docstore
from caseworker.store.store import Store
from ui.citizen import CitizenView
from ui.citizen.models import IdentifiersModel
from ui.context import UiContext
from ui.dialogs.assurance_check import AssuranceDialog
from ui.dialogs.change_identifier import ChangeIdentifierDialog

WAIT_MS = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _citizen(store: Store, ctx: UiContext, *identifiers: citizens.NewIdentifier) -> str:
    with store.write() as session:
        new, _ = citizens.create_citizen(session, ctx.actor, "Nia", "Ben Aur",
                                         identifiers=identifiers)  # fmt: skip
    return new


@pytest.fixture
def open_view(
    qtbot: QtBot, ctx: UiContext, settle: Callable[[], None]
) -> Iterator[Callable[[str], CitizenView]]:
    def opened(citizen_id: str) -> CitizenView:
        widget = CitizenView(ctx, citizen_id)
        qtbot.addWidget(widget)
        widget.resize(1280, 720)
        with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
            widget.show()
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)
        return widget

    yield opened
    settle()


def _values(view: CitizenView) -> list[str]:
    model = view.profile.identifiers
    column = IdentifiersModel.COLUMNS.index("value")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _go_to(qtbot: QtBot, view: CitizenView, value: str) -> None:
    """Arrow down the focused identifiers table to the row showing ``value``."""
    table = view.profile.identifiers_table
    assert QApplication.focusWidget() is table
    for _ in range(_values(view).index(value)):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert _values(view)[table.currentIndex().row()] == value


def _dialog(qtbot: QtBot, view: CitizenView, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(
        lambda: isinstance(view.dialog, kind) and view.dialog.isVisible(), timeout=WAIT_MS
    )
    assert view.dialog is not None
    return view.dialog


def test_a_phone_is_changed_after_a_call_back_and_the_trail_holds_no_number(
    qtbot: QtBot, ctx: UiContext, seeded: Store, open_view: Callable[[str], CitizenView]
) -> None:
    citizen_id = _citizen(
        seeded, ctx,
        citizens.NewIdentifier("phone", "029 2087 2087", label="home"),
        citizens.NewIdentifier("phone", "07700 900123", "sms_code", label="mobile"),
    )  # fmt: skip
    view = open_view(citizen_id)
    assert view.profile.assurance.text() == "Not verified"
    change = view.privacy_buttons["change_identifier"]
    assert change.accessibleName() == "Change (Ctrl+Shift+G)"
    assert view.privacy_buttons["remove_identifier"].accessibleName() == "Remove (Ctrl+Shift+X)"
    # Nothing chosen yet: the identifiers are shown, focused, and the agent is told to choose.
    view.buttons["log_contact"].setFocus()
    qtbot.keyClick(view.buttons["log_contact"], Qt.Key.Key_G, CTRL_SHIFT)
    assert view.profile.currentIndex() == 2
    assert view.banner.text() == "Choose an identifier in the list first, then ask again."
    assert view.dialog is None
    _go_to(qtbot, view, "07700 900123")
    qtbot.keyClick(view.profile.identifiers_table, Qt.Key.Key_G, CTRL_SHIFT)
    check = _dialog(qtbot, view, AssuranceDialog)
    assert isinstance(check, AssuranceDialog)
    assert check.intro.text() == (
        "Changing contact details needs the citizen contact verified; their record is not "
        "verified. Make one of these checks:"
    )
    assert check.method.currentData() == "code_sent"
    qtbot.keyClick(check.method, Qt.Key.Key_Down)  # the agent rings them back instead
    assert check.method.currentData() == "call_back"
    qtbot.keyClick(check.method, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is check.phone
    while check.phone.currentText() != "029 2087 2087":  # the home number, on the record
        qtbot.keyClick(check.phone, Qt.Key.Key_Down)
    qtbot.keyClick(check.phone, Qt.Key.Key_Return, CTRL)
    edit = _dialog(qtbot, view, ChangeIdentifierDialog)  # the task goes on
    assert isinstance(edit, ChangeIdentifierDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit.value, timeout=WAIT_MS)
    assert edit.value.selectedText() == "07700 900123" and not edit.postcode.isVisible()
    qtbot.keyClicks(edit.value, "0770 09")  # typing replaces the old number
    qtbot.keyClick(edit.value, Qt.Key.Key_Return, CTRL)
    assert edit.error_text("value") == (
        "'0770 09' is not a UK phone number (10 or 11 digits from 0)"
    )
    edit.value.selectAll()
    qtbot.keyClicks(edit.value, "07700 900999")
    with qtbot.waitSignal(edit.saved, timeout=WAIT_MS):
        qtbot.keyClick(edit.value, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "07700 900999" in _values(view), timeout=WAIT_MS)
    assert "07700 900123" not in _values(view)
    qtbot.waitUntil(
        lambda: view.profile.assurance.text().startswith(
            "Contact verified: Call back on a number on their record, "
        ),
        timeout=WAIT_MS,
    )
    with seeded.read() as s:
        trail = [(e.action, e.detail) for e in audit.trail(s, citizen_id)]
        doc = docstore.get(s, citizen_id)
        found = assurance.assess(s, citizen_id)
    assert ("citizen.checked", "call_back") in trail
    assert ("citizen.identifier_changed", "phone") in trail
    assert not any(d and any(c.isdigit() for c in d) for _a, d in trail)  # no number at all
    assert doc is not None and "900123" not in repr(doc)
    assert found.level.level == "contact_verified"


def test_remove_asks_first_and_says_when_no_way_to_reach_them_is_left(
    qtbot: QtBot, ctx: UiContext, seeded: Store, open_view: Callable[[str], CitizenView]
) -> None:
    citizen_id = _citizen(seeded, ctx, citizens.NewIdentifier("email", "nia@example.org"))
    with seeded.write() as s:  # checked already: Remove asks nothing more than its question
        doc = docstore.get(s, citizen_id)
        assert doc is not None
        ident = str(doc["identifiers"][0]["id"])
        assurance.record_check(s, ctx.actor, citizen_id, assurance.NewCheck("code_sent", ident))
    view = open_view(citizen_id)
    table = view.profile.identifiers_table
    view.profile.setCurrentIndex(2)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    for answer in (Qt.Key.Key_Escape, Qt.Key.Key_R):  # Esc keeps it; Alt+R removes it
        qtbot.keyClick(table, Qt.Key.Key_X, CTRL_SHIFT)
        qtbot.waitUntil(lambda: view.contact_edit.box is not None, timeout=WAIT_MS)
        box = view.contact_edit.box
        assert isinstance(box, QMessageBox) and view.dialog is None  # no check was asked for
        assert box.text() == "Remove nia@example.org from the record? It is not kept."
        assert box.informativeText() == (
            "It is the last way to reach them: the record will hold no phone, email, address "
            "or handle."
        )
        assert box.defaultButton().text() == "&Keep it"
        qtbot.waitUntil(lambda b=box: QApplication.activeModalWidget() is b, timeout=WAIT_MS)
        modifier = Qt.KeyboardModifier.AltModifier if answer == Qt.Key.Key_R else None
        qtbot.keyClick(QApplication.focusWidget() or box, answer, *(m for m in [modifier] if m))
        qtbot.waitUntil(lambda: view.contact_edit.box is None, timeout=WAIT_MS)
        if answer == Qt.Key.Key_Escape:
            assert _values(view) == ["nia@example.org"]
            view.activateWindow()  # the offscreen platform hands activation back late
            qtbot.waitUntil(view.isActiveWindow, timeout=WAIT_MS)
            table.setFocus()
    qtbot.waitUntil(lambda: _values(view) == [], timeout=WAIT_MS)
    assert view.banner.text() == "Removed. No way to reach them is left on the record."
    with seeded.read() as s:
        trail = [(e.action, e.detail) for e in audit.trail(s, citizen_id)]
    assert ("citizen.identifier_removed", "email") in trail
