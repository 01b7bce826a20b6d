"""With no OS keyring, the window asks for an encrypted store's passphrase, says why (and what
to install), asks again after a wrong one, and opens nothing when the person quits."""

from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from caseworker.errors import CaseworkerError
from caseworker.security.passphrase import passphrase_keys
from caseworker.store.engine import is_encrypted
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.memory_keyring import MemoryKeyring, installed
from ui.launch import open_store
from ui.passphrase import PassphraseDialog, ask_passphrase

PASSPHRASE = "Mynydd Islwyn yn y niwl"


def _typist(qtbot: QtBot, answers: list[str | None], reasons: list[str]) -> None:
    """Answers each passphrase dialog from the keyboard as it comes up (None: Esc)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(10, answer)
            return
        reasons.append(dialog.reason.text())
        typed = answers.pop(0)
        if typed is None:
            qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
        else:
            qtbot.keyClicks(dialog.field, typed)
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        if answers:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(10, answer)


@pytest.fixture
def passphrase_store(tmp_path: Path) -> Path:
    Store.open_dir(tmp_path, passphrase_keys(PASSPHRASE), encrypt_new=True).close()
    return tmp_path


def test_no_keyring_asks_for_the_passphrase_says_why_and_asks_again_after_a_wrong_one(
    qtbot: QtBot, qapp: QApplication, passphrase_store: Path
) -> None:
    reasons: list[str] = []
    _typist(qtbot, ["wrong one", PASSPHRASE], reasons)
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        store = open_store(passphrase_store, ask_passphrase)
    try:
        with store.read() as session:
            assert session.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
    finally:
        store.close()
    assert "sudo apt install gnome-keyring" in reasons[0]
    assert "wrong encryption key" in reasons[1]


def test_quitting_the_passphrase_dialog_opens_nothing(
    qtbot: QtBot, qapp: QApplication, passphrase_store: Path
) -> None:
    _typist(qtbot, [None], [])
    with (
        installed(FailKeyring()),  # type: ignore[no-untyped-call]
        pytest.raises(CaseworkerError, match="no passphrase given"),
    ):
        open_store(passphrase_store, ask_passphrase)


def test_a_new_store_for_real_work_is_encrypted_with_its_key_in_the_keyring(
    tmp_path: Path,
) -> None:
    with installed(MemoryKeyring()) as ring:
        store = open_store(tmp_path, ask_passphrase, encrypt_new=True)
        store.close()
        ((service, _account), key), *others = ring.passwords.items()
    assert service == "caseworker-store" and not others
    assert is_encrypted(tmp_path / STORE_FILENAME)
    assert key.encode() not in (tmp_path / STORE_FILENAME).read_bytes()


def test_with_no_keyring_a_new_store_is_made_with_a_passphrase(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    reasons: list[str] = []
    _typist(qtbot, ["too short", PASSPHRASE], reasons)
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        open_store(tmp_path, ask_passphrase, encrypt_new=True).close()
    assert "at least 12 characters" in reasons[1]
    assert is_encrypted(tmp_path / STORE_FILENAME)
    Store.open_dir(tmp_path, passphrase_keys(PASSPHRASE)).close()  # that passphrase opens it


def test_an_existing_plain_store_is_left_plain(tmp_path: Path) -> None:
    Store.open_dir(tmp_path).close()
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        open_store(tmp_path, None, encrypt_new=True).close()  # no keyring needed, none asked
    assert not is_encrypted(tmp_path / STORE_FILENAME)
