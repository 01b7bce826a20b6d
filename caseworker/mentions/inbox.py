"""The mentions inbox's reads: a page of mentions by triage state, newest first, and everything
the detail pane shows of one. Used by the window (on the database worker), the command line
and the benchmark.

Pages are read by key (the last row's ``published_at`` and rowid), not by OFFSET, on the
``(state, published_at)`` index (``ix_mentions_state_published``), so the hundredth page costs
what the first does. Only the start of each post's words is read for the list.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, literal, literal_column, select, tuple_
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local
from caseworker.access.channels import EVERYTHING, MENTIONS, shared_roots
from caseworker.documents.codec import Document
from caseworker.errors import NotFoundError, ValidationError
from caseworker.mentions.suggest import (
    CitizenSuggestion,
    ServiceSuggestion,
    rank_services,
    suggest_citizen,
    suggest_service,
)
from caseworker.models import Case, Citizen, Mention, StaffMember
from caseworker.store import docstore

PAGE_SIZE = 100
LIST_TEXT = 300  # characters of a post read for the list (the view elides it further)
_ROWID: Any = literal_column("mentions.rowid")


def holds_inbox(session: Session, staff_id: str, role: str) -> bool:
    """Whether this member of staff works the mentions inbox: they hold the mentions channel
    (supervisors, admins, agents of a queue that takes social-media work; read from the local
    staff and queue records, as the server reads its own)."""
    roots = shared_roots(local.person_of(session, staff_id, role))
    return EVERYTHING in roots or MENTIONS in roots


@dataclass(frozen=True)
class MentionRow:
    id: str
    author_handle: str
    author_name: str | None
    published_at: datetime
    text: str
    state: str
    deleted: bool
    triaged_at: datetime | None
    key: tuple[datetime, int]  # where the next page starts


@dataclass(frozen=True)
class Page:
    rows: list[MentionRow]
    total: int | None  # counted on the first page only
    has_more: bool


def _where(state: str | None) -> list[ColumnElement[bool]]:
    if state is None:
        return []
    if state not in vocab.MENTION_STATES:
        raise ValidationError(f"a mention's state is one of {', '.join(vocab.MENTION_STATES)}")
    return [Mention.state == state]


def count(session: Session, state: str | None) -> int:
    return int(session.scalar(select(func.count()).select_from(Mention).where(*_where(state))) or 0)


def page(
    session: Session,
    state: str | None = "new",
    after: tuple[datetime, int] | None = None,
    limit: int = PAGE_SIZE,
    with_total: bool = False,
) -> Page:
    """Mentions in ``state`` (None: every state), newest first, after ``after``."""
    clauses = _where(state)
    if after is not None:
        # The moment bound as the column stores it (ISO text): a bare datetime would be
        # compared as Python's text, which sorts otherwise, and pages would skip rows.
        moment = literal(after[0], Mention.__table__.c.published_at.type)
        clauses.append(tuple_(Mention.published_at, _ROWID) < tuple_(moment, after[1]))
    stmt = (
        select(
            Mention.id,
            Mention.author_handle,
            Mention.author_name,
            Mention.published_at,
            func.substr(Mention.content_text, 1, LIST_TEXT),
            Mention.state,
            Mention.deleted_at,
            Mention.triaged_at,
            _ROWID,
        )
        .where(*clauses)
        .order_by(Mention.published_at.desc(), _ROWID.desc())
        .limit(limit + 1)
    )
    rows = [
        MentionRow(
            id=mid,
            author_handle=handle,
            author_name=name,
            published_at=published,
            text=text or "",
            state=st,
            deleted=deleted is not None,
            triaged_at=triaged,
            key=(published, rowid),
        )
        for mid, handle, name, published, text, st, deleted, triaged, rowid in session.execute(stmt)
    ]
    total = count(session, state) if with_total else None
    return Page(rows[:limit], total, len(rows) > limit)


@dataclass(frozen=True)
class Detail:
    """One mention as the detail pane shows it."""

    doc: Document
    citizen_name: str | None  # the linked citizen's name, when held here
    case_reference: str | None
    triaged_by_name: str | None
    citizen: CitizenSuggestion | None
    citizen_name_suggested: str | None
    service: ServiceSuggestion | None
    services_alike: list[ServiceSuggestion]  # when two or more fit alike, for the person


def _name(session: Session, citizen_id: str) -> str | None:
    row = session.get(Citizen, citizen_id)
    if row is None:
        return None
    return f"{row.preferred_name or row.given_name} {row.family_name}"


def detail(session: Session, mention_id: str) -> Detail:
    doc = docstore.get(session, mention_id)
    if doc is None or doc.get("type") != "mention":
        raise NotFoundError(f"no mention {mention_id}: it may have been removed meanwhile")
    citizen_id, case_id, by = doc.get("citizen_id"), doc.get("case_id"), doc.get("triaged_by")
    case = session.get(Case, case_id) if isinstance(case_id, str) else None
    staff = session.get(StaffMember, by) if isinstance(by, str) else None
    live = doc.get("state") == "new" or not citizen_id
    found = suggest_citizen(session, doc) if live and not citizen_id else None
    service = suggest_service(session, doc)
    alike: list[ServiceSuggestion] = []
    if service is None:
        ranked = rank_services(session, doc)
        if len(ranked) > 1 and ranked[0].score == ranked[1].score:
            alike = [r for r in ranked if r.score == ranked[0].score]
    return Detail(
        doc=doc,
        citizen_name=_name(session, citizen_id) if isinstance(citizen_id, str) else None,
        case_reference=case.reference if case is not None else None,
        triaged_by_name=staff.name if staff is not None else None,
        citizen=found,
        citizen_name_suggested=_name(session, found.match.right) if found else None,
        service=service,
        services_alike=alike,
    )
