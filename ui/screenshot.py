"""``caseworker gui --screenshot OUT.png [--open RECORD | --view NAME] [--size WxH]``: render
the window (offscreen unless a display is asked for), wait until everything it shows has loaded,
save a PNG and exit — for documentation (scripts/screens) and for visual checks in the tests.

``--view`` names a screen of ui/screen_views.py: a view of the window, or a dialog, which is
drawn over the window where it would open.
"""

import sys
from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.display import one_line, visible
from caseworker.errors import CaseworkerError, NotFoundError
from caseworker.ids import normalise_case_reference
from caseworker.models import Case
from caseworker.store import docstore
from ui.main_window import MainWindow
from ui.screen_views import SCREENS, NothingToShow, pick_records
from ui.worker import DbWorker

T = TypeVar("T")

SETTLE_TIMEOUT_S = 30.0


def resolve_record(session: Session, spec: str) -> str:
    """What ``--open`` names, as ``show`` takes it: a citizen id (``citizen:...``), a case id
    (``case:...``) or a case reference (``ABCD-EFGH-JKLM``, typed any way ``show case`` takes
    it, with or without ``case:`` in front), to the record's id."""
    spec = spec.strip()
    kind, _, rest = spec.partition(":")
    reference = normalise_case_reference(rest if kind == "case" else spec)
    if reference is not None:
        found = session.scalar(select(Case.id).where(Case.reference == reference).limit(1))
        if found is not None:
            return found
        if kind != "case":
            raise NotFoundError(f"no case with reference {reference}")
    if kind not in ("citizen", "case") or not rest:
        raise CaseworkerError(
            f"--open wants a citizen id, a case id or a case reference, not {visible(spec)!r}"
        )
    record_id = rest if rest.startswith(kind + ":") else spec
    doc = docstore.get(session, record_id)
    if doc is None or doc.get("type") != kind:
        raise NotFoundError(f"no {kind} {visible(rest)}")
    return record_id


def wait_until_idle(worker: DbWorker, timeout_s: float = SETTLE_TIMEOUT_S) -> bool:
    """Let the event loop run until the database worker has had nothing to do for a few
    rounds in a row (views often load in two steps), or the timeout passes."""
    app = QApplication.instance()
    assert app is not None
    deadline = perf_counter() + timeout_s
    quiet = 0
    loop = QEventLoop()
    while perf_counter() < deadline:
        QTimer.singleShot(40, loop.quit)
        loop.exec()
        quiet = quiet + 1 if worker.pending == 0 else 0
        if quiet >= 3:
            return True
    return False


def read_now(worker: DbWorker, fn: Callable[[Session], T]) -> T:
    """One read on the database thread, waited for (before the screen is shown)."""
    found: list[T] = []
    errors: list[Exception] = []
    worker.read(fn, found.append, errors.append)
    wait_until_idle(worker)
    if errors:
        raise errors[0]
    if not found:
        raise CaseworkerError("the store did not answer in time")
    return found[0]


def show_screen(window: MainWindow, name: str) -> QDialog | None:
    """Put a shown window into the screen ``name`` and wait until it has loaded; the dialog it
    opened, if any."""
    show = SCREENS.get(name)
    if show is None:
        raise CaseworkerError(f"--view must be one of {', '.join(SCREENS)}, not {visible(name)!r}")
    picks = read_now(window.ctx.worker, pick_records)
    try:
        dialog = show(window, picks)
    except NothingToShow as exc:
        raise CaseworkerError(str(exc)) from exc
    wait_until_idle(window.ctx.worker)
    return dialog


def picture(window: MainWindow, dialog: QDialog | None) -> QImage:
    """The window, with the dialog (if any) drawn centred over it as it opens on screen."""
    window.repaint()
    image = window.grab().toImage()
    if dialog is not None:
        dialog.repaint()
        over = dialog.grab().toImage()
        corner = QPoint(
            max(0, (image.width() - over.width()) // 2),
            max(0, (image.height() - over.height()) // 2),
        )
        painter = QPainter(image)
        painter.fillRect(image.rect(), QColor(0, 0, 0, 64))  # the window dimmed behind
        painter.drawImage(corner, over)
        painter.end()
    return image


def capture(
    window: MainWindow,
    out: Path,
    size: tuple[int, int],
    open_spec: str | None,
    view: str | None = None,
) -> int:
    worker = window.ctx.worker
    window.resize(*size)
    window.show()
    window.focus_search()
    dialog: QDialog | None = None
    if view:
        try:
            dialog = show_screen(window, view)
        except CaseworkerError as exc:
            print(f"caseworker gui: {one_line(str(exc))}", file=sys.stderr)
            return 1
    if open_spec:
        found: list[str] = []
        errors: list[Exception] = []
        worker.read(lambda s: resolve_record(s, open_spec), found.append, errors.append)
        wait_until_idle(worker)
        if errors:
            print(f"caseworker gui: {one_line(str(errors[0]))}", file=sys.stderr)
            return 1
        window.open_record(found[0])
    settled = wait_until_idle(worker)
    image = picture(window, dialog)
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = not image.isNull() and image.save(str(out), "PNG")  # type: ignore[call-overload]
    if not saved:
        print(f"caseworker gui: could not write {out}", file=sys.stderr)
        return 1
    note = "" if settled else " (some data was still loading)"
    print(f"saved {out} ({image.width()}x{image.height()}){note}")
    return 0
