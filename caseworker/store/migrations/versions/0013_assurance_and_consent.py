"""assurance checks and consents that act

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 23:30:00

A consent gets the partner it allows sharing with, who recorded it and when, and its
withdrawal (who, when); checks made with a citizen (``checks`` in the citizen document) get a
row in ``assurance_checks``. Citizens a store already holds are projected again, so the checks
and the new consent fields their documents carry (kept by an older version) are in the rows.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from caseworker.models.base import IsoDateTime

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CONSENT_COLUMNS = (
    ("partner", sa.String(length=200)),
    ("recorded_by", sa.String(length=64)),
    ("recorded_at", IsoDateTime()),
    ("withdrawn_at", IsoDateTime()),
    ("withdrawn_by", sa.String(length=64)),
)


def upgrade() -> None:
    with op.batch_alter_table("consents", schema=None) as batch_op:
        for name, kind in _CONSENT_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    op.create_table(
        "assurance_checks",
        sa.Column("id", sa.String(length=140), nullable=False),
        sa.Column("citizen_id", sa.String(length=64), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("identifier_id", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=True),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", IsoDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizens.id"],
            name=op.f("fk_assurance_checks_citizen_id_citizens"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assurance_checks")),
    )
    op.create_index(
        "ix_assurance_checks_citizen_id", "assurance_checks", ["citizen_id"], unique=False
    )
    _project_held_citizens()


def _project_held_citizens() -> None:
    """Only citizens whose documents carry checks or the new consent fields need it."""
    from caseworker.store import projection  # the store's code, needed only with data

    session = Session(bind=op.get_bind())
    rows = op.get_bind().exec_driver_sql(
        "SELECT body, rev, conflicted FROM documents "
        "WHERE type = 'citizen' AND deleted = 0 AND problem IS NULL "
        "AND (body LIKE '%\"checks\"%' OR body LIKE '%\"recorded_by\"%') ORDER BY seq"
    )
    batch = [projection.citizen(json.loads(b), rev, bool(c)) for b, rev, c in rows]
    if batch:
        projection.write(session, batch, fresh=False)


def downgrade() -> None:
    op.drop_index("ix_assurance_checks_citizen_id", table_name="assurance_checks")
    op.drop_table("assurance_checks")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        for name, _ in reversed(_CONSENT_COLUMNS):
            batch_op.drop_column(name)
