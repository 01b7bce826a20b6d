"""replies: reply templates and the outbox of messages

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 16:30:00

The projections of ``reply_template`` documents (the council's bilingual templates) and
``message`` documents (replies to citizens, sent centrally through GOV.UK Notify).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import IsoDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reply_templates",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("service_code", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("name_cy", sa.String(length=100), nullable=False),
        sa.Column("subject_en", sa.String(length=200), nullable=False),
        sa.Column("subject_cy", sa.String(length=200), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("body_cy", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("problem", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reply_templates")),
    )
    op.create_index(
        "ix_reply_templates_service_code", "reply_templates", ["service_code"], unique=False
    )
    op.create_table(
        "messages",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("citizen_id", sa.String(length=64), nullable=False),
        sa.Column("template_id", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("recipient_id", sa.String(length=64), nullable=False),
        sa.Column("recipient", sa.String(length=500), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("at", IsoDateTime(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("state_at", IsoDateTime(), nullable=True),
        sa.Column("notify_id", sa.String(length=64), nullable=True),
        sa.Column("state_detail", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index("ix_messages_case_at", "messages", ["case_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_messages_case_at", table_name="messages")
    op.drop_table("messages")
    op.drop_index("ix_reply_templates_service_code", table_name="reply_templates")
    op.drop_table("reply_templates")
