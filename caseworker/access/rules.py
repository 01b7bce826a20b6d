"""The rules for each type of record, for anyone but an admin (``writes`` asks the general
questions first: a usable id, a role, a staff record, a rooted branch, a valid document).

Each function answers None (allowed) or the reason, in plain words, that the change is refused.
``current`` is the server's winning revision (None for a new record); ``roots`` what the person
holds (``EVERYTHING`` on a laptop, which holds only what the server sent it).
"""

from collections.abc import Mapping, Set
from datetime import datetime
from typing import Any

from caseworker import vocab
from caseworker.access import citizen_rules, verification_rules
from caseworker.access.channels import (
    ANONYMOUS,
    DIRECTORY,
    EVERYTHING,
    MENTIONS,
    is_id_of,
    root_of,
    shared_roots,
)
from caseworker.access.people import Person
from caseworker.erasure import scope
from caseworker.replies import public
from caseworker.routing import check as routing_check
from caseworker.timeutil import utcnow

ASSIGN_OTHER = "only a supervisor can assign a case to someone else"
TAKE_FROM = "only a supervisor can take a case from someone else"
MOVE_QUEUE = "only a supervisor can move a case to another queue"
NOT_HELD_CASE = "this case is not in your work: you cannot change it"
NOT_HELD_CITIZEN = "you do not have this citizen's record: you cannot change it"
OWN_SCOPE = "nobody can change their own queues, patch or role: ask an admin"
CATALOGUE = "only an admin can change the council's services and queues"
DIRECTORY_KEPT = "the citizen directory is kept by the council's central service"
TEMPLATES = "only an admin can change the council's reply templates"
ROUTING = "only a supervisor or an admin can change the routing rules"
CALENDAR = "only a supervisor or an admin can change the council's calendar"
SECURITY_SETTINGS = "only an admin can change the council's security settings"
TOO_LONG_FOR_SMS = (
    f"a text message can be at most {vocab.SMS_BODY_MAX} characters: send this reply by email"
)
MESSAGE_SENT = (
    "a reply cannot be changed once written: only the council's central service records "
    "whether it was sent"
)
CASE_CLOSED = "this case is closed: nothing on it can change until it is reopened"
# What reopening a closed case may change besides its status (the rest stays as it was).
UNCHANGED = frozenset({"updated_at", "schema"})
REOPENING = UNCHANGED | {"status", "closed_at", "resolved_at", "outcome"}
MARKER_OWN_NAME = "a warning marker must be set in your own name"
MARKER_NOT_HELD = "a warning marker can only be set on a citizen whose record you have"
MARKER_FIXED = frozenset({"citizen_id", "kind", "set_by", "set_at"})
MARKER_KEPT = "a marker's citizen, kind, and who set it and when cannot change"
MARKER_WHO = "only whoever set this marker, or a supervisor, can change or end it"
MARKER_ENDED = "an ended marker cannot be changed: set a new one"
MARKER_END_OWN = "a marker must be ended in your own name"
MARKER_NOT_DELETED = "a warning marker is ended, never deleted"
MARKER_ADDRESS = "an officer-safety marker must say which address and postcode it applies to"
CENTRAL_EVENTS = "breaches and escalations are recorded by the council's central service only"
ESCALATION_RULES = "only a supervisor or an admin can change escalation rules"
ESCALATION_OWN_NAME = "an escalation rule must be saved in your own name"
ERASURE_WHO = "only a supervisor or an admin can ask for a citizen's record to be erased"
ERASURE_OWN_NAME = "an erasure must be asked for in your own name"
ERASURE_CENTRAL = (
    "an erasure is carried out by the council's central service: once asked for, only it "
    "records the outcome"
)
HOLD_WHO = "only a supervisor or an admin can place or end a legal hold"
HOLD_OWN_NAME = "a legal hold must be placed and ended in your own name"
HOLD_KEPT = "a legal hold's record, reason, and who placed it and when cannot change: end it"
HOLD_ENDED = "an ended legal hold cannot be changed: place a new one"
DISPOSAL_WHO = "only a supervisor or an admin can approve a disposal"
DISPOSAL_KEPT = "a disposal is a log entry: it cannot be changed"
ERASURE_TARGET = "an erasure names one citizen (citizen_id) or one record (record_id)"
ERASURE_NEW = "a new erasure is 'requested': only the council's central service completes it"
LINK_CENTRAL = "automatic links are made by the council's central service only"
LINK_OWN_NAME = "a link must be made, or undone, in your own name"
LINK_NOT_HELD = "a contact can only be linked to a citizen whose record you have"
LINK_KEPT = "a link cannot change once made: undo it and make another"
LINK_UNDONE = "this link has been undone: make a new one"
LINK_UNDO_FIELDS = frozenset({"undone_at", "undone_by"})
MERGES = "only a supervisor can merge citizens or decide two are different people"
OPENS_CASES = ("agent", "field_officer", "supervisor")
TRIAGES_MENTIONS = ("agent", "supervisor")
TAKES_ANONYMOUS = ("agent", "supervisor")  # the contact centre: who answers callers
ANONYMOUS_ONLY_CENTRE = "only contact-centre agents and supervisors log anonymous contacts"
# What triage may change in a mention; the rest is what the post said (the collector's).
MENTION_FIELDS = frozenset({"state", "citizen_id", "case_id", "triaged_by", "triaged_at"})
MENTION_COLLECTED = "mentions are collected by the council's central service"
MENTION_TEXT = "only a mention's triage (its state and its links to a citizen or case) can change"
MENTION_TRIAGERS = (
    "only supervisors, and contact-centre agents of a social-media queue, triage mentions"
)
MENTION_OWN_NAME = "a mention must be triaged in your own name, saying when"
MENTION_LINKS = {
    "linked": ("citizen_id", "a mention linked to a citizen must say which citizen"),
    "case_opened": ("case_id", "a mention turned into a case must say which case"),
}
_LABELS = {
    "case_event": "case history",
    "note": "note",
    "interaction": "contact",
    "audit_event": "audit",
}


