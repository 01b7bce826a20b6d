"""An empty store (a new laptop) is connected to the council's service from the window: the
sign-in offers it instead of a command line, the person's share comes down with progress, the
address (never the password) is kept, and the staff list then holds the person to sign in."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from caseworker.models import Citizen, StaffMember
from caseworker.store.store import STORE_FILENAME, Store
from sync import config
from sync.credentials import CentralAccount
from tests.support.couch_server import CouchServer
from tests.sync.helpers import sync
from tests.ui.conftest import WAIT_MS, wait_idle
from ui.bus import ChangeBus
from ui.first_connect import FirstConnectDialog
from ui.signin import SignInDialog
from ui.worker import DbWorker

SYNC_MS = 60_000


@pytest.fixture
def council_db(seeded: Store, couch_db: str, couch_server: CouchServer) -> str:
    """The central service holding the (small) seeded council."""
    assert sync(seeded, couch_db, couch_server.admin_auth).up_to_date
    return couch_db


@pytest.fixture
def new_laptop(tmp_path: Path) -> Iterator[tuple[Store, DbWorker, Path]]:
    folder = tmp_path / "new-laptop"
    folder.mkdir()
    store = Store(folder / STORE_FILENAME)
    worker = DbWorker(store, ChangeBus())
    yield store, worker, folder
    worker.stop()
    store.close()


def count(store: Store, model: type[Citizen] | type[StaffMember]) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_an_empty_store_offers_to_connect_instead_of_a_command_line(
    qtbot: QtBot, new_laptop: tuple[Store, DbWorker, Path]
) -> None:
    _store, worker, _folder = new_laptop
    dialog = SignInDialog(worker, None, connect=lambda _parent: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.connect_button.isVisible, timeout=WAIT_MS)
    assert "Connect to your council's service" in dialog.message.text()
    assert "caseworker" not in dialog.message.text().lower()  # no command to run
    assert dialog.focusWidget() is dialog.connect_button
    assert not dialog.sign_in_button.isEnabled()


def test_connecting_brings_down_the_council_keeps_the_address_and_not_the_password(
    qtbot: QtBot,
    new_laptop: tuple[Store, DbWorker, Path],
    council_db: str,
    couch_server: CouchServer,
) -> None:
    store, _worker, folder = new_laptop
    user, password = couch_server.admin_auth
    dialog = FirstConnectDialog(store, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.server, council_db)
    qtbot.keyClick(dialog.server, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClick(dialog.user, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, "not the password")
    dialog.remember.setChecked(False)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Could not connect" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.isVisible() and not (folder / config.FILENAME).exists()
    assert count(store, StaffMember) == 0
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    with qtbot.waitSignal(dialog.accepted, timeout=SYNC_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.account is not None and dialog.account.user == user
    saved = config.load(folder)
    assert saved is not None and saved.server == council_db and saved.user == user
    assert password not in (folder / config.FILENAME).read_text()
    assert count(store, StaffMember) > 0 and count(store, Citizen) > 0


def test_a_typo_in_the_address_is_said_before_anything_is_sent(
    qtbot: QtBot, new_laptop: tuple[Store, DbWorker, Path]
) -> None:
    store, _worker, folder = new_laptop
    dialog = FirstConnectDialog(store, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.server, "couch.council.example")
    qtbot.keyClick(dialog.server, Qt.Key.Key_Return)
    assert "whole address" in dialog.message.text()
    assert dialog.focusWidget() is dialog.server and dialog.connect_button.isEnabled()


def test_after_connecting_the_staff_list_holds_the_person_to_sign_in(
    qtbot: QtBot,
    new_laptop: tuple[Store, DbWorker, Path],
    council_db: str,
    couch_server: CouchServer,
) -> None:
    store, worker, _folder = new_laptop
    chosen: list[str] = []

    def connect(_parent: QWidget) -> CentralAccount:
        assert sync(store, council_db, couch_server.admin_auth).up_to_date
        with store.read() as session:
            username = session.scalars(
                select(StaffMember.username).order_by(StaffMember.username.desc())
            ).first()
        assert username is not None
        chosen.append(username)
        account = CentralAccount(council_db)
        account.user = username  # as if signed in as them
        return account

    dialog = SignInDialog(worker, None, connect=connect)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.connect_button.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(dialog.connect_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.staff_list.count() > 0, timeout=WAIT_MS)
    assert not dialog.connect_button.isVisible()
    current = dialog.staff_list.currentItem()
    assert current is not None
    assert current.data(Qt.ItemDataRole.UserRole).username == chosen[0]
    assert dialog.connected is not None
    wait_idle(qtbot, worker)


def test_a_service_that_does_not_answer_is_said_plainly_and_nothing_is_kept(
    qtbot: QtBot, new_laptop: tuple[Store, DbWorker, Path]
) -> None:
    store, _worker, folder = new_laptop
    dialog = FirstConnectDialog(store, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.server, "http://127.0.0.1:9/caseworker")  # nothing listens there
    qtbot.keyClicks(dialog.user, "agent")
    qtbot.keyClicks(dialog.password, "secret")
    dialog.remember.setChecked(False)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Could not connect" in dialog.message.text(), timeout=WAIT_MS)
    assert "did not answer" in dialog.message.text()
    assert dialog.isVisible() and dialog.connect_button.isEnabled()
    assert not (folder / config.FILENAME).exists() and count(store, StaffMember) == 0
