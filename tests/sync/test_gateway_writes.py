"""The gateway stores only what the writer may write, judged against the server's current winning
revision: each way round the old validation rules is refused with a CouchDB-shaped error per
document, and the rest of the batch is kept.

The ways round, as measured on CouchDB 3.4.3 with only ``validate_doc_update`` (issue 9):
taking a colleague's case, deleting a case and re-creating it elsewhere, a forged revision
branch the server has never seen, rewriting an append-only note, and the events describing a
refused change stored anyway.
"""

import uuid
from typing import Any

import pytest
import requests

from caseworker.limits import MAX_DOCUMENT_BYTES
from tests.support.erasure_gateway import Central
from tests.support.gateway import (
    NOW,
    USERS,
    Gateway,
    Server,
    a_case,
    a_note,
    revision,
)

JSON = {"Accept": "application/json"}
ANN, OLU, SAM, ADA = USERS["ann"], USERS["olu"], USERS["sam"], USERS["ada"]


@pytest.fixture
def central(server: Server, gateway: Gateway) -> Central:
    return Central(server, gateway)


def push(
    gateway: Gateway, auth: tuple[str, str], docs: list[Any], new_edits: bool = False
) -> requests.Response:
    return requests.post(
        gateway.db_url + "/_bulk_docs",
        json={"docs": docs, "new_edits": new_edits},
        auth=auth,
        headers=JSON,
        timeout=60,
    )


def errors(answer: requests.Response) -> dict[str, dict[str, Any]]:
    assert answer.status_code == 201, answer.text
    return {entry["id"]: entry for entry in answer.json() if "error" in entry}


def unique(prefix: str) -> str:
    return f"{prefix}:{uuid.uuid4().hex[:10]}"


def an_event(case_id: str, by: str, **fields: Any) -> dict[str, Any]:
    from caseworker.documents.codec import new_document
    from caseworker.documents.types import CASE_EVENT

    return new_document(
        CASE_EVENT,
        unique("event"),
        {"case_id": case_id, "kind": "assigned", "at": NOW, "by": by, **fields},
    )


def an_audit(subject_id: str, by: str) -> dict[str, Any]:
    from caseworker.documents.codec import new_document
    from caseworker.documents.types import AUDIT_EVENT

    return new_document(
        AUDIT_EVENT,
        unique("audit"),
        {"at": NOW, "by": by, "action": "case.assigned", "subject_id": subject_id},
    )


# -- the ways round the old rules ------------------------------------------------------------


def test_a_forged_branch_the_server_never_saw_is_refused(
    gateway: Gateway, central: Central
) -> None:
    case_id = unique("case")
    rev = central.put(a_case(case_id))
    # "9-fff...": a branch of made-up ancestors; CouchDB would hand its rules no old document.
    forged = revision(
        {
            **central.get(case_id),
            "queue_id": "queue:highways",
            "status": "closed",
            "closed_at": NOW,
        },
        [f"8-{'e' * 32}", f"7-{'d' * 32}"],
    )
    answer = push(gateway, ANN, [forged])
    refused = errors(answer)[case_id]
    assert refused["error"] == "forbidden"
    assert "forged" in refused["reason"]
    assert refused["rev"] == forged["_rev"]
    stored = central.get(case_id, conflicts="true")
    assert stored["_rev"] == rev and stored["queue_id"] == "queue:waste"
    assert "_conflicts" not in stored


def test_a_branch_without_any_history_on_an_existing_id_is_refused(
    gateway: Gateway, central: Central
) -> None:
    case_id = unique("case")
    central.put(a_case(case_id))
    rootless = revision({**central.get(case_id), "summary": "mine now"})
    rootless.pop("_revisions")
    assert "forged" in errors(push(gateway, ANN, [rootless]))[case_id]["reason"]


@pytest.mark.parametrize("user", ["ann", "olu"])
def test_taking_a_colleagues_case_is_refused(gateway: Gateway, central: Central, user: str) -> None:
    case_id = unique("case")
    rev = central.put(a_case(case_id, assignee_id="staff:supervisor", status="assigned"))
    taken = revision({**central.get(case_id), "assignee_id": USERS_STAFF[user]}, [rev])
    refused = errors(push(gateway, USERS[user], [taken]))
    assert refused[case_id]["error"] == "forbidden"
    assert central.get(case_id)["assignee_id"] == "staff:supervisor"


