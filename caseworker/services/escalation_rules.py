"""The council's escalation rules, read and written on a laptop: a supervisor adds one, changes
one, turns one off or on; everyone can list them. The central worker applies them
(``caseworker.escalation``) and the rules module says who may write them."""

from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local
from caseworker.documents.codec import Document, new_document
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import ESCALATION_RULE
from caseworker.errors import ConflictError, NotFoundError, ValidationError
from caseworker.escalation import Rule, parse_rule
from caseworker.ids import new_id
from caseworker.models import Queue, Service, StoredDocument
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

NAME_MAX = ESCALATION_RULE.schema.by_name["name"].max_length  # the schema says it once


@dataclass(frozen=True)
class Listed:
    rule: Rule | None  # None: a rule this laptop holds but cannot use (``problem`` says why)
    doc_id: str
    name: str
    active: bool
    problem: str | None = None
    name_cy: str | None = None  # the Welsh name, where one was given


def _text(value: object) -> str | None:
    """A name as it may be shown: a string, its spaces tidied; anything else is none."""
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def list_rules(session: Session) -> list[Listed]:
    """Every escalation rule this laptop holds, by name; one that cannot be used says why."""
    prefix = ESCALATION_RULE.id_prefix + ":"
    # A peer's revision that is not a valid rule is kept without a type (its ``problem`` says
    # why): found by its id, so it is listed with its problem instead of vanishing.
    broken = and_(
        StoredDocument.type.is_(None),
        StoredDocument.problem.is_not(None),
        StoredDocument.id >= prefix,
        StoredDocument.id < prefix[:-1] + chr(ord(prefix[-1]) + 1),
    )
    rows = session.execute(
        select(StoredDocument.id, StoredDocument.body).where(
            or_(StoredDocument.type == ESCALATION_RULE.name, broken),
            StoredDocument.deleted.is_(False),
        )
    ).all()
    out = []
    for doc_id, body in rows:
        doc: Any = orjson.loads(body)
        if not isinstance(doc, dict):  # a peer's nonsense: listed, never a crash
            out.append(Listed(None, doc_id, doc_id, False, "not an escalation rule"))
            continue
        name, active = _text(doc.get("name")) or doc_id, doc.get("active") is not False
        name_cy = _text(doc.get("name_cy"))
        try:
            out.append(Listed(parse_rule(doc), doc_id, name, active, None, name_cy))
        except DocumentError as exc:
            out.append(Listed(None, doc_id, name, active, str(exc), name_cy))
    return sorted(out, key=lambda r: (r.name.casefold(), r.doc_id))


@dataclass(frozen=True)
class NewRule:
    name: str
    target: str  # "response" or "resolve"
    action: str  # "notify", "raise_priority" or "move_queue"
    service_code: str | None = None
    queue_id: str | None = None
    hours_before: int = 0
    to_queue_id: str | None = None
    name_cy: str | None = None  # the Welsh name (optional)


def _checked(session: Session, new: NewRule) -> dict[str, Any]:
    """The rule's fields from what was typed, checked as the worker will use them (a new rule
    and a changed one alike): ValidationError or NotFoundError saying what is wrong."""
    name = " ".join(new.name.split())
    name_cy = _text(new.name_cy)
    if not name:
        raise ValidationError("give the rule a name colleagues will recognise")
    for given in (name, name_cy):
        if given is not None and len(given) > NAME_MAX:
            raise ValidationError(f"a rule's name is at most {NAME_MAX} characters")
    if new.target not in vocab.ESCALATION_TARGETS:
        raise ValidationError(f"the target is one of {', '.join(vocab.ESCALATION_TARGETS)}")
    if new.action not in vocab.ESCALATION_ACTIONS:
        raise ValidationError(f"the action is one of {', '.join(vocab.ESCALATION_ACTIONS)}")
    if (
        new.service_code
        and session.scalar(select(Service.id).where(Service.code == new.service_code)) is None
    ):
        raise NotFoundError(f"no service {new.service_code!r}")
    to_queue_id = new.to_queue_id if new.action == "move_queue" else None
    for queue_id in (new.queue_id, to_queue_id):
        queue = session.get(Queue, queue_id) if queue_id else None
        if queue_id and (queue is None or not queue.active):
            raise NotFoundError(f"no open queue {queue_id!r}")
    return {
        "name": name,
        "name_cy": name_cy,
        "service_code": new.service_code or None,
        "queue_id": new.queue_id or None,
        "target": new.target,
        "hours_before": new.hours_before,
        "action": new.action,
        "to_queue_id": to_queue_id or None,
    }


def _document(rule_id: str, fields: dict[str, Any]) -> Document:
    try:
        doc = new_document(ESCALATION_RULE, rule_id, fields)
        parse_rule(doc)  # the worker's own checks: a service or a queue, a target queue to move to
    except DocumentError as exc:
        raise ValidationError(str(exc).split(": ", 1)[-1]) from None
    return doc


