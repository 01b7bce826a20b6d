"""Routing in the store: new cases routed by the rules, supervisors editing them (each edit a
revision that syncs), the store coping with a routing record it cannot use, and the queues'
members."""

from typing import Any

import pytest
from sqlalchemy import select

from caseworker.access.rules import ROUTING
from caseworker.documents.types import ROUTING_ID
from caseworker.errors import ValidationError
from caseworker.models import AuditEvent
from caseworker.routing import members, store
from caseworker.services import cases, conflicts
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.services.context import Actor
from caseworker.store import docstore
from caseworker.store.problems import list_problems
from caseworker.store.store import Store
from tests.unit.conftest import AGENT, SUPERVISOR

ADMIN = Actor("staff:admin", "admin")
CF37_BINS = {"name": "Bins in CF37", "queue_id": "queue:highways", "areas": ["cf37"]}


def _open(store_: Store, postcode: str | None = None, citizen: str | None = None) -> str | None:
    with store_.write() as s:
        new = NewCase("missed-bin", "Bin missed", "phone", citizen, location_postcode=postcode)
        case_id, _ = cases.open_case(s, AGENT, new)
        return cases.get_case(s, case_id).queue_id


def _replicate(store_: Store, body: dict[str, Any]) -> None:
    with store_.write() as s:
        docstore.put_replicated(s, body)


def test_without_rules_a_case_goes_to_its_services_default_queue(council: Store) -> None:
    assert _open(council, "CF37 1AB") == "queue:waste"


def test_a_new_case_is_routed_by_its_location_else_its_citizens_address(council: Store) -> None:
    with council.write() as s:
        store.add_rule(s, SUPERVISOR, CF37_BINS)
        citizen_id, _ = create_citizen(
            s,
            AGENT,
            "Owen",
            "Jones",
            identifiers=(NewIdentifier("address", "1 Heol Fawr", postcode="CF37 2AA"),),
        )
    assert _open(council, "CF37 1AB") == "queue:highways"
    assert _open(council, "CF38 1AB") == "queue:waste"
    assert _open(council, None, citizen_id) == "queue:highways"
    assert _open(council, "CF38 1AB", citizen_id) == "queue:waste"  # the case's place first


def test_only_supervisors_and_admins_change_the_rules(council: Store) -> None:
    with pytest.raises(ValidationError, match=ROUTING), council.write() as s:
        store.add_rule(s, AGENT, CF37_BINS)
    with council.write() as s:
        store.add_rule(s, SUPERVISOR, CF37_BINS)
    with council.read() as s:
        assert [r["name"] for r in store.load(s).raw] == ["Bins in CF37"]
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.subject_id == ROUTING_ID))
        assert list(actions) == ["routing.changed"]


def test_a_rule_must_name_an_existing_active_queue(council: Store) -> None:
    for queue in ("queue:nowhere", "staff:agent"):
        with pytest.raises(ValidationError, match="not an active queue"), council.write() as s:
            store.add_rule(s, SUPERVISOR, {**CF37_BINS, "queue_id": queue})
    with council.read() as s:
        assert store.load(s).raw == ()


def test_a_rule_whose_queue_closes_later_is_passed_over_and_may_stay(council: Store) -> None:
    with council.write() as s:
        rule_id, _ = store.add_rule(s, SUPERVISOR, CF37_BINS)
        queue = docstore.require(s, "queue:highways")
        docstore.put(s, {**queue, "active": False})
    assert _open(council, "CF37 1AB") == "queue:waste"
    with council.read() as s:
        service = store.service_by_code(s, "missed-bin")
        decision = store.decide_for(s, service, "CF37 1AB", "phone")
        assert decision.passed_over == ("Bins in CF37",) and decision.rule_id is None
    with council.write() as s:  # editing others keeps it; pointing it at the closed queue anew not
        store.add_rule(
            s, SUPERVISOR, {"name": "Social", "queue_id": "queue:waste", "channels": ["social"]}
        )
        store.update_rule(s, SUPERVISOR, rule_id, {**CF37_BINS, "name": "Renamed"})
    with pytest.raises(ValidationError, match="not an active queue"), council.write() as s:
        store.update_rule(s, SUPERVISOR, rule_id, {**CF37_BINS, "queue_id": "queue:gone"})


def test_rules_are_added_edited_moved_and_deleted_in_order(council: Store) -> None:
    with council.write() as s:
        a, _ = store.add_rule(s, SUPERVISOR, {**CF37_BINS, "name": "A"})
        b, _ = store.add_rule(s, SUPERVISOR, {**CF37_BINS, "name": "B", "queue_id": "queue:waste"})
        c, _ = store.add_rule(s, SUPERVISOR, {**CF37_BINS, "name": "C"})
        assert store.move_rule(s, SUPERVISOR, c, -1)[0] == 1
        assert store.move_rule(s, SUPERVISOR, a, -1)[0] == 0  # already first: unchanged
        store.update_rule(s, SUPERVISOR, b, {**CF37_BINS, "name": "B2", "areas": [" sa1  4 "]})
        store.delete_rule(s, SUPERVISOR, a)
    with council.read() as s:
        raw = store.load(s).raw
        assert [r["name"] for r in raw] == ["C", "B2"]
        assert raw[1]["areas"] == ["SA1 4"] and raw[1]["id"] == b


