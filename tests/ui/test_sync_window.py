"""The window syncs live with a real central service: state in the status bar, "Sync now",
local edits pushed by themselves, others' edits and conflicts shown in open views, refusals
listed for a person to act on."""

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from caseworker.services import cases
from caseworker.store import docstore
from caseworker.store.replication import record_refusals
from caseworker.store.store import STORE_FILENAME, Store
from sync import config
from sync.http import CouchClient
from sync.replicator import Replicator
from sync.state import SyncState
from tests.support.couch_server import CouchServer
from tests.ui.conftest import WAIT_MS, wait_idle
from tests.ui.test_case_view import open_case_view
from ui.case.view import CaseView
from ui.central import CentralConnection
from ui.context import UiContext
from ui.dialogs.central import CentralDialog
from ui.dialogs.sync_problems import SyncProblemsDialog
from ui.main_window import MainWindow
from ui.theme import Theme

SYNC_MS = 60_000  # the first sync sends the whole seeded council


@pytest.fixture
def connected(
    qtbot: QtBot,
    ctx: UiContext,
    theme: Theme,
    seeded: Store,
    data_dir: Path,
    couch_server: CouchServer,
    couch_db: str,
) -> Iterator[MainWindow]:
    """A window signed in to the central service (as its admin) and up to date with it."""
    user, password = couch_server.admin_auth
    central = CentralConnection(data_dir, ctx.worker, ctx.bus, user, None)
    window = MainWindow(ctx, theme, central=central)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(central.configured, timeout=WAIT_MS):
        central.sign_in(couch_db, password, False, lambda _c: None, pytest.fail)
    qtbot.waitUntil(lambda: _kind(central) == "up_to_date", timeout=SYNC_MS)
    yield window
    central.stop()
    wait_idle(qtbot, ctx.worker)


def _kind(central: CentralConnection | None) -> str | None:
    assert central is not None
    state = central.state
    return state.kind if state is not None else None


