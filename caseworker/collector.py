"""Fewer cycle collections during a bulk job: ``with fewer_collections(): ...``.

A pull, a duplicate scan or a recompute of due times makes and drops millions of small objects
(parsed JSON, records, rows), none of them in reference cycles. Python's default threshold (a
young-generation collection every 700 allocations, the older ones every 10 of those) then spends
a sixth to a third of the job's CPU looking for cycles that are not there. While any such job
runs, the young generation is collected every ``EASED`` allocations instead (still collected: a
long first sync's sessions do make cycles), and the usual threshold comes back when the last job
ends, on whichever thread. Nothing is changed where automatic collection is off (the window
collects on its GUI thread by its own timer, ``ui/gui_gc.py``)."""

import contextlib
import gc
import threading
from collections.abc import Iterator

EASED = 50_000  # allocations between young-generation collections while a bulk job runs

_lock = threading.Lock()
_jobs = 0
_saved: tuple[int, int, int] | None = None


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    global _jobs, _saved
    with _lock:
        if _jobs == 0 and gc.isenabled():
            _saved = gc.get_threshold()
            young, middle, old = _saved
            gc.set_threshold(max(young, EASED), middle, old)
        _jobs += 1
    try:
        yield
    finally:
        with _lock:
            _jobs -= 1
            if _jobs == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
