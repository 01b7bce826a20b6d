"""A read on the GUI thread itself, under a hard time budget, for the as-you-type search.

Handing each keystroke's search to the database thread and back costs more than the search:
the answer waits in the GUI's event queue and for the interpreter lock (p95 5-9 ms against a
2 ms search). So the search first runs here, on a read connection of its own, inside one read
transaction. SQLite's progress handler looks at the clock every few thousand steps and
interrupts the query once the budget is spent; then, and on any error, the caller hands the
same search to the database worker as before. The GUI is never kept longer than the budget
(plus one Python step between statements).

The connection is opened on a thread of its own, never on the GUI thread: opening an encrypted
store derives its key (200-270 ms). Until it is open, searches go to the worker.

In WAL mode a reader never waits for the writer (live sync writes while the agent types); the
few cases where it would (a connection holding the file exclusively, recovery after a crash)
are not waited out here: the busy timeout is 0 on this connection, so they fail at once and go
to the worker, which may wait.
"""

import threading
from collections.abc import Callable, Iterable, Sequence
from time import perf_counter
from typing import Any, TypeVar

from caseworker.services.search import Execute
from caseworker.store.store import Store

T = TypeVar("T")
BUDGET_MS = 6.0  # the longest the GUI may be kept by one search (a frame is 16.7 ms)
CHECK_EVERY = 2000  # SQLite VM steps between looks at the clock (some tens of microseconds)


class GuiReader:
    """Runs plain-SQL reads on the calling (GUI) thread if they finish within ``budget_ms``."""

    def __init__(
        self, store: Store, budget_ms: float = BUDGET_MS, check_every: int = CHECK_EVERY
    ) -> None:
        self.store = store
        self.budget_ms = budget_ms
        self.check_every = check_every
        self.answered = 0  # reads that finished here
        self.handed_on = 0  # reads not run here, out of budget or failed (the worker runs them)
        self._conn: Any = None  # the DB-API connection, once the opening thread has made it
        self._opening: threading.Thread | None = None

    def open(self) -> threading.Thread:
        """Start opening the connection off the GUI thread (once); the thread doing it."""
        if self._opening is None:
            self._opening = threading.Thread(
                target=self._open, name="caseworker-search-connection", daemon=True
            )
            self._opening.start()
        return self._opening

    def _open(self) -> None:
        try:
            # A pooled reader of this (short-lived) thread, kept open by the pool until the
            # store closes; used from the GUI thread only from now on (connections are made
            # with check_same_thread off).
            with self.store.read() as session:
                conn = session.connection().connection.dbapi_connection
                assert conn is not None
                conn.execute("PRAGMA busy_timeout=0").fetchall()
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()  # the key, now
        except Exception:  # no quick path, then: every search goes to the worker, as before
            return
        self._conn = conn

    @property
    def ready(self) -> bool:
        return self._conn is not None

    def run(self, fn: Callable[[Execute], T]) -> tuple[bool, T | None]:
        """(True, the result) when ``fn`` finished within the budget; (False, None) when the
        connection is not open yet, or ``fn`` was interrupted or failed in any way: the caller
        then asks the database worker."""
        conn = self._conn
        if conn is None:
            self.open()
            self.handed_on += 1
            return False, None
        deadline = perf_counter() + self.budget_ms / 1000

        def spent() -> int:
            return 1 if perf_counter() > deadline else 0  # non-zero interrupts the query

        def execute(sql: str, params: Sequence[Any]) -> Iterable[Sequence[Any]]:
            rows: list[Sequence[Any]] = conn.execute(sql, tuple(params)).fetchall()
            return rows

        try:
            conn.set_progress_handler(spent, self.check_every)
            conn.execute("BEGIN")  # one snapshot for every statement of the search
            try:
                result = fn(execute)
            finally:
                conn.set_progress_handler(None, self.check_every)
                if conn.in_transaction:  # an interrupted statement may have ended it already
                    conn.execute("ROLLBACK")
        except Exception:  # interrupted, busy or broken: the worker's run says what failed
            self.handed_on += 1
            return False, None
        self.answered += 1
        return True, result
