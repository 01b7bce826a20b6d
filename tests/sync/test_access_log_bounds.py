"""The access log's memory stays bounded without a gap in the record: past its bound it refuses
(and the gateway serves nothing) rather than drop what it holds; what the database refuses for
good, or what is left when the gateway stops with the database away, is printed, not lost."""

import asyncio
import json
from typing import Any

import httpx
import pytest

from caseworker.access.people import Person
from sync.gateway import access_log
from sync.gateway.access_log import LOG_UNAVAILABLE, AccessLog
from sync.gateway.auth import Caller
from sync.gateway.couch import CouchError
from sync.gateway.errors import HTTPError

ANN = Caller(Person("ann", "agent", "staff:agent"), "ann", "laptop-1")


class FakeCouch:
    """A log database that fails (each answer in ``answers`` in turn: an exception raised, or
    a ``_bulk_docs`` answer; when none are left, every document is stored)."""

    def __init__(self, answers: list[Any] | None = None) -> None:
        self.answers = answers or []
        self.stored: list[dict[str, Any]] = []

    async def post(self, path: str, json: Any, **kw: Any) -> Any:
        assert path == "/_bulk_docs"
        answer = self.answers.pop(0) if self.answers else None
        if isinstance(answer, BaseException):
            raise answer
        if answer is None:
            self.stored += json["docs"]
            return [{"ok": True, "id": d["_id"], "rev": "1-a"} for d in json["docs"]]
        return answer


def down() -> httpx.ConnectError:
    return httpx.ConnectError("connection refused")


def test_past_its_bound_it_refuses_and_keeps_everything_it_took() -> None:
    couch = FakeCouch([down()] * 5)
    log = AccessLog(couch, max_pending=10)  # type: ignore[arg-type]
    refused = 0
    for n in range(1000):
        try:
            log.record(ANN, [f"case:{n}"], "get")
        except HTTPError as exc:
            assert (exc.status, exc.error, exc.reason) == (
                503,
                "service_unavailable",
                LOG_UNAVAILABLE,
            )
            refused += 1
    assert refused == 990 and log.waiting == 10
    assert [e["doc_ids"] for e in log.pending] == [[f"case:{n}"] for n in range(10)]
    assert asyncio.run(log.flush()) is False  # the database is still away
    with pytest.raises(HTTPError):
        log.record(ANN, ["case:late"], "get")
    assert len(log.pending) == 10  # in order, none dropped
    couch.answers = []
    assert asyncio.run(log.flush()) is True
    assert [d["doc_ids"] for d in couch.stored] == [[f"case:{n}"] for n in range(10)]
    assert log.waiting == 0 and not log.refusing
    log.record(ANN, ["case:again"], "get")  # serving again


def test_once_refusing_it_refuses_until_everything_waiting_is_written() -> None:
    couch = FakeCouch([down()])
    log = AccessLog(couch, max_pending=4, batch_docs=2)  # type: ignore[arg-type]
    for n in range(4):
        log.record(ANN, [f"case:{n}"], "get")
    with pytest.raises(HTTPError):
        log.record(ANN, ["case:4"], "get")
    assert asyncio.run(log.flush()) is False
    with pytest.raises(HTTPError):  # room would be made by a write, but none has happened
        log.record(ANN, ["case:4"], "get")
    assert asyncio.run(log.flush()) is True
    assert len(couch.stored) == 4 and log.waiting == 0
    log.record(ANN, ["case:4"], "get")


def test_one_large_answer_is_taken_when_nothing_waits_and_counted_by_its_documents() -> None:
    log = AccessLog(FakeCouch(), max_pending=10)  # type: ignore[arg-type]
    log.record(ANN, [f"case:{n}" for n in range(50)], "bulk_get")
    assert log.waiting == 50
    with pytest.raises(HTTPError):
        log.record(ANN, ["case:x"], "get")


