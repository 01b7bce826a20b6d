"""The one database thread: every SQL statement the window needs runs here, never on the GUI
(save the as-you-type search's quick first try, ``ui.search.quick``, which falls back to here).

Views submit a function of a Session; the result (or the error) comes back on the GUI thread
through a queued signal. Writes run inside one ``store.write()`` transaction each and, when the
function returns a ChangeSet (or a tuple ending in one), it is published on the change bus so
every open view can decide what to refresh.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from sqlalchemy.orm import Session

from caseworker.services.context import ChangeSet
from caseworker.store.store import Store
from ui.bus import ChangeBus


@dataclass
class _Job:
    fn: Callable[[Session], Any]
    write: bool
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    generation: int = 0


class _Runner(QObject):
    """Lives on the worker thread; runs jobs in submission order."""

    run = Signal(object)
    finished = Signal(object, object, object)  # job, result, error

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self.run.connect(self._execute)

    @Slot(object)
    def _execute(self, job: _Job) -> None:
        try:
            if job.write:
                with self._store.write() as session:
                    result = job.fn(session)
            else:
                with self._store.read() as session:
                    result = job.fn(session)
        except Exception as exc:  # handed to the view, which says what failed in plain words
            self.finished.emit(job, None, exc)
            return
        self.finished.emit(job, result, None)


class _DbThread(QThread):
    def run(self) -> None:
        # The event loop runs inside this Python call, so the thread keeps one Python thread
        # state for its whole life. Without it each job's slot got a fresh one, and with it
        # fresh thread-locals: a new SQLite connection (and cold page cache) for every job,
        # 22 connections and 200 MB after scrolling a long queue.
        self.exec()


class DbWorker(QObject):
    """Owns the database thread. Create one per window; call ``stop()`` when closing."""

    busy_changed = Signal(bool)
    # A ChangeSet written here (a local edit), before the bus publishes it: sync pushes these.
    wrote = Signal(object)

    def __init__(self, store: Store, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.bus = bus
        self._thread = _DbThread()
        self._thread.setObjectName("caseworker-db")
        self._runner = _Runner(store)
        self._runner.moveToThread(self._thread)
        self._runner.finished.connect(self._deliver)
        self._pending = 0
        # The last job answered, kept until the next answer: the database thread may still
        # hold it for a moment after answering, and whichever thread lets go of a job last
        # frees its callbacks, which may hold the only reference to a Qt object. Freed there,
        # the object's destructor would run on the wrong thread. By the next answer that
        # thread has moved on, so the GUI thread always lets go last.
        self._answered: _Job | None = None
        self._thread.start()

    def read(
        self,
        fn: Callable[[Session], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._submit(_Job(fn, False, on_done, on_error))

    def write(
        self,
        fn: Callable[[Session], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._submit(_Job(fn, True, on_done, on_error))

    @property
    def pending(self) -> int:
        return self._pending

    def _submit(self, job: _Job) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._runner.run.emit(job)

    @Slot(object, object, object)
    def _deliver(self, job: _Job, result: Any, error: Exception | None) -> None:
        self._answered = job
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if error is not None:
            if job.on_error is not None:
                job.on_error(error)
            else:
                self.bus.failed.emit(error)
            return
        if job.write:
            changes = result[-1] if isinstance(result, tuple) and result else result
            if isinstance(changes, ChangeSet) and changes.written:
                self.wrote.emit(changes)
                self.bus.changed.emit(changes)
        if job.on_done is not None:
            job.on_done(result)

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._answered = None
