"""Changing an escalation rule: a new revision of the same document, read from the revision the
supervisor saw. An agent, a rule that cannot work, a rule someone else changed or deleted
meanwhile and a record that is not a rule are refused with nothing written; a peer's broken rule
can be put right; a save that changes nothing writes nothing."""

import dataclasses
from typing import Any

import pytest
from sqlalchemy import func, select

from caseworker.documents.codec import new_document
from caseworker.documents.types import ESCALATION_RULE, QUEUE
from caseworker.errors import ConflictError, NotFoundError, ValidationError
from caseworker.models import StoredDocument
from caseworker.revisions.tree import parse_rev
from caseworker.services import escalation_rules
from caseworker.services.escalation_rules import NewRule
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.worktime import MAX_HOURS
from tests.unit.conftest import AGENT, SUPERVISOR

WARN = NewRule("Waste: warn before a breach", "resolve", "notify", queue_id="queue:waste",
               hours_before=4, name_cy="Gwastraff: rhybudd cyn torri")  # fmt: skip


def _add(council: Store, new: NewRule = WARN) -> str:
    with council.write() as s:
        rule_id, _ = escalation_rules.add_rule(s, SUPERVISOR, new)
    return rule_id


def _doc(council: Store, rule_id: str) -> dict[str, Any]:
    with council.read() as s:
        return docstore.require(s, rule_id)


def _audits(council: Store) -> int:
    with council.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(StoredDocument)
                .where(StoredDocument.type == "audit_event")
            )
            or 0
        )


def _update(council: Store, rule_id: str, rev: str, new: NewRule, actor: Any = SUPERVISOR) -> None:
    with council.write() as s:
        escalation_rules.update_rule(s, actor, rule_id, rev, new)


def _peer(council: Store, doc: dict[str, Any]) -> None:
    with council.write() as s:
        docstore.put_replicated(s, doc)


def test_a_supervisors_edit_keeps_the_id_and_bumps_the_revision(council: Store) -> None:
    rule_id = _add(council)
    with council.write() as s:
        escalation_rules.set_active(s, SUPERVISOR, rule_id, False)
    with council.read() as s:
        held = escalation_rules.read_rule(s, rule_id)
    assert held.values == WARN and held.problem is None and not held.active
    assert held.rev == _doc(council, rule_id)["_rev"]
    audits = _audits(council)
    moved = dataclasses.replace(
        held.values,
        name="Waste: move late ones",
        name_cy="Symud",
        action="move_queue",
        to_queue_id="queue:highways",
        hours_before=0,
    )
    with council.write() as s:
        changes = escalation_rules.update_rule(s, SUPERVISOR, rule_id, held.rev, moved)
    assert rule_id in changes.ids_of("escalation_rule")
    doc = _doc(council, rule_id)
    assert doc["_id"] == rule_id and parse_rev(doc["_rev"])[0] == parse_rev(held.rev)[0] + 1
    assert doc["name"] == "Waste: move late ones" and doc["name_cy"] == "Symud"
    assert doc["action"] == "move_queue" and doc["to_queue_id"] == "queue:highways"
    assert doc["hours_before"] == 0 and doc["by"] == SUPERVISOR.staff_id
    assert doc["active"] is False  # an edit does not turn a rule back on
    assert _audits(council) == audits + 1
    with council.read() as s:
        (listed,) = escalation_rules.list_rules(s)
    assert listed.doc_id == rule_id and listed.rule is not None
    assert listed.rule.to_queue_id == "queue:highways"


def test_clearing_the_welsh_name_and_the_queue_removes_them(council: Store) -> None:
    rule_id = _add(council)
    rev = _doc(council, rule_id)["_rev"]
    new = dataclasses.replace(WARN, name_cy="  ", queue_id=None, service_code="missed-bin")
    _update(council, rule_id, rev, new)
    doc = _doc(council, rule_id)
    assert "name_cy" not in doc and "queue_id" not in doc and doc["service_code"] == "missed-bin"


