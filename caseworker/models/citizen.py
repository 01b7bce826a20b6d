"""Citizen aggregate: the person, how to reach and recognise them, and what they agreed to.

One `citizen` document holds all three; these tables are its projection.
"""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caseworker.models.base import Base


class Citizen(Base):
    __tablename__ = "citizens"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100, collation="NOCASE"))
    preferred_name: Mapped[str | None] = mapped_column(String(100))
    date_of_birth: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(2))
    merged_into: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    conflicted: Mapped[bool] = mapped_column(Boolean, default=False)

    identifiers: Mapped[list["Identifier"]] = relationship(
        back_populates="citizen", cascade="all, delete-orphan", passive_deletes=True
    )
    consents: Mapped[list["Consent"]] = relationship(
        back_populates="citizen", cascade="all, delete-orphan", passive_deletes=True
    )
    checks: Mapped[list["AssuranceCheck"]] = relationship(
        back_populates="citizen", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        Index("ix_citizens_family_name_nocase", "family_name", "given_name"),
        # A record's merge family is read on every open; few citizens are merged, so the
        # index holds only them.
        Index(
            "ix_citizens_merged_into",
            "merged_into",
            sqlite_where=text("merged_into IS NOT NULL"),
        ),
    )

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.given_name} {self.family_name}"


class Identifier(Base):
    """A way to reach or recognise a citizen, with how (and whether) it was verified."""

    __tablename__ = "identifiers"

    id: Mapped[str] = mapped_column(String(140), primary_key=True)
    citizen_id: Mapped[str] = mapped_column(
        ForeignKey("citizens.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(500))
    # Lower-case, digits-only for phones, no spaces for postcodes: what exact look-ups compare.
    normalised: Mapped[str] = mapped_column(String(500))
    label: Mapped[str | None] = mapped_column(String(100))
    postcode: Mapped[str | None] = mapped_column(String(10))
    uprn: Mapped[str | None] = mapped_column(String(12))
    verified_by: Mapped[str] = mapped_column(String(30))
    verified_at: Mapped[datetime | None]
    added_at: Mapped[datetime]

    citizen: Mapped[Citizen] = relationship(back_populates="identifiers")

    __table_args__ = (Index("ix_identifiers_kind_normalised", "kind", "normalised"),)


class Consent(Base):
    """Why the council holds or uses the citizen's data: purpose, lawful basis, period."""

    __tablename__ = "consents"

    id: Mapped[str] = mapped_column(String(140), primary_key=True)
    citizen_id: Mapped[str] = mapped_column(
        ForeignKey("citizens.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(200))
    lawful_basis: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[datetime]
    valid_to: Mapped[datetime | None]
    partner: Mapped[str | None] = mapped_column(String(200))  # a share's partner organisation
    recorded_by: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by: Mapped[str | None] = mapped_column(String(64))

    citizen: Mapped[Citizen] = relationship(back_populates="consents")


class AssuranceCheck(Base):
    """A check made with the citizen (caseworker.access.assurance): how, through which
    identifier, which document or facts (never the answers), by whom, when."""

    __tablename__ = "assurance_checks"

    id: Mapped[str] = mapped_column(String(140), primary_key=True)
    citizen_id: Mapped[str] = mapped_column(
        ForeignKey("citizens.id", ondelete="CASCADE"), index=True
    )
    method: Mapped[str] = mapped_column(String(30))
    identifier_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(200))
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]

    citizen: Mapped[Citizen] = relationship(back_populates="checks")
