"""The gateway's change feed: each user is sent exactly their scope, told what leaves it, and
nothing a client sends as ``since`` widens it.

The gateway runs in-process (its Starlette app) in front of the pinned PouchDB Server; the
"laptop" here applies the feed's rows as the real one does: ``removed`` and ``deleted`` rows
drop a document, others bring its leaf revisions.
"""

from collections.abc import Iterator

import pytest

from sync.gateway import changes, tokens
from tests.sync.gateway_feed_support import (
    CASE_1_TREE,
    OLU_SCOPE,
    SHARED,
    Central,
    Laptop,
    central_for,
    note,
    token,
    untoken,
)


@pytest.fixture
def central(request: pytest.FixtureRequest) -> Iterator[Central]:
    with central_for(request) as c:
        yield c


def synced(central: Central, user: str, limit: int = 1000) -> Laptop:
    laptop = Laptop(user)
    central.pull(laptop, limit)
    return laptop


# -- what a first sync brings -------------------------------------------------------------------


def test_a_first_sync_brings_exactly_the_users_scope(central: Central) -> None:
    olu = synced(central, "olu")
    assert set(olu.docs) == OLU_SCOPE
    assert olu.removed == []
    ann = synced(central, "ann")  # queue:waste holds case 1
    assert set(ann.docs) == SHARED | CASE_1_TREE | {"citizen:1"}
    bea = synced(central, "bea")  # queue:highways holds cases 2, 3 and 5
    assert "case:1" not in bea.docs and "citizen:1" not in bea.docs
    assert {"case:2", "note:2a", "citizen:2", "case:3", "case:5", "citizen:shared"} <= set(bea.docs)


def test_an_admin_is_sent_everything_but_the_servers_own_documents(central: Central) -> None:
    ada = synced(central, "ada")
    assert OLU_SCOPE | {"case:2", "note:2a", "citizen:2"} <= set(ada.docs)
    assert not any(doc_id.startswith("_") for doc_id in ada.docs)


def test_every_sequence_is_a_token_of_the_gateway_never_the_databases(central: Central) -> None:
    answer = central.changes("olu", since="0").json()
    for seq in [answer["last_seq"], *(row["seq"] for row in answer["results"])]:
        assert isinstance(seq, str) and tokens.decode(seq) is not None
    assert all("doc" not in row for row in answer["results"])  # documents come from _bulk_get


def test_a_page_is_never_longer_than_the_limit_and_paging_brings_the_whole_scope(
    central: Central,
) -> None:
    olu = synced(central, "olu", limit=2)  # backfill, removal and feed pages of two rows
    assert set(olu.docs) == OLU_SCOPE
    central.change("case:1", summary="edited")
    central.change("case:3", summary="edited")
    central.change("case:2", summary="not olu's")
    central.change("case:5", summary="edited")
    before = len(olu.rows)
    central.pull(olu, limit=2)
    # (CouchDB 3 orders changes per shard: the order between shards is its own)
    assert sorted(r["id"] for r in olu.rows[before:]) == ["case:1", "case:3", "case:5"]


def test_resuming_from_any_rows_seq_misses_nothing(central: Central) -> None:
    rows = central.changes("olu", since="0", limit=100).json()["results"]
    for cut in range(len(rows)):
        laptop = Laptop("olu", since=rows[cut]["seq"])
        laptop.apply(rows[: cut + 1])
        central.pull(laptop, limit=3)
        assert set(laptop.docs) == OLU_SCOPE


# -- hostile clients ------------------------------------------------------------------------------


def test_a_client_asking_from_zero_with_a_huge_limit_gets_a_bounded_page(
    central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes, "MAX_LIMIT", 3)
    answer = central.changes("olu", since="0", limit=10**15).json()
    assert len(answer["results"]) == 3 and answer["pending"] > 0
    unlimited = central.changes("olu", since="0").json()
    assert len(unlimited["results"]) == 3
    for limit in ("-1", "ten", "1e9", "9" * 5000):
        assert central.changes("olu", since="0", limit=limit).status_code == 400


@pytest.mark.parametrize(
    "since",
    [
        "!!!garbage",
        "eyJzIjo",  # cut short
        token({"s": 0}),  # no scope: from nothing
        token({"s": 0, "h": "0" * 32}),  # a snapshot that does not exist
        token({"s": {"nested": [1]}, "h": "x"}),
        token({"s": 0, "h": "0" * 32, "x": ["0" * 32, "1" * 32, 1, 0, None, 0]}),
        token({"s": 0, "x": ["0" * 32, "1" * 32, 2, 999, "case:2", 5]}),  # a made-up removal
        "a" * 9000,
    ],
)
def test_a_garbled_or_forged_token_never_widens_the_scope(central: Central, since: str) -> None:
    olu = Laptop("olu", since=since)
    central.pull(olu)
    assert set(olu.docs) <= OLU_SCOPE
    assert olu.removed == []  # never told of documents it never held
    assert set(olu.docs) == OLU_SCOPE  # and from nothing, it gets its whole scope


