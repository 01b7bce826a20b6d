"""The cases behind a figure: a list read a page at a time on the database worker (Qt asks for
more as it scrolls), each opened with Enter or a double click like every case list."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.board import CaseFilter, count_cases, list_cases
from caseworker.board.filters import CaseLine
from ui import labels
from ui.board.table import Index
from ui.worker import DbWorker

PAGE = 200
CASE_ID_ROLE = Qt.ItemDataRole.UserRole


class DrillModel(QAbstractTableModel):
    COLUMNS = ("reference", "status", "due", "summary")  # free text last: it may be cut short

    def __init__(self, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._filter: CaseFilter | None = None
        self._rows: list[CaseLine] = []
        self._more = False
        self._loading = False
        self._generation = 0
        self.total: int | None = None

    # -- reading -------------------------------------------------------------------------------
    def show_filter(self, f: CaseFilter, on_counted: Any = None) -> None:
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self._filter, self._rows, self._more, self._loading, self.total = f, [], False, True, None
        self.endResetModel()

        def first(session: Session) -> tuple[int, list[CaseLine]]:
            return count_cases(session, f), list_cases(session, f, limit=PAGE)

        def arrived(result: tuple[int, list[CaseLine]]) -> None:
            if not isValid(self) or generation != self._generation:
                return  # an older question's answer: a newer one is on its way
            self.total = result[0]
            self._append(result[1])
            if on_counted is not None:
                on_counted(self.total)

        self._worker.read(first, arrived)

    def _append(self, lines: list[CaseLine]) -> None:
        self._loading = False
        self._more = len(lines) == PAGE
        if lines:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(lines) - 1)
            self._rows.extend(lines)
            self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._filter is None or not self._rows:
            return
        self._loading = True
        f, after, generation = self._filter, self._rows[-1].rowid, self._generation

        def arrived(lines: list[CaseLine]) -> None:
            if isValid(self) and generation == self._generation:
                self._append(lines)

        self._worker.read(lambda s: list_cases(s, f, after=after, limit=PAGE), arrived)

    # -- the model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        line = self._rows[index.row()]
        if role == CASE_ID_ROLE:
            return line.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = self.COLUMNS[index.column()]
            if column == "reference":
                return labels.shown(line.reference)
            if column == "summary":
                return labels.shown(line.summary)
            if column == "status":
                return labels.status(line.status)
            return labels.date_time_text(line.due_at)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {
            "reference": self.tr("Reference"),
            "summary": self.tr("Summary"),
            "status": self.tr("Status"),
            "due": self.tr("Due"),
        }[self.COLUMNS[section]]

    def case_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None
