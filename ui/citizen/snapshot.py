"""Everything the single citizen view shows, read in one database job as immutable data.

A handful of indexed queries, whatever the size of the record: the citizen with identifiers
and consents (3), the latest contacts and notes (2), the cases (1), the live warning markers
(1), and the names of the staff and services they mention (2). No query per row.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from caseworker import language, vocab
from caseworker.access.assurance import NONE, Reached, assess
from caseworker.models import (
    AssuranceCheck,
    Case,
    Identifier,
    IdentityLink,
    Interaction,
    Marker,
    Mention,
    Merge,
    Note,
    Service,
    StaffMember,
)
from caseworker.services import merges
from caseworker.services.citizens import get_citizen
from caseworker.timeutil import to_iso, utcnow
from ui.citizen.snapshot_mentions import MentionDetail, linked_mentions, social_handles

TIMELINE_LIMIT = 1000
NOTE_LIMIT = 500
# Written documents of these types may belong to a citizen without carrying its id.
RELATED_TYPES = frozenset(
    {"interaction", "note", "case", "marker", "merge", "mention", "identity_link"}
)
USUAL_CHANNEL_OF = 20  # the latest contacts from the citizen that say how they usually get in touch


@dataclass(frozen=True)
class IdentifierRow:
    id: str
    kind: str
    value: str
    label: str | None
    postcode: str | None
    verified_by: str
    verified_at: datetime | None
    added_at: datetime


@dataclass(frozen=True)
class ConsentRow:
    id: str
    purpose: str
    lawful_basis: str
    channel: str | None
    source: str
    valid_from: datetime
    valid_to: datetime | None
    partner: str | None = None
    withdrawn_at: datetime | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """A contact on any channel, or an internal note (``channel`` None, ``kind`` "note")."""

    id: str
    kind: str
    at: datetime
    channel: str | None
    direction: str | None
    summary: str
    by_name: str
    case_id: str | None
    case_reference: str | None
    # A social-media mention linked to the citizen (channel "social"): the post and why it
    # is linked. ``by_name`` is then its author's handle.
    mention: MentionDetail | None = None


@dataclass(frozen=True)
class CaseSummary:
    id: str
    reference: str
    summary: str
    service_name: str
    status: str
    priority: str
    opened_at: datetime
    due_at: datetime
    finished_at: datetime | None
    assignee_name: str
    conflicted: bool

    @property
    def is_open(self) -> bool:
        return self.status in vocab.OPEN_STATUSES


@dataclass(frozen=True)
class MarkerRow:
    """A live warning marker, with the name of whoever set it."""

    id: str
    kind: str
    reason: str
    set_by_name: str
    set_at: datetime
    review_on: str  # YYYY-MM-DD
    address: str | None
    postcode: str | None


@dataclass(frozen=True)
class CitizenSnapshot:
    id: str
    display_name: str
    full_name: str
    date_of_birth: str | None
    language: str
    merged_into: str | None
    conflicted: bool
    identifiers: tuple[IdentifierRow, ...]
    consents: tuple[ConsentRow, ...]
    timeline: tuple[TimelineEntry, ...]
    timeline_truncated: bool
    cases: tuple[CaseSummary, ...]
    markers: tuple[MarkerRow, ...] = ()
    # How sure the council is that it deals with them (caseworker.access.assurance), and how.
    assurance: Reached = NONE
    # Citizens merged into this one (caseworker.services.merges): their contacts, cases,
    # identifiers and markers are shown here with its own; and the id that was asked for when
    # it was one of them (where "undo the merge" is offered).
    merged_from: tuple[str, ...] = ()
    asked_for: str | None = None
    # Merges of these records made in two places at once (two supervisors, offline): shown
    # and resolved like a conflicting edit of the record.
    merge_conflicts: tuple[str, ...] = ()
    # Social handles on the record, then those of mentions linked to them (``@user@host``).
    social_handles: tuple[str, ...] = ()

    @property
    def last_contact(self) -> TimelineEntry | None:
        """The latest contact on any channel (notes are not contacts)."""
        return next((e for e in self.timeline if e.kind == "contact"), None)

    @property
    def usual_channel(self) -> str | None:
        """The channel most of the citizen's latest contacts came by (None before any)."""
        latest = [
            e.channel
            for e in self.timeline
            if e.kind == "contact" and e.direction == "inbound" and e.channel
        ][:USUAL_CHANNEL_OF]
        if not latest:
            return None
        return Counter(latest).most_common(1)[0][0]

    @property
    def open_cases(self) -> tuple[CaseSummary, ...]:
        return tuple(c for c in self.cases if c.is_open)

    @property
    def closed_cases(self) -> tuple[CaseSummary, ...]:
        return tuple(c for c in self.cases if not c.is_open)


