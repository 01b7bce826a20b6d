"""A queue's members: the staff whose ``queue_ids`` name it. Supervisors and admins change
them (the staff rules in ``access.rules``: nobody changes their own queues)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import Queue, StaffMember
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore


def queue(session: Session, queue_id: str) -> Queue:
    found = session.get(Queue, queue_id)
    if found is None:
        raise NotFoundError(f"no queue {queue_id!r}")
    return found


def members(session: Session, queue_id: str) -> list[StaffMember]:
    """The active staff of a queue, by name."""
    queue(session, queue_id)
    # queue_ids is space-separated: LIKE narrows, the split decides ("queue:a" vs "queue:ab").
    found = session.scalars(
        select(StaffMember)
        .where(StaffMember.queue_ids.contains(queue_id), StaffMember.active.is_(True))
        .order_by(StaffMember.name, StaffMember.id)
    )
    return [m for m in found if queue_id in m.queue_ids.split()]


def add_member(session: Session, actor: Actor, queue_id: str, staff_id: str) -> ChangeSet:
    if not queue(session, queue_id).active:
        raise ValidationError(f"{queue_id} is not an active queue")
    return _change(session, actor, queue_id, staff_id, add=True)


def remove_member(session: Session, actor: Actor, queue_id: str, staff_id: str) -> ChangeSet:
    queue(session, queue_id)
    return _change(session, actor, queue_id, staff_id, add=False)


def _change(session: Session, actor: Actor, queue_id: str, staff_id: str, add: bool) -> ChangeSet:
    doc = docstore.get(session, staff_id)
    if doc is None or doc.get("type") != "staff":
        raise NotFoundError(f"no member of staff {staff_id!r}")
    queues = [q for q in doc.get("queue_ids") or [] if isinstance(q, str)]
    new = dict(doc)
    new["queue_ids"] = [*queues, queue_id] if add else [q for q in queues if q != queue_id]
    # Asked even when nothing would change: whoever may not is told so, not "no change".
    local.require(actor.person_in(session), staff_id, new, doc)
    changes = ChangeSet()
    if (queue_id in queues) == add:
        return changes
    changes.add(docstore.put(session, new))
    action = "queue.member_added" if add else "queue.member_removed"
    changes.merge(audit.record(session, actor, action, staff_id, queue_id))
    return changes
