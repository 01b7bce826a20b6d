"""The record views' code, imported off the GUI thread soon after start-up.

A cold start leaves the citizen and case views (some 400 modules with their dialogs) for later
(``ui.main_window``), but the window builds a spare view of each kind while idle (``ui.tabs``),
and importing them there would hold the GUI thread for a few hundred milliseconds. So once the
window is up a plain thread imports them (the interpreter lock is handed back to the GUI thread
every few milliseconds meanwhile), and the GUI thread only waits for it if it needs a view
before that is done. Then what the import made is left out of the cycle collector's sight, as
start-up's own modules are (``ui.gui_gc``), so full collections stay short.
"""

import gc
import importlib
import logging
import threading

log = logging.getLogger(__name__)
MODULES = ("ui.citizen.view", "ui.case.view")
_thread: threading.Thread | None = None
_settled = False


def start() -> None:
    """Begin importing the views on a thread of their own (once per process)."""
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_import_all, name="caseworker-imports", daemon=True)
        _thread.start()


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the GUI thread imports it again when needed, and fails loudly there
            log.exception("importing %s ahead of need failed", name)


def settle() -> None:
    """On the GUI thread, before a view is built: wait for the import if it still runs, then
    freeze what it made if start-up was frozen (the app's window, not a test's)."""
    global _settled
    if _thread is not None:
        _thread.join()
    if not _settled and _thread is not None:
        _settled = True
        if gc.get_freeze_count() > 0:
            gc.freeze()
