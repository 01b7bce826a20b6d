"""The ``cases`` view keys a case by its case keys and by its citizen in one index: a person's
own keys can never pick out a case by a citizen, however their queues and patch are named."""

import pytest

from caseworker.access.channels import case_keys, person_case_keys
from caseworker.access.people import Person
from caseworker.access.views import (
    CASES_VIEW,
    ROOTS_VIEW,
    cases_rows,
    citizen_key,
    citizen_of_key,
    design_document,
    is_current,
)

# Names a careless colleague or a hostile admin could give a queue, a staff record or a patch.
ODD = ("citizen=citizen:ann", "citizen:ann", "=citizen:ann", "", "citizen=", "queue=x")


@pytest.mark.parametrize("role", ["agent", "field_officer", "supervisor", "admin", ""])
@pytest.mark.parametrize("odd", ODD)
def test_no_persons_case_key_is_a_citizen_key(role: str, odd: str) -> None:
    person = Person(
        "p", role, staff_id=odd, queue_ids=frozenset({odd, "queue:a"}), patch=frozenset({odd})
    )
    for key in person_case_keys(person):
        assert citizen_of_key(key) is None, key


@pytest.mark.parametrize("odd", ODD)
def test_no_case_key_of_a_case_is_a_citizen_key(odd: str) -> None:
    doc = {"type": "case", "queue_id": odd, "assignee_id": odd, "status": "new"}
    assert all(citizen_of_key(k) is None for k in case_keys(doc))


def test_a_case_is_keyed_by_its_citizen_only_when_it_names_one() -> None:
    base = {"_id": "case:1", "type": "case", "queue_id": "queue:a"}
    with_citizen = cases_rows({**base, "citizen_id": "citizen:ann"})
    assert (citizen_key("citizen:ann"), "citizen:ann") in with_citizen
    assert citizen_of_key(citizen_key("citizen:ann")) == "citizen:ann"
    for odd in ("citizen:", "case:1", "ann", 7, None):
        rows = cases_rows({**base, "citizen_id": odd})
        assert all(citizen_of_key(k) is None for k, _v in rows), odd
    not_a_case = {"_id": "note:1", "type": "note", "citizen_id": "citizen:ann"}
    assert cases_rows(not_a_case) == []


def test_two_views_and_only_this_versions_are_current() -> None:
    design = design_document()
    assert sorted(design["views"]) == sorted([ROOTS_VIEW, CASES_VIEW])
    assert design["views"][ROOTS_VIEW]["reduce"] == "_count"
    assert is_current(design)
    older = {**design, "views": {**design["views"], "citizen_cases": {"map": "function (d) {}"}}}
    assert not is_current(older)
    no_count = {**design, "views": {**design["views"], ROOTS_VIEW: {"map": "function (d) {}"}}}
    assert not is_current(no_count)
    assert not is_current(None) and not is_current({"views": []})
