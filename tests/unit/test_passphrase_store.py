"""On a machine with no OS keyring, the app says what to install, and an encrypted store can
be made and opened with a passphrase instead (SQLCipher's own KDF), from the command line."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as FailKeyring

import main
from caseworker.security.passphrase import MIN_PASSPHRASE, passphrase_keys
from caseworker.store.engine import is_encrypted
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.memory_keyring import MemoryKeyring, installed

PASSPHRASE = "Lleuad lawn dros Gaerdydd"


def _run(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main.run(list(argv))


def test_without_a_keyring_the_refusal_says_what_to_install_and_how_to_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert main.run(["--data-dir", str(tmp_path), "init", "--encrypted"]) == 1
    err = capsys.readouterr().err
    assert "sudo apt install gnome-keyring" in err and "keepassxc" in err
    assert "--passphrase-stdin" in err
    assert len(err.strip().splitlines()) == 1


def test_a_passphrase_store_is_made_and_opened_with_no_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path)
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        line = PASSPHRASE + "\n"
        assert (
            _run(
                monkeypatch, line, "--data-dir", folder, "--passphrase-stdin", "init", "--encrypted"
            )
            == 0
        )
        assert "created an encrypted store" in capsys.readouterr().out
        path = tmp_path / STORE_FILENAME
        assert is_encrypted(path)
        assert PASSPHRASE.encode() not in path.read_bytes()
        assert (
            _run(monkeypatch, line, "--data-dir", folder, "--passphrase-stdin", "search", "smith")
            == 0
        )
        capsys.readouterr()

        assert (
            _run(monkeypatch, "not it\n", "--data-dir", folder, "--passphrase-stdin", "search", "x")
            == 1
        )
        assert "wrong encryption key" in capsys.readouterr().err
        assert main.run(["--data-dir", folder, "search", "x"]) == 1  # no passphrase given
        assert "no OS keyring" in capsys.readouterr().err


def test_a_passphrase_store_on_a_machine_with_a_keyring_says_to_give_the_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open_dir(tmp_path, passphrase_keys(PASSPHRASE), encrypt_new=True).close()
    with installed(MemoryKeyring()):
        assert main.run(["--data-dir", str(tmp_path), "search", "x"]) == 1
    assert "opens with --passphrase-stdin" in capsys.readouterr().err


def test_a_short_passphrase_is_refused_for_a_new_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    short = "x" * (MIN_PASSPHRASE - 1) + "\n"
    assert (
        _run(
            monkeypatch,
            short,
            "--data-dir",
            str(tmp_path),
            "--passphrase-stdin",
            "init",
            "--encrypted",
        )
        == 1
    )
    assert f"at least {MIN_PASSPHRASE} characters" in capsys.readouterr().err
    assert not (tmp_path / STORE_FILENAME).exists()


def test_a_process_whose_keyring_is_the_fail_backend_opens_with_the_passphrase(
    tmp_path: Path,
) -> None:
    """As a person runs it, in its own process, on a machine whose keyring is keyring's fail
    backend: only the first line of standard input is the passphrase."""
    root = Path(__file__).resolve().parents[2]
    Store.open_dir(tmp_path, passphrase_keys(PASSPHRASE), encrypt_new=True).close()
    command = [sys.executable, str(root / "main.py"), "--data-dir", str(tmp_path)]
    command += ["--passphrase-stdin", "search", "smith"]
    result = subprocess.run(
        command,
        input=PASSPHRASE + "\nsomething else\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    with_the_next_line = subprocess.run(
        command,
        input="\n" + PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "PATH": "/usr/bin:/bin"},
    )
    assert with_the_next_line.returncode == 1
    assert "the passphrase is empty" in with_the_next_line.stderr


def test_only_the_passphrase_a_store_was_opened_with_is_its_key_and_closing_forgets_it(
    tmp_path: Path,
) -> None:
    store = Store.open_dir(tmp_path, passphrase_keys(PASSPHRASE), encrypt_new=True)
    assert store.has_key(PASSPHRASE)
    assert not store.has_key(PASSPHRASE.upper()) and not store.has_key("")
    store.close_and_forget_key()
    assert not store.has_key(PASSPHRASE)
    plain = Store.open_dir(tmp_path / "plain")
    try:
        assert not plain.has_key("") and not plain.has_key("anything")
    finally:
        plain.close()
