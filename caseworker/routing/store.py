"""The council's routing rules in the local store: read (compiled once per revision), decide
for a case, and change them as a supervisor, each change one new revision that syncs.

Reading is fast when nothing changed: only the document's revision is read, and the rules
compiled for that revision are reused (a new case is routed in well under a millisecond on
the demo rules, and in a few milliseconds on 10,000 rules). A routing document that cannot be
used (it fails its schema or its rules' checks, e.g. one that arrived by sync from a newer
build or was written by hand) never stops a case from being opened: cases go to their
service's default queue, and ``Decision.note`` says why.
"""

import threading
import uuid
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.documents.codec import Document, check, new_document
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import ROUTING, ROUTING_ID
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import Identifier, Queue, Service, StoredDocument
from caseworker.routing import check as shape
from caseworker.routing.areas import prefix_key
from caseworker.routing.evaluate import Decision, Rule, compile_rules, decide
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

RuleData = dict[str, Any]  # one rule as the document holds it
NEWER = "a newer version of Caseworker saved these routing rules: update Caseworker to change them"


@dataclass(frozen=True)
class Routing:
    """The routing rules as stored: ``raw`` for editing, ``rules`` for deciding; ``note`` says
    why they are not used (then ``rules`` is empty), ``conflicted`` that two edits met."""

    rev: str | None
    raw: tuple[RuleData, ...]
    rules: tuple[Rule, ...]
    note: str | None = None
    conflicted: bool = False


_NONE = Routing(None, (), ())
_lock = threading.Lock()
# Per store (its engine; gone with it), the rules of the revision last read. Within one store a
# revision id stands for one body: a replicated revision it already has changes nothing.
_compiled: "weakref.WeakKeyDictionary[Engine, Routing]" = weakref.WeakKeyDictionary()


def load(session: Session) -> Routing:
    """The routing rules of this store (none: every case goes to its service's default)."""
    row = session.execute(
        select(StoredDocument.rev, StoredDocument.deleted, StoredDocument.conflicted).where(
            StoredDocument.id == ROUTING_ID
        )
    ).first()
    if row is None or row.deleted:
        return _NONE
    engine = session.get_bind().engine
    with _lock:
        found = _compiled.get(engine)
    if found is not None and found.rev == row.rev and found.conflicted == bool(row.conflicted):
        return found
    body = session.scalar(select(StoredDocument.body).where(StoredDocument.id == ROUTING_ID))
    made = _compile(row.rev, orjson.loads(body or "{}"), bool(row.conflicted))
    with _lock:
        _compiled[engine] = made
    return made


def _compile(rev: str, doc: Document, conflicted: bool) -> Routing:
    try:
        check(doc)
    except DocumentError as exc:
        return Routing(rev, (), (), f"the routing rules cannot be used: {exc}", conflicted)
    reason = shape.problem(ROUTING_ID, doc)
    if reason is not None:
        return Routing(rev, (), (), f"the routing rules cannot be used: {reason}", conflicted)
    raw = tuple(dict(r) for r in doc["rules"])
    return Routing(rev, raw, compile_rules(raw), None, conflicted)


def usable_queues(session: Session) -> frozenset[str]:
    return frozenset(session.scalars(select(Queue.id).where(Queue.active.is_(True))))


def citizen_postcode(session: Session, citizen_id: str) -> str | None:
    """The postcode of a citizen's most recently added address, if they have one."""
    return session.scalar(
        select(Identifier.postcode)
        .where(
            Identifier.citizen_id == citizen_id,
            Identifier.kind == "address",
            Identifier.postcode.is_not(None),
        )
        .order_by(Identifier.added_at.desc())
        .limit(1)
    )


def decide_for(session: Session, service: Service, postcode: str | None, channel: str) -> Decision:
    """Where a case of ``service`` at ``postcode``, reported by ``channel``, goes."""
    routing = load(session)
    return decide(
        routing.rules,
        service_code=service.code,
        default_queue_id=service.default_queue_id,
        postcode=postcode,
        channel=channel,
        usable_queues=usable_queues(session) if routing.rules else frozenset(),
        note=routing.note,
    )


def queue_for_new_case(
    session: Session,
    service: Service,
    postcode: str | None,
    citizen_id: str | None,
    channel: str,
) -> str | None:
    """The queue for a new case: by the case's location, else its citizen's address."""
    postcode = (postcode or "").strip() or None
    if postcode is None and citizen_id is not None:
        postcode = citizen_postcode(session, citizen_id)
    return decide_for(session, service, postcode, channel).queue_id


def service_by_code(session: Session, code: str) -> Service:
    service = session.scalar(select(Service).where(Service.code == code))
    if service is None:
        raise NotFoundError(f"no council service with code {code!r}")
    return service


