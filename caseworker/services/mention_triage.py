"""Triage of a social-media mention from the inbox (or the command line): link it to a citizen,
open a case from it, dismiss it as not actionable, or put it back to new.

Every change goes through ``mentions.triage.triaged`` (the one shape the access rules check)
and ``access.local.require``: an agent who is not a member of a social-media queue is refused
here as the server would refuse them. ``seen`` is the triage the person was looking at: when a
colleague changed it meanwhile, nothing is written and ``TriagedMeanwhile`` says who did what,
so their triage is not overwritten by someone who never saw it.

Linking also records an ``identity_link`` (``services.identity_links.link_contact``, method
"person") with the match's probability and reasons: the suggestion's when the person took it,
else the author compared with the citizen they chose, so the link says how alike they are.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.documents.codec import Document
from caseworker.erasure.scope import ANONYMISED
from caseworker.errors import NotFoundError, ValidationError
from caseworker.identity import Match, compare, load_people
from caseworker.mentions.suggest import author_record
from caseworker.mentions.triage import triaged
from caseworker.models import Citizen, IdentityLink, StaffMember
from caseworker.routing import store as routing
from caseworker.services import cases, identity_links, merges
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

SUMMARY_MAX = 200
_STATE_WORDS = {
    "new": "new",
    "linked": "linked to a citizen",
    "case_opened": "turned into a case",
    "answered": "answered",
    "dismissed": "dismissed",
}


class TriagedMeanwhile(ValidationError):
    """Someone else changed the mention's triage after the person looked at it."""


@dataclass(frozen=True)
class Seen:
    """The triage the person was shown: its state and when it was last triaged."""

    state: str
    triaged_at: str | None = None


def load_mention(session: Session, mention_id: str) -> Document:
    doc = docstore.get(session, mention_id)
    if doc is None or doc.get("type") != "mention":
        raise NotFoundError(f"no mention {mention_id}: it may have been removed meanwhile")
    return doc


def _check_seen(session: Session, current: Document, seen: Seen | None) -> None:
    if seen is None:
        return
    if current.get("state") == seen.state and current.get("triaged_at") == seen.triaged_at:
        return
    by = current.get("triaged_by")
    staff = session.get(StaffMember, by) if isinstance(by, str) else None
    who = staff.name if staff is not None else (by or "someone")
    state = _STATE_WORDS.get(str(current.get("state")), str(current.get("state")))
    raise TriagedMeanwhile(
        f"{who} changed this mention meanwhile: it is now {state}. "
        "Nothing was changed; look at it again."
    )


def _save(session: Session, actor: Actor, current: Document, new: Document) -> ChangeSet:
    local.require(actor.person_in(session), current["_id"], new, current)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    return changes


def live_citizen(session: Session, citizen_id: str) -> str:
    """The citizen a mention may be linked to: ``citizen_id``, or the survivor it was merged
    into; refused when there is no such record here or it was erased."""
    survivor = merges.resolve(session, citizen_id)
    doc = docstore.get(session, survivor)
    if doc is None or doc.get("type") != "citizen" or session.get(Citizen, survivor) is None:
        raise NotFoundError(f"no citizen {citizen_id} on this laptop (erased, or never held)")
    if doc.get(ANONYMISED):
        raise ValidationError("this citizen's record was erased: a mention cannot be linked to it")
    return survivor


def _match(session: Session, mention: Document, citizen_id: str) -> Match:
    """The author compared with the citizen: probability and reasons for the link."""
    people = load_people(session, [citizen_id])
    record = people.get(citizen_id)
    if record is None:
        raise NotFoundError(f"no citizen {citizen_id} on this laptop")
    return compare(author_record(mention), record)


def link(
    session: Session,
    actor: Actor,
    mention_id: str,
    citizen_id: str,
    *,
    seen: Seen | None = None,
    suggested: Match | None = None,
) -> ChangeSet:
    """Link the mention to the citizen (or the survivor they were merged into). ``suggested``:
    the suggestion the person took, whose probability and reasons the identity link keeps."""
    current = load_mention(session, mention_id)
    _check_seen(session, current, seen)
    survivor = live_citizen(session, citizen_id)
    if current.get("citizen_id") == survivor:
        raise ValidationError("the mention is already linked to this citizen")
    # A mention already turned into a case (or answered) keeps that state: linking adds who.
    state = str(current.get("state"))
    state = state if state in ("case_opened", "answered") else "linked"
    at = to_iso(utcnow())
    new = triaged(current, state, by=actor.staff_id, at=at, citizen_id=survivor)
    changes = _save(session, actor, current, new)
    changes.merge(_undo_links(session, actor, mention_id, keep=survivor))
    match = suggested if suggested is not None and suggested.right == survivor else None
    match = match or _match(session, current, survivor)
    _link_id, linked = identity_links.link_contact(session, actor, mention_id, match)
    changes.merge(linked)
    return changes


