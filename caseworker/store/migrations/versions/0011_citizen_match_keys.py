"""identity resolution: blocking keys of citizens

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-02 23:00:00

One row per (citizen, key), keys made by caseworker.identity.keys from the citizen's projected
rows, so a contact is matched against the few citizens that share a key instead of all of them.
Existing citizens are backfilled here, from the tables (the documents are not re-read).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5_000


def upgrade() -> None:
    op.create_table(
        "citizen_match_keys",
        sa.Column("citizen_id", sa.String(64), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizens.id"],
            name=op.f("fk_citizen_match_keys_citizen_id_citizens"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("citizen_id", "key", name=op.f("pk_citizen_match_keys")),
    )
    _backfill()
    op.create_index("ix_citizen_match_keys_key", "citizen_match_keys", ["key", "citizen_id"])


def _backfill() -> None:
    # Imported here: the migration module must load without the product's packages when
    # Alembic only lists revisions.
    from sqlalchemy.orm import Session

    from caseworker.identity.keys import record_keys
    from caseworker.identity.records import load_people

    bind = op.get_bind()
    session = Session(bind=bind)
    after = ""
    while True:
        ids = [
            row[0]
            for row in bind.execute(
                sa.text("SELECT id FROM citizens WHERE id > :after ORDER BY id LIMIT :n"),
                {"after": after, "n": _BATCH},
            )
        ]
        if not ids:
            break
        people = load_people(session, ids)
        rows = [{"c": cid, "k": key} for cid, p in people.items() for key in record_keys(p)]
        if rows:
            bind.execute(
                sa.text("INSERT INTO citizen_match_keys (citizen_id, key) VALUES (:c, :k)"), rows
            )
        after = ids[-1]


def downgrade() -> None:
    op.drop_index("ix_citizen_match_keys_key", table_name="citizen_match_keys")
    op.drop_table("citizen_match_keys")
