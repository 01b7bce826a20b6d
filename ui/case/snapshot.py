"""Everything the case view shows, read in one database job as immutable data."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import language, vocab
from caseworker.clocks.pauses import Pause, pauses
from caseworker.models import (
    CaseEvent,
    Citizen,
    Interaction,
    MentionReply,
    Message,
    Note,
    Queue,
    Service,
    StaffMember,
)
from caseworker.services import outcomes, workflow
from caseworker.services.assignment import AUTO_ASSIGNER
from caseworker.services.cases import get_case, history
from caseworker.services.contacts import case_notes
from caseworker.services.mention_replies import case_mention_replies
from caseworker.services.outcomes import Outcome
from caseworker.services.replies import case_messages

# Written documents of these types may belong to a case without carrying its id.
RELATED_TYPES = frozenset({"case_event", "note", "interaction", "message", "mention_reply"})
# Changes of these types rename something a case view shows (a queue, a person, a service).
NAMING_TYPES = frozenset({"staff", "queue", "service"})


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


@dataclass(frozen=True)
class HistoryEntry:
    """One change: ``old``/``new`` are names for people and queues, codes for the rest."""

    id: str
    at: datetime
    by_name: str
    kind: str
    field: str | None
    old: str | None
    new: str | None
    comment: str | None


@dataclass(frozen=True)
class NoteEntry:
    id: str
    at: datetime
    by_name: str
    text: str


@dataclass(frozen=True)
class ContactEntry:
    id: str
    at: datetime
    channel: str
    direction: str
    by_name: str
    summary: str


@dataclass(frozen=True)
class CaseSnapshot:
    id: str
    reference: str
    summary: str
    description: str | None
    status: str
    priority: str
    channel: str
    service_code: str
    service_name: str
    queue_id: str | None
    queue_name: str
    assignee_id: str | None
    assignee_name: str
    citizen_id: str | None
    citizen_name: str
    opened_at: datetime
    response_due_at: datetime | None
    due_at: datetime
    finished_at: datetime | None
    location: str
    conflicted: bool
    allowed_next: tuple[str, ...]
    history: tuple[HistoryEntry, ...]
    notes: tuple[NoteEntry, ...]
    contacts: tuple[ContactEntry, ...]
    queues: tuple[Choice, ...]
    staff: tuple[Choice, ...]
    outcome: str | None = None  # how it was resolved or closed: a code of ``outcomes``
    outcomes: tuple[Outcome, ...] = ()  # the service's list (or the general one)
    pauses: tuple[Pause, ...] = ()  # while awaiting the citizen: the clock stood still

    @property
    def is_open(self) -> bool:
        return self.status in vocab.OPEN_STATUSES


def load_case(session: Session, case_id: str) -> CaseSnapshot:
    case = get_case(session, case_id)
    events = history(session, case.id)
    notes = case_notes(session, case.id)
    contacts = session.execute(
        select(
            Interaction.id,
            Interaction.at,
            Interaction.channel,
            Interaction.direction,
            Interaction.by,
            Interaction.summary,
        )
        .where(Interaction.case_id == case.id)
        .order_by(Interaction.at.desc())
    ).all()
    staff_rows = session.execute(
        select(StaffMember.id, StaffMember.name, StaffMember.active).order_by(StaffMember.name)
    ).all()
    queue_name = language.queue_name()
    queue_rows = session.execute(
        select(Queue.id, queue_name, Queue.active).order_by(queue_name)
    ).all()
    service_name = session.scalar(
        select(language.service_name()).where(Service.code == case.service_code)
    )
    citizen = session.get(Citizen, case.citizen_id) if case.citizen_id else None
    names: dict[str, str] = {row.id: row.name for row in staff_rows}
    # The central worker's automatic assignments, in the case history.
    names[AUTO_ASSIGNER] = QCoreApplication.translate("CaseSnapshot", "Automatic assignment")
    queues: dict[str, str] = {row.id: row.name for row in queue_rows}

    def who(staff_id: str | None) -> str:
        return names.get(staff_id, staff_id) if staff_id else ""

    def value(field: str | None, raw: str | None) -> str | None:
        if raw is None:
            return None
        if field == "assignee_id":
            return names.get(raw, raw)
        if field == "queue_id":
            return queues.get(raw, raw)
        if field == "notify":  # the supervisors an escalation told
            return ", ".join(names.get(s, s) for s in raw.split())
        return raw

    location = ", ".join(p for p in (case.location_address, case.location_postcode) if p)
    return CaseSnapshot(
        id=case.id,
        reference=case.reference,
        summary=case.summary,
        description=case.description,
        status=case.status,
        priority=case.priority,
        channel=case.channel,
        service_code=case.service_code,
        service_name=service_name or case.service_code,
        queue_id=case.queue_id,
        queue_name=queues.get(case.queue_id, case.queue_id) if case.queue_id else "",
        assignee_id=case.assignee_id,
        assignee_name=who(case.assignee_id),
        citizen_id=case.citizen_id,
        citizen_name=citizen.display_name if citizen else "",
        opened_at=case.opened_at,
        pauses=tuple(pauses((e.at, e.old, e.new) for e in events if e.kind == "status_changed")),
        response_due_at=case.response_due_at,
        due_at=case.due_at,
        finished_at=case.resolved_at or case.closed_at,
        location=location,
        conflicted=bool(case.conflicted),
        allowed_next=workflow.allowed_next(case.status),
        history=tuple(
            sorted(
                [
                    *(
                        HistoryEntry(
                            e.id,
                            e.at,
                            who(e.by),
                            e.kind,
                            e.field,
                            value(e.field, e.old),
                            value(e.field, e.new),
                            e.comment,
                        )
                        for e in events
                    ),
                    *_replies(session, case.id, who),
                    *_mention_replies(session, case.id, who),
                ],
                key=lambda h: h.at,
                reverse=True,
            )
        ),
        notes=tuple(NoteEntry(n.id, n.at, who(n.by), n.text) for n in reversed(notes)),
        contacts=tuple(
            ContactEntry(c.id, c.at, c.channel, c.direction, who(c.by), c.summary) for c in contacts
        ),
        queues=tuple(Choice(row.id, row.name) for row in queue_rows if row.active),
        staff=tuple(Choice(row.id, row.name) for row in staff_rows if row.active),
        outcome=case.outcome,
        outcomes=outcomes.for_service(session, case.service_code),
    )


def _replies(
    session: Session, case_id: str, who: Callable[[str | None], str]
) -> list[HistoryEntry]:
    """The case's replies as history: kind "reply", the channel as ``field``, the recipient as
    ``old``, the last known state as ``new``, the subject (or the text) as the comment."""
    return [
        HistoryEntry(
            m.id, m.at, who(m.by), "reply", m.channel, m.recipient, m.state, m.subject or m.body
        )
        for m in case_messages(session, case_id)
    ]


def _mention_replies(
    session: Session, case_id: str, who: Callable[[str | None], str]
) -> list[HistoryEntry]:
    """The case's public replies to mentions as history: kind "mention_reply", the
    visibility as ``field``, the posted status's address as ``old``, the state as ``new``, the
    text (or why it was not posted) as the comment."""
    return [
        HistoryEntry(
            r.id,
            r.at,
            who(r.by),
            "mention_reply",
            r.visibility,
            r.status_url,
            r.state,
            f"{r.text}\n({r.failure})" if r.failure else r.text,
        )
        for r in case_mention_replies(session, case_id)
    ]


def concerns_case(session: Session, case_id: str, doc_ids: set[str]) -> bool:
    """Whether any of these written documents is a history entry, note or contact of the case."""
    for table in (CaseEvent, Note, Interaction, Message, MentionReply):
        found = session.scalar(
            select(table.id).where(table.id.in_(doc_ids), table.case_id == case_id).limit(1)
        )
        if found is not None:
            return True
    return False


def load_if_concerned(session: Session, case_id: str, doc_ids: set[str]) -> CaseSnapshot | None:
    """A fresh snapshot when the change touched this case, else None (one job either way)."""
    return load_case(session, case_id) if concerns_case(session, case_id, doc_ids) else None