USERS_STAFF = {"ann": "staff:agent", "olu": "staff:officer", "sam": "staff:supervisor"}


def test_deleting_a_case_and_recreating_it_in_another_queue_is_refused(
    gateway: Gateway, central: Central
) -> None:
    case_id = unique("case")
    rev = central.put(a_case(case_id))
    current = central.get(case_id)
    tombstone = revision({"_id": case_id, "_deleted": True}, [rev])
    refused = errors(push(gateway, ANN, [tombstone]))
    assert refused[case_id]["error"] == "forbidden"
    recreated = revision({**current, "queue_id": "queue:highways"}, [tombstone["_rev"], rev])
    assert errors(push(gateway, ANN, [recreated]))[case_id]["error"] == "forbidden"
    assert central.get(case_id)["queue_id"] == "queue:waste"


def test_an_append_only_note_cannot_be_rewritten(gateway: Gateway, central: Central) -> None:
    note_id = unique("note")
    rev = central.put(a_note(note_id, "said hello", "staff:agent", case_id="case:w1"))
    rewritten = revision({**central.get(note_id), "text": "said something else"}, [rev])
    assert errors(push(gateway, ANN, [rewritten]))[note_id]["error"] == "forbidden"
    assert central.get(note_id)["text"] == "said hello"


def test_an_event_in_someone_elses_name_is_refused(gateway: Gateway) -> None:
    note = revision(a_note(unique("note"), "written by ann", "staff:supervisor", case_id="case:w1"))
    assert errors(push(gateway, ANN, [note]))[note["_id"]]["error"] == "forbidden"


def test_a_refused_change_and_the_events_describing_it_are_refused_together(
    gateway: Gateway, central: Central
) -> None:
    case_id = unique("case")
    rev = central.put(a_case(case_id, assignee_id="staff:supervisor", status="assigned"))
    taken = revision({**central.get(case_id), "assignee_id": "staff:agent"}, [rev])
    event = revision(an_event(case_id, "staff:agent", field="assignee_id", new="staff:agent"))
    audit = revision(an_audit(case_id, "staff:agent"))
    unrelated = revision(a_note(unique("note"), "an honest note", "staff:agent", case_id="case:w1"))
    refused = errors(push(gateway, ANN, [event, taken, audit, unrelated]))
    assert set(refused) == {case_id, event["_id"], audit["_id"]}
    assert all(e["error"] == "forbidden" for e in refused.values())
    assert central.get(event["_id"]) is None and central.get(audit["_id"]) is None
    assert central.get(unrelated["_id"])["text"] == "an honest note"


def test_a_member_cannot_widen_their_own_scope(gateway: Gateway, central: Central) -> None:
    mine = central.get("staff:officer")
    widened = revision(
        {**mine, "patch": ["LL57", "SW1A"], "queue_ids": ["queue:highways"]}, [mine["_rev"]]
    )
    assert errors(push(gateway, OLU, [widened]))["staff:officer"]["error"] == "forbidden"
    promoted = revision(
        {**central.get("staff:agent"), "role": "supervisor"}, [central.get("staff:agent")["_rev"]]
    )
    assert errors(push(gateway, ANN, [promoted]))["staff:agent"]["error"] == "forbidden"
    assert central.get("staff:officer")["_rev"] == mine["_rev"]


@pytest.mark.parametrize("user", ["ann", "olu", "sam", "ada"])
def test_nobody_writes_design_or_local_documents_through_bulk_docs(
    gateway: Gateway, central: Central, user: str
) -> None:
    design = central.get("_design/caseworker-access")
    hijack = revision({**design, "views": {}}, [design["_rev"]])
    local = {"_id": "_local/caseworker-scope-x", "_rev": "0-1", "roots": ["*"]}
    answer = push(gateway, USERS[user], [hijack, local])
    refused = errors(answer)
    assert refused["_design/caseworker-access"]["error"] == "forbidden"
    assert refused["_local/caseworker-scope-x"]["error"] == "forbidden"
    assert central.get("_design/caseworker-access")["_rev"] == design["_rev"]


