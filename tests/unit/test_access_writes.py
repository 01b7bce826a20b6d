"""Who may write what, judged against the server's current winning revision: every rule, for
every role, and each way round the old rules that issue 9 found."""

from typing import Any

import pytest

from caseworker.access.channels import EVERYTHING
from caseworker.access.people import Person
from caseworker.access.writes import (
    DESIGN,
    FORGED,
    HELD_LOCALLY,
    Write,
    judge,
    judge_batch,
    may_assign,
    may_edit,
    may_move_queue,
)
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    COLLEAGUE,
    EVERYONE,
    NON_ADMINS,
    OFFICER,
    ROLELESS,
    SUPERVISOR,
    UNLINKED,
    audit,
    case,
    citizen,
    create,
    delete,
    doc,
    edit,
    event,
    forged,
    note,
    roots,
    side_edit,
    staff,
)

ALL_ROOTS = frozenset({EVERYTHING})
IN_CONTACT = case("case:1", queue_id="queue:contact", citizen_id="citizen:1")
COLLEAGUES = case("case:2", queue_id="queue:contact", assignee_id="staff:colleague")
ELSEWHERE = case("case:3", queue_id="queue:planning", citizen_id="citizen:3")
IN_PATCH = case(
    "case:4", queue_id="queue:street", location={"postcode": "CF37 1AB"}, citizen_id="citizen:4"
)


def refused(person: Person, write: Write, held: frozenset[str] | None = None) -> str:
    reason = judge(person, write, roots(person, *_CASES) if held is None else held)
    assert reason is not None, f"{person.role} was allowed {write.doc_id}"
    return reason


def allowed(person: Person, write: Write, held: frozenset[str] | None = None) -> bool:
    return judge(person, write, roots(person, *_CASES) if held is None else held) is None


_CASES = (IN_CONTACT, COLLEAGUES, ELSEWHERE, IN_PATCH)


# --- Whoever is writing ---------------------------------------------------------------------


@pytest.mark.parametrize("person", [*EVERYONE, ROLELESS])
def test_nobody_writes_a_design_document_through_caseworker(person: Person) -> None:
    design = {"_id": "_design/caseworker", "validate_doc_update": "function () {}"}
    assert judge(person, create(design), ALL_ROOTS) == DESIGN
    assert judge(person, delete(design), ALL_ROOTS) == DESIGN


@pytest.mark.parametrize("person", EVERYONE)
def test_no_record_id_starts_with_an_underscore_or_disagrees_with_its_body(
    person: Person,
) -> None:
    assert refused(person, create({**note(person.staff_id or ""), "_id": "_local/x"}))
    body = note(person.staff_id or "", "note:1")
    assert refused(person, Write("note:2", body, None, False, False, False))


def test_an_admin_may_do_anything_else() -> None:
    anything = {"_id": "thing:1", "type": "thing"}
    assert allowed(ADMIN, create(anything))
    assert allowed(ADMIN, forged(ELSEWHERE, queue_id="queue:waste", status="closed"))
    assert allowed(ADMIN, delete(ELSEWHERE))
    assert allowed(ADMIN, edit(note("staff:agent"), text="rewritten"))
    assert allowed(ADMIN, create(doc("service", "service:x", **_SERVICE)))


def test_a_user_without_a_role_or_a_staff_record_writes_nothing() -> None:
    for write in (create(citizen()), create(note("staff:rhys")), edit(IN_CONTACT)):
        assert "no Caseworker role" in refused(ROLELESS, write, ALL_ROOTS)
    assert "not linked to a staff record" in refused(UNLINKED, create(citizen()), ALL_ROOTS)


# --- Forged and rootless branches -----------------------------------------------------------


