"""The council's service catalogue and the work queues cases are routed to."""

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class Service(Base):
    __tablename__ = "services"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    # Not unique in the table (a peer may send a clash); duplicates are listed as problems.
    code: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_cy: Mapped[str | None] = mapped_column(String(200))  # Welsh; None: not translated yet
    group: Mapped[str] = mapped_column(String(100))
    group_cy: Mapped[str | None] = mapped_column(String(100))
    keywords: Mapped[str] = mapped_column(Text)  # space-separated, for matching free text
    resolve_hours: Mapped[int] = mapped_column(Integer)
    response_hours: Mapped[int] = mapped_column(Integer)
    default_queue_id: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean)


class Queue(Base):
    __tablename__ = "queues"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(100))
    name_cy: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(Boolean)