def test_an_entry_refused_for_good_is_printed_whole_and_a_conflict_is_one_already_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = AccessLog(FakeCouch(), max_pending=10)  # type: ignore[arg-type]
    log.record(ANN, ["case:1"], "get")
    log.record(ANN, ["case:2"], "get")
    first, second = (e["_id"] for e in log.pending)
    log.couch.answers = [  # type: ignore[attr-defined]
        [
            {"id": first, "error": "conflict", "reason": "Document update conflict."},
            {"id": second, "error": "forbidden", "reason": "too large"},
        ]
    ]
    assert asyncio.run(log.flush()) is True
    err = capsys.readouterr().err
    assert "case:2" in err and "forbidden" in err and "case:1" not in err
    assert log.waiting == 0


def test_a_garbled_answer_is_a_failed_write_not_a_done_one() -> None:
    couch = FakeCouch([{"not": "a list"}, CouchError(500, {"error": "x", "reason": "y"})])
    log = AccessLog(couch, max_pending=10)  # type: ignore[arg-type]
    log.record(ANN, ["case:1"], "get")
    assert asyncio.run(log.flush()) is False
    assert asyncio.run(log.flush()) is False
    assert asyncio.run(log.flush()) is True
    assert [d["doc_ids"] for d in couch.stored] == [["case:1"]]


def test_what_cannot_be_written_on_stop_is_printed_not_lost(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(access_log, "STOP_WAIT", 0)
    log = AccessLog(FakeCouch([down()] * access_log.STOP_TRIES))  # type: ignore[arg-type]

    async def scenario() -> None:
        await log.start()
        log.record(ANN, ["case:1", "note:1"], "bulk_get", roots=["case:1", "case:1"])
        log.record(ANN, ["citizen:7"], "open", reason="on the phone")
        await log.stop()

    asyncio.run(scenario())
    lines = [line for line in capsys.readouterr().err.splitlines() if "not written: " in line]
    left = [json.loads(line.split("not written: ", 1)[1]) for line in lines]
    assert [(e["doc_ids"], e["roots"], e.get("reason")) for e in left] == [
        (["case:1", "note:1"], ["case:1", "case:1"], None),
        (["citizen:7"], ["citizen:7"], "on the phone"),
    ]
    assert all(e["user"] == "ann" and e["device"] == "laptop-1" for e in left)


def test_an_entry_says_what_it_was_about() -> None:
    log = AccessLog(FakeCouch())  # type: ignore[arg-type]
    log.record(
        ANN, ["case:1", "note:1", "staff:x"], "bulk_get", roots=["case:1", "case:1", "staff"]
    )
    log.record(ANN, ["citizen:2", "note:2"], "get")  # no roots given: ids that are their own
    log.record(ANN, [], "get")  # nothing served, nothing recorded
    with pytest.raises(ValueError):
        log.record(ANN, ["case:1"], "get", roots=[])
    assert [(e["how"], e["roots"]) for e in log.pending] == [
        ("bulk_get", ["case:1", "case:1", "staff"]),
        ("get", ["citizen:2", None]),
    ]
    assert all("reason" not in e for e in log.pending)
    first = log.pending[0]
    assert first["_id"].startswith(first["at"]) and first["at"].endswith("+00:00")


def test_while_the_database_is_away_refused_requests_do_not_hammer_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(access_log, "STOP_WAIT", 0)

    class Counting(FakeCouch):
        posts = 0

        async def post(self, path: str, json: Any, **kw: Any) -> Any:
            self.posts += 1
            return await super().post(path, json, **kw)

    couch = Counting([down()] * 1000)
    log = AccessLog(couch, max_pending=2, flush_seconds=3600)  # type: ignore[arg-type]

    async def scenario() -> int:
        await log.start()
        log.record(ANN, ["case:1", "case:2"], "bulk_get")
        for _ in range(500):  # refused requests, the background task running in between
            with pytest.raises(HTTPError):
                log.record(ANN, ["case:3"], "get")
            await asyncio.sleep(0)
        tried = couch.posts
        couch.answers = []  # back
        await log.stop()
        return tried

    assert asyncio.run(scenario()) == 1  # one try when it began refusing, then a pause
    assert [d["doc_ids"] for d in couch.stored] == [["case:1", "case:2"]]