def holds(roots: frozenset[str], root: str | None) -> bool:
    return root is not None and (EVERYTHING in roots or root in roots)


def described(new: Mapping[str, Any]) -> str | None:
    """The record whose change this one describes: a case event's case, an audit event's
    subject (refused together with it)."""
    kind = new.get("type")
    value = new.get("case_id") if kind == "case_event" else None
    if kind == "audit_event":
        value = new.get("subject_id")
    return value if isinstance(value, str) else None


def append_only(type_name: str) -> str:
    label = _LABELS.get(type_name, type_name)
    return f"{label} records are append-only: they cannot be changed or deleted"


def appended(
    person: Person, doc_id: str, new: Mapping[str, Any], roots: frozenset[str], cases: Set[str]
) -> str | None:
    """A new append-only record: written in the writer's own name, under a root. A note or a
    contact may be added to any case or citizen (adding one shows the writer nothing); a case
    event says what happened to its case, so only one who may work the case writes it. A
    contact with no case and no citizen goes to the anonymous channel, which only the contact
    centre holds and writes."""
    if new.get("type") == "case_event" and new.get("kind") in vocab.CENTRAL_EVENT_KINDS:
        return CENTRAL_EVENTS  # a laptop cannot claim a breach, or an escalation, happened
    if new.get("by") != person.staff_id:
        return f"a {_LABELS[str(new['type'])]} record must be written in your own name"
    root = root_of(doc_id, new)
    if root is None:
        return "a note or contact must belong to a case or a citizen"
    if root == ANONYMOUS and person.role not in TAKES_ANONYMOUS:
        return ANONYMOUS_ONLY_CENTRE
    if new.get("type") == "case_event" and not (holds(roots, root) or root in cases):
        return "history can only be added to a case in your work"
    return None


