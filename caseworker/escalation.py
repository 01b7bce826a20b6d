"""Breaches and escalation rules: which have happened to a case, and what each one writes.

Pure functions of a case document, the rules and the time, used by the central worker
(``sync/worker/breaches.py``), which writes each result once: every event has an id made from
what it is about (``event:breach-resolve:<case key>``), so a second writer meets a conflict.

- A case breaches a target when it is still open, not paused, past the target's due time and,
  for the first response, not yet responded to (still new, triaged or only assigned).
- A paused case (awaiting the citizen) never breaches while paused: the clocks keep its due
  times moved on by the pause, and it is judged again once it resumes.
- An escalation rule fires for a case of its service and/or queue at the target's due time, or
  ``hours_before`` working hours before it: it tells the queue's supervisors, raises the
  priority one step (never above urgent) or moves the case to another queue.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from caseworker import vocab
from caseworker.clocks.calendar import WorkingCalendar
from caseworker.documents.codec import Document, check, new_document
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import CASE_EVENT, ESCALATION_RULE
from caseworker.timeutil import from_iso, to_iso
from caseworker.worktime import MAX_HOURS, working_hours_before

CENTRAL_ACTOR = "central"  # the ``by`` of what the central worker writes
PAUSED = "awaiting_citizen"
# Nobody has started on the case yet: its first response is still owed.
RESPONSE_PENDING = frozenset({"new", "triaged", "assigned"})
DUE_FIELD = {"response": "response_due_at", "resolve": "due_at"}
BREACH_KIND = {"response": "breach_response", "resolve": "breach_resolve"}
# What an escalation event's ``field`` says was done.
NOTIFIED, PRIORITY, QUEUE = "notify", "priority", "queue_id"
_ACTION_FIELD = {"notify": NOTIFIED, "raise_priority": PRIORITY, "move_queue": QUEUE}
_ID_MAX = 200


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    service_code: str | None
    queue_id: str | None
    target: str
    hours_before: int
    action: str
    to_queue_id: str | None
    name_cy: str | None = None  # the Welsh name, shown to a Welsh reader (None: none given)


@dataclass(frozen=True)
class Escalation:
    """What a rule firing on a case records, and the change it makes to the case (if any)."""

    event: Document
    change: dict[str, Any] | None  # field -> new value, applied only while field == ``old``


def parse_rule(doc: Document) -> Rule:
    """A rule from its document; DocumentError saying why it cannot be used."""
    if check(doc) is not ESCALATION_RULE:
        raise DocumentError(f"document {doc.get('_id')!s:.80}: not an escalation rule")
    where = f"escalation rule {doc['_id']}"
    hours = doc["hours_before"]
    if not 0 <= hours <= MAX_HOURS:
        raise DocumentError(f"{where}: hours_before must be between 0 and {MAX_HOURS}")
    if not doc.get("service_code") and not doc.get("queue_id"):
        raise DocumentError(f"{where}: names neither a service nor a queue")
    if doc["action"] == "move_queue" and not doc.get("to_queue_id"):
        raise DocumentError(f"{where}: moves cases to no queue (to_queue_id)")
    return Rule(
        doc["_id"],
        doc["name"],
        doc.get("service_code") or None,
        doc.get("queue_id") or None,
        doc["target"],
        hours,
        doc["action"],
        doc.get("to_queue_id") or None,
        " ".join(str(doc.get("name_cy") or "").split()) or None,
    )


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return from_iso(value)
    except ValueError:
        return None


def due_time(case: Document, target: str) -> datetime | None:
    """When the case breaches ``target``, or None when it cannot (finished, paused, already
    responded to, or no usable due time)."""
    status = case.get("status")
    if status not in vocab.OPEN_STATUSES or status == PAUSED:
        return None
    if target == "response" and status not in RESPONSE_PENDING:
        return None
    return _time(case.get(DUE_FIELD[target]))


def breached(case: Document, now: datetime) -> list[str]:
    """The targets the case has breached by ``now`` (on time up to and including the due
    instant, as ``services.sla`` judges it)."""
    return [t for t in vocab.ESCALATION_TARGETS if (due := due_time(case, t)) and now > due]


def fire_time(
    rule: Rule, case: Document, calendar: WorkingCalendar | None = None
) -> datetime | None:
    """When ``rule`` fires for ``case``, or None when it never does."""
    if rule.service_code is not None and case.get("service_code") != rule.service_code:
        return None
    if rule.queue_id is not None and case.get("queue_id") != rule.queue_id:
        return None
    due = due_time(case, rule.target)
    if due is None:
        return None
    return working_hours_before(due, rule.hours_before, calendar) if rule.hours_before else due


def fires(
    rule: Rule, case: Document, now: datetime, calendar: WorkingCalendar | None = None
) -> bool:
    """Whether ``rule`` has fired for ``case`` by ``now``, its lead counted in the council's
    working hours (the default calendar without one)."""
    at = fire_time(rule, case, calendar)
    if at is None:
        return False
    return now > at if rule.hours_before == 0 else now >= at


def raised(priority: object) -> str:
    """One step up, never above urgent (an unknown priority becomes high)."""
    order = vocab.PRIORITIES
    if not isinstance(priority, str) or priority not in order:
        return "high"
    return order[min(order.index(priority) + 1, len(order) - 1)]


def _key(doc_id: str) -> str:
    return doc_id.split(":", 1)[1] if ":" in doc_id else doc_id


def _event_id(head: str, *ids: str) -> str:
    """A readable id made of ``ids``' keys; a digest of them when that would be too long."""
    readable = f"{CASE_EVENT.id_prefix}:{head}:" + ":".join(_key(i) for i in ids)
    if len(readable) <= _ID_MAX and "/" not in readable:
        return readable
    digest = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:40]
    return f"{CASE_EVENT.id_prefix}:{head}:{digest}"


