"""Python's cycle collector runs on the GUI thread only: a cycle holding a Qt object freed on the
database thread would run the object's destructor there, and its timers would fire later on
freed memory."""

import gc
import threading
import weakref

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import gui_gc


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_garbage_made_on_another_thread_is_collected_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication
) -> None:
    gui_gc.install(qapp)
    collecting_on: list[str] = []

    def seen(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting_on.append(threading.current_thread().name)

    last: list[weakref.ref[_Cycle]] = []

    def make_garbage() -> None:
        # Far past every generation's threshold: Python alone would collect here, many times.
        for _ in range(200_000):
            cycle = _Cycle()
        last.append(weakref.ref(cycle))

    gc.callbacks.append(seen)
    try:
        worker = threading.Thread(target=make_garbage, name="not-the-gui")
        worker.start()
        worker.join()
        assert "not-the-gui" not in collecting_on
        assert last[0]() is not None, "nothing is collected while the GUI thread is busy"
        qtbot.waitUntil(lambda: last[0]() is None, timeout=5_000)
    finally:
        gc.callbacks.remove(seen)
    assert set(collecting_on) == {threading.main_thread().name}


def test_one_collector_per_application_and_a_qt_object_in_a_cycle_is_freed(
    qtbot: QtBot, qapp: QApplication
) -> None:
    assert gui_gc.install(qapp) is gui_gc.install(qapp)
    holder = QObject()
    holder.setObjectName("held-by-a-cycle")
    box: list[object] = [holder]
    box.append(box)
    alive = weakref.ref(holder)
    del holder, box
    more = [[] for _ in range(2 * gc.get_threshold()[0])]  # past the youngest's threshold
    qtbot.waitUntil(lambda: alive() is None, timeout=5_000)
    assert more
