"""The merge rules as the gateway applies them: judged against the server's current merge
documents and what the writer holds, whatever a client sends."""

from typing import Any

import pytest

from caseworker.access.channels import may_read, roots_of
from caseworker.access.merge_rules import distinct_id_of, merge_id_of
from caseworker.access.people import Person
from caseworker.access.views import roots_rows
from caseworker.access.writes import Write, judge

SUPERVISOR = Person("sup", "supervisor", "staff:sup")
AGENT = Person("agent", "agent", "staff:agent")
A, B, C = "citizen:a", "citizen:b", "citizen:c"
BOTH = frozenset({A, B, C})


def merge_doc(merged: str, survivor: str, **fields: Any) -> dict[str, Any]:
    return {
        "_id": merge_id_of(merged),
        "type": "merge",
        "schema": 1,
        "merged_id": merged,
        "survivor_id": survivor,
        "state": "merged",
        "at": "2026-12-02T20:00:00Z",
        "by": "staff:sup",
        "reason": "same person",
        **fields,
    }


def verdict(
    person: Person,
    new: dict[str, Any],
    current: dict[str, Any] | None = None,
    roots: frozenset[str] = BOTH,
    survivor_merge: dict[str, Any] | None = None,
) -> str | None:
    write = Write(
        new["_id"], new, current, current is not None, True, True, survivor_merge=survivor_merge
    )
    return judge(person, write, roots)


def test_a_supervisor_holding_both_records_merges_in_their_own_name() -> None:
    assert verdict(SUPERVISOR, merge_doc(B, A)) is None


@pytest.mark.parametrize(
    "person, new, roots, survivor_merge, why",
    [
        (AGENT, merge_doc(B, A), BOTH, None, "only a supervisor"),
        (SUPERVISOR, merge_doc(A, A), BOTH, None, "themselves"),
        (SUPERVISOR, merge_doc(B, A, by="staff:other"), BOTH, None, "own name"),
        (SUPERVISOR, {**merge_doc(B, A), "_id": "merge:c"}, BOTH, None, "id must name"),
        (SUPERVISOR, merge_doc(B, A), frozenset({B}), None, "full records"),
        (SUPERVISOR, merge_doc(B, A), frozenset({A, "directory"}), None, "full records"),
        # A -> B is in force on the server: B -> A (a chain back) and C -> A are refused.
        (SUPERVISOR, merge_doc(C, A), BOTH, merge_doc(A, B), "merged into another"),
        (SUPERVISOR, merge_doc(B, A), BOTH, merge_doc(A, B), "merged into another"),
        (SUPERVISOR, merge_doc(B, A, undone_at="2026-12-02T21:00:00Z"), BOTH, None, "undone"),
    ],
)
def test_hostile_or_careless_merges_are_refused_at_the_gateway(
    person: Person,
    new: dict[str, Any],
    roots: frozenset[str],
    survivor_merge: dict[str, Any] | None,
    why: str,
) -> None:
    reason = verdict(person, new, None, roots, survivor_merge)
    assert reason is not None and why in reason


def test_an_undo_changes_nothing_but_its_own_fields_and_is_final() -> None:
    current = {**merge_doc(B, A), "_rev": "1-x"}
    undo = {
        **current,
        "state": "undone",
        "undone_at": "2026-12-02T21:00:00Z",
        "undone_by": "staff:sup",
        "undo_reason": "different people",
    }
    assert verdict(SUPERVISOR, undo, current) is None
    assert "only a supervisor" in str(verdict(AGENT, {**undo, "undone_by": "staff:agent"}, current))
    assert "cannot change" in str(verdict(SUPERVISOR, {**undo, "survivor_id": C}, current))
    assert "own name" in str(verdict(SUPERVISOR, {**undo, "undone_by": "staff:x"}, current))
    assert "cannot change" in str(verdict(SUPERVISOR, {**current, "reason": "edited"}, current))
    assert "cannot change" in str(verdict(SUPERVISOR, {**undo, "undo_reason": "x"}, undo))
    again = {**merge_doc(B, C), "_rev": "2-y"}
    assert "history" in str(verdict(SUPERVISOR, again, undo))


def test_a_merge_is_held_by_whoever_holds_either_citizen() -> None:
    doc = {**merge_doc(B, A), "_rev": "1-x"}
    assert set(roots_of(doc["_id"], doc)) == {A, B}
    assert may_read(frozenset({A}), doc["_id"], doc) and may_read(frozenset({B}), doc["_id"], doc)
    assert not may_read(frozenset({C}), doc["_id"], doc)
    assert sorted(root for root, _ in roots_rows(doc)) == [A, B]


def test_a_not_the_same_person_decision_names_its_pair_in_order() -> None:
    doc = {
        "_id": distinct_id_of(B, A),
        "type": "distinct",
        "schema": 1,
        "first_id": A,
        "second_id": B,
        "at": "2026-12-02T20:00:00Z",
        "by": "staff:sup",
    }
    assert doc["_id"] == "distinct:a.b"
    assert verdict(SUPERVISOR, doc) is None
    assert "only a supervisor" in str(verdict(AGENT, {**doc, "by": "staff:agent"}))
    assert "in order" in str(verdict(SUPERVISOR, {**doc, "_id": "distinct:b.a"}))
    assert "full records" in str(verdict(SUPERVISOR, doc, roots=frozenset({A})))
    assert "cannot change" in str(verdict(SUPERVISOR, {**doc, "reason": "x"}, {**doc}))


@pytest.mark.parametrize("history", [5, "text", {"a": 1}, [None], None])
def test_a_merge_again_over_a_server_merge_of_any_shape_is_judged_not_crashed(
    history: Any,
) -> None:
    undone = {
        **merge_doc(B, A),
        "_rev": "2-x",
        "state": "undone",
        "undone_at": "2026-12-02T21:00:00Z",
        "undone_by": "staff:sup",
        "undo_reason": "no",
        "history": history,
    }
    again = {**merge_doc(B, C), "_rev": "3-y", "history": [{"survivor_id": A}]}
    reason = verdict(SUPERVISOR, again, undone)
    assert reason is None or isinstance(reason, str)