@pytest.mark.parametrize("person", NON_ADMINS)
def test_a_branch_the_server_never_saw_is_refused_even_when_the_change_is_allowed(
    person: Person,
) -> None:
    # The trick: _bulk_docs new_edits:false with _rev 9-fff, queue changed, closed.
    assert refused(person, forged(ELSEWHERE, queue_id="queue:waste", status="closed")) == FORGED
    assert refused(person, forged(IN_CONTACT, priority="high"), ALL_ROOTS) == FORGED
    assert refused(person, forged(note(person.staff_id or ""), text="rewritten")) == FORGED


@pytest.mark.parametrize("person", NON_ADMINS)
def test_a_new_record_needs_no_root(person: Person) -> None:
    assert allowed(person, create(citizen("citizen:new")))


# --- What a document must be ----------------------------------------------------------------


@pytest.mark.parametrize("person", NON_ADMINS)
def test_a_record_of_no_known_type_or_the_wrong_id_or_shape_is_refused(person: Person) -> None:
    good = citizen("citizen:9")
    for bad, why in (
        ({k: v for k, v in good.items() if k != "type"}, "has no 'type'"),
        ({**good, "type": "thing"}, "unknown type"),
        ({**good, "type": 7}, "has no 'type'"),
        ({**good, "_id": "case:9"}, "must look like citizen:<id>"),
        ({**good, "given_name": 12}, "given_name"),
        ({**good, "schema": 99}, "newer"),
        ({**good, "_secret": 1}, "reserved field"),
    ):
        assert why in refused(person, create(bad), ALL_ROOTS)


@pytest.mark.parametrize("person", NON_ADMINS)
def test_a_record_cannot_change_its_type(person: Person) -> None:
    current = doc("queue", "queue:x", name="X", active=True)
    turned = Write("queue:x", {**citizen("citizen:1"), "_id": "queue:x"}, current, True, True, True)
    assert refused(person, turned, ALL_ROOTS)
    as_case = {**IN_CONTACT, "type": "citizen"}
    assert refused(person, Write("case:1", as_case, IN_CONTACT, True, True, True), ALL_ROOTS)


# --- Append-only records --------------------------------------------------------------------


@pytest.mark.parametrize("person", NON_ADMINS)
def test_an_append_only_record_is_never_rewritten_or_deleted(person: Person) -> None:
    me = person.staff_id or ""
    for record in (note(me), event("case:1", me), audit("case:1", me), _contact(me)):
        assert "append-only" in refused(person, edit(record, at="2026-02-01T00:00:00.000Z"))
        assert "append-only" in refused(person, edit(record), ALL_ROOTS)  # even unchanged
        assert "append-only" in refused(person, side_edit(record), ALL_ROOTS)
        assert "append-only" in refused(person, delete(record))
        assert "append-only" in refused(person, delete(record, winner=False))
        gone = Write(record["_id"], record, None, existed=True, rooted=True, replaces_winner=False)
        assert "append-only" in refused(person, gone)  # re-created after an admin deleted it


@pytest.mark.parametrize("person", NON_ADMINS)
def test_history_is_written_in_the_writers_own_name(person: Person) -> None:
    other = "staff:colleague"
    for record in (note(other), event("case:1", other), audit("case:1", other), _contact(other)):
        assert "your own name" in refused(person, create(record), ALL_ROOTS)
    assert "your own name" in refused(person, create(_contact(None)), ALL_ROOTS)


@pytest.mark.parametrize("person", NON_ADMINS)
def test_a_note_may_be_added_to_any_case_or_citizen_but_must_belong_to_one(
    person: Person,
) -> None:
    me = person.staff_id or ""
    assert allowed(person, create(note(me, case_id="case:3")))  # not theirs: shows them nothing
    assert allowed(person, create(note(me, citizen_id="citizen:99")))
    assert allowed(person, create(_contact(me, case_id="case:3")))
    assert "belong to a case or a citizen" in refused(person, create(note(me)))
    assert "belong to" in refused(person, create(note(me, case_id="citizen:1")))