def staff_names(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(
        select(StaffMember.id, StaffMember.name).where(StaffMember.id.in_(wanted))
    )
    return {staff_id: name for staff_id, name in rows}


def _assurance(session: Session, citizen_id: str, identifiers: Iterable[Identifier]) -> Reached:
    """The citizen's level now, from the projected checks and identifiers (the same rule as
    the gateway's, on the same data, without reading the document)."""
    checks = session.scalars(
        select(AssuranceCheck).where(AssuranceCheck.citizen_id == citizen_id)
    ).all()
    record = {
        "identifiers": [
            {
                "id": i.id.split("/", 1)[-1],
                "kind": i.kind,
                "verified_by": i.verified_by,
                "verified_at": to_iso(i.verified_at) if i.verified_at else None,
            }
            for i in identifiers
        ],
        "checks": [
            {"method": k.method, "identifier_id": k.identifier_id, "by": k.by, "at": to_iso(k.at)}
            for k in checks
        ],
    }
    return assess(record, utcnow()).level


def load_citizen(session: Session, citizen_id: str) -> CitizenSnapshot:
    """The record a citizen is shown as: a merged citizen shows as its survivor, and a
    survivor with everything merged into it, each identifier kept."""
    asked = get_citizen(session, citizen_id)  # not here: not found, merged or not
    asked_for = citizen_id
    citizen_id = merges.resolve(session, citizen_id)
    ids = merges.family(session, citizen_id)
    # Nearly always the one asked for: read again only when it was merged into another.
    citizen = asked if citizen_id == asked_for else get_citizen(session, citizen_id)
    merged_in = [get_citizen(session, other) for other in ids[1:]]
    contacts = session.execute(
        select(
            Interaction.id,
            Interaction.at,
            Interaction.channel,
            Interaction.direction,
            Interaction.summary,
            Interaction.by,
            Interaction.case_id,
        )
        .where(Interaction.citizen_id.in_(ids))
        .order_by(Interaction.at.desc(), Interaction.id.desc())
        .limit(TIMELINE_LIMIT + 1)
    ).all()
    notes = session.execute(
        select(Note.id, Note.at, Note.text, Note.by, Note.case_id)
        .where(Note.citizen_id.in_(ids))
        .order_by(Note.at.desc())
        .limit(NOTE_LIMIT)
    ).all()
    case_rows = session.execute(
        select(
            Case.id,
            Case.reference,
            Case.summary,
            Case.service_code,
            Case.status,
            Case.priority,
            Case.opened_at,
            Case.due_at,
            Case.resolved_at,
            Case.closed_at,
            Case.assignee_id,
            Case.conflicted,
        )
        .where(Case.citizen_id.in_(ids))
        .order_by(Case.opened_at.desc())
    ).all()
    marker_rows = session.scalars(
        select(Marker).where(Marker.citizen_id.in_(ids), Marker.ended_at.is_(None))
    ).all()
    posts = linked_mentions(session, ids, TIMELINE_LIMIT)
    reached = _assurance(session, citizen_id, citizen.identifiers)
    truncated = len(contacts) > TIMELINE_LIMIT or posts.truncated
    contacts = contacts[:TIMELINE_LIMIT]
    names = staff_names(
        session,
        [c.by for c in contacts]
        + [n.by for n in notes]
        + [c.assignee_id for c in case_rows]
        + [m.set_by for m in marker_rows]
        + [p.linked_by for p in posts.mentions],
    )
    codes = {c.service_code for c in case_rows}
    services = (
        dict(
            session.execute(
                select(Service.code, language.service_name()).where(Service.code.in_(codes))
            ).all()
        )
        if codes
        else {}
    )
    references = {c.id: c.reference for c in case_rows}
    cited = [x.case_id for x in [*contacts, *notes]] + [p.case_id for p in posts.mentions]
    foreign = {c for c in cited if c and c not in references}
    if foreign:
        references.update(
            session.execute(select(Case.id, Case.reference).where(Case.id.in_(foreign))).all()
        )

    def who(staff_id: str | None) -> str:
        return names.get(staff_id, staff_id) if staff_id else ""

    timeline = (
        [
            TimelineEntry(
                c.id,
                "contact",
                c.at,
                c.channel,
                c.direction,
                c.summary,
                who(c.by),
                c.case_id,
                references.get(c.case_id) if c.case_id else None,
            )
            for c in contacts
        ]
        + [
            TimelineEntry(
                n.id,
                "note",
                n.at,
                None,
                None,
                n.text,
                who(n.by),
                n.case_id,
                references.get(n.case_id) if n.case_id else None,
            )
            for n in notes
        ]
        + [
            TimelineEntry(
                p.id,
                "contact",
                p.at,
                "social",
                "inbound",
                p.text,
                p.author_handle,
                p.case_id,
                references.get(p.case_id) if p.case_id else None,
                replace(p, linked_by_name=who(p.linked_by)),
            )
            for p in posts.mentions
        ]
    )
    timeline.sort(key=lambda e: (e.at, e.id), reverse=True)
    return CitizenSnapshot(
        id=citizen.id,
        display_name=citizen.display_name,
        full_name=f"{citizen.given_name} {citizen.family_name}",
        date_of_birth=citizen.date_of_birth,
        language=citizen.language,
        merged_into=citizen.merged_into,
        conflicted=citizen.conflicted,
        identifiers=tuple(
            IdentifierRow(
                i.id,
                i.kind,
                i.value,
                i.label,
                i.postcode,
                i.verified_by,
                i.verified_at,
                i.added_at,
            )
            for i in sorted(
                [i for c in (citizen, *merged_in) for i in c.identifiers],
                key=lambda i: (i.kind, i.added_at, i.id),
            )
        ),
        consents=tuple(
            ConsentRow(
                c.id.split("/", 1)[-1],  # the consent's own id in the record
                c.purpose,
                c.lawful_basis,
                c.channel,
                c.source,
                c.valid_from,
                c.valid_to,
                c.partner,
                c.withdrawn_at,
            )
            for c in sorted(
                [c for person in (citizen, *merged_in) for c in person.consents],
                key=lambda c: (c.valid_from, c.id),
            )
        ),
        timeline=tuple(timeline),
        timeline_truncated=truncated,
        assurance=reached,
        cases=tuple(
            CaseSummary(
                c.id,
                c.reference,
                c.summary,
                services.get(c.service_code, c.service_code),
                c.status,
                c.priority,
                c.opened_at,
                c.due_at,
                c.resolved_at or c.closed_at,
                who(c.assignee_id),
                bool(c.conflicted),
            )
            for c in case_rows
        ),
        markers=tuple(
            MarkerRow(
                m.id,
                m.kind,
                m.reason,
                who(m.set_by),
                m.set_at,
                m.review_on,
                m.address,
                m.postcode,
            )
            # Most serious kind first; within a kind, the newest first.
            for m in sorted(
                sorted(marker_rows, key=lambda m: m.set_at, reverse=True),
                key=lambda m: _MARKER_ORDER.get(m.kind, len(_MARKER_ORDER)),
            )
        ),
        merged_from=tuple(ids[1:]),
        merge_conflicts=tuple(
            session.scalars(
                select(Merge.id)
                .where(
                    Merge.conflicted.is_(True),
                    or_(Merge.merged_id.in_(ids), Merge.survivor_id.in_(ids)),
                )
                .order_by(Merge.id)
            )
        ),
        asked_for=asked_for if asked_for != citizen_id else None,
        social_handles=social_handles(
            [i.value for c in (citizen, *merged_in) for i in c.identifiers if i.kind == "social"],
            posts.mentions,
        ),
    )


_MARKER_ORDER = {kind: n for n, kind in enumerate(vocab.MARKER_URGENCY)}


def concerns_citizen(session: Session, citizen_id: str, doc_ids: set[str]) -> bool:
    """Whether any of these written documents is a contact, note, case or marker of this
    citizen, or of one merged into it, or a merge naming any of them."""
    ids = merges.family(session, merges.resolve(session, citizen_id))
    if session.scalar(
        select(Merge.id)
        .where(Merge.id.in_(doc_ids), or_(Merge.merged_id.in_(ids), Merge.survivor_id.in_(ids)))
        .limit(1)
    ):
        return True
    for table in (Interaction, Note, Case, Marker, Mention, IdentityLink):
        found = session.scalar(
            select(table.id).where(table.id.in_(doc_ids), table.citizen_id.in_(ids)).limit(1)
        )
        if found is not None:
            return True
    # A mention no longer linked here, or a link of one undone: shown here until now.
    linked = session.scalar(
        select(IdentityLink.id)
        .where(IdentityLink.subject_id.in_(doc_ids), IdentityLink.citizen_id.in_(ids))
        .limit(1)
    )
    return linked is not None


def load_if_concerned(
    session: Session, citizen_id: str, doc_ids: set[str]
) -> CitizenSnapshot | None:
    """A fresh snapshot when the change touched this citizen, else None (one job either way)."""
    if not concerns_citizen(session, citizen_id, doc_ids):
        return None
    return load_citizen(session, citizen_id)
