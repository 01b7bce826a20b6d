"""Linking a case opened for no one (a fly-tip reported by a passer-by) to a citizen later.

The link is a change of the case's ``citizen_id`` from nothing to the citizen, with a case
event saying so and an audit event. The access rules decide whether the person may link that
citizen (one whose record they hold, or anyone for those who hold the directory); a case that
already has a citizen is never silently moved to another.
"""

from sqlalchemy.orm import Session

from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import Citizen
from caseworker.services import audit
from caseworker.services.cases import _save, load_case_doc, record_event
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow


def link_citizen(session: Session, actor: Actor, case_id: str, citizen_id: str) -> ChangeSet:
    before = load_case_doc(session, case_id)
    if before.get("citizen_id"):
        if before["citizen_id"] == citizen_id:
            raise ValidationError("the case is already linked to this citizen")
        raise ValidationError("the case already has a citizen: it is not moved to another")
    citizen = docstore.get(session, citizen_id)
    if citizen is None or citizen.get("type") != "citizen":
        raise NotFoundError(f"no citizen with id {citizen_id}")
    row = session.get(Citizen, citizen_id)  # merged_into follows the merge documents
    if citizen.get("merged_into") or (row is not None and row.merged_into):
        raise ValidationError("this citizen's record was merged into another: link that one")
    now = to_iso(utcnow())
    doc = {**before, "citizen_id": citizen_id}
    changes = ChangeSet()
    changes.add(_save(session, actor, before, doc, now))
    name = f"{citizen.get('preferred_name') or citizen['given_name']} {citizen['family_name']}"
    changes.add(
        record_event(
            session, actor, before["_id"], "citizen_linked", now, "citizen_id", None, name[:200]
        )
    )
    changes.merge(audit.record(session, actor, "case.citizen_linked", before["_id"], citizen_id))
    return changes
