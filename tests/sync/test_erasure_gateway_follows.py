"""The gateway follows erasures that change after it loaded them, through the ``_changes`` feed.

- An erasure the central job refused because of a legal hold (``state`` failed, under hold) is
  no longer in force: the gateway says so and stores writes about the person again. Another
  erasure in force is untouched.
- An erasure the central job completes with the cases it found (``roots``) takes those too.
- A deleted erasure document (a tombstone) withdraws nothing: an erasure is never undone by
  deleting its record (the laptops keep purging). The follower neither stops nor forgets the
  other erasures, and goes on learning new ones.
- A deletion of an erased record pushed by a laptop is refused like any write about it: it
  carries no words, but the laptop loses nothing (it purges its copy at its next sync), and the
  server neither keeps a revision about a purged record nor loses an anonymised copy the
  council's statistics count.
"""

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from caseworker.erasure import scope
from tests.support.erasure_gateway import Central, erase, push, refused_for, stored, wait_for
from tests.support.gateway import USERS, Gateway, Server, a_note, revision, running_gateway

ADA, OLU, SAM = USERS["ada"], USERS["olu"], USERS["sam"]


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as gateway:
        yield gateway


@pytest.fixture
def central(server: Server, gateway: Gateway) -> Central:
    return Central(server, gateway)


def record(central: Central, erasure_id: str, **fields: Any) -> None:
    """What the central job records on an erasure (as the admin, straight to CouchDB)."""
    central.put({**central.get(erasure_id), **fields})


def test_an_erasure_refused_for_a_legal_hold_later_is_no_longer_in_force(
    gateway: Gateway, central: Central
) -> None:
    erasure_id = erase(central, gateway, "citizen:c1")
    other = erase(central, gateway, "citizen:c2")
    note = a_note("note:after-hold", "Carys, under hold", "staff:supervisor", case_id="case:w1")
    assert refused_for(push(gateway, SAM, [note]), "note:after-hold", erasure_id)
    record(central, erasure_id, state="failed", failure="legal_hold", detail="reworded")
    wait_for(gateway, f"{erasure_id} no longer in force")
    assert stored(push(gateway, SAM, [note]), "note:after-hold")
    dafydd = a_note("note:still", "Dafydd", "staff:officer", case_id="case:h1")
    assert refused_for(push(gateway, OLU, [dafydd]), "note:still", other)


def test_an_erasure_that_failed_for_another_reason_stays_in_force(
    gateway: Gateway, central: Central
) -> None:
    """A central server that cannot purge still leaves the laptops to purge."""
    erasure_id = erase(central, gateway, "citizen:c1")
    record(central, erasure_id, state="failed", failure="no_purge", detail=scope.UNDER_HOLD)
    marker = erase(central, gateway, "citizen:c3")  # read past the change, in order
    wait_for(gateway, f"{marker} in force")
    note = a_note("note:no-purge", "Carys", "staff:supervisor", case_id="case:w1")
    assert refused_for(push(gateway, SAM, [note]), "note:no-purge", erasure_id)
    assert f"{erasure_id} no longer in force" not in gateway.stderr_text()


def test_the_cases_a_completed_erasure_found_are_taken_too(
    gateway: Gateway, central: Central
) -> None:
    erasure_id = erase(central, gateway, "citizen:c1")
    gone = a_note("note:on-gone", "about an old case", "staff:admin", case_id="case:gone")
    assert not refused_for(push(gateway, ADA, [gone]), "note:on-gone", erasure_id)
    record(central, erasure_id, state="done", roots=["case:gone", "case:w1", "citizen:c1"])
    wait_for(gateway, f"{erasure_id} in force", count=2)
    again = a_note("note:on-gone-2", "about an old case", "staff:admin", case_id="case:gone")
    assert refused_for(push(gateway, ADA, [again]), "note:on-gone-2", erasure_id)


def test_a_deleted_erasure_document_withdraws_nothing_and_the_follower_goes_on(
    gateway: Gateway, central: Central
) -> None:
    deleted = erase(central, gateway, "citizen:c1")
    kept = erase(central, gateway, "citizen:c2")
    doc = central.get(deleted)
    answer = requests.delete(
        f"{central.url}/{deleted}", params={"rev": doc["_rev"]}, auth=central.auth, timeout=30
    )
    assert answer.status_code == 200, answer.text
    wait_for(gateway, f"{deleted} was deleted")
    later = erase(central, gateway, "citizen:c3")  # learnt after the tombstone: still following
    carys = a_note("note:del-c1", "Carys", "staff:supervisor", case_id="case:w1")
    assert refused_for(push(gateway, SAM, [carys]), "note:del-c1", deleted)
    dafydd = a_note("note:del-c2", "Dafydd", "staff:officer", case_id="case:h1")
    assert refused_for(push(gateway, OLU, [dafydd]), "note:del-c2", kept)
    eira = a_note("note:del-c3", "Eira", "staff:admin", citizen_id="citizen:c3")
    assert refused_for(push(gateway, ADA, [eira]), "note:del-c3", later)
    assert gateway.running


def test_a_deletion_of_an_erased_record_is_refused(gateway: Gateway, central: Central) -> None:
    erasure_id = erase(central, gateway, "citizen:c1", mode="anonymise")
    note = central.get("note:w1")
    bare = {"_id": "note:w1", "_rev": note["_rev"], "_deleted": True}
    assert refused_for(push(gateway, SAM, [bare]), "note:w1", erasure_id)
    citizen = central.get("citizen:c1")
    replicated = revision({"_id": "citizen:c1", "_deleted": True}, [citizen["_rev"]])
    assert refused_for(push(gateway, SAM, [replicated], new_edits=False), "citizen:c1", erasure_id)
    # The anonymised copy the statistics count cannot be deleted either.
    case = central.get("case:w1")
    copy = scope.anonymised(case, erasure_id)
    assert copy is not None
    central.put({**copy, "_rev": case["_rev"]})
    held = central.get("case:w1")
    gone = {"_id": "case:w1", "_rev": held["_rev"], "_deleted": True}
    assert refused_for(push(gateway, SAM, [gone]), "case:w1", erasure_id)
    kept_body = {**held, "_deleted": True}  # a deletion that keeps the copy's own body
    assert refused_for(push(gateway, ADA, [kept_body]), "case:w1", erasure_id)  # even an admin
    # A tombstone that keeps a link to them, of a record the server never held.
    unheld = {"_id": "note:unheld", "_deleted": True, "case_id": "case:w1"}
    assert refused_for(push(gateway, SAM, [unheld]), "note:unheld", erasure_id)
    assert central.get("note:w1") == note and central.get("case:w1") == held
    assert central.get("citizen:c1") == citizen
