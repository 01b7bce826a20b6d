"""Fewer cycle collections while a pull writes: ``with fewer_collections(): ...``.

A pull makes and drops some thirty objects per document (its JSON, the parsed revision, the
rows written), none of them in reference cycles. Python's default threshold (a young-generation
collection every 700 allocations, the older ones every 10 of those) then spends a sixth of the
pull's CPU looking for cycles that are not there. While any pull runs, the young generation is
collected every ``EASED`` allocations instead, and the usual threshold comes back when the last
pull ends. Nothing is changed where automatic collection is off (the window collects on its GUI
thread by its own timer, ``ui/gui_gc.py``)."""

import contextlib
import gc
import threading
from collections.abc import Iterator

EASED = 50_000  # allocations between young-generation collections while a pull runs

_lock = threading.Lock()
_pulls = 0
_saved: tuple[int, int, int] | None = None


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    global _pulls, _saved
    with _lock:
        if _pulls == 0 and gc.isenabled():
            _saved = gc.get_threshold()
            young, middle, old = _saved
            gc.set_threshold(max(young, EASED), middle, old)
        _pulls += 1
    try:
        yield
    finally:
        with _lock:
            _pulls -= 1
            if _pulls == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
