"""Which root each document hangs off, and which roots a person may hold.

A *root* is what access is granted on: a case (``case:<id>``), a citizen (``citizen:<id>``) or
a named shared channel (the public ``catalogue``, the ``staff`` list, the citizen ``directory``,
social-media ``mentions`` (supervisors, and agents of a queue that takes social-media work), the
``audit`` trail, ``anonymous`` contacts). Records that hang off a
case or a citizen (notes, contacts, case events) follow their parent: a child with a ``case_id``
follows the case, otherwise its ``citizen_id``. A contact with neither field at all (a caller
who gave no details) goes to the ``anonymous`` channel; one with a parent field that is not a
usable id goes nowhere (only an admin holds it), so a named contact can never land there.
A person holds a root, and so every document under it, or not at all: nothing is served in
part (a filtered document could not keep its ``_rev``).

Cases are held through *case keys*: a person holds a case when one of the case's keys is one of
theirs (its queue, its assignee, or, for open work, its area). The citizens on the cases a
person holds are held with them.

The same routing runs as map functions in the central database (``views``), so a gateway finds
a person's roots and their documents without reading the whole council.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from caseworker import vocab
from caseworker.access.people import Person

EVERYTHING = "*"  # an admin's single root
CATALOGUE = "catalogue"
STAFF = "staff"
DIRECTORY = "directory"
MENTIONS = "mentions"
AUDIT = "audit"
ANONYMOUS = "anonymous"  # contacts from callers who gave no details: held like mentions
# Erasure records: ids and dates only, held by every laptop so each one purges what it holds.
ERASURES = "erasures"


@dataclass(frozen=True)
class Route:
    """How a type's documents find their root: their own id (``own``), a fixed channel
    (``fixed``), or the first parent field holding an id with the right prefix (``parents``)."""

    own: str | None = None  # id prefix: the document is its own root
    fixed: str | None = None
    parents: tuple[tuple[str, str], ...] = ()  # (field, id prefix) in order of preference
    # The channel of a document whose parent fields are all absent or null (not one that is
    # malformed: that has no root).
    orphans: str | None = None
    # Hangs off every parent field holding an id (a merge names two citizens: whoever holds
    # either holds it), not only the first.
    every: bool = False


_CHILD = Route(parents=(("case_id", "case"), ("citizen_id", "citizen")))

ROUTES: dict[str, Route] = {
    "citizen": Route(own="citizen"),
    "case": Route(own="case"),
    "note": _CHILD,
    "interaction": Route(parents=_CHILD.parents, orphans=ANONYMOUS),
    "case_event": _CHILD,
    "service": Route(fixed=CATALOGUE),
    "queue": Route(fixed=CATALOGUE),
    "staff": Route(fixed=STAFF),
    "mention": Route(fixed=MENTIONS),
    "audit_event": Route(fixed=AUDIT),
    # The citizen directory's summaries (derived by the central worker, see types.DIRECTORY).
    "directory": Route(fixed=DIRECTORY),
    # Replies: the templates are the council's, public; a message follows its case only.
    "reply_template": Route(fixed=CATALOGUE),
    "message": Route(parents=(("case_id", "case"),)),
    # A public reply to a mention is kept with its case, like a message.
    "mention_reply": Route(parents=(("case_id", "case"),)),
    # A warning marker is part of its citizen's record: whoever holds the citizen holds it.
    "marker": Route(parents=(("citizen_id", "citizen"),)),
    # Routing rules are the council's, like its queues: everyone who opens cases needs them.
    "routing": Route(fixed=CATALOGUE),
    # The council's business calendar (service-level clocks): public, like the services.
    "calendar": Route(fixed=CATALOGUE),
    # Escalation rules are the council's, read by everyone (they explain an escalated case).
    "escalation_rule": Route(fixed=CATALOGUE),
    # Erasures hold no personal data and must reach every laptop (caseworker.erasure).
    "erasure": Route(fixed=ERASURES),
    # Retention: the schedule is the council's (public); the disposal log holds no personal
    # data (every laptop); a legal hold follows what it holds.
    "retention": Route(fixed=CATALOGUE),
    "disposal": Route(fixed=ERASURES),
    # A verification code asked for goes with the citizen's record (never a code, only a hash).
    "verification": Route(parents=(("citizen_id", "citizen"),)),
    # The council's security settings (the longest idle time before a window locks): every
    # laptop must read them, and they hold no personal data.
    "security": Route(fixed=CATALOGUE),
    "legal_hold": _CHILD,
    # A contact linked to a citizen (identity resolution) is part of the citizen's record.
    "identity_link": Route(parents=(("citizen_id", "citizen"),)),
    # A merge, and a "not the same person" decision, belong to both citizens they name.
    "merge": Route(parents=(("survivor_id", "citizen"), ("merged_id", "citizen")), every=True),
    "distinct": Route(parents=(("first_id", "citizen"), ("second_id", "citizen")), every=True),
}

_OWN_PREFIXES = {r.own: t for t, r in ROUTES.items() if r.own}


def is_id_of(value: object, prefix: str) -> TypeGuard[str]:
    """Whether ``value`` is an id of the kind ``prefix`` names: ``<prefix>:<something>``."""
    head = prefix + ":"
    return isinstance(value, str) and value.startswith(head) and len(value) > len(head)


def root_of(doc_id: str, body: Mapping[str, Any] | None) -> str | None:
    """The root a document hangs off, or None when it has none (an unknown type, a child whose
    parent field is missing or not an id of the right kind, an id starting with ``_`` such as a
    design document): such a document only an admin holds.

    ``body`` is None (or has no ``type``) for a tombstone: then only types that are their own
    root are known, from the id."""
    if doc_id.startswith("_"):
        return None
    doc_type = body.get("type") if body is not None else None
    if not isinstance(doc_type, str):
        prefix = doc_id.split(":", 1)[0]
        return doc_id if prefix in _OWN_PREFIXES and is_id_of(doc_id, prefix) else None
    route = ROUTES.get(doc_type)
    if route is None:
        return None
    if route.own is not None:
        return doc_id if is_id_of(doc_id, route.own) else None
    if route.fixed is not None:
        return route.fixed
    assert body is not None
    for name, prefix in route.parents:
        value = body.get(name)
        if is_id_of(value, prefix):
            return value
    if route.orphans is not None and all(body.get(name) is None for name, _ in route.parents):
        return route.orphans
    return None


_POSTCODE = re.compile(r"[A-Za-z0-9]{5,7}")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def district(postcode: str) -> str | None:
    """The postcode district (outward code) of a UK postcode, e.g. "LL57 2PW" -> "LL57".

    ASCII only, as postcodes are: the central database's map functions (JavaScript, whose idea
    of a space, a letter or upper case differs from Python's beyond ASCII) must agree."""
    text = _SPACES.sub("", postcode)
    if not _POSTCODE.fullmatch(text):
        return None
    return text[:-3].upper()


