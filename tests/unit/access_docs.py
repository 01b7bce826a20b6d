"""People and valid documents for the access-rule tests (``test_access_*``)."""

from typing import Any

from caseworker.access.channels import roots_of_person
from caseworker.access.people import Person
from caseworker.access.writes import Write
from caseworker.documents.codec import new_document
from caseworker.documents.types import DOC_TYPES

AT = "2026-01-05T09:00:00.000Z"

# The contact centre's queue takes social-media work in these tests, as in the demo council.
AGENT = Person("ann", "agent", "staff:agent", frozenset({"queue:contact"}), social=True)
COLLEAGUE = Person("cai", "agent", "staff:colleague", frozenset({"queue:contact"}), social=True)
# An agent of a queue that takes no social-media work (parking fines on the phone).
PARKING_AGENT = Person("pat", "agent", "staff:parking", frozenset({"queue:parking"}))
OFFICER = Person("olu", "field_officer", "staff:officer", patch=frozenset({"CF37"}))
SUPERVISOR = Person(
    "sam", "supervisor", "staff:supervisor", frozenset({"queue:contact", "queue:waste"})
)
ADMIN = Person("ian", "admin", "staff:admin")
ROLELESS = Person("rhys", "", "staff:rhys")
UNLINKED = Person("una", "agent", None, frozenset({"queue:contact"}))
NON_ADMINS = (AGENT, OFFICER, SUPERVISOR)
EVERYONE = (AGENT, OFFICER, SUPERVISOR, ADMIN)


def doc(type_name: str, doc_id: str, **fields: Any) -> dict[str, Any]:
    return new_document(DOC_TYPES[type_name], doc_id, fields)


def case(doc_id: str = "case:1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "reference": "CW-260105-ABCD",
        "service_code": "missed-bin",
        "summary": "Bin not emptied",
        "status": "new",
        "priority": "normal",
        "channel": "phone",
        "queue_id": "queue:contact",
        "opened_at": AT,
        "due_at": AT,
        "updated_at": AT,
    }
    base.update(fields)
    return doc("case", doc_id, **{k: v for k, v in base.items() if v is not None})


def citizen(doc_id: str = "citizen:1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "given_name": "Owen",
        "family_name": "Jones",
        "language": "en",
        "identifiers": [],
        "consents": [],
        "created_at": AT,
        "updated_at": AT,
    }
    base.update(fields)
    return doc("citizen", doc_id, **base)


def staff(doc_id: str, role: str, queues: list[str], **fields: Any) -> dict[str, Any]:
    key = doc_id.split(":", 1)[1]
    base = {"name": key, "username": key, "role": role, "queue_ids": queues, "active": True}
    base.update(fields)
    return doc("staff", doc_id, **base)


def event(case_id: str, by: str, doc_id: str = "event:1", **fields: Any) -> dict[str, Any]:
    base = {"case_id": case_id, "kind": "status_changed", "at": AT, "by": by}
    base.update(fields)
    return doc("case_event", doc_id, **base)


def note(by: str, doc_id: str = "note:1", **fields: Any) -> dict[str, Any]:
    return doc("note", doc_id, **{"text": "Called back", "at": AT, "by": by, **fields})


def audit(subject: str, by: str, doc_id: str = "audit:1") -> dict[str, Any]:
    return doc("audit_event", doc_id, at=AT, by=by, action="case.status", subject_id=subject)


def mention(doc_id: str = "mention:1", **fields: Any) -> dict[str, Any]:
    base = {
        "network": "mastodon",
        "remote_id": "1",
        "author_handle": "@a@mastodon.example",
        "content_text": "Bins again",
        "published_at": AT,
        "state": "new",
    }
    base.update(fields)
    return doc("mention", doc_id, **base)


def create(new: dict[str, Any]) -> Write:
    """A new record: the server holds no revision of its id."""
    return Write(new["_id"], new, None, existed=False, rooted=False, replaces_winner=False)


def edit(current: dict[str, Any], **changes: Any) -> Write:
    """A new revision on the server's winning revision."""
    new = {**current, **changes}
    new = {k: v for k, v in new.items() if v is not None}
    return Write(current["_id"], new, current, existed=True, rooted=True, replaces_winner=True)


def side_edit(current: dict[str, Any], **changes: Any) -> Write:
    """A new revision on a branch that is not the winner's (an offline edit that lost)."""
    w = edit(current, **changes)
    return Write(w.doc_id, w.new, current, existed=True, rooted=True, replaces_winner=False)


def forged(current: dict[str, Any], **changes: Any) -> Write:
    """A branch whose history holds no revision the server has (``_rev: 9-fff...``)."""
    w = edit(current, **changes)
    return Write(w.doc_id, w.new, current, existed=True, rooted=False, replaces_winner=False)


def delete(current: dict[str, Any], *, winner: bool = True) -> Write:
    tombstone = {"_id": current["_id"], "_rev": "9-fff", "_deleted": True}
    return Write(current["_id"], tombstone, current, True, True, replaces_winner=winner)


def roots(person: Person, *cases: dict[str, Any]) -> frozenset[str]:
    """What the gateway would find the person holds, given the live cases."""
    from caseworker.access.channels import holds_case

    return roots_of_person(person, [c for c in cases if holds_case(person, c)])