def test_an_agent_is_refused_by_the_service_and_nothing_is_written(council: Store) -> None:
    rule_id = _add(council)
    before, audits = _doc(council, rule_id), _audits(council)
    with pytest.raises(ValidationError, match="supervisor"):
        _update(council, rule_id, before["_rev"], dataclasses.replace(WARN, name="Mine"), AGENT)
    with pytest.raises(ValidationError, match="supervisor"):  # even a save changing nothing
        _update(council, rule_id, before["_rev"], WARN, AGENT)
    assert _doc(council, rule_id) == before and _audits(council) == audits


@pytest.mark.parametrize(
    ("change", "refused"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "at most 200"),
        ({"name_cy": "x" * 201}, "at most 200"),
        ({"queue_id": None}, "neither a service nor a queue"),
        ({"action": "move_queue"}, "no queue"),
        ({"action": "move_queue", "to_queue_id": "queue:gone"}, "no open queue"),
        ({"hours_before": -1}, "hours_before"),
        ({"hours_before": MAX_HOURS + 1}, "hours_before"),
        ({"service_code": "no-such"}, "no service"),
        ({"queue_id": "queue:nowhere"}, "no open queue"),
        ({"target": "whenever"}, "target"),
        ({"action": "explode"}, "action"),
    ],
)
def test_an_edit_that_cannot_work_is_refused_as_an_addition_is_and_nothing_written(
    council: Store, change: dict[str, Any], refused: str
) -> None:
    rule_id = _add(council)
    before, audits = _doc(council, rule_id), _audits(council)
    with pytest.raises((ValidationError, NotFoundError), match=refused):
        _update(council, rule_id, before["_rev"], dataclasses.replace(WARN, **change))
    assert _doc(council, rule_id) == before and _audits(council) == audits
    # The same values are refused as a new rule too, in the same words.
    with pytest.raises((ValidationError, NotFoundError), match=refused):
        _add(council, dataclasses.replace(WARN, **change))


def test_a_queue_closed_since_is_refused_when_the_rule_is_saved_again(council: Store) -> None:
    rule_id = _add(council)
    with council.write() as s:
        queue = docstore.require(s, "queue:waste")
        docstore.put(s, {**queue, "active": False})
    before = _doc(council, rule_id)
    with pytest.raises(NotFoundError, match="no open queue"):
        _update(council, rule_id, before["_rev"], dataclasses.replace(WARN, name="Renamed"))
    assert _doc(council, rule_id) == before


def test_a_change_made_elsewhere_since_it_was_read_is_a_conflict_not_overwritten(
    council: Store,
) -> None:
    rule_id = _add(council)
    read = _doc(council, rule_id)
    pos, digest = parse_rev(read["_rev"])
    theirs = {**read, "name": "Their name", "_rev": f"{pos + 1}-{'a' * 32}",
              "_revisions": {"start": pos + 1, "ids": ["a" * 32, digest]}}  # fmt: skip
    _peer(council, theirs)
    with pytest.raises(ConflictError, match="changed by someone else"):
        _update(council, rule_id, read["_rev"], dataclasses.replace(WARN, name="Mine"))
    assert _doc(council, rule_id)["name"] == "Their name"


def test_a_rival_branch_that_now_wins_is_a_conflict_too(council: Store) -> None:
    """The revision read is still a leaf (docstore would extend it), but it no longer wins:
    saving on it would hide the other laptop's change behind a conflict nobody asked for."""
    rule_id = _add(council)
    read = _doc(council, rule_id)
    pos, _digest = parse_rev(read["_rev"])
    rival = new_document(ESCALATION_RULE, rule_id, {**{k: v for k, v in read.items()
                         if not k.startswith("_")}, "name": "Rival"})  # fmt: skip
    _peer(council, {**rival, "_rev": f"{pos}-{'f' * 32}"})  # same length, higher id: it wins
    assert _doc(council, rule_id)["name"] == "Rival"
    with pytest.raises(ConflictError):
        _update(council, rule_id, read["_rev"], dataclasses.replace(WARN, name="Mine"))
    assert _doc(council, rule_id)["name"] == "Rival"


