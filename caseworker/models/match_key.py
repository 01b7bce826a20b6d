"""Blocking keys for identity resolution: which citizens are worth comparing with a contact.

A citizen's keys (caseworker/identity/keys.py) are a projection of its document, replaced
wholesale with its identifiers; a look-up by key is one range of the (key, citizen_id) index.
"""

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.models.base import Base


class MatchKey(Base):
    __tablename__ = "citizen_match_keys"

    citizen_id: Mapped[str] = mapped_column(
        ForeignKey("citizens.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(300), primary_key=True)

    __table_args__ = (Index("ix_citizen_match_keys_key", "key", "citizen_id"),)
