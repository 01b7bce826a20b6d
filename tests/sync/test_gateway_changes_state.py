"""What the gateway's change feed keeps: tokens that say where a client is (and nothing a
client can turn into more), and scope snapshots in the database, shared by every gateway
process and out of every client's reach."""

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from sync.gateway import snapshots, tokens
from sync.gateway.app import create_app
from sync.gateway.auth import SessionCache
from sync.gateway.couch import Couch
from tests.sync.gateway_feed_support import (
    OLU_SCOPE,
    USERS,
    Central,
    Laptop,
    central_for,
    token,
    untoken,
)


@pytest.fixture
def central(request: pytest.FixtureRequest) -> Iterator[Central]:
    with central_for(request) as c:
        yield c


# -- tokens ---------------------------------------------------------------------------------


@given(st.text(max_size=300))
def test_any_text_decodes_to_a_position_or_to_nothing_never_an_error(text: str) -> None:
    position = tokens.decode(text)
    assert position is None or isinstance(position, tokens.Position)


@given(
    st.one_of(st.integers(min_value=0, max_value=2**40), st.text(max_size=80)),
    st.sampled_from([None, "a" * 32]),
    st.booleans(),
)
def test_a_token_says_back_the_position_it_was_made_from(
    seq: Any, held: str | None, moving: bool
) -> None:
    cursor = tokens.Cursor("b" * 32, "c" * 32, 2, 7, "note:x", 3) if moving else None
    position = tokens.Position(seq, held, cursor)
    assert tokens.decode(tokens.encode(position)) == position


def test_nested_values_and_booleans_are_not_sequences() -> None:
    for data in ({"s": [1]}, {"s": True}, {"s": None}, {"s": {"a": 1}}, {"h": "a" * 32}):
        assert tokens.decode(token(data)) is None


# -- snapshots --------------------------------------------------------------------------------


def on_couch(central: Central, work: Any) -> Any:
    async def run() -> Any:
        couch = Couch(central.server.url, central.db, *central.server.admin_auth)
        try:
            return await work(couch)
        finally:
            await couch.aclose()

    return asyncio.run(run())


def test_a_large_scope_is_kept_in_parts_and_a_missing_part_loses_the_whole(
    central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshots, "PART_ROOTS", 2)
    roots = frozenset(f"case:{n}" for n in range(7))

    async def work(couch: Couch) -> tuple[Any, Any, Any]:
        key = await snapshots.save(couch, "olu", roots)
        snapshots._cache.clear()  # as another gateway process would
        whole = await snapshots.load(couch, "olu", key)
        snapshots._cache.clear()
        not_hers = await snapshots.load(couch, "ann", key)
        part = await couch.get(f"/_local/caseworker-scope-{key}-2")
        await couch.delete(f"/_local/caseworker-scope-{key}-2", params={"rev": part["_rev"]})
        snapshots._cache.clear()
        broken = await snapshots.load(couch, "olu", key)
        return whole, not_hers, broken

    whole, not_hers, broken = on_couch(central, work)
    assert whole == roots
    assert not_hers is None
    assert broken is None


def test_a_snapshot_that_does_not_hash_to_its_name_is_not_believed(central: Central) -> None:
    async def work(couch: Couch) -> Any:
        key = await snapshots.save(couch, "olu", frozenset({"case:1"}))
        head = await couch.get(f"/_local/caseworker-scope-{key}")
        head["roots"] = ["case:1", "case:2"]  # as if someone widened it in place
        await couch.put(f"/_local/caseworker-scope-{key}", head)
        snapshots._cache.clear()
        return await snapshots.load(couch, "olu", key)

    assert on_couch(central, work) is None


def test_a_client_cannot_plant_a_snapshot_through_its_own_checkpoints(central: Central) -> None:
    olu = Laptop("olu")
    central.pull(olu)
    held = untoken(olu.since)["h"]
    planted = {"user": "olu", "parts": 1, "roots": ["case:2", "citizen:2"]}
    for name in (f"_local/caseworker-scope-{held}", "_local/caseworker-scope-" + "f" * 32):
        r = central.client.put(f"/{central.db}/{name}", json=planted, auth=("olu", "olu-pw"))
        assert r.status_code in (201, 403, 409)
    snapshots._cache.clear()
    for claim in (held, "f" * 32):
        laptop = Laptop("olu", since=token({"s": untoken(olu.since)["s"], "h": claim}))
        central.pull(laptop)
        assert set(laptop.docs) <= OLU_SCOPE and laptop.removed == []


# -- several gateway processes ---------------------------------------------------------------


def test_two_gateway_processes_carry_one_client_through_a_scope_change(central: Central) -> None:
    name, (password, _, _) = "olu", USERS["olu"]
    user, admin_password = central.server.admin_auth
    other = create_app(
        Couch(central.server.url, central.db, user, admin_password),
        session_cache=SessionCache(seconds=0),
    )
    with TestClient(other) as second:
        clients = [central.client, second]
        olu = Laptop(name)
        for step in range(100):
            if step == 3:
                central.change("case:1", assignee_id="staff:other")
                central.change("case:2", assignee_id="staff:officer")
            snapshots._cache.clear()  # nothing shared between processes but the database
            r = clients[step % 2].get(
                f"/{central.db}/_changes",
                params={"since": olu.since, "limit": 2},
                auth=(name, password),
            )
            answer = r.json()
            olu.apply(answer["results"])
            olu.since = answer["last_seq"]
            if len(answer["results"]) < 2 and step > 3:
                break
    expected = (OLU_SCOPE - {"case:1", "note:1a", "case_event:1", "citizen:1", "note:c1"}) | {
        "case:2",
        "note:2a",
        "citizen:2",
    }
    assert set(olu.docs) == expected
