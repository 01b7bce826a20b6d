"""Replies: the council's bilingual reply templates and the outbox of messages to citizens.

Projections of the ``reply_template`` and ``message`` documents (``caseworker.replies``).
"""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class ReplyTemplate(Base):
    __tablename__ = "reply_templates"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    service_code: Mapped[str] = mapped_column(String(40), index=True)
    name_en: Mapped[str] = mapped_column(String(100))
    name_cy: Mapped[str] = mapped_column(String(100))
    subject_en: Mapped[str] = mapped_column(String(200))
    subject_cy: Mapped[str] = mapped_column(String(200))
    body_en: Mapped[str] = mapped_column(Text)
    body_cy: Mapped[str] = mapped_column(Text)
    active: Mapped[bool]
    # Why it cannot be used (an unknown placeholder, say), from render.template_problem.
    problem: Mapped[str | None] = mapped_column(String(300))


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    case_id: Mapped[str] = mapped_column(String(64))
    citizen_id: Mapped[str] = mapped_column(String(64))
    template_id: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(10))
    recipient_id: Mapped[str] = mapped_column(String(64))
    recipient: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(2))
    subject: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))
    state_at: Mapped[datetime | None]
    notify_id: Mapped[str | None] = mapped_column(String(64))
    state_detail: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (Index("ix_messages_case_at", "case_id", "at"),)


class MentionReply(Base):
    """A public reply to a social-media mention, kept with its case (``mention_reply``)."""

    __tablename__ = "mention_replies"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    mention_id: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    visibility: Mapped[str] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(2))
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(10))
    cancelled_at: Mapped[datetime | None]
    cancelled_by: Mapped[str | None] = mapped_column(String(64))
    status_id: Mapped[str | None] = mapped_column(String(100))
    status_url: Mapped[str | None] = mapped_column(String(1000))
    posted_at: Mapped[datetime | None]
    failure: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (
        Index("ix_mention_replies_case_at", "case_id", "at"),
        Index("ix_mention_replies_mention", "mention_id"),
    )
