"""Erasures (projected from ``erasure`` documents) and the roots each one took off this laptop."""

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class Erasure(Base):
    """One erasure or anonymisation: ids, dates, basis and reason category; no personal data."""

    __tablename__ = "erasures"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    citizen_id: Mapped[str | None] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(20))
    basis: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(40))
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(20))
    done_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_erasures_citizen_id", "citizen_id"),)


class ErasedRoot(Base):
    """A citizen or case id an erasure took: a document under it that arrives later is dropped,
    not stored (a laptop may pull a record before the central worker has purged it)."""

    __tablename__ = "erased_roots"

    root_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    erasure_id: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(20))
