"""The mentions inbox's list: mentions of one triage state, newest first, loaded a page at a
time on the database worker (``mentions.inbox.page``) as the view scrolls. Every new filter
bumps a generation, and answers to an older one are dropped; a change of any mention (a local
triage, a pull) re-reads what is loaded."""

import re
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
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.mentions.inbox import PAGE_SIZE, MentionRow, Page, page
from caseworker.services.context import ChangeSet
from ui import labels
from ui.bus import ChangeBus
from ui.mentions.words import state_text
from ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
MENTION_ID_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("published", "author", "text", "state")
_LEADING_ACCOUNTS = re.compile(r"^(?:@\S+\s+)+")
LIST_TEXT = 160  # characters of a post in its cell (the view elides what does not fit)


class MentionListModel(QAbstractTableModel):
    COLUMNS = COLUMNS  # the column keys, as the other lists' models give theirs

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    page_loaded = Signal(int)  # rows now loaded
    failed = Signal(str)

    def __init__(
        self, worker: DbWorker, bus: ChangeBus, parent: QObject | None = None, page_size: int = 0
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._page_size = page_size or PAGE_SIZE
        self._state: str | None = "new"
        self._started = False
        self._rows: list[MentionRow] = []
        self._has_more = False
        self._fetching = False
        self._generation = 0
        self._total = 0
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh)
        bus.changed.connect(self._on_changed)

    @property
    def state(self) -> str | None:
        return self._state

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self._fetching

    def row(self, number: int) -> MentionRow:
        return self._rows[number]

    def row_of(self, mention_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == mention_id), -1)

    def show_state(self, state: str | None) -> None:
        """List the mentions in ``state`` (None: every state)."""
        self._state = state
        self._started = True
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self.endResetModel()
        self._load(after=None, limit=self._page_size, replace=False)

    def refresh(self) -> None:
        """Re-read what is loaded, keeping the list where it was."""
        if not self._started:
            return
        self._generation += 1
        self._load(after=None, limit=max(len(self._rows), self._page_size), replace=True)

    def _load(self, after: tuple[Any, int] | None, limit: int, replace: bool) -> None:
        state, generation, first = self._state, self._generation, after is None

        def read(session: Session) -> Page:
            return page(session, state, after, limit, with_total=first)

        self._set_fetching(True)
        self._worker.read(
            read,
            lambda result: self._arrived(generation, result, replace),
            lambda error: self._load_failed(generation, error),
        )

    def _arrived(self, generation: int, result: Page, replace: bool) -> None:
        if not isValid(self) or generation != self._generation:
            return  # an answer to a question nobody is asking any more
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
        if changes.ids_of("mention"):
            self._refresh_timer.start()

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
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("text", "author"):
            return self._text(row, column, whole=True)
        if role == MENTION_ID_ROLE:
            return row.id
        if role == STATE_ROLE:
            return row.state
        return None

    def _text(self, row: MentionRow, column: str, whole: bool = False) -> str:
        if column == "published":
            return labels.date_time_text(row.published_at)
        if column == "state":
            return state_text(row.state)
        if column == "author":
            name = labels.shown(row.author_name or "")
            handle = labels.shown(row.author_handle)
            return f"{name} {handle}" if name and whole else (name or handle)
        if row.deleted:
            return self.tr("(deleted at its source)")
        # Posts are written by anyone on the internet: controls and bidi overrides shown,
        # never obeyed, and one line in a cell.
        text = " ".join(row.text.split())
        if not whole:  # every post starts by naming the council: the list shows what it says
            text = _LEADING_ACCOUNTS.sub("", text)[:LIST_TEXT]
        return labels.shown(text)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Posted"), self.tr("From"), self.tr("Post"), self.tr("State"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
