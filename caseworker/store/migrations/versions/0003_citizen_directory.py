"""the citizen directory's projection and search index

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 06:20:00

An agent's laptop holds one ``directory`` document per citizen of the council (a summary to
find any caller by). They were kept but not projected; now each has a row in
``directory_entries`` and search terms in ``directory_search`` (keyed by the row's rowid, as
citizens' and cases' are). Entries a store already holds are projected here.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2000


def upgrade() -> None:
    op.create_table(
        "directory_entries",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("citizen_id", sa.String(length=200), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("family_name", sa.String(length=100, collation="NOCASE"), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("merged_into", sa.String(length=64), nullable=True),
        sa.Column("postcodes", sa.String(length=400), nullable=False),
        sa.Column("line", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_entries")),
    )
    op.create_index(
        "ix_directory_entries_citizen_id", "directory_entries", ["citizen_id"], unique=False
    )
    op.create_index(
        "ix_directory_entries_family_name",
        "directory_entries",
        ["family_name", "given_name"],
        unique=False,
    )
    op.execute(
        "CREATE VIRTUAL TABLE directory_search USING fts5(text, "
        "tokenize='trigram remove_diacritics 1', "
        "content='', contentless_delete=1)"
    )
    _project_held_entries()


def _project_held_entries() -> None:
    """The live, valid directory documents already stored (the writer typed them ``directory``
    and left ``problem`` empty), through today's projection, a batch at a time."""
    from caseworker.store import projection  # the store's code, needed only with data

    session = Session(bind=op.get_bind())
    rows = op.get_bind().exec_driver_sql(
        "SELECT body, rev, conflicted FROM documents "
        "WHERE type = 'directory' AND deleted = 0 AND problem IS NULL ORDER BY seq"
    )
    batch: list[projection.Projection] = []
    for body, rev, conflicted in rows:
        batch.append(projection.directory(json.loads(body), rev, bool(conflicted)))
        if len(batch) >= _BATCH:
            projection.write(session, batch, fresh=True)
            batch = []
    if batch:
        projection.write(session, batch, fresh=True)


def downgrade() -> None:
    op.execute("DROP TABLE directory_search")
    op.drop_index("ix_directory_entries_family_name", table_name="directory_entries")
    op.drop_index("ix_directory_entries_citizen_id", table_name="directory_entries")
    op.drop_table("directory_entries")
