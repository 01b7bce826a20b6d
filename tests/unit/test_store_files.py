"""What is on disk at the store's path is never taken for granted, and what Caseworker writes
there is private to the person who made it.

An empty file, a picture, a text file or another program's database where the store should be
is an error in one line, and the file is left exactly as it was: only ``init`` and ``seed`` on a
missing file make a store. Store folders are 0700, store files 0600, whatever the umask.
"""

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

import main
from caseworker.errors import StoreError
from caseworker.seed.duplicates import ANSWER_KEY
from caseworker.store.engine import is_encrypted
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.memory_keyring import MemoryKeyring, installed

SCRIPT = Path(sys.executable).with_name("caseworker")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


@pytest.fixture(autouse=True)
def lax_umask() -> Iterator[None]:
    """A umask that would make files readable by everyone: privacy must not depend on it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_one_line(stderr: str, words: str) -> None:
    assert stderr.startswith("caseworker: ") and stderr.count("\n") == 1, stderr
    assert words in stderr and "Traceback" not in stderr


def foreign_sqlite(path: Path) -> bytes:
    """A database another program made (rollback journal, its own tables)."""
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
        raw.execute("INSERT INTO recipes VALUES ('bara brith')")
    raw.close()
    return path.read_bytes()


def picture(path: Path) -> bytes:
    path.write_bytes(PNG * 128)
    return path.read_bytes()


def note(path: Path) -> bytes:
    path.write_text("shopping: milk, bread\n" * 100)
    return path.read_bytes()


FOREIGN = {"png": picture, "text": note, "sqlite": foreign_sqlite}


def test_an_empty_file_is_an_error_not_a_new_store(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    path.touch()
    with pytest.raises(StoreError, match="empty") as refused:
        Store(path)
    assert "\n" not in str(refused.value)
    with pytest.raises(StoreError, match="empty"):
        Store.open_dir(tmp_path, keys=lambda _path: "some key")
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_FILENAME]


def test_the_cli_says_an_empty_store_file_is_empty_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    path.touch()
    for args, words in (
        (("search", "smith"), "empty"),
        (("seed", "--citizens", "5"), "empty"),
        (("init",), "already exists"),
    ):
        result = cli(tmp_path, *args)
        assert result.returncode == 1
        assert_one_line(result.stderr, words)
        assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_FILENAME]


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_a_foreign_file_is_refused_in_one_line_and_left_as_it_was(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / STORE_FILENAME
    before = FOREIGN[kind](path)
    with pytest.raises(StoreError, match="not a Caseworker store") as refused:
        Store(path)
    assert "\n" not in str(refused.value)
    # A picture or a note is not taken for an encrypted store either: no key is asked for.
    asked: list[Path] = []
    with pytest.raises(StoreError, match="not a Caseworker store"):
        Store.open_dir(tmp_path, keys=lambda p: asked.append(p) or "a key")  # type: ignore[func-returns-value]
    assert asked == [] and not is_encrypted(path)
    assert path.read_bytes() == before  # byte for byte: not even its journal mode changed
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_FILENAME]


def test_the_cli_refuses_a_foreign_file_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    before = foreign_sqlite(path)
    for args in (("search", "smith"), ("seed", "--citizens", "5")):
        result = cli(tmp_path, *args)
        assert result.returncode == 1
        assert_one_line(result.stderr, "not a Caseworker store")
    assert path.read_bytes() == before


def test_a_new_store_is_private_to_its_owner(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    store = Store(data / STORE_FILENAME)
    with store.write() as s:  # the write-ahead log and its index exist while the store is open
        s.execute(text("CREATE TABLE scratch (x)"))
    assert mode(data) == 0o700
    for name in (STORE_FILENAME, f"{STORE_FILENAME}-wal", f"{STORE_FILENAME}-shm"):
        assert mode(data / name) == 0o600, name
    store.close()


def test_an_existing_store_made_readable_to_others_is_made_private_again(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    Store(path).close()
    path.chmod(0o644)
    store = Store(path)
    with store.write() as s:
        s.execute(text("CREATE TABLE scratch (x)"))
    assert mode(path) == 0o600
    assert mode(tmp_path / f"{STORE_FILENAME}-wal") == 0o600
    store.close()


def test_init_and_seed_make_private_folders_and_files(tmp_path: Path) -> None:
    with installed(MemoryKeyring()):
        assert main.run(["--data-dir", str(tmp_path / "init"), "init"]) == 0
        assert main.run(["--data-dir", str(tmp_path / "secret"), "init", "--encrypted"]) == 0
        assert main.run(["--data-dir", str(tmp_path / "secret"), "seed", "--citizens", "5"]) == 0
    assert main.run(["--data-dir", str(tmp_path / "seeded"), "seed", "--citizens", "5"]) == 0
    for folder in ("init", "secret", "seeded"):
        assert mode(tmp_path / folder) == 0o700, folder
        # A seeded store has the seed's answer key beside it (which citizens are duplicates).
        made = {STORE_FILENAME} | ({ANSWER_KEY} if folder != "init" else set())
        assert {p.name for p in (tmp_path / folder).iterdir()} == made, folder
        for name in made:
            assert mode(tmp_path / folder / name) == 0o600, (folder, name)


def test_a_new_store_that_cannot_be_made_leaves_no_empty_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_engine: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("caseworker.store.store.ensure_schema", disk_full)
    with pytest.raises(OSError, match="No space left"):
        Store(tmp_path / STORE_FILENAME)
    assert list(tmp_path.iterdir()) == []  # so the next try is not refused as an empty file
