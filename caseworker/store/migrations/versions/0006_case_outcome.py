"""a case's outcome: how it was resolved or closed

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-02 16:30:00

Case documents of schema 2 carry ``outcome``, a code from their service's list of outcomes;
``cases.outcome`` projects it. Nothing to fill in: a store before this revision refused a case
of schema 2 as newer than it understood, so it holds no projected case with an outcome.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("outcome", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("outcome")