def test_the_rules_are_compiled_once_per_revision(council: Store) -> None:
    with council.write() as s:
        store.add_rule(s, SUPERVISOR, CF37_BINS)
    with council.read() as s:
        first = store.load(s)
        assert store.load(s) is first
    with council.write() as s:
        store.add_rule(s, SUPERVISOR, {**CF37_BINS, "name": "Another"})
    with council.read() as s:
        assert store.load(s) is not first and len(store.load(s).rules) == 2


def test_an_unusable_routing_record_from_sync_leaves_cases_to_their_defaults_and_says_so(
    council: Store,
) -> None:
    broken = {
        "_id": ROUTING_ID,
        "_rev": "1-abc",
        "type": "routing",
        "schema": 1,
        "rules": [{"id": "x", "name": "no queue"}],
        "updated_at": "2026-01-05T09:00:00Z",
        "updated_by": "staff:admin",
    }
    _replicate(council, broken)
    assert _open(council, "CF37 1AB") == "queue:waste"
    with council.read() as s:
        note = store.load(s).note
        assert note is not None and "queue_id" in note
        assert any(p.doc_id == ROUTING_ID for p in list_problems(s))
    with council.write() as s:  # a supervisor's new rule replaces what cannot be used
        store.add_rule(s, SUPERVISOR, CF37_BINS)
    assert _open(council, "CF37 1AB") == "queue:highways"


def test_a_routing_record_that_passes_its_schema_but_would_take_everything_is_not_used(
    council: Store,
) -> None:
    # An admin is not held to the rules: the reader checks again.
    everything = {
        "_id": ROUTING_ID,
        "_rev": "1-abc",
        "type": "routing",
        "schema": 1,
        "rules": [{"id": "x", "name": "all", "queue_id": "queue:highways", "areas": [""]}],
        "updated_at": "2026-01-05T09:00:00Z",
        "updated_by": "staff:admin",
    }
    _replicate(council, everything)
    assert _open(council, "CF37 1AB") == "queue:waste"
    with council.read() as s:
        assert "not a postcode area" in str(store.load(s).note)


def test_a_newer_builds_routing_record_is_kept_not_used(council: Store) -> None:
    newer = {
        "_id": ROUTING_ID,
        "_rev": "1-abc",
        "type": "routing",
        "schema": 99,
        "rules": [],
        "updated_at": "2026-01-05T09:00:00Z",
        "updated_by": "staff:admin",
    }
    _replicate(council, newer)
    assert _open(council) == "queue:waste"
    with council.read() as s:
        assert "newer" in str(store.load(s).note)
    with pytest.raises(ValidationError, match="update Caseworker"), council.write() as s:
        store.add_rule(s, SUPERVISOR, CF37_BINS)


def test_two_supervisors_offline_edits_meet_as_a_conflict_resolved_like_any_other(
    council: Store,
) -> None:
    with council.write() as s:
        store.add_rule(s, SUPERVISOR, CF37_BINS)
        base = docstore.require(s, ROUTING_ID)
    base_hash = base["_rev"].split("-")[1]
    for rev, queue in (("2-aaaa", "queue:waste"), ("2-bbbb", "queue:highways")):
        rules = [{**base["rules"][0], "name": f"to {queue}", "queue_id": queue}]
        history = {"start": 2, "ids": [rev[2:], base_hash]}
        _replicate(council, base | {"rules": rules, "_rev": rev, "_revisions": history})
    with council.read() as s:
        assert store.load(s).conflicted
        fields = [d.field for d in conflicts.field_differences(s, ROUTING_ID)]
        assert "rules" in fields
    with pytest.raises(ValidationError, match=ROUTING), council.write() as s:
        conflicts.resolve(s, AGENT, ROUTING_ID, {})
    with council.write() as s:
        chosen = next(
            d.others for d in conflicts.field_differences(s, ROUTING_ID) if d.field == "rules"
        )
        conflicts.resolve(s, SUPERVISOR, ROUTING_ID, {"rules": next(iter(chosen.values()))})
    with council.read() as s:
        assert not store.load(s).conflicted


def test_a_queues_members_are_changed_by_a_supervisor_never_their_own(council: Store) -> None:
    with council.read() as s:
        assert [m.id for m in members.members(s, "queue:waste")] == [
            "staff:agent",
            "staff:officer",
            "staff:supervisor",
        ]
        assert members.members(s, "queue:highways") == []
    with council.write() as s:
        assert members.add_member(s, SUPERVISOR, "queue:highways", "staff:agent").written
        assert not members.add_member(s, SUPERVISOR, "queue:highways", "staff:agent").written
        members.remove_member(s, SUPERVISOR, "queue:waste", "staff:officer")
    with council.read() as s:
        assert [m.id for m in members.members(s, "queue:highways")] == ["staff:agent"]
        assert "staff:officer" not in [m.id for m in members.members(s, "queue:waste")]
    with pytest.raises(ValidationError, match="only a supervisor"), council.write() as s:
        members.add_member(s, AGENT, "queue:highways", "staff:officer")
    with pytest.raises(ValidationError, match="own queues"), council.write() as s:
        members.add_member(s, SUPERVISOR, "queue:highways", "staff:supervisor")


def test_nobody_is_added_to_a_closed_or_missing_queue(council: Store) -> None:
    with council.write() as s:
        queue = docstore.require(s, "queue:highways")
        docstore.put(s, {**queue, "active": False})
    with pytest.raises(ValidationError, match="not an active queue"), council.write() as s:
        members.add_member(s, SUPERVISOR, "queue:highways", "staff:agent")
    with pytest.raises(Exception, match="no queue"), council.write() as s:
        members.add_member(s, SUPERVISOR, "queue:nowhere", "staff:agent")
