"""The form dialogs: input checked beside the field, failed saves keep what was typed and say
why, successful saves close and reach the views through the change bus."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case, Note, Service
from caseworker.services import citizens
from caseworker.store.store import Store
from ui.context import UiContext
from ui.dialogs import IdentifierDialog, LogContactDialog, NoteDialog, OpenCaseDialog
from ui.dialogs.base import FormDialog

WAIT_MS = 10_000


@pytest.fixture
def citizen_id(seeded: Store, ctx: UiContext) -> str:
    with seeded.write() as session:
        new, _ = citizens.create_citizen(
            session,
            ctx.actor,
            "Nia",
            "Ben Aur",
            identifiers=(citizens.NewIdentifier("phone", "07700 900123", "call_back"),),
        )
    return new


@pytest.fixture
def shown(qtbot: QtBot, settle: Callable[[], None]) -> Iterator[Callable[[FormDialog], None]]:
    def show(dialog: FormDialog) -> None:
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog, timeout=WAIT_MS):
            dialog.show()
            dialog.activateWindow()

    yield show
    settle()


def save_and_wait(qtbot: QtBot, dialog: FormDialog) -> None:
    """Click Save and wait until the database has answered (saved or refused)."""
    with qtbot.waitSignal(dialog.ctx.worker.busy_changed, timeout=WAIT_MS):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)


def test_a_phone_that_is_not_a_uk_number_is_refused_beside_the_field(
    qtbot: QtBot, ctx: UiContext, citizen_id: str, shown: Callable[[FormDialog], None]
) -> None:
    dialog = IdentifierDialog(ctx, citizen_id)
    shown(dialog)
    assert not dialog.postcode.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.value, "+1 555 0100")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error_text("value") == (
        "'+1 555 0100' is not a UK phone number (10 or 11 digits from 0)"
    )
    assert dialog.value.text() == "+1 555 0100"
    assert ctx.worker.pending == 0  # refused before anything reached the database


def test_an_address_asks_for_a_postcode_and_checks_it(
    qtbot: QtBot, ctx: UiContext, citizen_id: str, shown: Callable[[FormDialog], None]
) -> None:
    dialog = IdentifierDialog(ctx, citizen_id)
    shown(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("address"))
    assert dialog.postcode.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.value, "3 Stryd Fawr, Aberystwyth")
    qtbot.keyClicks(dialog.postcode, "SY23")
    dialog.save_button.click()
    assert "is not a UK postcode" in dialog.error_text("postcode")
    dialog.postcode.setText("SY23 1DE")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS) as finished:
        dialog.save_button.click()
    assert finished.args == [QDialog.DialogCode.Accepted.value]


def test_a_failed_save_keeps_what_was_typed_and_shows_the_services_message(
    qtbot: QtBot, ctx: UiContext, citizen_id: str, shown: Callable[[FormDialog], None]
) -> None:
    dialog = IdentifierDialog(ctx, citizen_id)
    shown(dialog)
    qtbot.keyClicks(dialog.value, "07700 900 123")  # already recorded, spaced differently
    qtbot.keyClicks(dialog.label, "mobile")
    dialog.verified_by.setCurrentIndex(dialog.verified_by.findData("sms_code"))
    save_and_wait(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("value") == "07700 900 123 is already recorded for this citizen"
    assert (dialog.value.text(), dialog.label.text()) == ("07700 900 123", "mobile")
    assert dialog.verified_by.currentData() == "sms_code"
    assert dialog.save_button.isEnabled()


def test_a_contact_that_cannot_be_saved_stays_in_the_dialog(
    qtbot: QtBot, ctx: UiContext, shown: Callable[[FormDialog], None]
) -> None:
    dialog = LogContactDialog(ctx, citizen_id="citizen:gone")
    shown(dialog)
    dialog.summary.setPlainText("Asked about council tax")
    save_and_wait(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text() == "no citizen with id citizen:gone"
    assert dialog.summary.toPlainText() == "Asked about council tax"


def test_a_contact_needs_a_summary(
    ctx: UiContext, citizen_id: str, shown: Callable[[FormDialog], None]
) -> None:
    dialog = LogContactDialog(ctx, citizen_id=citizen_id)
    shown(dialog)
    dialog.save_button.click()
    assert dialog.error_text("summary") == "Say briefly what the contact was about."


def test_open_a_case_checks_then_saves(
    qtbot: QtBot,
    ctx: UiContext,
    citizen_id: str,
    seeded: Store,
    shown: Callable[[FormDialog], None],
) -> None:
    dialog = OpenCaseDialog(ctx, citizen_id)
    with qtbot.waitSignal(dialog.services_loaded, timeout=WAIT_MS) as loaded:
        shown(dialog)
    with seeded.read() as session:
        active = session.scalars(select(Service.code).where(Service.active.is_(True))).all()
    assert loaded.args == [len(active)]
    dialog.postcode.setText("not a postcode")
    dialog.save_button.click()
    assert dialog.error_text("summary") == "Say in a few words what is wrong."
    assert "is not a UK postcode" in dialog.error_text("postcode")
    dialog.summary.setText("Streetlight out by the school")
    dialog.postcode.setText("cf101bj")
    dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.save_button.click()
    case_id = saved.args[0][0]
    with seeded.read() as session:
        case = session.get(Case, case_id)
    assert case is not None
    assert (case.citizen_id, case.priority) == (citizen_id, "high")
    assert case.location_postcode == "CF10 1BJ"


def test_a_note_is_saved_for_the_citizen(
    qtbot: QtBot,
    ctx: UiContext,
    citizen_id: str,
    seeded: Store,
    shown: Callable[[FormDialog], None],
) -> None:
    dialog = NoteDialog(ctx, citizen_id=citizen_id)
    shown(dialog)
    dialog.save_button.click()
    assert dialog.error_text("text") == "A note cannot be empty."
    qtbot.keyClicks(dialog.text, "Hard of hearing: speak clearly")
    with qtbot.waitSignal(ctx.bus.changed, timeout=WAIT_MS):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with seeded.read() as session:
        texts = session.scalars(select(Note.text).where(Note.citizen_id == citizen_id)).all()
    assert texts == ["Hard of hearing: speak clearly"]


def inside_combo(widget: QWidget) -> bool:
    """A combo box's own pop-up list, reached by assistive technology through the combo."""
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, QComboBox):
            return True
        node = node.parentWidget()
    return False


def test_every_dialog_control_has_an_accessible_name_and_description(
    ctx: UiContext, citizen_id: str, shown: Callable[[FormDialog], None]
) -> None:
    for dialog in (
        IdentifierDialog(ctx, citizen_id),
        LogContactDialog(ctx, citizen_id=citizen_id),
        NoteDialog(ctx, citizen_id=citizen_id),
        OpenCaseDialog(ctx, citizen_id),
    ):
        shown(dialog)
        for widget in dialog.findChildren(QWidget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not inside_combo(widget):
                assert widget.accessibleName().strip(), type(widget).__name__
                assert widget.accessibleDescription().strip(), widget.accessibleName()
