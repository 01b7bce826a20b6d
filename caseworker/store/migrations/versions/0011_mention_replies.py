"""mention replies: public replies to social-media mentions, kept with their case

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 23:10:00

The projection of ``mention_reply`` documents (drafted on a laptop, posted once by the
central poster, ``sync.mention_post``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import IsoDateTime

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mention_replies",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("mention_id", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("visibility", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", IsoDateTime(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("cancelled_at", IsoDateTime(), nullable=True),
        sa.Column("cancelled_by", sa.String(length=64), nullable=True),
        sa.Column("status_id", sa.String(length=100), nullable=True),
        sa.Column("status_url", sa.String(length=1000), nullable=True),
        sa.Column("posted_at", IsoDateTime(), nullable=True),
        sa.Column("failure", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mention_replies")),
    )
    op.create_index(
        "ix_mention_replies_case_at", "mention_replies", ["case_id", "at"], unique=False
    )
    op.create_index("ix_mention_replies_mention", "mention_replies", ["mention_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_mention_replies_mention", table_name="mention_replies")
    op.drop_index("ix_mention_replies_case_at", table_name="mention_replies")
    op.drop_table("mention_replies")
