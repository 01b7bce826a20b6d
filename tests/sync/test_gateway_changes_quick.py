"""The long-poll's short cuts, and what they must never skip.

A client woken by a case entering its scope is answered from one listing shared by every
client woken by the same change; a client back for more when nothing has happened is not
looked up again. Neither may hide a scope change the digest cannot see: a role changed in
``_users`` (not in the database's feed), or a held case moved to another citizen."""

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from sync.gateway import changes
from sync.gateway import watcher as watching
from tests.sync.gateway_feed_support import Central, Laptop, case, central_for, note
from tests.sync.test_gateway_changes_live import Waiting, synced, until, waiters


@pytest.fixture
def central(request: pytest.FixtureRequest) -> Iterator[Central]:
    with central_for(request) as c:
        yield c


def long_poll(central: Central, laptop: Laptop, timeout_ms: int) -> dict[str, Any]:
    r = central.changes(laptop.user, feed="longpoll", since=laptop.since, timeout=str(timeout_ms))
    assert r.status_code == 200, r.text
    answer: dict[str, Any] = r.json()
    laptop.apply(answer["results"])
    laptop.since = answer["last_seq"]
    return answer


def set_role(central: Central, name: str, role: str) -> None:
    """Change a user's role in ``_users`` (where no change feed of the database shows it)."""
    url = f"{central.server.url}/_users/org.couchdb.user:{name}"
    doc = requests.get(url, auth=central.server.admin_auth, timeout=30).json()
    doc["roles"] = [role if not r.startswith("staff:") else r for r in doc["roles"]]
    r = requests.put(url, json=doc, auth=central.server.admin_auth, timeout=30)
    assert r.status_code in (201, 202), r.text


def test_a_case_moved_into_a_queue_reaches_its_agents_with_its_history_and_citizen(
    central: Central,
) -> None:
    ann = synced(central, "ann")
    central.put(note("2b", "citizen:2", "case:2"))  # written before the case moves
    waiting = Waiting(central, ann, 120_000)
    until(lambda: waiters() == 1)
    central.change("case:2", queue_id="queue:waste")
    ann.apply(waiting.result()["results"])
    assert {"case:2", "note:2a", "note:2b", "citizen:2"} <= set(ann.docs)


