"""Warning markers on a citizen (vulnerability, safeguarding, accessibility, officer safety)."""

from datetime import datetime

from sqlalchemy import Boolean, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class Marker(Base):
    __tablename__ = "markers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    citizen_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(500))
    set_by: Mapped[str] = mapped_column(String(64))
    set_at: Mapped[datetime]
    review_on: Mapped[str] = mapped_column(String(10))
    address: Mapped[str | None] = mapped_column(String(500))
    postcode: Mapped[str | None] = mapped_column(String(10))  # canonical when shaped like one
    # The address's first line, normalised: with the postcode, how a case's location matches.
    address_line: Mapped[str | None] = mapped_column(String(500))
    ended_at: Mapped[datetime | None]
    ended_by: Mapped[str | None] = mapped_column(String(64))
    conflicted: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_markers_citizen_id", "citizen_id"),
        Index("ix_markers_postcode", "postcode"),
    )
