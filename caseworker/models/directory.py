"""The citizen directory: a summary of every citizen of the council, to find any caller.

One ``directory`` document per citizen (written centrally); this table is its projection. It
is not the person's record: an agent's laptop holds the directory of everyone and the full
record only of the citizens on its cases.
"""

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class DirectoryEntry(Base):
    __tablename__ = "directory_entries"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)  # directory:<key>
    rev: Mapped[str] = mapped_column(String(80))
    # citizen:<key>, from the entry's own id (never a body's claim about another citizen).
    citizen_id: Mapped[str] = mapped_column(String(200), index=True)
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100, collation="NOCASE"))
    preferred_name: Mapped[str | None] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(2))
    merged_into: Mapped[str | None] = mapped_column(String(64))
    postcodes: Mapped[str] = mapped_column(String(400))  # ", "-separated, bounded
    line: Mapped[str] = mapped_column(
        String(400)
    )  # the hit's second line: postcode · phone · email

    __table_args__ = (Index("ix_directory_entries_family_name", "family_name", "given_name"),)

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.given_name} {self.family_name}"