def case_keys(case: Mapping[str, Any]) -> frozenset[str]:
    """The keys through which a case is held: its queue, its assignee and, while it is open and
    has a location, its area."""
    keys = set()
    queue_id = case.get("queue_id")
    if isinstance(queue_id, str) and queue_id:
        keys.add("queue=" + queue_id)
    assignee = case.get("assignee_id")
    if isinstance(assignee, str) and assignee:
        keys.add("assignee=" + assignee)
    location = case.get("location")
    status = case.get("status")
    if isinstance(status, str) and status in vocab.OPEN_STATUSES and isinstance(location, Mapping):
        postcode = location.get("postcode")
        area = district(postcode) if isinstance(postcode, str) else None
        if area:
            keys.add("area=" + area)
    return frozenset(keys)


def person_case_keys(person: Person) -> frozenset[str]:
    """The case keys a person holds cases through (an admin holds every case anyway)."""
    keys: set[str] = set()
    if person.role in ("agent", "supervisor"):
        keys.update("queue=" + q for q in person.queue_ids)
    if person.role in ("agent", "field_officer") and person.staff_id:
        keys.add("assignee=" + person.staff_id)
    if person.role == "field_officer":
        keys.update("area=" + d for d in person.patch)
    return frozenset(keys)


def shared_roots(person: Person) -> frozenset[str]:
    """The named channels a person holds whole."""
    if person.is_admin:
        return frozenset({EVERYTHING})
    if person.role == "supervisor" or (person.role == "agent" and person.social):
        return frozenset({CATALOGUE, STAFF, DIRECTORY, MENTIONS, ANONYMOUS, ERASURES})
    if person.role == "agent":
        # Mentions (names, handles, what people post) only for the social-media queues' members.
        return frozenset({CATALOGUE, STAFF, DIRECTORY, ANONYMOUS, ERASURES})
    if person.role == "field_officer":
        return frozenset({CATALOGUE, STAFF, ERASURES})
    return frozenset()


def holds_case(person: Person, case: Mapping[str, Any]) -> bool:
    return person.is_admin or not person_case_keys(person).isdisjoint(case_keys(case))


def roots_of_person(person: Person, held_cases: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """Every root a person holds, given the (live) cases they hold: the shared channels, those
    cases, and the citizens on them."""
    roots = set(shared_roots(person))
    for case in held_cases:
        case_id = case.get("_id")
        if is_id_of(case_id, "case"):
            roots.add(case_id)
            citizen = case.get("citizen_id")
            if is_id_of(citizen, "citizen"):
                roots.add(citizen)
    return frozenset(roots)


def roots_of(doc_id: str, body: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Every root a document hangs off: ``root_of``'s, and for a type routed to ``every``
    parent (a merge), each further parent that is an id of the right kind."""
    first = root_of(doc_id, body)
    if first is None:
        return ()
    route = ROUTES.get(str(body.get("type"))) if body is not None else None
    if route is None or not route.every:
        return (first,)
    assert body is not None
    found = [first]
    for name, prefix in route.parents:
        value = body.get(name)
        if is_id_of(value, prefix) and value not in found:
            found.append(value)
    return tuple(found)


def may_read(roots: frozenset[str], doc_id: str, body: Mapping[str, Any] | None) -> bool:
    """Whether a person holding ``roots`` may read this document (revision)."""
    if EVERYTHING in roots:
        return True
    return any(root in roots for root in roots_of(doc_id, body))