def test_agents_woken_by_the_same_new_case_share_one_listing(
    central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    listings: list[list[str]] = []
    real_page = changes.backfill.page

    async def counted(couch: Any, roots: Any, place: Any, limit: int) -> Any:
        listings.append(list(roots))
        return await real_page(couch, roots, place, limit)

    monkeypatch.setattr(changes.backfill, "page", counted)
    laptops = [synced(central, "ann") for _ in range(3)]
    waiting = [Waiting(central, laptop, 120_000) for laptop in laptops]
    until(lambda: waiters() == 3)
    central.put(case("9", "queue:waste", None, "citizen:2"))
    for laptop, wait in zip(laptops, waiting, strict=True):
        laptop.apply(wait.result()["results"])
        assert {"case:9", "citizen:2"} <= set(laptop.docs)
    assert listings.count(["case:9", "citizen:2"]) == 1


def test_a_client_back_for_more_when_nothing_happened_is_not_looked_up_again(
    central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = synced(central, "ann")
    waiting = Waiting(central, ann, 120_000)
    until(lambda: waiters() == 1)
    central.put(note("1z", "citizen:1", "case:1"))  # not a case: the scope surely holds
    ann.apply(waiting.result()["results"])
    ann.since = waiting.result()["last_seq"]
    looks: list[str] = []
    real_roots_for = changes.roots_for

    async def counted(couch: Any, person: Any) -> Any:
        looks.append(person.name)
        return await real_roots_for(couch, person)

    monkeypatch.setattr(changes, "roots_for", counted)
    assert long_poll(central, ann, 300)["results"] == []
    assert looks == []


def test_a_role_changed_in_users_is_seen_at_the_clients_next_request(central: Central) -> None:
    ann = synced(central, "ann")
    waiting = Waiting(central, ann, 120_000)
    until(lambda: waiters() == 1)
    central.change("case:1", summary="woken")
    ann.apply(waiting.result()["results"])
    ann.since = waiting.result()["last_seq"]
    assert "case:1" in ann.docs
    set_role(central, "ann", "field_officer")  # holds only what is assigned to staff:agent
    removed: set[str] = set()
    for _ in range(30):  # CouchDB's own cache of _users may take a moment to see the change
        answer = long_poll(central, ann, 1_000)
        removed |= {row["id"] for row in answer["results"] if row.get("removed")}
        if {"case:1", "note:1a"} <= removed:
            break
    assert {"case:1", "note:1a"} <= removed


def test_a_held_case_moved_to_another_citizen_brings_that_citizen_at_the_next_request(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    assert "citizen:2" not in olu.docs
    waiting = Waiting(central, olu, 120_000)
    until(lambda: waiters() == 1)
    central.change("case:1", citizen_id="citizen:2")
    answer = waiting.result()
    olu.apply(answer["results"])
    olu.since = answer["last_seq"]
    for _ in range(3):  # the citizen comes in this answer or the next ones, never later
        if "citizen:2" in olu.docs:
            break
        long_poll(central, olu, 1_000)
    assert "citizen:2" in olu.docs
    assert "note:c1" not in olu.docs  # citizen:1's own notes left with it


# -- the watcher's shared answers -----------------------------------------------------------


class GatedCouch:
    """A database whose feed brings one change when ``gate`` is set, then nothing."""

    def __init__(self) -> None:
        self.gate = asyncio.Event()
        self.polls = 0

    async def get(self, path: str = "", **_: Any) -> Any:
        if path == "":
            return {"update_seq": 0}
        self.polls += 1
        if self.polls == 1:
            await self.gate.wait()
            doc = {"_id": "note:1", "type": "note", "case_id": "case:1"}
            return {"results": [{"id": "note:1", "seq": 1, "doc": doc}], "last_seq": 1}
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")


def test_a_shared_answer_serves_every_request_until_the_feed_moves_on_and_then_goes() -> None:
    async def scenario() -> tuple[list[int], int]:
        couch = GatedCouch()
        watcher = watching.Watcher(couch)  # type: ignore[arg-type]
        await watcher.start()
        asked: list[int] = []

        async def look() -> int:
            asked.append(len(asked))
            return len(asked)

        try:
            answers = [await watcher.as_of_now("staff:agent", look) for _ in range(3)]
            await watcher.as_of_now("staff:other", look)
            couch.gate.set()
            while not watcher.at(1):
                await asyncio.sleep(0.01)
            answers.append(await watcher.as_of_now("staff:agent", look))
            return answers, len(watcher._shared)
        finally:
            await watcher.aclose()

    answers, kept = asyncio.run(scenario())
    assert answers == [1, 1, 1, 3]  # asked once before the change, once after
    assert kept == 1  # the answers of the earlier position are gone


def test_a_token_borrowed_from_a_colleague_never_brings_their_scope_by_the_short_cut(
    central: Central,
) -> None:
    ann = synced(central, "ann")  # queue:waste: holds case:1 and its tree
    waiting = Waiting(central, ann, 120_000)
    until(lambda: waiters() == 1)
    central.put(note("1y", "citizen:1", "case:1"))
    ann.since = waiting.result()["last_seq"]  # remembered for ann: where the watcher is now
    bea = Laptop("bea", since=ann.since)  # queue:highways: another person, ann's token
    bea.apply(long_poll(central, bea, 60_000)["results"])
    assert not {"case:1", "note:1a", "note:1y", "citizen:1"} & set(bea.docs)
    assert "case:2" in bea.docs  # her own scope, sent whole: the token's scope is not hers