# -- what is allowed goes through, and a bad document stops nothing else ----------------------


def test_allowed_writes_are_stored_with_their_revisions(gateway: Gateway, central: Central) -> None:
    case_id = unique("case")
    created = revision(a_case(case_id, citizen_id="citizen:c1"))
    note = revision(a_note(unique("note"), "noted", "staff:agent", case_id=case_id))
    assert push(gateway, ANN, [created, note]).json() == []
    assert central.get(case_id)["_rev"] == created["_rev"]
    # Ann holds the case now (queue waste): her edit of it goes through.
    edited = revision({**created, "priority": "high"}, [created["_rev"]])
    assert push(gateway, ANN, [edited]).json() == []
    assert central.get(case_id)["priority"] == "high"
    # Sending the same revisions again changes nothing and is no error.
    assert push(gateway, ANN, [created, edited, note]).json() == []


def test_an_oversized_document_is_refused_alone(gateway: Gateway, central: Central) -> None:
    big = revision(a_note(unique("note"), "x" * 10, "staff:agent", case_id="case:w1"))
    big["text"] = "x" * (MAX_DOCUMENT_BYTES + 10)
    small = revision(a_note(unique("note"), "small", "staff:agent", case_id="case:w1"))
    answer = push(gateway, ANN, [big, small])
    refused = errors(answer)
    assert set(refused) == {big["_id"]}
    assert refused[big["_id"]]["error"] == "too_large"
    assert central.get(small["_id"]) is not None and central.get(big["_id"]) is None


def deep(levels: int) -> Any:
    value: Any = "bottom"
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("broken", "error"),
    [
        ("not a document", "bad_request"),
        ({"type": "note"}, "bad_request"),  # no _id
        ({"_id": "note:x1", "type": "note"}, "bad_request"),  # no _rev with new_edits false
        ({"_id": "note:x2", "_rev": "abc", "type": "note"}, "bad_request"),
        (
            {"_id": "note:x3", "_rev": "2-abc", "_revisions": {"start": 2, "ids": ["zzz", "y"]}},
            "bad_request",
        ),
        (
            {"_id": "note:x4", "_rev": "1-abc", "_revisions": {"start": 1, "ids": "abc"}},
            "bad_request",
        ),
        ({"_id": "note:x5", "_rev": "1-abc", "_evil": True}, "doc_validation"),
        ({"_id": "note:x6", "_rev": "1-abc", "nested": deep(200)}, "bad_request"),
        ({"_id": "note:x7", "_rev": "1-abc", "_deleted": "yes"}, "bad_request"),
        ({"_id": "x" * 500, "_rev": "1-abc"}, "bad_request"),
        ({"_id": "spaceship:1", "_rev": "1-abc", "type": "spaceship", "schema": 1}, "forbidden"),
    ],
)
def test_a_malformed_document_is_answered_alone_and_the_rest_is_kept(
    gateway: Gateway, central: Central, broken: Any, error: str
) -> None:
    good = revision(a_note(unique("note"), "kept", "staff:agent", case_id="case:w1"))
    answer = push(gateway, ANN, [broken, good])
    assert answer.status_code == 201, answer.text
    entries = answer.json()
    assert len(entries) == 1 and entries[0]["error"] == error, entries
    assert central.get(good["_id"])["text"] == "kept"


def test_a_batch_that_is_not_a_batch_is_a_bad_request(gateway: Gateway) -> None:
    for body in ({"docs": "x"}, {"docs": [], "new_edits": "no"}, [], {}):
        answer = requests.post(
            gateway.db_url + "/_bulk_docs", json=body, auth=ANN, headers=JSON, timeout=30
        )
        assert answer.status_code == 400, answer.text
    garbage = requests.post(
        gateway.db_url + "/_bulk_docs", data=b"{not json", auth=ANN, headers=JSON, timeout=30
    )
    assert garbage.status_code == 400


