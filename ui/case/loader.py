"""Loading a record view's snapshot on the database thread, one job at a time.

A view asks for a full reload, or for a check of some written documents ("reload if any of
these is mine"). While a job runs, further requests are folded into one follow-up job, so a
burst of changes (a sync batch, say) costs each open view at most two reads, not one per change.
"""

from collections.abc import Callable
from time import perf_counter
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from ui.dialogs.shared import alive
from ui.worker import DbWorker

Load = Callable[[Session], Any]
LoadIfConcerned = Callable[[Session, set[str]], Any]


class SnapshotLoader(QObject):
    arrived = Signal(object)  # a fresh snapshot
    failed = Signal(object)  # the exception of a failed read

    def __init__(
        self,
        worker: DbWorker,
        load: Load,
        load_if_concerned: LoadIfConcerned,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._load = load
        self._load_if = load_if_concerned
        self._busy = False
        self._want_full = False
        self._want_ids: set[str] = set()
        self.data_ms = 0.0  # how long the last read took on the database thread

    @property
    def busy(self) -> bool:
        return self._busy

    def reload(self) -> None:
        self._want_full = True
        self._next()

    def check(self, doc_ids: set[str]) -> None:
        """Reload if any of these written documents belongs to the record."""
        self._want_ids |= doc_ids
        self._next()

    def _next(self) -> None:
        if self._busy or not (self._want_full or self._want_ids):
            return
        full, ids = self._want_full, set(self._want_ids)
        self._want_full, self._want_ids = False, set()
        load, load_if = self._load, self._load_if

        def read(session: Session) -> tuple[Any, float]:
            start = perf_counter()
            result = load(session) if full else load_if(session, ids)
            return result, (perf_counter() - start) * 1000

        self._busy = True
        self._worker.read(read, self._done, self._fail)

    def _done(self, result: tuple[Any, float]) -> None:
        if not alive(self):
            return
        self._busy = False
        snapshot, self.data_ms = result
        if snapshot is not None and not self._want_full:  # a newer full read is coming anyway
            self.arrived.emit(snapshot)
        self._next()

    def _fail(self, error: Exception) -> None:
        if not alive(self):
            return
        self._busy = False
        self.failed.emit(error)
        self._next()
