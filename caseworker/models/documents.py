"""The replication side of the store: every document's revision tree, bodies and checkpoints.

The typed tables are projections of the winning revision kept here; these tables are what
replication reads and writes.
"""

from sqlalchemy import Boolean, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class StoredDocument(Base):
    """One row per document id: the winner's body, the whole revision tree, the local seq."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    # No index: nothing looks documents up by type, and every replicated write would pay it.
    type: Mapped[str | None] = mapped_column(String(40))
    rev: Mapped[str] = mapped_column(String(80))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Local change sequence: bumped on every write, so "what to push" is seq > checkpoint.
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    rev_tree: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    conflicted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why the winner could not be projected into the typed tables (kept, never dropped).
    problem: Mapped[str | None] = mapped_column(Text)

    # Problems listed newest first, without reading every document (few rows have one).
    __table_args__ = (
        Index("ix_documents_problem_seq", "seq", sqlite_where=text("problem IS NOT NULL")),
    )


class LeafBody(Base):
    """Bodies of leaf revisions other than the winner: conflicts and deleted branches."""

    __tablename__ = "leaf_bodies"

    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    rev: Mapped[str] = mapped_column(String(80), primary_key=True)
    body: Mapped[str] = mapped_column(Text)


class Attachment(Base):
    """Attachment content, addressed by its CouchDB digest ("md5-<base64>")."""

    __tablename__ = "attachments"

    digest: Mapped[str] = mapped_column(String(100), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(200))
    length: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Checkpoint(Base):
    """Replication checkpoints (the local copy of `_local/<replication id>`)."""

    __tablename__ = "checkpoints"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    body: Mapped[str] = mapped_column(Text)


class StoreSetting(Base):
    """Small facts about this store: its device id, when it was seeded, and the like."""

    __tablename__ = "store_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