def test_a_token_naming_another_users_snapshot_names_none_of_their_documents(
    central: Central,
) -> None:
    bea = synced(central, "bea")
    bea_token = untoken(bea.since)
    olu = synced(central, "olu")
    olu_token = untoken(olu.since)
    # Olu claims to hold Bea's scope: if believed, every root of Bea's that Olu does not hold
    # would be listed to Olu as removed, with its ids and revisions.
    forged = Laptop("olu", since=token({"s": olu_token["s"], "h": bea_token["h"]}))
    central.pull(forged)
    assert forged.removed == []
    assert set(forged.docs) <= OLU_SCOPE
    # the same with Bea's snapshot as the base and target of a transition under way
    cursor = [bea_token["h"], bea_token["h"], 2, 0, None, 0]
    forged = Laptop("olu", since=token({"s": olu_token["s"], "h": bea_token["h"], "x": cursor}))
    central.pull(forged)
    assert forged.removed == []
    assert set(forged.docs) <= OLU_SCOPE


def test_a_forged_position_in_the_database_feed_brings_nothing_outside_the_scope(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    held = untoken(olu.since)["h"]
    for seq in (0, 1, 10**12, "0", "1-abc", "now"):
        laptop = Laptop("olu", since=token({"s": seq, "h": held}))
        r = central.changes("olu", since=laptop.since)
        assert r.status_code in (200, 400)
        if r.status_code == 200:
            laptop.apply(r.json()["results"])
            assert set(laptop.docs) <= OLU_SCOPE


# -- scope changes ---------------------------------------------------------------------------


def test_a_case_reassigned_away_is_removed_with_its_children_and_nothing_is_deleted(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    central.change("case:1", assignee_id="staff:other")
    central.pull(olu)
    assert set(olu.docs) == OLU_SCOPE - CASE_1_TREE
    assert set(olu.removed) == CASE_1_TREE
    removal = next(r for r in olu.rows if r.get("removed") and r["id"] == "case:1")
    assert removal["changes"] == [{"rev": central.get("case:1")["_rev"]}]
    for doc_id in CASE_1_TREE:
        assert central.get(doc_id) is not None  # still on the server, untouched
    # and the next sync has nothing more to say
    before = len(olu.rows)
    central.pull(olu)
    assert olu.rows[before:] == []


def test_a_case_reassigned_back_arrives_again_whole_with_all_its_leaf_revisions(
    central: Central,
) -> None:
    first = central.get("case:1")
    office = central.change("case:1", summary="edited at the office")
    side = central.branch({**first, "summary": "edited offline"}, first["_rev"], "0" * 32)
    olu = synced(central, "olu")
    assert olu.docs["case:1"] == {office, side}
    central.change("case:1", assignee_id="staff:other")
    central.pull(olu)
    assert "case:1" not in olu.docs
    winner = central.change("case:1", assignee_id="staff:officer")
    central.pull(olu)
    assert set(olu.docs) == OLU_SCOPE
    assert olu.docs["case:1"] == {winner, side}


def test_a_citizen_on_two_cases_stays_when_one_of_them_leaves(central: Central) -> None:
    olu = synced(central, "olu")
    central.change("case:3", assignee_id="staff:other")
    central.pull(olu)
    assert set(olu.removed) == {"case:3", "note:3a"}
    assert "citizen:shared" in olu.docs
    central.change("case:5", assignee_id="staff:other")
    central.pull(olu)
    assert "citizen:shared" not in olu.docs  # now no case holds it


def test_a_case_entering_the_scope_is_sent_with_its_citizen_and_children(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    central.change("case:2", assignee_id="staff:officer")
    central.pull(olu)
    assert {"case:2", "note:2a", "citizen:2"} <= set(olu.docs)
    assert olu.removed == []


def test_a_scope_change_in_the_middle_of_a_backfill_ends_with_exactly_the_new_scope(
    central: Central,
) -> None:
    olu = Laptop("olu")
    first = central.changes("olu", since="0", limit=3).json()
    olu.apply(first["results"])
    olu.since = first["last_seq"]
    assert untoken(olu.since).get("x"), "still in the backfill"
    central.change("case:1", assignee_id="staff:other")  # part of what was being sent
    central.change("case:2", assignee_id="staff:officer")  # new
    central.pull(olu, limit=3)
    expected = (OLU_SCOPE - CASE_1_TREE) | {"case:2", "note:2a", "citizen:2"}
    assert set(olu.docs) == expected


def test_a_staff_record_change_that_widens_a_scope_reaches_the_next_sync(
    central: Central,
) -> None:
    ann = synced(central, "ann")
    central.change("staff:agent", queue_ids=["queue:waste", "queue:highways"])
    central.pull(ann)
    assert {"case:2", "case:3", "case:5", "citizen:2", "citizen:shared"} <= set(ann.docs)


# -- deletions ---------------------------------------------------------------------------------


def test_a_deletion_reaches_those_who_held_the_document_and_no_one_else(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    bea = synced(central, "bea")
    central.delete("note:1a")  # a bare tombstone: its case is only in the revision before
    central.delete("note:2a")  # Bea's, not Olu's
    central.delete("case:5")
    central.pull(olu)
    central.pull(bea)
    deleted = {r["id"] for r in olu.rows if r.get("deleted")}
    assert deleted == {"note:1a", "case:5"}
    assert "note:1a" not in olu.docs and "case:5" not in olu.docs
    bea_deleted = {r["id"] for r in bea.rows if r.get("deleted")}
    assert bea_deleted == {"note:2a", "case:5"}


def test_a_deletion_still_ahead_in_the_feed_after_the_scope_changed_reaches_the_holder(
    central: Central,
) -> None:
    olu = synced(central, "olu")
    central.change("case:1", summary="edited first")
    central.change("case:3", summary="edited too")
    central.delete("case:5")  # leaves Olu's scope: the deletion is behind two changes
    central.pull(olu, limit=1)  # one row per answer: the scope changes long before
    assert "case:5" not in olu.docs
    assert any(r["id"] == "case:5" and r.get("deleted") for r in olu.rows)
    assert untoken(olu.since).get("o") is None  # caught up: the old scope is let go


# -- documents sent with their change ------------------------------------------------------------


def test_asked_for_documents_the_feed_sends_first_revisions_whole_and_nothing_else(
    central: Central,
) -> None:
    ann = synced(central, "ann")  # her first sync (its scope is listed, without documents)
    central.put(note("1z", "citizen:1", "case:1"))  # new: sent whole
    central.change("note:1a", text="edited once")  # a second revision: its history is owed
    central.put(note("1y", "citizen:1", "case:1"))
    central.branch(central.get("note:1y"), central.get("note:1y")["_rev"], "b" * 32)
    answer = central.changes("ann", since=ann.since, style="all_docs", include_docs="true")
    rows = {row["id"]: row for row in answer.json()["results"]}
    assert {"note:1z", "note:1a", "note:1y"} <= set(rows)
    whole = {doc_id: row["doc"] for doc_id, row in rows.items() if "doc" in row}
    assert set(whole) == {"note:1z"}  # not one with a history, nor one with two leaves
    assert whole["note:1z"] == central.get("note:1z")  # the document as the database holds it
    assert rows["note:1z"]["changes"] == [{"rev": whole["note:1z"]["_rev"]}]


def test_an_admins_first_sync_comes_with_the_documents_never_edited(central: Central) -> None:
    central.change("note:1a", text="edited once")
    answer = central.changes("ada", since="0", style="all_docs", include_docs="true").json()
    rows = {row["id"]: row for row in answer["results"]}
    whole = {doc_id: row["doc"] for doc_id, row in rows.items() if "doc" in row}
    assert "case:1" in whole and "note:1a" in rows and "note:1a" not in whole
    for doc_id, doc in whole.items():
        assert doc["_rev"].startswith("1-") and doc == central.get(doc_id)


def test_a_feed_not_asked_for_documents_sends_none(central: Central) -> None:
    answer = central.changes("ada", since="0", style="all_docs").json()
    assert answer["results"] and all("doc" not in row for row in answer["results"])


def test_documents_sent_whole_stay_inside_the_scope(central: Central) -> None:
    bea = synced(central, "bea")  # queue:highways: case 1 (queue:waste) is not hers
    central.put(note("1z", "citizen:1", "case:1"))
    central.put(note("2z", "citizen:2", "case:2"))
    answer = central.changes("bea", since=bea.since, style="all_docs", include_docs="true")
    sent = {row["id"]: row.get("doc") for row in answer.json()["results"]}
    assert "note:1z" not in sent and sent["note:2z"] == central.get("note:2z")
