"""erasure: erasure records' projection, the roots they took, and retention

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 23:00:00

``erasure`` documents get a row in ``erasures``; ``erased_roots`` keeps the citizen and case
ids an erasure took off this laptop, so a document under one that is pulled later is dropped
rather than stored. Neither holds personal data: ids, dates, a basis and a reason category.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import IsoDateTime

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("citizen_id", sa.String(length=64), nullable=True),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("basis", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", IsoDateTime(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("done_at", IsoDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasures")),
    )
    op.create_index("ix_erasures_citizen_id", "erasures", ["citizen_id"], unique=False)
    op.create_table(
        "erased_roots",
        sa.Column("root_id", sa.String(length=64), nullable=False),
        sa.Column("erasure_id", sa.String(length=64), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("root_id", name=op.f("pk_erased_roots")),
    )


def downgrade() -> None:
    op.drop_table("erased_roots")
    op.drop_index("ix_erasures_citizen_id", table_name="erasures")
    op.drop_table("erasures")
