"""Who may ask for an erasure and who completes it: a supervisor or admin asks, in their own
name; nobody but the central worker (an admin) records the outcome; an erasure is never
deleted by a laptop; every role's laptop holds every erasure (they carry no personal data);
and an erasure's own record never counts as one of the citizen's records."""

from typing import Any

import pytest

from caseworker.access import rules
from caseworker.access.channels import ERASURES, may_read, root_of
from caseworker.access.people import Person
from caseworker.access.writes import judge
from caseworker.erasure import scope
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    OFFICER,
    SUPERVISOR,
    audit,
    case,
    create,
    delete,
    doc,
    edit,
    mention,
    note,
    roots,
)


def _erasure(by: str = "staff:supervisor", **fields: Any) -> dict[str, Any]:
    body = {
        "citizen_id": "citizen:1",
        "mode": "erase",
        "basis": "objection",
        "reason": "citizen_request",
        "requested_by": by,
        "requested_at": "2026-12-01T10:00:00+00:00",
        "state": "requested",
        **fields,
    }
    return doc("erasure", "erasure:1", **body)


def test_a_supervisor_asks_in_their_own_name() -> None:
    assert judge(SUPERVISOR, create(_erasure()), roots(SUPERVISOR)) is None
    assert judge(SUPERVISOR, create(_erasure("staff:agent")), roots(SUPERVISOR)) == (
        rules.ERASURE_OWN_NAME
    )


@pytest.mark.parametrize("person", [AGENT, OFFICER])
def test_agents_and_field_officers_cannot_ask(person: Person) -> None:
    new = _erasure(str(person.staff_id))
    assert judge(person, create(new), roots(person)) == rules.ERASURE_WHO


@pytest.mark.parametrize(
    "claim",
    [{"state": "done"}, {"done_at": "2026-12-01T11:00:00+00:00"}, {"purged": 3}, {"detail": "x"}],
)
def test_a_laptop_cannot_claim_an_erasure_was_carried_out(claim: dict[str, Any]) -> None:
    assert judge(SUPERVISOR, create(_erasure(**claim)), roots(SUPERVISOR)) == rules.ERASURE_NEW


def test_only_the_central_worker_completes_and_nobody_else_deletes_it() -> None:
    asked = _erasure()
    done = edit(asked, state="done", done_at="2026-12-01T11:00:00+00:00", purged=7)
    assert judge(SUPERVISOR, done, roots(SUPERVISOR)) == rules.ERASURE_CENTRAL
    assert judge(ADMIN, done, roots(ADMIN)) is None
    assert judge(SUPERVISOR, delete(asked), roots(SUPERVISOR)) is not None
    assert judge(SUPERVISOR, edit(asked, mode="anonymise"), roots(SUPERVISOR)) is not None


@pytest.mark.parametrize("person", [AGENT, OFFICER, SUPERVISOR, ADMIN])
def test_every_role_holds_every_erasure(person: Person) -> None:
    assert root_of("erasure:1", _erasure()) == ERASURES
    assert may_read(roots(person), "erasure:1", _erasure())


def test_the_citizens_records_are_found_by_root_or_by_a_field_naming_them() -> None:
    ids = frozenset({"citizen:1", "case:1"})
    assert scope.belongs("citizen:1", None, ids)  # a tombstone: by its id
    assert scope.belongs("case:1", case("case:1", citizen_id="citizen:1"), ids)
    assert scope.belongs("note:1", note("staff:agent", case_id="case:1"), ids)
    assert scope.belongs("mention:1", mention(citizen_id="citizen:1"), ids)
    assert scope.belongs("audit:1", audit("citizen:1", "staff:agent"), ids)
    # A record type added later that links two citizens (identity links, merges).
    link = {"_id": "link:1", "type": "identity_link", "citizens": ["citizen:9", "citizen:1"]}
    assert scope.belongs("link:1", link, ids)
    assert not scope.belongs("erasure:1", _erasure(), ids)
    assert not scope.belongs("case:2", case("case:2", citizen_id="citizen:2"), ids)
    assert not scope.belongs("note:2", note("staff:agent", case_id="case:2", text="case:1"), ids)


def test_an_anonymised_copy_keeps_what_statistics_count_and_no_words() -> None:
    named = case(
        "case:1",
        citizen_id="citizen:1",
        summary="Zebedee's bin",
        description="rang from 07700 900123",
        location={"address": "1 High St", "postcode": "CF37 1AA"},
    )
    copy = scope.anonymised(named, "erasure:1")
    assert copy is not None
    assert copy["summary"] == "" and "description" not in copy and "location" not in copy
    for kept in ("status", "opened_at", "service_code", "channel", "queue_id", "citizen_id"):
        assert copy[kept] == named[kept]
    assert copy[scope.ANONYMISED] == "erasure:1"
    assert scope.anonymised(note("staff:agent", case_id="case:1"), "erasure:1") is None
    assert scope.anonymised({"_id": "x:1", "type": "identity_link"}, "erasure:1") is None


def test_a_mark_on_a_record_that_still_names_someone_is_not_an_anonymised_copy() -> None:
    named = case("case:1", citizen_id="citizen:1", summary="Zebedee's bin")
    copy = scope.anonymised(named, "erasure:1")
    assert copy is not None and scope.is_anonymised(copy, "erasure:1")
    assert not scope.is_anonymised({**named, scope.ANONYMISED: "erasure:1"}, "erasure:1")
    assert not scope.is_anonymised({**copy, "description": "Zebedee"}, "erasure:1")
    assert not scope.is_anonymised(copy, "erasure:2")
    attached = {"note.txt": {"content_type": "text/plain", "data": "WmViZWRlZQ=="}}
    assert not scope.is_anonymised({**copy, "_attachments": attached}, "erasure:1")


def test_only_the_held_copy_unchanged_is_the_same_copy() -> None:
    copy = scope.anonymised(case("case:1", citizen_id="citizen:1"), "erasure:1")
    assert copy is not None
    assert scope.same_copy({**copy, "_rev": "3-b"}, {**copy, "_rev": "2-a"}, "erasure:1")
    renamed = {**copy, "reference": "Zebedee"}  # a field the copy keeps, given a name
    assert scope.is_anonymised(renamed, "erasure:1")
    assert not scope.same_copy(renamed, copy, "erasure:1")
    assert not scope.same_copy(copy, case("case:1", citizen_id="citizen:1"), "erasure:1")
    assert not scope.same_copy({**copy, "_deleted": True}, copy, "erasure:1")
