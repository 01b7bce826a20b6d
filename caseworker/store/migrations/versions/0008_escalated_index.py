"""an index of the cases escalated by the central service

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 20:00:00

Case events of kind ``escalated`` (written by the central worker's escalation rules) are found
by a partial index, so a queue list flags its escalated cases and a supervisor's My work finds
the cases escalated to them without reading every case event.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_case_events_escalated",
        "case_events",
        ["case_id"],
        unique=False,
        sqlite_where=sa.text("kind = 'escalated'"),
    )


def downgrade() -> None:
    op.drop_index("ix_case_events_escalated", table_name="case_events")
