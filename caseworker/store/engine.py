"""Opening the local store: SQLite through sqlcipher3, WAL, foreign keys, optional encryption.

sqlcipher3 is used for plain stores too: it carries a recent SQLite with FTS5's trigram
tokenizer, whatever the system's SQLite is.
"""

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import SingletonThreadPool

from caseworker.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
SIDECARS = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database, named after it."""
THREADS_PER_STORE = 64  # connections kept per engine, one for each thread that used it
_PAGE_MULTIPLE = 512  # SQLCipher files are whole pages, and pages are multiples of 512 bytes
KeyProvider = Callable[[Path], str | None]
"""Gives the encryption key of the store at a path, or None for a plain store."""
FileKind = Literal["missing", "empty", "sqlite", "encrypted", "foreign"]


def file_kind(path: Path) -> FileKind:
    """What is at a store's path, from its size and first bytes alone.

    "encrypted" means it could be an SQLCipher store: no SQLite header, and whole pages long
    (SQLCipher's header is random, so that is all that can be told without the key).
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return "missing"
    except OSError:  # a folder, or unreadable: not a store, whatever it is
        return "foreign"
    if size == 0:
        return "empty"
    if header == SQLITE_HEADER:
        return "sqlite"
    return "encrypted" if size % _PAGE_MULTIPLE == 0 else "foreign"


def is_encrypted(path: Path) -> bool:
    """Whether the file could be an SQLCipher store; an empty or missing file is not."""
    return file_kind(path) == "encrypted"


def is_wal(path: Path) -> bool:
    """Whether a plain SQLite file is in write-ahead-log mode (header bytes 18-19 are 2)."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return header[18:20] == b"\x02\x02"


def private_folder(folder: Path) -> None:
    """Make the folder if it is missing, readable by its owner only (whatever the umask)."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(PRIVATE_DIR)


def new_private_file(path: Path | str) -> None:
    """An empty file only its owner can read, for SQLite to fill: SQLite gives the write-ahead
    log and its index the database file's permissions, so they are private too."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def keep_private(path: Path) -> None:
    """Take group and other permissions off a store and its SQLite files (e.g. one made by an
    older Caseworker with 0644); a file someone else owns is left to them."""
    for file in (path, *(path.with_name(path.name + s) for s in SIDECARS)):
        try:
            mode = stat.S_IMODE(file.stat().st_mode)
            if mode & 0o077:
                file.chmod(mode & 0o700)
        except (FileNotFoundError, PermissionError):
            pass


def _quote_key(key: str) -> str:
    return "'" + key.replace("'", "''") + "'"


def make_engine(path: Path, key: str | None = None, *, writer: bool = False) -> Engine:
    """An engine on the store file; the key, if any, is applied before any other statement.

    A writer engine begins each transaction with BEGIN IMMEDIATE, taking the write lock up front
    so two writers (the app and a CLI job) queue on busy_timeout instead of failing late; readers
    begin deferred and, in WAL mode, never wait for a writer.
    """
    private_folder(path.parent)

    def connect() -> Any:
        # The GUI's database worker thread and the CLI each use their own connections;
        # check_same_thread is off so a pooled connection may move between them safely.
        conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30)
        if key is not None:
            # SQLCipher would print a wrong key's HMAC failures to stderr; we explain it instead.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {_quote_key(key)}")
        return conn

    # One connection per thread (SQLAlchemy's choice for this URL), but never closed under a
    # thread still using it: the default keeps 5 and, when a sixth thread connects, closes one
    # of the others at random, which SQLite answers with MemoryError or a crash. Threads that
    # touch a store are few (the window's worker, a sync, a first connect, a benchmark's).
    engine = create_engine(
        "sqlite://",
        creator=connect,
        module=sqlcipher3.dbapi2,
        pool_pre_ping=False,
        poolclass=SingletonThreadPool,
        pool_size=THREADS_PER_STORE,
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
        # Freed space is zeroed: a record purged from the laptop (or an old revision's body)
        # leaves no readable trace in the file.
        cursor.execute("PRAGMA secure_delete=ON")
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
