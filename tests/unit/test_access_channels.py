"""Which root each document hangs off, and which roots each person holds."""

import pytest

from caseworker.access import channels
from caseworker.access.channels import (
    ANONYMOUS,
    AUDIT,
    CATALOGUE,
    DIRECTORY,
    ERASURES,
    EVERYTHING,
    MENTIONS,
    STAFF,
    case_keys,
    district,
    holds_case,
    may_read,
    person_case_keys,
    root_of,
    roots_of_person,
    shared_roots,
)
from caseworker.access.people import Person, person_from, role_of, staff_id_of
from caseworker.documents.types import DOC_TYPES
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    OFFICER,
    PARKING_AGENT,
    ROLELESS,
    SUPERVISOR,
    case,
    citizen,
)


def test_every_document_type_has_its_channels() -> None:
    # The gateway refuses a type it has no rules for: a new type must come with its route.
    assert set(channels.ROUTES) == set(DOC_TYPES)


@pytest.mark.parametrize(
    ("doc_id", "body", "root"),
    [
        ("citizen:1", {"type": "citizen"}, "citizen:1"),
        ("case:1", {"type": "case", "citizen_id": "citizen:1"}, "case:1"),
        ("note:1", {"type": "note", "case_id": "case:1", "citizen_id": "citizen:1"}, "case:1"),
        ("note:1", {"type": "note", "citizen_id": "citizen:1"}, "citizen:1"),
        ("contact:1", {"type": "interaction", "citizen_id": "citizen:2"}, "citizen:2"),
        ("event:1", {"type": "case_event", "case_id": "case:1"}, "case:1"),
        ("service:x", {"type": "service"}, CATALOGUE),
        ("queue:x", {"type": "queue"}, CATALOGUE),
        ("staff:x", {"type": "staff"}, STAFF),
        ("mention:1", {"type": "mention", "case_id": "case:1"}, MENTIONS),
        ("audit:1", {"type": "audit_event", "subject_id": "citizen:1"}, AUDIT),
    ],
)
def test_each_type_finds_its_root_and_children_follow_their_parent(
    doc_id: str, body: dict[str, object], root: str
) -> None:
    assert root_of(doc_id, body) == root


@pytest.mark.parametrize(
    ("doc_id", "body"),
    [
        ("thing:1", {"type": "thing"}),  # an unknown type
        ("note:1", {"type": "note"}),  # a child with no parent
        ("note:1", {"type": "note", "case_id": "citizen:1"}),  # a parent of the wrong kind
        ("note:1", {"type": "note", "case_id": "case:"}),  # an empty id
        ("note:1", {"type": "note", "case_id": ["case:1"]}),
        ("case:1", {"type": "citizen"}),  # an id of another type
        ("case:", {"type": "case"}),
        ("_design/x", {"type": "staff"}),  # design and local documents have no root
        ("_local/x", {"type": "citizen"}),
        ("case", None),  # a tombstone whose id is no id
        ("case:", None),
        ("note:1", None),  # a child's tombstone: its parent is unknown
    ],
)
def test_a_document_with_no_usable_root_is_held_by_admins_only(
    doc_id: str, body: dict[str, object] | None
) -> None:
    assert root_of(doc_id, body) is None
    assert not may_read(frozenset({"case:1", "citizen:1", STAFF, CATALOGUE}), doc_id, body)
    assert may_read(frozenset({EVERYTHING}), doc_id, body)


def test_a_contact_with_no_case_and_no_citizen_is_anonymous_and_held_by_the_contact_centre() -> (
    None
):
    for body in (
        {"type": "interaction"},
        {"type": "interaction", "case_id": None, "citizen_id": None},
    ):
        assert root_of("contact:1", body) == ANONYMOUS
        assert may_read(roots_of_person(AGENT, []), "contact:1", body)
        assert may_read(roots_of_person(SUPERVISOR, []), "contact:1", body)
        assert not may_read(roots_of_person(OFFICER, []), "contact:1", body)
    # Only contacts: a note or a case event with no parent still has no root.
    assert root_of("note:1", {"type": "note"}) is None
    assert root_of("event:1", {"type": "case_event"}) is None


@pytest.mark.parametrize(
    "parents",
    [
        {"citizen_id": "citizen:2"},
        {"case_id": "case:1", "citizen_id": None},
        {"citizen_id": ""},  # a parent that is there but unusable is no anonymous contact
        {"citizen_id": "citizen:"},
        {"citizen_id": "2"},
        {"case_id": "citizen:2"},
        {"case_id": 7},
        {"citizen_id": ["citizen:2"]},
        {"citizen_id": False},
    ],
)
def test_no_contact_that_names_or_half_names_a_parent_lands_in_the_anonymous_channel(
    parents: dict[str, object],
) -> None:
    assert root_of("contact:1", {"type": "interaction", **parents}) != ANONYMOUS


