"""The case view: what is wrong, where it stands, who has it, when it is due, what was said
and done. Edits save through the services on the database thread; the change bus brings the
result back here and to every other open view.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from caseworker.services import cases
from caseworker.services.context import ChangeSet
from ui import labels
from ui.case.activity import CaseActivity
from ui.case.conflict import ConflictDialog
from ui.case.details import CaseDetails
from ui.case.loader import SnapshotLoader
from ui.case.refusal import RefusalBanner, load_refusals
from ui.case.safety import SafetyBanner
from ui.case.snapshot import (
    NAMING_TYPES,
    RELATED_TYPES,
    CaseSnapshot,
    load_case,
    load_if_concerned,
)
from ui.case.widgets import (
    ConflictBadge,
    ErrorBanner,
    heading,
    quick_action,
    tab_chain,
)
from ui.context import UiContext
from ui.dialogs import LogContactDialog, NoteDialog
from ui.dialogs.shared import alive, failed


class CaseView(QWidget):
    open_citizen_requested = Signal(str)
    open_case_requested = Signal(str)
    title_changed = Signal(str)
    loaded = Signal()  # a snapshot has been shown (first load and every refresh)
    gone = Signal()  # the record left this laptop (purged: reassigned, out of scope)

    def __init__(self, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.snapshot: CaseSnapshot | None = None
        self.dialog: QDialog | None = None
        self.loader = SnapshotLoader(
            ctx.worker,
            lambda session: load_case(session, case_id),
            lambda session, ids: load_if_concerned(session, case_id, ids),
            self,
        )
        self.loader.arrived.connect(self._arrived)
        self.loader.failed.connect(self._load_failed)
        self.setAccessibleName(self.tr("Case"))

        self.title = heading(self.tr("Loading the case…"), "title")
        self.conflict = ConflictBadge()
        self.conflict.resolve_requested.connect(self.resolve_conflict)
        self.banner = ErrorBanner()
        self.refusal = RefusalBanner(ctx)
        self.refusal.finished.connect(lambda _text: self.check_refusals())
        self.safety = SafetyBanner(ctx, case_id)  # officer-safety markers at its address
        self.details = CaseDetails(ctx)
        self.details.status_requested.connect(self.change_status)
        self.details.priority_requested.connect(self.change_priority)
        self.details.queue_requested.connect(self.change_queue)
        self.details.assign_requested.connect(self.assign)
        self.buttons: dict[str, QPushButton] = {}
        for text, keys, description, slot in (
            (
                self.tr("Open the citizen"),
                "Ctrl+Shift+C",
                self.tr("Open the citizen's view."),
                self.open_citizen,
            ),
            (
                self.tr("Log a contact"),
                "Ctrl+L",
                self.tr("Record a contact about this case."),
                self.log_contact,
            ),
            (
                self.tr("Add a note"),
                "Ctrl+Shift+N",
                self.tr("Write an internal note."),
                self.add_note,
            ),
            (self.tr("Take"), "Ctrl+T", self.tr("Assign the case to yourself."), self.take),
            (
                self.tr("Resolve conflict"),
                "Ctrl+Shift+R",
                self.tr("Resolve conflicting changes."),
                self.resolve_conflict,
            ),
        ):
            _action, self.buttons[slot.__name__] = quick_action(self, text, keys, description, slot)

        self.activity = CaseActivity(self.buttons["add_note"], self.buttons["log_contact"])

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.conflict)
        top.addWidget(self.buttons["open_citizen"])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.refusal)
        layout.addWidget(self.safety)
        layout.addWidget(self.details)
        layout.addWidget(self.activity, 1)
        tab_chain(
            [
                self.buttons["open_citizen"],
                self.safety,
                self.conflict.button,
                *self.refusal.buttons(),
                *self.details.focus_order(),
                *self.activity.focus_order(),
            ]
        )
        self.buttons["open_citizen"].setEnabled(False)

        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self.details.tick)
        # A push refused in the background records no change the bus hears of: look again.
        self._tick.timeout.connect(self.check_refusals)
        self._tick.start()
        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    # -- loading ------------------------------------------------------------------------------
    @property
    def data_ms(self) -> float:
        return self.loader.data_ms

    def reload(self) -> None:
        self.loader.reload()

    def _arrived(self, snapshot: CaseSnapshot) -> None:
        self.show_snapshot(snapshot)
        self.check_refusals()
        self.loaded.emit()

    def check_refusals(self) -> None:
        """Show what the central service refused of this case (or of a note on it), if any."""
        case_id = self.snapshot.id if self.snapshot is not None else self.case_id

        def shown(found: object) -> None:
            if alive(self) and isinstance(found, list):
                self.refusal.show_refusals(found)

        self.ctx.worker.read(lambda s: load_refusals(s, case_id), shown, lambda _error: None)

    def _load_failed(self, error: Exception) -> None:
        self.banner.say(failed(self.tr("show this case"), error))

    def _on_changed(self, changes: ChangeSet) -> None:
        mine = {self.case_id, self.snapshot.id if self.snapshot is not None else self.case_id}
        if any(w.purged and w.doc_id in mine for w in changes.written):
            self._tick.stop()
            self.gone.emit()  # nothing left to read: the tab says so instead
            return
        ids = {w.doc_id for w in changes.written}
        types = {w.doc_type for w in changes.written}
        own = {self.case_id}
        if self.snapshot is not None:
            own |= {self.snapshot.id, self.snapshot.citizen_id or self.snapshot.id}
        # A purged record cannot be looked up to see whose it was: look again at everything.
        if ids & own or types & NAMING_TYPES or any(w.purged for w in changes.written):
            self.reload()
        elif types & RELATED_TYPES:
            self.loader.check(ids)

    def show_snapshot(self, snap: CaseSnapshot) -> None:
        first = self.snapshot is None
        self.snapshot = snap
        self.title.setText(
            self.tr("%1 — %2")
            .replace("%1", labels.shown(snap.reference))
            .replace("%2", labels.shown(snap.summary))
        )
        self.conflict.set_conflicted(snap.conflicted)
        self.details.show_snapshot(snap)
        self.buttons["open_citizen"].setEnabled(snap.citizen_id is not None)
        if snap.citizen_name:
            self.buttons["open_citizen"].setText(
                self.tr("Citizen: %1 (Ctrl+Shift+C)").replace("%1", labels.shown(snap.citizen_name))
            )
        self.activity.show_snapshot(snap)
        if first:
            self.title_changed.emit(labels.shown(snap.reference))

    # -- edits --------------------------------------------------------------------------------
    def _save(self, action: str, job: Callable[[Session], Any]) -> None:
        def done(_result: object) -> None:
            if not alive(self):
                return
            self.banner.clear_message()

        def refused(error: Exception) -> None:
            if not alive(self):
                return
            self.banner.say(failed(action, error))
            if self.snapshot is not None:
                self.details.show_snapshot(self.snapshot)  # put back what is really saved

        self.ctx.worker.write(job, done, refused)

    def change_status(self, target: str) -> None:
        actor, case_id = self.ctx.actor, self.case_id
        self._save(
            self.tr("change the status"),
            lambda session: cases.transition(session, actor, case_id, target),
        )

    def change_priority(self, priority: str) -> None:
        actor, case_id = self.ctx.actor, self.case_id
        self._save(
            self.tr("change the priority"),
            lambda session: cases.set_priority(session, actor, case_id, priority),
        )

    def change_queue(self, queue_id: str) -> None:
        actor, case_id = self.ctx.actor, self.case_id
        self._save(
            self.tr("move the case to another queue"),
            lambda session: cases.set_queue(session, actor, case_id, queue_id),
        )

    def assign(self, staff_id: str | None) -> None:
        actor, case_id = self.ctx.actor, self.case_id
        self._save(
            self.tr("assign the case"),
            lambda session: cases.assign(session, actor, case_id, staff_id),
        )

    def take(self) -> None:
        if self.snapshot is not None and self.details.take.isVisible():
            self.assign(self.ctx.actor.staff_id)

    # -- dialogs and links --------------------------------------------------------------------
    def _show_dialog(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def log_contact(self) -> QDialog | None:
        if self.snapshot is None:
            return None
        choice = [
            (self.snapshot.id, labels.shown(f"{self.snapshot.reference} — {self.snapshot.summary}"))
        ]
        return self._show_dialog(
            LogContactDialog(
                self.ctx,
                citizen_id=self.snapshot.citizen_id,
                cases=choice,
                case_id=self.snapshot.id,
                parent=self,
            )
        )

    def add_note(self) -> QDialog | None:
        if self.snapshot is None:
            return None
        choice = [
            (self.snapshot.id, labels.shown(f"{self.snapshot.reference} — {self.snapshot.summary}"))
        ]
        return self._show_dialog(
            NoteDialog(self.ctx, cases=choice, case_id=self.snapshot.id, parent=self)
        )

    def open_citizen(self) -> None:
        if self.snapshot is not None and self.snapshot.citizen_id:
            self.open_citizen_requested.emit(self.snapshot.citizen_id)

    def resolve_conflict(self) -> QDialog | None:
        if self.snapshot is None or not self.snapshot.conflicted:
            return None
        return self._show_dialog(ConflictDialog(self.ctx, self.snapshot.id, self))
