"""The person signed in on a laptop, and the questions the laptop asks before it saves.

The laptop has no ``_users`` roles of its own: its person is the staff member signed in, with
their role, queues and patch from the local copy of their staff document (and whether a queue
takes social-media work from the local copy of the queue). It holds whatever
the server sent it (``HELD_LOCALLY``), so the rules ask only what the person may do with it;
the server judges again, against its own winning revision, when the change is pushed.
"""

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from caseworker.access.people import STAFF_ROLE_PREFIX, Person, person_from, social_queue
from caseworker.access.writes import HELD_LOCALLY, Write, judge
from caseworker.errors import ValidationError
from caseworker.store import docstore


def person_of(session: Session, staff_id: str, role: str) -> Person:
    """The person acting as ``staff_id`` with ``role``, their queues and patch read from the
    local staff document (none when it is missing)."""
    staff_doc = docstore.get(session, staff_id)
    listed = staff_doc.get("queue_ids") if staff_doc is not None else None
    queues = [q for q in listed if isinstance(q, str)] if isinstance(listed, list) else []
    social = [q for q in queues if social_queue(docstore.get(session, q))]
    return person_from(staff_id, (role, STAFF_ROLE_PREFIX + staff_id), staff_doc, social)


def require(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    *,
    side_branch: bool = False,
    survivor_merge: Mapping[str, Any] | None = None,
) -> None:
    """Raise ValidationError with the reason when the rules refuse turning the local
    ``current`` revision (None: a new record) into ``new``."""
    write = Write(
        doc_id,
        new,
        current,
        existed=current is not None,
        rooted=True,
        replaces_winner=not side_branch,
        survivor_merge=survivor_merge,
    )
    reason = judge(person, write, HELD_LOCALLY)
    if reason is not None:
        raise ValidationError(reason)
