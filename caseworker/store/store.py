"""A Caseworker store on disk: engines, schema check, and sessions for reading and writing."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from caseworker.errors import StoreError
from caseworker.store.engine import (
    SIDECARS,
    KeyProvider,
    file_kind,
    is_encrypted,
    is_wal,
    keep_private,
    make_engine,
    new_private_file,
    private_folder,
)
from caseworker.store.schema import ensure_schema

STORE_FILENAME = "caseworker.db"


class Store:
    """One store file. ``read()`` for queries, ``write()`` for one transaction of changes.

    The caller decides what a transaction is: ``with store.write() as session:`` commits when
    the block ends and rolls back if it raises.

    A missing file becomes a new, empty store (private to its owner); anything else at the path
    must be a Caseworker store, and is never overwritten: an empty file, a foreign file or
    another program's database is a ``StoreError``. ``new_file`` says that the caller itself
    has just made the (empty) file for a new store.
    """

    def __init__(self, path: Path, key: str | None = None, *, new_file: bool = False) -> None:
        created = _check_file(path, new_file=new_file)
        self.path = path
        self.encrypted = key is not None
        self._key = key
        self._reader = make_engine(path, key)
        self._writer = make_engine(path, key, writer=True)
        try:
            ensure_schema(self._writer)
        except BaseException as exc:
            self.close()
            if created:  # a store this call began and could not finish is not left behind
                for file in (path, *(path.with_name(path.name + s) for s in SIDECARS)):
                    file.unlink(missing_ok=True)
            if isinstance(exc, DatabaseError | OperationalError):
                raise StoreError(_explain(path, key, exc)) from exc
            raise
        self._read_sessions = sessionmaker(self._reader, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)

    @classmethod
    def open_dir(
        cls, data_dir: Path, keys: KeyProvider | None = None, *, encrypt_new: bool = False
    ) -> "Store":
        """Open (or create) the store in a data folder; the key provider is asked only when the
        file is encrypted, or when a new store is to be created encrypted."""
        path = data_dir / STORE_FILENAME
        key = None
        if is_encrypted(path) or (encrypt_new and not path.exists()):
            if keys is None:
                raise StoreError(f"{path} is encrypted and no key store is available")
            key = keys(path)
            if key is None:
                raise StoreError(
                    f"no encryption key for {path} in the key store (a store made with a "
                    "passphrase opens with --passphrase-stdin)"
                )
        return cls(path, key)

    def has_key(self, typed: str) -> bool:
        """Whether ``typed`` is this store's key (for a store opened with a passphrase, the
        passphrase: it unlocks a locked window when there is no central password)."""
        from caseworker.security.lock import same_secret

        return self._key is not None and same_secret(typed, self._key)

    def close_and_forget_key(self) -> None:
        """Close, and drop the key from this object (it is read again to open the store)."""
        self.close()
        self._key = None

    def beside(self, path: Path) -> "Store":
        """A new store at ``path``, which the caller has just made empty, with this store's key
        (e.g. to build a replacement for this store next to it)."""
        return Store(path, self._key, new_file=True)

    @property
    def writer_engine(self) -> Engine:
        return self._writer

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write_sessions() as session, session.begin():
            yield session

    def release_connections(self) -> None:
        """Close pooled connections (they reopen on demand), e.g. before changing journal mode."""
        self._reader.dispose()
        self._writer.dispose()

    def check_integrity(self) -> str:
        # On a fresh connection: FTS5 keeps a per-connection cache of its index structure, and
        # a pooled reader that saw the index before another connection wrote to it can report
        # "fts5: corruption found" where a new connection finds none.
        engine = make_engine(self.path, self._key)
        try:
            with engine.connect() as conn:
                return str(conn.execute(text("PRAGMA integrity_check")).scalar())
        finally:
            engine.dispose()

    def close(self) -> None:
        self._reader.dispose()
        self._writer.dispose()


def _check_file(path: Path, *, new_file: bool) -> bool:
    """Refuse what is not a store; make a missing one's empty file. Whether it was made."""
    kind = file_kind(path)
    if kind == "missing":
        private_folder(path.parent)
        new_private_file(path)
        return True
    if kind == "empty" and not new_file:
        raise StoreError(
            f"{path} is an empty file, not a Caseworker store; "
            "move it away and run init or seed to make a new store"
        )
    if kind == "foreign":
        raise StoreError(f"{path} is not a Caseworker store (nor any database); left as it is")
    if kind == "sqlite" and not is_wal(path):
        # Every Caseworker store is in WAL mode from its first write. Any other SQLite file is
        # looked at read-only first: switching it to WAL would change another program's file.
        _refuse_foreign_sqlite(path)
    keep_private(path)
    return False


def _refuse_foreign_sqlite(path: Path) -> None:
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlcipher3.connect(uri, uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlcipher3.DatabaseError as exc:
        raise StoreError(f"cannot open {path}: {exc}; not a Caseworker store") from exc
    if tables and "alembic_version" not in tables:
        raise StoreError(
            f"{path} is another program's SQLite database, not a Caseworker store; left as it is"
        )


def _explain(path: Path, key: str | None, exc: Exception) -> str:
    message = str(getattr(exc, "orig", exc))
    if "file is not a database" in message or "encrypted" in message:
        if key is not None:
            return f"cannot open {path}: wrong encryption key, or not a Caseworker store"
        return f"cannot open {path}: it is encrypted or not a Caseworker store"
    return f"cannot open {path}: {message}"
