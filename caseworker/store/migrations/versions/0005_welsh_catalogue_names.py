"""services and queues keep their Welsh names

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 16:30:00

A service's and a queue's ``name_cy`` (optional in the document) is projected beside ``name``,
and a service's ``group_cy`` beside ``group``, so a Welsh interface lists "Casgliad bin a
fethwyd (Gwastraff ac ailgylchu)" where an English one lists "Missed bin collection (Waste and
recycling)". Rows already projected are filled from their stored documents.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = {"services": {"name_cy": 200, "group_cy": 100}, "queues": {"name_cy": 100}}


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column, length in columns.items():
                batch.add_column(sa.Column(column, sa.String(length), nullable=True))
        # The winning body of each document is in documents.body (JSON); json_extract gives
        # NULL where the document has no Welsh name.
        for column in columns:
            op.execute(
                f"UPDATE {table} SET {column} = (SELECT json_extract(d.body, '$.{column}') "
                f"FROM documents AS d WHERE d.id = {table}.id)"
            )


def downgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_column(column)