def test_a_tombstone_of_a_case_or_citizen_is_known_by_its_id() -> None:
    assert root_of("case:1", None) == "case:1"
    assert root_of("citizen:1", {"_deleted": True}) == "citizen:1"


@pytest.mark.parametrize(
    ("postcode", "area"),
    [
        ("CF37 1AB", "CF37"),
        ("cf371ab", "CF37"),
        (" LL57\t2PW ", "LL57"),
        ("SW1A 1AA", "SW1A"),
        ("M1 1AE", "M1"),
        ("CF37", None),
        ("CF37 1AB X", None),
        ("ＣＦ37 1AB", None),  # full-width letters: no postcode, in Python as in JavaScript
        ("CF37\u00a01AB", None),  # a no-break space is not a space here either
        ("", None),
    ],
)
def test_a_postcode_district_is_its_outward_code(postcode: str, area: str | None) -> None:
    assert district(postcode) == area


def test_a_case_is_held_through_its_queue_its_assignee_and_while_open_its_area() -> None:
    open_case = case(assignee_id="staff:x", location={"postcode": "CF37 1AB"})
    assert case_keys(open_case) == {"queue=queue:contact", "assignee=staff:x", "area=CF37"}
    closed = {**open_case, "status": "closed"}
    assert case_keys(closed) == {"queue=queue:contact", "assignee=staff:x"}
    odd = {"queue_id": "", "assignee_id": 3, "status": ["new"], "location": ["CF37 1AB"]}
    assert case_keys(odd) == frozenset()


def test_each_role_holds_cases_through_its_own_keys() -> None:
    assert person_case_keys(AGENT) == {"queue=queue:contact", "assignee=staff:agent"}
    assert person_case_keys(OFFICER) == {"assignee=staff:officer", "area=CF37"}
    assert person_case_keys(SUPERVISOR) == {"queue=queue:contact", "queue=queue:waste"}
    assert person_case_keys(ROLELESS) == frozenset()
    in_patch = case(queue_id="queue:street", location={"postcode": "cf37 9zz"})
    assert holds_case(OFFICER, in_patch) and not holds_case(AGENT, in_patch)
    assert holds_case(ADMIN, in_patch)
    assert not holds_case(OFFICER, {**in_patch, "status": "resolved"})


def test_shared_channels_by_role() -> None:
    assert shared_roots(AGENT) == {CATALOGUE, STAFF, DIRECTORY, MENTIONS, ANONYMOUS, ERASURES}
    assert shared_roots(PARKING_AGENT) == {CATALOGUE, STAFF, DIRECTORY, ANONYMOUS, ERASURES}
    assert shared_roots(SUPERVISOR) == {CATALOGUE, STAFF, DIRECTORY, MENTIONS, ANONYMOUS, ERASURES}
    assert shared_roots(OFFICER) == {CATALOGUE, STAFF, ERASURES}
    assert shared_roots(ADMIN) == {EVERYTHING}
    assert shared_roots(ROLELESS) == frozenset()


def test_a_person_holds_their_cases_and_the_citizens_on_them_and_nothing_else() -> None:
    held = [case("case:1", citizen_id="citizen:1"), case("case:2"), {"_id": "citizen:9"}]
    roots = roots_of_person(OFFICER, held)
    assert roots == {CATALOGUE, STAFF, ERASURES, "case:1", "citizen:1", "case:2"}
    assert may_read(roots, "note:1", {"type": "note", "case_id": "case:1"})
    assert may_read(roots, "citizen:1", citizen("citizen:1"))
    assert not may_read(roots, "citizen:2", citizen("citizen:2"))
    assert not may_read(roots, "note:2", {"type": "note", "citizen_id": "citizen:2"})
    assert not may_read(roots, "audit:1", {"type": "audit_event"})


def test_a_person_is_their_strongest_role_their_staff_record_and_its_queues_and_patch() -> None:
    assert role_of(["agent", "supervisor", "staff:staff:x"]) == "supervisor"
    assert role_of(["_admin"]) == "admin"
    assert role_of(["reader"]) == ""
    assert staff_id_of(["agent", "staff:staff:x"]) == "staff:x"
    assert staff_id_of(["staff:"]) is None
    record = {"_id": "staff:x", "queue_ids": ["queue:a", 3], "patch": [" cf37", None]}
    person = person_from("x", ["field_officer", "staff:staff:x"], record)
    assert person == Person(
        "x", "field_officer", "staff:x", frozenset({"queue:a"}), frozenset({"CF37"})
    )
    # Someone else's staff document gives nobody its queues.
    stranger = person_from("y", ["agent", "staff:staff:y"], record)
    assert stranger.queue_ids == frozenset() and stranger.patch == frozenset()
