"""mentions as ActivityStreams notes: author address, sanitised HTML, edits, deletions, triage

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 23:00:00

The mention document grew optional fields without a new schema version (a reader that does not
know them keeps them untouched), so a store before this revision may already hold mentions with
them in their stored body: they are filled in here. Two indexes: a citizen's mentions by time
(their timeline) and mentions by author handle (matching an author to a citizen).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import IsoDateTime

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = (
    ("author_url", sa.String(length=1000)),
    ("content_html", sa.Text()),
    ("edited_at", IsoDateTime()),
    ("deleted_at", IsoDateTime()),
    ("visibility", sa.String(length=20)),
    ("in_reply_to", sa.String(length=200)),
    ("language", sa.String(length=20)),
    ("triaged_by", sa.String(length=64)),
    ("triaged_at", IsoDateTime()),
)


def upgrade() -> None:
    for name, kind in _COLUMNS:
        op.add_column("mentions", sa.Column(name, kind, nullable=True))
        # documents.body holds each winning revision as JSON; its times are the same ISO text
        # the column stores.
        op.execute(
            f"UPDATE mentions SET {name} = (SELECT json_extract(d.body, '$.{name}') "
            "FROM documents AS d WHERE d.id = mentions.id)"
        )
    op.create_index("ix_mentions_citizen_published", "mentions", ["citizen_id", "published_at"])
    op.create_index("ix_mentions_author_handle", "mentions", ["author_handle"])


def downgrade() -> None:
    op.drop_index("ix_mentions_author_handle", table_name="mentions")
    op.drop_index("ix_mentions_citizen_published", table_name="mentions")
    with op.batch_alter_table("mentions") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
