"""Merging duplicate citizens, undoing it, and recording that two are different people.

A merge is one document (``merge:<key>`` for the merged ``citizen:<key>``); neither citizen's
document, nor any case, contact or note, is rewritten. The merged citizen's projection gets
``merged_into`` (``caseworker.store.merged``) and every view resolves it to its survivor
(``resolve``) and shows the survivor with everything merged into it (``family``). So a laptop
that edited either citizen offline keeps its edit, which shows under the survivor, and undoing
the merge gives each record back exactly as it is.

What a conflict does: a merge never conflicts with an edit of a citizen (different
documents). Two supervisors merging the same citizen offline write the same merge document:
CouchDB's winner decides where it is merged for now, the merge is marked conflicted, and the
conflict view shows both, for one of them to settle.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.access.merge_rules import distinct_id_of, is_active, merge_id_of
from caseworker.documents.codec import new_document
from caseworker.documents.types import DISTINCT, MERGE
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import Citizen, DistinctPair, Merge
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

MAX_CHAIN = 50  # merges followed from one citizen to its survivor (a cycle stops sooner)
_EPISODE = ("survivor_id", "at", "by", "reason", "undone_at", "undone_by", "undo_reason")


def _reason(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError("say why")
    if len(cleaned) > 500:
        raise ValidationError("a reason can be at most 500 characters")
    return cleaned


def _citizen(session: Session, citizen_id: str) -> Citizen:
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise NotFoundError(f"no citizen with id {citizen_id}")
    return citizen


def merge(
    session: Session, actor: Actor, survivor_id: str, other_id: str, reason: str
) -> tuple[str, ChangeSet]:
    """Merge ``other_id`` into ``survivor_id``; the merge's id and what was written."""
    why = _reason(reason)
    if survivor_id == other_id:
        raise ValidationError("a citizen cannot be merged into themselves")
    _citizen(session, survivor_id)
    _citizen(session, other_id)
    merge_id = merge_id_of(other_id)
    current = docstore.get(session, merge_id)
    survivor_merge = docstore.get(session, merge_id_of(survivor_id))
    if is_active(current):
        assert current is not None
        raise ValidationError(f"{other_id} is already merged into {current['survivor_id']}")
    if resolve(session, survivor_id) == other_id:
        raise ValidationError("that would merge a record into one merged into it")
    fields: dict[str, Any] = {
        "merged_id": other_id,
        "survivor_id": survivor_id,
        "state": "merged",
        "at": to_iso(utcnow()),
        "by": actor.staff_id,
        "reason": why,
    }
    if current is not None:  # merged before and undone: that episode is kept
        episode = {k: current[k] for k in _EPISODE if current.get(k) is not None}
        fields["history"] = [*(current.get("history") or []), episode]
    doc = new_document(MERGE, merge_id, fields)
    if current is not None:
        doc["_rev"] = current["_rev"]
    local.require(actor.person_in(session), merge_id, doc, current, survivor_merge=survivor_merge)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "citizen.merged", other_id, survivor_id))
    return merge_id, changes


def unmerge(session: Session, actor: Actor, merge_id: str, reason: str) -> ChangeSet:
    """Undo a merge: both records stand apart again, exactly as they are now."""
    why = _reason(reason)
    current = docstore.get(session, merge_id)
    if current is None or current.get("type") != "merge":
        raise NotFoundError(f"no merge with id {merge_id}")
    if not is_active(current):
        raise ValidationError("this merge was undone already")
    doc = {
        **current,
        "state": "undone",
        "undone_at": to_iso(utcnow()),
        "undone_by": actor.staff_id,
        "undo_reason": why,
    }
    local.require(actor.person_in(session), merge_id, doc, current)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "citizen.unmerged", current["merged_id"], why))
    return changes


def not_same_person(
    session: Session, actor: Actor, a: str, b: str, reason: str | None = None
) -> tuple[str, ChangeSet]:
    """Record that two citizens are different people: the pair is not offered again."""
    if a == b:
        raise ValidationError("a citizen is always the same person as themselves")
    _citizen(session, a)
    _citizen(session, b)
    doc_id = distinct_id_of(a, b)
    if docstore.get(session, doc_id) is not None:
        raise ValidationError("this pair was already decided to be different people")
    first, second = sorted((a, b))
    why = " ".join((reason or "").split())[:500] or None
    doc = new_document(
        DISTINCT,
        doc_id,
        {
            "first_id": first,
            "second_id": second,
            "at": to_iso(utcnow()),
            "by": actor.staff_id,
            "reason": why,
        },
    )
    local.require(actor.person_in(session), doc_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "citizen.not_same_person", first, second))
    return doc_id, changes


def resolve(session: Session, citizen_id: str) -> str:
    """The record a citizen is shown as: itself, or the survivor it was merged into (through
    any chain; a cycle, which only two offline merges can make, stops where it turns)."""
    seen = {citizen_id}
    current = citizen_id
    for _ in range(MAX_CHAIN):
        target = session.scalar(select(Citizen.merged_into).where(Citizen.id == current))
        if target is None or target in seen or session.get(Citizen, target) is None:
            return current
        seen.add(target)
        current = target
    return current


def family(session: Session, survivor_id: str) -> list[str]:
    """The survivor, then every citizen merged into it (through any chain), oldest first."""
    found = [survivor_id]
    frontier = [survivor_id]
    while frontier and len(found) < MAX_CHAIN:
        rows = session.scalars(
            select(Citizen.id)
            .where(Citizen.merged_into.in_(frontier))
            .order_by(Citizen.created_at, Citizen.id)
        ).all()
        frontier = [r for r in rows if r not in found]
        found += frontier
    return found[:MAX_CHAIN]


@dataclass(frozen=True)
class MergeRecord:
    id: str
    merged_id: str
    survivor_id: str
    state: str
    at: str
    by: str
    reason: str
    undone_at: str | None
    undone_by: str | None
    undo_reason: str | None
    conflicted: bool


def merges_of(session: Session, citizen_id: str) -> list[MergeRecord]:
    """The merges naming a citizen (merged away or surviving), newest first."""
    rows = session.scalars(
        select(Merge)
        .where(or_(Merge.merged_id == citizen_id, Merge.survivor_id == citizen_id))
        .order_by(Merge.at.desc())
    ).all()
    return [
        MergeRecord(
            m.id,
            m.merged_id,
            m.survivor_id,
            m.state,
            to_iso(m.at),
            m.by,
            m.reason,
            to_iso(m.undone_at) if m.undone_at else None,
            m.undone_by,
            m.undo_reason,
            m.conflicted,
        )
        for m in rows
    ]


def decided_distinct(session: Session, a: str, b: str) -> bool:
    first, second = sorted((a, b))
    found = session.scalar(
        select(DistinctPair.id).where(
            DistinctPair.first_id == first, DistinctPair.second_id == second
        )
    )
    return found is not None
