"""Issue 9's scope changes reach a laptop that is simply left open: its live sync (the window's,
a long poll on the gateway's change feed) drops a case given away and takes it back whole,
without anyone pressing Sync now.

How fast is for ``caseworker bench``; here each wait is bounded only so that a broken feed
fails the test instead of hanging it.
"""

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from caseworker.services import cases
from caseworker.services.context import ChangeSet
from sync.http import CouchClient
from sync.live import LiveSync
from tests.support.gateway import USERS, Gateway, Server, central_server, running_gateway
from tests.support.scope import W2_TREE, Laptop, central_docs, reach_council, scope_of
from tests.sync.helpers import SUPERVISOR

PATIENCE = 60.0  # seconds: a bound for a broken feed, not a measure of speed


class Live:
    """A laptop left open: its LiveSync, and a way to wait until its store satisfies a test."""

    def __init__(self, laptop: Laptop) -> None:
        self.laptop = laptop
        self.changed = threading.Condition()
        self.purged: set[str] = set()
        self.sync = LiveSync(
            laptop.store,
            CouchClient(laptop.db_url, *USERS[laptop.user]),
            on_change=self._on_change,
            poll_seconds=5,
        )

    def _on_change(self, changes: ChangeSet) -> None:
        with self.changed:
            self.purged.update(w.doc_id for w in changes.written if w.purged)
            self.changed.notify_all()

    def until(self, what: str, test: Callable[[set[str]], bool]) -> set[str]:
        """Wait until ``test(ids held)`` is true; the ids then held."""
        with self.changed:
            ok = self.changed.wait_for(lambda: test(self.laptop.ids()), PATIENCE)
        assert ok, f"{what}: never happened"
        return self.laptop.ids()


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest) -> Server:
    """Apache CouchDB when ``CASEWORKER_TEST_COUCHDB`` names one, else the pinned PouchDB
    Server."""
    return central_server(request)


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server, reach_council()) as gateway:
        yield gateway


def test_an_open_laptop_drops_a_case_given_away_and_takes_it_back_whole_by_itself(
    tmp_path: Path, server: Server, gateway: Gateway
) -> None:
    olu = Laptop(tmp_path, "olu", gateway.db_url)
    sam = Laptop(tmp_path, "sam", gateway.db_url)
    live = Live(olu)
    live.sync.start()
    try:
        assert sam.sync().up_to_date
        live.until("the first sync", lambda ids: ids >= W2_TREE)

        with sam.store.write() as session:
            cases.assign(session, SUPERVISOR, "case:w2", "staff:agent")
        assert not sam.sync().refused
        # The store drops them in the batch's transaction; the window hears of it just after.
        held = live.until(
            "the case leaving", lambda ids: not W2_TREE & ids and live.purged >= W2_TREE
        )
        assert held == scope_of("olu", central_docs(server, gateway))
        assert b"Fourways" not in olu.raw()

        with sam.store.write() as session:
            cases.assign(session, SUPERVISOR, "case:w2", "staff:officer")
        assert not sam.sync().refused
        expected = scope_of("olu", central_docs(server, gateway))
        held = live.until("the case coming back", lambda ids: ids == expected)
        assert held >= W2_TREE
    finally:
        threads = list(live.sync._threads)
        live.sync.stop(timeout=15)
        assert not [t.name for t in threads if t.is_alive()]
        olu.close()
        sam.close()
