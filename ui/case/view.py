"""The case view: what is wrong, where it stands, who has it, when it is due, what was said
and done. Edits save through the services on the database thread; the change bus brings the
result back here and to every other open view.
"""

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from caseworker.services import cases, outcomes, undo
from caseworker.services.context import ChangeSet
from ui import labels
from ui.case.activity import CaseActivity
from ui.case.conflict import ConflictDialog
from ui.case.details import CaseDetails
from ui.case.loader import SnapshotLoader
from ui.case.outcome import EndCaseDialog, ReopenDialog
from ui.case.refusal import RefusalBanner, load_refusals
from ui.case.reply import ReplyDialog
from ui.case.safety import SafetyBanner
from ui.case.snapshot import (
    NAMING_TYPES,
    RELATED_TYPES,
    CaseSnapshot,
    load_case,
    load_if_concerned,
)
from ui.case.undo_bar import UndoBar
from ui.case.widgets import (
    ConflictBadge,
    ErrorBanner,
    heading,
    quick_action,
    tab_chain,
)
from ui.context import UiContext
from ui.dialogs import LogContactDialog, NoteDialog
from ui.dialogs.base import FormDialog
from ui.dialogs.link_citizen import LinkCitizenDialog
from ui.dialogs.shared import alive, failed

# The case's quick actions (the method, its words, keys and what it does): buttons here, and
# listed by the window's Case menu and its keyboard shortcuts (F1).
QUICK_ACTIONS: tuple[tuple[str, object, str, object], ...] = (
    (
        "open_citizen",
        QT_TRANSLATE_NOOP("CaseView", "Open the citizen"),
        "Ctrl+Shift+C",
        QT_TRANSLATE_NOOP("CaseView", "Open the citizen's view."),
    ),
    (
        "log_contact",
        QT_TRANSLATE_NOOP("CaseView", "Log a contact"),
        "Ctrl+L",
        QT_TRANSLATE_NOOP("CaseView", "Record a contact about this case."),
    ),
    (
        "add_note",
        QT_TRANSLATE_NOOP("CaseView", "Add a note"),
        "Ctrl+M",  # Ctrl+Shift+N is the window's "New citizen"
        QT_TRANSLATE_NOOP("CaseView", "Write an internal note."),
    ),
    (
        "reply",
        QT_TRANSLATE_NOOP("CaseView", "Reply to the citizen"),
        "Ctrl+Shift+M",
        QT_TRANSLATE_NOOP(
            "CaseView", "Send the citizen an email or text message from a prepared reply."
        ),
    ),
    (
        "take",
        QT_TRANSLATE_NOOP("CaseView", "Take"),
        "Ctrl+T",
        QT_TRANSLATE_NOOP("CaseView", "Assign the case to yourself."),
    ),
    (
        "resolve_conflict",
        QT_TRANSLATE_NOOP("CaseView", "Resolve conflict"),
        "Ctrl+Shift+R",
        QT_TRANSLATE_NOOP("CaseView", "Resolve conflicting changes."),
    ),
)
# Keys that work in a case besides its quick actions (for F1).
MORE_KEYS: tuple[tuple[object, str], ...] = (
    (QT_TRANSLATE_NOOP("CaseView", "Undo the last change"), "Ctrl+Z"),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate("CaseView", str(text))


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
        # Made inside the view: moving styled widgets to another parent styles them again.
        self.conflict = ConflictBadge(self)
        self.conflict.resolve_requested.connect(self.resolve_conflict)
        self.banner = ErrorBanner(self)
        self.refusal = RefusalBanner(ctx, self)
        self.refusal.finished.connect(lambda _text: self.check_refusals())
        self.safety = SafetyBanner(ctx, case_id, self)  # officer-safety markers at its address
        self.details = CaseDetails(ctx, self)
        self.details.status_requested.connect(self.change_status)
        self.details.priority_requested.connect(self.change_priority)
        self.details.queue_requested.connect(self.change_queue)
        self.details.assign_requested.connect(self.assign)
        self.undo_bar = UndoBar(self)
        self.undo_bar.undo_requested.connect(self.undo)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, keys, description in QUICK_ACTIONS:
            slot = getattr(self, name)
            _action, self.buttons[name] = quick_action(
                self, _tr(text), keys, _tr(description), slot
            )

        # Ctrl+Z anywhere in the view but a text box (which keeps its own undo of typing).
        undo_action = QAction(self.tr("Undo the last change"), self)
        undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo_action.triggered.connect(lambda _checked=False: self.undo_last())
        self.addAction(undo_action)

        self.activity = CaseActivity(self.buttons["add_note"], self.buttons["log_contact"], self)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.undo_bar)  # in the title's line: showing it moves nothing below
        top.addWidget(self.conflict)
        top.addWidget(self.buttons["reply"])
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
                self.buttons["reply"],
                self.buttons["open_citizen"],
                self.safety,
                self.conflict.button,
                self.undo_bar.button,
                *self.refusal.buttons(),
                *self.details.focus_order(),
                *self.activity.focus_order(),
            ]
        )
        self.buttons["open_citizen"].setEnabled(False)
        self.buttons["reply"].setEnabled(False)

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
        self.buttons["open_citizen"].setEnabled(True)
        self.buttons["reply"].setEnabled(snap.citizen_id is not None)
        citizen_text = None
        if snap.citizen_id is None:  # a case opened for no one: the same key links one later
            citizen_text = self.tr("Link to a citizen… (Ctrl+Shift+C)")
        elif snap.citizen_name:
            citizen_text = self.tr("Citizen: %1 (Ctrl+Shift+C)").replace(
                "%1", labels.shown(snap.citizen_name)
            )
        if citizen_text is not None:
            self.buttons["open_citizen"].setText(citizen_text)
            self.buttons["open_citizen"].setAccessibleName(citizen_text)
        self.activity.show_snapshot(snap)
        if first:
            self.title_changed.emit(labels.shown(snap.reference))

    # -- edits --------------------------------------------------------------------------------
    def _save(self, action: str, job: Callable[[Session], ChangeSet]) -> None:
        def run(session: Session) -> tuple[undo.LastChange | None, ChangeSet]:
            changes = job(session)
            return undo.last_change(session, changes), changes

        def done(result: object) -> None:
            if not alive(self):
                return
            self.banner.clear_message()
            self._offer_undo(result)

        def refused(error: Exception) -> None:
            if not alive(self):
                return
            self.banner.say(failed(action, error))
            if self.snapshot is not None:
                self.details.show_snapshot(self.snapshot)  # put back what is really saved

        self.ctx.worker.write(run, done, refused)

    def _offer_undo(self, result: object) -> None:
        """Offer to undo what a save just changed (nothing changed: nothing to undo)."""
        last = result[0] if isinstance(result, tuple) and result else None
        if isinstance(last, undo.LastChange):
            self.undo_bar.offer(last)

    def undo_last(self) -> None:
        self.undo_bar.request()

    def undo(self, change: undo.LastChange) -> None:
        actor = self.ctx.actor

        def done(_result: object) -> None:
            if alive(self):
                self.banner.clear_message()
                self.undo_bar.withdraw()

        def refused(error: Exception) -> None:
            if alive(self):
                self.undo_bar.failed()
                self.banner.say(failed(self.tr("undo the change"), error))

        self.ctx.worker.write(lambda session: undo.undo(session, actor, change), done, refused)

    def change_status(self, target: str) -> QDialog | None:
        """Resolving and closing ask for the outcome, reopening for a reason; the rest saves."""
        snap = self.snapshot
        if snap is not None and target in outcomes.ENDS:
            return self._ending(EndCaseDialog(self.ctx, snap, target, self))
        if snap is not None and target == "reopened":
            return self._ending(ReopenDialog(self.ctx, snap, self))
        actor, case_id = self.ctx.actor, self.case_id
        self._save(
            self.tr("change the status"),
            lambda session: cases.transition(session, actor, case_id, target),
        )
        return None

    def _ending(self, dialog: FormDialog) -> QDialog:
        dialog.saved.connect(self._offer_undo)
        return self._show_dialog(dialog)

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

    def reply(self) -> QDialog | None:
        if self.snapshot is None or self.snapshot.citizen_id is None:
            return None
        return self._show_dialog(ReplyDialog(self.ctx, self.snapshot.id, self))

    def open_citizen(self) -> None:
        if self.snapshot is not None and self.snapshot.citizen_id:
            self.open_citizen_requested.emit(self.snapshot.citizen_id)
        elif self.snapshot is not None:
            self.link_citizen()

    def link_citizen(self) -> QDialog | None:
        """Choose, by searching, the citizen a case opened for no one is about."""
        if self.snapshot is None or self.snapshot.citizen_id is not None:
            return None
        return self._show_dialog(LinkCitizenDialog(self.ctx, self.snapshot.id, self))

    def resolve_conflict(self) -> QDialog | None:
        if self.snapshot is None or not self.snapshot.conflicted:
            return None
        return self._show_dialog(ConflictDialog(self.ctx, self.snapshot.id, self))
