"""A social-media mention of the council (an ActivityStreams ``Note`` collected centrally),
waiting to be triaged: linked to a citizen, turned into a case, answered or dismissed.

Attachments, hashtags and mentioned accounts stay in the document (``documents.types.MENTION``):
the inbox lists the projected columns and reads the one document it opens."""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class Mention(Base):
    __tablename__ = "mentions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    network: Mapped[str] = mapped_column(String(40))
    remote_id: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(1000))
    author_handle: Mapped[str] = mapped_column(String(200))
    author_url: Mapped[str | None] = mapped_column(String(1000))
    author_name: Mapped[str | None] = mapped_column(String(200))
    content_text: Mapped[str] = mapped_column(Text)
    content_html: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime]
    edited_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    visibility: Mapped[str | None] = mapped_column(String(20))
    in_reply_to: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    citizen_id: Mapped[str | None] = mapped_column(String(64))
    case_id: Mapped[str | None] = mapped_column(String(64))
    triaged_by: Mapped[str | None] = mapped_column(String(64))
    triaged_at: Mapped[datetime | None]

    __table_args__ = (
        Index("ix_mentions_state_published", "state", "published_at"),
        # A citizen's timeline, and matching a new mention's author to known handles.
        Index("ix_mentions_citizen_published", "citizen_id", "published_at"),
        Index("ix_mentions_author_handle", "author_handle"),
    )
