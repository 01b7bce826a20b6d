"""``caseworker gui --screenshot OUT.png [--open RECORD] [--size WxH]``: render the
window (offscreen unless a display is asked for), wait until everything it shows has loaded,
save a PNG and exit — for documentation and for visual checks in the tests.
"""

import sys
from pathlib import Path
from time import perf_counter

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.display import one_line, visible
from caseworker.errors import CaseworkerError, NotFoundError
from caseworker.ids import normalise_case_reference
from caseworker.models import Case
from caseworker.store import docstore
from ui.main_window import MainWindow
from ui.worker import DbWorker

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


def capture(window: MainWindow, out: Path, size: tuple[int, int], open_spec: str | None) -> int:
    worker = window.ctx.worker
    window.resize(*size)
    window.show()
    window.focus_search()
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
    window.repaint()
    image = window.grab().toImage()
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = not image.isNull() and image.save(str(out), "PNG")  # type: ignore[call-overload]
    if not saved:
        print(f"caseworker gui: could not write {out}", file=sys.stderr)
        return 1
    note = "" if settled else " (some data was still loading)"
    print(f"saved {out} ({image.width()}x{image.height()}){note}")
    return 0
