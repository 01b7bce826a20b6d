"""The gateway refuses late writes about an erased person, and never stores them.

A laptop offline since before an erasure pushes what was typed about the citizen before it pulls
the erasure. The gateway holds the ids every erasure in force takes (``sync.gateway.erased``:
the citizen, their cases) and refuses, per document, any revision that is, hangs off or names
one of them anywhere in its body: a new note, an edit of an old one, a merge, a link nested
deep in a list, a replicated revision; after a restart as well. The same writes about another
citizen are stored (each test shows its refusal is the erasure's, not another rule's). An
erasure the central job refused because of a legal hold is not in force.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from caseworker.erasure import scope
from caseworker.services import contacts
from tests.support.erasure_gateway import Central, erase, push, refused_for, stored
from tests.support.gateway import USERS, Gateway, Server, a_note, revision, running_gateway
from tests.sync.helpers import AGENT, local_ids, make_store, sync

ANN, OLU, SAM = USERS["ann"], USERS["olu"], USERS["sam"]


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as gateway:
        yield gateway


@pytest.fixture
def central(server: Server, gateway: Gateway) -> Central:
    return Central(server, gateway)


def test_a_new_note_naming_the_erased_citizen_is_refused_and_not_stored(
    gateway: Gateway, central: Central
) -> None:
    erasure_id = erase(central, gateway, "citizen:c1")
    about = a_note("note:late-c1", "Carys rang back", "staff:agent", citizen_id="citizen:c1")
    on_case = a_note("note:late-w1", "Carys's bin again", "staff:agent", case_id="case:w1")
    other = a_note("note:late-c2", "Dafydd rang", "staff:officer", case_id="case:h1")
    answer = push(gateway, SAM, [about, on_case])
    assert refused_for(answer, "note:late-c1", erasure_id)
    assert refused_for(answer, "note:late-w1", erasure_id)  # a case of theirs: the view found it
    assert central.get("note:late-c1") is None and central.get("note:late-w1") is None
    assert stored(push(gateway, OLU, [other]), "note:late-c2")
    # Replicated as a laptop pushes (new_edits false): refused the same way.
    replicated = revision(a_note("note:late-r", "Carys again", "staff:agent", case_id="case:w1"))
    answer = push(gateway, SAM, [replicated], new_edits=False)
    assert refused_for(answer, "note:late-r", erasure_id)
    assert central.get("note:late-r") is None


def test_an_edit_of_an_existing_record_of_theirs_is_refused(
    gateway: Gateway, central: Central
) -> None:
    before = central.get("case:w1")
    erasure_id = erase(central, gateway, "citizen:c1")
    edited = {**before, "summary": "Bin missed again, Carys says"}
    answer = push(gateway, SAM, [edited])
    assert refused_for(answer, "case:w1", erasure_id)
    citizen = central.get("citizen:c1")
    answer = push(gateway, SAM, [{**citizen, "given_name": "Carys Ann"}])
    assert refused_for(answer, "citizen:c1", erasure_id)
    # Stripping the link does not launder an edit: the server's own copy still names them.
    case_rev = central.get("case:w1")["_rev"]
    unlinked = {**before, "citizen_id": None, "summary": "a bin"}
    assert refused_for(push(gateway, SAM, [unlinked]), "case:w1", erasure_id)
    deleted = {"_id": "case:w1", "_rev": case_rev, "_deleted": True}
    assert refused_for(push(gateway, SAM, [deleted]), "case:w1", erasure_id)
    assert central.get("case:w1")["_rev"] == before["_rev"] == case_rev
    assert central.get("citizen:c1")["_rev"] == citizen["_rev"]
    h1 = central.get("case:h1")
    assert stored(push(gateway, OLU, [{**h1, "summary": "Pothole, deeper"}]), "case:h1")


def test_a_merge_naming_the_erased_citizen_is_refused(gateway: Gateway, central: Central) -> None:
    erasure_id = erase(central, gateway, "citizen:c1")
    merge = {
        "_id": "merge:c3",
        "type": "merge",
        "schema": 1,
        "merged_id": "citizen:c3",
        "survivor_id": "citizen:c1",
        "state": "merged",
        "at": "2025-03-02T09:00:00Z",
        "by": "staff:supervisor",
        "reason": "same person",
    }
    assert refused_for(push(gateway, SAM, [merge]), "merge:c3", erasure_id)
    assert central.get("merge:c3") is None


def test_an_erased_id_nested_deep_in_a_body_is_refused(gateway: Gateway, central: Central) -> None:
    erasure_id = erase(central, gateway, "citizen:c1")
    nested = a_note("note:nested", "about a neighbour", "staff:officer", case_id="case:h1")
    nested["links"] = [{"kind": "neighbour", "ref": {"ids": ["x", "citizen:c1"]}}]
    keyed = a_note("note:keyed", "a map", "staff:officer", case_id="case:h1")
    keyed["seen"] = {"citizen:c1": True}
    text = "a neighbour called citizen:c1x"
    plain = a_note("note:plain", text, "staff:officer", case_id="case:h1")
    answer = push(gateway, OLU, [nested, keyed, plain])
    assert refused_for(answer, "note:nested", erasure_id)
    assert refused_for(answer, "note:keyed", erasure_id)
    assert central.get("note:nested") is None and central.get("note:keyed") is None
    # Free text that merely contains an id-like string is not a link to them.
    assert stored(answer, "note:plain")


def test_the_gateway_knows_the_erasures_at_once_after_a_restart(
    server: Server, gateway: Gateway, central: Central
) -> None:
    erasure_id = erase(central, gateway, "citizen:c1")
    gateway.stop()
    gateway.start()  # a new process: nothing in memory, nothing waited for
    note = a_note("note:after-restart", "Carys", "staff:agent", case_id="case:w1")
    assert refused_for(push(gateway, SAM, [note]), "note:after-restart", erasure_id)
    assert central.get("note:after-restart") is None


def test_an_erasure_refused_for_a_legal_hold_is_not_in_force(
    gateway: Gateway, central: Central
) -> None:
    erase(central, gateway, "citizen:c1", state="failed", detail=scope.UNDER_HOLD)
    held = erase(central, gateway, "citizen:c2")  # one in force, so the feed was read past both
    note = a_note("note:held", "Carys, under hold", "staff:supervisor", case_id="case:w1")
    answer = push(gateway, SAM, [note])
    assert stored(answer, "note:held"), answer
    assert held not in str(answer)


def test_a_laptop_offline_since_before_the_erasure_records_the_refusal_and_is_cleaned(
    tmp_path: Path, gateway: Gateway, central: Central
) -> None:
    ann = make_store(tmp_path, "ann")
    try:
        assert sync(ann, gateway.db_url, ANN).up_to_date
        with ann.write() as s:  # typed offline, about the citizen about to be erased
            note_id, _ = contacts.add_note(s, AGENT, "Carys Onewater rang", case_id="case:w1")
        erasure_id = erase(central, gateway, "citizen:c1")
        result = sync(ann, gateway.db_url, ANN)
        assert erasure_id in result.refused.get(note_id, "")
        assert central.get(note_id) is None
        assert not {"citizen:c1", "case:w1", note_id} & local_ids(ann)  # and then purged here
        assert erasure_id in local_ids(ann)
    finally:
        ann.close()
