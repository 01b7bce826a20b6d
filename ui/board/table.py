"""A figure as a table (the chart's numbers, for anyone who prefers or needs text): one row per
category, one column per measure."""

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from caseworker.board import CaseFilter
from ui.board.shapes import Shape

Index = QModelIndex | QPersistentModelIndex


class FigureTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shape: Shape | None = None

    def show_shape(self, shape: Shape) -> None:
        self.beginResetModel()
        self.shape = shape
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.shape is None else len(self.shape.categories)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.shape is None else 1 + len(self.shape.series)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        shape = self.shape
        if shape is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return shape.categories[row]
            return shape.series[column - 1].text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            self.shape is None
            or orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
        ):
            return None
        if section == 0:
            return self.shape.category_name
        if 0 < section <= len(self.shape.series):
            return self.shape.series[section - 1].name
        return None

    def filter_at(self, index: QModelIndex) -> tuple[CaseFilter | None, str]:
        """The cases behind a cell (a row's first measure for its name), and words for them."""
        if self.shape is None or not index.isValid():
            return None, ""
        series = self.shape.series[max(0, index.column() - 1)]
        row = index.row()
        return series.filters[
            row
        ], f"{self.shape.categories[row]}: {series.name} {series.text(row)}"
