"""Changes the central service refused, and the ways out of them.

A push records a refusal on the document (``documents.problem``, see ``sync.push``); the
refused revision stays here, is shown as refused and is not sent again until it is edited.
Two ways out, given the server's current version (fetched by ``sync.refusals``; anything it
sent is checked here first: it comes from the network):

- ``take_server``: a new revision on top of the refused one whose content is the server's
  version. It descends from the server's winner through the refused revision and changes
  nothing the server judges, so the next push is accepted and every copy agrees again. When
  the server's winner is not in this laptop's history (someone changed it since), the server's
  revision is merged in and the refused branch is deleted instead, which leaves no conflict.
- ``reapply``: start from the server's version and apply, field by field, what the refused
  revision changed, keeping only what the shared rules (``caseworker.access``, for the person
  signed in here) still allow; the rest is dropped and said.

Append-only records (a note, a contact, a history entry) cannot be re-applied: a new one would
be a different record. They are kept as a local draft shown as refused (``keep``), or removed
here without pushing anything (``discard``). Records that describe a refused change (its case
events and audit events, refused with it) go when either way out is taken: the change they
describe did not happen.

Like every service, these take a Session and never commit.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.access import rules
from caseworker.access.channels import root_of
from caseworker.access.people import Person
from caseworker.access.writes import HELD_LOCALLY, Write, judge
from caseworker.documents.codec import Document, check
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import DOC_TYPES
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.services import audit, workflow
from caseworker.services.cases import record_event
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore, purge, replication
from caseworker.store.writer import DOCS
from caseworker.timeutil import to_iso, utcnow

KEPT = " [kept here as a draft]"  # added to the refusal when a person keeps a refused record
LIMIT = 1000
# Bookkeeping: never a change of its own to re-apply.
_IGNORED = frozenset({"type", "schema", "updated_at"})
# What a server sends beside a document's fields (asked for, or about its tree): not content.
_META = frozenset({"_revisions", "_conflicts", "_deleted_conflicts", "_revs_info", "_local_seq"})
_EVENT_KINDS = {
    "status": "status_changed",
    "assignee_id": "assigned",
    "priority": "priority_changed",
    "queue_id": "queue_changed",
}


@dataclass(frozen=True)
class Refusal:
    doc_id: str
    doc_type: str | None
    rev: str
    reason: str  # the central service's words
    append_only: bool  # a note, contact or history entry: keep or discard only
    kept: bool  # kept here as a draft
    describes: str | None  # the record whose change it describes (a case event's case)
    root: str | None  # the case or citizen it belongs to (``caseworker.access.channels``)


@dataclass
class Reapplied:
    changes: ChangeSet = field(default_factory=ChangeSet)
    applied: list[str] = field(default_factory=list)  # fields re-applied
    dropped: list[tuple[str, str]] = field(default_factory=list)  # field, why


def _split(problem: str | None) -> tuple[str, bool] | None:
    """The refusal's reason and whether it was kept, or None when it is no refusal."""
    if problem is None:
        return None
    for mark in purge.REFUSAL_MARKS:
        if problem.startswith(mark):
            reason = problem[len(mark) :].lstrip(": ").strip()
            kept = reason.endswith(KEPT.strip())
            if kept:
                reason = reason[: -len(KEPT.strip())].rstrip()
            return reason or mark, kept
    return None


def _refusal(row: StoredDocument) -> Refusal | None:
    split = _split(row.problem)
    if split is None:
        return None
    reason, kept = split
    body = json.loads(row.body)
    kind = row.type or body.get("type")
    doc_type = DOC_TYPES.get(kind) if isinstance(kind, str) else None
    return Refusal(
        row.id,
        doc_type.name if doc_type else None,
        row.rev,
        reason,
        bool(doc_type and doc_type.append_only),
        kept,
        rules.described(body) if isinstance(body, dict) else None,
        root_of(row.id, body) if isinstance(body, dict) else None,
    )


