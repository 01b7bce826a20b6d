"""Signing in: the store's active staff, chosen by keyboard; a central service's password."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from caseworker.models import StaffMember
from caseworker.store.store import Store
from tests.support.memory_keyring import MemoryKeyring, installed
from ui.context import UiContext
from ui.signin import SignInDialog

WAIT_MS = 10_000


def _active(store: Store) -> list[StaffMember]:
    with store.read() as session:
        return list(
            session.scalars(
                select(StaffMember).where(StaffMember.active.is_(True)).order_by(StaffMember.name)
            )
        )


def test_lists_the_active_staff_and_signs_in_with_the_keyboard(
    qtbot: QtBot, ctx: UiContext, seeded: Store
) -> None:
    staff = _active(seeded)
    with seeded.read() as session:
        everyone = session.scalar(select(func.count()).select_from(StaffMember))
    dialog = SignInDialog(ctx.worker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.staff_list.count() == len(staff), timeout=WAIT_MS)
    assert everyone is not None and everyone >= len(staff) > 0
    shown = dialog.staff_list.item(0).text()
    assert staff[0].name in shown and staff[0].username in shown
    assert dialog.staff_list.hasFocus()
    target = staff[-1]
    assert dialog.select_username(target.username)
    qtbot.keyClick(dialog.staff_list, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen is not None and dialog.chosen.id == target.id
    assert dialog.chosen.role == target.role
    assert not dialog.password.isVisibleTo(dialog)  # no central service: no password to ask


class FakeCentral:
    server = "https://couch.council.example/caseworker"

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None, bool]] = []

    def remembered(self, username: str) -> bool:
        return False

    def sign_in(self, username: str, password: str | None, remember: bool) -> None:
        self.calls.append((username, password, remember))
        if password != "correct horse":
            raise PermissionError("the central service did not accept that password")


def test_a_central_service_asks_for_the_password_off_the_gui_thread(
    qtbot: QtBot, ctx: UiContext
) -> None:
    central = FakeCentral()
    with installed(MemoryKeyring()):
        dialog = SignInDialog(ctx.worker, central)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.staff_list.count() > 0, timeout=WAIT_MS)
        qtbot.waitUntil(dialog.remember.isEnabled, timeout=WAIT_MS)
    assert dialog.password.isVisibleTo(dialog)
    dialog.password.setText("wrong")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: "did not accept" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.password.setText("correct horse")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.sign_in_button.click()
    assert central.calls[-1][1:] == ("correct horse", True)


@pytest.mark.parametrize("role", ["agent", "supervisor"])
def test_every_control_of_the_dialog_has_a_name(qtbot: QtBot, ctx: UiContext, role: str) -> None:
    dialog = SignInDialog(ctx.worker, FakeCentral() if role == "supervisor" else None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.staff_list.count() > 0, timeout=WAIT_MS)
    for widget in (dialog.staff_list, dialog.password, dialog.remember, dialog.sign_in_button):
        assert widget.accessibleName() and widget.accessibleDescription()


def test_without_a_keyring_the_box_is_off_and_says_why(qtbot: QtBot, ctx: UiContext) -> None:
    from keyring.backends import fail

    central = FakeCentral()
    with installed(fail.Keyring()):  # what keyring chooses on a machine with none
        dialog = SignInDialog(ctx.worker, central)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.keyring_note.isVisible, timeout=WAIT_MS)
    assert not dialog.remember.isChecked()
    assert not dialog.remember.isEnabled()
    assert "no keyring" in dialog.keyring_note.text()
    assert "no keyring" in dialog.remember.accessibleDescription()
    qtbot.waitUntil(lambda: dialog.staff_list.count() > 0, timeout=WAIT_MS)
    dialog.password.setText("correct horse")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert central.calls[-1][1:] == ("correct horse", False)  # signed in, nothing to remember


class KeyringRefuses(FakeCentral):
    def sign_in(self, username: str, password: str | None, remember: bool) -> None:
        self.calls.append((username, password, remember))
        if remember:
            raise RuntimeError("the OS keyring refused to keep the password")


def test_an_error_clears_when_remember_is_unticked_and_signing_in_then_works(
    qtbot: QtBot, ctx: UiContext
) -> None:
    central = KeyringRefuses()
    dialog = SignInDialog(ctx.worker, central, keyring_check=lambda: True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.staff_list.count() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(dialog.remember.isChecked, timeout=WAIT_MS)
    assert not dialog.keyring_note.isVisible()
    dialog.password.setFocus()
    qtbot.keyClicks(dialog.password, "correct horse")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "refused" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.message.property("role") == "error"
    qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)  # the box follows the password
    assert dialog.remember.hasFocus()
    qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)  # untick
    assert not dialog.remember.isChecked()
    assert dialog.message.text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.keyClick(dialog.remember, Qt.Key.Key_Return)  # the default button
    assert central.calls[-1][2] is False


def test_a_keyring_that_cannot_be_asked_leaves_the_box_off(qtbot: QtBot, ctx: UiContext) -> None:
    def broken() -> bool:
        raise OSError("D-Bus is not running")

    dialog = SignInDialog(ctx.worker, FakeCentral(), keyring_check=broken)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.keyring_note.isVisible, timeout=WAIT_MS)
    assert "D-Bus" in dialog.keyring_note.text()
    assert not dialog.remember.isChecked() and not dialog.remember.isEnabled()
    qtbot.waitUntil(lambda: dialog.staff_list.count() > 0, timeout=WAIT_MS)
