"""The view warmer: a database that fails, answers garbage or stays put never stops it, and it
queries the views only when the database has moved on."""

import asyncio
from typing import Any

import pytest

from caseworker.access import views
from sync.gateway.couch import CouchError
from sync.gateway.warmer import MIN_GAP, Warmer


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


class MovingCouch:
    """A database whose ``update_seq`` moves at every look, optionally failing its views."""

    def __init__(self, failing: bool = False) -> None:
        self.seq = 0
        self.view_calls = 0
        self.failing = failing

    async def get(self, path: str = "", **kw: Any) -> Any:
        if path:
            self.view_calls += 1
            if self.failing:
                raise CouchError(500, {"error": "os_process_error", "reason": "x"})
            await asyncio.sleep(0.05)  # an index being brought up to date
            return {"rows": []}
        self.seq += 1
        return {"update_seq": self.seq}


def test_a_stored_push_is_indexed_at_once_not_at_the_next_look() -> None:
    couch = MovingCouch()

    async def scenario() -> tuple[int, int, int]:
        warmer = Warmer(couch, interval=60.0)  # type: ignore[arg-type]
        warmer.start()
        await asyncio.sleep(0.2)
        first = couch.view_calls  # the look on starting
        warmer.poke()
        await asyncio.sleep(0.2)
        poked = couch.view_calls
        for _ in range(20):  # many pushes while one look is under way: one more look
            warmer.poke()
            await asyncio.sleep(0.001)
        await asyncio.sleep(0.3)
        many = couch.view_calls
        await warmer.stop()
        return first, poked, many

    first, poked, many = asyncio.run(scenario())
    per_look = len(views.design_document()["views"])
    assert first == per_look
    assert poked == 2 * per_look
    assert many - poked <= 2 * per_look  # coalesced, not twenty


def test_while_the_views_fail_pushes_do_not_make_it_look_again_and_again(
    capsys: pytest.CaptureFixture[str],
) -> None:
    couch = MovingCouch(failing=True)

    async def scenario() -> None:
        warmer = Warmer(couch, interval=60.0)  # type: ignore[arg-type]
        warmer.start()
        for _ in range(50):
            warmer.poke()
            await asyncio.sleep(0.005)
        await warmer.stop()

    asyncio.run(scenario())
    assert couch.view_calls == 1
    err = capsys.readouterr().err
    assert err.count("could not bring the access views up to date") == 1


class FastCouch(MovingCouch):
    """A database whose index is always up to date: each look costs it almost nothing, so
    nothing but the warmer itself holds back a flood of pokes."""

    async def get(self, path: str = "", **kw: Any) -> Any:
        if path:
            self.view_calls += 1
            return {"rows": []}
        self.seq += 1
        return {"update_seq": self.seq}


def test_a_flood_of_pushes_never_makes_it_look_more_than_a_few_times_a_second() -> None:
    couch = FastCouch()

    async def scenario() -> None:
        warmer = Warmer(couch, interval=60.0)  # type: ignore[arg-type]
        warmer.start()
        for _ in range(200):  # a member pushing (even nothing) every 5 ms for a second
            warmer.poke()
            await asyncio.sleep(0.005)
        await warmer.stop()

    asyncio.run(scenario())
    assert 2 <= couch.view_calls <= 1 + 1.0 / MIN_GAP + 1