def refused(session: Session, limit: int = LIMIT) -> list[Refusal]:
    """Every record whose last push was refused, newest first."""
    rows = session.scalars(
        select(StoredDocument)
        .where(StoredDocument.problem.is_not(None))
        .order_by(StoredDocument.seq.desc())
    )
    found: list[Refusal] = []
    for row in rows:
        refusal = _refusal(row)
        if refusal is not None:
            found.append(refusal)
            if len(found) >= limit:
                break
    return found


def refused_under(session: Session, root: str) -> list[Refusal]:
    """The refusals of a case or citizen and of the records that belong to it (its notes and
    contacts), the record's own first."""
    found = [r for r in refused(session) if r.root == root or r.doc_id == root]
    return sorted(found, key=lambda r: r.doc_id != root)


def refusal_of(session: Session, doc_id: str) -> Refusal | None:
    """The refusal of this record, or None (no such record here, or not refused)."""
    row = session.get(StoredDocument, doc_id)
    return None if row is None else _refusal(row)


def require(session: Session, doc_id: str) -> Refusal:
    refusal = refusal_of(session, doc_id)
    if refusal is None:
        if session.get(StoredDocument, doc_id) is None:
            raise NotFoundError(f"no record {doc_id} on this laptop")
        raise NotFoundError(f"{doc_id} was not refused by the central service")
    return refusal


def parent_rev(session: Session, doc_id: str) -> str | None:
    """The revision the refused one was made from (what it changed), if any."""
    tree = docstore.revision_tree(session, doc_id)
    row = session.get(StoredDocument, doc_id)
    if tree is None or row is None:
        return None
    ids = revtree.revisions_of(tree, row.rev)
    start, hashes = ids.get("start"), ids.get("ids")
    if not isinstance(start, int) or not isinstance(hashes, list) or len(hashes) < 2:
        return None
    return f"{start - 1}-{hashes[1]}"


def server_version(refusal: Refusal, sent: object) -> Document | None:
    """What the server sent as its version, checked: None when it holds no live version (the
    server said so: sent None); a ValidationError for anything that is not a valid version of
    this very record."""
    if sent is None:
        return None
    where = "the central service's version"
    if not isinstance(sent, dict):
        raise ValidationError(f"{where} of {refusal.doc_id} is not a document")
    if sent.get("_id") != refusal.doc_id:
        raise ValidationError(f"{where} of {refusal.doc_id} is of another record")
    rev = sent.get("_rev")
    try:
        revtree.parse_rev(rev) if isinstance(rev, str) else None
    except ValueError:
        rev = None
    if not isinstance(rev, str):
        raise ValidationError(f"{where} of {refusal.doc_id} has no usable revision")
    if sent.get("_deleted") is True:
        return None
    if sent.get("_attachments"):
        raise ValidationError(f"{where} of {refusal.doc_id} has attachments: not handled here")
    body = {k: v for k, v in sent.items() if k not in _META}
    try:
        kind = check(body)
    except DocumentError as exc:
        raise ValidationError(f"{where} is not usable: {exc}") from exc
    if refusal.doc_type is not None and kind.name != refusal.doc_type:
        raise ValidationError(
            f"{where} of {refusal.doc_id} is a {kind.name}, not a {refusal.doc_type}"
        )
    return body


# -- the ways out ------------------------------------------------------------------------------


def take_server(session: Session, actor: Actor, doc_id: str, sent: object) -> ChangeSet:
    """Make this laptop's record the server's version again (see the module's note). When the
    server holds no live version, the record is removed here (nothing is pushed)."""
    refusal = require(session, doc_id)
    server = server_version(refusal, sent)
    changes = _discard_descriptions(session, doc_id)
    if server is None:
        changes.merge(_drop(session, doc_id))
        return changes
    if refusal.append_only:
        raise ValidationError(
            f"the central service holds another {refusal.doc_type} with the id {doc_id}: "
            "discard this one"
        )
    changes.merge(_on_top(session, actor, refusal, server, server, sent))
    changes.merge(audit.record(session, actor, "refusal.took_server", doc_id, server["_rev"]))
    return changes