def _server_doc(couch_server: CouchServer, couch_db: str, doc_id: str) -> dict[str, object]:
    response = requests.get(
        f"{couch_db}/{requests.utils.quote(doc_id, safe='')}",
        params={"conflicts": "true"},
        auth=couch_server.admin_auth,
        headers={"Accept": "application/json"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def _some_case(store: Store) -> str:
    with store.read() as session:
        from sqlalchemy import select

        from caseworker.models import Case

        case_id = session.scalars(
            select(Case.id).where(Case.status == "in_progress").order_by(Case.id)
        ).first()
    assert case_id is not None
    return case_id


def test_connecting_from_the_window_keeps_the_address_not_the_password(
    qtbot: QtBot, connected: MainWindow, data_dir: Path, couch_db: str
) -> None:
    saved = json.loads((data_dir / config.FILENAME).read_text())
    assert saved == {"server": couch_db, "user": "admin"}
    assert "password" not in (data_dir / config.FILENAME).read_text()
    status = connected.status
    assert "up to date" in status.connection.text.text()
    qtbot.waitUntil(lambda: status.pending_count == 0, timeout=WAIT_MS)
    assert status.last_sync.isVisible() or not connected.isVisible()
    assert status.progress.isHidden()


def test_a_local_edit_is_pushed_without_asking(
    qtbot: QtBot, connected: MainWindow, ctx: UiContext, seeded: Store,
    couch_server: CouchServer, couch_db: str,
) -> None:  # fmt: skip
    case_id = _some_case(seeded)
    ctx.worker.write(lambda s: cases.set_priority(s, ctx.actor, case_id, "urgent"))
    qtbot.waitUntil(
        lambda: _server_doc(couch_server, couch_db, case_id).get("priority") == "urgent",
        timeout=SYNC_MS,
    )
    qtbot.waitUntil(lambda: connected.status.pending_count == 0, timeout=SYNC_MS)


def test_an_edit_from_elsewhere_shows_in_the_open_case_and_a_conflict_is_offered(
    qtbot: QtBot, connected: MainWindow, ctx: UiContext, seeded: Store, data_dir: Path,
    tmp_path: Path, couch_db: str, couch_server: CouchServer,
) -> None:  # fmt: skip
    """The officer's laptop has the same council; an edit there arrives in the agent's open
    case; then both edit the case, the officer offline, and both windows' stores agree."""
    case_id = _some_case(seeded)
    officer_dir = tmp_path / "officer"
    officer_dir.mkdir()
    shutil.copy(data_dir / STORE_FILENAME, officer_dir / STORE_FILENAME)
    officer = Store(officer_dir / STORE_FILENAME)
    remote = CouchClient(couch_db, *couch_server.admin_auth)
    try:
        view = open_case_view(qtbot, ctx, case_id)
        assert view.snapshot is not None and view.snapshot.priority != "low"
        with officer.write() as s:
            cases.set_priority(s, ctx.actor, case_id, "low")
        assert Replicator(officer, remote).sync().up_to_date
        # The long-polled feed brings it in; the open view refreshes by itself.
        qtbot.waitUntil(
            lambda: view.snapshot is not None and view.snapshot.priority == "low",
            timeout=SYNC_MS,
        )

        with officer.write() as s:  # offline in the van
            cases.set_priority(s, ctx.actor, case_id, "high")
        with qtbot.waitSignal(ctx.bus.changed, timeout=WAIT_MS):
            ctx.worker.write(lambda s: cases.set_priority(s, ctx.actor, case_id, "urgent"))
        qtbot.waitUntil(
            lambda: _server_doc(couch_server, couch_db, case_id).get("priority") == "urgent",
            timeout=SYNC_MS,
        )
        assert Replicator(officer, remote).sync().up_to_date  # back online
        assert Replicator(officer, remote).sync().up_to_date
        qtbot.waitUntil(
            lambda: view.snapshot is not None and view.snapshot.conflicted, timeout=SYNC_MS
        )
        assert view.conflict.isVisibleTo(view)
        with officer.read() as s_officer, seeded.read() as s_agent:
            mine = docstore.leaf_bodies(s_agent, case_id)
            theirs = docstore.leaf_bodies(s_officer, case_id)
            assert sorted(b["_rev"] for b in mine) == sorted(b["_rev"] for b in theirs)
            assert {b["priority"] for b in mine} == {"high", "urgent"}  # nothing typed lost
            winner_agent = docstore.require(s_agent, case_id)["_rev"]
            winner_officer = docstore.require(s_officer, case_id)["_rev"]
        assert (
            winner_agent == winner_officer == _server_doc(couch_server, couch_db, case_id)["_rev"]
        )
        view.close()
    finally:
        remote.close()
        officer.close()


def test_sync_now_and_a_refused_password(
    qtbot: QtBot, ctx: UiContext, theme: Theme, seeded: Store, data_dir: Path,
    couch_server: CouchServer, couch_db: str,
) -> None:  # fmt: skip
    central = CentralConnection(data_dir, ctx.worker, ctx.bus, couch_server.admin_auth[0], None)
    window = MainWindow(ctx, theme, central=central)
    qtbot.addWidget(window)
    window.show()
    dialog = window.connect_central()
    assert isinstance(dialog, CentralDialog)
    dialog.server.setText("couch.council.example")
    dialog.connect_button.click()
    assert "whole address" in dialog.message.text()
    assert dialog.isVisible()

    dialog.server.setText(couch_db)
    dialog.password.setText("not the password")
    dialog.remember.setChecked(False)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: "Could not connect" in dialog.message.text(), timeout=WAIT_MS)
    assert "refused" in dialog.message.text()
    assert "Sign in to the central service" in window.status.connection.text.text()
    assert not (data_dir / config.FILENAME).exists()

    dialog.password.setText(couch_server.admin_auth[1])
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.connect_button.click()
    qtbot.waitUntil(lambda: _kind(central) == "up_to_date", timeout=SYNC_MS)
    # Sync now runs a sync even when there is nothing to move (push, then pull, both empty:
    # no progress to show), and says when it last synced.
    synced = central.state.last_sync
    states: list[SyncState] = []
    central.state_changed.connect(states.append)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: [s.kind for s in states[-1:]] == ["up_to_date"], timeout=SYNC_MS)
    assert synced is not None and states[-1].last_sync is not None
    assert states[-1].last_sync > synced
    central.stop()
    wait_idle(qtbot, ctx.worker)


def test_refused_records_are_listed_and_open_from_the_list(
    qtbot: QtBot, connected: MainWindow, ctx: UiContext, seeded: Store
) -> None:
    case_id = _some_case(seeded)
    with seeded.write() as s:
        record_refusals(s, {case_id: "refused by the central service: supervisors only"})
    dialog = connected.show_sync_problems()
    assert isinstance(dialog, SyncProblemsDialog)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 1, timeout=WAIT_MS)
    item = dialog.table.topLevelItem(0)
    assert item is not None
    assert (item.text(0), item.text(1)) == (case_id, "Case")
    assert "supervisors only" in item.text(2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    opened = connected.tabs.currentWidget()
    assert isinstance(opened, CaseView) and opened.case_id == case_id
    wait_idle(qtbot, ctx.worker)


def test_a_killed_sync_process_is_reported_and_started_again(
    qtbot: QtBot, connected: MainWindow
) -> None:
    central = connected.central
    assert central is not None and central.link is not None
    link = central.link
    first_pid = link.process.processId()
    link.process.kill()
    qtbot.waitUntil(lambda: _kind(central) == "error", timeout=WAIT_MS)
    assert "ended unexpectedly" in connected.status.connection.text.text()
    qtbot.waitUntil(lambda: _kind(central) == "up_to_date", timeout=SYNC_MS)
    assert link.process.processId() not in (0, first_pid)