def test_the_contact_centre_logs_anonymous_contacts_and_a_field_officer_does_not() -> None:
    for person in (AGENT, SUPERVISOR):
        me = person.staff_id or ""
        assert allowed(person, create(_contact(me, citizen_id=None)))
        assert allowed(person, create(_contact(me, citizen_id=None)), ALL_ROOTS)
    anonymous = create(_contact("staff:officer", citizen_id=None))
    assert "anonymous" in refused(OFFICER, anonymous)
    assert "anonymous" in refused(OFFICER, anonymous, ALL_ROOTS)  # on a laptop too
    # Nobody slips a contact meant for one citizen into the shared channel with a broken id.
    for broken in ("", "citizen:", "Eira Jones", "case:1"):
        assert "belong to" in refused(AGENT, create(_contact("staff:agent", citizen_id=broken)))
    # And an anonymous contact, once written, is never turned into or out of a named one.
    assert "append-only" in refused(
        AGENT, edit(_contact("staff:agent", citizen_id=None), citizen_id="citizen:1")
    )


@pytest.mark.parametrize("person", NON_ADMINS)
def test_case_history_is_added_only_to_a_case_in_ones_work(person: Person) -> None:
    me = person.staff_id or ""
    assert "case in your work" in refused(person, create(event("case:3", me)))
    mine = case("case:5", queue_id="queue:contact", assignee_id=me)
    held = roots(person, mine)
    assert allowed(person, create(event("case:5", me)), held)
    assert allowed(person, create(audit("case:3", me)))  # the audit trail is the writer's word


# --- Deleting -------------------------------------------------------------------------------


@pytest.mark.parametrize("person", NON_ADMINS)
def test_only_an_admin_deletes_a_record(person: Person) -> None:
    for record in (IN_CONTACT, citizen("citizen:1"), staff("staff:x", "agent", [])):
        assert refused(person, delete(record), ALL_ROOTS) == "only an admin can delete a record"
    nothing = {"_id": "case:nothing", "_rev": "1-abc", "_deleted": True}
    squat = Write("case:nothing", nothing, None, existed=False, rooted=False, replaces_winner=False)
    assert "no such record" in refused(person, squat, ALL_ROOTS)  # no squatting on ids


@pytest.mark.parametrize("person", NON_ADMINS)
def test_a_losing_branch_is_deleted_by_whoever_may_change_the_record(person: Person) -> None:
    held = roots(person, *_CASES)
    mine = IN_PATCH if person is OFFICER else IN_CONTACT
    assert allowed(person, delete(mine, winner=False), held)
    assert "not in your work" in refused(person, delete(ELSEWHERE, winner=False), held)
    staff_record = staff("staff:x", "agent", [])
    assert allowed(person, delete(staff_record, winner=False)) == person.is_supervisor
    everything_gone = Write("case:1", {"_id": "case:1", "_deleted": True}, None, True, True, False)
    assert allowed(person, everything_gone)  # every branch deleted already: nothing changes


@pytest.mark.parametrize("person", NON_ADMINS)
def test_deleting_and_re_creating_a_case_is_refused(person: Person) -> None:
    # The trick: delete a colleague's case, then create it again in another queue.
    assert refused(person, delete(COLLEAGUES), ALL_ROOTS)
    again = {**COLLEAGUES, "queue_id": "queue:planning"}
    after_delete = Write("case:2", again, None, existed=True, rooted=True, replaces_winner=True)
    assert "only an admin can bring it back" in refused(person, after_delete, ALL_ROOTS)
    assert refused(person, Write("case:2", again, None, True, False, False), ALL_ROOTS) == FORGED


# --- Cases ----------------------------------------------------------------------------------


@pytest.mark.parametrize("person", NON_ADMINS)
def test_staff_open_cases_for_nobody_or_themselves(person: Person) -> None:
    assert allowed(person, create(case("case:new", queue_id="queue:planning")))
    assert allowed(person, create(case("case:new", assignee_id=person.staff_id)))
    given = create(case("case:new", assignee_id="staff:colleague"))
    assert allowed(person, given) == person.is_supervisor
    if not person.is_supervisor:
        assert refused(person, given) == "only a supervisor can assign a case to someone else"


