"""Test-wide set-up. Qt needs its platform chosen before anything imports it.

The central-service fixtures are here so sync and window tests share one server:

    def test_something(couch_server: CouchServer, couch_db: str) -> None:
        requests.get(couch_db, auth=couch_server.admin_auth,
                     headers={"Accept": "application/json"})

``couch_db`` has no ``_security`` object, so anonymous users can read and write it (as in
PouchDB Server and CouchDB 1); a test about authorization sets members itself.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from caseworker.store.store import Store
from tests.support import pii_scan
from tests.support.couch_server import CouchServer, ensure_node_modules


def pytest_configure(config: pytest.Config) -> None:
    """At the end of the run, every log and stderr is scanned for seeded personal data."""
    pii_scan.pytest_configure(config)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store in a real SQLite file."""
    s = Store(tmp_path / "caseworker.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def couch_server() -> Iterator[CouchServer]:
    """A PouchDB Server (leveldb, temporary folder, random admin password) for the session,
    started the first time a test asks for it."""
    ensure_node_modules()
    with CouchServer() as server:
        yield server


@pytest.fixture
def couch_db(couch_server: CouchServer) -> Iterator[str]:
    """The URL of a new, uniquely named, empty database; deleted after the test."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    if not couch_server.running:  # a test stopped or killed the shared server
        couch_server.start()
    url = couch_server.create_db(name)
    yield url
    if couch_server.running:
        couch_server.delete_db(name)
