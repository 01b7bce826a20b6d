"""The window's connection to the council's central service: which one, who, and live sync.

One per signed-in person. It is given what ``central.json`` in the data folder says (written by
``caseworker sync`` or by connecting from the window), signs in off the GUI thread with the
password in the OS keyring, and runs a ``SyncLink`` once signed in. Without a central service
the window works on the local store alone and says so.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from sync import config, status
from sync.credentials import CentralAccount
from sync.state import SyncState
from ui.background import run_off_gui
from ui.bus import ChangeBus
from ui.first_sync import FirstSyncGate
from ui.status_bar import PendingReader, pending_after
from ui.sync_link import SyncLink
from ui.worker import DbWorker


def pending_reader(central: config.CentralConfig | None) -> PendingReader | None:
    """Counts what waits to be pushed when a central service is configured; None when not."""
    return pending_after(status.pushed_seq_reader(central.server)) if central else None


class CentralConnection(QObject):
    state_changed = Signal(object)  # a SyncState
    configured = Signal()  # a central service was connected from the window

    def __init__(
        self,
        data_dir: Path,
        worker: DbWorker,
        bus: ChangeBus,
        username: str,
        central: config.CentralConfig | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.username = username
        self._worker = worker
        self._bus = bus
        self.config = central  # what central.json said when the person signed in
        self.link: SyncLink | None = None
        self.account: CentralAccount | None = None  # signed in as (opening records asks it)
        # A first sync bringing a great many documents waits for the person's word.
        self.first_sync = FirstSyncGate(worker, self)
        self.first_sync.postponed.connect(
            lambda why: self.state_changed.emit(SyncState("offline", why))
        )

    @property
    def server(self) -> str | None:
        return self.config.server if self.config is not None else None

    @property
    def state(self) -> SyncState | None:
        return self.link.state if self.link is not None else None

    def start(self, account: CentralAccount) -> None:
        """Live sync as ``account`` (signed in, or offline with a password to try later)."""
        self.account = account
        if self.link is not None:
            self.link.stop()
            self.link.deleteLater()
        self.link = SyncLink(
            self.data_dir, account.server, account.credentials(), self._worker, self._bus, self
        )
        self.link.state_changed.connect(self.state_changed)
        self.first_sync.run(account, self.link.start)

    def sign_in(
        self,
        server: str,
        password: str | None,
        remember: bool,
        on_done: Callable[[bool], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        """Sign in to ``server`` off the GUI thread; on success keep it as this data folder's
        central service and (re)start live sync. ``on_done(checked)``: False when the server
        could not be reached (sync starts anyway and catches up when it answers)."""
        account = CentralAccount(server)
        if self.config is not None and self.config.server == account.server:
            # Plain http:// to another machine only as this data folder's sync was allowed.
            account.allow_http = self.config.allow_http

        def done(checked: object) -> None:
            if self.config is None or self.config.server != account.server:
                self.config = config.CentralConfig(
                    account.server, self.username, account.allow_http
                )
                config.save(self.data_dir, self.config)
                self.configured.emit()
            self.start(account)
            on_done(bool(checked))

        def failed(error: Exception) -> None:
            if self.link is None:
                self.state_changed.emit(SyncState("needs_sign_in", str(error)))
            on_failed(error)

        sign_in = account.sign_in
        run_off_gui(self, lambda: sign_in(self.username, password, remember), done, failed)

    def sync_now(self) -> bool:
        """False when there is nothing to sync with yet (not configured or not signed in)."""
        if self.link is None:
            return False
        if self.first_sync.waiting:  # put off (or being asked about): ask again
            self.first_sync.ask_again()
            return True
        self.link.sync_now()
        return True

    def stop(self) -> None:
        self.first_sync.cancel()
        if self.link is not None:
            self.link.stop()
            self.link = None
