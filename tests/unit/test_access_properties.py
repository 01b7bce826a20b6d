"""Properties of the write rules over generated people, records and batches: what no
non-admin is ever allowed, whatever else a write carries, and that nothing hostile crashes
the judge (the gateway calls it on whatever a client sends)."""

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker.access.channels import EVERYTHING
from caseworker.access.people import Person
from caseworker.access.writes import Write, judge, judge_batch
from tests.unit.access_docs import case, event, note, staff

STAFF_IDS = ("staff:a", "staff:b", "staff:c")
QUEUES = ("queue:contact", "queue:waste", "queue:planning")
ROOTS = ("case:1", "case:2", "citizen:1", "staff", "catalogue", "directory", EVERYTHING)

people = st.builds(
    Person,
    name=st.just("someone"),
    role=st.sampled_from(("agent", "field_officer", "supervisor", "admin", "")),
    staff_id=st.sampled_from((*STAFF_IDS, None)),
    queue_ids=st.frozensets(st.sampled_from(QUEUES)),
    patch=st.frozensets(st.sampled_from(("CF37", "CF38"))),
)
non_admins = people.filter(lambda p: not p.is_admin)
held = st.frozensets(st.sampled_from(ROOTS))
cases = st.builds(
    lambda queue, assignee, status, postcode: case(
        "case:1",
        queue_id=queue,
        assignee_id=assignee,
        status=status,
        location={"postcode": postcode} if postcode else None,
        citizen_id="citizen:1",
    ),
    st.sampled_from((*QUEUES, None)),
    st.sampled_from((*STAFF_IDS, None)),
    st.sampled_from(("new", "assigned", "closed")),
    st.sampled_from(("CF37 1AB", "CF38 2CD", None)),
)
flags = st.tuples(st.booleans(), st.booleans())  # rooted, replaces_winner
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=8,
)
bodies = st.dictionaries(
    st.sampled_from(
        (
            "_id",
            "_rev",
            "_deleted",
            "type",
            "schema",
            "case_id",
            "citizen_id",
            "queue_id",
            "assignee_id",
            "status",
            "by",
            "role",
            "queue_ids",
            "patch",
            "location",
            "subject_id",
        )
    ),
    json_values,
)


def _edit(current: dict[str, Any], new: dict[str, Any], rooted: bool, winner: bool) -> Write:
    return Write(current["_id"], new, current, True, rooted, winner)


@settings(max_examples=300)
@given(non_admins, cases, st.sampled_from((*QUEUES, None)), held, flags)
def test_no_non_admin_ever_moves_a_case_to_another_queue_unless_a_supervisor(
    person: Person, current: dict[str, Any], queue: str | None, roots: frozenset[str], f: Any
) -> None:
    new = {k: v for k, v in {**current, "queue_id": queue}.items() if v is not None}
    verdict = judge(person, _edit(current, new, *f), roots)
    if queue != current.get("queue_id") and not person.is_supervisor:
        assert verdict is not None


@settings(max_examples=300)
@given(non_admins, cases, st.sampled_from((*STAFF_IDS, None)), held, flags)
def test_no_one_but_a_supervisor_gives_a_case_to_another_or_takes_anothers(
    person: Person, current: dict[str, Any], assignee: str | None, roots: frozenset[str], f: Any
) -> None:
    new = {k: v for k, v in {**current, "assignee_id": assignee}.items() if v is not None}
    verdict = judge(person, _edit(current, new, *f), roots)
    before = current.get("assignee_id")
    me = person.staff_id
    if verdict is None and before != assignee and not person.is_supervisor:
        assert (before, assignee) in ((None, me), (me, None))


@settings(max_examples=200)
@given(people, bodies, st.one_of(st.none(), bodies), st.booleans(), flags, held)
def test_nothing_a_client_sends_crashes_the_judge_and_no_rootless_branch_passes(
    person: Person,
    new: dict[str, Any],
    current: dict[str, Any] | None,
    existed: bool,
    f: Any,
    roots: frozenset[str],
) -> None:
    doc_id = new.get("_id") if isinstance(new.get("_id"), str) else "case:1"
    write = Write(str(doc_id), new, current, existed, *f)
    verdict = judge(person, write, roots)
    assert verdict is None or (isinstance(verdict, str) and verdict)
    if existed and not f[0] and not person.is_admin:
        assert verdict is not None


@settings(max_examples=200)
@given(non_admins, st.sampled_from(("note", "event")), held, flags, st.booleans())
def test_no_non_admin_ever_changes_or_deletes_a_history_record(
    person: Person, kind: str, roots: frozenset[str], f: Any, deleting: bool
) -> None:
    me = person.staff_id or "staff:a"
    current = note(me, case_id="case:1") if kind == "note" else event("case:1", me)
    new = {"_id": current["_id"], "_deleted": True} if deleting else {**current, "at": "x"}
    assert judge(person, _edit(current, new, *f), roots) is not None


@settings(max_examples=200)
@given(
    non_admins,
    st.sampled_from(("queue_ids", "patch", "role")),
    st.sampled_from((["queue:x"], ["CF99"], "supervisor", "admin", "agent")),
    held,
)
def test_nobody_widens_their_own_scope_through_their_staff_record(
    person: Person, field: str, value: Any, roots: frozenset[str]
) -> None:
    me = person.staff_id or "staff:a"
    current = staff(me, person.role or "agent", sorted(person.queue_ids), patch=["CF37"])
    new = {**current, field: value}
    if new[field] == current.get(field):
        return
    mine = Person(person.name, person.role, me, person.queue_ids, person.patch)
    assert judge(mine, _edit(current, new, True, True), roots) is not None


@settings(max_examples=200)
@given(non_admins, cases, cases, held, st.permutations(range(3)))
def test_a_refused_case_change_never_leaves_its_events_behind(
    person: Person,
    current: dict[str, Any],
    changed: dict[str, Any],
    roots: frozenset[str],
    order: Any,
) -> None:
    me = person.staff_id or "staff:a"
    writes = [
        Write("case:1", changed, current, True, True, True),
        Write("event:1", event("case:1", me), None, False, False, False),
        Write("audit:1", _audit(me), None, False, False, False),
    ]
    shuffled = [writes[i] for i in order]
    verdicts = dict(zip(order, judge_batch(person, shuffled, roots), strict=True))
    if verdicts[0] is not None:
        assert verdicts[1] is not None and verdicts[2] is not None


def _audit(by: str) -> dict[str, Any]:
    from tests.unit.access_docs import audit

    return audit("case:1", by)
