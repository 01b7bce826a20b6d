"""Connecting to the council's central service, or signing in to it again.

The person signed in to the window is the user on the central service; the password goes to
the OS keyring (if they tick "remember"), never to a file. An unreachable server is not a
failure: the window syncs when it answers (offline first).
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui import theme
from ui.central import CentralConnection
from ui.remember_box import RememberBox


def address_problem(server: str) -> str | None:
    """What is wrong with a typed central service address, or None."""
    if not server.startswith(("https://", "http://")) or server.rstrip("/").count("/") < 3:
        return QCoreApplication.translate(
            "CentralDialog",
            "Type the whole address of the central database, e.g. "
            "https://couch.council.example/caseworker",
        )
    return None


class CentralDialog(QDialog):
    def __init__(self, central: CentralConnection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._central = central
        self.setWindowTitle(self.tr("Central service"))
        self.setAccessibleName(self.tr("Central service"))
        intro = QLabel(
            self.tr(
                "Caseworker keeps working without a connection and sends your changes when the "
                "central service answers. Ask your system administrator for its address."
            )
        )
        intro.setWordWrap(True)
        self.server = QLineEdit(central.server or "")
        self.server.setPlaceholderText("https://couch.council.example/caseworker")
        self.server.setAccessibleName(self.tr("Central service address (Alt+A)"))
        self.server.setAccessibleDescription(
            self.tr("The address of the council's case database, starting https://")
        )
        user = QLabel(central.username)
        user.setAccessibleName(self.tr("User name on the central service"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password (Alt+P)"))
        self.password.setAccessibleDescription(
            self.tr("Leave empty to use the password remembered in this computer's keyring.")
        )
        self.remember = RememberBox()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Connection message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remember.on_change(lambda: self._say(""))  # an earlier error no longer stands

        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.server)
        form.addRow(self.tr("User:"), user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        for field in (self.server, self.password):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)

        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        self.connect_button.setAccessibleName(self.tr("Connect (Enter)"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel (Esc)"))
        self.buttons.accepted.connect(self._connect)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, 260)
        (self.password if central.server else self.server).setFocus()

    def _connect(self) -> None:
        server = self.server.text().strip()
        problem = address_problem(server)
        if problem is not None:
            self._say(problem, error=True)
            self.server.setFocus()
            return
        self.connect_button.setEnabled(False)
        self._say(self.tr("Checking with the central service…"))
        self._central.sign_in(
            server,
            self.password.text() or None,
            self.remember.isChecked(),
            self._connected,
            self._failed,
        )

    def _connected(self, checked: bool) -> None:
        if not isValid(self):
            return
        if not checked:
            self._say(self.tr("The central service did not answer; changes will be sent later."))
        self.accept()

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self.connect_button.setEnabled(True)
        self._say(self.tr("Could not connect: %1").replace("%1", str(error)), error=True)
        self.password.setFocus()

    def _say(self, text: str, error: bool = False) -> None:
        theme.set_role(self.message, "role", "error" if error else "")
        self.message.setText(text)
