"""The status bar: who is signed in, online or offline, the last sync, what waits to be sent.

The sync engine reports through ``set_sync_state`` and ``set_last_sync``; what waits to be
sent, and when any sync (this window's or one run from the command line) last reached the
server, are read on the database worker whenever something changes. The bar never says two
things at once: while changes wait, it does not say "up to date". The connection is shown by
an icon and a colour as well as words. Without a central service the bar says so instead of
inventing figures.
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QWidget
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.services.context import ChangeSet
from caseworker.store import docstore, settings
from caseworker.timeutil import utcnow
from sync.state import SyncState
from ui import icons, labels
from ui.context import UiContext

PendingReader = Callable[[Session], int]
"""Counts local changes not yet pushed (seq after the push checkpoint); from the sync engine."""


def pending_after(pushed_seq: Callable[[Session], int]) -> PendingReader:
    """Documents changed locally after the push checkpoint's sequence: what waits to be sent.

    ``pushed_seq`` reads the last local sequence the push side of replication checkpointed."""

    return lambda session: docstore.count_changed_since(session, pushed_seq(session))


SYNC_STATES = ("local_only", "offline", "connecting", "syncing", "up_to_date", "needs_sign_in")


def connection_look(state: str, pending: int | None) -> str:
    """How the connection is marked besides its words: "online", "waiting" (online, changes
    still to send), "offline" or "problem" (a style property and its icon)."""
    if state in ("syncing", "up_to_date"):
        return "waiting" if state == "up_to_date" and pending else "online"
    if state in ("offline", "connecting", "local_only"):
        return "offline"
    return "problem"


_ICONS = {"online": "online", "waiting": "pending", "offline": "offline", "problem": "offline"}


class _IconLabel(QWidget):
    def __init__(self, name: str, icon: str) -> None:
        super().__init__()
        self.icon = QLabel()
        self.text = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.setAccessibleName(name)
        self.set_icon(icon)

    def set_icon(self, name: str) -> None:
        size = self.text.fontMetrics().height()
        self.icon.setPixmap(icons.icon(name).pixmap(QSize(size, size)))

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        self.text.setAccessibleName(self.accessibleName())
        self.text.setAccessibleDescription(text)

    def set_look(self, look: str) -> None:
        """A style property the stylesheet colours (``QLabel[connection=...]``)."""
        if self.text.property("connection") != look:
            self.text.setProperty("connection", look)
            self.text.style().unpolish(self.text)
            self.text.style().polish(self.text)


class StatusBar(QStatusBar):
    def __init__(
        self, ctx: UiContext, pending: PendingReader | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._ctx = ctx
        self._pending_reader = pending
        self._last_sync: datetime | None = None
        self._state = "offline" if pending is not None else "local_only"
        self._detail = ""
        self._unencrypted = False  # plain http:// to another machine, asked for with --allow-http
        self.pending_count: int | None = None
        self._pending_fresh = False  # the count was read after the last sync state came

        self.who = _IconLabel(self.tr("Signed in"), "citizen")
        role = labels.role(ctx.actor.role)
        self.who.set_text(self.tr("%1 · %2").replace("%1", ctx.staff_name).replace("%2", role))
        self.connection = _IconLabel(self.tr("Connection"), "offline")
        self.last_sync = _IconLabel(self.tr("Last sync"), "sync")
        self.pending = _IconLabel(self.tr("Changes waiting to be sent"), "pending")
        self.busy = QLabel()
        self.busy.setAccessibleName(self.tr("Activity"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        for widget in (self.who, self.connection, self.progress, self.last_sync, self.pending):
            self.addPermanentWidget(widget)
        self.addWidget(self.busy, 1)

        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(300)
        self._pending_timer.timeout.connect(self.refresh_pending)
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._show_last_sync)
        self._clock.start()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(400)
        self._busy_timer.timeout.connect(self._show_busy)
        ctx.bus.changed.connect(self._on_changed)
        ctx.worker.busy_changed.connect(self._on_busy)
        self._show_state()
        self._show_last_sync()
        self.refresh_pending()

    # -- the sync engine's hooks ---------------------------------------------------------------
    def set_sync_state(self, state: str, detail: str = "") -> None:
        """One of SYNC_STATES, or "error" with a reason in ``detail``."""
        if state == "up_to_date" and self._state != "up_to_date":
            self._pending_fresh = False  # counted before this sync: not used until read again
        self._state, self._detail = state, detail
        if state != "syncing":  # what waits to be sent, and the last sync, read once more
            self.refresh_pending()
        self._show_state()

    def show_sync(self, state: SyncState) -> None:
        """What the sync engine reports: its state, a long sync's progress, the last sync."""
        detail = state.reason
        if state.kind == "syncing":
            total = f"{state.total:,}" if state.total is not None else "?"
            direction = {"pull": self.tr("receiving"), "push": self.tr("sending")}.get(
                state.direction, ""
            )
            detail = f"{direction} {state.done:,}/{total}".strip()
            self.progress.setRange(0, state.total or 0)  # 0..0: busy, size not known yet
            if state.total:
                self.progress.setValue(min(state.done, state.total))
            self.progress.setAccessibleDescription(detail)
        elif state.kind == "up_to_date" and state.refused:
            detail = self.tr("%n record(s) refused by the central service", "", state.refused)
        self.progress.setVisible(state.kind == "syncing")
        self._unencrypted = state.unencrypted
        self.set_sync_state(state.kind, detail)
        if state.last_sync is not None:
            self.set_last_sync(state.last_sync)

    def set_pending_reader(self, pending: PendingReader | None) -> None:
        """A central service was connected (or disconnected) while the window was open."""
        self._pending_reader = pending
        self._show_last_sync()
        self.refresh_pending()

    def set_last_sync(self, when: datetime | None) -> None:
        self._last_sync = when
        self._show_last_sync()

    # -- showing -------------------------------------------------------------------------------
    def _show_state(self) -> None:
        texts = {
            "local_only": self.tr("Local only"),
            "offline": self.tr("Offline"),
            "connecting": self.tr("Connecting…"),
            "syncing": self.tr("Online · syncing"),
            "up_to_date": self.tr("Online · up to date"),
            "needs_sign_in": self.tr("Sign in to the central service to sync"),
        }
        text = texts.get(self._state) or self.tr("Sync problem: %1").replace("%1", self._detail)
        if self._detail and self._state in texts:
            text = f"{text} ({self._detail})"
        waiting = (self.pending_count or 0) if self._pending_fresh else 0
        if self._state == "up_to_date" and waiting:
            # Not "up to date" beside "N changes waiting": the changes go with the next push.
            text = self.tr("Online · %n change(s) still to send", "", waiting)
            if self._detail:
                text = f"{text} ({self._detail})"
        if self._unencrypted:
            # Said every time, not once: anyone on the network can read what is sent.
            text = self.tr("%1 · unencrypted connection").replace("%1", text)
        look = connection_look(self._state, waiting)
        self.connection.set_icon(_ICONS[look])
        self.connection.set_look(look)
        self.connection.set_text(text)

    def _show_last_sync(self) -> None:
        if self._pending_reader is None:
            text = self.tr("Last sync: never (no central service configured)")
        elif self._last_sync is None:
            text = self.tr("Last sync: not yet")
        else:
            text = self.tr("Last sync: %1").replace("%1", labels.ago(self._last_sync, utcnow()))
        self.last_sync.set_text(text)
        self.last_sync.setVisible(self._pending_reader is not None)

    def refresh_pending(self) -> None:
        reader = self._pending_reader
        if reader is None:
            self.pending.set_text(self.tr("No central service configured"))
            return

        def read(session: Session) -> tuple[int, datetime | None]:
            return reader(session), settings.last_sync(session)

        self._ctx.worker.read(read, self._show_pending, lambda _error: None)

    def _show_pending(self, found: tuple[int, datetime | None]) -> None:
        if not isValid(self):
            return
        count, stored_sync = found
        self.pending_count = count
        self._pending_fresh = True
        self.pending.set_text(
            self.tr("%n change(s) waiting to be sent", "", count)
            if count
            else self.tr("Nothing waiting to be sent")
        )
        # A sync run from the command line (or an earlier session) counts as well.
        if stored_sync is not None and (self._last_sync is None or stored_sync > self._last_sync):
            self._last_sync = stored_sync
            self._show_last_sync()
        self._show_state()

    def _on_changed(self, _changes: ChangeSet) -> None:
        self._pending_timer.start()

    def _on_busy(self, busy: bool) -> None:
        # Only work that takes a noticeable while is worth a word; a search is not.
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setText("")

    def _show_busy(self) -> None:
        self.busy.setText(self.tr("Working…"))
