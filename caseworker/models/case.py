"""Case aggregate: the case itself (small and mutable), its history events and its notes.

History and notes are separate append-only documents, so two people working the same case
offline never conflict over them.
"""

from datetime import datetime

from sqlalchemy import Boolean, Float, Index, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    # Not unique in the table: two laptops can make the same one offline, and a row a peer
    # sent must never fail the store. A duplicate is listed as a problem (store/problems.py).
    reference: Mapped[str] = mapped_column(String(14), index=True)
    citizen_id: Mapped[str | None] = mapped_column(String(64), index=True)
    service_code: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(10))
    channel: Mapped[str] = mapped_column(String(20))
    queue_id: Mapped[str | None] = mapped_column(String(64))
    assignee_id: Mapped[str | None] = mapped_column(String(64))
    opened_at: Mapped[datetime]
    response_due_at: Mapped[datetime | None]
    due_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(40))  # a code of the service's outcomes
    location_address: Mapped[str | None] = mapped_column(String(500))
    location_postcode: Mapped[str | None] = mapped_column(String(10))
    location_uprn: Mapped[str | None] = mapped_column(String(12))
    location_lat: Mapped[float | None] = mapped_column(Float)
    location_lon: Mapped[float | None] = mapped_column(Float)
    updated_at: Mapped[datetime]
    conflicted: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_cases_assignee_status_due", "assignee_id", "status", "due_at"),
        Index("ix_cases_queue_status_due", "queue_id", "status", "due_at"),
    )


class CaseEvent(Base):
    """One entry of a case's history: who changed what, from what, to what, when."""

    __tablename__ = "case_events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(64))
    field: Mapped[str | None] = mapped_column(String(40))
    old: Mapped[str | None] = mapped_column(String(200))
    new: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_case_events_case_at", "case_id", "at"),
        # Escalations are few among millions of events: a small index finds a queue list's
        # escalated cases, and the cases escalated to a supervisor, without reading the rest.
        Index(
            "ix_case_events_escalated",
            "case_id",
            sqlite_where=sql_text("kind = 'escalated'"),
        ),
    )


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    case_id: Mapped[str | None] = mapped_column(String(64))
    citizen_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_notes_case_at", "case_id", "at"),
        Index("ix_notes_citizen_at", "citizen_id", "at"),
    )
