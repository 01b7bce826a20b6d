"""Opening stores: migrations at start-up, refusals in plain words, encryption at rest."""

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from caseworker.documents.codec import new_document
from caseworker.documents.types import QUEUE
from caseworker.errors import StoreError
from caseworker.models import Base, Queue
from caseworker.store import docstore
from caseworker.store.engine import is_encrypted
from caseworker.store.schema import HEAD_REVISION, include_name
from caseworker.store.store import STORE_FILENAME, Store


def test_a_new_store_is_migrated_to_the_head_revision_in_wal_mode(store: Store) -> None:
    with store.read() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_the_migrations_build_exactly_the_schema_the_models_describe(store: Store) -> None:
    with store.writer_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_a_store_from_a_newer_caseworker_is_refused_not_damaged(tmp_path: Path) -> None:
    Store(tmp_path / STORE_FILENAME).close()
    with sqlite3.connect(tmp_path / STORE_FILENAME) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer Caseworker"):
        Store(tmp_path / STORE_FILENAME)
    with sqlite3.connect(tmp_path / STORE_FILENAME) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_some_other_sqlite_file_is_not_taken_for_a_store(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "other.db") as raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="not a Caseworker store"):
        Store(tmp_path / "other.db")


def test_a_file_that_is_not_a_database_gives_a_plain_error(tmp_path: Path) -> None:
    (tmp_path / "junk.db").write_bytes(b"this is not a database at all, honest" * 200)
    with pytest.raises(StoreError, match="not a Caseworker store"):
        Store(tmp_path / "junk.db")


def test_an_encrypted_store_opens_only_with_its_key(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    encrypted = Store(path, key="correct horse battery staple")
    with encrypted.write() as s:
        docstore.put(s, new_document(QUEUE, "queue:x", {"name": "Secret queue", "active": True}))
    encrypted.close()
    assert is_encrypted(path)
    assert b"Secret queue" not in path.read_bytes()

    again = Store(path, key="correct horse battery staple")
    with again.read() as s:
        assert s.get(Queue, "queue:x").name == "Secret queue"  # type: ignore[union-attr]
    again.close()
    with pytest.raises(StoreError, match="wrong encryption key"):
        Store(path, key="wrong key")
    with pytest.raises(StoreError, match="encrypted"):
        Store(path)
    with pytest.raises(StoreError, match="no encryption key"):
        Store.open_dir(tmp_path, keys=lambda _path: None)
    opened = Store.open_dir(tmp_path, keys=lambda _path: "correct horse battery staple")
    assert opened.encrypted
    opened.close()