def test_a_rule_deleted_elsewhere_is_not_brought_back(council: Store) -> None:
    rule_id = _add(council)
    read = _doc(council, rule_id)
    pos, digest = parse_rev(read["_rev"])
    tombstone = {"_id": rule_id, "_rev": f"{pos + 1}-{'b' * 32}", "_deleted": True,
                 "_revisions": {"start": pos + 1, "ids": ["b" * 32, digest]}}  # fmt: skip
    _peer(council, tombstone)
    with pytest.raises(NotFoundError, match="deleted"):
        _update(council, rule_id, read["_rev"], dataclasses.replace(WARN, name="Mine"))
    with council.read() as s:
        assert docstore.get(s, rule_id) is None
        with pytest.raises(NotFoundError, match="deleted"):
            escalation_rules.read_rule(s, rule_id)


def test_a_rule_that_never_was_or_another_record_is_not_found(council: Store) -> None:
    with pytest.raises(NotFoundError), council.write() as s:
        escalation_rules.update_rule(s, SUPERVISOR, "escalation:none", "1-" + "a" * 32, WARN)
    with pytest.raises(NotFoundError), council.read() as s:
        escalation_rules.read_rule(s, "queue:waste")
    with council.read() as s:
        queue_rev = docstore.require(s, "queue:waste")["_rev"]
    with pytest.raises(NotFoundError), council.write() as s:
        escalation_rules.update_rule(s, SUPERVISOR, "queue:waste", queue_rev, WARN)
    with council.read() as s:
        assert docstore.require(s, "queue:waste")["_rev"] == queue_rev


def test_a_peers_broken_rule_is_read_with_its_problem_and_can_be_put_right(
    council: Store,
) -> None:
    good = new_document(ESCALATION_RULE, "escalation:peer", {
        "name": "Peer's rule", "name_cy": "Rheol", "queue_id": "queue:waste", "target": "resolve",
        "hours_before": 2, "action": "notify", "active": True, "by": "staff:supervisor",
        "updated_at": "2026-12-02T10:00:00Z"})  # fmt: skip
    broken = {**good, "hours_before": 10**9, "action": "explode", "name_cy": 5,
              "_rev": "1-" + "c" * 32}  # fmt: skip
    _peer(council, broken)
    with council.read() as s:
        held = escalation_rules.read_rule(s, "escalation:peer")
    assert held.problem and held.rev == broken["_rev"] and held.active
    # What could be read is kept; what is nonsense is not passed on as if it were a choice.
    assert held.values.name == "Peer's rule" and held.values.name_cy is None
    assert held.values.queue_id == "queue:waste" and held.values.target == "resolve"
    assert held.values.action not in ("explode",)
    fixed = dataclasses.replace(held.values, hours_before=3, action="raise_priority")
    _update(council, "escalation:peer", held.rev, fixed)
    with council.read() as s:
        (listed,) = escalation_rules.list_rules(s)
    assert listed.doc_id == "escalation:peer" and listed.problem is None
    assert listed.rule is not None and listed.rule.action == "raise_priority"
    assert parse_rev(_doc(council, "escalation:peer")["_rev"])[0] == 2


def test_a_save_that_changes_nothing_writes_nothing(council: Store) -> None:
    rule_id = _add(council)
    before, audits = _doc(council, rule_id), _audits(council)
    with council.write() as s:
        changes = escalation_rules.update_rule(s, SUPERVISOR, rule_id, before["_rev"], WARN)
    assert not changes.ids_of("escalation_rule")
    assert _doc(council, rule_id) == before and _audits(council) == audits


def test_a_closed_queue_is_still_read_as_the_rules_value(council: Store) -> None:
    """The form is filled with what the rule says, even a queue closed since: never silently
    swapped for another (saving it again is then refused, above)."""
    _peer(council, {**new_document(QUEUE, "queue:old", {"name": "Old", "active": False}),
                    "_rev": "1-" + "d" * 32})  # fmt: skip
    good = new_document(ESCALATION_RULE, "escalation:old", {
        "name": "Old", "queue_id": "queue:old", "target": "response", "hours_before": 0,
        "action": "notify", "active": True, "by": "staff:supervisor",
        "updated_at": "2026-12-02T10:00:00Z"})  # fmt: skip
    _peer(council, {**good, "_rev": "1-" + "e" * 32})
    with council.read() as s:
        held = escalation_rules.read_rule(s, "escalation:old")
    assert held.values.queue_id == "queue:old" and held.problem is None
