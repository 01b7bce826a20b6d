"""A table of cases (My work, a queue) loaded lazily, a page at a time, through the DbWorker.

``canFetchMore``/``fetchMore`` let the view ask for the next page when it scrolls near the end;
pages are read on the database thread and inserted when they arrive. Every reset (new filter,
new sort) bumps a generation, and answers to an older generation are dropped.
"""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from sqlalchemy.orm import Session

from caseworker.services.context import ChangeSet
from caseworker.timeutil import utcnow
from ui import icons, labels, theme
from ui.bus import ChangeBus
from ui.chips import TONE_ROLE, priority_tone, status_tone
from ui.paged_model import PagedTableModel
from ui.worker import DbWorker
from ui.worklist.query import PAGE_SIZE, CaseRow, Page, WorkFilter, page

Index = QModelIndex | QPersistentModelIndex
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
SLA_STATE_ROLE = Qt.ItemDataRole.UserRole + 1
# What a drag of rows carries: their case ids, one a line (an officers panel takes the drop).
CASE_IDS_MIME = "application/x-caseworker-case-ids"
COLUMNS = ("due", "reference", "summary", "citizen", "service", "status", "priority")
SORTABLE = frozenset({"due", "reference", "summary", "service", "status", "priority"})
_SLA_COLOURS = {"due_soon": "amber", "overdue": "red", "breached": "red", "ok": "ok", "met": "ok"}


class CaseListModel(PagedTableModel):
    COLUMNS = COLUMNS  # the column keys, as the record views' models give theirs

    at_risk_changed = Signal(int)  # how many of the listed cases breach by the end of today

    def __init__(
        self, worker: DbWorker, bus: ChangeBus, parent: QObject | None = None, page_size: int = 0
    ) -> None:
        super().__init__(worker, bus, page_size or PAGE_SIZE, parent)
        self._filter: WorkFilter | None = None
        self._sort = "due"
        self._descending = False
        self._at_risk = 0
        self._now = utcnow()
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()

    # -- what to show -------------------------------------------------------------------------
    @property
    def filter(self) -> WorkFilter | None:
        return self._filter

    @property
    def at_risk(self) -> int:
        return self._at_risk

    def set_filter(self, wanted: WorkFilter) -> None:
        self._filter = wanted
        self._restart()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column] not in SORTABLE:
            return
        self._sort = COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._filter is not None:
            self._restart()

    def sort_column(self) -> int:
        return COLUMNS.index(self._sort)

    def case_id(self, row: int) -> str:
        case_id: str = self._rows[row].id
        return case_id

    # -- loading ------------------------------------------------------------------------------
    def _ready(self) -> bool:
        return self._filter is not None

    def _reader(self, after: Any | None, limit: int, first: bool) -> Callable[[Session], Page]:
        assert self._filter is not None
        wanted, sort, descending = self._filter, self._sort, self._descending
        return lambda session: page(
            session, wanted, sort, descending, after, limit, with_total=first
        )

    def _concerns(self, changes: ChangeSet) -> bool:
        return self._filter is not None and bool(changes.ids_of("case"))

    def _arriving(self) -> None:
        self._now = utcnow()  # the time left on each row is counted from the answer

    def _took(self, answer: Page) -> None:
        if answer.at_risk is not None and answer.at_risk != self._at_risk:
            self._at_risk = answer.at_risk
            self.at_risk_changed.emit(self._at_risk)

    def _on_tick(self) -> None:
        self._now = utcnow()
        if self._rows:
            column = COLUMNS.index("due")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    # -- Qt item model ------------------------------------------------------------------------
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
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [CASE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        ids = "\n".join(self.case_id(r) for r in rows)
        data.setData(CASE_IDS_MIME, ids.encode("utf-8"))
        return data
