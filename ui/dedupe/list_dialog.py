"""The likely duplicates to review, most likely first: the last scan's (the window's Duplicates
list) or one citizen's, scored now (from their record). Enter opens the pair side by side;
once decided, the list is read again (a merged or "not the same" pair leaves it)."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from caseworker.dedupe.review import Candidate
from ui import labels
from ui.case.widgets import make_table, stretch_column
from ui.context import UiContext
from ui.dedupe.reasons import reasons_text
from ui.dedupe.review_dialog import DuplicateReviewDialog
from ui.dialogs.shared import alive, plain_error

Index = QModelIndex | QPersistentModelIndex
Load = Callable[[Session], list[Candidate]]


class DuplicatesModel(QAbstractTableModel):
    """Score, the two names, and the reasons, one pair a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Candidate] = []
        self.headers = [self.tr("Likely"), self.tr("One record"), self.tr("Other"), self.tr("Why")]

    def set_rows(self, rows: list[Candidate]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        c = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return f"{c.score:.0%}"
        if column == 1:
            return labels.shown(c.first_name)
        if column == 2:
            return labels.shown(c.second_name)
        if column == 3:
            return reasons_text(c.reasons, 3)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


class DuplicatesDialog(QDialog):
    def __init__(
        self, ctx: UiContext, load: Load, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.load = load
        self.review: DuplicateReviewDialog | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(900, 480)
        self.status = QLabel(self.tr("Reading…"))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("How many to review"))
        self.model = DuplicatesModel(self)
        self.table = make_table(
            self.model,
            self.tr("Likely duplicates"),
            self.tr("Pairs of records that may be one person. Enter: compare them side by side."),
        )
        stretch_column(self.table, 3)
        self.table.activated.connect(lambda index: self.open_pair(index.row()))
        QShortcut(QKeySequence("Return"), self.table, self._open_current)
        QShortcut(QKeySequence("Enter"), self.table, self._open_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()
        self.reload()

    def reload(self) -> None:
        self.ctx.worker.read(self.load, self._arrived, self._failed)

    def _arrived(self, rows: list[Candidate]) -> None:
        if not alive(self):
            return
        self.model.set_rows(rows)
        self.status.setText(
            self.tr("%n pair(s) to review. Enter: compare side by side.", "", len(rows))
            if rows
            else self.tr("No likely duplicates to review.")
        )
        if rows:
            self.table.selectRow(0)

    def _failed(self, error: Exception) -> None:
        if alive(self):
            self.status.setText(plain_error(error))

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_pair(index.row())

    def open_pair(self, row: int) -> DuplicateReviewDialog | None:
        if not 0 <= row < len(self.model.rows):
            return None
        pair = self.model.rows[row]
        dialog = DuplicateReviewDialog(self.ctx, pair.first_id, pair.second_id, self)
        dialog.decided.connect(lambda outcome: self.reload() if outcome != "skipped" else None)
        dialog.finished.connect(dialog.deleteLater)
        self.review = dialog
        dialog.open()
        return dialog
