"""Opening a citizen's full record on demand, through the gateway: agents, supervisors and
admins may, with a reason, and every opening is in the access log; nobody else may, nothing
but a citizen id opens, and the laptop keeps none of what it was shown.

The council (``tests.support.gateway.gateway_council``): ann (agent, queue waste) holds Carys;
Dafydd (``citizen:c2``, on ``case:h1`` with ``note:h1``) is olu's; Eira (``citizen:c3``, with
``note:c3``) is held by no one but the admin.
"""

import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from caseworker.access.opening import MAX_RECORD_DOCS
from caseworker.models import Case, Citizen, Note
from caseworker.store import docstore
from sync.errors import AuthError, ForbiddenError, RequestError
from sync.open_record import fetch_record, load_record, open_record
from tests.support.gateway import (
    USERS,
    Gateway,
    Server,
    a_note,
    gateway_council,
    running_gateway,
)
from tests.sync.helpers import client, make_store, sync

JSON = {"Accept": "application/json"}
ANN, OLU, SAM, ADA = USERS["ann"], USERS["olu"], USERS["sam"], USERS["ada"]
REASON = "caller on the phone"


def opening(gateway: Gateway, body: Any, auth: tuple[str, str] | None) -> requests.Response:
    return requests.post(
        gateway.db_url + "/_open_record", json=body, auth=auth, headers=JSON, timeout=30
    )


def access_log(server: Server, gateway: Gateway) -> list[dict[str, Any]]:
    answer = requests.get(
        f"{gateway.upstream_db_url}-access-log/_all_docs",
        params={"include_docs": "true"},
        auth=server.admin_auth,
        timeout=30,
    ).json()
    return [row["doc"] for row in answer["rows"] if not row["id"].startswith("_design/")]


def openings(server: Server, gateway: Gateway, reason: str) -> list[dict[str, Any]]:
    """The access log's openings with ``reason``, once written (off the request path)."""
    for _ in range(100):
        found = [e for e in access_log(server, gateway) if e.get("reason") == reason]
        if found:
            return found
        time.sleep(0.2)
    return []


def one_line(answer: requests.Response) -> str:
    reason = answer.json()["reason"]
    assert isinstance(reason, str) and reason and "\n" not in reason and len(reason) < 120
    return reason


# -- who may -----------------------------------------------------------------------------------


def test_a_field_officer_is_refused_even_for_a_citizen_they_hold(gateway: Gateway) -> None:
    for citizen_id in ("citizen:c1", "citizen:c2", "citizen:c3"):
        answer = opening(gateway, {"id": citizen_id, "reason": REASON}, OLU)
        assert answer.status_code == 403
        assert "Carys" not in answer.text and "Eira" not in answer.text
        one_line(answer)


@pytest.mark.parametrize(
    "path",
    ["/_open_record%2F..%2F_bulk_docs", "/_open_record/citizen:c3", "/_open_record%2Fcitizen:c3"],
)
def test_the_route_is_not_reached_another_way(gateway: Gateway, path: str) -> None:
    answer = requests.post(
        gateway.db_url + path,
        json={"id": "citizen:c3", "reason": REASON},
        auth=ANN,
        headers=JSON,
        timeout=30,
    )
    assert answer.status_code in (403, 404) and "Eira" not in answer.text


def test_a_user_with_no_role_is_refused(server: Server, gateway: Gateway) -> None:
    eve = f"eve-{uuid.uuid4().hex[:8]}"  # _users outlives the test database
    requests.put(
        f"{server.url}/_users/org.couchdb.user:{eve}",
        json={"_id": f"org.couchdb.user:{eve}", "name": eve, "type": "user", "roles": []}
        | {"password": "eve-pw"},
        auth=server.admin_auth,
        timeout=30,
    ).raise_for_status()
    answer = opening(gateway, {"id": "citizen:c3", "reason": REASON}, (eve, "eve-pw"))
    assert answer.status_code == 403 and "Eira" not in answer.text