def may_change(
    person: Person, doc_id: str, current: Mapping[str, Any], roots: frozenset[str]
) -> str | None:
    """Whether the person may change this record at all (its type's rules say what in it)."""
    kind = current.get("type")
    if kind == "case":
        queue = current.get("queue_id")
        of_queue = isinstance(queue, str) and queue in person.queue_ids
        if holds(roots, doc_id) or (person.is_supervisor and of_queue):
            return None
        return NOT_HELD_CASE
    if kind == "citizen":
        # Whoever holds the directory talks to every caller, so may correct any record.
        if holds(roots, doc_id) or DIRECTORY in shared_roots(person):
            return None
        return NOT_HELD_CITIZEN
    if kind == "staff":
        return None if person.is_supervisor else "only a supervisor or an admin can change staff"
    if kind == "mention":
        if person.role in TRIAGES_MENTIONS and MENTIONS in shared_roots(person):
            return None
        return MENTION_TRIAGERS
    if kind in ("service", "queue"):
        return CATALOGUE
    if kind == "directory":
        return DIRECTORY_KEPT
    if kind == "reply_template":
        return TEMPLATES
    if kind == "calendar":
        return None if person.is_supervisor else CALENDAR
    if kind == "message":
        return MESSAGE_SENT
    if kind == "mention_reply":
        if person.role not in TRIAGES_MENTIONS:
            return MREPLY_WHO
        return None if holds(roots, root_of(doc_id, current)) else MREPLY_NOT_HELD
    if kind == "marker":
        return None if holds(roots, root_of(doc_id, current)) else NOT_HELD_CITIZEN
    if kind == "routing":
        return None if person.is_supervisor else ROUTING
    if kind == "escalation_rule":
        return None if person.is_supervisor else ESCALATION_RULES
    if kind == "erasure":
        return ERASURE_CENTRAL
    if kind == "disposal":
        return DISPOSAL_KEPT
    if kind == "security":
        return SECURITY_SETTINGS
    if kind == "verification":
        return verification_rules.VERIFY_KEPT  # never deleted
    if kind == "legal_hold":
        if not person.is_supervisor:
            return HOLD_WHO
        return None if holds(roots, root_of(doc_id, current)) else NOT_HELD_CITIZEN
    if kind == "identity_link":
        return None if holds(roots, root_of(doc_id, current)) else LINK_NOT_HELD
    if kind in ("merge", "distinct"):  # resolving a conflict of two supervisors' merges
        return None if person.is_supervisor else MERGES
    return "only an admin can change this record"


def changed(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
    created_citizens: Set[str],
    received_at: datetime | None = None,
) -> str | None:
    """A new (``current`` None) or changed mutable record, valid and of an unchanged type
    (``received_at``: when it is judged; None: now)."""
    kind = new.get("type")
    if kind == "citizen":
        reason = _changed(person, doc_id, new, current, roots, created_citizens)
        if reason is not None:
            return reason
        return citizen_rules.problem(person, new, current, received_at or utcnow())
    return _changed(person, doc_id, new, current, roots, created_citizens)


def _changed(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
    created_citizens: Set[str],
) -> str | None:
    kind = new.get("type")
    if kind == "case":
        return _case(person, doc_id, new, current, roots, created_citizens)
    if kind == "staff":
        return _staff(person, doc_id, new, current)
    if kind == "marker":
        return _marker(person, doc_id, new, current, roots, created_citizens)
    if kind == "identity_link":
        return _identity_link(person, doc_id, new, current, roots, created_citizens)
    if kind == "escalation_rule":
        if not person.is_supervisor:
            return ESCALATION_RULES
        return None if new.get("by") == person.staff_id else ESCALATION_OWN_NAME
    if kind in ("service", "queue"):
        return CATALOGUE
    if kind == "directory":  # derived from the citizens by the central worker alone
        return DIRECTORY_KEPT
    if kind == "reply_template":
        return TEMPLATES
    if kind == "calendar":
        return _calendar(person, doc_id)
    if kind == "message":
        return _message(person, doc_id, new, current, roots)
    if kind == "mention_reply":
        return _mention_reply(person, doc_id, new, current, roots)
    if kind == "routing":
        if not person.is_supervisor:
            return ROUTING
        return routing_check.problem(doc_id, new)
    if kind == "erasure":
        return _erasure(person, new, current, roots)
    if kind == "security":
        return SECURITY_SETTINGS
    if kind == "verification":
        held = holds(roots, root_of(doc_id, new))
        return verification_rules.verification(person.staff_id, new, current, held)
    if kind == "legal_hold":
        return _legal_hold(person, doc_id, new, current, roots)
    if kind == "disposal":
        if current is not None:
            return DISPOSAL_KEPT
        if not person.is_supervisor:
            return DISPOSAL_WHO
        return None if new.get("approved_by") == person.staff_id else ERASURE_OWN_NAME
    if current is None:
        if kind == "citizen":
            return None if person.role else "only staff can add a citizen"
        if kind == "mention":
            return MENTION_COLLECTED
        return "only an admin can add this record"
    reason = may_change(person, doc_id, current, roots)
    if reason is not None or kind != "mention":
        return reason
    return _mention(person, new, current)


