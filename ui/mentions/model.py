"""The mentions inbox's list: mentions of one triage state, newest first, loaded a page at a
time on the database worker (``mentions.inbox.page``) as the view scrolls. Every new filter
bumps a generation, and answers to an older one are dropped; a change of any mention (a local
triage, a pull) re-reads what is loaded."""

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from caseworker.mentions.inbox import PAGE_SIZE, MentionRow, Page, page
from caseworker.services.context import ChangeSet
from ui import labels
from ui.bus import ChangeBus
from ui.mentions.words import state_text
from ui.paged_model import PagedTableModel
from ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
MENTION_ID_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("published", "author", "text", "state")
_LEADING_ACCOUNTS = re.compile(r"^(?:@\S+\s+)+")
LIST_TEXT = 160  # characters of a post in its cell (the view elides what does not fit)


class MentionListModel(PagedTableModel):
    COLUMNS = COLUMNS  # the column keys, as the other lists' models give theirs

    def __init__(
        self, worker: DbWorker, bus: ChangeBus, parent: QObject | None = None, page_size: int = 0
    ) -> None:
        super().__init__(worker, bus, page_size or PAGE_SIZE, parent)
        self._state: str | None = "new"
        self._started = False

    @property
    def state(self) -> str | None:
        return self._state

    def row(self, number: int) -> MentionRow:
        row: MentionRow = self._rows[number]
        return row

    def show_state(self, state: str | None) -> None:
        """List the mentions in ``state`` (None: every state)."""
        self._state = state
        self._started = True
        self._restart()

    def _ready(self) -> bool:
        return self._started

    def _reader(self, after: Any | None, limit: int, first: bool) -> Callable[[Session], Page]:
        state = self._state
        return lambda session: page(session, state, after, limit, with_total=first)

    def _concerns(self, changes: ChangeSet) -> bool:
        return bool(changes.ids_of("mention"))

    # -- Qt item model ------------------------------------------------------------------------
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
