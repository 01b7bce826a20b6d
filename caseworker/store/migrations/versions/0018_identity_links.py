"""identity links projected, so the single view reads a citizen's linked contacts by index

Revision ID: 0018
Revises: 0016
Create Date: 2026-12-03 04:30:00

``identity_link`` documents get a row in ``identity_links``, indexed by citizen (the contacts
linked to one) and by the contact linked (why it was linked). Links a store already holds are
projected here from their documents' winning bodies.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import IsoDateTime

revision: str = "0018"
# The lead re-chains at merge (0017 is another branch's).
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "identity_links",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("citizen_id", sa.String(length=64), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", IsoDateTime(), nullable=False),
        sa.Column("undone_at", IsoDateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_links")),
    )
    op.create_index("ix_identity_links_citizen_id", "identity_links", ["citizen_id"])
    op.create_index("ix_identity_links_subject_id", "identity_links", ["subject_id"])
    # Dates are kept as the documents write them (ISO text), as IsoDateTime stores them.
    op.execute(
        "INSERT INTO identity_links (id, rev, subject_id, citizen_id, method, probability, "
        "reasons, by, at, undone_at, undone_by) "
        "SELECT d.id, d.rev, json_extract(d.body, '$.subject_id'), "
        "json_extract(d.body, '$.citizen_id'), json_extract(d.body, '$.method'), "
        "json_extract(d.body, '$.probability'), "
        "coalesce((SELECT group_concat(r.value, ' ') FROM json_each(d.body, '$.reasons') r), ''), "
        "json_extract(d.body, '$.by'), json_extract(d.body, '$.at'), "
        "json_extract(d.body, '$.undone_at'), json_extract(d.body, '$.undone_by') "
        "FROM documents d WHERE d.type = 'identity_link' AND NOT d.deleted "
        "AND json_extract(d.body, '$.subject_id') IS NOT NULL "
        "AND json_extract(d.body, '$.citizen_id') IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_index("ix_identity_links_subject_id", table_name="identity_links")
    op.drop_index("ix_identity_links_citizen_id", table_name="identity_links")
    op.drop_table("identity_links")