def _mention(person: Person, new: Mapping[str, Any], current: Mapping[str, Any]) -> str | None:
    """Triage of a collected mention: nothing the post said changes (not its text, not its
    author, not that it was deleted), the triage is signed with the triager and the time, and a
    linked mention names its citizen, one turned into a case its case."""
    fields = _fields(new, current)
    if any(new.get(k) != current.get(k) for k in fields - MENTION_FIELDS):
        return MENTION_TEXT
    if all(new.get(k) == current.get(k) for k in fields & MENTION_FIELDS):
        return None  # the server's revision written again
    if new.get("triaged_by") != person.staff_id or new.get("triaged_at") is None:
        return MENTION_OWN_NAME
    link = MENTION_LINKS.get(str(new.get("state")))
    if link is not None and not new.get(link[0]):
        return link[1]
    return None


def _message(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
) -> str | None:
    """A reply in the outbox: written once, in the writer's own name, queued, on a case they
    hold. Its send status is the central worker's (an admin) alone; nothing else changes it.
    Whether the recipient is one of the citizen's identifiers the worker checks on the
    central record before it sends (a rule here sees only the message)."""
    if current is not None:
        return MESSAGE_SENT
    if new.get("by") != person.staff_id:
        return "a reply must be written in your own name"
    if new.get("state") != "queued" or any(
        new.get(k) is not None for k in ("notify_id", "state_at", "state_detail")
    ):
        return "a new reply is queued: only the council's central service records its sending"
    if not holds(roots, root_of(doc_id, new)):
        return "a reply can only be sent from a case in your work"
    body = new.get("body")
    if new.get("channel") == "sms" and isinstance(body, str) and len(body) > vocab.SMS_BODY_MAX:
        return TOO_LONG_FOR_SMS
    return None


MREPLY_WHO = "only contact-centre agents and supervisors reply to mentions"
MREPLY_NOT_HELD = "a public reply can only be written on a case in your work"
MREPLY_CENTRAL = (
    "only the council's central service posts a public reply and records what happened to it"
)
MREPLY_FIXED = "a queued reply cannot be changed: cancel it and write a new one"


def _mention_reply(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
) -> str | None:
    """A public reply to a mention: drafted queued, in the writer's own name, on a case they
    hold, by those who triage mentions; its text never changes once queued (a new draft
    instead); while queued it may be cancelled, in the canceller's own name. Everything past
    queued (the claim, posted, failed) is the central poster's (an admin) alone."""
    reason = may_change(person, doc_id, {**new, "type": "mention_reply"}, roots)
    if reason is not None:
        return reason
    if current is None:
        if new.get("by") != person.staff_id:
            return "a public reply must be drafted in your own name"
        if new.get("state") != "queued" or any(
            new.get(k) is not None for k in public.CENTRAL_FIELDS | {"cancelled_at", "cancelled_by"}
        ):
            return "a new public reply is queued: " + MREPLY_CENTRAL
        return public.text_problem(new.get("text"))
    reason = may_change(person, doc_id, current, roots)
    if reason is not None:
        return reason
    if current.get("state") != "queued":
        return MREPLY_CENTRAL
    changes = {k for k in _fields(new, current) if new.get(k) != current.get(k)}
    if not changes:
        return None  # the same revision written again
    if new.get("state") != "cancelled" or not changes <= public.CANCEL_FIELDS:
        return MREPLY_FIXED if new.get("state") == "queued" else MREPLY_CENTRAL
    if new.get("cancelled_by") != person.staff_id or new.get("cancelled_at") is None:
        return "a public reply must be cancelled in your own name, saying when"
    return None


CALENDAR_ID = "calendar:council"


def _calendar(person: Person, doc_id: str) -> str | None:
    """The council has one calendar, which supervisors keep (its hours decide every due time)."""
    if not person.is_supervisor:
        return CALENDAR
    if doc_id != CALENDAR_ID:
        return f"the council has one calendar: {CALENDAR_ID}"
    return None