def test_a_supervisor_moves_a_case_and_an_admin_deletes_one(
    gateway: Gateway, central: Central
) -> None:
    case_id = unique("case")
    rev = central.put(a_case(case_id))
    moved = revision({**central.get(case_id), "queue_id": "queue:highways"}, [rev])
    assert push(gateway, SAM, [moved]).json() == []
    assert central.get(case_id)["queue_id"] == "queue:highways"
    tombstone = revision({"_id": case_id, "_deleted": True}, [moved["_rev"], rev])
    assert errors(push(gateway, SAM, [tombstone]))[case_id]["error"] == "forbidden"
    assert push(gateway, ADA, [tombstone]).json() == []
    assert central.get(case_id) is None


def test_new_edits_true_is_judged_the_same_and_answered_in_order(
    gateway: Gateway, central: Central
) -> None:
    mine, theirs = unique("case"), unique("case")
    central.put(a_case(theirs, assignee_id="staff:supervisor", status="assigned"))
    current = central.get(theirs)
    answer = requests.post(
        gateway.db_url + "/_bulk_docs",
        json={"docs": [a_case(mine), {**current, "assignee_id": "staff:agent"}]},
        auth=ANN,
        headers=JSON,
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    first, second = answer.json()
    assert first["id"] == mine and first["ok"] is True
    assert second["id"] == theirs and second["error"] == "forbidden"
    assert central.get(theirs)["assignee_id"] == "staff:supervisor"


def test_only_a_supervisor_changes_the_routing_rules_through_the_gateway(
    gateway: Gateway, central: Central
) -> None:
    from caseworker.documents.codec import new_document
    from caseworker.documents.types import ROUTING, ROUTING_ID

    rule = {"id": "r1", "name": "Social", "queue_id": "queue:waste", "channels": ["social"]}
    fields = {"rules": [rule], "updated_at": NOW, "updated_by": "staff:agent"}
    forged = revision(new_document(ROUTING, ROUTING_ID, fields))
    for user in (ANN, OLU):  # a peer who is not a supervisor, new or on top of the real one
        assert errors(push(gateway, user, [forged]))[ROUTING_ID]["error"] == "forbidden"
    assert central.get(ROUTING_ID) is None
    real = revision(new_document(ROUTING, ROUTING_ID, {**fields, "updated_by": "staff:supervisor"}))
    assert push(gateway, SAM, [real]).json() == []
    widened = revision({**real, "rules": [{**rule, "areas": [""]}]}, [real["_rev"]])
    assert "not a postcode area" in errors(push(gateway, SAM, [widened]))[ROUTING_ID]["reason"]
    taken = revision({**real, "rules": []}, [real["_rev"]])
    assert errors(push(gateway, ANN, [taken]))[ROUTING_ID]["error"] == "forbidden"
    assert central.get(ROUTING_ID)["_rev"] == real["_rev"]


def test_only_a_supervisor_changes_the_council_calendar_through_the_gateway(
    gateway: Gateway, central: Central
) -> None:
    """Every due time is counted on it: a peer who is not a supervisor cannot push it, new or
    on top of the real one, and nobody can push a second calendar beside it."""
    from caseworker.documents.codec import new_document
    from caseworker.documents.types import CALENDAR

    hours = [{"day": "mon", "start": "09:00", "end": "17:00"}]
    fields = {"nation": "england-and-wales", "hours": hours, "updated_at": NOW}
    forged = revision(new_document(CALENDAR, "calendar:council", fields))
    for user in (ANN, OLU):
        assert errors(push(gateway, user, [forged]))["calendar:council"]["error"] == "forbidden"
    assert central.get("calendar:council") is None
    assert push(gateway, SAM, [forged]).json() == []
    other = revision(new_document(CALENDAR, "calendar:other", fields))
    assert "one calendar" in errors(push(gateway, SAM, [other]))["calendar:other"]["reason"]
    closed = revision({**forged, "closures": [{"date": "2027-01-04"}]}, [forged["_rev"]])
    assert errors(push(gateway, ANN, [closed]))["calendar:council"]["error"] == "forbidden"
    assert central.get("calendar:council")["_rev"] == forged["_rev"]
    assert central.get("calendar:other") is None
