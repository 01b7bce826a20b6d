"""Merged citizens, pairs decided to be different people, and likely duplicates found by the
scan (caseworker.services.merges, caseworker.dedupe)."""

from datetime import datetime

from sqlalchemy import Boolean, Float, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class Merge(Base):
    """The projection of a ``merge`` document: one per citizen ever merged away."""

    __tablename__ = "merges"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    merged_id: Mapped[str] = mapped_column(String(64), index=True)  # from the id (one each)
    survivor_id: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(500))
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[str | None] = mapped_column(String(64))
    undo_reason: Mapped[str | None] = mapped_column(String(500))
    conflicted: Mapped[bool] = mapped_column(Boolean, default=False)


class DistinctPair(Base):
    """The projection of a ``distinct`` document: two citizens a supervisor found to be
    different people (``first_id`` < ``second_id``)."""

    __tablename__ = "distinct_pairs"

    id: Mapped[str] = mapped_column(String(140), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    first_id: Mapped[str] = mapped_column(String(64))
    second_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (Index("ix_distinct_pairs_pair", "first_id", "second_id"),)


class DuplicateCandidate(Base):
    """A likely duplicate pair found by the scan on this store (``first_id`` < ``second_id``),
    with its score and the reasons, in words, as JSON. Local: the scan's own output, rebuilt
    by each scan, never replicated."""

    __tablename__ = "duplicate_candidates"

    first_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    second_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text)
    found_at: Mapped[datetime]

    __table_args__ = (Index("ix_duplicate_candidates_score", "score"),)
