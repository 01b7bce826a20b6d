"""Merges through the gateway: a supervisor holding both records merges them in their own
name; an agent cannot; a merge into a citizen merged away (the chain back included) and a merge
naming a record the supervisor does not hold are refused, judged against the server's own
merge documents, whatever the laptop claimed."""

from typing import Any

from caseworker.access.merge_rules import merge_id_of
from caseworker.documents.codec import new_document
from caseworker.documents.types import MERGE
from tests.support.gateway import NOW, Gateway, a_case, a_citizen, revision
from tests.sync.test_gateway_writes import ANN, SAM, Central, errors, push, unique
from tests.sync.test_gateway_writes import central as central


def a_merge(merged: str, survivor: str, by: str) -> dict[str, Any]:
    body = {
        "merged_id": merged,
        "survivor_id": survivor,
        "state": "merged",
        "at": NOW,
        "by": by,
        "reason": "same person",
    }
    return new_document(MERGE, merge_id_of(merged), body)


def _held_pair(central: Central) -> tuple[str, str]:
    """Two new citizens on cases in the waste queue (held by ann and sam)."""
    made = []
    for given in ("Gwyn", "Gwynfor"):
        citizen_id = unique("citizen")
        central.put(a_citizen(citizen_id, given, "Hopkin"))
        central.put(a_case(unique("case"), citizen_id=citizen_id))
        made.append(citizen_id)
    return made[0], made[1]


def test_a_supervisor_merges_two_held_records_and_an_agent_cannot(
    gateway: Gateway, central: Central
) -> None:
    a, b = _held_pair(central)
    by_agent = revision(a_merge(b, a, "staff:agent"))
    refused = errors(push(gateway, ANN, [by_agent]))[by_agent["_id"]]
    assert refused["error"] == "forbidden" and "only a supervisor" in refused["reason"]
    merge = revision(a_merge(b, a, "staff:supervisor"))
    assert push(gateway, SAM, [merge]).json() == []
    assert central.get(merge["_id"])["survivor_id"] == a


def test_a_merge_into_a_merged_citizen_or_of_a_record_not_held_is_refused(
    gateway: Gateway, central: Central
) -> None:
    a, b = _held_pair(central)
    central.put(a_merge(b, a, "staff:supervisor"))  # b is merged into a on the server
    chain_back = revision(a_merge(a, b, "staff:supervisor"))
    c, _ = _held_pair(central)
    into_merged = revision(a_merge(c, b, "staff:supervisor"))
    not_held = revision(a_merge("citizen:c2", c, "staff:supervisor"))  # Dafydd: olu's only
    refused = errors(push(gateway, SAM, [chain_back, into_merged, not_held]))
    assert "merged into another" in refused[chain_back["_id"]]["reason"]
    assert "merged into another" in refused[into_merged["_id"]]["reason"]
    assert "full records" in refused[not_held["_id"]]["reason"]
    for doc in (chain_back, into_merged, not_held):
        assert central.get(doc["_id"]) is None
