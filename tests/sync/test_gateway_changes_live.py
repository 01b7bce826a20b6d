"""The gateway's long-poll: a waiting client is answered when a change concerns it, and by no
change that does not; every waiting client of a process shares one CouchDB feed, whose memory
is bounded."""

import asyncio
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sync.gateway import watcher as watching
from tests.sync.gateway_feed_support import OLU_SCOPE, Central, Laptop, central_for


@pytest.fixture
def central(request: pytest.FixtureRequest) -> Iterator[Central]:
    with central_for(request) as c:
        yield c


def synced(central: Central, user: str) -> Laptop:
    laptop = Laptop(user)
    central.pull(laptop)
    return laptop


class Waiting:
    """A long-poll in a thread of its own."""

    def __init__(self, central: Central, laptop: Laptop, timeout_ms: int) -> None:
        self.answer: dict[str, Any] | None = None
        self.status = 0

        def run() -> None:
            r = central.changes(
                laptop.user, feed="longpoll", since=laptop.since, timeout=str(timeout_ms)
            )
            self.status = r.status_code
            self.answer = r.json()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def result(self) -> dict[str, Any]:
        self.thread.join(120)
        assert self.answer is not None and self.status == 200
        return self.answer


def waiters() -> int:
    return sum(w._waiting for w in list(watching._watchers.values()))


def until(condition: Callable[[], bool]) -> None:
    """Wait until ``condition`` holds (a bound against hanging, not a measure of speed)."""
    event = threading.Event()
    for _ in range(1200):
        if condition():
            return
        event.wait(0.05)
    raise AssertionError("never happened")


def test_a_long_poll_is_answered_by_a_change_in_the_users_scope(central: Central) -> None:
    olu = synced(central, "olu")
    waiting = Waiting(central, olu, 120_000)
    until(lambda: waiters() == 1)
    central.change("case:1", summary="a change Olu holds")
    answer = waiting.result()
    assert [row["id"] for row in answer["results"]] == ["case:1"]