def reapply(
    session: Session, actor: Actor, doc_id: str, sent: object, base: object = None
) -> Reapplied:
    """The server's version with what the refused revision changed (against ``base``, the
    version it was made from, when the server still has it; else against the server's
    version) and the rules still allow, field by field."""
    refusal = require(session, doc_id)
    if refusal.append_only:
        raise ValidationError(
            f"a {refusal.doc_type} cannot be re-applied: keep it as a draft or discard it"
        )
    server = server_version(refusal, sent)
    if server is None:
        raise ValidationError(
            f"the central service holds no version of {doc_id} to re-apply the change to"
        )
    try:
        before = server_version(refusal, base) or server
    except ValidationError:
        before = server  # an unusable old version: compare with the server's own
    row = session.get(StoredDocument, doc_id)
    assert row is not None
    mine: Document = json.loads(row.body)
    person = actor.person_in(session)
    done = Reapplied()
    new = dict(server)
    if mine.get("_deleted"):
        names: list[str] = []
        write = Write(doc_id, {**server, "_deleted": True}, server, True, True, True)
        done.dropped.append(("deleted", judge(person, write, HELD_LOCALLY) or "not re-applied"))
    else:
        names = sorted(
            k
            for k in {*mine, *before}
            if not k.startswith("_") and k not in _IGNORED and mine.get(k) != before.get(k)
        )
    for name in names:
        if mine.get(name) == new.get(name):
            continue  # already so on the server
        candidate = {k: v for k, v in new.items() if k != name}
        if name in mine:
            candidate[name] = mine[name]
        reason = _allowed(person, doc_id, candidate, server)
        if reason is None:
            new = candidate
            done.applied.append(name)
        else:
            done.dropped.append((name, reason))
    if done.applied and "updated_at" in new:
        new["updated_at"] = to_iso(utcnow())
    done.changes.merge(_discard_descriptions(session, doc_id))
    done.changes.merge(_on_top(session, actor, refusal, new, server, sent))
    now = to_iso(utcnow())
    if new.get("type") == "case":
        for name in done.applied:
            if name in _EVENT_KINDS:
                old, value = _short(server.get(name)), _short(new.get(name))
                event = record_event(
                    session, actor, doc_id, _EVENT_KINDS[name], now, name, old, value
                )
                done.changes.add(event)
    detail = "; ".join(
        [f"re-applied {', '.join(done.applied)}"] * bool(done.applied)
        + [f"dropped {name}: {why}" for name, why in done.dropped]
    )
    done.changes.merge(audit.record(session, actor, "refusal.reapplied", doc_id, detail or None))
    return done


def keep(session: Session, doc_id: str) -> ChangeSet:
    """Keep a refused append-only record here as a draft, shown as refused (never pushed
    again: it can never be accepted as it is)."""
    refusal = require(session, doc_id)
    if not refusal.append_only:
        raise ValidationError(
            "only a refused note, contact or history entry is kept as a draft: "
            "take the server's version or re-apply the change"
        )
    if not refusal.kept:
        row = session.get(StoredDocument, doc_id)
        assert row is not None and row.problem is not None
        text = row.problem + KEPT
        session.execute(DOCS.update().where(DOCS.c.id == doc_id).values(problem=text))
        session.expire(row)
    return ChangeSet()


def discard(session: Session, doc_id: str) -> ChangeSet:
    """Remove a refused append-only record from this laptop, pushing nothing (the server
    never had it)."""
    refusal = require(session, doc_id)
    if not refusal.append_only:
        raise ValidationError(
            f"{doc_id} is on the central service: take its version or re-apply the change"
        )
    return _drop(session, doc_id)


# -- how ---------------------------------------------------------------------------------------


def _allowed(
    person: Person, doc_id: str, candidate: Document, server: Mapping[str, Any]
) -> str | None:
    try:
        check(dict(candidate))
    except DocumentError as exc:
        return str(exc)
    status, before = candidate.get("status"), server.get("status")
    if candidate.get("type") == "case" and status != before:
        # The server's case may have moved on in its workflow: only a step it allows now.
        try:
            workflow.check_transition(str(before), str(status))
        except ValidationError as exc:
            return str(exc)
    return judge(person, Write(doc_id, candidate, server, True, True, True), HELD_LOCALLY)


