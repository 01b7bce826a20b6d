"""The window's database thread keeps one connection for its whole life: each job does not
open a new one (with a cold cache of its own), however many jobs run."""

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from caseworker.store.store import Store
from ui.bus import ChangeBus
from ui.worker import DbWorker

WAIT_MS = 10_000


def test_every_job_of_the_database_thread_uses_the_same_connection(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store(tmp_path / "caseworker.db")
    worker = DbWorker(store, ChangeBus())
    seen: list[object] = []

    def which(session: Session) -> object:
        return session.connection().connection.dbapi_connection

    try:
        for _ in range(30):
            worker.read(which, seen.append)
        qtbot.waitUntil(lambda: len(seen) == 30, timeout=WAIT_MS)
        assert all(connection is seen[0] for connection in seen)
    finally:
        worker.stop()
        store.close()
