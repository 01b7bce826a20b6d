"""A social-media mention of the council, waiting to be triaged into a case or dismissed."""

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
    author_name: Mapped[str | None] = mapped_column(String(200))
    content_text: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(20))
    citizen_id: Mapped[str | None] = mapped_column(String(64))
    case_id: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_mentions_state_published", "state", "published_at"),)
