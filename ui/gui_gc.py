"""Python's cycle collector, run on the GUI thread only.

Python collects reference cycles on whichever thread crosses an allocation threshold; in the
window that is as often the database thread (SQLAlchemy allocates a great deal) or a sync thread
as the GUI thread: a full window test run collected 680,000 objects off the GUI thread. A cycle
that holds a Qt object owned by Python (a model, a view, a loader with a timer) collected there
runs the object's C++ destructor on the wrong thread. Its timers cannot be stopped from there,
stay registered with the GUI thread's event loop, and fire later on freed memory: the window
crashed in QTimerInfoList::activateTimers, once in a few hundred windows opened and closed.

So while the window runs, automatic collection is off and a timer on the GUI thread collects,
generation by generation, by Python's own thresholds. What was built at start-up (modules,
classes, the window) is frozen out of the collector's sight: a full collection then only walks
what came since, which keeps it short enough not to be felt as a stall.
"""

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # often enough that no garbage piles up between turns of the event loop


class GuiThreadCollector(QObject):
    """Installed once per QApplication (``install``); ``collect`` runs on each timer turn."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.collections = [0, 0, 0]  # per generation, since installed: for tests and benches
        self._frozen = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        """One collection of the oldest generation whose threshold is crossed, as Python would
        (every generation younger than it is collected with it)."""
        threshold = gc.get_threshold()
        count = gc.get_count()
        if count[0] <= threshold[0]:
            return
        generation = 0
        if count[1] > threshold[1]:
            generation = 2 if count[2] > threshold[2] else 1
        gc.collect(generation)
        self.collections[generation] += 1

    def freeze_start_up(self) -> None:
        """Leave what exists now (built once, kept for the session) out of every collection.
        Nothing is collected first: a full collection here would be felt at start-up. Once:
        the windows of later sign-ins come and go."""
        if not self._frozen:
            self._frozen = True
            gc.freeze()

    def uninstall(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def install(app: QObject) -> GuiThreadCollector:
    """The application's collector: made on first call, the same one afterwards."""
    existing = app.findChild(GuiThreadCollector)
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)