def test_a_long_poll_is_not_answered_by_a_change_outside_the_users_scope(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    bea = synced(central, "bea")
    bea_waits = Waiting(central, bea, 3_000)
    olu_waits = Waiting(central, olu, 120_000)
    until(lambda: waiters() == 2)
    assert len(watching._watchers) == 1  # two clients, one feed from CouchDB
    central.change("case:1", summary="Olu's, not Bea's")
    assert [row["id"] for row in olu_waits.result()["results"]] == ["case:1"]
    quiet = bea_waits.result()  # answered when its timeout ran out, with nothing
    assert quiet["results"] == []
    bea.since = quiet["last_seq"]
    before = len(bea.rows)
    central.pull(bea)
    assert bea.rows[before:] == []


def test_a_case_newly_assigned_answers_the_waiting_officer_with_the_case_whole(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    waiting = Waiting(central, olu, 120_000)
    until(lambda: waiters() == 1)
    central.change("case:2", assignee_id="staff:officer")
    olu.apply(waiting.result()["results"])
    assert {"case:2", "note:2a", "citizen:2"} <= set(olu.docs)


def test_a_case_reassigned_away_answers_the_waiting_officer_with_its_removal(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    waiting = Waiting(central, olu, 120_000)
    until(lambda: waiters() == 1)
    central.change("case:3", assignee_id="staff:other")
    answer = waiting.result()
    assert {row["id"] for row in answer["results"] if row.get("removed")} == {"case:3", "note:3a"}


def test_a_change_to_a_users_own_staff_record_answers_their_long_poll(central: Central) -> None:
    ann = synced(central, "ann")
    waiting = Waiting(central, ann, 120_000)
    until(lambda: waiters() == 1)
    central.change("staff:agent", queue_ids=["queue:waste", "queue:highways"])
    ann.apply(waiting.result()["results"])
    assert {"case:2", "case:3", "case:5"} <= set(ann.docs)


# -- the watcher alone ----------------------------------------------------------------------


class ScriptedCouch:
    """Stands in for ``Couch``: one database info, then the change batches given as they are
    ``add``ed; a long-poll with nothing to answer waits until a batch comes, as CouchDB's does."""

    def __init__(self) -> None:
        self.batches: list[list[dict[str, Any]]] = []
        self.feed_requests = 0
        self._more = asyncio.Event()

    def add(self, batch: list[dict[str, Any]]) -> None:
        self.batches.append(batch)
        self._more.set()

    async def get(self, path: str = "", **_: Any) -> Any:
        if path == "":
            return {"update_seq": 0}
        self.feed_requests += 1
        while not self.batches:
            self._more.clear()
            await self._more.wait()
        return {"results": self.batches.pop(0), "last_seq": self.feed_requests}


def change(doc_id: str, **doc: Any) -> dict[str, Any]:
    return {"id": doc_id, "seq": 1, "changes": [{"rev": "1-a"}], "doc": {"_id": doc_id, **doc}}


def test_the_watcher_keeps_a_bounded_digest_and_wakes_a_client_that_fell_behind() -> None:
    async def scenario() -> None:
        noise = [change(f"citizen:{n}", type="citizen", name="Someone") for n in range(50)]
        couch = ScriptedCouch()
        watcher = watching.Watcher(couch, keep=10)  # type: ignore[arg-type]
        await watcher.start()
        mark = watcher.mark()
        never = await watcher.wait(mark, lambda c: True, 0.01)
        assert never is not None and never.changes == []  # nothing happened
        couch.add(noise)
        woke = await watcher.wait(mark, lambda c: False, 60)
        assert woke is None  # fifty changes, ten kept: it cannot tell, so it looks again
        assert len(watcher._changes) == 10
        await watcher.aclose()

    asyncio.run(scenario())


def test_the_watcher_tells_each_client_only_of_what_concerns_it() -> None:
    async def scenario() -> None:
        couch = ScriptedCouch()
        watcher = watching.Watcher(couch)  # type: ignore[arg-type]
        await watcher.start()
        mark = watcher.mark()
        couch.add(
            [
                change("citizen:9", type="citizen"),
                change("case:9", type="case", queue_id="queue:roads", status="new"),
                {"id": "note:9", "seq": 3, "deleted": True, "changes": [{"rev": "2-b"}]},
            ]
        )
        seen: list[watching.Change] = []

        def concerns(c: watching.Change) -> bool:
            seen.append(c)
            return c.doc_id == "note:9"

        woken = await watcher.wait(mark, concerns, 60)
        assert woken is not None and [c.doc_id for c in woken.changes] == ["note:9"]
        assert woken.seq == 1  # every change up to the first batch's last_seq was looked at
        assert seen[0] == watching.Change("citizen:9", "citizen:9", False, frozenset(), 1, ("1-a",))
        assert seen[1].keys == frozenset({"queue=queue:roads"})
        assert seen[2] == watching.Change("note:9", None, True, frozenset(), 3, ("2-b",))
        assert couch.feed_requests >= 1
        await watcher.aclose()

    asyncio.run(scenario())


def test_a_long_poll_answered_from_the_shared_feed_leaves_a_token_that_misses_nothing(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    waiting = Waiting(central, olu, 120_000)
    until(lambda: waiters() == 1)
    central.change("note:1a", body="corrected")
    answer = waiting.result()
    assert [row["id"] for row in answer["results"]] == ["note:1a"]
    olu.apply(answer["results"])
    olu.since = answer["last_seq"]
    central.change("note:3a", body="later")
    before = len(olu.rows)
    central.pull(olu)
    assert [row["id"] for row in olu.rows[before:]] == ["note:3a"]
    assert set(olu.docs) == OLU_SCOPE


def test_a_deletion_while_waiting_reaches_the_holder_and_no_one_else(central: Central) -> None:
    olu = synced(central, "olu")
    ann = synced(central, "ann")
    olu_waits = Waiting(central, olu, 120_000)
    ann_waits = Waiting(central, ann, 3_000)
    until(lambda: waiters() == 2)
    central.delete("note:3a")  # a bare tombstone: its case is in the revision before
    answer = olu_waits.result()
    assert [(row["id"], row.get("deleted")) for row in answer["results"]] == [("note:3a", True)]
    assert ann_waits.result()["results"] == []