def test_an_unauthenticated_caller_is_refused(gateway: Gateway) -> None:
    for auth in (None, ("nobody", "x")):
        answer = opening(gateway, {"id": "citizen:c3", "reason": REASON}, auth)
        assert answer.status_code == 401 and "Eira" not in answer.text


@pytest.mark.parametrize(
    "citizen_id",
    [
        "case:h1",
        "note:c3",
        "_design/caseworker-access",
        "_local/x",
        "citizen:c3%2F..%2F_design%2Fcaseworker-access",
        "citizen:c3/../_design/caseworker-access",
        "citizen:..",
        "citizen:" + "c" * 5000,
        "staff:agent",
        "",
        None,
        ["citizen:c3"],
    ],
)
def test_only_a_citizen_id_opens_and_anything_else_is_refused_plainly(
    gateway: Gateway, citizen_id: Any
) -> None:
    answer = opening(gateway, {"id": citizen_id, "reason": REASON}, ANN)
    assert answer.status_code == 400, answer.text
    one_line(answer)
    assert "Eira" not in answer.text and "Dafydd" not in answer.text


@pytest.mark.parametrize("reason", [None, "", "   ", "x" * 201, "two\nlines", 42])
def test_an_opening_without_a_short_reason_is_refused(gateway: Gateway, reason: Any) -> None:
    body = {"id": "citizen:c3"} if reason is None else {"id": "citizen:c3", "reason": reason}
    answer = opening(gateway, body, ANN)
    assert answer.status_code == 400 and "Eira" not in answer.text
    one_line(answer)


def test_a_malformed_opening_is_refused(gateway: Gateway) -> None:
    for body in (["citizen:c3"], "citizen:c3", 3):
        assert opening(gateway, body, ANN).status_code == 400
    answer = requests.post(
        gateway.db_url + "/_open_record", data=b"{not json", auth=ANN, headers=JSON, timeout=30
    )
    assert answer.status_code == 400
    answer = requests.get(gateway.db_url + "/_open_record", auth=ANN, headers=JSON, timeout=30)
    assert answer.status_code == 405


def test_a_citizen_that_is_not_there_is_not_found(gateway: Gateway) -> None:
    answer = opening(gateway, {"id": "citizen:nobody", "reason": REASON}, ANN)
    assert answer.status_code == 404
    one_line(answer)


# -- what is served, and logged ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("auth", "citizen_id", "ids"),
    [
        (ANN, "citizen:c3", {"citizen:c3", "note:c3"}),
        (ANN, "citizen:c2", {"citizen:c2", "case:h1", "note:h1"}),
        (SAM, "citizen:c2", {"citizen:c2", "case:h1", "note:h1"}),
        (ADA, "citizen:c1", {"citizen:c1", "case:w1", "note:w1"}),
    ],
)
def test_an_opening_serves_the_whole_record_and_is_logged_with_its_reason(
    server: Server, gateway: Gateway, auth: tuple[str, str], citizen_id: str, ids: set[str]
) -> None:
    reason = f"{REASON} {uuid.uuid4().hex[:6]}"
    answer = opening(gateway, {"id": citizen_id, "reason": reason}, auth)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["id"] == citizen_id and body["truncated"] is False
    assert {d["_id"] for d in body["docs"]} == ids
    assert body["docs"][0]["_id"] == citizen_id  # the citizen first
    assert body["total_rows"] == len(ids)
    # Only the record: no other citizen, no staff, no catalogue.
    assert all(d["type"] in ("citizen", "case", "note") for d in body["docs"])
    logged = openings(server, gateway, reason)
    assert [(e["user"], e["how"], set(e["doc_ids"])) for e in logged] == [(auth[0], "open", ids)]


def test_an_opening_does_not_widen_what_replication_serves(gateway: Gateway) -> None:
    assert opening(gateway, {"id": "citizen:c3", "reason": REASON}, ANN).ok
    direct = requests.get(gateway.db_url + "/citizen:c3", auth=ANN, headers=JSON, timeout=30)
    assert direct.status_code == 403


