"""A table of cases (My work, a queue) loaded lazily, a page at a time, through the DbWorker.

``canFetchMore``/``fetchMore`` let the view ask for the next page when it scrolls near the end;
pages are read on the database thread and inserted when they arrive. Every reset (new filter,
new sort) bumps a generation, and answers to an older generation are dropped.
"""

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.services.context import ChangeSet
from caseworker.timeutil import utcnow
from ui import icons, labels, theme
from ui.bus import ChangeBus
from ui.chips import TONE_ROLE, priority_tone, status_tone
from ui.worker import DbWorker
from ui.worklist.query import PAGE_SIZE, CaseRow, Page, WorkFilter, page

Index = QModelIndex | QPersistentModelIndex
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
SLA_STATE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("due", "reference", "summary", "citizen", "service", "status", "priority")
SORTABLE = frozenset({"due", "reference", "summary", "service", "status", "priority"})
_SLA_COLOURS = {"due_soon": "amber", "overdue": "red", "breached": "red", "ok": "ok", "met": "ok"}


class CaseListModel(QAbstractTableModel):
    COLUMNS = COLUMNS  # the column keys, as the record views' models give theirs

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    at_risk_changed = Signal(int)  # how many of the listed cases breach by the end of today
    page_loaded = Signal(int)  # rows now loaded
    failed = Signal(str)

    def __init__(
        self, worker: DbWorker, bus: ChangeBus, parent: QObject | None = None, page_size: int = 0
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._page_size = page_size or PAGE_SIZE
        self._filter: WorkFilter | None = None
        self._sort = "due"
        self._descending = False
        self._rows: list[CaseRow] = []
        self._has_more = False
        self._fetching = False
        self._generation = 0
        self._total = 0
        self._at_risk = 0
        self._now = utcnow()
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh)
        bus.changed.connect(self._on_changed)

    # -- what to show -------------------------------------------------------------------------
    @property
    def filter(self) -> WorkFilter | None:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    @property
    def at_risk(self) -> int:
        return self._at_risk

    @property
    def loading(self) -> bool:
        return self._fetching

    def set_filter(self, wanted: WorkFilter) -> None:
        self._filter = wanted
        self._reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column] not in SORTABLE:
            return
        self._sort = COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._filter is not None:
            self._reload()

    def sort_column(self) -> int:
        return COLUMNS.index(self._sort)

    def case_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, case_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), -1)

    # -- loading ------------------------------------------------------------------------------
    def _reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self.endResetModel()
        self._load(after=None, limit=self._page_size, replace=False)

    def refresh(self) -> None:
        """Re-read what is loaded (after a change), keeping the list where it was."""
        if self._filter is None:
            return
        self._generation += 1
        self._load(after=None, limit=max(len(self._rows), self._page_size), replace=True)

    def _load(self, after: tuple[Any, int] | None, limit: int, replace: bool) -> None:
        assert self._filter is not None
        wanted, sort, descending = self._filter, self._sort, self._descending
        generation = self._generation
        first = after is None

        def read(session: Session) -> Page:
            return page(session, wanted, sort, descending, after, limit, with_total=first)

        self._set_fetching(True)
        self._worker.read(
            read,
            lambda result: self._arrived(generation, result, replace),
            lambda error: self._load_failed(generation, error),
        )

    def _arrived(self, generation: int, result: Page, replace: bool) -> None:
        if not isValid(self) or generation != self._generation:
            return  # an answer to a question nobody is asking any more
        # Still "fetching" while rows go in: views and testers that react to the insertion
        # must not ask for the next page from a key that is about to move.
        self._now = utcnow()
        if replace:
            if [r.id for r in result.rows] == [r.id for r in self._rows]:
                self._rows = result.rows
                if self._rows:
                    last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
                    self.dataChanged.emit(self.index(0, 0), last)
            else:
                self.beginResetModel()
                self._rows = result.rows
                self.endResetModel()
        elif result.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(result.rows) - 1)
            self._rows.extend(result.rows)
            self.endInsertRows()
        self._has_more = result.has_more
        if result.total is not None and result.total != self._total:
            self._total = result.total
            self.total_changed.emit(self._total)
        if result.at_risk is not None and result.at_risk != self._at_risk:
            self._at_risk = result.at_risk
            self.at_risk_changed.emit(self._at_risk)
        self._set_fetching(False)
        self.page_loaded.emit(len(self._rows))

    def _load_failed(self, generation: int, error: Exception) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._set_fetching(False)
        self.failed.emit(str(error))

    def _set_fetching(self, value: bool) -> None:
        if value != self._fetching:
            self._fetching = value
            self.loading_changed.emit(value)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if self.canFetchMore(parent) and self._rows:
            self._load(after=self._rows[-1].key, limit=self._page_size, replace=False)

    def _on_changed(self, changes: ChangeSet) -> None:
        if self._filter is not None and changes.ids_of("case"):
            self._refresh_timer.start()

    def _on_tick(self) -> None:
        self._now = utcnow()
        if self._rows:
            column = COLUMNS.index("due")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    # -- Qt item model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # Summaries and names are synced text: controls shown, never obeyed.
            return labels.shown(self._text(row, column, role == Qt.ItemDataRole.AccessibleTextRole))
        if role == CASE_ID_ROLE:
            return row.id
        if role == SLA_STATE_ROLE:
            return self._countdown(row)[1]
        if role == TONE_ROLE and column in ("status", "priority"):
            return status_tone(row.status) if column == "status" else priority_tone(row.priority)
        if column == "due" and role == Qt.ItemDataRole.ForegroundRole:
            return theme.colour(_SLA_COLOURS[self._countdown(row)[1]])
        if column == "due" and role == Qt.ItemDataRole.FontRole:
            if self._countdown(row)[1] in ("overdue", "breached"):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if column == "reference" and role == Qt.ItemDataRole.DecorationRole and row.conflicted:
            return icons.icon("conflict", "red")
        if column == "reference" and role == Qt.ItemDataRole.DecorationRole and row.escalated:
            return icons.icon("escalated", "amber")
        return None

    def _countdown(self, row: CaseRow) -> tuple[str, str]:
        return labels.countdown(
            row.due_at, self._now, row.status, opened_at=row.opened_at, finished_at=row.finished_at
        )

    def _text(self, row: CaseRow, column: str, spoken: bool) -> str:
        if column == "due":
            text, state = self._countdown(row)
            return f"{labels.sla(state)}: {text}" if spoken else text
        if column == "status":
            return labels.status(row.status)
        if column == "priority":
            return labels.priority(row.priority)
        if column == "reference" and spoken and row.conflicted:
            return self.tr("%1, has conflicting changes").replace("%1", row.reference)
        if column == "reference" and spoken and row.escalated:
            return self.tr("%1, escalated").replace("%1", row.reference)
        return str(getattr(row, column))

    def _tooltip(self, row: CaseRow, column: str) -> str | None:
        if column == "due":
            return (
                self.tr("Due %1 (%2)")
                .replace("%1", labels.date_time_text(row.due_at))
                .replace("%2", labels.sla(self._countdown(row)[1]))
            )
        if column == "reference" and row.conflicted:
            return self.tr("This case has conflicting changes; open it to resolve them.")
        if column == "reference" and row.escalated:
            return self.tr("Escalated: its history says by which rule and what was done.")
        if column == "summary":
            return labels.shown(row.summary, lines=True)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] in SORTABLE:
            return self.tr('Sort by this column: click here, or choose it in "Sort by" (Alt+O)')
        return None

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Due"),
            self.tr("Reference"),
            self.tr("Summary"),
            self.tr("Citizen"),
            self.tr("Service"),
            self.tr("Status"),
            self.tr("Priority"),
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
