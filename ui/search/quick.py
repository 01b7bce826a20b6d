"""A read on the GUI thread itself, under a hard time budget, for the as-you-type search.

Handing each keystroke's search to the database thread and back costs more than the search:
the answer waits in the GUI's event queue and for the interpreter lock (p95 5-9 ms against a
2 ms search). So the search first runs here, on the GUI thread's own pooled read connection
(one per thread: ``caseworker.store.engine``). SQLite's progress handler looks at the clock
every few thousand steps and interrupts the query once the budget is spent; then, and on any
error, the caller hands the same search to the database worker as before. The GUI is never
kept longer than the budget (plus one Python step between statements).

In WAL mode a reader never waits for the writer (live sync writes while the agent types); the
few cases where it would (a connection holding the file exclusively, recovery after a crash)
are not waited out here: the busy timeout is 0 for these reads, so they fail at once and go to
the worker, which may wait.
"""

from collections.abc import Callable
from time import perf_counter
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from caseworker.store.store import Store

T = TypeVar("T")
BUDGET_MS = 6.0  # the longest the GUI may be kept by one search (a frame is 16.7 ms)
CHECK_EVERY = 2000  # SQLite VM steps between looks at the clock (some tens of microseconds)


class GuiReader:
    """Runs a read on the calling (GUI) thread if it finishes within ``budget_ms``."""

    def __init__(
        self, store: Store, budget_ms: float = BUDGET_MS, check_every: int = CHECK_EVERY
    ) -> None:
        self.store = store
        self.budget_ms = budget_ms
        self.check_every = check_every
        self.answered = 0  # reads that finished here
        self.handed_on = 0  # reads that ran out of budget or failed (the worker runs them)

    def run(self, fn: Callable[[Session], T]) -> tuple[bool, T | None]:
        """(True, the result) when ``fn`` finished within the budget; (False, None) when it
        was interrupted or failed in any way: the caller then asks the database worker."""
        deadline = perf_counter() + self.budget_ms / 1000

        def spent() -> int:
            return 1 if perf_counter() > deadline else 0  # non-zero interrupts the query

        try:
            with self.store.read() as session:
                raw: Any = session.connection().connection.dbapi_connection
                waits = raw.execute("PRAGMA busy_timeout").fetchone()[0]
                raw.execute("PRAGMA busy_timeout=0")
                raw.set_progress_handler(spent, self.check_every)
                try:
                    result = fn(session)
                finally:
                    raw.set_progress_handler(None, self.check_every)
                    raw.execute(f"PRAGMA busy_timeout={int(waits)}")
        except Exception:  # interrupted, busy or broken: the worker's run says what failed
            self.handed_on += 1
            return False, None
        self.answered += 1
        return True, result
