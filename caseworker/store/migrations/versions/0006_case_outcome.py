"""a case's outcome: how it was resolved or closed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 16:30:00

A resolved or closed case's document carries ``outcome``, a code from its service's list of
outcomes; ``cases.outcome`` projects it. The field is optional and added without a new schema
version (a reader that does not know it keeps it untouched), so a store before this revision
may already hold cases with an outcome in their stored body: they are filled in here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("outcome", sa.String(length=40), nullable=True))
    op.execute(
        "UPDATE cases SET outcome = (SELECT json_extract(d.body, '$.outcome') "
        "FROM documents AS d WHERE d.id = cases.id) "
        "WHERE status IN ('resolved', 'closed')"
    )


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("outcome")
