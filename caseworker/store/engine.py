"""Opening the local store: SQLite through sqlcipher3, WAL, foreign keys, optional encryption.

sqlcipher3 is used for plain stores too: it carries a recent SQLite with FTS5's trigram
tokenizer, whatever the system's SQLite is.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event

from caseworker.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
KeyProvider = Callable[[Path], str | None]
"""Gives the encryption key of the store at a path, or None for a plain store."""


def is_encrypted(path: Path) -> bool:
    """A SQLCipher file has no plain SQLite header; an empty or missing file is not encrypted."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except FileNotFoundError:
        return False
    return len(header) == 16 and header != SQLITE_HEADER


def _quote_key(key: str) -> str:
    return "'" + key.replace("'", "''") + "'"


def make_engine(path: Path, key: str | None = None, *, writer: bool = False) -> Engine:
    """An engine on the store file; the key, if any, is applied before any other statement.

    A writer engine begins each transaction with BEGIN IMMEDIATE, taking the write lock up front
    so two writers (the app and a CLI job) queue on busy_timeout instead of failing late; readers
    begin deferred and, in WAL mode, never wait for a writer.
    """
    path.parent.mkdir(parents=True, exist_ok=True)

    def connect() -> Any:
        # The GUI's database worker thread and the CLI each use their own connections;
        # check_same_thread is off so a pooled connection may move between them safely.
        conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30)
        if key is not None:
            # SQLCipher would print a wrong key's HMAC failures to stderr; we explain it instead.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {_quote_key(key)}")
        return conn

    engine = create_engine(
        "sqlite://", creator=connect, module=sqlcipher3.dbapi2, pool_pre_ping=False
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        # The DBAPI's own transaction handling is turned off so SQLAlchemy's BEGIN is the one
        # that counts (pysqlite quirk); see SQLAlchemy's "Serializable isolation" notes.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlcipher3.DatabaseError as exc:
            raise StoreError(_explain_open_error(path, key, exc)) from exc
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    begin = "BEGIN IMMEDIATE" if writer else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine


def _explain_open_error(path: Path, key: str | None, exc: Exception) -> str:
    if key is None and is_encrypted(path):
        return f"{path} is encrypted (or not a Caseworker store) and no key was given"
    if key is not None:
        return f"cannot open {path}: wrong encryption key, or not a Caseworker store"
    return f"cannot open {path}: {exc}"
