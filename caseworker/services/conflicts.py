"""Conflicting revisions, shown field by field and resolved by a person.

Two offline edits of one record leave two live leaves; every peer shows the same winner
(CouchDB's rule) and keeps the other. Resolving writes the chosen values as a new revision on
the winning branch and deletes every losing branch, as CouchDB recommends, and leaves an audit
event saying which fields came from which revision.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.errors import ValidationError
from caseworker.models import AuditEvent, CaseEvent, StaffMember
from caseworker.services import audit
from caseworker.services.cases import record_event
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import from_iso, to_iso, utcnow

# Bookkeeping fields: never offered as differences, never chosen.
_IGNORED = frozenset({"_id", "_rev", "_deleted", "_attachments", "type", "schema", "updated_at"})


@dataclass(frozen=True)
class FieldDifference:
    field: str
    winner_rev: str
    winner_value: Any
    others: dict[str, Any]  # losing revision -> its value


@dataclass(frozen=True)
class Version:
    """One live version: when it was saved and, where its history says, by whom."""

    rev: str
    at: datetime | None
    by: str | None  # a staff id
    by_name: str | None


# Text that may be kept from every version at once, joined (and the longest the field takes).
KEEP_BOTH: dict[str, tuple[str, int]] = {"summary": (" / ", 300), "description": ("\n\n", 4000)}


def versions(session: Session, doc_id: str) -> list[Version]:
    """The live versions, the winner first. Who saved each is read from the history written
    in the same transaction (a case event, else an audit event, at the same moment)."""
    found = []
    for body in _live_leaves(session, doc_id):
        at = _moment(body.get("updated_at"))
        by = _saved_by(session, doc_id, at) if at is not None else None
        name = session.scalar(select(StaffMember.name).where(StaffMember.id == by)) if by else None
        found.append(Version(str(body["_rev"]), at, by, name))
    return found


def _moment(value: object) -> datetime | None:
    try:
        return from_iso(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _saved_by(session: Session, doc_id: str, at: datetime) -> str | None:
    by = session.scalar(
        select(CaseEvent.by).where(CaseEvent.case_id == doc_id, CaseEvent.at == at).limit(1)
    )
    if by is None:
        by = session.scalar(
            select(AuditEvent.by)
            .where(AuditEvent.subject_id == doc_id, AuditEvent.at == at)
            .limit(1)
        )
    return by


def both(field: str, values: list[Any]) -> str | None:
    """Every version's text of ``field`` kept at once (winner's first), or None when the field
    is not free text, fewer than two versions have text, or the joined text would not fit."""
    rule = KEEP_BOTH.get(field)
    texts: list[str] = []
    for value in values:
        if isinstance(value, str) and value.strip() and value not in texts:
            texts.append(value)
    if rule is None or len(texts) < 2:
        return None
    joined = rule[0].join(texts)
    return joined if len(joined) <= rule[1] else None


def _live_leaves(session: Session, doc_id: str) -> list[dict[str, Any]]:
    return [b for b in docstore.leaf_bodies(session, doc_id) if not b.get("_deleted")]


def field_differences(session: Session, doc_id: str) -> list[FieldDifference]:
    """Every field whose value is not the same on all live leaves (empty: no conflict)."""
    leaves = _live_leaves(session, doc_id)
    if len(leaves) < 2:
        return []
    winner, others = leaves[0], leaves[1:]
    names = sorted({k for body in leaves for k in body} - _IGNORED)
    return [
        FieldDifference(
            name, winner["_rev"], winner.get(name), {o["_rev"]: o.get(name) for o in others}
        )
        for name in names
        if any(o.get(name) != winner.get(name) for o in others)
    ]


def resolve(session: Session, actor: Actor, doc_id: str, chosen: dict[str, Any]) -> ChangeSet:
    """Keep the winner's values except those in ``chosen``; delete the losing branches."""
    leaves = _live_leaves(session, doc_id)
    if len(leaves) < 2:
        raise ValidationError(f"{doc_id} has no conflict to resolve")
    differing = {d.field: d for d in field_differences(session, doc_id)}
    unknown = set(chosen) - set(differing)
    if unknown:
        raise ValidationError(f"not a conflicting field: {', '.join(sorted(unknown))}")
    merged = dict(leaves[0])
    taken_from = []
    for name, value in chosen.items():
        diff = differing[name]
        offered = [diff.winner_value, *diff.others.values()]
        joined = value is not None and value not in offered and value == both(name, offered)
        if value not in offered and not joined:
            raise ValidationError(f"{name}: choose one of the conflicting values")
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = value
        if joined:
            taken_from.append(f"{name} from every version")
            continue
        rev = next((r for r, v in diff.others.items() if v == value), diff.winner_rev)
        taken_from.append(f"{name} from {rev}")
    if "updated_at" in merged:
        merged["updated_at"] = to_iso(utcnow())
    # The same rules as any edit: the merged revision replaces the winner, and deleting a
    # losing branch needs the right to change the record.
    person = actor.person_in(session)
    local.require(person, doc_id, merged, leaves[0])
    tombstones = [
        {"_id": doc_id, "_rev": loser["_rev"], "type": loser.get("type")} for loser in leaves[1:]
    ]
    for tombstone in tombstones:
        local.require(person, doc_id, {**tombstone, "_deleted": True}, leaves[0], side_branch=True)
    changes = ChangeSet()
    changes.add(docstore.put(session, merged))
    for tombstone in tombstones:
        changes.add(docstore.put(session, tombstone, deleted=True))
    detail = "; ".join(taken_from) or f"kept {leaves[0]['_rev']}"
    changes.merge(audit.record(session, actor, "conflict.resolved", doc_id, detail))
    if merged.get("type") == "case":
        changes.add(
            record_event(
                session, actor, doc_id, "conflict_resolved", to_iso(utcnow()), comment=detail
            )
        )
    return changes
