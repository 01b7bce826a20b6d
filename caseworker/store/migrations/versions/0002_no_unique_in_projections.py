"""projection tables hold no constraint a peer's data can break

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 02:40:00

Case references, staff usernames and service codes were UNIQUE: one clashing document from
another laptop then failed every later sync. They become plain indexes (a clash is listed as a
problem instead). The unused index on documents.type goes (every replicated write paid for
it) and a partial index finds documents with a problem. Projection rows left behind by
tombstones that carried no ``type`` (which the projection used to skip) are removed with
their search rows.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UNIQUE = (("cases", "reference"), ("staff", "username"), ("services", "code"))
_PROJECTED = (
    "citizens",
    "cases",
    "services",
    "staff",
    "queues",
    "case_events",
    "notes",
    "interactions",
    "mentions",
    "audit_events",
)
_SEARCH = {"citizens": "citizen_search", "cases": "case_search"}


def upgrade() -> None:
    for table, column in _UNIQUE:
        _drop_unique(table, column)
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)
    op.drop_index("ix_documents_type", table_name="documents")
    op.create_index(
        "ix_documents_problem_seq",
        "documents",
        ["seq"],
        unique=False,
        sqlite_where=sa.text("problem IS NOT NULL"),
    )
    for table in _PROJECTED:
        stale = f"SELECT id FROM documents WHERE deleted = 1 AND id IN (SELECT id FROM {table})"
        search = _SEARCH.get(table)
        if search:
            op.execute(
                f"DELETE FROM {search} WHERE rowid IN "
                f"(SELECT rowid FROM {table} WHERE id IN ({stale}))"
            )
        op.execute(f"DELETE FROM {table} WHERE id IN ({stale})")


def _drop_unique(table: str, column: str) -> None:
    """Rebuild ``table`` without its UNIQUE constraint, keeping every row's rowid: the search
    index is keyed by the cases' rowids (Alembic's batch copy would renumber them)."""
    conn = op.get_bind()
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    indexes = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,),
    ).scalars()
    unique = re.compile(rf",\s*CONSTRAINT uq_{table}_{column} UNIQUE \({column}\)")
    new_sql, found = unique.subn("", sql)
    if not found:
        return  # made without it
    new_sql = re.sub(rf'^CREATE TABLE "?{table}"?', f"CREATE TABLE _new_{table}", new_sql)
    keep = list(indexes)
    columns = ", ".join(
        f'"{row[1]}"' for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")
    )
    op.execute(new_sql)
    op.execute(f"INSERT INTO _new_{table} (rowid, {columns}) SELECT rowid, {columns} FROM {table}")
    op.execute(f"DROP TABLE {table}")
    op.execute(f"ALTER TABLE _new_{table} RENAME TO {table}")
    for index in keep:
        op.execute(index)


def downgrade() -> None:
    op.drop_index("ix_documents_problem_seq", table_name="documents")
    op.create_index("ix_documents_type", "documents", ["type"], unique=False)
    for table, column in reversed(_UNIQUE):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_{column}")
            batch_op.create_unique_constraint(f"uq_{table}_{column}", [column])
