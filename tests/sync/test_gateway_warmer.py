"""The view warmer: a database that fails, answers garbage or stays put never stops it, and it
queries the views only when the database has moved on."""

import asyncio
from typing import Any

import pytest

from caseworker.access import views
from sync.gateway.couch import CouchError
from sync.gateway.warmer import Warmer


class FakeCouch:
    def __init__(self, answers: list[Any]) -> None:
        self.answers = answers  # what GET "" gives, in turn (an exception is raised)
        self.view_calls = 0

    async def get(self, path: str = "", **kw: Any) -> Any:
        if path:
            self.view_calls += 1
            return {"rows": []}
        answer = self.answers.pop(0) if self.answers else {"update_seq": "same"}
        if isinstance(answer, BaseException):
            raise answer
        return answer


def test_a_failing_or_garbled_database_never_stops_it_and_it_says_so_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    couch = FakeCouch(
        [
            CouchError(500, {"error": "timeout", "reason": "x"}),
            CouchError(503, None),
            ["not", "an", "object"],  # no update_seq: the views are queried anyway
            {"update_seq": "same"},
        ]
    )

    async def scenario() -> None:
        warmer = Warmer(couch, interval=0.001)  # type: ignore[arg-type]
        warmer.start()
        while couch.answers:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        await warmer.stop()

    asyncio.run(scenario())
    err = capsys.readouterr().err.splitlines()
    assert len([e for e in err if "could not bring the access views up to date" in e]) == 1
    assert any("up to date again" in e for e in err)
    # once for the garbled answer, once for the first "same"; never again while it stays put
    assert couch.view_calls == 2 * len(views.design_document()["views"])