def _fields(a: Mapping[str, Any], b: Mapping[str, Any]) -> set[str]:
    """The fields of two revisions, without CouchDB's bookkeeping."""
    return {k for k in (*a, *b) if not k.startswith("_")}


def _case(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
    created_citizens: Set[str],
) -> str | None:
    me = person.staff_id
    supervisor = person.is_supervisor
    citizen = new.get("citizen_id")
    if current is None:
        if person.role not in OPENS_CASES:
            return "only agents, field officers and supervisors open cases"
        if new.get("assignee_id") not in (None, me) and not supervisor:
            return ASSIGN_OTHER
        return _citizen_link(person, citizen, roots, created_citizens)
    reason = may_change(person, doc_id, current, roots)
    if reason is not None:
        return reason
    if current.get("status") == "closed" and not _reopens(new, current):
        return CASE_CLOSED
    if new.get("queue_id") != current.get("queue_id") and not supervisor:
        return MOVE_QUEUE
    before, after = current.get("assignee_id"), new.get("assignee_id")
    if before != after and not supervisor:
        taking = before is None and after == me
        giving_back = before == me and after is None
        if not (taking or giving_back):
            return ASSIGN_OTHER if after not in (None, me) else TAKE_FROM
    if citizen != current.get("citizen_id"):
        return _citizen_link(person, citizen, roots, created_citizens)
    return None


def _reopens(new: Mapping[str, Any], current: Mapping[str, Any]) -> bool:
    """A closed case is finished: its one allowed change is reopening it, nothing else with it
    (an edit made offline before someone closed it arrives here, and is refused). A revision
    that changes nothing (the server's version written again) is no change."""
    kept = REOPENING if new.get("status") == "reopened" else UNCHANGED
    return all(new.get(k) == current.get(k) for k in _fields(new, current) - kept)


def _citizen_link(
    person: Person, citizen: object, roots: frozenset[str], created_citizens: Set[str]
) -> str | None:
    """A case brings its citizen's whole record to whoever holds the case: linking one is
    reading it, so only a citizen the person holds (or just added, or, for those who hold the
    directory, anyone) may be linked."""
    if citizen is None or DIRECTORY in shared_roots(person):
        return None
    if isinstance(citizen, str) and (holds(roots, citizen) or citizen in created_citizens):
        return None
    return "a case can only be linked to a citizen whose record you have"


def _identity_link(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
    created_citizens: Set[str],
) -> str | None:
    """A person links a contact to a citizen they hold, in their own name; an automatic link
    is the central worker's (an admin) alone, so a laptop cannot forge one. Undoing is the
    only change: in the undoer's own name, by anyone holding the citizen, and only once."""
    citizen = root_of(doc_id, new)
    if not (holds(roots, citizen) or citizen in created_citizens):
        return LINK_NOT_HELD
    if current is None:
        if new.get("method") != "person":
            return LINK_CENTRAL
        if new.get("by") != person.staff_id:
            return LINK_OWN_NAME
        return None if new.get("undone_at") is None else LINK_KEPT
    if current.get("undone_at") is not None:
        return LINK_UNDONE
    moved = {k for k in _fields(new, current) if new.get(k) != current.get(k)}
    if moved - UNCHANGED - LINK_UNDO_FIELDS or new.get("undone_at") is None:
        return LINK_KEPT
    if new.get("undone_by") != person.staff_id:
        return LINK_OWN_NAME
    return None


def _marker(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
    created_citizens: Set[str],
) -> str | None:
    """Anyone with the citizen's record may warn about them, in their own name; only the one
    who set a marker, or a supervisor, changes its reason, review date or address, or ends it;
    nobody moves it to another citizen, changes its kind, or rewrites who set it and when (what
    colleagues were warned of stays true); an ended marker stays as it was."""
    me = person.staff_id
    if new.get("kind") == vocab.OFFICER_SAFETY and not (new.get("address") and new.get("postcode")):
        return MARKER_ADDRESS
    ended_at, ended_by = new.get("ended_at"), new.get("ended_by")
    if (ended_at is None) != (ended_by is None):
        return "an ended marker must say both when and by whom"
    if current is None:
        if new.get("set_by") != me:
            return MARKER_OWN_NAME
        citizen = new.get("citizen_id")
        if not (holds(roots, root_of(doc_id, new)) or citizen in created_citizens):
            return MARKER_NOT_HELD
        return None if ended_at is None else "a new marker cannot already be ended"
    reason = may_change(person, doc_id, current, roots)
    if reason is not None:
        return reason
    fields = _fields(new, current)
    if any(new.get(k) != current.get(k) for k in fields & MARKER_FIXED):
        return MARKER_KEPT
    if current.get("ended_at") is not None:
        return MARKER_ENDED if any(new.get(k) != current.get(k) for k in fields) else None
    if me != current.get("set_by") and not person.is_supervisor:
        return MARKER_WHO
    if ended_at is not None and ended_by != me:
        return MARKER_END_OWN
    return None