def test_a_refused_opening_is_not_logged(server: Server, gateway: Gateway) -> None:
    reason = f"officer tries {uuid.uuid4().hex[:6]}"
    assert opening(gateway, {"id": "citizen:c3", "reason": reason}, OLU).status_code == 403
    assert opening(gateway, {"id": "citizen:c3", "reason": REASON}, ANN).ok  # a flush goes by
    marker = f"{REASON} {uuid.uuid4().hex[:6]}"
    assert opening(gateway, {"id": "citizen:c3", "reason": marker}, ANN).ok
    assert openings(server, gateway, marker)
    assert not [e for e in access_log(server, gateway) if e.get("reason") == reason]


def test_a_record_larger_than_the_bound_is_cut_and_says_so(server: Server) -> None:
    notes = [
        a_note(f"note:many{n:05}", f"Note {n}", "staff:admin", citizen_id="citizen:c3")
        for n in range(MAX_RECORD_DOCS + 5)
    ]
    with running_gateway(server, gateway_council() + notes) as gateway:
        answer = opening(gateway, {"id": "citizen:c3", "reason": REASON}, ANN)
    assert answer.status_code == 200
    body = answer.json()
    assert body["truncated"] is True and body["limit"] == MAX_RECORD_DOCS
    assert len(body["docs"]) == MAX_RECORD_DOCS
    assert body["docs"][0]["_id"] == "citizen:c3"


# -- the laptop's side -------------------------------------------------------------------------


def test_the_laptop_shows_an_opened_record_from_memory_and_keeps_none_of_it(
    tmp_path: Path, gateway: Gateway
) -> None:
    laptop = make_store(tmp_path, "ann")
    try:
        assert sync(laptop, gateway.db_url, ANN).up_to_date
        with laptop.read() as session:
            seq_before = docstore.last_seq(session)
        remote = client(gateway.db_url, ANN)
        try:
            record = fetch_record(remote, "citizen:c2", REASON)
            assert {d["_id"] for d in open_record(remote, "citizen:c3", REASON)} == {
                "citizen:c3",
                "note:c3",
            }
        finally:
            remote.close()
        assert record.skipped == [] and not record.truncated
        opened = load_record(record, laptop)
        try:
            with opened.read() as session:
                citizen = session.get(Citizen, "citizen:c2")
                assert citizen is not None and citizen.given_name == "Dafydd"
                assert session.scalars(select(Case.id)).all() == ["case:h1"]
                assert session.scalars(select(Note.id)).all() == ["note:h1"]
                assert docstore.get(session, "staff:officer") is not None  # names the note's author
        finally:
            opened.close()
        with laptop.read() as session:
            assert docstore.last_seq(session) == seq_before  # no local write happened
            assert docstore.get(session, "citizen:c2") is None
            assert docstore.changes_since(session, seq_before) == []
        assert sync(laptop, gateway.db_url, ANN).up_to_date  # and nothing to push, nothing new
    finally:
        laptop.close()
    stored = b"".join(p.read_bytes() for p in (tmp_path / "ann").iterdir() if p.is_file())
    for name in (b"Dafydd", b"Twofields", b"pothole", b"Eira", b"Threlkeld"):
        assert name not in stored


def test_the_laptop_refuses_before_asking_and_says_the_servers_refusals_in_one_line(
    gateway: Gateway,
) -> None:
    from caseworker.errors import ValidationError

    for who, citizen_id, reason, error in (
        (ANN, "case:h1", REASON, ValidationError),
        (ANN, "citizen:c3", " ", ValidationError),
        (OLU, "citizen:c3", REASON, ForbiddenError),
        (ANN, "citizen:nobody", REASON, RequestError),
        (("kim", "not-her-password"), "citizen:c3", REASON, AuthError),
    ):
        remote = client(gateway.db_url, who)
        try:
            with pytest.raises(error) as raised:
                open_record(remote, citizen_id, reason)
        finally:
            remote.close()
        message = str(raised.value)
        assert "\n" not in message and "Eira" not in message, message
