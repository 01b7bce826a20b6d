"""``caseworker sync`` into a new folder makes an encrypted store, as the window does: its key in
the OS keyring, or the passphrase given with ``--passphrase-stdin``. With neither, it says what
to do in one line and leaves nothing behind (no store, no remembered server). A plain store
that already exists keeps syncing, still plain; ``--unencrypted`` makes a plain one when asked."""

import io
import sys
from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as FailKeyring

import main
from caseworker.security.passphrase import passphrase_keys
from caseworker.store.engine import is_encrypted
from caseworker.store.store import STORE_FILENAME, Store
from sync.keychain import store_key_provider
from tests.support.gateway import Gateway
from tests.support.memory_keyring import MemoryKeyring, installed
from tests.sync.helpers import local_ids, make_store

PASSPHRASE = "Lleuad lawn dros Gaerdydd"


def cli_sync(
    monkeypatch: pytest.MonkeyPatch, gateway: Gateway, folder: Path, stdin: str, *extra: str
) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    before, after = (
        [e for e in extra if e == "--passphrase-stdin"],
        [e for e in extra if e != "--passphrase-stdin"],
    )
    return main.run(
        ["--data-dir", str(folder), *before, "sync", "--server", gateway.db_url, "--user", "olu",
         "--password-stdin", "--once", *after]
    )  # fmt: skip


def test_a_new_folder_gets_an_encrypted_store_with_its_key_in_the_keyring(
    tmp_path: Path,
    gateway: Gateway,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "laptop"
    with installed(MemoryKeyring()) as ring:
        assert cli_sync(monkeypatch, gateway, folder, "olu-pw\n") == 0
        out, err = capsys.readouterr()
        assert "up to date" in out
        assert "made an encrypted store (its key in the OS keyring)" in err
        path = folder / STORE_FILENAME
        assert is_encrypted(path)
        assert len(ring.passwords) == 1
        store = Store.open_dir(folder, store_key_provider())
        try:
            assert "case:h1" in local_ids(store)
        finally:
            store.close()
        assert cli_sync(monkeypatch, gateway, folder, "olu-pw\n") == 0  # and again, as it is
        assert "made" not in capsys.readouterr().err
    assert b"Dafydd" not in path.read_bytes()


def test_with_no_keyring_and_no_passphrase_it_says_what_to_do_and_leaves_nothing(
    tmp_path: Path,
    gateway: Gateway,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "laptop"
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert cli_sync(monkeypatch, gateway, folder, "olu-pw\n") == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("caseworker: a new store is encrypted, and there is no OS keyring")
    assert "--passphrase-stdin" in err and "--unencrypted" in err
    assert not (folder / STORE_FILENAME).exists()
    assert not (folder / "central.json").exists()


def test_with_no_keyring_a_passphrase_makes_the_encrypted_store(
    tmp_path: Path,
    gateway: Gateway,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "laptop"
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        stdin = f"{PASSPHRASE}\nolu-pw\n"
        assert cli_sync(monkeypatch, gateway, folder, stdin, "--passphrase-stdin") == 0
    assert "made an encrypted store (it opens with its passphrase)" in capsys.readouterr().err
    assert is_encrypted(folder / STORE_FILENAME)
    store = Store.open_dir(folder, passphrase_keys(PASSPHRASE))
    try:
        assert "case:h1" in local_ids(store)
    finally:
        store.close()


def test_an_existing_plain_store_keeps_syncing_and_unencrypted_is_plain_when_asked(
    tmp_path: Path,
    gateway: Gateway,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_store(tmp_path, "old").close()  # made before stores were encrypted by default
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert cli_sync(monkeypatch, gateway, tmp_path / "old", "olu-pw\n") == 0
        assert "made" not in capsys.readouterr().err
        assert not is_encrypted(tmp_path / "old" / STORE_FILENAME)
        assert cli_sync(monkeypatch, gateway, tmp_path / "new", "olu-pw\n", "--unencrypted") == 0
    assert "made a plain store (not encrypted" in capsys.readouterr().err
    assert not is_encrypted(tmp_path / "new" / STORE_FILENAME)
