"""One call off the GUI thread (the thread pool), its answer back on the GUI thread.

For short network work that is not the database's, e.g. checking a password with the central
service: ``run_off_gui(owner, fn, on_done, on_failed)``. The answer is dropped if ``owner`` has
been deleted by then (a dialog closed while the server was still thinking).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid


class _Answer(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], answer: _Answer) -> None:
        super().__init__()
        self._fn = fn
        self._answer = answer

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to on_failed, which says it in plain words
            self._say("failed", exc)
            return
        self._say("done", result)

    def _say(self, which: str, value: object) -> None:
        # The owner (and with it the answer) may have been deleted while ``fn`` ran: then
        # there is no one to tell, and Qt says so with a RuntimeError.
        if not isValid(self._answer):
            return
        try:
            getattr(self._answer, which).emit(value)
        except RuntimeError:  # deleted between the check and the emit
            return


def run_off_gui(
    owner: QObject,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None],
) -> None:
    answer = _Answer(owner)  # a child of owner: deleted with it, so a late answer goes nowhere

    def done(result: object) -> None:
        answer.deleteLater()
        on_done(result)

    def failed(error: object) -> None:
        answer.deleteLater()
        on_failed(error if isinstance(error, Exception) else RuntimeError(str(error)))

    answer.done.connect(done)
    answer.failed.connect(failed)
    QThreadPool.globalInstance().start(_Task(fn, answer))
