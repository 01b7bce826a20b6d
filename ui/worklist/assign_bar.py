"""The supervisor's assignment controls under a queue's case list.

Select many cases (Shift/Ctrl+click, Shift+Down, Ctrl+A), then "Assign to…" (Alt+A),
"Spread evenly…" (Alt+E), or drag them onto an officer in the officers panel beside the list
(or choose an officer there and press Enter). What was done is said here, with Undo (Ctrl+Z)
for 30 seconds: it puts back each case's assignee unless the case changed since.
"""

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from caseworker.services import assignment
from caseworker.services.context import ChangeSet
from caseworker.services.undo import UNDO_SECONDS
from ui.context import UiContext
from ui.dialogs.shared import alive, plain_error
from ui.worklist.assign_dialog import AssignDialog
from ui.worklist.officers_panel import OfficersPanel
from ui.worklist.view import WorkListView


class AssignBar(QWidget):
    def __init__(
        self, ctx: UiContext, view: WorkListView, queue_box: QComboBox, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loads_stale = False  # set when a refresh was skipped while hidden
        self._view = view
        self._queue_box = queue_box
        self._done: assignment.Outcome | None = None
        self.dialog: AssignDialog | None = None
        view.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.table.setDragEnabled(True)
        view.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        # Beside the list (the page lays it out): drop cases on an officer, or Enter on one.
        self.officers = OfficersPanel(ctx, self.selected_ids, parent)
        self.officers.assign_requested.connect(self.assign_to)
        view.table.setAccessibleDescription(
            self.tr(
                "Cases, soonest due first. Shift+Down and Ctrl+A select several; Enter opens "
                "the current case."
            )
        )
        self.selected_label = QLabel()
        self.selected_label.setAccessibleName(self.tr("Cases selected"))
        self.assign_button = QPushButton(self.tr("&Assign to…"))
        self.assign_button.setAccessibleName(self.tr("Assign the selected cases (Alt+A)"))
        self.assign_button.setAccessibleDescription(
            self.tr("Gives every selected case to one officer.")
        )
        self.spread_button = QPushButton(self.tr("Spread &evenly…"))
        self.spread_button.setAccessibleName(self.tr("Spread the selected cases (Alt+E)"))
        self.spread_button.setAccessibleDescription(
            self.tr("Shares the selected cases among the officers you tick, evening out loads.")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What the last assignment did"))
        self.undo_button = QPushButton(self.tr("&Undo (Ctrl+Z)"))
        self.undo_button.setAccessibleName(self.tr("Undo the assignment (Ctrl+Z)"))
        self.undo_button.setAccessibleDescription(
            self.tr("Puts back who had each case, unless it has changed since.")
        )
        self.undo_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(9, 0, 9, 6)  # in line with the list above
        row.addWidget(self.selected_label)
        row.addWidget(self.assign_button)
        row.addWidget(self.spread_button)
        row.addWidget(self.message, 1)
        row.addWidget(self.undo_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_SECONDS * 1000)
        self.timer.timeout.connect(self._withdraw)
        undo = QShortcut(QKeySequence.StandardKey.Undo, parent)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self.assign_button.clicked.connect(lambda: self.open_dialog(spread=False))
        self.spread_button.clicked.connect(lambda: self.open_dialog(spread=True))
        self.undo_button.clicked.connect(self.undo)
        queue_box.currentIndexChanged.connect(self.refresh_officers)
        ctx.bus.changed.connect(self._on_changed)
        view.model.modelReset.connect(self._on_selection)
        view.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._on_selection()

    def refresh_officers(self, *_: Any) -> None:
        if not self.officers.isVisible():
            # A hidden page (another page or a record in front) reads its loads when shown:
            # a sync batch must not cost a read of every officer's load each time.
            self._loads_stale = True
            return
        self._loads_stale = False
        queue_id = self._queue_box.currentData()
        self.officers.show_queue(str(queue_id) if queue_id else None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loads_stale:
            QTimer.singleShot(0, self, self.refresh_officers)  # once the panel is shown too

    def _on_changed(self, changes: ChangeSet) -> None:
        if alive(self) and (changes.ids_of("case") or changes.ids_of("staff")):
            self.refresh_officers()

    def assign_to(self, staff_id: str, case_ids: list[str]) -> None:
        """Give ``case_ids`` to one officer (a drop on the panel, or Enter there)."""
        actor = self._ctx.actor

        def job(session: Session) -> Any:
            outcome = assignment.assign_many(session, actor, case_ids, staff_id)
            return outcome, outcome.changes

        self._ctx.worker.write(job, self._saved, self._undo_failed)

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self._view.table.selectionModel().selectedRows())
        return [self._view.model.case_id(r) for r in rows]

    def _on_selection(self, *_: Any) -> None:
        n = len(self.selected_ids())
        self.selected_label.setText(self.tr("%n selected", "", n))
        self.assign_button.setEnabled(n > 0)
        self.spread_button.setEnabled(n > 0)

    def open_dialog(self, *, spread: bool) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        queue_id = self._queue_box.currentData()
        self.dialog = AssignDialog(
            self._ctx, ids, spread=spread, queue_id=str(queue_id) if queue_id else None,
            parent=self,
        )  # fmt: skip
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(self.dialog.deleteLater)  # one per gesture: none kept
        self.dialog.open()

    def _saved(self, result: Any) -> None:
        if not alive(self):
            return
        outcome: assignment.Outcome = result[0]
        left = len(result[1].left) if len(result) > 2 else 0
        self._say(outcome, left)
        self._done = outcome if outcome.moved else None
        self.undo_button.setVisible(self._done is not None)
        self.undo_button.setEnabled(True)
        if self._done is not None:
            self.timer.start()

    def _say(self, outcome: assignment.Outcome, left: int = 0) -> None:
        parts = [self.tr("%n case(s) assigned.", "", len(outcome.moved))]
        if outcome.skipped:
            parts.append(self.tr("%n not assigned (closed or changed).", "", len(outcome.skipped)))
        if left:
            parts.append(self.tr("%n left: every officer chosen is away or full.", "", left))
        self.message.setText(" ".join(parts))

    def undo(self) -> None:
        done = self._done
        if done is None or not self.undo_button.isVisible():
            return
        self.undo_button.setEnabled(False)
        actor = self._ctx.actor

        def job(session: Session) -> Any:
            outcome = assignment.undo(session, actor, done)
            return outcome, outcome.changes

        self._ctx.worker.write(job, self._undone, self._undo_failed)

    def _undone(self, result: Any) -> None:
        if not alive(self):
            return
        outcome: assignment.Outcome = result[0]
        text = self.tr("Undone: %n case(s) put back.", "", len(outcome.moved))
        if outcome.skipped:
            text += " " + self.tr("%n changed since, left as they are.", "", len(outcome.skipped))
        self.message.setText(text)
        self._withdraw()

    def _undo_failed(self, error: Exception) -> None:
        if alive(self):
            self.message.setText(plain_error(error))
            self._withdraw()

    def _withdraw(self) -> None:
        self.timer.stop()
        self._done = None
        self.undo_button.hide()
