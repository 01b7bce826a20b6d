"""Before live sync first brings a great many documents to this laptop, the person is asked.

``FirstSyncGate.run(account, start)`` calls ``start`` (the sync process) at once, unless this is
the first sync with that server, nobody said "go on" for it yet, and the server counts more
documents than the store's threshold (``sync.first_sync``). Then it emits ``question`` (the
window shows ``FirstSyncQuestion``: Continue / Not now). Continue is remembered for that server
and starts the sync; Not now leaves it unstarted (``postponed``) until "Sync now" asks again.
A store or server that cannot tell never holds a sync back: it starts.
"""

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sync.credentials import CentralAccount
from ui.background import run_off_gui
from ui.worker import DbWorker

if TYPE_CHECKING:  # sync.first_sync brings the HTTP client: loaded when a sync first starts
    from sync.first_sync import FirstSyncSize


def _first_sync() -> ModuleType:
    from sync import first_sync

    return first_sync


def _count(account: CentralAccount, warn_above: int) -> "FirstSyncSize | None":
    client = account.client()
    try:
        size: FirstSyncSize | None = _first_sync().size_on_server(client, warn_above)
        return size
    finally:
        client.close()


class FirstSyncGate(QObject):
    question = Signal(object)  # a FirstSyncSize: ask the person
    postponed = Signal(str)  # they said not now: the status bar's words

    def __init__(self, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._run = 0  # answers of an earlier run (signed in again meanwhile) are dropped
        self._account: CentralAccount | None = None
        self._start: Callable[[], None] | None = None
        self.waiting = False  # asked, or put off: the sync has not started

    def run(self, account: CentralAccount, start: Callable[[], None]) -> None:
        self._run += 1
        run, db_url = self._run, account.server
        self._account, self._start = account, start
        self.waiting = True

        def asked_store(warn_above: int | None) -> None:
            if run != self._run:
                return
            if warn_above is None:
                self._go(run)
                return
            run_off_gui(
                self,
                lambda: _count(account, warn_above),
                lambda size: self._counted(run, size),
                lambda _error: self._go(run),
            )

        self._worker.read(
            lambda s: _first_sync().needs_asking(s, db_url),
            asked_store,
            lambda _error: self._go(run),
        )

    def cancel(self) -> None:
        """The sync was stopped (signed out, window closed): a late answer starts nothing."""
        self._run += 1
        self.waiting = False

    def ask_again(self) -> None:
        """ "Sync now" while the first sync waits for an answer or was put off."""
        if self._account is not None and self._start is not None:
            self.run(self._account, self._start)

    def answer(self, go_on: bool) -> None:
        run, account = self._run, self._account
        if not self.waiting or account is None:
            return
        if not go_on:
            self.postponed.emit(
                self.tr("first sync not started: Sync now (F5) starts it when you are ready")
            )
            return
        db_url = account.server
        self._worker.write(
            lambda s: _first_sync().confirm(s, db_url),
            lambda _done: self._go(run),
            lambda _error: self._go(run),
        )

    def _counted(self, run: int, size: "FirstSyncSize | None") -> None:
        if run != self._run:
            return
        if size is None:
            self._go(run)
        else:
            self.question.emit(size)

    def _go(self, run: int) -> None:
        if run != self._run or not self.waiting or self._start is None:
            return
        self.waiting = False
        self._start()


class FirstSyncQuestion(QDialog):
    """Continue (remembered for this server) or Not now."""

    def __init__(self, size: "FirstSyncSize", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first-sync-question")
        title = self.tr("First sync")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.text = QLabel(
            self.tr(
                "This laptop's first sync will bring about %1 documents (more than %2). It can "
                "take a while and is best done on a good connection."
            )
            .replace("%1", size.about)
            .replace("%2", f"{size.threshold:,}")
        )
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("What the first sync will bring"))
        buttons = QDialogButtonBox()
        self.go_on = buttons.addButton(self.tr("&Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_on.setAccessibleName(self.tr("Continue"))
        self.go_on.setAccessibleDescription(
            self.tr("Starts the sync now; you will not be asked again for this service.")
        )
        self.not_now = buttons.addButton(
            self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.not_now.setAccessibleName(self.tr("Not now"))
        self.not_now.setAccessibleDescription(
            self.tr("Leaves the sync unstarted; Sync now (F5) asks again.")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.go_on.setDefault(True)
        self.setMinimumWidth(420)


def ask_in(window: QWidget, gate: FirstSyncGate) -> None:
    """Show ``gate``'s questions over ``window`` and hand the answers back."""

    def ask(size: "FirstSyncSize") -> None:
        dialog = FirstSyncQuestion(size, window)
        dialog.accepted.connect(lambda: gate.answer(True))
        dialog.rejected.connect(lambda: gate.answer(False))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    gate.question.connect(ask)
