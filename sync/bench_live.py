"""Part of ``caseworker bench sync``: how long a change on one online client takes to show on
another online client, both live-syncing with the same server (target under 2 s).

Each round writes one case on client A (as the window does: a local write, then
``notify_local_change``) and waits until client B's live sync has written it into B's store.
"""

import statistics
import threading
import time
from pathlib import Path
from typing import Any

from caseworker.services.context import ChangeSet
from caseworker.store import docstore
from caseworker.store.store import Store
from sync.bench_docs import case_docs
from sync.http import CouchClient
from sync.live import LiveSync
from sync.state import SyncState


class _Arrivals:
    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.seen: dict[str, float] = {}
        self.kind = ""

    def on_change(self, changes: ChangeSet) -> None:
        now = time.perf_counter()
        with self.cond:
            for written in changes.written:
                self.seen.setdefault(written.doc_id, now)
            self.cond.notify_all()

    def on_state(self, state: SyncState) -> None:
        with self.cond:
            self.kind = state.kind
            self.cond.notify_all()

    def wait(self, test: Any, timeout: float, what: str) -> None:
        with self.cond:
            if not self.cond.wait_for(test, timeout):
                raise TimeoutError(f"bench sync: {what} did not happen within {timeout:.0f} s")


def measure_live(
    db_url: str,
    auth: tuple[str, str],
    work: Path,
    rounds: int = 10,
    *,
    allow_http: bool = False,
) -> list[float]:
    """Seconds from each write on A to its arrival in B's store, ``rounds`` times."""
    stores = [Store(work / name / "caseworker.db") for name in ("live-a", "live-b")]
    watches = [_Arrivals(), _Arrivals()]
    lives = [
        LiveSync(
            store,
            CouchClient(db_url, *auth, allow_http=allow_http),
            on_state=w.on_state,
            on_change=w.on_change,
        )
        for store, w in zip(stores, watches, strict=True)
    ]
    try:
        for live in lives:
            live.start()
        for watch in watches:
            watch.wait(lambda w=watch: w.kind == "up_to_date", 60, "the first live sync")
        latencies = []
        arrivals = watches[1]
        for doc in case_docs(rounds, seed=11):
            with stores[0].write() as session:
                docstore.put(session, doc)
            started = time.perf_counter()
            lives[0].notify_local_change()
            arrivals.wait(lambda d=doc["_id"]: d in arrivals.seen, 30, "a live change")
            latencies.append(arrivals.seen[doc["_id"]] - started)
        return latencies
    finally:
        for live in lives:
            live.stop()
        for store in stores:
            store.close()


def summary(latencies: list[float]) -> dict[str, float]:
    return {
        "live_change_median_s": round(statistics.median(latencies), 3),
        "live_change_max_s": round(max(latencies), 3),
    }
