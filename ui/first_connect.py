"""First run on an empty store: connect to the council's central service from the window.

A laptop starts with nothing in its store, not even the staff list to sign in from. The
sign-in dialog then offers "Connect to your council's service": the address, the person's user
name and password; the password is checked, the person's share of the council is brought down
(with progress, off the GUI thread; Cancel stops it and keeps what arrived), and the data
folder remembers the service (``central.json``), as ``caseworker sync`` would. The person then
signs in from the staff list as usual, and live sync starts with the password just given.
"""

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from caseworker.store.store import Store
from sync import config
from sync.credentials import CentralAccount
from sync.errors import NetworkError
from sync.replicator import Replicator
from ui import theme
from ui.background import run_off_gui
from ui.dialogs.central import address_problem
from ui.remember_box import RememberBox


class _Progress(QObject):
    moved = Signal(int, object)  # documents so far, the total if known (from the sync thread)


class FirstConnectDialog(QDialog):
    def __init__(self, store: Store, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._data_dir = data_dir
        self._stop = threading.Event()
        self._running = False
        self.account: CentralAccount | None = None  # signed in and synced, once accepted
        self.setWindowTitle(self.tr("Connect to your council's service"))
        self.setAccessibleName(self.tr("Connect to your council's service"))
        intro = QLabel(
            self.tr(
                "This computer holds no records yet. Connect to your council's central service "
                "to bring down your share of its cases and citizens; you can then work with "
                "or without a connection. Ask your system administrator for the address."
            )
        )
        intro.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://couch.council.example/caseworker")
        self.server.setAccessibleName(self.tr("Central service address (Alt+A)"))
        self.server.setAccessibleDescription(
            self.tr("The address of the council's case database, starting https://")
        )
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("Your user name (Alt+U)"))
        self.user.setAccessibleDescription(self.tr("Your user name on the central service."))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password (Alt+P)"))
        self.password.setAccessibleDescription(self.tr("Your password on the central service."))
        self.remember = RememberBox()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Records brought down"))
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Connection message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remember.on_change(lambda: self._say(""))

        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.server)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        for field in (self.server, self.user, self.password):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)

        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        self.connect_button.setAccessibleName(self.tr("Connect (Enter)"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel (Esc)"))
        self.buttons.accepted.connect(self._connect)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 320)
        self.server.setFocus()

    def _connect(self) -> None:
        server, user = self.server.text().strip(), self.user.text().strip()
        problem = address_problem(server)
        if problem is not None:
            self._say(problem, error=True)
            self.server.setFocus()
            return
        if not user or not self.password.text():
            self._say(self.tr("Type your user name and password."), error=True)
            (self.password if user else self.user).setFocus()
            return
        account = CentralAccount(server)
        password, remember = self.password.text(), self.remember.isChecked()
        progress = _Progress(self)
        progress.moved.connect(self._show_progress)
        store, data_dir, stop = self._store, self._data_dir, self._stop
        stop.clear()
        no_answer = self.tr(
            "The central service did not answer. Check the address and the network, then try again."
        )

        def work() -> CentralAccount:
            if not account.sign_in(user, password, remember):
                raise NetworkError(no_answer)
            client = account.client()
            try:
                replicator = Replicator(
                    store,
                    client,
                    on_progress=lambda _way, done, total: progress.moved.emit(done, total),
                    stop=stop,
                )
                replicator.sync()
            finally:
                client.close()
            config.save(data_dir, config.CentralConfig(account.server, user))
            return account

        self._set_running(True)
        self._say(self.tr("Checking with the central service…"))
        run_off_gui(self, work, self._done, self._failed)

    def _show_progress(self, done: int, total: object) -> None:
        if not isValid(self):
            return
        self.progress.show()
        self.progress.setRange(0, total if isinstance(total, int) else 0)
        self.progress.setValue(min(done, total) if isinstance(total, int) else 0)
        self._say(self.tr("Bringing down your records: %1 so far…").replace("%1", f"{done:,}"))

    def _done(self, account: object) -> None:
        if not isValid(self):
            return
        self._set_running(False)
        assert isinstance(account, CentralAccount)
        self.account = account
        self.accept()

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self._set_running(False)
        self.progress.hide()
        self._say(self.tr("Could not connect: %1").replace("%1", str(error)), error=True)
        self.password.setFocus()

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.connect_button.setEnabled(not running)
        for field in (self.server, self.user, self.password):
            field.setReadOnly(running)

    def reject(self) -> None:
        if self._running:  # stop the sync; what arrived is kept, the next connect goes on
            self._stop.set()
            self._say(self.tr("Stopping…"))
            return
        super().reject()

    def _say(self, text: str, error: bool = False) -> None:
        theme.set_role(self.message, "role", "error" if error else "")
        self.message.setText(text)
