"""Reply to the citizen from a case with the keyboard alone: a prepared reply in the citizen's
language, to one of their own addresses, previewed, queued offline, and shown in the case's
history with its status."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Message
from caseworker.services import cases, citizens
from caseworker.services.citizens import NewIdentifier
from caseworker.services.context import ChangeSet
from caseworker.store import docstore
from caseworker.store.store import Store
from ui.case import CaseView
from ui.case.reply import ReplyDialog
from ui.context import UiContext

WAIT_MS = 10_000


def open_case(
    seeded: Store,
    ctx: UiContext,
    identifiers: tuple[NewIdentifier, ...],
    language: str = "cy",
    channels: tuple[str, ...] = ("email", "sms"),
) -> str:
    """A case of a citizen who agreed to replies on ``channels``."""
    agreed = tuple(
        citizens.NewConsent("Updates on my cases", "public_task", "phone call", channel=c)
        for c in channels
    )
    with seeded.write() as s:
        citizen_id, _ = citizens.create_citizen(
            s, ctx.actor, "Carys", "Onewater", language=language, identifiers=identifiers,
            consents=agreed,
        )  # fmt: skip
        new = cases.NewCase("missed-bin", "Green bin missed", "phone", citizen_id=citizen_id)
        case_id, _ = cases.open_case(s, ctx.actor, new)
    return case_id


def show(qtbot: QtBot, ctx: UiContext, case_id: str) -> CaseView:
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    return view


def the_dialog(qtbot: QtBot, view: CaseView) -> ReplyDialog:
    qtbot.waitUntil(lambda: isinstance(view.dialog, ReplyDialog), timeout=WAIT_MS)
    dialog = view.dialog
    assert isinstance(dialog, ReplyDialog)
    qtbot.waitUntil(lambda: dialog.setup is not None, timeout=WAIT_MS)
    return dialog


def test_a_reply_is_chosen_previewed_and_sent_with_the_keyboard_alone(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    case_id = open_case(
        seeded,
        ctx,
        (NewIdentifier("email", "carys@example.org"), NewIdentifier("phone", "07700 900123")),
    )
    view = show(qtbot, ctx, case_id)
    view.buttons["reply"].setFocus()
    QTest.keyClick(
        view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = the_dialog(qtbot, view)
    assert dialog.language.currentData() == "cy"  # the citizen's preference
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.preview.toPlainText().startswith("Annwyl Carys Onewater,")
    # Tab to the channel and choose a text message: the mobile, not the email, is offered.
    dialog.channel.setFocus()
    QTest.keyClick(dialog.channel, Qt.Key.Key_Down)
    assert dialog.channel.currentData() == "sms"
    assert dialog.to.currentText() == "07700 900123"
    assert not dialog.subject.isVisible()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        QTest.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with seeded.read() as s:
        (message,) = s.scalars(select(Message).where(Message.case_id == case_id)).all()
    assert (message.channel, message.recipient, message.language, message.state) == (
        "sms",
        "07700 900123",
        "cy",
        "queued",
    )
    history = view.activity.history
    assert (
        history.index(0, 2)
        .data()
        .startswith("Reply by text message to 07700 900123: waiting to be sent")
    )
    settle()


def test_a_status_that_arrives_later_shows_in_the_history(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    case_id = open_case(seeded, ctx, (NewIdentifier("email", "carys@example.org"),))
    view = show(qtbot, ctx, case_id)
    view.reply()
    dialog = the_dialog(qtbot, view)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        dialog.submit()
    with seeded.write() as s:  # as a pull writes the central worker's revision
        (message,) = s.scalars(select(Message).where(Message.case_id == case_id)).all()
        doc = docstore.get(s, message.id)
        assert doc is not None
        written = docstore.put(s, {**doc, "state": "delivered", "notify_id": "n-1"})
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        changes = ChangeSet()
        changes.add(written)
        ctx.bus.changed.emit(changes)
    assert "carys@example.org: delivered" in view.activity.history.index(0, 2).data()
    settle()


def test_with_no_address_of_the_kind_nothing_can_be_sent(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    case_id = open_case(seeded, ctx, (NewIdentifier("phone", "01248 123456"),), language="en")
    view = show(qtbot, ctx, case_id)
    view.reply()
    dialog = the_dialog(qtbot, view)
    assert dialog.language.currentData() == "en"
    assert dialog.to.count() == 0
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=WAIT_MS)
    dialog.submit()
    assert dialog.error_text("to") == "The citizen has no email address on their record."
    dialog.reject()
    with seeded.read() as s:
        assert s.scalars(select(Message).where(Message.case_id == case_id)).all() == []
    settle()


def test_every_control_has_an_accessible_name_and_description(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    case_id = open_case(seeded, ctx, (NewIdentifier("email", "carys@example.org"),))
    view = show(qtbot, ctx, case_id)
    view.reply()
    dialog = the_dialog(qtbot, view)
    for kind in (QComboBox, QPlainTextEdit, QPushButton):
        for widget in dialog.findChildren(kind):
            if widget.isVisible():
                assert widget.accessibleName().strip(), type(widget).__name__
                assert widget.accessibleDescription().strip(), widget.accessibleName()
    assert dialog.subject.accessibleName().startswith("Subject")
    assert isinstance(dialog.subject, QLabel)
    dialog.reject()
    QApplication.processEvents()
    settle()


def test_a_reply_on_a_channel_the_citizen_did_not_agree_to_is_refused_with_the_reason(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    case_id = open_case(
        seeded,
        ctx,
        (NewIdentifier("email", "carys@example.org"), NewIdentifier("phone", "07700 900123")),
        channels=("email",),  # email only: a text message has no basis
    )
    view = show(qtbot, ctx, case_id)
    view.buttons["reply"].setFocus()
    QTest.keyClick(
        view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = the_dialog(qtbot, view)
    dialog.channel.setFocus()
    QTest.keyClick(dialog.channel, Qt.Key.Key_Down)
    assert dialog.channel.currentData() == "sms"
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT_MS)
    QTest.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    reason = (
        "the citizen's record holds no consent or other lawful basis for contacting them by "
        "text message"
    )
    qtbot.waitUntil(lambda: reason in dialog.error_text(dialog.field_for(reason)), timeout=WAIT_MS)
    assert dialog.isVisible()
    with seeded.read() as s:
        assert s.scalars(select(Message).where(Message.case_id == case_id)).all() == []
    dialog.reject()
    settle()
