"""What the gateway lets through of an anonymised record: only the erasure's own copy.

An anonymisation keeps the erased citizen's record and cases for the council's statistics, as
copies marked with the erasure's id (``scope.ANONYMISED``) that the central job writes
straight to CouchDB. A laptop that pulled such a copy and hands it back unchanged is let
through. Anything else that merely looks anonymised is refused as a write about the erased
person, because the mark is only a field any laptop can type: a copy that keeps the mark but
adds a name, a phone number in a field the copy keeps, an attachment, another erasure's mark,
a record type never kept, or a copy the server does not hold (its own copy still names them).
"""

import base64
from collections.abc import Iterator
from typing import Any

import pytest

from caseworker.erasure import scope
from tests.support.erasure_gateway import Central, erase, push, refused_for, stored
from tests.support.gateway import USERS, Gateway, Server, a_note, running_gateway

SAM = USERS["sam"]


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as gateway:
        yield gateway


@pytest.fixture
def central(server: Server, gateway: Gateway) -> Central:
    return Central(server, gateway)


def anonymise(central: Central, gateway: Gateway) -> tuple[str, dict[str, Any]]:
    """An anonymisation of Carys (``citizen:c1``), and the central job's anonymised copy of
    her case ``case:w1`` as the server now holds it."""
    erasure_id = erase(central, gateway, "citizen:c1", mode="anonymise")
    case = central.get("case:w1")
    copy = scope.anonymised(case, erasure_id)
    assert copy is not None
    central.put({**copy, "_rev": case["_rev"]})
    held = central.get("case:w1")
    assert scope.is_anonymised(held, erasure_id)
    return erasure_id, held


def test_the_anonymised_copy_handed_back_unchanged_is_let_through(
    gateway: Gateway, central: Central
) -> None:
    erasure_id, held = anonymise(central, gateway)
    answer = push(gateway, SAM, [held])
    assert not refused_for(answer, "case:w1", erasure_id), answer
    assert stored(answer, "case:w1"), answer
    now = central.get("case:w1")
    assert scope.is_anonymised(now, erasure_id) and now["_rev"] != held["_rev"]


def test_a_copy_that_keeps_the_mark_but_names_the_person_is_refused(
    gateway: Gateway, central: Central
) -> None:
    erasure_id, held = anonymise(central, gateway)
    data = base64.b64encode(b"Carys Onewater, 07700 900123").decode()
    forged = {
        "a name in a field the copy empties": {**held, "summary": "Carys's bin again"},
        "a phone in a field the copy never has": {**held, "caller": "07700 900123"},
        "a name in a field the copy keeps": {**held, "reference": "Carys Onewater"},
        "a link to them nested in a new field": {**held, "seen": [{"who": "citizen:c1"}]},
        "an attachment": {
            **held,
            "_attachments": {"call.txt": {"content_type": "text/plain", "data": data}},
        },
        "another erasure's mark": {**held, scope.ANONYMISED: "erasure:someone-else"},
    }
    for what, doc in forged.items():
        answer = push(gateway, SAM, [doc])
        assert refused_for(answer, "case:w1", erasure_id), (what, answer)
    assert central.get("case:w1") == held


def test_a_marked_record_of_a_kind_never_kept_is_refused(
    gateway: Gateway, central: Central
) -> None:
    erasure_id, _ = anonymise(central, gateway)
    note = a_note("note:marked", "", "staff:supervisor", case_id="case:w1")
    note[scope.ANONYMISED] = erasure_id
    assert refused_for(push(gateway, SAM, [note]), "note:marked", erasure_id)
    assert central.get("note:marked") is None


def test_a_copy_anonymised_on_a_laptop_before_the_server_holds_one_is_refused(
    gateway: Gateway, central: Central
) -> None:
    """The citizen's own record is still the real one on the server (the central job has not
    run): a laptop cannot replace it, however well it anonymised its copy."""
    erasure_id, _ = anonymise(central, gateway)
    citizen = central.get("citizen:c1")
    copy = scope.anonymised(citizen, erasure_id)
    assert copy is not None and scope.is_anonymised(copy, erasure_id)
    answer = push(gateway, SAM, [{**copy, "_rev": citizen["_rev"]}])
    assert refused_for(answer, "citizen:c1", erasure_id), answer
    assert central.get("citizen:c1") == citizen
