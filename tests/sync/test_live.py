"""Live sync: a change on one online client reaches another by itself; offline and back.

How fast it arrives is measured by ``caseworker bench sync`` (target under 2 s), not here:
timed assertions flake on a shared machine."""

import threading
from pathlib import Path

from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.services.context import ChangeSet
from sync.http import CouchClient
from sync.live import LiveSync
from sync.state import SyncState
from tests.support.couch_server import CouchServer
from tests.sync.helpers import AGENT, make_store


class Watch:
    """Collects what a LiveSync reports, and waits (bounded) for a condition on it."""

    def __init__(self) -> None:
        self.states: list[SyncState] = []
        self.changes: list[ChangeSet] = []
        self.cond = threading.Condition()

    def on_state(self, state: SyncState) -> None:
        with self.cond:
            self.states.append(state)
            self.cond.notify_all()

    def on_change(self, changes: ChangeSet) -> None:
        with self.cond:
            self.changes.append(changes)
            self.cond.notify_all()

    def wait_state(self, kind: str, timeout: float = 20) -> SyncState:
        with self.cond:
            ok = self.cond.wait_for(lambda: bool(self.states) and self.states[-1].kind == kind,
                                    timeout)  # fmt: skip
            assert ok, f"never {kind}: {[s.text for s in self.states[-5:]]}"
            return self.states[-1]

    def wait_doc(self, doc_id: str, timeout: float) -> None:
        with self.cond:
            ok = self.cond.wait_for(
                lambda: any(w.doc_id == doc_id for c in self.changes for w in c.written), timeout
            )
        assert ok, f"{doc_id} never arrived"


def test_a_change_on_one_client_reaches_the_other_without_a_sync_request(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    office, van = make_store(tmp_path, "office", council=True), make_store(tmp_path, "van")
    watch_office, watch_van = Watch(), Watch()
    live_office = LiveSync(office, CouchClient(couch_db), on_state=watch_office.on_state)
    live_van = LiveSync(
        van, CouchClient(couch_db), on_state=watch_van.on_state, on_change=watch_van.on_change
    )
    live_office.start()
    live_van.start()
    try:
        watch_office.wait_state("up_to_date")
        watch_van.wait_state("up_to_date")
        with office.write() as s:
            case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        live_office.notify_local_change()
        watch_van.wait_doc(case_id, timeout=10)
    finally:
        threads = [*live_office._threads, *live_van._threads]
        live_office.stop(timeout=5)
        live_van.stop(timeout=5)
        # Stopping does not wait out a 25 s long poll: every thread has ended.
        assert not [t.name for t in threads if t.is_alive()]


def test_offline_then_back(couch_server: CouchServer, couch_db: str, tmp_path: Path) -> None:
    store = make_store(tmp_path, "van", council=True)
    watch = Watch()
    live = LiveSync(
        store, CouchClient(couch_db, timeout=2.0), on_state=watch.on_state,
        backoff_base=0.2, backoff_max=1.0,
    )  # fmt: skip
    live.start()
    try:
        watch.wait_state("up_to_date")
        couch_server.stop()
        try:
            live.sync_now()
            state = watch.wait_state("offline")
            assert state.reason.startswith("cannot reach the central service")
        finally:
            couch_server.start()
        live.sync_now()
        assert watch.wait_state("up_to_date").last_sync is not None
    finally:
        live.stop()
