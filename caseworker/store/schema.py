"""Schema version checks and migrations, run when a store is opened.

Importing Alembic costs most of a second, so it is imported only when the stored schema
revision differs from the one this code was written for.
"""

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from caseworker.errors import StoreError
from caseworker.store.revision import HEAD_REVISION as HEAD_REVISION
from caseworker.store.revision import KNOWN_REVISIONS as KNOWN_REVISIONS

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


SEARCH_TABLES = ("citizen_search", "case_search", "directory_search")


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """Autogenerate ignores the FTS5 index tables (made by hand in the migration)."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLES))


def stored_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(engine: Engine) -> None:
    """Bring the store up to HEAD_REVISION, or refuse a store made by a newer Caseworker."""
    with engine.connect() as conn:
        current = stored_revision(conn)
        if current == HEAD_REVISION:
            return
        if current is not None and current not in KNOWN_REVISIONS:
            raise StoreError(
                f"this store was written by a newer Caseworker (schema {current}); "
                "update Caseworker to open it"
            )
        if current is None and _has_foreign_tables(conn):
            raise StoreError("this file is a SQLite database but not a Caseworker store")
    _upgrade(engine)


def _has_foreign_tables(conn: Connection) -> bool:
    return bool(inspect(conn).get_table_names())


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, HEAD_REVISION)
