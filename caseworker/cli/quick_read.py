"""A read-only connection for one quick command (``caseworker search``), without SQLAlchemy.

Importing SQLAlchemy and its models costs about half a second, more than the whole search, so
the commands a person types most open the store file directly. Only a store in the plainest
state is read this way: present, of this code's schema revision, and (if encrypted) unlocked
by its key. Anything else (missing, empty, foreign, older, newer, a wrong key) gets ``None``,
and the caller opens the store the full way, which migrates it or explains in one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseworker.store.revision import HEAD_REVISION

if TYPE_CHECKING:
    from caseworker.cli.app import Context
    from caseworker.services.search import Execute
    from caseworker.store.engine import KeyProvider

STORE_FILENAME = "caseworker.db"  # caseworker.store.store.STORE_FILENAME (a test holds them equal)
SQLITE_HEADER = b"SQLite format 3\x00"


def _key(path: Path, keys: KeyProvider | None) -> tuple[bool, str | None]:
    """(usable, key): a plain store needs no key; an encrypted one needs its key."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False, None
    if header == SQLITE_HEADER:
        return True, None
    if len(header) < len(SQLITE_HEADER) or keys is None:
        return False, None  # empty, or encrypted with no key store: the full open explains
    key = keys(path)
    return key is not None, key


def connect(data_dir: Path, keys: KeyProvider | None = None) -> Any | None:
    """A connection that may only read, on the data folder's store, or ``None`` when the
    store must be opened the full way."""
    path = data_dir / STORE_FILENAME
    usable, key = _key(path, keys)
    if not usable:
        return None
    import sqlcipher3

    try:
        conn = sqlcipher3.connect(str(path), timeout=30, isolation_level=None)
    except sqlcipher3.Error:
        return None
    try:
        if key is not None:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] != HEAD_REVISION:
            conn.close()
            return None
    except sqlcipher3.Error:
        conn.close()
        return None
    return conn


@contextmanager
def reading(ctx: Context) -> Iterator[Execute]:
    """One consistent read of the context's store, as plain SQL: quick when the store allows
    it, else through the full open (which migrates, or says what is wrong)."""
    conn = connect(ctx.data_dir, ctx.keys)
    if conn is None:
        from caseworker.services.search import session_execute

        with ctx.store().read() as session:
            yield session_execute(session)
        return
    try:
        conn.execute("BEGIN")
        yield conn.execute
    finally:
        conn.close()  # ends the read transaction
