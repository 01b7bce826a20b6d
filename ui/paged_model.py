"""A table read a page at a time on the database worker as the view scrolls: the lists of cases
(My work, a queue) and of mentions share it.

``canFetchMore``/``fetchMore`` let the view ask for the next page when it scrolls near the end;
pages are read on the database thread and inserted when they arrive. Every restart (a new
filter, a new sort) bumps a generation, and answers to an older one are dropped. A change on
the bus that concerns the list re-reads what is loaded, a moment later (one read for a burst
of changes), keeping the list where it was.

A subclass says how to read a page (``_reader``), whether it has anything to list yet
(``_ready``), which changes concern it (``_concerns``), and what else an answer carries
(``_took``); the rows it lists have an ``id`` and a ``key`` (where the next page starts).
"""

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.services.context import ChangeSet
from ui.bus import ChangeBus
from ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
REFRESH_MS = 120  # a burst of changes (a pull) is read once


class PagedRow(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def key(self) -> Any: ...


class PageAnswer(Protocol):
    @property
    def rows(self) -> Any: ...  # a list of PagedRow

    @property
    def total(self) -> int | None: ...  # counted with the first page only

    @property
    def has_more(self) -> bool: ...


class PagedTableModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    page_loaded = Signal(int)  # rows now loaded
    failed = Signal(str)

    def __init__(
        self, worker: DbWorker, bus: ChangeBus, page_size: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._page_size = page_size
        self._rows: list[Any] = []
        self._has_more = False
        self._fetching = False
        self._generation = 0
        self._total = 0
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        bus.changed.connect(self._on_changed)

    # -- what a subclass says -----------------------------------------------------------------
    def _reader(
        self, after: Any | None, limit: int, first: bool
    ) -> Callable[[Session], PageAnswer]:
        raise NotImplementedError

    def _ready(self) -> bool:
        """Whether there is a list to read (a filter chosen, a state shown)."""
        raise NotImplementedError

    def _concerns(self, changes: ChangeSet) -> bool:
        raise NotImplementedError

    def _took(self, answer: Any) -> None:
        """What else an answer carries, once its rows are in."""

    def _arriving(self) -> None:
        """Just before an answer's rows go in."""

    # -- state --------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self._fetching

    def row_of(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    # -- loading ------------------------------------------------------------------------------
    def _restart(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self.endResetModel()
        self._load(after=None, limit=self._page_size, replace=False)

    def refresh(self) -> None:
        """Re-read what is loaded (after a change), keeping the list where it was."""
        if not self._ready():
            return
        self._generation += 1
        self._load(after=None, limit=max(len(self._rows), self._page_size), replace=True)

    def _load(self, after: Any | None, limit: int, replace: bool) -> None:
        generation = self._generation
        read = self._reader(after, limit, after is None)
        self._set_fetching(True)
        self._worker.read(
            read,
            lambda result: self._arrived(generation, result, replace),
            lambda error: self._load_failed(generation, error),
        )

    def _arrived(self, generation: int, result: PageAnswer, replace: bool) -> None:
        if not isValid(self) or generation != self._generation:
            return  # an answer to a question nobody is asking any more
        # Still "fetching" while rows go in: views and testers that react to the insertion
        # must not ask for the next page from a key that is about to move.
        self._arriving()
        rows = list(result.rows)
        if replace:
            if [r.id for r in rows] == [r.id for r in self._rows]:
                self._rows = rows
                if self._rows:
                    last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
                    self.dataChanged.emit(self.index(0, 0), last)
            else:
                self.beginResetModel()
                self._rows = rows
                self.endResetModel()
        elif rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._has_more = result.has_more
        if result.total is not None and result.total != self._total:
            self._total = result.total
            self.total_changed.emit(self._total)
        self._took(result)
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

    def _on_changed(self, changes: ChangeSet) -> None:
        if self._concerns(changes):
            self._refresh_timer.start()

    # -- Qt item model ------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if self.canFetchMore(parent) and self._rows:
            self._load(after=self._rows[-1].key, limit=self._page_size, replace=False)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)
