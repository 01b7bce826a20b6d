"""A store that lives in memory only: for a record shown once and never kept.

    store = MemoryStore()          # the same schema, docstore and projection as a file store
    with store.write() as session: put_replicated_many(session, docs)
    store.close()                  # and it is gone

An agent's record opened on demand (``sync.open_record``) is read through the same code as a
pulled one, but nothing of it may reach the laptop's disk: the database is SQLite's
``:memory:``, its temporary tables and journal in memory too, on one connection (each new
connection to ``:memory:`` would be another, empty database). Reads and writes share that
connection, so one thread uses the store at a time: it is filled, then only read.
"""

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from caseworker.errors import StoreError
from caseworker.store.schema import ensure_schema
from caseworker.store.store import Store

MEMORY = Path(":memory:")


def memory_engine() -> Engine:
    """An engine on one private in-memory SQLite database."""

    def connect() -> Any:
        return sqlcipher3.connect(":memory:", check_same_thread=False)

    engine = create_engine(
        "sqlite://", creator=connect, module=sqlcipher3.dbapi2, poolclass=StaticPool
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's BEGIN is the one that counts
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA temp_store=MEMORY")  # sorts and temporary tables: no temp files
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


class MemoryStore(Store):
    """A ``Store`` with no file: ``read()``, ``write()`` and ``close()`` as any store."""

    def __init__(self) -> None:  # no file to check, create or key: Store.__init__ is not run
        engine = memory_engine()
        ensure_schema(engine)
        self.path = MEMORY
        self.encrypted = False
        self._key = None
        self._reader = self._writer = engine
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(engine, expire_on_commit=False)
        self.closed = False

    def close(self) -> None:
        """Drop the database: its one connection closes, and with it everything it held."""
        self.closed = True
        super().close()

    def beside(self, path: Path) -> Store:
        raise StoreError("a store in memory has no folder to put another store beside")

    def check_integrity(self) -> str:
        with self._writer.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
