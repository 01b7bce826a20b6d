"""The council's security settings (``security:council``): today the longest idle time before
any window locks, set by an admin and synced to every laptop (the catalogue channel). The rules
module lets only admins write it; ``caseworker.security.lock`` applies it."""

from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.documents.codec import new_document
from caseworker.documents.types import SECURITY, SECURITY_ID
from caseworker.errors import ValidationError
from caseworker.security.lock import LONGEST_MINUTES, SHORTEST_MINUTES, usable
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow


def set_lock_max(session: Session, actor: Actor, minutes: int) -> ChangeSet:
    """Set the council's longest idle time before a window locks, in the actor's name."""
    if not usable(minutes):
        raise ValidationError(
            f"the council's longest idle time is {SHORTEST_MINUTES} to {LONGEST_MINUTES} "
            f"minutes, not {minutes}"
        )
    current = docstore.get(session, SECURITY_ID)
    body = {
        **({k: v for k, v in current.items() if not k.startswith("_")} if current else {}),
        "lock_max_minutes": minutes,
        "updated_at": to_iso(utcnow()),
        "updated_by": actor.staff_id,
    }
    body.pop("type", None)
    body.pop("schema", None)
    doc = new_document(SECURITY, SECURITY_ID, body)
    if current is not None:
        doc["_rev"] = current["_rev"]
    local.require(actor.person_in(session), SECURITY_ID, doc, current)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return changes
