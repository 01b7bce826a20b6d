"""The window's end of live sync: starts, watches and stops the sync process (``sync.agent``).

Replication runs in a child process, not on threads of this one: it is Python work, and
threads here would share the interpreter lock with the event loop (``sync/agent.py`` says how
much that cost). The child reports over a pipe that Qt reads on the GUI thread, so the status
bar and the views only ever change there. Pulled documents reach the views through the change
bus like local edits do, but coalesced (a 50,000-document pull writes 50 batches; the views
refresh four times a second at most, once a second during a long sync). Every local write
through the database worker asks the child for a debounced push.
"""

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from caseworker.services.context import ChangeSet
from sync.agent import state_from_json, written_from_json
from sync.state import SyncState
from ui.bus import ChangeBus
from ui.worker import DbWorker

COALESCE_MS = 250
# During a long sync the views refresh less often: each refresh is a round of queries on the
# database thread, which shares the interpreter lock with the event loop.
LONG_SYNC = 5_000  # documents
LONG_SYNC_COALESCE_MS = 1_000
STOP_WAIT_MS = 10_000
RESTART_MS = (2_000, 60_000)  # after an unexpected end: first wait, longest wait


class SyncLink(QObject):
    state_changed = Signal(object)  # a SyncState, on the GUI thread

    def __init__(
        self,
        data_dir: Path,
        server: str,
        credentials: tuple[str, str],
        worker: DbWorker,
        bus: ChangeBus,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._worker = worker
        self._args = ["-m", "sync.agent", "--data-dir", str(data_dir), "--server", server]
        self._user, self._password = credentials
        self._pending = ChangeSet()
        self._buffer = b""
        self._stopping = False
        self.state = SyncState()
        self.process = QProcess(self)
        # Its stderr (a traceback, if it ever has one) goes where ours does.
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._failed_to_start)
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(COALESCE_MS)
        self._flush.timeout.connect(self._publish)
        self._restart = QTimer(self)
        self._restart.setSingleShot(True)
        self._restart.setInterval(RESTART_MS[0])
        self._restart.timeout.connect(self.start)
        worker.wrote.connect(self._on_local_write)

    # -- the window's API -------------------------------------------------------------------------

    def start(self) -> None:
        self._stopping = False
        self.process.start(sys.executable, [*self._args, "--user", self._user])
        self._send({"password": self._password})

    def stop(self) -> None:
        """Ask the process to stop (an interrupted batch is rolled back and pulled again next
        time); kill it if it does not within 10 s."""
        self._stopping = True
        self._restart.stop()
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self._send({"cmd": "stop"})
            self.process.closeWriteChannel()
            if not self.process.waitForFinished(STOP_WAIT_MS):
                self.process.kill()
                self.process.waitForFinished(STOP_WAIT_MS)
        self._read()
        self._publish()

    def sync_now(self) -> None:
        self._send({"cmd": "sync_now"})

    def set_password(self, password: str) -> None:
        self._password = password
        self._send({"cmd": "password", "password": password})

    # -- the pipe ---------------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.write((json.dumps(message) + "\n").encode())

    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if not isinstance(message, dict):
                continue
            if "written" in message:
                self._pending.merge(written_from_json(message["written"]))
                if not self._flush.isActive():
                    self._flush.start()
            elif "state" in message:
                state = state_from_json(message["state"])
                if state.kind == "up_to_date":
                    self._restart.setInterval(RESTART_MS[0])
                self._set_state(state)
            elif "fatal" in message:
                self._set_state(SyncState("error", str(message["fatal"])))

    def _set_state(self, state: SyncState) -> None:
        self.state = state
        long_sync = state.kind == "syncing" and (state.total or 0) > LONG_SYNC
        interval = LONG_SYNC_COALESCE_MS if long_sync else COALESCE_MS
        if interval != self._flush.interval() and not self._flush.isActive():
            self._flush.setInterval(interval)  # (on a running timer it would start it again)
        self.state_changed.emit(state)
        if state.kind != "syncing":
            self._publish()  # what a finished sync wrote shows at once

    def _ended(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._read()
        if not self._stopping:
            # Nothing is lost (each batch is one transaction); start again after a while.
            reason = self.tr("the sync process ended unexpectedly (exit code %1)")
            self._set_state(SyncState("error", reason.replace("%1", str(code))))
            self._restart.start()
            self._restart.setInterval(min(RESTART_MS[1], self._restart.interval() * 2))

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._set_state(SyncState("error", self.tr("the sync process could not start")))

    # -- changes ----------------------------------------------------------------------------------

    def _publish(self) -> None:
        self._flush.stop()
        if self._pending.written:
            changes, self._pending = self._pending, ChangeSet()
            self._bus.changed.emit(changes)

    def _on_local_write(self, _changes: ChangeSet) -> None:
        if not self._stopping:
            self._send({"cmd": "local_change"})
