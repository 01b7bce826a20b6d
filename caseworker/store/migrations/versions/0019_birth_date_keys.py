"""identity resolution: two more blocking keys, both with the birth date

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 08:00:00

``t:phone:dob`` (a phone too common to block on alone, with the birth date: one person who
moved and took a new name keeps both) and ``w:dob:sound:sound`` (both names as they sound, in
either order: a record typed with the names swapped). Existing citizens get them here, from the
tables, in batches; the other keys are left as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5_000
_NEW = ("t:", "w:")


def upgrade() -> None:
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
                sa.text(
                    "SELECT id FROM citizens WHERE id > :after AND date_of_birth IS NOT NULL "
                    "ORDER BY id LIMIT :n"
                ),
                {"after": after, "n": _BATCH},
            )
        ]
        if not ids:
            break
        people = load_people(session, ids)
        rows = [
            {"c": cid, "k": key}
            for cid, person in people.items()
            for key in record_keys(person)
            if key.startswith(_NEW)
        ]
        if rows:
            bind.execute(
                sa.text(
                    "INSERT OR IGNORE INTO citizen_match_keys (citizen_id, key) VALUES (:c, :k)"
                ),
                rows,
            )
        after = ids[-1]


def downgrade() -> None:
    op.execute("DELETE FROM citizen_match_keys WHERE key LIKE 't:%' OR key LIKE 'w:%'")
