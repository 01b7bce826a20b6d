"""A Caseworker store on disk: engines, schema check, and sessions for reading and writing."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from caseworker.errors import StoreError
from caseworker.store.engine import KeyProvider, is_encrypted, make_engine
from caseworker.store.schema import ensure_schema

STORE_FILENAME = "caseworker.db"


class Store:
    """One store file. ``read()`` for queries, ``write()`` for one transaction of changes.

    The caller decides what a transaction is: ``with store.write() as session:`` commits when
    the block ends and rolls back if it raises.
    """

    def __init__(self, path: Path, key: str | None = None) -> None:
        self.path = path
        self.encrypted = key is not None
        self._reader = make_engine(path, key)
        self._writer = make_engine(path, key, writer=True)
        try:
            ensure_schema(self._writer)
        except (DatabaseError, OperationalError) as exc:
            self.close()
            raise StoreError(_explain(path, key, exc)) from exc
        except StoreError:
            self.close()
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
                raise StoreError(f"no encryption key for {path} in the key store")
        return cls(path, key)

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
        with self._reader.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())

    def close(self) -> None:
        self._reader.dispose()
        self._writer.dispose()


def _explain(path: Path, key: str | None, exc: Exception) -> str:
    message = str(getattr(exc, "orig", exc))
    if "file is not a database" in message or "encrypted" in message:
        if key is not None:
            return f"cannot open {path}: wrong encryption key, or not a Caseworker store"
        return f"cannot open {path}: it is encrypted or not a Caseworker store"
    return f"cannot open {path}: {message}"
