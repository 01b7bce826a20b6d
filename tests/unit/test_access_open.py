"""Who may open a citizen's full record on demand, for which ids, with what reason, and which
documents make up the record."""

import pytest

from caseworker.access.opening import (
    MAX_REASON_CHARS,
    citizen_id_problem,
    in_record,
    may_open_record,
    reason_problem,
    record_roots,
)
from caseworker.access.people import Person, person_from
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    AT,
    OFFICER,
    ROLELESS,
    SUPERVISOR,
    UNLINKED,
    case,
    doc,
)


def test_agents_supervisors_and_admins_may_open_a_record_field_officers_and_no_role_not() -> None:
    assert may_open_record(AGENT) and may_open_record(UNLINKED)
    assert may_open_record(SUPERVISOR) and may_open_record(ADMIN)
    assert not may_open_record(OFFICER)
    assert not may_open_record(ROLELESS)
    # The role is the server's word: a role nobody knows, or a staff id alone, opens nothing.
    assert not may_open_record(person_from("x", ["staff:staff:agent"], None))
    assert not may_open_record(Person("x", "Agent"))
    assert may_open_record(person_from("x", ["_admin"], None))


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        7,
        "citizen:",
        "case:1",
        "note:1",
        "_design/caseworker-access",
        "_local/x",
        "directory:1",
        "citizen:../_design/x",
        "citizen:a%2Fb",
        "citizen:a/b",
        "citizen:a b",
        "citizen:..",
        "citizen:\u202eevil",
        "citizen:line\nbreak",
        "citizen:" + "1" * 300,
        "Citizen:1",
    ],
)
def test_anything_but_a_plain_citizen_id_is_refused_plainly(value: object) -> None:
    problem = citizen_id_problem(value)
    assert problem is not None and "\n" not in problem and len(problem) < 80


def test_a_citizen_id_is_accepted() -> None:
    assert citizen_id_problem("citizen:01JABCDEF0123456789") is None
    assert citizen_id_problem("citizen:c1") is None


@pytest.mark.parametrize(
    "reason",
    [None, "", "   ", 3, ["caller"], "x" * (MAX_REASON_CHARS + 1), "two\nlines", "tab\there"],
)
def test_an_opening_needs_a_short_one_line_reason(reason: object) -> None:
    assert reason_problem(reason) is not None


def test_a_reason_is_accepted() -> None:
    assert reason_problem("caller on the phone") is None
    assert reason_problem("Galwr ar y ffôn") is None
    assert reason_problem("x" * MAX_REASON_CHARS) is None


def test_the_record_is_the_citizen_and_their_own_cases() -> None:
    mine = case("case:1", citizen_id="citizen:1")
    other = case("case:2", citizen_id="citizen:2")  # a view that named it for citizen:1 lied
    fake = {"_id": "case:3", "type": "note", "citizen_id": "citizen:1"}
    roots = record_roots("citizen:1", [mine, other, fake, {"_id": 5}])
    assert roots == {"citizen:1", "case:1"}
    note_on_case = doc("note", "note:1", text="x", at=AT, by="staff:a", case_id="case:1")
    note_on_other = doc("note", "note:2", text="x", at=AT, by="staff:a", case_id="case:2")
    # A note on another case follows that case, whichever citizen it also names.
    note_on_other["citizen_id"] = "citizen:1"
    assert in_record(roots, "note:1", note_on_case)
    assert in_record(roots, "case:1", mine)
    assert in_record(roots, "citizen:1", {"type": "citizen"})
    assert not in_record(roots, "note:2", note_on_other)
    assert not in_record(roots, "case:2", other)
    assert not in_record(roots, "staff:a", {"type": "staff"})
    assert not in_record(roots, "_design/x", None)