def test_a_case_may_be_linked_only_to_a_citizen_the_writer_has() -> None:
    # A case brings its citizen's record: a field officer linking any citizen would read it.
    victim = create(case("case:new", assignee_id="staff:officer", citizen_id="citizen:victim"))
    assert "citizen whose record you have" in refused(OFFICER, victim)
    own = create(case("case:new", assignee_id="staff:officer", citizen_id="citizen:4"))
    assert allowed(OFFICER, own)  # on a case in their patch
    assert "citizen whose record" in refused(OFFICER, edit(IN_PATCH, citizen_id="citizen:9"))
    for person in (AGENT, SUPERVISOR):  # they hold the directory: they talk to every caller
        assert allowed(person, create(case("case:new", citizen_id="citizen:victim")))
    assert allowed(OFFICER, edit(IN_PATCH, citizen_id=None))


@pytest.mark.parametrize("person", NON_ADMINS)
def test_a_case_is_changed_only_by_one_who_holds_it(person: Person) -> None:
    for change in ({"status": "closed"}, {"priority": "urgent"}, {"summary": "Never mind"}):
        assert "not in your work" in refused(person, edit(ELSEWHERE, **change))
        mine = IN_PATCH if person is OFFICER else IN_CONTACT
        assert allowed(person, edit(mine, **change))


def test_a_supervisor_changes_a_case_in_one_of_their_queues_without_holding_it() -> None:
    waste = case("case:7", queue_id="queue:waste")
    assert allowed(SUPERVISOR, edit(waste, priority="high"), frozenset())
    assert "not in your work" in refused(SUPERVISOR, edit(ELSEWHERE, priority="high"), frozenset())


@pytest.mark.parametrize("person", [AGENT, OFFICER])
def test_only_a_supervisor_moves_a_case_to_another_queue(person: Person) -> None:
    mine = IN_PATCH if person is OFFICER else IN_CONTACT
    why = "only a supervisor can move a case to another queue"
    assert refused(person, edit(mine, queue_id="queue:planning")) == why
    assert refused(person, edit(mine, queue_id=None)) == why
    assert refused(person, side_edit(mine, queue_id="queue:planning")) == why
    assert allowed(SUPERVISOR, edit(IN_CONTACT, queue_id="queue:planning"))


@pytest.mark.parametrize("person", [AGENT, OFFICER])
def test_nobody_but_a_supervisor_takes_a_colleagues_case(person: Person) -> None:
    # The first trick: assign a colleague's case to yourself.
    theirs = case("case:8", queue_id="queue:contact", assignee_id="staff:colleague")
    theirs_here = case("case:9", location={"postcode": "CF37 2AA"}, assignee_id="staff:colleague")
    held = roots(person, theirs, theirs_here)
    target = theirs_here if person is OFFICER else theirs
    why = "only a supervisor can take a case from someone else"
    assert refused(person, edit(target, assignee_id=person.staff_id), held) == why
    assert refused(person, edit(target, assignee_id=None), held) == why
    assert refused(person, side_edit(target, assignee_id=person.staff_id), held) == why
    assert allowed(SUPERVISOR, edit(theirs, assignee_id="staff:supervisor"))


@pytest.mark.parametrize("person", NON_ADMINS)
def test_anyone_takes_an_unassigned_case_in_their_work_and_gives_back_their_own(
    person: Person,
) -> None:
    free = IN_PATCH if person is OFFICER else IN_CONTACT
    assert allowed(person, edit(free, assignee_id=person.staff_id))
    taken = {**free, "assignee_id": person.staff_id}
    assert allowed(person, edit(taken, assignee_id=None), roots(person, taken))
    other = edit(free, assignee_id="staff:colleague")
    assert allowed(person, other) == person.is_supervisor


# --- Citizens -------------------------------------------------------------------------------


@pytest.mark.parametrize("person", NON_ADMINS)
def test_anyone_adds_a_citizen(person: Person) -> None:
    assert allowed(person, create(citizen("citizen:new")), frozenset())


