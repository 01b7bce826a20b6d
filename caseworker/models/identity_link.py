"""A contact linked to a citizen by identity resolution (``identity_link`` documents): who or
what linked it, how sure, and why; read by the citizen's single view, so by citizen and by the
contact linked."""

from datetime import datetime

from sqlalchemy import Float, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class IdentityLink(Base):
    __tablename__ = "identity_links"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    subject_id: Mapped[str] = mapped_column(String(64))
    citizen_id: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(20))
    probability: Mapped[float] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text)  # the reason codes, space-separated
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_identity_links_citizen_id", "citizen_id"),
        Index("ix_identity_links_subject_id", "subject_id"),
    )