# Changing the rules (supervisors and admins; the access rules say so, here and on the server).


def new_rule_id() -> str:
    return uuid.uuid4().hex[:12]


def save_rules(
    session: Session, actor: Actor, rules: Sequence[Mapping[str, Any]], what: str
) -> ChangeSet:
    """Replace the routing rules with ``rules`` (in order), as one new revision; ``what`` says
    what changed, for the audit trail. A rule that is new, or now names another queue, must
    name an active queue (one that named a queue since closed may stay: it is passed over)."""
    current = docstore.get(session, ROUTING_ID)
    version = current.get("schema") if current is not None else None
    if isinstance(version, int) and version > ROUTING.schema_version:
        raise ValidationError(NEWER)  # saving would drop what the newer version keeps there
    before = {}
    if current is not None and isinstance(current.get("rules"), list):
        before = {r.get("id"): r.get("queue_id") for r in current["rules"] if isinstance(r, dict)}
    usable = usable_queues(session)
    cleaned = [_cleaned(r) for r in rules]
    for rule in cleaned:
        if before.get(rule["id"]) != rule["queue_id"] and rule["queue_id"] not in usable:
            raise ValidationError(
                f"routing rule {rule['name']!r}: {rule['queue_id']} is not an active queue"
            )
    fields = {"rules": cleaned, "updated_at": to_iso(utcnow()), "updated_by": actor.staff_id}
    doc = new_document(ROUTING, ROUTING_ID, fields)
    if current is not None:
        doc["_rev"] = current["_rev"]
    local.require(actor.person_in(session), ROUTING_ID, doc, current)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "routing.changed", ROUTING_ID, what))
    return changes


def _cleaned(rule: Mapping[str, Any]) -> RuleData:
    """A rule as it is saved: trimmed, areas in their canonical form, empty lists left out."""

    def listed(name: str) -> list[str]:
        values = rule.get(name) or []
        return list(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))

    areas = [prefix_key(a) or a for a in listed("areas")]
    out: RuleData = {
        "id": str(rule.get("id") or new_rule_id()),
        "name": " ".join(str(rule.get("name") or "").split()),
        "queue_id": str(rule.get("queue_id") or ""),
    }
    welsh = " ".join(str(rule.get("name_cy") or "").split())
    if welsh:
        out["name_cy"] = welsh  # the Welsh name, shown when the window is in Welsh
    for name, values in (
        ("service_codes", listed("service_codes")),
        ("areas", list(dict.fromkeys(areas))),
        ("channels", listed("channels")),
    ):
        if values:
            out[name] = values
    return out


def _current_raw(session: Session) -> list[RuleData]:
    """The rules an edit starts from: those in use (none when the record cannot be used, so the
    edit replaces it; its revision stays in the history)."""
    return [dict(r) for r in load(session).raw]


def add_rule(
    session: Session, actor: Actor, rule: Mapping[str, Any], at: int | None = None
) -> tuple[str, ChangeSet]:
    """Add a rule (at position ``at``, else last); its id."""
    rules = _current_raw(session)
    added = {**rule, "id": new_rule_id()}
    rules.insert(len(rules) if at is None else max(0, min(at, len(rules))), added)
    changes = save_rules(session, actor, rules, f"added rule {added.get('name')!s:.200}")
    return str(added["id"]), changes


def update_rule(session: Session, actor: Actor, rule_id: str, rule: Mapping[str, Any]) -> ChangeSet:
    rules = _current_raw(session)
    at = _index(rules, rule_id)
    rules[at] = {**rule, "id": rule_id}
    return save_rules(session, actor, rules, f"changed rule {rule.get('name')!s:.200}")


def delete_rule(session: Session, actor: Actor, rule_id: str) -> ChangeSet:
    rules = _current_raw(session)
    gone = rules.pop(_index(rules, rule_id))
    return save_rules(session, actor, rules, f"deleted rule {gone.get('name')!s:.200}")


def move_rule(session: Session, actor: Actor, rule_id: str, step: int) -> tuple[int, ChangeSet]:
    """Move a rule ``step`` places (-1 up, +1 down); its new position (unchanged at an end)."""
    rules = _current_raw(session)
    at = _index(rules, rule_id)
    to = max(0, min(at + step, len(rules) - 1))
    if to == at:
        return at, ChangeSet()
    rules.insert(to, rules.pop(at))
    name = rules[to].get("name")
    return to, save_rules(session, actor, rules, f"moved rule {name!s:.200} to {to + 1}")


def _index(rules: list[RuleData], rule_id: str) -> int:
    for n, rule in enumerate(rules):
        if rule.get("id") == rule_id:
            return n
    raise NotFoundError(f"no routing rule {rule_id!r} (another change may have removed it)")
