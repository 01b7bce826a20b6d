"""Many threads may use one store at once (the window's worker, a sync, a first connect, the
thread pool): no thread's connection is closed under it when another thread connects."""

import threading
from pathlib import Path

from sqlalchemy import text

from caseworker.store.store import Store

THREADS = 12


def test_a_dozen_threads_each_keep_their_connection_while_the_others_connect(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "caseworker.db")
    all_connected = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def use() -> None:
        try:
            with store.read() as session:
                session.execute(text("SELECT count(*) FROM documents")).scalar()
                all_connected.wait(timeout=30)  # every thread now holds a connection
                session.execute(text("SELECT count(*) FROM documents")).scalar()
        except BaseException as exc:  # handed to the test, which names it
            failures.append(exc)
            all_connected.abort()

    threads = [threading.Thread(target=use) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    store.close()
    assert not failures, failures[:3]
