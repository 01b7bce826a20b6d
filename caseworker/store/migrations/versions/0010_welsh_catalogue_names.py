"""services and queues keep their Welsh names

Revision ID: 0010
Revises: 0003
Create Date: 2026-12-02 16:30:00

A service's and a queue's ``name_cy`` (optional in the document) is projected beside ``name``,
so a Welsh interface lists "Casgliad bin a fethwyd" where an English one lists "Missed bin
collection". Rows already projected are filled from their stored documents.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = {"services": 200, "queues": 100}


def upgrade() -> None:
    for table, length in _TABLES.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("name_cy", sa.String(length), nullable=True))
        # The winning body of each document is in documents.body (JSON); json_extract gives
        # NULL where the document has no Welsh name.
        op.execute(
            f"UPDATE {table} SET name_cy = (SELECT json_extract(d.body, '$.name_cy') "
            f"FROM documents AS d WHERE d.id = {table}.id)"
        )


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("name_cy")