def case_summary(mention: Document) -> str:
    """The case's summary: the post's words on one line, cut, or who posted a deleted one."""
    words = " ".join(str(mention.get("content_text") or "").split())
    handle = str(mention.get("author_handle") or "")
    if not words:
        return f"Social-media mention by {handle} (deleted at its source)"[:SUMMARY_MAX]
    if len(words) > SUMMARY_MAX:
        words = words[: SUMMARY_MAX - 1].rstrip() + "…"
    return words


def _description(mention: Document) -> str:
    lines = [f"From {mention.get('author_handle')} on {mention.get('network')}"]
    if mention.get("url"):
        lines.append(str(mention["url"]))
    if mention.get("content_text"):
        lines += ["", str(mention["content_text"])]
    return "\n".join(lines)


def open_case(
    session: Session,
    actor: Actor,
    mention_id: str,
    service_code: str,
    *,
    seen: Seen | None = None,
    priority: str = "normal",
) -> tuple[str, ChangeSet]:
    """Open a case of ``service_code`` (channel social; routed as any new case of that
    service) from the mention, for its citizen when it is linked to one; the mention becomes
    ``case_opened`` naming the case and keeps its citizen."""
    current = load_mention(session, mention_id)
    _check_seen(session, current, seen)
    if current.get("case_id") and current.get("state") in ("case_opened", "answered"):
        raise ValidationError("a case was already opened from this mention: open that case")
    citizen = current.get("citizen_id")
    citizen_id = live_citizen(session, citizen) if isinstance(citizen, str) else None
    # Refused before the case is written, so a refused triage leaves no case behind.
    at = to_iso(utcnow())
    probe = triaged(
        current,
        "case_opened",
        by=actor.staff_id,
        at=at,
        case_id="case:probe",
        citizen_id=citizen_id,
    )
    local.require(actor.person_in(session), mention_id, probe, current)
    # Triaged already, here: routed as a case of its service (by service and area), not by the
    # rule that sends untriaged social-media posts to the triage queue this person works.
    service = routing.service_by_code(session, service_code)
    queue_id = routing.queue_for_new_case(session, service, None, citizen_id, channel="")
    new_case = cases.NewCase(
        service_code,
        case_summary(current),
        "social",
        citizen_id=citizen_id,
        description=_description(current),
        priority=priority,
        queue_id=queue_id,
    )
    case_id, changes = cases.open_case(session, actor, new_case)
    new = triaged(
        current, "case_opened", by=actor.staff_id, at=at, case_id=case_id, citizen_id=citizen_id
    )
    changes.merge(_save(session, actor, current, new))
    return case_id, changes


def dismiss(
    session: Session, actor: Actor, mention_id: str, *, seen: Seen | None = None
) -> ChangeSet:
    """Not actionable: the mention leaves the new ones; its links, if any, are kept."""
    current = load_mention(session, mention_id)
    _check_seen(session, current, seen)
    if current.get("state") == "dismissed":
        raise ValidationError("the mention is already dismissed")
    new = triaged(current, "dismissed", by=actor.staff_id, at=to_iso(utcnow()))
    return _save(session, actor, current, new)


def reopen(
    session: Session, actor: Actor, mention_id: str, *, seen: Seen | None = None
) -> ChangeSet:
    """Back to new, for a triage made by mistake: the mention names no citizen or case any
    more (a case opened from it stays open, and keeps its own history)."""
    current = load_mention(session, mention_id)
    _check_seen(session, current, seen)
    if current.get("state") == "new":
        raise ValidationError("the mention is already new")
    new = triaged(current, "new", by=actor.staff_id, at=to_iso(utcnow()))
    changes = _save(session, actor, current, new)
    changes.merge(_undo_links(session, actor, mention_id))
    return changes


def _undo_links(
    session: Session, actor: Actor, mention_id: str, keep: str | None = None
) -> ChangeSet:
    """Undo the mention's links that are still in force (but one to ``keep``): a mention put
    back to new, or linked to someone else, no longer says it is the other citizen's, in their
    timeline or anywhere. The central worker never links a mention whose link was undone."""
    changes = ChangeSet()
    in_force = select(IdentityLink.id).where(
        IdentityLink.subject_id == mention_id, IdentityLink.undone_at.is_(None)
    )
    if keep is not None:
        in_force = in_force.where(IdentityLink.citizen_id != keep)
    for link_id in session.scalars(in_force).all():
        changes.merge(identity_links.undo_link(session, actor, link_id))
    return changes
