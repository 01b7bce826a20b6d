"""Contacts from callers who gave no details live in the shared ``anonymous`` channel: the
contact centre (agents and supervisors) writes and receives them, a field officer does neither,
and no contact that names a citizen or a case, or tries to look as if it named none, lands
there (``caseworker.access.channels``, ``rules.appended``)."""

import uuid
from typing import Any

import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import INTERACTION
from tests.support.gateway import NOW, USERS, Gateway

JSON = {"Accept": "application/json"}
ANN, OLU, SAM = USERS["ann"], USERS["olu"], USERS["sam"]


def a_contact(by: str, summary: str, **parents: Any) -> dict[str, Any]:
    body = {
        "channel": "phone",
        "direction": "inbound",
        "at": NOW,
        "by": by,
        "summary": summary,
        **parents,
    }
    return new_document(INTERACTION, f"contact:{uuid.uuid4().hex[:10]}", body)


def push(gateway: Gateway, auth: tuple[str, str], docs: list[dict[str, Any]]) -> dict[str, Any]:
    answer = requests.post(
        gateway.db_url + "/_bulk_docs",
        json={"docs": docs, "new_edits": True},
        auth=auth,
        headers=JSON,
        timeout=60,
    )
    assert answer.status_code == 201, answer.text
    return {entry["id"]: entry for entry in answer.json()}


def readable(gateway: Gateway, auth: tuple[str, str], doc_id: str) -> bool:
    answer = requests.get(f"{gateway.db_url}/{doc_id}", auth=auth, headers=JSON, timeout=30)
    assert answer.status_code in (200, 403, 404), answer.text
    return answer.status_code == 200


def fed(gateway: Gateway, auth: tuple[str, str]) -> set[str]:
    answer = requests.get(
        gateway.db_url + "/_changes",
        params={"style": "all_docs"},
        auth=auth,
        headers=JSON,
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    return {row["id"] for row in answer.json()["results"]}


def test_an_agents_anonymous_contact_reaches_the_contact_centre_and_no_field_officer(
    gateway: Gateway,
) -> None:
    contact = a_contact("staff:agent", "Passer-by reported fly-tipping on Mill Lane")
    assert "error" not in push(gateway, ANN, [contact])[contact["_id"]]
    assert readable(gateway, ANN, contact["_id"]) and readable(gateway, SAM, contact["_id"])
    assert contact["_id"] in fed(gateway, SAM)
    assert not readable(gateway, OLU, contact["_id"])
    assert contact["_id"] not in fed(gateway, OLU)


def test_a_field_officer_cannot_write_into_the_anonymous_channel(gateway: Gateway) -> None:
    contact = a_contact("staff:officer", "Someone in the street said the drain is blocked")
    answer = push(gateway, OLU, [contact])[contact["_id"]]
    assert answer["error"] == "forbidden"
    assert "anonymous" in answer["reason"]
    assert not readable(gateway, SAM, contact["_id"])


def test_a_named_citizens_contact_never_lands_in_the_anonymous_channel(
    gateway: Gateway,
) -> None:
    # Eira (citizen:c3) is held by no one but the admin: her contact follows her record, so
    # the contact centre, which holds the anonymous channel, still cannot read it.
    named = a_contact(
        "staff:agent", "Eira Threlkeld asked about council tax", citizen_id="citizen:c3"
    )
    assert "error" not in push(gateway, ANN, [named])[named["_id"]]
    assert not readable(gateway, SAM, named["_id"])
    assert named["_id"] not in fed(gateway, SAM)


def test_a_contact_with_a_mangled_parent_is_refused_not_taken_as_anonymous(
    gateway: Gateway,
) -> None:
    # Broken ids (or ones of the wrong kind) must not fall through to the shared channel,
    # where every agent would read what was meant for one citizen or case.
    mangled = [
        a_contact("staff:agent", "Eira rang", citizen_id="c3"),
        a_contact("staff:agent", "Eira rang", citizen_id=""),
        a_contact("staff:agent", "Eira rang", case_id="citizen:c3"),
        a_contact("staff:agent", "Eira rang", citizen_id="citizen:"),
    ]
    answers = push(gateway, ANN, mangled)
    for contact in mangled:
        assert answers[contact["_id"]]["error"] == "forbidden", contact
        assert not readable(gateway, SAM, contact["_id"])
