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
from caseworker.store.store import Store
from tests.support.memory_keyring import installed
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
