"""Who may set, change and end a warning marker, judged against the server's winner: hostile
writes first (someone else's name, a citizen not held, rewriting who set it or when)."""

from typing import Any

import pytest

from caseworker.access import rules
from caseworker.access.channels import EVERYTHING, ROUTES, root_of
from caseworker.access.people import Person
from caseworker.access.views import roots_rows
from caseworker.access.writes import judge, judge_batch
from tests.unit.access_docs import (
    AGENT,
    AT,
    COLLEAGUE,
    OFFICER,
    SUPERVISOR,
    case,
    citizen,
    create,
    delete,
    doc,
    edit,
    roots,
    side_edit,
)

HELD = case("case:1", queue_id="queue:contact", citizen_id="citizen:1")
NOT_HELD = case("case:3", queue_id="queue:planning", citizen_id="citizen:3")


def marker(doc_id: str = "marker:1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "citizen_id": "citizen:1",
        "kind": "vulnerability",
        "reason": "Recently bereaved; speak slowly and offer a call back",
        "set_by": "staff:agent",
        "set_at": AT,
        "review_on": "2027-01-05",
    }
    base.update(fields)
    return doc("marker", doc_id, **{k: v for k, v in base.items() if v is not None})


def verdict(person: Person, write: Any) -> str | None:
    return judge(person, write, roots(person, HELD, NOT_HELD))


def test_a_marker_lives_under_its_citizen_and_the_gateway_views_route_it_so() -> None:
    m = marker()
    assert ROUTES["marker"].parents == (("citizen_id", "citizen"),)
    assert root_of("marker:1", m) == "citizen:1"
    assert [row[0] for row in roots_rows({**m, "_rev": "1-a"})] == ["citizen:1"]
    # A marker naming no citizen (or a case instead) has no root: only an admin holds it.
    assert root_of("marker:1", {**m, "citizen_id": "case:1"}) is None


def test_an_agent_sets_a_marker_in_their_own_name_on_a_citizen_they_hold() -> None:
    assert verdict(AGENT, create(marker())) is None


def test_nobody_sets_a_marker_in_someone_elses_name() -> None:
    forged_name = marker(set_by="staff:colleague")
    assert verdict(AGENT, create(forged_name)) == rules.MARKER_OWN_NAME
    assert verdict(SUPERVISOR, create(forged_name)) == rules.MARKER_OWN_NAME


def test_nobody_sets_a_marker_on_a_citizen_they_do_not_hold() -> None:
    assert verdict(AGENT, create(marker(citizen_id="citizen:3"))) == rules.MARKER_NOT_HELD
    assert verdict(OFFICER, create(marker(set_by="staff:officer"))) == rules.MARKER_NOT_HELD


def test_a_marker_on_a_citizen_created_in_the_same_batch_is_allowed() -> None:
    new_citizen = citizen("citizen:new")
    m = marker(citizen_id="citizen:new")
    held = roots(AGENT, HELD)
    assert judge_batch(AGENT, [create(m), create(new_citizen)], held) == [None, None]


def test_an_officer_safety_marker_must_name_its_address() -> None:
    bare = marker(kind="officer_safety")
    assert verdict(AGENT, create(bare)) == rules.MARKER_ADDRESS
    placed = marker(kind="officer_safety", address="4 Heol y Bont", postcode="CF37 4AB")
    assert verdict(AGENT, create(placed)) is None
    assert verdict(AGENT, edit(placed, postcode=None)) == rules.MARKER_ADDRESS


@pytest.mark.parametrize(
    "change",
    [
        {"set_by": "staff:colleague"},
        {"set_at": "2025-01-01T09:00:00.000Z"},
        {"citizen_id": "citizen:3"},
        {"kind": "safeguarding"},
    ],
)
def test_nobody_rewrites_who_set_a_marker_when_on_whom_or_of_what_kind(
    change: dict[str, str],
) -> None:
    m = marker()
    for person in (AGENT, SUPERVISOR):
        held = frozenset({"citizen:1", "citizen:3"})
        assert judge(person, edit(m, **change), held) == rules.MARKER_KEPT
        assert judge(person, side_edit(m, **change), held) == rules.MARKER_KEPT


def test_only_the_setter_or_a_supervisor_changes_or_ends_a_marker() -> None:
    m = marker()
    held = frozenset({"citizen:1"})
    longer = edit(m, review_on="2027-06-01")
    assert judge(AGENT, longer, held) is None
    assert judge(SUPERVISOR, longer, held) is None
    assert judge(COLLEAGUE, longer, held) == rules.MARKER_WHO
    end = edit(m, ended_at=AT, ended_by="staff:colleague")
    assert judge(COLLEAGUE, end, held) == rules.MARKER_WHO


def test_a_marker_is_ended_in_your_own_name_with_both_when_and_who() -> None:
    m = marker()
    held = frozenset({"citizen:1"})
    assert judge(AGENT, edit(m, ended_at=AT, ended_by="staff:agent"), held) is None
    assert judge(SUPERVISOR, edit(m, ended_at=AT, ended_by="staff:agent"), held) == (
        rules.MARKER_END_OWN
    )
    assert judge(AGENT, edit(m, ended_at=AT), held) is not None
    assert judge(AGENT, edit(m, ended_by="staff:agent"), held) is not None


def test_an_ended_marker_stays_as_it_was() -> None:
    ended = marker(ended_at=AT, ended_by="staff:agent")
    held = frozenset({"citizen:1"})
    assert judge(AGENT, edit(ended, ended_at=None, ended_by=None), held) == rules.MARKER_ENDED
    assert judge(SUPERVISOR, edit(ended, reason="Different"), held) == rules.MARKER_ENDED
    fresh_ended = marker("marker:2", ended_at=AT, ended_by="staff:agent")
    assert judge(AGENT, create(fresh_ended), held) == "a new marker cannot already be ended"


def test_a_marker_is_never_deleted_though_a_losing_branch_may_be() -> None:
    m = marker()
    held = frozenset({"citizen:1"})
    assert judge(AGENT, delete(m), held) == rules.MARKER_NOT_DELETED
    assert judge(SUPERVISOR, delete(m), held) == rules.MARKER_NOT_DELETED
    assert judge(AGENT, delete(m, winner=False), held) is None
    assert judge(AGENT, delete(m, winner=False), frozenset()) == rules.NOT_HELD_CITIZEN


def test_a_marker_of_a_citizen_no_longer_held_cannot_be_changed() -> None:
    m = marker()
    assert judge(AGENT, edit(m, review_on="2027-06-01"), frozenset()) == rules.NOT_HELD_CITIZEN
    assert judge(AGENT, edit(m, review_on="2027-06-01"), frozenset({EVERYTHING})) is None
