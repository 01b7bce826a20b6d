"""Signing in: choose who you are from the store's active staff (the role decides what the
window offers). When a central service is configured, its password is asked for here and kept
in the OS keyring through the sync engine's credentials module (see ``CentralSignIn``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import StaffMember
from sync.credentials import has_keyring
from ui import labels, theme
from ui.background import run_off_gui
from ui.worker import DbWorker


@dataclass(frozen=True)
class StaffChoice:
    id: str
    name: str
    username: str
    role: str
    team: str | None


def active_staff(session: Session) -> list[StaffChoice]:
    rows = session.scalars(
        select(StaffMember).where(StaffMember.active.is_(True)).order_by(StaffMember.name)
    )
    return [StaffChoice(s.id, s.name, s.username, s.role, s.team) for s in rows]


class CentralSignIn(Protocol):
    """What the sync engine (``sync/credentials.py``) offers when a central service is set up.

    ``sign_in`` runs off the GUI thread; it checks the password with the server (or takes the
    one remembered in the OS keyring when ``password`` is None) and raises an exception with a
    plain-words message when it cannot, e.g. that this machine has no keyring to remember it.
    """

    server: str

    def remembered(self, username: str) -> bool: ...

    def sign_in(self, username: str, password: str | None, remember: bool) -> bool: ...


class SignInDialog(QDialog):
    def __init__(
        self,
        worker: DbWorker,
        central: CentralSignIn | None = None,
        parent: QWidget | None = None,
        keyring_check: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Caseworker"))
        self.setAccessibleName(self.tr("Sign in"))
        self.chosen: StaffChoice | None = None
        self._central = central

        heading = QLabel(self.tr("Who is signing in?"))
        heading.setProperty("role", "title")
        self.staff_list = QListWidget()
        self.staff_list.setAccessibleName(self.tr("Staff (Alt+S)"))
        self.staff_list.setAccessibleDescription(
            self.tr("Active members of staff in this store; type to jump to a name.")
        )
        staff_label = QLabel(self.tr("&Staff:"))
        staff_label.setBuddy(self.staff_list)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password for the central service (Alt+P)"))
        self.password.setAccessibleDescription(
            self.tr("Leave empty to use the password remembered in this computer's keyring.")
        )
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        self.remember = QCheckBox(self.tr("&Remember it in this computer's keyring"))
        # Off until a keyring is known to be there: ticked on a machine without one, sign-in
        # failed for a reason the person could not see.
        self.remember.setChecked(False)
        self.remember.setEnabled(False)
        self.remember.setAccessibleName(self.tr("Remember the password (Alt+R)"))
        self.remember.setAccessibleDescription(
            self.tr("Keeps the password in the operating system's keyring, never in a file.")
        )
        self.remember.toggled.connect(self._remember_toggled)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setProperty("role", "hint")
        self.keyring_note.setAccessibleName(self.tr("About remembering the password"))
        self.keyring_note.hide()
        self._error_shown = False
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Sign-in message"))
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setAccessibleName(self.tr("Sign in (Enter)"))
        self.sign_in_button.setAccessibleDescription(self.tr("Signs in as the chosen person."))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setEnabled(False)
        quit_button = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        quit_button.setAccessibleName(self.tr("Quit (Esc)"))
        quit_button.setAccessibleDescription(self.tr("Closes Caseworker without signing in."))
        self.buttons.accepted.connect(self._try_sign_in)
        self.buttons.rejected.connect(self.reject)
        self.staff_list.itemActivated.connect(lambda _item: self._try_sign_in())

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(staff_label)
        layout.addWidget(self.staff_list, 1)
        if central is not None:
            server = QLabel(self.tr("Central service: %1").replace("%1", central.server))
            server.setProperty("role", "muted")
            layout.addWidget(server)
            layout.addWidget(password_label)
            layout.addWidget(self.password)
            layout.addWidget(self.remember)
            layout.addWidget(self.keyring_note)
            run_off_gui(  # finding the keyring's backend can take a moment: not on the GUI thread
                self, keyring_check or has_keyring, self._keyring_known, self._keyring_failed
            )
        else:
            for widget in (password_label, self.password, self.remember):
                widget.hide()
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, 420)
        self.message.setText(self.tr("Loading staff…"))
        worker.read(active_staff, self._show_staff, self._on_failed)

    def _keyring_known(self, available: object) -> None:
        if not isValid(self):
            return
        if available:
            self.remember.setEnabled(True)
            self.remember.setChecked(True)
            return
        self._no_keyring(
            self.tr(
                "This computer has no keyring to keep the password in, so Caseworker will ask "
                "for it each time you sign in."
            )
        )

    def _keyring_failed(self, error: Exception) -> None:
        if isValid(self):
            self._no_keyring(
                self.tr(
                    "The keyring could not be reached (%1), so the password is not kept."
                ).replace("%1", str(error))
            )

    def _no_keyring(self, why: str) -> None:
        self.remember.setChecked(False)
        self.remember.setEnabled(False)
        self.remember.setAccessibleDescription(why)
        self.keyring_note.setText(why)
        self.keyring_note.show()

    def _remember_toggled(self, checked: bool) -> None:
        # An error from the last attempt (often the keyring's own) is stale once the choice
        # that led to it changes.
        if not checked and self._error_shown:
            self._show_message("")

    def _show_message(self, text: str, error: bool = False) -> None:
        self._error_shown = error
        self.message.setText(text)
        theme.set_role(self.message, "role", "error" if error else None)

    def _show_staff(self, staff: list[StaffChoice]) -> None:
        if not isValid(self):
            return
        self.staff_list.clear()
        for person in staff:
            text = f"{person.name}\n{person.username} · {labels.role(person.role)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{person.name}, {labels.role(person.role)}",
            )
            self.staff_list.addItem(item)
        if staff:
            self.staff_list.setCurrentRow(0)
            self.message.setText("")
            self.sign_in_button.setEnabled(True)
        else:
            self.message.setText(
                self.tr(
                    "This store has no active staff yet. Seed a demo council (caseworker gui "
                    "--demo) or sync with the central service first."
                )
            )
        self.staff_list.setFocus()

    def select_username(self, username: str) -> bool:
        for row in range(self.staff_list.count()):
            person = self.staff_list.item(row).data(Qt.ItemDataRole.UserRole)
            if person.username == username:
                self.staff_list.setCurrentRow(row)
                return True
        return False

    def _try_sign_in(self) -> None:
        item = self.staff_list.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        central = self._central
        if central is None:
            self._finish()
            return
        username, typed = self.chosen.username if self.chosen else "", self.password.text()
        password = typed or None
        remember = self.remember.isChecked()
        self.sign_in_button.setEnabled(False)
        self._show_message(self.tr("Checking with the central service…"))
        run_off_gui(
            self,
            lambda: central.sign_in(username, password, remember),
            lambda _checked: self._finish(),
            self._on_failed,
        )

    def _finish(self) -> None:
        self.accept()

    def _on_failed(self, error: object) -> None:
        if not isValid(self):
            return
        self.sign_in_button.setEnabled(self.staff_list.count() > 0)
        self._show_message(self.tr("Could not sign in: %1").replace("%1", str(error)), error=True)