def _on_top(
    session: Session,
    actor: Actor,
    refusal: Refusal,
    content: Document,
    server: Document,
    sent: object,
) -> ChangeSet:
    """Write ``content`` (the server's version, or it with what may be re-applied) as the
    record's next revision, so the refused revision is no longer anyone's winner."""
    doc_id = refusal.doc_id
    row = session.get(StoredDocument, doc_id)
    assert row is not None
    if row.conflicted:
        raise ValidationError(f"{doc_id} has conflicting versions here: resolve them first")
    tree = revtree.tree_from_json(json.loads(row.rev_tree))
    server_rev = str(server["_rev"])
    ids = revtree.revisions_of(tree, row.rev)
    start, hashes = int(ids["start"]), list(ids["ids"])
    ancestry = {f"{start - n}-{h}" for n, h in enumerate(hashes)}
    person = actor.person_in(session)
    changes = ChangeSet()
    revisions = sent.get("_revisions") if isinstance(sent, dict) else None
    if server_rev not in ancestry and _usable_revisions(revisions, server_rev):
        # The server moved on since: its own revision comes in as it is, the refused branch
        # is deleted (a side branch, as whoever may edit the record resolves a conflict),
        # and what is re-applied goes on top of the server's revision.
        tombstone = {"_id": doc_id, "_rev": row.rev, "type": server.get("type")}
        _require(person, Write(doc_id, {**tombstone, "_deleted": True}, server, True, True, False))
        changes.written += replication.put_replicated_many(
            session, [{**server, "_revisions": revisions}]
        )
        merged = docstore.revision_tree(session, doc_id)
        if merged is None or not revtree.rev_exists(merged, server_rev):
            # Its history could not be read: stop before the refused branch is deleted.
            raise ValidationError(f"the central service's history of {doc_id} is not usable")
        changes.add(docstore.put(session, tombstone, deleted=True))
        if _fields(content) != _fields(server):
            on_server = {**content, "_rev": server_rev}
            _require(person, Write(doc_id, on_server, server, True, True, True))
            changes.add(docstore.put(session, on_server))
        return changes
    # On top of the refused revision: it descends from the server's winner through it (or,
    # when the server sent no history, beside it, judged against it all the same).
    new = {**content, "_rev": row.rev}
    _require(person, Write(doc_id, new, server, True, True, server_rev in ancestry))
    changes.add(docstore.put(session, new))
    return changes


def _require(person: Person, write: Write) -> None:
    reason = judge(person, write, HELD_LOCALLY)
    if reason is not None:
        raise ValidationError(f"the central service would refuse this too: {reason}")


def _fields(doc: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if not k.startswith("_")}


def _usable_revisions(revisions: object, rev: str) -> bool:
    if not isinstance(revisions, dict):
        return False
    start, ids = revisions.get("start"), revisions.get("ids")
    if not isinstance(start, int) or isinstance(start, bool) or not isinstance(ids, list):
        return False
    if not ids or not all(isinstance(i, str) for i in ids):
        return False
    return f"{start}-{ids[0]}" == rev


def _discard_descriptions(session: Session, doc_id: str) -> ChangeSet:
    """Refused records that describe a change of ``doc_id``: that change did not happen."""
    changes = ChangeSet()
    for refusal in refused(session):
        if refusal.describes == doc_id and refusal.doc_id != doc_id and refusal.append_only:
            changes.merge(_drop(session, refusal.doc_id))
    return changes


def _drop(session: Session, doc_id: str) -> ChangeSet:
    """Remove the record here without recording a change: nothing is pushed."""
    session.execute(DOCS.update().where(DOCS.c.id == doc_id).values(problem=None))
    row = session.get(StoredDocument, doc_id)
    if row is not None:
        session.expire(row)
    done = purge.purge(session, [doc_id], pushed=docstore.last_seq(session))
    changes = ChangeSet()
    changes.written += done.written
    return changes


def _short(value: object) -> str | None:
    if value is None:
        return None
    return (value if isinstance(value, str) else json.dumps(value))[:200]
