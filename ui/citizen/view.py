"""The single citizen view: who they are, everything said to and by them, their cases, and the
quick actions an agent needs while the citizen is on the phone.

At the top the header (``header.CitizenHeader``): what matters in the first three seconds of a
call, warnings included. Below it the quick actions, then the cases, identifiers and consents
(one tab each, no table in a scrolling pane) beside the timeline.

Everything shown comes from one database job (``snapshot.load_citizen``); when the change bus
says something of this citizen changed, one more job reads it all again.
"""

from time import perf_counter

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from caseworker.access.merge_rules import merge_id_of
from caseworker.dedupe import review
from caseworker.services.context import ChangeSet
from ui import labels
from ui.case.conflict import ConflictDialog
from ui.case.loader import SnapshotLoader
from ui.case.widgets import ConflictBadge, ErrorBanner, quick_action, tab_chain
from ui.citizen.actions import (
    CONTACT_ACTIONS,
    KEYS_ONLY,
    PRIVACY_ACTIONS,
    QUICK_ACTIONS,
    SUPERVISOR_ACTIONS,
)
from ui.citizen.assurance_gate import with_assurance
from ui.citizen.contact_edit import ContactEdit
from ui.citizen.end_marker import ask_to_end_marker
from ui.citizen.header import CitizenHeader
from ui.citizen.profile import ProfilePanel
from ui.citizen.snapshot import RELATED_TYPES, CitizenSnapshot, load_citizen, load_if_concerned
from ui.citizen.timeline import TimelinePanel
from ui.context import UiContext
from ui.dedupe.list_dialog import DuplicatesDialog
from ui.dedupe.undo_dialog import UndoMergeDialog
from ui.dialogs import IdentifierDialog, LogContactDialog, NoteDialog, OpenCaseDialog
from ui.dialogs.consent import ConsentDialog, ShareDialog, WithdrawConsentDialog
from ui.dialogs.erase import EraseDialog
from ui.dialogs.marker import MarkerDialog
from ui.dialogs.marker_review import MarkerReviewDialog
from ui.dialogs.sar_export import SarExportDialog
from ui.dialogs.shared import alive, failed
from ui.layout_hold import layouts_held


def _tr(text: object) -> str:
    return QCoreApplication.translate("CitizenView", str(text))


