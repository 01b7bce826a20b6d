"""A read-only Qt table of immutable snapshot rows; subclasses say what each column shows.

Every table in the citizen and case views is one of these: rows are replaced wholesale when a
fresh snapshot arrives, so the model never reaches back into the database.
"""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.labels import shown

Index = QModelIndex | QPersistentModelIndex
ROW_ID_ROLE = Qt.ItemDataRole.UserRole
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class SnapshotTableModel(QAbstractTableModel):
    """Subclasses set ``COLUMNS`` and implement ``headers()`` and ``text()``."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Any] = ()

    # -- what subclasses provide --------------------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def text(self, row: Any, column: str) -> str:
        raise NotImplementedError

    def spoken(self, row: Any, column: str) -> str:
        """What a screen reader says for a cell; the shown text unless a subclass says more."""
        return self.text(row, column)

    def decoration(self, row: Any, column: str) -> Any:
        return None

    def tooltip(self, row: Any, column: str) -> str | None:
        return None

    def extra(self, row: Any, column: str, role: int) -> Any:
        return None

    def row_id(self, row: Any) -> str | None:
        value = getattr(row, "id", None)
        return value if isinstance(value, str) else None

    # -- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> Sequence[Any]:
        return self._rows

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    # -- Qt item model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        # Cells hold synced text: shown with its controls visible (``labels.shown``).
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(self.text(row, column))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return shown(self.spoken(row, column))
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tooltip(row, column)
            return None if tip is None else shown(tip, lines=True)
        if role == ROW_ID_ROLE:
            return self.row_id(row)
        return self.extra(row, column, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ITEM_FLAGS
