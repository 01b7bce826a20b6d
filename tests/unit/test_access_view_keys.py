"""The access view keys documents by root and cases by case key (and by citizen) in one index:
no root reads as a case key, and a person's own keys can never pick out a case by a citizen,
however their queues and patch are named."""

import pytest

from caseworker.access.channels import ROUTES, case_keys, person_case_keys
from caseworker.access.people import Person
from caseworker.access.views import (
    VIEW,
    cases_rows,
    citizen_key,
    citizen_of_key,
    design_document,
    is_case_key,
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
        assert is_case_key(key), key


def test_no_root_can_read_as_a_case_key() -> None:
    """Every root is a route's fixed or orphan channel, or an id under a route's own or
    parent prefix."""
    for name, route in ROUTES.items():
        prefixes = [route.own, *(prefix for _field, prefix in route.parents)]
        for prefix in prefixes:
            if prefix is not None:
                assert not is_case_key(prefix + ":citizen=x"), name
                assert not is_case_key(prefix + ":"), name
        for channel in (route.fixed, route.orphans):
            assert channel is None or not is_case_key(channel), name


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


def test_one_view_and_only_this_versions_is_current() -> None:
    design = design_document()
    assert list(design["views"]) == [VIEW]
    assert design["views"][VIEW]["reduce"] == "_count"
    assert is_current(design)
    older = {**design, "views": {**design["views"], "citizen_cases": {"map": "function (d) {}"}}}
    assert not is_current(older)
    no_count = {**design, "views": {VIEW: {"map": design["views"][VIEW]["map"]}}}
    assert not is_current(no_count)
    assert not is_current(None) and not is_current({"views": []})
