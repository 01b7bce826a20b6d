"""The identity check sends a code, from the keyboard: "A code sent and read back" is offered
first when the record has a phone or email address; saving before a code is sent, or before it
has gone, says so; "Send code" asks the council's service; once the request comes back sent
(its hash, as sync brings it) the code field opens; a wrong code costs a try and keeps the
dialog open; the right one records ``code_sent`` and closes it."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker.security import codes
from caseworker.services import assurance, citizens, verification
from caseworker.services.context import ChangeSet
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import to_iso, utcnow
from tests.ui.test_consent_assurance_window import dialog_of, keys
from ui.citizen import CitizenView
from ui.context import UiContext
from ui.dialogs.assurance_check import AssuranceDialog

WAIT_MS = 10_000
CODE = "605118"


@pytest.fixture
def citizen_id(seeded: Store, ctx: UiContext) -> str:
    with seeded.write() as session:
        new, _ = citizens.create_citizen(
            session, ctx.actor, "Nia", "Ben Aur",
            identifiers=(citizens.NewIdentifier("phone", "07700 900123"),),
        )  # fmt: skip
    return new


@pytest.fixture
def view(
    qtbot: QtBot, ctx: UiContext, citizen_id: str, settle: Callable[[], None]
) -> Iterator[CitizenView]:
    widget = CitizenView(ctx, citizen_id)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        widget.show()
    yield widget
    settle()


def the_worker_sends_it(seeded: Store, ctx: UiContext, request_id: str) -> None:
    """What the central worker writes back, arriving as sync brings it (on the change bus)."""
    with seeded.write() as s:
        doc = verification.request_of(s, request_id)
        salt, hashed = codes.salted(CODE)
        sent = {"state": "sent", "code_salt": salt, "code_hash": hashed,
                "expires_at": to_iso(utcnow() + codes.LIFETIME)}  # fmt: skip
        changes = ChangeSet()
        changes.add(docstore.put(s, {**doc, **sent}))
    ctx.bus.changed.emit(changes)


def test_a_code_is_sent_read_back_and_recorded_from_the_keyboard(
    qtbot: QtBot, view: CitizenView, seeded: Store, ctx: UiContext, citizen_id: str
) -> None:
    keys(qtbot, view, "I")
    check = dialog_of(qtbot, view, AssuranceDialog)
    assert isinstance(check, AssuranceDialog)
    assert check.chosen() == "code_sent"  # the least asked of the citizen comes first
    assert check.contact.isVisible() and check.code.isVisible() and not check.code.isEnabled()
    assert check.contact.currentText() == "07700 900123"
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(check.method, Qt.Key.Key_Return, ctrl)
    assert check.error_text("send") == "Send a code first."
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(check.method, Qt.Key.Key_T, alt)
    assert QApplication.focusWidget() is check.contact
    qtbot.keyClick(check.contact, Qt.Key.Key_N, alt)  # Send code
    qtbot.waitUntil(lambda: check.request_id is not None, timeout=WAIT_MS)
    assert check.send_status.text() == (
        "Asked for a code to 07700 900123. It goes once this laptop has synced."
    )
    request_id = check.request_id
    assert request_id is not None
    with seeded.read() as s:
        assert verification.request_of(s, request_id)["state"] == "requested"
    qtbot.keyClick(check.send_button, Qt.Key.Key_Return, ctrl)
    assert check.error_text("code") == "Wait until the code has been sent."

    the_worker_sends_it(seeded, ctx, request_id)
    qtbot.waitUntil(check.code.isEnabled, timeout=WAIT_MS)
    assert check.send_status.text() == "Code sent to 07700 900123. Ask them to read it back."
    assert QApplication.focusWidget() is check.code
    qtbot.keyClicks(check.code, "111 111")
    qtbot.keyClick(check.code, Qt.Key.Key_Return, ctrl)
    qtbot.waitUntil(lambda: bool(check.error_text("code")), timeout=WAIT_MS)
    assert check.error_text("code") == "Not the code sent. Tries left: 2."
    assert check.isVisible()
    with seeded.read() as s:
        assert verification.request_of(s, request_id)["tries"] == 1
    check.code.selectAll()
    qtbot.keyClicks(check.code, "605 118")
    with qtbot.waitSignal(check.saved, timeout=WAIT_MS):
        qtbot.keyClick(check.code, Qt.Key.Key_Return, ctrl)
    with seeded.read() as s:
        found = assurance.assess(s, citizen_id)
    assert (found.level.level, found.level.method) == ("contact_verified", "code_sent")


def test_with_no_email_or_phone_no_code_is_offered(
    qtbot: QtBot, seeded: Store, ctx: UiContext
) -> None:
    dialog = AssuranceDialog(ctx, "citizen:none", [], None)
    qtbot.addWidget(dialog)
    offered = [dialog.method.itemData(i) for i in range(dialog.method.count())]
    assert "code_sent" not in offered and "call_back" not in offered
