"""Undo the last change to a case, for a short while, as a new change (never a rewrite of
history): undoing a close reopens the case, undoing a priority change sets it back.

The change is named by what it wrote (the case's revision and its history event), so an undo
that would overwrite someone else's later change is refused in plain words instead.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from caseworker.errors import ConflictError, ValidationError
from caseworker.services import audit, cases, outcomes, workflow
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore

UNDO_SECONDS = 30
CHANGED_SINCE = (
    "this case has been changed since (by someone else or elsewhere), so the change cannot be "
    "undone: look at its history and change it by hand if it is still needed"
)


@dataclass(frozen=True)
class LastChange:
    """One change a person made to a case: what it changed, and the revision it left."""

    case_id: str
    rev: str
    field: str  # "status", "priority", "queue_id" or "assignee_id"
    old: str | None
    new: str | None

    @property
    def undoable(self) -> bool:
        """Whether undo can put it back: an end reopens; another status only where the
        workflow goes back that way; reopening is not undone (closing asks for its outcome)."""
        if self.field != "status":
            return True
        if self.new in outcomes.ENDS:
            return True
        if self.new == "reopened" or self.old is None or self.new is None:
            return False
        return self.old in workflow.allowed_next(self.new)


def last_change(session: Session, changes: ChangeSet) -> LastChange | None:
    """The change a service call made to one case (its last history event), or None when it
    changed no case. Read right after the call, in the same session."""
    case_rev = {w.doc_id: w.rev for w in changes.written if w.doc_type == "case"}
    for written in reversed(changes.written):
        if written.doc_type != "case_event":
            continue
        event = docstore.get(session, written.doc_id)
        if event is None or event.get("case_id") not in case_rev or not event.get("field"):
            continue
        case_id = str(event["case_id"])
        return LastChange(
            case_id, case_rev[case_id], str(event["field"]), event.get("old"), event.get("new")
        )
    return None


def undo(session: Session, actor: Actor, change: LastChange) -> ChangeSet:
    """Put back what ``change`` changed, as the case's next revision."""
    doc = cases.load_case_doc(session, change.case_id)
    if doc.get("_rev") != change.rev:
        raise ConflictError(CHANGED_SINCE)
    field, old = change.field, change.old
    if not change.undoable:
        raise ValidationError(
            f"a change of status to {change.new} cannot be undone: change the status again"
        )
    if field == "status":
        if change.new in outcomes.ENDS:
            changes = cases.transition(session, actor, change.case_id, "reopened")
        elif old is not None and old in workflow.allowed_next(str(doc["status"])):
            changes = cases.transition(session, actor, change.case_id, old)
        else:
            raise ValidationError(f"a case that is {doc['status']} cannot go back to {old}")
    elif field == "priority" and old is not None:
        changes = cases.set_priority(session, actor, change.case_id, old)
    elif field == "queue_id" and old is not None:
        changes = cases.set_queue(session, actor, change.case_id, old)
    elif field == "assignee_id":
        changes = cases.assign(session, actor, change.case_id, old)
    else:
        raise ValidationError(f"a change of {field} cannot be undone")
    changes.merge(audit.record(session, actor, "case.undo", change.case_id, f"{field}: {old}"))
    return changes
