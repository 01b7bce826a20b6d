"""Issue 10's "Done when", in windows: a supervisor spreads a queue's cases across two field
officers in one gesture, and both officers' open windows show them in My work through live
sync, without anyone pressing anything; neither officer receives a case given to the other.

Three windows, each signed in as its own user on its own laptop store (a data folder of its
own, empty until its first sync), with live sync (``ui.central``: a sync process each) through
the real gateway (``caseworker central serve``) in front of the PouchDB test server. The
supervisor's gesture is the keyboard's: Ctrl+A in the queue, "Spread evenly", tick the two
officers, Ctrl+Enter; live sync pushes it by itself. What is checked is the officers' list
models' rows, not only their stores. The council is the small one of the sync tests
(``tests.support.council``, a second field officer added) with 60 new cases, not the seeded
demo council: three first syncs of that through the gateway would take this test well past
the time it should take. How fast is for ``caseworker bench assign`` (500 cases); each wait
here is bounded only so that cases that never arrive fail the test.
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.documents.codec import new_document
from caseworker.documents.types import STAFF
from caseworker.models import Case
from caseworker.services.context import Actor
from caseworker.store.store import STORE_FILENAME, Store
from sync import central
from sync.bench_docs import case_docs
from tests.support.couch_server import CouchServer
from tests.support.council import OFFICER, SUPERVISOR, council_docs
from tests.support.gateway import USERS, Gateway, central_database
from tests.ui.conftest import WAIT_MS, wait_idle
from ui.bus import ChangeBus
from ui.central import CentralConnection
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.theme import Theme
from ui.worker import DbWorker
from ui.worklist.pages import QueuesPage
from ui.worklist.view import WorkListView

CASES = 60  # the bench spreads 500; enough here to span many sync batches of the feed
SYNC_MS = 30_000  # a bound for a broken feed, not a measure of speed
# A second field officer, beside the council's Olu (tests.support.council, tests.support.gateway).
TOMOS = Actor("staff:officer-2", "field_officer")
TOMOS_LOGIN = ("tomos", "tomos-pw")


def council() -> tuple[list[dict[str, Any]], list[str]]:
    """The council of ``tests.support.council``, a second field officer in the same queue, and
    ``CASES`` new cases in the waste queue, assigned to nobody (officers hold none of them)."""
    docs = council_docs()
    docs.append(
        new_document(
            STAFF,
            TOMOS.staff_id,
            {
                "name": "Tomos Two",
                "username": TOMOS_LOGIN[0],
                "role": TOMOS.role,
                "queue_ids": ["queue:waste"],
                "active": True,
            },
        )
    )
    work = case_docs(CASES, seed=10)
    return docs + work, [d["_id"] for d in work]


class Laptop:
    """A person's laptop: their own store in their own data folder, the window's database
    worker and change bus on it, and their MainWindow signed in to the central service."""

    def __init__(
        self, qtbot: QtBot, theme: Theme, folder: Path, actor: Actor, login: tuple[str, str]
    ) -> None:
        folder.mkdir(parents=True)
        self.store = Store(folder / STORE_FILENAME)
        bus = ChangeBus()
        self.worker = DbWorker(self.store, bus)
        # The store is empty until the first sync: nothing to read the mentions inbox from.
        self.ctx = UiContext(actor, actor.staff_id, self.worker, bus, False)
        self.central = CentralConnection(folder, self.worker, bus, login[0], None)
        self.window = MainWindow(self.ctx, theme, central=self.central)
        qtbot.addWidget(self.window)
        self.window.resize(1280, 720)
        self.window.show()
        self.login = login

    def sign_in(self, qtbot: QtBot, db_url: str) -> None:
        with qtbot.waitSignal(self.central.configured, timeout=WAIT_MS):
            self.central.sign_in(
                db_url, self.login[1], False, lambda _c: None, lambda e: pytest.fail(str(e))
            )

    def synced(self) -> bool:
        state = self.central.state
        return state is not None and state.kind == "up_to_date"

    def my_work(self) -> WorkListView:
        page = self.window.pages["my_work"]
        assert isinstance(page, WorkListView)
        return page

    def my_work_rows(self) -> set[str]:
        model = self.my_work().model
        return {model.case_id(row) for row in range(model.rowCount())}

    def held_cases(self) -> set[str]:
        with self.store.read() as session:
            return set(session.scalars(select(Case.id)))

    def close(self, qtbot: QtBot) -> None:
        self.central.stop()
        wait_idle(qtbot, self.worker)
        self.worker.stop()  # (the window is qtbot's to close)
        self.store.close()


@pytest.fixture
def gateway(couch_server: CouchServer, couch_db: str) -> Iterator[tuple[Gateway, list[str]]]:
    """The council in a new central database, its users (and Tomos), behind a gateway; the
    ids of the unassigned cases."""
    docs, ids = council()
    with central_database(couch_server, couch_db, docs) as admin:
        central.add_user(admin, *TOMOS_LOGIN, TOMOS.role, TOMOS.staff_id)
        with Gateway(couch_server, couch_db) as gateway:
            yield gateway, ids
    if couch_server.running:
        couch_server.delete_db(couch_db.rsplit("/", 1)[1] + "-access-log")


@pytest.fixture
def laptops(qtbot: QtBot, theme: Theme) -> Iterator[Callable[..., Laptop]]:
    made: list[Laptop] = []

    def make(folder: Path, actor: Actor, login: tuple[str, str]) -> Laptop:
        made.append(Laptop(qtbot, theme, folder, actor, login))
        return made[-1]

    yield make
    for laptop in made:
        laptop.close(qtbot)


def spread_across(qtbot: QtBot, supervisor: Laptop, ids: list[str], officers: set[str]) -> None:
    """The gesture, from the keyboard: the queue's cases all selected, "Spread evenly", the two
    officers ticked, Ctrl+Enter."""
    window = supervisor.window
    window.show_page("queues")
    page = window.pages["queues"]
    assert isinstance(page, QueuesPage) and page.assign_bar is not None
    qtbot.waitUntil(lambda: page.queue_box.findData("queue:waste") >= 0, timeout=WAIT_MS)
    page.select_queue("queue:waste")
    model = page.list.model
    qtbot.waitUntil(
        lambda: {model.case_id(r) for r in range(model.rowCount())} == set(ids), timeout=SYNC_MS
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    table = page.list.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    bar = page.assign_bar
    assert sorted(bar.selected_ids()) == sorted(ids)
    QTest.keyClick(bar.spread_button, Qt.Key.Key_Space)
    dialog = bar.dialog
    assert dialog is not None and dialog.spread
    qtbot.waitUntil(lambda: dialog.officers.count() >= 2, timeout=WAIT_MS)
    listed = dialog.officers
    listed.setFocus()
    for row in range(listed.count()):
        QTest.keyClick(listed, Qt.Key.Key_Home if row == 0 else Qt.Key.Key_Down)
        if listed.currentItem().data(Qt.ItemDataRole.UserRole) in officers:
            QTest.keyClick(listed, Qt.Key.Key_Space)
    assert set(dialog.chosen()) == officers
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        QTest.keyClick(listed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_supervisors_spread_reaches_both_officers_windows_and_only_theirs(
    qtbot: QtBot,
    tmp_path: Path,
    gateway: tuple[Gateway, list[str]],
    laptops: Callable[..., Laptop],
) -> None:
    server, ids = gateway
    sam = laptops(tmp_path / "sam", SUPERVISOR, USERS["sam"])
    olu = laptops(tmp_path / "olu", OFFICER, USERS["olu"])
    tomos = laptops(tmp_path / "tomos", TOMOS, TOMOS_LOGIN)
    for laptop in (sam, olu, tomos):
        laptop.sign_in(qtbot, server.db_url)
    qtbot.waitUntil(lambda: all(lp.synced() for lp in (sam, olu, tomos)), timeout=SYNC_MS)
    # Before: the officers' windows are up to date and hold none of the queue's cases.
    officers = (olu, tomos)
    qtbot.waitUntil(lambda: not any(o.my_work().model.loading for o in officers), timeout=WAIT_MS)
    for officer in officers:
        assert officer.my_work_rows() == set() and not officer.held_cases() & set(ids)

    spread_across(qtbot, sam, ids, {OFFICER.staff_id, TOMOS.staff_id})
    with sam.store.read() as session:
        given = dict(session.execute(select(Case.id, Case.assignee_id)).all())
    to_olu = {c for c in ids if given[c] == OFFICER.staff_id}
    to_tomos = {c for c in ids if given[c] == TOMOS.staff_id}
    assert len(to_olu) == len(to_tomos) == CASES // 2  # evenly, and every one of them

    # Nobody presses anything: the supervisor's live sync pushes, the officers' pull.
    qtbot.waitUntil(
        lambda: olu.my_work_rows() == to_olu and tomos.my_work_rows() == to_tomos,
        timeout=SYNC_MS,
    )
    assert olu.my_work().model.total == len(to_olu)
    assert tomos.my_work().model.total == len(to_tomos)
    # Neither holds a case given to the other (the gateway sent each only their own).
    assert olu.held_cases() == to_olu and tomos.held_cases() == to_tomos
