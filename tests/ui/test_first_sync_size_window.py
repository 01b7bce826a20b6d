"""Before a first sync that would bring a great many documents, the window asks: Continue (the
sync starts, and that server is not asked about again) or Not now (nothing starts until "Sync
now", which asks again). A server that cannot tell, or lies, never holds a sync back."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QProcess
from pytestqt.qtbot import QtBot

from caseworker.store.store import Store
from sync import first_sync
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply, Request
from tests.ui.conftest import WAIT_MS, wait_idle
from ui.central import CentralConnection
from ui.context import UiContext
from ui.first_sync import FirstSyncQuestion
from ui.main_window import MainWindow
from ui.theme import Theme


@pytest.fixture
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


def counting(hostile: HostileServer, db_url: str, doc_count: Any) -> str:
    """The database behind ``hostile``, whose information says ``doc_count``."""
    url = hostile.rewrite(db_url)
    path = "/" + url.rstrip("/").rsplit("/", 1)[1]

    def answer(request: Request) -> Reply | None:
        if request.method != "GET" or request.path.rstrip("/") != path:
            return None
        return Reply(200, {"db_name": path[1:], "update_seq": "0", "doc_count": doc_count})

    hostile.on(path, answer)
    return url


class Window:
    def __init__(self, qtbot: QtBot, window: MainWindow, central: CentralConnection) -> None:
        self.qtbot, self.window, self.central = qtbot, window, central

    def sign_in(self, url: str, password: str) -> None:
        with self.qtbot.waitSignal(self.central.configured, timeout=WAIT_MS):
            self.central.sign_in(url, password, False, lambda _c: None, pytest.fail)

    def question(self) -> FirstSyncQuestion:
        found: list[FirstSyncQuestion] = []

        def shown() -> bool:
            found[:] = [d for d in self.window.findChildren(FirstSyncQuestion) if d.isVisible()]
            return bool(found)

        self.qtbot.waitUntil(shown, timeout=WAIT_MS)
        return found[0]

    def syncing(self) -> bool:
        link = self.central.link
        return link is not None and link.process.state() != QProcess.ProcessState.NotRunning

    def no_question(self) -> bool:
        return not [d for d in self.window.findChildren(FirstSyncQuestion) if d.isVisible()]


@pytest.fixture
def signed_in(
    qtbot: QtBot, ctx: UiContext, theme: Theme, data_dir: Path, couch_server: CouchServer
) -> Iterator[Window]:
    user, _password = couch_server.admin_auth
    central = CentralConnection(data_dir, ctx.worker, ctx.bus, user, None)
    window = MainWindow(ctx, theme, central=central)
    qtbot.addWidget(window)
    window.show()
    yield Window(qtbot, window, central)
    central.stop()
    wait_idle(qtbot, ctx.worker)


def test_a_large_first_sync_waits_for_the_persons_word(
    qtbot: QtBot, signed_in: Window, seeded: Store, hostile: HostileServer,
    couch_server: CouchServer, couch_db: str,
) -> None:  # fmt: skip
    url = counting(hostile, couch_db, 23_412)
    signed_in.sign_in(url, couch_server.admin_auth[1])
    question = signed_in.question()
    assert "about 23,400 documents (more than 10,000)" in question.text.text()
    assert question.go_on.accessibleName() and question.not_now.accessibleName()
    assert not signed_in.syncing()  # nothing is brought before the answer

    question.not_now.click()
    status = signed_in.window.status.connection.text
    qtbot.waitUntil(lambda: "first sync not started" in status.text(), timeout=WAIT_MS)
    assert not signed_in.syncing()

    signed_in.window.sync_now()  # F5: asked again
    again = signed_in.question()
    again.go_on.click()
    qtbot.waitUntil(signed_in.syncing, timeout=WAIT_MS)
    with seeded.read() as session:  # remembered for this server
        assert first_sync.needs_asking(session, signed_in.central.server or "") is None


def test_a_server_said_yes_to_is_not_asked_about_again(
    qtbot: QtBot, signed_in: Window, seeded: Store, hostile: HostileServer,
    couch_server: CouchServer, couch_db: str,
) -> None:  # fmt: skip
    url = counting(hostile, couch_db, 50_000)
    signed_in.sign_in(url, couch_server.admin_auth[1])
    signed_in.question().go_on.click()
    qtbot.waitUntil(signed_in.syncing, timeout=WAIT_MS)
    account = signed_in.central.account
    assert account is not None
    signed_in.central.start(account)  # signed in again, say
    qtbot.waitUntil(signed_in.syncing, timeout=WAIT_MS)
    assert signed_in.no_question()


def test_a_small_first_sync_starts_without_asking(
    qtbot: QtBot, signed_in: Window, couch_server: CouchServer, couch_db: str
) -> None:
    signed_in.sign_in(couch_db, couch_server.admin_auth[1])
    qtbot.waitUntil(signed_in.syncing, timeout=WAIT_MS)
    assert signed_in.no_question()


@pytest.mark.parametrize("lie", [-5, "23412", 2.5e9, True, None])
def test_a_server_lying_about_its_size_never_holds_the_sync_back(
    qtbot: QtBot, signed_in: Window, seeded: Store, hostile: HostileServer,
    couch_server: CouchServer, couch_db: str, lie: Any,
) -> None:  # fmt: skip
    with seeded.write() as session:
        first_sync.set_threshold(session, 0)
    url = counting(hostile, couch_db, lie)
    signed_in.sign_in(url, couch_server.admin_auth[1])
    qtbot.waitUntil(signed_in.syncing, timeout=WAIT_MS)
    assert signed_in.no_question()
