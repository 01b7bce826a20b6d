"""Through the gateway: no laptop can record a breach or an escalation (only the central worker,
writing to CouchDB as its admin, does), and escalation rules are written by supervisors only."""

import uuid
from typing import Any

import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE_EVENT, ESCALATION_RULE
from caseworker.escalation import breach_event_id
from tests.support.gateway import NOW, USERS, Gateway, revision

JSON = {"Accept": "application/json"}
ANN, SAM = USERS["ann"], USERS["sam"]  # an agent and a supervisor of the waste queue


def push(gateway: Gateway, auth: tuple[str, str], docs: list[Any]) -> dict[str, Any]:
    answer = requests.post(
        gateway.db_url + "/_bulk_docs",
        json={"docs": docs, "new_edits": False},
        auth=auth,
        headers=JSON,
        timeout=60,
    )
    assert answer.status_code == 201, answer.text
    return {e["id"]: e for e in answer.json() if "error" in e}


def an_event(doc_id: str, by: str, kind: str) -> dict[str, Any]:
    fields = {"case_id": "case:w1", "kind": kind, "at": NOW, "by": by}
    return revision(new_document(CASE_EVENT, doc_id, fields))


def a_rule(by: str) -> dict[str, Any]:
    fields = {
        "name": "Waste: raise before breach",
        "queue_id": "queue:waste",
        "target": "resolve",
        "hours_before": 2,
        "action": "raise_priority",
        "active": True,
        "by": by,
        "updated_at": NOW,
    }
    return revision(new_document(ESCALATION_RULE, f"escalation:{uuid.uuid4().hex[:8]}", fields))


def test_a_laptop_cannot_record_a_breach_or_an_escalation_on_a_case_it_holds(
    gateway: Gateway,
) -> None:
    forged = [
        an_event(breach_event_id("case:w1", "resolve"), "staff:agent", "breach_resolve"),
        an_event(f"event:{uuid.uuid4().hex[:8]}", "staff:agent", "escalated"),
    ]
    honest = an_event(f"event:{uuid.uuid4().hex[:8]}", "staff:agent", "status_changed")
    refused = push(gateway, ANN, [*forged, honest])
    assert set(refused) == {d["_id"] for d in forged}
    assert all("central service" in e["reason"] for e in refused.values())
    supervisor = an_event(f"event:{uuid.uuid4().hex[:8]}", "staff:supervisor", "breach_response")
    assert set(push(gateway, SAM, [supervisor])) == {supervisor["_id"]}


def test_escalation_rules_are_written_by_supervisors_in_their_own_name(gateway: Gateway) -> None:
    assert push(gateway, SAM, [a_rule("staff:supervisor")]) == {}
    by_agent = a_rule("staff:agent")
    assert set(push(gateway, ANN, [by_agent])) == {by_agent["_id"]}
    in_anothers_name = a_rule("staff:agent")
    assert set(push(gateway, SAM, [in_anothers_name])) == {in_anothers_name["_id"]}
