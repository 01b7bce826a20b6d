"""One bad document never blocks a push: a 413 or a 400 on it, or any error the server reports
for it alone, is recorded on the document (as a 403 is), and the rest is sent."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store.store import Store
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply, Request
from tests.sync.helpers import AGENT, local_ids, make_store

MARK = "Fly-tipping, a sofa THE-BAD-ONE"


@pytest.fixture
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


@pytest.fixture
def office(tmp_path: Path) -> Store:
    store = make_store(tmp_path, "office", council=True)
    with store.write() as s:
        for i in range(8):
            summary = MARK if i == 3 else f"Bin missed at no. {i}"
            cases.open_case(s, AGENT, NewCase("missed-bin", summary, "phone"))
    return store


def bad_ids(store: Store) -> set[str]:
    with store.read() as session:
        rows = session.execute(
            text("SELECT id FROM documents WHERE body LIKE :m"), {"m": f"%{MARK}%"}
        )
        return set(rows.scalars())


def carries_mark(request: Request) -> bool:
    return MARK.encode() in request.body


def problems(store: Store) -> dict[str, str]:
    with store.read() as session:
        rows = session.execute(text("SELECT id, problem FROM documents WHERE problem IS NOT NULL"))
        return {doc_id: problem for doc_id, problem in rows}


def on_server(db_url: str, tmp_path: Path) -> set[str]:
    reader = make_store(tmp_path, "reader")
    Replicator(reader, CouchClient(db_url)).pull()
    return local_ids(reader)


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (
            Reply(413, {"error": "too_large", "reason": "the request entity is too large"}),
            "too large",
        ),
        (
            Reply(400, {"error": "bad_request", "reason": "Invalid rev format"}),
            "Invalid rev format",
        ),
    ],
    ids=["413", "400"],
)
def test_a_document_the_server_will_not_take_is_recorded_and_the_rest_is_sent(
    hostile: HostileServer, couch_db: str, office: Store, tmp_path: Path, reply: Reply, words: str
) -> None:
    hostile.on("/_bulk_docs", lambda r: reply if carries_mark(r) else None)
    bad = bad_ids(office)
    assert bad
    remote = CouchClient(hostile.rewrite(couch_db))
    result = Replicator(office, remote, batch_size=5).push()
    assert result.caught_up
    assert set(result.refused) == bad
    assert all(words in reason and "\n" not in reason for reason in result.refused.values())
    assert set(problems(office)) == bad  # shown in Sync problems
    assert on_server(couch_db, tmp_path) == local_ids(office) - bad
    # Not sent again until it is edited: the next push has nothing to send.
    sent = len([r for r in hostile.seen("/_bulk_docs") if carries_mark(r)])
    again = Replicator(office, remote, batch_size=5).push()
    assert again.caught_up and not again.refused
    assert len([r for r in hostile.seen("/_bulk_docs") if carries_mark(r)]) == sent


def test_any_error_the_server_reports_for_one_document_is_recorded_not_fatal(
    hostile: HostileServer, couch_db: str, office: Store
) -> None:
    bad = bad_ids(office)

    def spoil(request: Request) -> Reply:
        real = hostile.forward(request)
        answer: list[Any] = json.loads(real.content())  # PouchDB Server: [] when all is well
        sent = {doc["_id"] for doc in request.json()["docs"]}
        answer += [
            {"id": doc_id, "error": "internal_server_error", "reason": "boom\x1b[31m"}
            for doc_id in bad & sent
        ]
        answer += [{"id": "never-sent", "error": "forbidden"}, "junk", {"error": 5, "id": 7}]
        return Reply(real.status, answer)

    hostile.on("/_bulk_docs", spoil)
    result = Replicator(office, CouchClient(hostile.rewrite(couch_db))).push()
    assert result.caught_up
    assert set(result.refused) == bad
    reason = next(iter(result.refused.values()))
    assert reason == "not stored by the central service: internal_server_error (boom [31m)"
    assert set(problems(office)) == bad


def test_a_refused_document_is_sent_again_once_edited(
    hostile: HostileServer, couch_db: str, office: Store, tmp_path: Path
) -> None:
    hostile.on(
        "/_bulk_docs", lambda r: Reply(413, {"error": "too_large"}) if carries_mark(r) else None
    )
    remote = CouchClient(hostile.rewrite(couch_db))
    assert Replicator(office, remote).push().refused
    hostile.clear()
    case_id = next(i for i in bad_ids(office) if i.startswith("case"))
    with office.write() as s:
        cases.set_priority(s, AGENT, case_id, "urgent")
    result = Replicator(office, remote).push()
    assert case_id not in result.refused and result.caught_up
    assert case_id in on_server(couch_db, tmp_path)
