"""Warning markers through the gateway: set in your own name on a citizen you hold, never in a
colleague's, never on a citizen you do not hold; who set one and when cannot be rewritten, and
a marker is ended, not deleted."""

from typing import Any

from caseworker.documents.codec import new_document
from caseworker.documents.types import MARKER
from tests.support.gateway import NOW, Gateway, revision
from tests.sync.test_gateway_writes import ANN, SAM, Central, errors, push, unique
from tests.sync.test_gateway_writes import central as central


def a_marker(citizen_id: str, set_by: str, **fields: Any) -> dict[str, Any]:
    body = {
        "citizen_id": citizen_id,
        "kind": "officer_safety",
        "reason": "Visit in pairs",
        "set_by": set_by,
        "set_at": NOW,
        "review_on": "2025-06-01",
        "address": "1 Stryd y Bont",
        "postcode": "CF37 1AB",
        **fields,
    }
    return new_document(MARKER, unique("marker"), body)


def test_a_marker_on_a_held_citizen_in_your_own_name_is_stored(
    gateway: Gateway, central: Central
) -> None:
    marker = revision(a_marker("citizen:c1", "staff:agent"))
    assert push(gateway, ANN, [marker]).json() == []
    assert central.get(marker["_id"])["set_by"] == "staff:agent"


def test_a_marker_in_a_colleagues_name_or_on_a_citizen_not_held_is_refused(
    gateway: Gateway, central: Central
) -> None:
    forged_name = revision(a_marker("citizen:c1", "staff:supervisor"))
    not_held = revision(a_marker("citizen:c2", "staff:agent"))  # Dafydd: olu's case only
    refused = errors(push(gateway, ANN, [forged_name, not_held]))
    assert refused[forged_name["_id"]]["error"] == "forbidden"
    assert "own name" in refused[forged_name["_id"]]["reason"]
    assert refused[not_held["_id"]]["error"] == "forbidden"
    assert central.get(forged_name["_id"]) is None and central.get(not_held["_id"]) is None


def test_who_set_a_marker_and_when_cannot_be_rewritten_and_it_is_never_deleted(
    gateway: Gateway, central: Central
) -> None:
    body = a_marker("citizen:c1", "staff:agent")
    rev = central.put(body)
    stored = central.get(body["_id"])
    for change in ({"set_by": "staff:supervisor"}, {"set_at": "2024-01-01T09:00:00Z"}):
        rewritten = revision({**stored, **change}, [rev])
        assert errors(push(gateway, SAM, [rewritten]))[body["_id"]]["error"] == "forbidden"
    tombstone = revision({"_id": body["_id"], "_deleted": True}, [rev])
    refused = errors(push(gateway, ANN, [tombstone]))[body["_id"]]
    assert "never deleted" in refused["reason"]
    ended = revision({**stored, "ended_at": NOW, "ended_by": "staff:supervisor"}, [rev])
    assert push(gateway, SAM, [ended]).json() == []  # a supervisor ends it, in their own name
    assert central.get(body["_id"])["ended_by"] == "staff:supervisor"
