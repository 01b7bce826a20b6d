"""warning markers' projection

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 16:30:00

``marker`` documents (warnings on a citizen: vulnerability, safeguarding, accessibility,
officer safety) get a row in ``markers``. Markers a store already holds (kept by an older
version, which had no table for them) are projected here.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from caseworker.models.base import IsoDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "markers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.String(length=80), nullable=False),
        sa.Column("citizen_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("set_by", sa.String(length=64), nullable=False),
        sa.Column("set_at", IsoDateTime(), nullable=False),
        sa.Column("review_on", sa.String(length=10), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("address_line", sa.String(length=500), nullable=True),
        sa.Column("ended_at", IsoDateTime(), nullable=True),
        sa.Column("ended_by", sa.String(length=64), nullable=True),
        sa.Column("conflicted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_markers")),
    )
    op.create_index("ix_markers_citizen_id", "markers", ["citizen_id"], unique=False)
    op.create_index("ix_markers_postcode", "markers", ["postcode"], unique=False)
    _project_held_markers()


def _project_held_markers() -> None:
    from caseworker.store import projection  # the store's code, needed only with data

    session = Session(bind=op.get_bind())
    rows = op.get_bind().exec_driver_sql(
        "SELECT body, rev, conflicted FROM documents "
        "WHERE type = 'marker' AND deleted = 0 AND problem IS NULL ORDER BY seq"
    )
    batch = [projection.marker(json.loads(b), rev, bool(c)) for b, rev, c in rows]
    if batch:
        projection.write(session, batch, fresh=True)


def downgrade() -> None:
    op.drop_index("ix_markers_postcode", table_name="markers")
    op.drop_index("ix_markers_citizen_id", table_name="markers")
    op.drop_table("markers")
