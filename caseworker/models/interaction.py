"""Interaction: one contact with a citizen on any channel, in either direction (append-only)."""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class Interaction(Base):
    __tablename__ = "interactions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    citizen_id: Mapped[str | None] = mapped_column(String(64))
    case_id: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime]
    by: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_interactions_citizen_at", "citizen_id", "at"),
        Index("ix_interactions_case_at", "case_id", "at"),
    )
