"""Issue 9's "Done when", continued: the ways round the old rules, for the roles
``test_gateway_writes`` does not already try them with (it tries them as an agent, and taking a
colleague's case as an agent and a field officer); PouchDB 9's own replicator syncing exactly
a user's scope through the gateway; and two gateway processes behind one load balancer serving
a laptop exactly as one gateway does.

An admin may write anything but design documents (``test_gateway_writes`` tries those for
every role): none of these is a way round for them.
"""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import AUDIT_EVENT, CASE_EVENT
from caseworker.services import cases, contacts
from sync.devserver import run_replicate_js
from tests.support.gateway import (
    NOW,
    STAFF_USERS,
    USERS,
    Gateway,
    Server,
    a_case,
    a_note,
    central_server,
    revision,
    running_gateway,
)
from tests.support.load_balancer import RoundRobin
from tests.support.pouch_store import pouch_leaves
from tests.support.scope import (
    Laptop,
    admin_write,
    central_doc,
    central_docs,
    central_leaves,
    reach_council,
    scope_of,
)
from tests.sync.helpers import AGENT, SUPERVISOR

JSON = {"Accept": "application/json"}
FORGED_ANCESTORS = [f"8-{'e' * 32}", f"7-{'d' * 32}"]


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest) -> Server:
    """Apache CouchDB when ``CASEWORKER_TEST_COUCHDB`` names one, else the pinned PouchDB
    Server."""
    return central_server(request)


@pytest.fixture(scope="module")
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server, reach_council()) as gateway:
        yield gateway


def unique(prefix: str) -> str:
    return f"{prefix}:{uuid.uuid4().hex[:10]}"


def staff_of(user: str) -> str:
    return STAFF_USERS[user][2]


