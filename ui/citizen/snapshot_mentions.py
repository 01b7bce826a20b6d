"""A citizen's social-media mentions for the single view, and why each is linked to them.

A mention belongs in the timeline of the citizen it is linked to: by its triage
(``mentions.citizen_id``) or by an identity link naming the citizen that nobody has undone.
Three indexed reads whatever the council's size: mentions by citizen, links by citizen, links
by the mentions found (for the reasons).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.documents.types import MENTION
from caseworker.identity import normalise
from caseworker.models import IdentityLink, Mention

_MENTION_PREFIX = MENTION.id_prefix + ":"


@dataclass(frozen=True)
class MentionDetail:
    """What the timeline shows of a mention: the post (plain text only; its address is shown
    as text the person chooses to open) and how it came to be linked."""

    id: str
    at: datetime  # published
    author_handle: str
    author_name: str | None
    text: str
    url: str | None
    state: str
    deleted: bool
    case_id: str | None
    linked_how: str | None  # "automatic", "person", or None (its triage only)
    linked_by: str | None  # the staff id who linked it (a person's link, or the triage)
    probability: float | None
    reasons: tuple[str, ...]  # identity reason codes, strongest first
    linked_by_name: str = ""  # in a snapshot: the name of ``linked_by``


@dataclass(frozen=True)
class LinkedMentions:
    mentions: tuple[MentionDetail, ...]
    truncated: bool


def linked_mentions(session: Session, ids: list[str], limit: int) -> LinkedMentions:
    """The newest ``limit`` mentions linked to any of ``ids`` (a citizen and those merged
    into it), newest first."""
    rows = list(
        session.scalars(
            select(Mention)
            .where(Mention.citizen_id.in_(ids))
            .order_by(Mention.published_at.desc())
            .limit(limit + 1)
        )
    )
    links = list(
        session.scalars(
            select(IdentityLink).where(
                IdentityLink.citizen_id.in_(ids), IdentityLink.undone_at.is_(None)
            )
        )
    )
    have = {m.id for m in rows}
    extra = {
        link.subject_id
        for link in links
        if link.subject_id.startswith(_MENTION_PREFIX) and link.subject_id not in have
    }
    if extra:
        rows += session.scalars(select(Mention).where(Mention.id.in_(extra)))
    if rows:
        by_subject = session.scalars(
            select(IdentityLink).where(
                IdentityLink.subject_id.in_([m.id for m in rows]),
                IdentityLink.citizen_id.in_(ids),
                IdentityLink.undone_at.is_(None),
            )
        )
        links = list({link.id: link for link in [*links, *by_subject]}.values())
    newest: dict[str, IdentityLink] = {}
    for link in sorted(links, key=lambda k: (k.at, k.id)):
        newest[link.subject_id] = link
    rows.sort(key=lambda m: (m.published_at, m.id), reverse=True)
    details = tuple(_detail(m, newest.get(m.id)) for m in rows[:limit])
    return LinkedMentions(details, len(rows) > limit)


def _detail(m: Mention, link: IdentityLink | None) -> MentionDetail:
    return MentionDetail(
        id=m.id,
        at=m.published_at,
        author_handle=m.author_handle,
        author_name=m.author_name,
        text=m.content_text,
        url=m.url,
        state=m.state,
        deleted=m.deleted_at is not None,
        case_id=m.case_id,
        linked_how=link.method if link is not None else None,
        linked_by=(link.by if link is not None else m.triaged_by),
        probability=link.probability if link is not None else None,
        reasons=tuple(link.reasons.split()) if link is not None else (),
    )


def social_handles(
    identifier_values: list[str], mentions: tuple[MentionDetail, ...]
) -> tuple[str, ...]:
    """The citizen's social handles: those on their record, then those they posted from,
    each once (``@user@host`` however it was typed)."""
    seen: dict[str, str] = {}
    for value in [*identifier_values, *(m.author_handle for m in mentions)]:
        key = normalise.handle(value) or value.strip().lower()
        if key and key not in seen:
            seen[key] = normalise.handle(value) or value.strip()
    return tuple(seen.values())
