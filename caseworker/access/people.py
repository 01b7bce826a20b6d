"""The person acting: their role, staff id, queues and patch, as the rules need them.

On the central side, a person's name and roles come from CouchDB's ``_users`` (the one source
of who may do what; the staff id is the role ``staff:<staff document id>``), and their queues
and patch from their staff document, which only supervisors and admins write.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from caseworker import vocab

STAFF_ROLE_PREFIX = "staff:"
SERVER_ADMIN_ROLE = "_admin"


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # one of vocab.ROLES, or "" for a user with none (holds and writes nothing)
    staff_id: str | None = None  # "staff:<key>", the id of their staff document
    queue_ids: frozenset[str] = field(default_factory=frozenset)
    patch: frozenset[str] = field(default_factory=frozenset)  # postcode districts, upper case
    # A member of a queue that takes social-media work (``social_queue``): holds the mentions.
    social: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_supervisor(self) -> bool:
        return self.role in ("supervisor", "admin")


def role_of(roles: Iterable[str]) -> str:
    """The strongest Caseworker role among a user's roles ("" when they have none)."""
    held = set(roles)
    if SERVER_ADMIN_ROLE in held:
        return "admin"
    for role in reversed(vocab.ROLES):  # admin, supervisor, field_officer, agent
        if role in held:
            return role
    return ""


def staff_id_of(roles: Iterable[str]) -> str | None:
    for role in roles:
        if role.startswith(STAFF_ROLE_PREFIX) and len(role) > len(STAFF_ROLE_PREFIX):
            return role[len(STAFF_ROLE_PREFIX) :]
    return None


SOCIAL = "social"  # the contact channel of social-media mentions (vocab.CHANNELS)


def social_queue(queue_doc: Mapping[str, Any] | None) -> bool:
    """Whether a queue takes social-media work: its ``channels`` name ``social``. Queues are
    the catalogue, which only admins write, so only an admin decides who reads the mentions."""
    if queue_doc is None or queue_doc.get("type") != "queue" or queue_doc.get("_deleted"):
        return False
    channels = queue_doc.get("channels")
    return isinstance(channels, list) and SOCIAL in channels


def person_from(
    name: str,
    roles: Iterable[str],
    staff_doc: Mapping[str, Any] | None,
    social_queues: Iterable[str] = (),
) -> Person:
    """A person from their ``_users`` roles and their staff document (None when it is missing,
    deleted or not theirs: then they hold no queues and no patch). ``social_queues``: which of
    their queues take social-media work (``social_queue`` of each queue's document)."""
    roles = list(roles)
    role = role_of(roles)
    staff_id = staff_id_of(roles)
    queues: frozenset[str] = frozenset()
    patch: frozenset[str] = frozenset()
    if staff_doc is not None and staff_id is not None and staff_doc.get("_id") == staff_id:
        queues = frozenset(q for q in staff_doc.get("queue_ids") or () if isinstance(q, str))
        patch = frozenset(
            p.strip().upper() for p in staff_doc.get("patch") or () if isinstance(p, str)
        )
    social = not queues.isdisjoint(social_queues)
    return Person(name, role, staff_id, queues, patch, social)
