"""A store made on the command line is encrypted by default, like the window's: its key in the
OS keyring, or a passphrase; with neither, one line says what to do and no store is left
behind. A plain store is made only when asked for in so many words (``--unencrypted``) or by
the machine's policy, and ``caseworker status`` says which kind a store is, without its key."""

import io
import json
import sys
from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as FailKeyring

import main
from caseworker.security import policy
from caseworker.store.engine import is_encrypted
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.memory_keyring import MemoryKeyring, installed

PASSPHRASE = "Lleuad lawn dros Gaerdydd"


def run(monkeypatch: pytest.MonkeyPatch, folder: Path, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main.run(["--data-dir", str(folder), *argv])


def status(
    monkeypatch: pytest.MonkeyPatch, folder: Path, capsys: pytest.CaptureFixture[str]
) -> str:
    capsys.readouterr()
    assert run(monkeypatch, folder, "status") == 0
    return capsys.readouterr().out


def test_init_makes_an_encrypted_store_with_its_key_in_the_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with installed(MemoryKeyring()) as ring:
        assert run(monkeypatch, tmp_path, "init") == 0
        assert "created an encrypted store (its key in the OS keyring)" in capsys.readouterr().out
        path = tmp_path / STORE_FILENAME
        assert is_encrypted(path)
        assert [account for _service, account in ring.passwords] == [str(path.resolve())]
        assert run(monkeypatch, tmp_path, "search", "smith") == 0
        shown = status(monkeypatch, tmp_path, capsys)
    assert f"store: {path}" in shown
    assert "encrypted at rest: yes" in shown


def test_with_no_keyring_and_no_passphrase_one_line_says_what_to_do_and_nothing_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "laptop"
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert run(monkeypatch, folder, "init") == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(
        "caseworker: a new store is encrypted, and there is no OS keyring on this machine"
    )
    assert "--passphrase-stdin" in err and "--unencrypted" in err and "gnome-keyring" in err
    assert not (folder / STORE_FILENAME).exists()


def test_with_no_keyring_a_passphrase_makes_the_encrypted_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = PASSPHRASE + "\n"
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert run(monkeypatch, tmp_path, "--passphrase-stdin", "init", stdin=line) == 0
        assert "created an encrypted store (it opens with its passphrase)" in (
            capsys.readouterr().out
        )
        assert is_encrypted(tmp_path / STORE_FILENAME)
        assert run(monkeypatch, tmp_path, "--passphrase-stdin", "search", "x", stdin=line) == 0
        assert run(monkeypatch, tmp_path, "search", "x") == 1  # no key without it
        assert "encrypted at rest: yes" in status(monkeypatch, tmp_path, capsys)


def test_a_plain_store_only_when_asked_and_status_says_it_is_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert run(monkeypatch, tmp_path, "init", "--unencrypted") == 0
        assert "created a plain store (not encrypted" in capsys.readouterr().out
        assert not is_encrypted(tmp_path / STORE_FILENAME)
        shown = status(monkeypatch, tmp_path, capsys)
        assert "encrypted at rest: no: anyone with this disk can read it" in shown
        assert "sync into a new folder" in shown
        assert run(monkeypatch, tmp_path, "status", "--json") == 0
        told = json.loads(capsys.readouterr().out)
        assert told == {
            "store": str(tmp_path / STORE_FILENAME),
            "encrypted": False,
            "new_stores_encrypted": True,
        }
        with pytest.raises(SystemExit) as both:  # argparse's usage error
            run(monkeypatch, tmp_path / "x", "init", "--encrypted", "--unencrypted")
        assert both.value.code == 2
        assert not (tmp_path / "x").exists()


def test_an_existing_plain_store_keeps_working_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(tmp_path / STORE_FILENAME).close()  # made before stores were encrypted by default
    with installed(MemoryKeyring()) as ring:
        assert run(monkeypatch, tmp_path, "search", "smith") == 0
        assert "encrypted at rest: no" in status(monkeypatch, tmp_path, capsys)
        assert not ring.passwords  # nothing asked of the keyring for a plain store
    assert not is_encrypted(tmp_path / STORE_FILENAME)


def test_the_machines_policy_can_turn_encryption_of_new_stores_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / policy.POLICY_FILENAME).write_text('{"encrypt_new_stores": false}')
    # The machine-wide configuration folder (on Linux /etc/xdg/caseworker) is this one.
    monkeypatch.setattr("platformdirs.site_config_dir", lambda *_a, **_k: str(tmp_path / "etc"))
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert run(monkeypatch, tmp_path / "plain", "init") == 0
        assert not is_encrypted(tmp_path / "plain" / STORE_FILENAME)
        assert "new stores on this machine: plain" in status(
            monkeypatch, tmp_path / "plain", capsys
        )
    with installed(MemoryKeyring()):  # asked for in so many words: encrypted all the same
        assert run(monkeypatch, tmp_path / "asked", "init", "--encrypted") == 0
    assert is_encrypted(tmp_path / "asked" / STORE_FILENAME)
    # A policy file that cannot be read is the default: encrypted.
    (tmp_path / "etc" / policy.POLICY_FILENAME).write_text("{not json")
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert run(monkeypatch, tmp_path / "broken", "init") == 1
    assert not (tmp_path / "broken" / STORE_FILENAME).exists()


def test_status_of_a_folder_with_no_store_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, tmp_path, "status") == 1
    err = capsys.readouterr().err
    assert (
        err.strip() == f"caseworker: no Caseworker store in {tmp_path} (make one with init or sync)"
    )
    (tmp_path / STORE_FILENAME).write_bytes(b"not a database at all")
    assert run(monkeypatch, tmp_path, "status") == 1
    assert "is not a Caseworker store" in capsys.readouterr().err
