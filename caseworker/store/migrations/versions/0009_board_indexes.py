"""the supervisor's board: indexes for its figures

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 20:00:00

The board counts ranges of these instead of reading a million case rows: open cases by age
(status, opened_at), cases opened by channel and week (channel, opened_at), and cases resolved
per week with their time to resolve and, for first-contact resolution, their id
(resolved_at, opened_at, id).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_status_opened", "cases", ["status", "opened_at"])
    op.create_index("ix_cases_channel_opened", "cases", ["channel", "opened_at"])
    op.create_index("ix_cases_resolved_opened", "cases", ["resolved_at", "opened_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_cases_resolved_opened", table_name="cases")
    op.drop_index("ix_cases_channel_opened", table_name="cases")
    op.drop_index("ix_cases_status_opened", table_name="cases")
