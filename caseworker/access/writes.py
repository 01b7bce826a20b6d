"""Whether a person may write a revision, judged against the server's current winning revision.

Never against the parent a client claims: a replicated branch can claim any parent, and a
branch the server has never seen has none it can check (CouchDB then hands its validation
function no old document at all). The gateway finds the current winner and whether the new
revision descends from anything the server holds, and asks here; the laptop asks the same
questions before it saves, and the window before it offers a control (``may_*``).

A revision that does not replace the winner (a side branch) is still judged against the
winner: any branch can become the winner, so what it changes is what the winner would lose.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from caseworker.access import merge_rules, rules
from caseworker.access.channels import EVERYTHING, ROUTES, holds_case, roots_of_person
from caseworker.access.people import Person
from caseworker.documents.codec import check
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import DOC_TYPES

# On a laptop the person holds whatever the laptop holds: the server sent only that.
HELD_LOCALLY = frozenset({EVERYTHING})

FORGED = "does not descend from any revision the server holds (a forged or rootless branch)"
DESIGN = "design documents are changed by a server administrator only"
NO_ROLE = "your account has no Caseworker role"
NO_STAFF = "your account is not linked to a staff record"


@dataclass(frozen=True)
class Write:
    doc_id: str
    new: Mapping[str, Any]  # the new revision's body; a tombstone has "_deleted": true
    current: Mapping[str, Any] | None  # the server's current winner, None when none is live
    existed: bool  # the server holds some revision of this id, live or deleted
    rooted: bool  # the new revision's history includes a revision the server holds
    replaces_winner: bool  # it descends from the current winner (not a side branch)
    # When the write is judged (None: now): what "now" means for a check or a consent in it.
    received_at: datetime | None = None
    # For a merge: the current merge document of its survivor (None: not merged away), read by
    # whoever judges, so a merge into a merged citizen is refused (``merge_rules``).
    survivor_merge: Mapping[str, Any] | None = None


@dataclass
class _Batch:
    """What earlier writes of the same ``_bulk_docs`` (judged first) allow later ones."""

    created_citizens: set[str] = field(default_factory=set)
    cases: set[str] = field(default_factory=set)  # cases written in the batch and accepted
    # The roots the writer holds once the batch's accepted cases are written (a case in their
    # own queue, say, and its citizen): a reply or a message on a case opened offline goes in
    # the same push as the case, judged before the writer's scope could know of it.
    held: frozenset[str] = frozenset()


def judge(person: Person, write: Write, roots: frozenset[str]) -> str | None:
    """None when ``person`` (who holds ``roots``) may make this write, else the reason, in
    plain words, that the server refuses it."""
    return _judge(person, write, roots, _Batch())


def _order(write: Write) -> int:
    """Citizens, then cases, then the rest: a new case may name a citizen created in the same
    batch, and a case event may follow its case."""
    kind = write.new.get("type")
    if kind is None and write.current is not None:
        kind = write.current.get("type")
    return {"citizen": 0, "case": 1}.get(kind if isinstance(kind, str) else "", 2)


def judge_batch(person: Person, writes: Sequence[Write], roots: frozenset[str]) -> list[str | None]:
    """``judge`` for each write of one ``_bulk_docs``, in order, and then the records that
    describe a refused change (its case events, its audit events) are refused with it."""
    batch = _Batch()
    verdicts: list[str | None] = [None] * len(writes)
    for i in sorted(range(len(writes)), key=lambda i: _order(writes[i])):
        write = writes[i]
        verdicts[i] = reason = _judge(person, write, roots, batch)
        if reason is None and not write.new.get("_deleted"):
            kind = write.new.get("type")
            if kind == "citizen" and not write.existed:
                batch.created_citizens.add(write.doc_id)
            elif kind == "case":
                batch.cases.add(write.doc_id)
                if holds_case(person, write.new):
                    batch.held |= roots_of_person(person, [write.new])
    refused = {w.doc_id: r for w, r in zip(writes, verdicts, strict=True) if r is not None}
    for i, write in enumerate(writes):
        if verdicts[i] is None:
            subject = rules.described(write.new)
            if subject is not None and subject in refused:
                verdicts[i] = f"refused with the change it describes: {refused[subject]}"
    return verdicts


def _judge(person: Person, write: Write, roots: frozenset[str], batch: _Batch) -> str | None:
    doc_id, new = write.doc_id, write.new
    roots = roots | batch.held if batch.held else roots
    if doc_id.startswith("_design/"):
        return DESIGN
    if doc_id.startswith("_") or new.get("_id", doc_id) != doc_id:
        return "not a usable record id"
    if person.is_admin:
        return None
    reason = _who(person)
    if reason is not None:
        return reason
    if write.existed and not write.rooted:
        return FORGED
    deleted = new.get("_deleted", False)
    if not isinstance(deleted, bool):  # never let the judge and the server disagree on it
        return "'_deleted' must be true or false"
    if deleted:
        return _deletion(person, write, roots)
    try:
        doc_type = check(dict(new))
    except DocumentError as exc:
        return str(exc)
    if doc_type.name not in ROUTES:  # every type has its channels and rules, or none is written
        return f"the central service has no rules for {doc_type.name} records"
    current = write.current
    if current is not None and current.get("type") != doc_type.name:
        return "a record cannot change its type"
    if doc_type.append_only:
        if write.existed:
            return rules.append_only(doc_type.name)
        return rules.appended(person, doc_id, new, roots, batch.cases)
    if write.existed and current is None:
        return "this record was deleted on the server; only an admin can bring it back"
    if doc_type.name == "merge":
        return merge_rules.merge(person, doc_id, new, current, roots, write.survivor_merge)
    if doc_type.name == "distinct":
        return merge_rules.distinct(person, doc_id, new, current, roots)
    return rules.changed(
        person, doc_id, new, current, roots, batch.created_citizens, write.received_at
    )


def _who(person: Person) -> str | None:
    """Anyone but an admin writes as a member of staff with a Caseworker role."""
    if not person.role:
        return NO_ROLE
    if not person.staff_id:
        return NO_STAFF
    return None


def _deletion(person: Person, write: Write, roots: frozenset[str]) -> str | None:
    if not write.existed:
        return "there is no such record on the server to delete"
    current = write.current
    if current is None:
        return None  # every branch is deleted already: nobody sees any change
    doc_type = DOC_TYPES.get(str(current.get("type")))
    if doc_type is None:
        return "only an admin can delete this record"
    if doc_type.append_only:
        return rules.append_only(doc_type.name)
    if write.replaces_winner:
        if doc_type.name == "marker":
            return rules.MARKER_NOT_DELETED
        return "only an admin can delete a record"
    # A losing branch of a conflict: deleting it is how whoever may edit the record resolves it.
    return rules.may_change(person, write.doc_id, current, roots)


# What the window asks before it offers a control: the same rules, on a laptop's own records.


def may_edit(
    person: Person, doc_id: str, current: Mapping[str, Any], roots: frozenset[str] = HELD_LOCALLY
) -> bool:
    """Whether the person may change this record at all (what they may change in it, the
    rules for its type decide; resolving a conflict needs this)."""
    if person.is_admin:
        return True
    return _who(person) is None and rules.may_change(person, doc_id, current, roots) is None


def may_assign(
    person: Person,
    case: Mapping[str, Any],
    assignee_id: str | None,
    roots: frozenset[str] = HELD_LOCALLY,
) -> bool:
    """Whether the person may give the case to ``assignee_id`` (None: to nobody)."""
    return may_change_case(person, case, {"assignee_id": assignee_id}, roots)


def may_move_queue(
    person: Person, case: Mapping[str, Any], roots: frozenset[str] = HELD_LOCALLY
) -> bool:
    """Whether the person may move the case to another queue."""
    queue = case.get("queue_id")
    another = (queue if isinstance(queue, str) else "") + "-another"
    return may_change_case(person, case, {"queue_id": another}, roots)


def may_change_case(
    person: Person,
    case: Mapping[str, Any],
    changes: Mapping[str, Any],
    roots: frozenset[str] = HELD_LOCALLY,
) -> bool:
    """Whether the person may make these changes to the case (fields to new values)."""
    if person.is_admin:
        return True
    case = {**case, "type": "case"}
    case_id = str(case.get("_id", ""))
    new = {**case, **changes}
    return _who(person) is None and rules.changed(person, case_id, new, case, roots, set()) is None