def push(gateway: Gateway, user: str, docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``_bulk_docs`` as the user (``new_edits: false``, as replication sends it): the errors,
    by id."""
    answer = requests.post(
        gateway.db_url + "/_bulk_docs",
        json={"docs": docs, "new_edits": False},
        auth=USERS[user],
        headers=JSON,
        timeout=60,
    )
    assert answer.status_code == 201, answer.text
    return {row["id"]: row for row in answer.json() if "error" in row}


def stored(server: Server, gateway: Gateway, doc_id: str) -> Any:
    return central_doc(server, gateway, doc_id, conflicts="true")


def held_case(server: Server, gateway: Gateway, user: str) -> dict[str, Any]:
    """A new case the user holds and may edit: assigned to the field officer, in the
    supervisor's queue (waste)."""
    case_id = unique("case")
    fields: dict[str, Any] = {"citizen_id": "citizen:c1"}
    if user == "olu":
        fields = {
            "queue_id": "queue:highways",
            "assignee_id": "staff:officer",
            "status": "assigned",
        }
    admin_write(server, gateway, [a_case(case_id, **fields)])
    doc: dict[str, Any] = stored(server, gateway, case_id)
    return doc


def an_event(case_id: str, by: str) -> dict[str, Any]:
    fields = {"case_id": case_id, "kind": "queue_changed", "at": NOW, "by": by}
    return new_document(CASE_EVENT, unique("event"), {**fields, "field": "queue_id"})


def an_audit(subject_id: str, by: str) -> dict[str, Any]:
    fields = {"at": NOW, "by": by, "action": "case.queue", "subject_id": subject_id}
    return new_document(AUDIT_EVENT, unique("audit"), fields)


# -- each way round, for every role ------------------------------------------------------------

ROLES = ["olu", "sam"]  # ann: tests/sync/test_gateway_writes.py


@pytest.mark.parametrize("user", ROLES)
@pytest.mark.parametrize("shape", ["made-up ancestors", "no history at all"])
def test_a_forged_branch_on_a_case_one_holds_is_refused(
    server: Server, gateway: Gateway, user: str, shape: str
) -> None:
    case = held_case(server, gateway, user)
    # The supervisor may move his queue's case and the officer close his own: only the
    # branch's made-up history ("9-fff..." on ancestors the server never saw) is wrong.
    forged = revision(
        {**case, "status": "closed", "closed_at": NOW},
        FORGED_ANCESTORS,
        tag="f" * 8,
    )
    if shape == "no history at all":
        forged.pop("_revisions")
    refused = push(gateway, user, [forged])[case["_id"]]
    assert refused["error"] == "forbidden" and "forged" in refused["reason"]
    after = stored(server, gateway, case["_id"])
    assert after["_rev"] == case["_rev"] and "_conflicts" not in after
    # The same change on the revision the server holds is theirs to make.
    honest = revision({**case, "status": "closed", "closed_at": NOW}, [case["_rev"]])
    assert push(gateway, user, [honest]) == {}
    assert stored(server, gateway, case["_id"])["status"] == "closed"


@pytest.mark.parametrize("user", ROLES)
def test_deleting_a_case_and_recreating_it_in_another_queue_is_refused(
    server: Server, gateway: Gateway, user: str
) -> None:
    # The officer's own case, to take into the waste queue; for the supervisor, who moves his
    # own queue's cases at will, a case of the highways queue, to take into his.
    case = held_case(server, gateway, "olu")
    tombstone = revision({"_id": case["_id"], "_deleted": True}, [case["_rev"]])
    assert push(gateway, user, [tombstone])[case["_id"]]["error"] == "forbidden"
    elsewhere = {**case, "queue_id": "queue:waste", "assignee_id": staff_of(user)}
    recreated = revision(elsewhere, [tombstone["_rev"], case["_rev"]])
    assert push(gateway, user, [recreated])[case["_id"]]["error"] == "forbidden"
    assert stored(server, gateway, case["_id"])["_rev"] == case["_rev"]


@pytest.mark.parametrize("user", ROLES)
def test_a_case_an_admin_deleted_cannot_be_recreated_in_another_queue(
    server: Server, gateway: Gateway, user: str
) -> None:
    case = held_case(server, gateway, user)
    tombstone = revision({"_id": case["_id"], "_deleted": True}, [case["_rev"]])
    admin_write(server, gateway, [tombstone])
    elsewhere = {**case, "queue_id": "queue:waste" if user == "olu" else "queue:highways"}
    recreated = revision(elsewhere, [tombstone["_rev"], case["_rev"]])
    assert push(gateway, user, [recreated])[case["_id"]]["error"] == "forbidden"
    assert stored(server, gateway, case["_id"]) is None


@pytest.mark.parametrize("user", ["ann", *ROLES])
@pytest.mark.parametrize("how", ["next revision", "forged branch", "deletion"])
def test_a_note_of_ones_own_cannot_be_rewritten(
    server: Server, gateway: Gateway, user: str, how: str
) -> None:
    case = held_case(server, gateway, user)
    note_id = unique("note")
    note = revision(a_note(note_id, "as it was said", staff_of(user), case_id=case["_id"]))
    assert push(gateway, user, [note]) == {}  # appending is anyone's
    rewrite: dict[str, Any] = {**note, "text": "as I now wish it was said"}
    if how == "next revision":
        changed = revision(rewrite, [note["_rev"]])
    elif how == "forged branch":
        changed = revision(rewrite, FORGED_ANCESTORS, tag="f" * 8)
    else:
        changed = revision({"_id": note_id, "_deleted": True}, [note["_rev"]])
    assert push(gateway, user, [changed])[note_id]["error"] == "forbidden"
    after = stored(server, gateway, note_id)
    assert after["text"] == "as it was said" and after["_rev"] == note["_rev"]
    assert "_conflicts" not in after


@pytest.mark.parametrize("user", ROLES)
def test_the_events_describing_a_refused_change_are_refused_with_it(
    server: Server, gateway: Gateway, user: str
) -> None:
    # The officer may not move a case to another queue; the supervisor may not move one he
    # neither holds nor supervises (case:h1, highways, the officer's).
    theirs = stored(server, gateway, "case:h1")
    case = held_case(server, gateway, user) if user == "olu" else theirs
    moved = revision({**case, "queue_id": "queue:waste"}, [case["_rev"]])
    event = revision(an_event(case["_id"], staff_of(user)))
    audit = revision(an_audit(case["_id"], staff_of(user)))
    honest = revision(a_note(unique("note"), "an honest note", staff_of(user), case_id="case:w2"))
    refused = push(gateway, user, [event, moved, audit, honest])
    assert set(refused) == {case["_id"], event["_id"], audit["_id"]}
    assert all(row["error"] == "forbidden" for row in refused.values())
    for doc_id in (event["_id"], audit["_id"]):
        assert stored(server, gateway, doc_id) is None
    assert stored(server, gateway, case["_id"])["_rev"] == case["_rev"]
    assert stored(server, gateway, honest["_id"]) is not None


@pytest.mark.parametrize("user", ROLES)
def test_history_in_another_name_or_on_a_case_outside_ones_work_is_refused(
    server: Server, gateway: Gateway, user: str
) -> None:
    mine = held_case(server, gateway, user)
    someone_else = "staff:agent"
    in_their_name = revision(an_event(mine["_id"], someone_else))
    note_in_their_name = revision(a_note(unique("note"), "not me", someone_else, case_id="case:w1"))
    not_my_work = revision(an_event("case:a3", staff_of(user)))  # held by no one but the admin
    audit_in_their_name = revision(an_audit(mine["_id"], someone_else))
    docs = [in_their_name, note_in_their_name, not_my_work, audit_in_their_name]
    refused = push(gateway, user, docs)
    assert set(refused) == {d["_id"] for d in docs}
    assert all(row["error"] == "forbidden" for row in refused.values())
    assert all(stored(server, gateway, d["_id"]) is None for d in docs)


def test_a_supervisor_cannot_take_a_case_outside_his_queues(
    server: Server, gateway: Gateway
) -> None:
    case = stored(server, gateway, "case:h1")  # highways, the officer's
    taken = revision({**case, "assignee_id": "staff:supervisor"}, [case["_rev"]])
    assert push(gateway, "sam", [taken])["case:h1"]["error"] == "forbidden"
    assert stored(server, gateway, "case:h1")["assignee_id"] == "staff:officer"


QUEUES = {"queue_ids": ["queue:waste", "queue:highways"]}
WIDER = {"ann": QUEUES, "olu": {"patch": ["LL57", "CF10"]}, "sam": QUEUES}


@pytest.mark.parametrize("user", ["ann", "olu", "sam"])
def test_a_side_branch_that_would_win_cannot_widen_ones_own_staff_record(
    server: Server, user: str
) -> None:
    with running_gateway(server, reach_council()) as gateway:
        staff_id = staff_of(user)
        first = stored(server, gateway, staff_id)
        admin_write(server, gateway, [{**first, "name": first["name"] + " (renamed)"}])
        winner = stored(server, gateway, staff_id)
        # A sibling of the admin's revision on the one before it, made to sort above it: had
        # it been stored, CouchDB would pick it as the winner.
        tag = next(t for t in map(str, range(1000)) if _wins(first, user, t, winner["_rev"]))
        branch = revision({**first, **WIDER[user]}, [first["_rev"]], tag=tag)
        before = scope_of(user, central_docs(server, gateway))
        assert scope_of(user, central_docs(server, gateway), {**first, **WIDER[user]}) > before
        assert push(gateway, user, [branch])[staff_id]["error"] == "forbidden"
        after = stored(server, gateway, staff_id)
        assert after["_rev"] == winner["_rev"] and "_conflicts" not in after
        assert scope_of(user, central_docs(server, gateway)) == before


def _wins(body: dict[str, Any], user: str, tag: str, winner: str) -> bool:
    rev: str = revision({**body, **WIDER[user]}, [body["_rev"]], tag=tag)["_rev"]
    return rev > winner


# -- PouchDB 9's own replicator ----------------------------------------------------------------


@pytest.mark.parametrize("user", ["ann", "olu", "sam"])
def test_pouchdb_replicates_exactly_the_users_scope_through_the_gateway(
    tmp_path: Path, server: Server, gateway: Gateway, user: str
) -> None:
    name, password = USERS[user]
    credentials = {"CW_REMOTE_USER": name, "CW_REMOTE_PASSWORD": password}
    docs = central_docs(server, gateway)
    expected = scope_of(user, docs)
    answer = run_replicate_js(
        "pull", gateway.db_url, "--target-dir", str(tmp_path), env=credentials
    )
    assert answer["docs_written"] == len(expected), answer
    assert pouch_leaves(tmp_path) == central_leaves(docs, expected)


def test_pouchdb_writes_through_the_gateway_and_is_refused_what_is_not_allowed(
    tmp_path: Path, server: Server, gateway: Gateway
) -> None:
    case = stored(server, gateway, "case:w1")
    note = a_note(unique("note"), "written by PouchDB", "staff:agent", case_id="case:w1")
    moved = {**case, "queue_id": "queue:highways"}  # an agent may not move a case
    file = tmp_path / "docs.json"
    file.write_text(json.dumps([note, moved]))
    name, password = USERS["ann"]
    answer = run_replicate_js(
        "write",
        gateway.db_url,
        str(file),
        env={"CW_REMOTE_USER": name, "CW_REMOTE_PASSWORD": password},
    )
    results = {r["id"]: r for r in answer["results"]}
    assert "error" not in results[note["_id"]]
    assert results["case:w1"]["error"] == "forbidden"
    assert stored(server, gateway, note["_id"])["text"] == "written by PouchDB"
    assert stored(server, gateway, "case:w1")["_rev"] == case["_rev"]


# -- two gateway processes ---------------------------------------------------------------------


def test_two_gateways_behind_a_balancer_serve_a_laptop_as_one_gateway_does(
    tmp_path: Path, server: Server
) -> None:
    with (
        running_gateway(server, reach_council()) as first,
        Gateway(server, first.upstream_db_url) as second,
        RoundRobin([first.url, second.url]) as balancer,
    ):
        both = balancer.rewrite(first.db_url)  # each request to the next gateway in turn
        laptops = [
            Laptop(tmp_path, "olu", both, name="olu-both"),
            Laptop(tmp_path, "olu", first.db_url, name="olu-one"),
            Laptop(tmp_path, "sam", both),
            Laptop(tmp_path, "ann", second.db_url),
            Laptop(tmp_path, "ada", first.db_url),
        ]
        olu_both, olu_one, sam, ann, ada = laptops
        try:

            def check() -> None:
                for laptop in (olu_both, olu_one):
                    # small batches: many pages, each token made by one gateway, used at the other
                    assert laptop.sync(batch_size=2).up_to_date
                docs = central_docs(server, first)
                expected = central_leaves(docs, scope_of("olu", docs))
                assert olu_both.leaves() == olu_one.leaves() == expected

            for laptop in (sam, ann, ada):
                assert laptop.sync().up_to_date
            check()
            # the agent notes something on the officer's case, through the second gateway
            with ann.store.write() as session:
                contacts.add_note(session, AGENT, "Hywel rang again", case_id="case:w2")
            assert not ann.sync().refused
            check()
            # the supervisor gives the case away, through the balancer: a removal
            with sam.store.write() as session:
                cases.assign(session, SUPERVISOR, "case:w2", "staff:agent")
            assert not sam.sync().refused
            check()
            assert "case:w2" not in olu_both.ids()
            # the admin moves the officer's patch: one area case leaves, another arrives
            from caseworker.store import docstore

            with ada.store.write() as session:
                officer = docstore.require(session, "staff:officer")
                docstore.put(session, {**officer, "patch": ["CF10"]})
            assert not ada.sync().refused
            check()
            assert "case:a3" in olu_both.ids() and "case:a1" not in olu_both.ids()
            # and the case comes back
            sam.sync()
            with sam.store.write() as session:
                cases.assign(session, SUPERVISOR, "case:w2", "staff:officer")
            assert not sam.sync().refused
            check()
            assert "case:w2" in olu_both.ids()
            again = olu_both.sync()
            assert again.up_to_date and again.pull.docs_written == 0
        finally:
            for laptop in laptops:
                laptop.close()
        # Both gateways answered the laptop's change feed and its checkpoints.
        for upstream in balancer.upstreams:
            mine = [what for where, what in balancer.paths if where == upstream]
            assert any("/_changes" in what for what in mine), upstream
            assert any("/_local/" in what for what in mine), upstream
