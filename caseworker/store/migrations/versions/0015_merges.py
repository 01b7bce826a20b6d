"""merged citizens, "not the same person" decisions and the duplicate scan's candidates

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 23:20:00

``merge`` documents get a row in ``merges`` and ``distinct`` documents one in
``distinct_pairs``; ``duplicate_candidates`` holds what the duplicate scan found on this store.
A store holds no merge or distinct documents before this revision (no older version wrote or
accepted them), so nothing needs projecting here. No constraint a peer's documents can break
(see 0002): a merge's citizen is the one its id names.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import IsoDateTime

revision: str = "0015"
# "0009" as briefed; chained after identity's 0011 on this branch, which merged h-identity
# (two heads cannot both upgrade): the lead re-chains at merge.
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "merges",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("merged_id", sa.String(length=64), nullable=False),
        sa.Column("survivor_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("at", IsoDateTime(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("undone_at", IsoDateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=64), nullable=True),
        sa.Column("undo_reason", sa.String(length=500), nullable=True),
        sa.Column("conflicted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merges")),
    )
    op.create_index("ix_merges_survivor_id", "merges", ["survivor_id"], unique=False)
    op.create_index("ix_merges_merged_id", "merges", ["merged_id"], unique=False)
    op.create_table(
        "distinct_pairs",
        sa.Column("id", sa.String(length=140), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("first_id", sa.String(length=64), nullable=False),
        sa.Column("second_id", sa.String(length=64), nullable=False),
        sa.Column("at", IsoDateTime(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distinct_pairs")),
    )
    op.create_index(
        "ix_distinct_pairs_pair", "distinct_pairs", ["first_id", "second_id"], unique=False
    )
    op.create_table(
        "duplicate_candidates",
        sa.Column("first_id", sa.String(length=64), nullable=False),
        sa.Column("second_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("found_at", IsoDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_duplicate_candidates")),
    )
    op.create_index(
        "ix_duplicate_candidates_score", "duplicate_candidates", ["score"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_duplicate_candidates_score", table_name="duplicate_candidates")
    op.drop_table("duplicate_candidates")
    op.drop_index("ix_distinct_pairs_pair", table_name="distinct_pairs")
    op.drop_table("distinct_pairs")
    op.drop_index("ix_merges_merged_id", table_name="merges")
    op.drop_index("ix_merges_survivor_id", table_name="merges")
    op.drop_table("merges")
