"""Who may change the routing rules, and what a routing record must be: judged by the same
rules on the laptop and on the central gateway (a peer's forged record is refused there)."""

from typing import Any

import pytest

from caseworker.access.channels import CATALOGUE, EVERYTHING, root_of
from caseworker.access.people import Person
from caseworker.access.rules import ROUTING
from caseworker.access.writes import judge
from caseworker.documents.types import ROUTING_ID
from caseworker.routing.check import MAX_RULES, NOT_THE_ID
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    AT,
    OFFICER,
    SUPERVISOR,
    create,
    delete,
    doc,
    edit,
    forged,
    side_edit,
)

ALL = frozenset({EVERYTHING})
SOCIAL = {"id": "r1", "name": "Social", "queue_id": "queue:contact", "channels": ["social"]}


def routing(*rules: dict[str, Any], doc_id: str = ROUTING_ID) -> dict[str, Any]:
    return doc("routing", doc_id, rules=list(rules), updated_at=AT, updated_by="staff:x")


def reason(person: Person, write: Any) -> str | None:
    return judge(person, write, ALL)


def test_routing_rules_are_in_the_public_catalogue_everyone_holds() -> None:
    assert root_of(ROUTING_ID, routing(SOCIAL)) == CATALOGUE


@pytest.mark.parametrize("person", [AGENT, OFFICER])
def test_a_peer_who_is_not_a_supervisor_cannot_write_routing_rules(person: Person) -> None:
    current = routing(SOCIAL)
    moved = {**SOCIAL, "queue_id": "queue:waste"}
    assert reason(person, create(routing(SOCIAL))) == ROUTING
    assert reason(person, edit(current, rules=[moved])) == ROUTING
    assert reason(person, side_edit(current, rules=[])) == ROUTING
    assert reason(person, delete(current, winner=False)) == ROUTING  # resolving a conflict


def test_a_supervisor_writes_routing_rules_and_resolves_their_conflicts() -> None:
    current = routing(SOCIAL)
    assert reason(SUPERVISOR, create(routing(SOCIAL))) is None
    assert reason(SUPERVISOR, edit(current, rules=[])) is None
    assert reason(SUPERVISOR, delete(current, winner=False)) is None
    assert "only an admin" in str(reason(SUPERVISOR, delete(current)))


def test_a_forged_branch_of_the_routing_record_is_refused_even_from_a_supervisor() -> None:
    assert "forged" in str(reason(SUPERVISOR, forged(routing(SOCIAL), rules=[])))


def test_the_rules_live_in_one_record_only() -> None:
    assert reason(SUPERVISOR, create(routing(SOCIAL, doc_id="routing:mine"))) == NOT_THE_ID


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ({"areas": [""]}, "not a postcode area"),
        ({"areas": ["  "]}, "not a postcode area"),
        ({"areas": ["CF10 1AA"]}, "not a postcode area"),
        ({"areas": ["C F"]}, "not a postcode area"),
        ({"channels": ["carrier-pigeon"]}, "not a channel"),
        ({"service_codes": [" "]}, "service code cannot be empty"),
        ({"channels": None, "service_codes": [], "areas": []}, "would take every case"),
        ({"queue_id": "staff:agent"}, "must name a queue"),
        ({"queue_id": "queue:"}, "must name a queue"),
        ({"name": "   "}, "needs a name"),
    ],
)
def test_a_rule_that_would_match_everything_or_nothing_sensible_is_refused(
    rule: dict[str, Any], why: str
) -> None:
    bad = {k: v for k, v in {**SOCIAL, **rule}.items() if v is not None}
    said = reason(SUPERVISOR, create(routing(bad)))
    assert said is not None and why in said
    assert "routing rule 1" in said


def test_two_rules_cannot_share_an_id() -> None:
    said = reason(SUPERVISOR, create(routing(SOCIAL, {**SOCIAL, "name": "Again"})))
    assert said is not None and "routing rule 2" in said and "id of its own" in said


def test_a_record_that_fails_its_schema_is_refused() -> None:
    bad = routing(SOCIAL)
    bad["rules"] = [{"id": "r1", "name": "No queue"}]
    assert "queue_id" in str(reason(SUPERVISOR, create(bad)))


def test_there_is_a_limit_on_how_many_rules_one_record_holds() -> None:
    many = [{**SOCIAL, "id": f"r{n}"} for n in range(MAX_RULES + 1)]
    assert "at most" in str(reason(SUPERVISOR, create(routing(*many))))
    assert reason(SUPERVISOR, create(routing(*many[:MAX_RULES]))) is None


def test_an_admin_is_not_held_to_the_rules_so_the_reader_must_cope() -> None:
    # Why the store checks again on reading (test_routing_store): an admin's hand-written
    # record, or one a newer build wrote, still reaches laptops.
    assert reason(ADMIN, create(routing({**SOCIAL, "areas": [""]}))) is None