def _staff(
    person: Person, doc_id: str, new: Mapping[str, Any], current: Mapping[str, Any] | None
) -> str | None:
    if not person.is_supervisor:
        return "only a supervisor or an admin can change staff"
    role_before = current.get("role") if current is not None else None
    role_after = new.get("role")
    if doc_id == person.staff_id:
        # Role, queues and patch decide what a person holds: nobody widens their own.
        if current is None or role_after != role_before:
            return OWN_SCOPE
        for name, same in (("queue_ids", _as_set), ("patch", _districts)):
            if same(new.get(name)) != same(current.get(name)):
                return OWN_SCOPE
    if "admin" in (role_before, role_after):
        return "only an admin can change an admin's staff record"
    if role_after == "supervisor" and role_before != "supervisor":
        return "only an admin can make someone a supervisor"
    return None


def _as_set(value: object) -> object:
    return frozenset(map(repr, value)) if isinstance(value, list) else repr(value)


def _districts(value: object) -> object:
    """A patch as ``person_from`` reads it: districts, trimmed, in upper case."""
    if isinstance(value, list):
        return frozenset(v.strip().upper() if isinstance(v, str) else repr(v) for v in value)
    return repr(value)


def _erasure(
    person: Person, new: Mapping[str, Any], current: Mapping[str, Any] | None, roots: frozenset[str]
) -> str | None:
    """A supervisor asks, in their own name, for a citizen they can see (a supervisor holds the
    directory of every caller); the central worker (an admin) alone carries it out and records
    the outcome, so a laptop can never mark an erasure done that did not happen."""
    if current is not None:
        return ERASURE_CENTRAL
    if not person.is_supervisor:
        return ERASURE_WHO
    if new.get("requested_by") != person.staff_id:
        return ERASURE_OWN_NAME
    if new.get("state") != "requested" or any(
        new.get(k) is not None for k in ("done_at", "purged", "detail", "failure")
    ):
        return ERASURE_NEW
    target = scope.target_of(new)
    if target is None:
        return ERASURE_TARGET
    if is_id_of(target, "citizen") and not (
        holds(roots, target) or DIRECTORY in shared_roots(person)
    ):
        return NOT_HELD_CITIZEN
    return None


def _legal_hold(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
) -> str | None:
    """A supervisor places a hold, in their own name, on a case or citizen whose record they
    have; a supervisor ends it, in their own name; nothing else about it changes."""
    if not person.is_supervisor:
        return HOLD_WHO
    if current is None:
        if new.get("by") != person.staff_id:
            return HOLD_OWN_NAME
        if new.get("ended_at") is not None or new.get("ended_by") is not None:
            return "a new legal hold cannot already be ended"
        root = root_of(doc_id, new)
        if root is None:
            return "a legal hold is placed on a case or a citizen"
        if not (holds(roots, root) or DIRECTORY in shared_roots(person)):
            return NOT_HELD_CITIZEN
        return None
    reason = may_change(person, doc_id, current, roots)
    if reason is not None:
        return reason
    fields = _fields(new, current) - {"ended_at", "ended_by"}
    if any(new.get(k) != current.get(k) for k in fields):
        return HOLD_KEPT
    if current.get("ended_at") is not None:
        changed_end = any(new.get(k) != current.get(k) for k in ("ended_at", "ended_by"))
        return HOLD_ENDED if changed_end else None
    if (new.get("ended_at") is None) != (new.get("ended_by") is None):
        return "an ended legal hold must say both when and by whom"
    if new.get("ended_by") not in (None, person.staff_id):
        return HOLD_OWN_NAME
    return None