def breach_event_id(case_id: str, target: str) -> str:
    return _event_id(f"breach-{target}", case_id)


def escalation_event_id(rule_id: str, case_id: str) -> str:
    return _event_id("escalated", rule_id, case_id)


def breach_event(case: Document, target: str, now: datetime) -> Document:
    field = DUE_FIELD[target]
    return new_document(
        CASE_EVENT,
        breach_event_id(case["_id"], target),
        {
            "case_id": case["_id"],
            "kind": BREACH_KIND[target],
            "at": to_iso(now),
            "by": CENTRAL_ACTOR,
            "field": field,
            "new": str(case.get(field))[:200],
        },
    )


def escalation(
    rule: Rule,
    case: Document,
    now: datetime,
    *,
    live_queues: frozenset[str],
    supervisors: list[str],
) -> Escalation:
    """What ``rule`` firing on ``case`` records. A move to a queue that is gone or closed is
    recorded with no new queue (the case stays where it is); raising an urgent case changes
    nothing; telling supervisors names as many of them as the event holds."""
    field = _ACTION_FIELD[rule.action]
    old: str | None = None
    new: str | None = None
    change: dict[str, Any] | None = None
    if rule.action == "notify":
        named: list[str] = []
        for staff_id in supervisors:
            if len(" ".join([*named, staff_id])) > 200:
                break
            named.append(staff_id)
        new = " ".join(named) or None
    elif rule.action == "raise_priority":
        old = str(case.get("priority"))
        new = raised(case.get("priority"))
        change = {PRIORITY: new} if new != old else None
    else:
        old = case.get("queue_id") if isinstance(case.get("queue_id"), str) else None
        target = rule.to_queue_id
        if target == old:
            new = target  # already there: nothing to move
        elif target in live_queues:
            new, change = target, {QUEUE: target}
    fields: dict[str, Any] = {
        "case_id": case["_id"],
        "kind": "escalated",
        "at": to_iso(now),
        "by": CENTRAL_ACTOR,
        "field": field,
        "comment": rule.name[:2000],
    }
    fields.update({k: v[:200] for k, v in (("old", old), ("new", new)) if v is not None})
    event = new_document(CASE_EVENT, escalation_event_id(rule.id, case["_id"]), fields)
    return Escalation(event, change)


def reapplied(case: Document, event: Document, now: datetime) -> Document | None:
    """The case with ``event``'s change made, or None when there is nothing to make: the
    case is finished, or its field no longer holds what the event changed it from (someone
    changed it since: their change stands)."""
    field, old, new = event.get("field"), event.get("old"), event.get("new")
    if field not in (PRIORITY, QUEUE) or new is None or old == new:
        return None
    if case.get("status") not in vocab.OPEN_STATUSES or case.get(field) != old:
        return None
    return {**case, field: new, "updated_at": to_iso(now)}