def test_a_citizen_is_changed_by_whoever_has_their_record_and_by_the_contact_centre() -> None:
    theirs, other = citizen("citizen:4"), citizen("citizen:99")
    assert allowed(OFFICER, edit(theirs, family_name="Davies"))
    why = "you do not have this citizen's record: you cannot change it"
    assert refused(OFFICER, edit(other, family_name="Davies")) == why
    for person in (AGENT, SUPERVISOR):
        assert allowed(person, edit(other, family_name="Davies"))


# --- Staff records: nobody widens their own scope -------------------------------------------


@pytest.mark.parametrize("person", [AGENT, OFFICER])
def test_only_supervisors_and_admins_change_staff_records(person: Person) -> None:
    own = staff(person.staff_id or "", person.role, ["queue:contact"])
    why = "only a supervisor or an admin can change staff"
    assert refused(person, edit(own, queue_ids=["queue:contact", "queue:planning"])) == why
    assert refused(person, edit(own, patch=["CF37", "CF38"])) == why
    assert refused(person, edit(own, role="supervisor")) == why
    assert refused(person, edit(own, name="New name")) == why
    assert refused(person, create(staff("staff:new", "agent", []))) == why


def test_a_supervisor_cannot_widen_their_own_scope() -> None:
    own = staff("staff:supervisor", "supervisor", ["queue:contact"], patch=["CF37"])
    why = "nobody can change their own queues, patch or role: ask an admin"
    assert refused(SUPERVISOR, edit(own, queue_ids=["queue:contact", "queue:x"])) == why
    assert refused(SUPERVISOR, edit(own, patch=["CF37", "CF38"])) == why
    assert refused(SUPERVISOR, edit(own, role="admin"))
    assert refused(SUPERVISOR, create(staff("staff:supervisor", "supervisor", ["q"]))) == why
    assert allowed(SUPERVISOR, edit(own, name="Sandra H."))
    assert allowed(SUPERVISOR, edit(own, patch=[" cf37"]))  # the same patch, written otherwise
    assert refused(SUPERVISOR, edit(own, queue_ids=["QUEUE:CONTACT"])) == why  # another queue


def test_a_supervisor_manages_others_but_makes_no_supervisors_and_touches_no_admin() -> None:
    agent = staff("staff:agent", "agent", ["queue:contact"])
    assert allowed(SUPERVISOR, edit(agent, queue_ids=["queue:contact", "queue:waste"]))
    assert allowed(SUPERVISOR, edit(agent, role="field_officer", patch=["CF40"]))
    assert allowed(SUPERVISOR, create(staff("staff:new", "agent", ["queue:contact"])))
    assert "supervisor" in refused(SUPERVISOR, edit(agent, role="supervisor"))
    assert "supervisor" in refused(SUPERVISOR, create(staff("staff:new", "supervisor", [])))
    admin = staff("staff:admin", "admin", [])
    assert "admin" in refused(SUPERVISOR, edit(admin, name="x"))
    assert "admin" in refused(SUPERVISOR, edit(agent, role="admin"))
    boss = staff("staff:boss", "supervisor", ["queue:waste"])
    assert allowed(SUPERVISOR, edit(boss, queue_ids=["queue:waste", "queue:contact"]))


# --- The catalogue and mentions -------------------------------------------------------------

_SERVICE = {
    "code": "x",
    "name": "X",
    "group": "G",
    "keywords": [],
    "resolve_hours": 1,
    "response_hours": 1,
    "active": True,
}


@pytest.mark.parametrize("person", NON_ADMINS)
def test_only_an_admin_changes_services_and_queues(person: Person) -> None:
    service = doc("service", "service:x", **_SERVICE)
    queue = doc("queue", "queue:x", name="X", active=True)
    for write in (create(service), edit(service, active=False), create(queue), edit(queue)):
        assert "only an admin" in refused(person, write, ALL_ROOTS)


# --- A batch --------------------------------------------------------------------------------