def add_rule(session: Session, actor: Actor, new: NewRule) -> tuple[str, ChangeSet]:
    """A new rule, in the actor's name (only a supervisor or an admin may)."""
    fields = _checked(session, new)
    rule_id = new_id(ESCALATION_RULE.id_prefix)
    stamp = {"active": True, "by": actor.staff_id, "updated_at": to_iso(utcnow())}
    doc = _document(rule_id, {**fields, **stamp})
    local.require(actor.person_in(session), rule_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "escalation.added", rule_id, fields["name"]))
    return rule_id, changes


def set_active(session: Session, actor: Actor, rule_id: str, active: bool) -> ChangeSet:
    """Turn a rule off (it fires no more) or on again; never deleted, so what it did stays
    explained."""
    doc = docstore.get(session, rule_id)
    if doc is None or doc.get("type") != ESCALATION_RULE.name:
        raise NotFoundError(f"no escalation rule {rule_id}")
    if (doc.get("active") is not False) == active:
        return ChangeSet()
    new = {**doc, "active": active, "by": actor.staff_id, "updated_at": to_iso(utcnow())}
    local.require(actor.person_in(session), rule_id, new, doc)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    action = "escalation.enabled" if active else "escalation.disabled"
    changes.merge(audit.record(session, actor, action, rule_id, str(doc.get("name", ""))))
    return changes


@dataclass(frozen=True)
class Held:
    """A rule as it may be changed: what can be read of it, the revision that was read (a
    change is made on it, or refused), whether it is on, and why it cannot be used, if not."""

    doc_id: str
    rev: str
    values: NewRule
    active: bool
    problem: str | None


def _stored(session: Session, rule_id: str) -> tuple[Document, str | None]:
    """The winning revision of an escalation rule, usable or not, and its problem."""
    row = session.get(StoredDocument, rule_id)
    if row is None or not rule_id.startswith(ESCALATION_RULE.id_prefix + ":"):
        raise NotFoundError(f"no escalation rule {rule_id}")
    if row.deleted:
        raise NotFoundError(f"escalation rule {rule_id} was deleted elsewhere; nothing was saved")
    doc: Any = orjson.loads(row.body)
    if not isinstance(doc, dict) or doc.get("type") != ESCALATION_RULE.name:
        # The rules refuse a record changing its type: this one is not the window's to mend.
        raise NotFoundError(f"{rule_id} is not an escalation rule this laptop can change")
    try:
        parse_rule(doc)
        problem = None
    except DocumentError as exc:
        problem = str(exc).split(": ", 1)[-1]
    return doc, problem


def _id_text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def read_rule(session: Session, rule_id: str) -> Held:
    """The rule as it is now, to be changed. A peer's broken rule is read as far as it can be
    (nonsense is left out, so the form does not offer it as a choice) with its problem."""
    doc, problem = _stored(session, rule_id)
    target, action, hours = doc.get("target"), doc.get("action"), doc.get("hours_before")
    values = NewRule(
        name=_text(doc.get("name")) or "",
        target=target if target in vocab.ESCALATION_TARGETS else vocab.ESCALATION_TARGETS[0],
        action=action if action in vocab.ESCALATION_ACTIONS else vocab.ESCALATION_ACTIONS[0],
        service_code=_id_text(doc.get("service_code")),
        queue_id=_id_text(doc.get("queue_id")),
        hours_before=hours if isinstance(hours, int) and not isinstance(hours, bool) else 0,
        to_queue_id=_id_text(doc.get("to_queue_id")) if action == "move_queue" else None,
        name_cy=_text(doc.get("name_cy")),
    )
    return Held(rule_id, str(doc["_rev"]), values, doc.get("active") is not False, problem)


def update_rule(session: Session, actor: Actor, rule_id: str, rev: str, new: NewRule) -> ChangeSet:
    """A new revision of the rule, made on ``rev`` (the revision the supervisor read), checked
    as a new rule is. Refused with nothing written when someone else changed (ConflictError) or
    deleted (NotFoundError) it since; on or off stays as it is. Nothing changed: nothing
    written."""
    current, problem = _stored(session, rule_id)
    if current["_rev"] != rev:  # never on a revision that no longer wins, even a leaf
        raise ConflictError(
            f"escalation rule {rule_id} was changed by someone else since it was read "
            f"(now at {current['_rev']}); nothing was saved: open it again to see their change"
        )
    fields = _checked(session, new)
    active = current.get("active") is not False
    stamp = {"active": active, "by": actor.staff_id, "updated_at": to_iso(utcnow())}
    doc = {**_document(rule_id, {**fields, **stamp}), "_rev": rev}
    local.require(actor.person_in(session), rule_id, doc, current)  # an agent, even for nothing
    if problem is None and all(current.get(k) == v for k, v in fields.items()):
        return ChangeSet()
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "escalation.changed", rule_id, fields["name"]))
    return changes
