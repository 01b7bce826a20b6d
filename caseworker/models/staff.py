"""Staff members and their role, which decides what they may see and change."""

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class StaffMember(Base):
    __tablename__ = "staff"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    # Not unique in the table (two offline edits can clash); duplicates are listed as problems.
    username: Mapped[str] = mapped_column(String(100), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    team: Mapped[str | None] = mapped_column(String(100))
    queue_ids: Mapped[str] = mapped_column(Text)  # space-separated queue ids
    active: Mapped[bool] = mapped_column(Boolean)
