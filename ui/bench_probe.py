"""Timing tools for ``bench ui``: wait for a signal or a paint, watch the event loop for stalls."""

import contextlib
from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def rss_mb() -> float:
    """Resident memory of this process (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_until(done: Callable[[], bool], timeout_s: float = 30.0) -> bool:
    """Run the event loop until ``done()`` (checked every millisecond) or the timeout.

    (A nested QEventLoop and a timer, not ``processEvents(flags, ms)`` in a loop: that overload
    corrupts the refcount of None in PySide6 6.12 after enough calls.)"""
    if done():
        return True
    deadline = perf_counter() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: loop.quit() if done() or perf_counter() > deadline else None)
    timer.start()
    loop.exec()
    timer.stop()
    return done()


def _wait_for(loop: QEventLoop, timeout_s: float) -> None:
    """Run ``loop`` until something quits it or the timeout: no polling, so the bench runs no
    Python between events that the window itself would not run."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout_s * 1000))
    loop.exec()
    timer.stop()


class SignalTime(QObject):
    """The perf_counter moment a signal fires (the last time, or the first matching ``accept``)."""

    def __init__(self, signal: SignalInstance, accept: Callable[..., bool] | None = None) -> None:
        super().__init__()
        self.at: float | None = None
        self._accept = accept
        self._loop = QEventLoop()
        signal.connect(self._fired)

    def _fired(self, *args: Any) -> None:
        if self._accept is None or self._accept(*args):
            self.at = perf_counter()
            self._loop.quit()

    def reset(self) -> None:
        self.at = None

    def wait(self, timeout_s: float = 30.0) -> float:
        """Run the event loop until the signal has fired; its moment (now, on a timeout)."""
        if self.at is None:
            _wait_for(self._loop, timeout_s)
        return self.at if self.at is not None else perf_counter()


class PaintWatch(QObject):
    """Records when ``root`` or a widget inside it (as it is when watching starts) is painted.
    The filter sits on those widgets only: an application-wide one would run Python for every
    event of the window, which the window itself never does, and slow what is measured."""

    def __init__(self, root: QWidget) -> None:
        super().__init__()
        self._watched = [root, *root.findChildren(QWidget)]
        self.times: list[float] = []
        self._loop: QEventLoop | None = None
        self._after = 0.0
        for widget in self._watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            now = perf_counter()
            self.times.append(now)
            if self._loop is not None and now >= self._after:
                self._loop.quit()
        return False

    def first_after(self, moment: float) -> float | None:
        return next((t for t in self.times if t >= moment), None)

    def wait_after(self, moment: float, timeout_s: float = 5.0) -> float:
        """Run the event loop until a paint at or after ``moment``; its time (now, on timeout)."""
        if self.first_after(moment) is None:
            self._loop, self._after = QEventLoop(), moment
            _wait_for(self._loop, timeout_s)
            self._loop = None
        return self.first_after(moment) or perf_counter()

    def stop(self) -> None:
        for widget in self._watched:
            with contextlib.suppress(RuntimeError):  # a widget deleted meanwhile
                widget.removeEventFilter(self)


class Heartbeat(QObject):
    """A timer that should fire every ``interval_ms``; the longest gap beyond that is how long
    the GUI event loop was kept from running."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.gaps: list[float] = []
        self.ends: list[float] = []  # perf_counter at the end of each gap
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self.gaps.clear()
        self.ends.clear()
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        self.gaps.append(self._clock.nsecsElapsed() / 1e6)
        self.ends.append(perf_counter())
        self._clock.restart()

    @property
    def longest_stall_ms(self) -> float:
        return max((g - self.interval_ms for g in self.gaps), default=0.0)

    def longest_stall_end(self) -> float | None:
        if not self.gaps:
            return None
        return self.ends[max(range(len(self.gaps)), key=self.gaps.__getitem__)]