def test_events_describing_a_refused_change_are_refused_with_it() -> None:
    # The issue: the server refused the case edit but kept its case event and audit event.
    batch = [
        create(event("case:3", "staff:agent", "event:a", field="queue_id", new="queue:contact")),
        edit(ELSEWHERE, queue_id="queue:contact"),
        create(audit("case:3", "staff:agent", "audit:a")),
        create(note("staff:agent", "note:a", case_id="case:3")),
        edit(IN_CONTACT, priority="high"),
        create(event("case:1", "staff:agent", "event:b", kind="priority_changed")),
    ]
    verdicts = judge_batch(AGENT, batch, roots(AGENT, *_CASES))
    assert verdicts[1] == "this case is not in your work: you cannot change it"
    assert verdicts[2] == "refused with the change it describes: " + verdicts[1]
    assert verdicts[0] == "history can only be added to a case in your work"
    assert verdicts[3:] == [None, None, None]


def test_a_batch_may_add_a_citizen_and_open_their_case_with_its_history() -> None:
    new_citizen = citizen("citizen:met-in-the-street")
    new_case = case("case:new", assignee_id="staff:officer", citizen_id=new_citizen["_id"])
    story = [
        create(event("case:new", "staff:officer")),
        create(new_case),
        create(new_citizen),
        create(audit("case:new", "staff:officer")),
    ]
    assert judge_batch(OFFICER, story, roots(OFFICER)) == [None] * 4
    assert judge(OFFICER, story[1], roots(OFFICER)) is not None  # alone: an unknown citizen
    assert judge(OFFICER, story[0], roots(OFFICER)) is not None  # alone: not their case


def test_a_refused_case_in_a_batch_takes_only_its_own_events_with_it() -> None:
    batch = [
        forged(COLLEAGUES, assignee_id="staff:agent"),
        create(event("case:2", "staff:agent", "event:1")),
        create(event("case:1", "staff:agent", "event:2")),
    ]
    verdicts = judge_batch(AGENT, batch, roots(AGENT, *_CASES))
    assert verdicts[0] == FORGED
    assert verdicts[1] is not None and FORGED in verdicts[1]
    assert verdicts[2] is None


# --- What the window offers -----------------------------------------------------------------


def test_the_window_offers_what_the_rules_allow() -> None:
    free = case("case:1")
    theirs = case("case:2", assignee_id="staff:colleague")
    mine = case("case:3", assignee_id="staff:agent")
    assert may_assign(AGENT, free, "staff:agent") and may_assign(AGENT, mine, None)
    assert not may_assign(AGENT, theirs, "staff:agent")
    assert not may_assign(AGENT, free, "staff:colleague")
    assert may_assign(SUPERVISOR, theirs, "staff:agent")
    assert may_assign(ADMIN, theirs, None)
    assert not may_move_queue(AGENT, free) and not may_move_queue(OFFICER, free)
    assert may_move_queue(SUPERVISOR, free) and may_move_queue(ADMIN, free)
    assert not may_move_queue(ROLELESS, free) and not may_assign(ROLELESS, free, None)
    assert may_edit(OFFICER, "citizen:1", citizen())
    assert not may_edit(OFFICER, "citizen:1", citizen(), frozenset())
    assert may_edit(AGENT, "citizen:1", citizen(), frozenset())
    assert not may_edit(AGENT, "staff:x", staff("staff:x", "agent", []))
    assert not may_edit(AGENT, "note:1", note("staff:agent"))
    assert HELD_LOCALLY == ALL_ROOTS
    assert may_assign(COLLEAGUE, theirs, None)


def _contact(by: str | None, doc_id: str = "contact:1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "channel": "phone",
        "direction": "inbound",
        "at": "2026-01-05T09:00:00.000Z",
        "summary": "Rang about the bins",
        "citizen_id": "citizen:1",
    }
    if by is not None:
        base["by"] = by
    base.update(fields)
    return doc("interaction", doc_id, **base)
