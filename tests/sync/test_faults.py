"""Server errors, timeouts, truncated and malformed answers from a fault-injecting proxy: the
error is one clear line, the local store stays consistent, the next sync completes."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caseworker.models import Case, StoredDocument
from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store.store import Store
from sync.errors import MalformedResponse, NetworkError, ServerError, SyncError
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.fault_proxy import FaultProxy
from tests.sync.helpers import AGENT, make_store, sync

CASES = 60
BATCH = 25


@pytest.fixture
def proxy(couch_server: CouchServer) -> Iterator[FaultProxy]:
    with FaultProxy(couch_server.url) as p:
        yield p


@pytest.fixture
def filled_db(couch_db: str, tmp_path: Path) -> str:
    """A database with a council and CASES cases (each with its events and audit records),
    each case edited once: a revision with a history is fetched with ``_bulk_get``."""
    office = make_store(tmp_path, "office", council=True)
    with office.write() as s:
        for i in range(CASES):
            case_id, _ = cases.open_case(
                s, AGENT, NewCase("missed-bin", f"Bin missed at no. {i}", "phone")
            )
            cases.set_priority(s, AGENT, case_id, "high")
    assert sync(office, couch_db).up_to_date
    office.close()
    return couch_db


def consistent(store: Store) -> tuple[int, int]:
    """Every stored case is projected (no half-written batch): (documents, cases)."""
    with store.read() as s:
        docs = s.scalar(select(func.count()).select_from(StoredDocument)) or 0
        stored_cases = s.scalar(
            select(func.count()).select_from(StoredDocument).where(StoredDocument.type == "case")
        )
        projected = s.scalar(select(func.count()).select_from(Case))
    assert stored_cases == projected
    return docs, projected or 0


PULL_FAULTS = [
    ("_changes", "500", ServerError, "the central service failed (500"),
    ("_bulk_get", "hang", NetworkError, "did not answer in time"),
    ("_bulk_get", "truncate", MalformedResponse, "not JSON"),
    ("_changes", "malformed", MalformedResponse, "not JSON"),
    ("_bulk_get", "drop", NetworkError, "broke off"),
    ("_local/", "500", ServerError, "the central service failed (500"),
]


@pytest.mark.parametrize(("path", "kind", "error", "words"), PULL_FAULTS)
def test_a_spoiled_pull_fails_in_one_line_and_the_next_completes(
    proxy: FaultProxy,
    filled_db: str,
    tmp_path: Path,
    path: str,
    kind: str,
    error: type[SyncError],
    words: str,
) -> None:
    store = make_store(tmp_path, "van")
    # Let the first batch through, then spoil the next matching request.
    remote = CouchClient(proxy.rewrite(filled_db), timeout=1.0)
    replicator = Replicator(store, remote, batch_size=BATCH)
    seen: list[int] = []

    def after_batch(direction: str, done: int, total: int | None) -> None:
        if not seen:
            proxy.inject(path, kind)
        seen.append(done)

    replicator.on_progress = after_batch
    with pytest.raises(error) as raised:
        replicator.pull()
    message = str(raised.value)
    assert words in message and "\n" not in message and len(message) < 200
    docs, _ = consistent(store)
    assert docs >= BATCH  # the first batch is kept
    proxy.clear()
    again = Replicator(store, remote, batch_size=BATCH).sync()
    assert again.up_to_date
    total, projected = consistent(store)
    assert projected == CASES
    reference = make_store(tmp_path, "reference")
    Replicator(reference, CouchClient(filled_db)).pull()
    assert consistent(reference)[0] == total


PUSH_FAULTS = [
    ("_revs_diff", "malformed", MalformedResponse),
    ("_bulk_docs", "500", ServerError),
    ("_bulk_docs", "drop", NetworkError),
    ("_bulk_docs", "hang", NetworkError),
]


@pytest.mark.parametrize(("path", "kind", "error"), PUSH_FAULTS)
def test_a_spoiled_push_fails_in_one_line_and_the_next_completes(
    proxy: FaultProxy, couch_db: str, tmp_path: Path, path: str, kind: str, error: type[SyncError]
) -> None:
    store = make_store(tmp_path, "office", council=True)
    with store.write() as s:
        for i in range(CASES // 2):
            cases.open_case(s, AGENT, NewCase("missed-bin", f"Case {i}", "phone"))
    remote = CouchClient(proxy.rewrite(couch_db), timeout=1.0)
    proxy.inject(path, kind, method="POST")
    with pytest.raises(error) as raised:
        Replicator(store, remote, batch_size=BATCH).push()
    assert "\n" not in str(raised.value)
    proxy.clear()
    assert Replicator(store, remote, batch_size=BATCH).push().caught_up
    other = make_store(tmp_path, "other")
    Replicator(other, CouchClient(couch_db)).pull()
    assert consistent(other) == consistent(store)


def test_a_server_without_bulk_get_is_read_one_document_at_a_time(
    proxy: FaultProxy, couch_db: str, tmp_path: Path
) -> None:
    office = make_store(tmp_path, "office", council=True)
    with office.write() as s:
        for i in range(3):
            case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", f"Case {i}", "phone"))
            cases.set_priority(s, AGENT, case_id, "high")  # a history: asked of _bulk_get
    assert sync(office, couch_db).up_to_date
    proxy.inject("_bulk_get", "404", times=1000)
    store = make_store(tmp_path, "van")
    result = Replicator(store, CouchClient(proxy.rewrite(couch_db)), batch_size=BATCH).sync()
    assert result.up_to_date
    assert consistent(store) == consistent(office)
    assert any(s.startswith("404 POST") for s in proxy.spoiled)
