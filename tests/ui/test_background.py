"""Work off the GUI thread whose owner is gone by the time it answers: the answer goes
nowhere, quietly (a dialog closed while the keyring or the server was still thinking)."""

import threading

from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from ui.background import run_off_gui


def _answer_after_owner_is_deleted(qtbot: QtBot, fn_raises: bool) -> list[object]:
    release = threading.Event()
    heard: list[object] = []

    def slow() -> str:
        release.wait(5)
        if fn_raises:
            raise OSError("no keyring")
        return "answer"

    owner = QObject()
    run_off_gui(owner, slow, heard.append, heard.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=2000)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)  # anything queued for the GUI thread would arrive now
    return heard


def _alive(obj: QObject) -> bool:
    from shiboken6 import isValid

    return bool(isValid(obj))


def test_an_answer_for_a_deleted_owner_is_dropped_without_an_error(qtbot: QtBot) -> None:
    # pytest-qt fails the test if the pool thread raised ("Signal source has been deleted").
    assert _answer_after_owner_is_deleted(qtbot, fn_raises=False) == []


def test_a_failure_for_a_deleted_owner_is_dropped_without_an_error(qtbot: QtBot) -> None:
    assert _answer_after_owner_is_deleted(qtbot, fn_raises=True) == []


def test_a_living_owner_hears_the_answer_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    heard: list[tuple[object, bool]] = []
    gui = threading.current_thread()
    run_off_gui(
        owner,
        lambda: "answer",
        lambda value: heard.append((value, threading.current_thread() is gui)),
        lambda error: heard.append((error, False)),
    )
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard == [("answer", True)]