class CitizenView(QWidget):
    open_citizen_requested = Signal(str)
    open_case_requested = Signal(str)
    title_changed = Signal(str)
    loaded = Signal()  # a snapshot has been shown (first load and every refresh)
    gone = Signal()  # the record left this laptop (purged: reassigned, out of scope)

    def __init__(self, ctx: UiContext, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.citizen_id = citizen_id
        self.snapshot: CitizenSnapshot | None = None
        self.dialog: QDialog | None = None
        self.populate_ms = 0.0  # time it took to put the last snapshot into the widgets
        # Whom to read is looked up at each read: a view built ahead (``spare``) is bound
        # later. A one-item list, not ``self``: lambdas holding the view would keep its Python
        # wrapper alive after the widget is deleted.
        bound = self._bound = [citizen_id]
        self.loader = SnapshotLoader(
            ctx.worker,
            lambda session: load_citizen(session, bound[0]),
            lambda session, ids: load_if_concerned(session, bound[0], ids),
            self,
        )
        self.loader.arrived.connect(self._arrived)
        self.loader.failed.connect(self._load_failed)
        self.setAccessibleName(self.tr("Citizen"))

        self.header = CitizenHeader(self)
        self.header.offers_review = True
        self.header.marker_chosen.connect(self.review_marker)
        self.title = self.header.name
        self.conflict = ConflictBadge(self)
        self.conflict.resolve_requested.connect(self.resolve_conflict)
        self.banner = ErrorBanner(self)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, text, keys, description in QUICK_ACTIONS:
            slot = getattr(self, name)
            _action, button = quick_action(self, _tr(text), keys, _tr(description), slot)
            if name not in KEYS_ONLY:
                actions.addWidget(button)
                self.buttons[name] = button
        # Supervisors and admins only: the export holds everything about the person, and an
        # erasure takes it from every copy.
        for name, text, keys, description in SUPERVISOR_ACTIONS if ctx.can_supervise else ():
            _action, button = quick_action(
                self, _tr(text), keys, _tr(description), getattr(self, name)
            )
            self.buttons[name] = button
        actions.addStretch(1)

        # Each widget is made inside its final parent: with the council's style sheet, moving
        # a styled widget to another parent styles it and all it holds again (60 ms a record).
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.profile = ProfilePanel(splitter)
        self.privacy_buttons: dict[str, QPushButton] = {}
        for name, text, keys, description in PRIVACY_ACTIONS:
            slot = getattr(self, name)
            _action, button = quick_action(self, _tr(text), keys, _tr(description), slot)
            self.privacy_buttons[name] = button
        self.contact_edit = ContactEdit(
            ctx, self, self.profile, self.profile.identifiers_table,
            lambda: self.citizen_id, self._show_dialog, self.banner.say,
        )  # fmt: skip
        for name, text, keys, description in CONTACT_ACTIONS:
            slot = getattr(self, name)
            _action, button = quick_action(self, _tr(text), keys, _tr(description), slot)
            self.privacy_buttons[name] = button
        # Change and Remove just above the identifiers they act on, the check above them.
        self.profile.add_buttons(2, [self.privacy_buttons[n] for n, *_ in CONTACT_ACTIONS])
        self.profile.add_buttons(
            2, [self.privacy_buttons["check_identity"], self.profile.assurance]
        )
        self.profile.add_buttons(
            3, [self.privacy_buttons[n] for n, *_ in PRIVACY_ACTIONS if n != "check_identity"]
        )
        self.profile.open_case_requested.connect(self.open_case_requested)
        splitter.addWidget(self.profile)
        # The timeline is made on the next turn of the event loop (or when first asked for):
        # the whole view at once held the GUI thread for 50-110 ms, twice the timeline alone,
        # and a keystroke or the next record waited for all of it. Its pane keeps its place
        # meanwhile, so the cases do not jump from the whole width to their share.
        self._timeline: TimelinePanel | None = None
        self._timeline_pane = QWidget(splitter)
        pane_layout = QVBoxLayout(self._timeline_pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(self._timeline_pane)
        splitter.setChildrenCollapsible(False)
        # The cases' key columns (reference, status, priority, time left) must fit whole.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        self.splitter = splitter
        self._split_by_hand = False  # once the person moves the divider, it stays theirs
        splitter.splitterMoved.connect(self._divider_moved)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.conflict, 0, Qt.AlignmentFlag.AlignTop)
        rights = QVBoxLayout()  # a supervisor's own actions, beside the header: the row is full
        for name in ("export_subject_access", "erase"):
            if name in self.buttons:
                rights.addWidget(self.buttons[name])
        rights.addStretch(1)
        top.addLayout(rights)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._chain_tabs()

        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self.profile.tick)
        self._tick.timeout.connect(self.header.tick)
        self._tick.start()
        ctx.bus.changed.connect(self._on_changed)
        self._pending: CitizenSnapshot | None = None  # read while hidden, shown when shown
        # A timer, not a queued call: queued calls all run before the event loop looks at
        # input again, and the timeline would still share a stall with the rest of the view.
        QTimer.singleShot(1, self, self._make_timeline)
        # Read once the view is built and placed: read beside the building, the database
        # thread only waited for the GUI thread's hold on Python (30 ms more, nothing sooner).
        if citizen_id:
            QTimer.singleShot(0, self, self.reload)

    @property
    def timeline(self) -> TimelinePanel:
        """The timeline beside the cases, made now if its turn has not come yet."""
        if self._timeline is None:
            self._make_timeline()
        assert self._timeline is not None
        return self._timeline

    def _make_timeline(self) -> None:
        if self._timeline is not None:
            return
        pane = self._timeline_pane
        timeline = TimelinePanel(pane, ctx=self.ctx, citizen_id=self.citizen_id)
        self._timeline = timeline
        timeline.open_case_requested.connect(self.open_case_requested)
        layout = pane.layout()
        assert layout is not None
        layout.addWidget(timeline)
        if pane.isVisible():
            timeline.show()
        else:
            timeline.ensurePolished()  # a view built ahead: styled now, not when it opens
        self._chain_tabs()
        self.share_width()
        QTimer.singleShot(1, self, self._make_composer)  # and the composer on a turn of its own

    def _make_composer(self) -> None:
        composer = self.timeline.composer
        if composer is not None and not self.isVisible():
            composer.ensurePolished()
        self._chain_tabs()

    @classmethod
    def spare(cls, ctx: UiContext, parent: QWidget) -> "CitizenView":
        """A view built and styled ahead of need, bound to nobody yet: building one takes the
        GUI thread 40-80 ms, which an agent opening a record on a call should not wait for.
        It is hidden (a child added to a shown parent stays hidden until shown)."""
        view = cls(ctx, "", parent)
        view.ensurePolished()  # the style sheet's work, done now rather than at first show
        return view

    def bind(self, citizen_id: str) -> None:
        """Make a spare view this citizen's, and read them."""
        if self.citizen_id:
            raise RuntimeError("a citizen view is bound once")
        self.citizen_id = self._bound[0] = citizen_id
        if self._timeline is not None:
            self._timeline.rebind(citizen_id)
        self.reload()

    def _chain_tabs(self) -> None:
        """Tab order as read on screen: the header's warnings, the quick actions, the cases
        and the rest, the timeline."""
        chain: list[QWidget] = [
            *self.header.focusables(),
            *self.buttons.values(),
            self.conflict.button,
            self.profile,
            *self.profile.tables(),
            *(self._timeline.focus_chain() if self._timeline is not None else ()),
        ]
        tab_chain(chain)

    # -- loading ------------------------------------------------------------------------------
    @property
    def data_ms(self) -> float:
        """How long the last snapshot took on the database thread."""
        return self.loader.data_ms

    def reload(self) -> None:
        self.loader.reload()

    def _arrived(self, snapshot: CitizenSnapshot) -> None:
        if self._behind():
            # A tab behind another (an agent opened the next record before this one was
            # read): filled when it is shown, not while the record in front opens.
            if self.snapshot is None and self._pending is None:
                self.title_changed.emit(labels.shown(snapshot.display_name))
            self._pending = snapshot
            return
        self._pending = None
        start = perf_counter()
        self.show_snapshot(snapshot)
        self.populate_ms = (perf_counter() - start) * 1000
        self.loaded.emit()

    def _behind(self) -> bool:
        """Hidden inside a shown window: a tab not in front."""
        parent = self.parentWidget()
        return parent is not None and parent.isVisible() and not self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        if self._pending is not None:
            self._arrived(self._pending)
        super().showEvent(event)

    def _load_failed(self, error: Exception) -> None:
        self.banner.say(failed(self.tr("show this citizen"), error))

    def _on_changed(self, changes: ChangeSet) -> None:
        if not self.citizen_id:
            return  # a spare, not bound yet: nothing of it to read again
        if any(w.purged and w.doc_id == self.citizen_id for w in changes.written):
            self._tick.stop()
            self.gone.emit()  # nothing left to read: the tab says so instead
            return
        ids = {w.doc_id for w in changes.written}
        cases = {c.id for c in self.snapshot.cases} if self.snapshot else set()
        # A purged record cannot be looked up to see whose it was: look again at everything.
        if self.citizen_id in ids or ids & cases or any(w.purged for w in changes.written):
            self.reload()
        elif any(w.doc_type in RELATED_TYPES for w in changes.written):
            self.loader.check(ids)

    # -- width -------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share_width()

    def _divider_moved(self, _pos: int, _index: int) -> None:
        self._split_by_hand = True

    def share_width(self) -> None:
        """The cases first: they get what their key columns need (and at least 55 %), the
        timeline the rest, down to its own minimum. On a 1280-pixel screen in Welsh a fixed
        share cut the cases' status, priority and time left."""
        if self._split_by_hand:
            return
        if self._timeline is None:
            return  # one side only, for now: nothing to share
        total = self.splitter.width() - self.splitter.handleWidth()
        timeline_least = self._timeline.minimumSizeHint().width()
        if total <= timeline_least:
            return
        cases = max(self.profile.wanted_width(), int(total * 0.55))
        cases = min(cases, total - timeline_least)
        # Each setSizes lays both sides out again at once (30 ms with a busy record): only when
        # the share changes.
        if abs(self.splitter.sizes()[0] - cases) > 1:
            self.splitter.setSizes([cases, total - cases])

    # -- showing ------------------------------------------------------------------------------
    def show_snapshot(self, snap: CitizenSnapshot) -> None:
        first = self.snapshot is None
        self.snapshot = snap
        with layouts_held(self, self.header):
            self.header.show_snapshot(snap)
            self._chain_tabs()  # the header's markers are new widgets each time
            self.conflict.set_conflicted(snap.conflicted or bool(snap.merge_conflicts))
            self.profile.show_snapshot(snap)
            self.timeline.show_snapshot(snap)
        self.share_width()  # the cases' key columns are as wide as what they now hold
        if first:
            self.title_changed.emit(labels.shown(snap.display_name))

    # -- quick actions ------------------------------------------------------------------------
    def case_choices(self, open_only: bool = True) -> list[tuple[str, str]]:
        if self.snapshot is None:
            return []
        cases = self.snapshot.open_cases if open_only else self.snapshot.cases
        return [(c.id, labels.shown(f"{c.reference} — {c.summary}")) for c in cases]

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def log_contact(self) -> QDialog:
        return self._show_dialog(
            LogContactDialog(
                self.ctx, citizen_id=self.citizen_id, cases=self.case_choices(), parent=self
            )
        )

    def open_case(self) -> QDialog:
        dialog = OpenCaseDialog(self.ctx, self.citizen_id, self)
        dialog.saved.connect(lambda result: self.open_case_requested.emit(result[0]))
        return self._show_dialog(dialog)

    def add_identifier(self) -> QDialog:
        return self._show_dialog(IdentifierDialog(self.ctx, self.citizen_id, self))

    def change_identifier(self) -> None:
        """Correct the selected identifier (asks for a contact check first when needed)."""
        self.contact_edit.change()

    def remove_identifier(self) -> None:
        """Remove the selected identifier (asks for a contact check first, then asks)."""
        self.contact_edit.remove()

    def start_note(self) -> QDialog:
        return self._show_dialog(
            NoteDialog(
                self.ctx, citizen_id=self.citizen_id, cases=self.case_choices(False), parent=self
            )
        )

    def check_identity(self) -> None:
        with_assurance(
            self.ctx, self, self.citizen_id, None, lambda: None, self._show_dialog, self._failed
        )

    def record_consent(self) -> QDialog:
        return self._show_dialog(ConsentDialog(self.ctx, self.citizen_id, self))

    def withdraw_consent(self) -> QDialog:
        choices = [
            (c.id, c.purpose + (f" ({c.channel or c.partner})" if c.channel or c.partner else ""))
            for c in (self.snapshot.consents if self.snapshot else ())
            if c.withdrawn_at is None
        ]
        return self._show_dialog(WithdrawConsentDialog(self.ctx, self.citizen_id, choices, self))

    def share_with_partner(self) -> None:
        """Asks for the identity check first when the record lacks it, then the share."""

        def share() -> None:
            self._show_dialog(ShareDialog(self.ctx, self.citizen_id, self))

        with_assurance(
            self.ctx, self, self.citizen_id, "share_with_partner", share, self._show_dialog,
            self._failed,
        )  # fmt: skip

    def _failed(self, error: Exception) -> None:
        if alive(self):
            self.banner.say(failed(self.tr("check this citizen's record"), error))

    def set_marker(self) -> QDialog:
        return self._show_dialog(MarkerDialog(self.ctx, self.citizen_id, self))

    def erase(self) -> QDialog | None:
        """Ask for this citizen's erasure (the dialog names what goes, and asks first)."""
        if self.snapshot is None or not self.ctx.can_supervise:
            return None
        snap = self.snapshot
        contacts = len(snap.timeline)
        return self._show_dialog(
            EraseDialog(self.ctx, self.citizen_id, snap.full_name, len(snap.cases), contacts, self)
        )

    def review_marker(self, marker_id: str, said: str) -> QDialog | None:
        """Still needed (reworded, a new review date), or ended after a question."""
        marker = next(
            (m for m in (self.snapshot.markers if self.snapshot else ()) if m.id == marker_id),
            None,
        )
        if marker is None:  # ended or gone since the header was drawn
            return None
        dialog = MarkerReviewDialog(self.ctx, marker, self)
        dialog.end_requested.connect(lambda: self.end_marker(marker_id, said))
        return self._show_dialog(dialog)

    def end_marker(self, marker_id: str, said: str) -> QMessageBox:
        """Ask before ending a warning; a refusal is shown in the banner."""
        self.dialog = None
        return ask_to_end_marker(
            self.ctx, marker_id, said, self,
            lambda: self.banner.clear_message() if alive(self) else None,
            lambda error: (
                self.banner.say(failed(self.tr("end the warning"), error)) if alive(self) else None
            ),
        )  # fmt: skip

    def export_subject_access(self) -> None:
        """Asks for the identity check first when the record lacks it (everything about the
        person goes to whoever asked), then the export."""
        if not self.ctx.can_supervise:
            return

        def export() -> None:
            self._show_dialog(SarExportDialog(self.ctx, self.citizen_id, self))

        with_assurance(
            self.ctx, self, self.citizen_id, "subject_access_export", export, self._show_dialog,
            self._failed,
        )  # fmt: skip

    def review_duplicates(self) -> QDialog:
        """This record's likely duplicates, scored now: Enter compares a pair side by side."""
        citizen_id = self.snapshot.id if self.snapshot else self.citizen_id
        return self._show_dialog(
            DuplicatesDialog(
                self.ctx,
                lambda s: review.duplicates_of(s, citizen_id),
                self.tr("Possible duplicates"),
                self,
            )
        )

    def undo_merge(self) -> QDialog | None:
        """Undo the merge of the record asked for (when a merged record was opened), else of
        the latest record merged into this one."""
        snap = self.snapshot
        if snap is None or not (snap.asked_for or snap.merged_from):
            self.banner.say(self.tr("No record was merged into this one."))
            return None
        merged = snap.asked_for or snap.merged_from[-1]
        return self._show_dialog(UndoMergeDialog(self.ctx, merge_id_of(merged), self))

    def resolve_conflict(self) -> QDialog | None:
        """The record's own conflict first, else a merge of it made in two places at once."""
        snap = self.snapshot
        if snap is None or not (snap.conflicted or snap.merge_conflicts):
            return None
        doc_id = snap.id if snap.conflicted else snap.merge_conflicts[0]
        return self._show_dialog(ConflictDialog(self.ctx, doc_id, self))
