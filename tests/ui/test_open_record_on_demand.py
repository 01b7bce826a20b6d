"""Opening a citizen's full record on demand from a directory summary: offered to agents and
supervisors only, disabled with the reason when offline, asked for with a reason, fetched off
the GUI thread, shown read only from memory and marked as not kept, and gone with its tab. A
server that refuses, fails, answers garbage or never answers is said in one line.

The central service is a scripted stand-in (``HostileServer``): these tests are about the
window; the gateway's side is ``tests/sync/test_open_record_gateway.py``.
"""

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from caseworker.store import docstore
from caseworker.store.store import Store
from sync.http import CouchClient
from tests.support.gateway import a_case, a_citizen, a_note, revision
from tests.support.hostile_server import HostileServer, Reply, Request
from tests.ui.conftest import WAIT_MS, wait_idle
from tests.ui.test_accessibility import unnamed_controls
from tests.unit.directory_docs import entry, receive
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.opened_record import OpenedRecordView, ReasonDialog, RecordOpener
from ui.search.summary import DirectorySummaryPanel
from ui.theme import Theme

CITIZEN = "citizen:d1"
NAME = "Zephyrine"  # only in the opened record: never in the laptop's store


def record_docs() -> list[dict[str, Any]]:
    return [
        revision(a_citizen(CITIZEN, NAME, "Quillfeather")),
        revision(a_case("case:d1", citizen_id=CITIZEN, summary="Zephyrine's fence")),
        revision(a_note("note:d1", "Zephyrine called twice", "staff:admin", case_id="case:d1")),
    ]


@pytest.fixture
def central() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


def opener_on(
    server: HostileServer, window: MainWindow, status: str | None = None, **kw: Any
) -> RecordOpener:
    """The window's search page opening records through ``server`` (online unless ``status``)."""

    def connect() -> CouchClient:
        return CouchClient(server.url + "/council", **kw)

    opener = RecordOpener(
        window.ctx.actor.person, lambda: status, connect, window.ctx.worker.store, window
    )
    panel = window.search_page.summary
    panel.opener = opener
    opener.availability_changed.connect(panel._update_action)
    panel._update_action()
    return opener


def show_summary(qtbot: QtBot, window: MainWindow, seeded: Store) -> DirectorySummaryPanel:
    receive(seeded, entry("d1", "Aled", "Quillfeather", postcodes=["LL57 2PW"]))
    window.omnibox.clear()
    qtbot.keyClicks(window.omnibox, "Aled Quill")
    qtbot.waitUntil(
        lambda: window.search.settled and window.search.model.rowCount() > 0, timeout=WAIT_MS
    )
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Return)
    panel = window.search_page.summary
    qtbot.waitUntil(panel.isVisible, timeout=WAIT_MS)
    return panel


def give_reason(qtbot: QtBot, panel: DirectorySummaryPanel, reason: str) -> None:
    """The keyboard path: focus the action, Space, type the reason, Enter."""
    panel.open_button.setFocus()
    qtbot.keyClick(panel.open_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=WAIT_MS)
    dialog = panel.dialog
    assert isinstance(dialog, ReasonDialog)
    qtbot.waitUntil(lambda: dialog.reason.hasFocus(), timeout=WAIT_MS)
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)


def laptop_bytes(store: Store) -> bytes:
    folder = Path(store.path).parent
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())


def delete_later_now() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


# -- who is offered it, and when ---------------------------------------------------------------


@pytest.mark.parametrize(("role", "offered"), [("agent", True), ("supervisor", True)])
def test_agents_and_supervisors_are_offered_the_action(
    qtbot: QtBot,
    make_ctx: Any,
    theme: Theme,
    seeded: Store,
    central: HostileServer,
    role: str,
    offered: bool,
) -> None:
    ctx: UiContext = make_ctx(role)
    window = MainWindow(ctx, theme)
    qtbot.addWidget(window)
    window.show()
    opener_on(central, window)
    panel = show_summary(qtbot, window, seeded)
    assert panel.open_button.isVisible() is offered and panel.open_button.isEnabled()
    assert panel.open_button.accessibleName() == "Open full record"
    wait_idle(qtbot, ctx.worker)


def test_a_field_officer_is_not_offered_it(
    qtbot: QtBot, make_ctx: Any, theme: Theme, seeded: Store, central: HostileServer
) -> None:
    ctx: UiContext = make_ctx("field_officer")
    window = MainWindow(ctx, theme)
    qtbot.addWidget(window)
    window.show()
    opener_on(central, window)
    panel = show_summary(qtbot, window, seeded)
    assert not panel.open_button.isVisible() and not panel.availability.isVisible()
    panel.ask_reason()  # even asked directly, nothing opens
    assert panel.dialog is None
    wait_idle(qtbot, ctx.worker)


def test_offline_the_action_is_disabled_and_says_why(
    qtbot: QtBot, window: MainWindow, seeded: Store, central: HostileServer
) -> None:
    opener_on(central, window, status="offline: cannot reach the central service")
    panel = show_summary(qtbot, window, seeded)
    assert panel.open_button.isVisible() and not panel.open_button.isEnabled()
    assert "cannot reach the central service" in panel.availability.text()
    assert panel.ask_reason() is None
    assert central.seen("_open_record") == []


def test_without_a_central_service_the_action_says_so(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    panel = show_summary(qtbot, window, seeded)  # the window of these tests has none
    assert panel.open_button.isVisible() and not panel.open_button.isEnabled()
    assert "not connected to a central service" in panel.availability.text()


def test_the_reason_is_required(
    qtbot: QtBot, window: MainWindow, seeded: Store, central: HostileServer
) -> None:
    opener_on(central, window)
    panel = show_summary(qtbot, window, seeded)
    dialog = panel.ask_reason()
    assert dialog is not None
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter with no reason opens nothing
    assert dialog.isVisible()
    assert unnamed_controls(dialog) == []
    dialog.reject()
    assert central.seen("_open_record") == []


# -- opening it --------------------------------------------------------------------------------


def test_the_record_opens_read_only_from_memory_and_goes_with_its_tab(
    qtbot: QtBot, window: MainWindow, seeded: Store, central: HostileServer
) -> None:
    central.on(
        "_open_record",
        Reply(200, {"id": CITIZEN, "docs": record_docs(), "truncated": False}),
        method="POST",
    )
    opener_on(central, window)
    panel = show_summary(qtbot, window, seeded)
    with seeded.read() as session:
        seq_before = docstore.last_seq(session)
    tabs_before = window.tabs.count()
    give_reason(qtbot, panel, "caller on the phone")
    qtbot.waitUntil(lambda: window.tabs.count() == tabs_before + 1, timeout=WAIT_MS)
    view = window.tabs.currentWidget()
    assert isinstance(view, OpenedRecordView)
    asked = central.seen("_open_record")[0].json()
    assert asked == {"id": CITIZEN, "reason": "caller on the phone"}
    assert view.title.text() == f"{NAME} Quillfeather"
    assert view.badge.text() == "Opened on demand — not kept on this laptop"
    assert view.badge.isVisible()
    assert NAME in window.tabs.tabText(window.tabs.currentIndex())
    assert [c.reference for c in view.opened.snapshot.cases] == ["2EVQ-W146-S0DJ"]
    # Read only: nothing to press that would change it, nothing to type in.
    assert [b for b in view.findChildren(QAbstractButton) if b.isVisible()] == []
    assert view.findChildren(QLineEdit) == [] and view.findChildren(QPlainTextEdit) == []
    assert unnamed_controls(view) == [] and unnamed_controls(panel) == []
    store = view.opened.store
    assert str(store.path) == ":memory:"
    window.tabs.close_current()
    delete_later_now()
    qtbot.waitUntil(lambda: store.closed, timeout=WAIT_MS)
    wait_idle(qtbot, window.ctx.worker)
    with seeded.read() as session:
        assert docstore.last_seq(session) == seq_before  # nothing was written here
        assert docstore.get(session, CITIZEN) is None
    assert NAME.encode() not in laptop_bytes(seeded)


def test_what_the_server_sent_that_is_not_the_record_is_left_out_and_said(
    qtbot: QtBot, window: MainWindow, seeded: Store, central: HostileServer
) -> None:
    stranger = revision(a_citizen("citizen:other", "Stranger", "Danger"))
    docs = [*record_docs(), stranger, {"_id": "note:x"}, "garbage", {"_id": "_design/x"}]
    central.on("_open_record", Reply(200, {"id": CITIZEN, "docs": docs, "truncated": True}))
    opener_on(central, window)
    panel = show_summary(qtbot, window, seeded)
    give_reason(qtbot, panel, "caller on the phone")
    qtbot.waitUntil(
        lambda: isinstance(window.tabs.currentWidget(), OpenedRecordView), timeout=WAIT_MS
    )
    view = window.tabs.currentWidget()
    assert isinstance(view, OpenedRecordView)
    assert len(view.opened.record.skipped) == 4
    assert "malformed" in view.notes.text() and "part is shown" in view.notes.text()
    assert "Stranger" not in view.opened.snapshot.display_name
    window.tabs.close_current()
    delete_later_now()


def _slow(request: Request) -> Reply:
    time.sleep(3)  # longer than the client waits (its read timeout below)
    return Reply(200, {"docs": []})


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        (Reply(403, {"error": "forbidden", "reason": "only agents open records"}), "refused"),
        (Reply(500, {"error": "internal_server_error", "reason": "boom\nline two"}), "failed"),
        (Reply(200, b"<html>not json</html>"), "not JSON"),
        (Reply(200, {"docs": "nope"}), "no record"),
        (Reply(200, {"docs": [{"_id": "citizen:other", "_rev": "1-a"}]}), "no record"),
        (_slow, "in time"),
    ],
)
def test_a_failing_server_is_said_in_one_line_and_opens_nothing(
    qtbot: QtBot,
    window: MainWindow,
    seeded: Store,
    central: HostileServer,
    reply: Any,
    said: str,
) -> None:
    central.on("_open_record", reply)
    opener_on(central, window, timeout=0.5)
    panel = show_summary(qtbot, window, seeded)
    tabs_before = window.tabs.count()
    give_reason(qtbot, panel, "caller on the phone")
    qtbot.waitUntil(panel.error.isVisible, timeout=WAIT_MS)
    message = panel.error.text()
    assert said in message and "\n" not in message, message
    assert message.startswith("The full record could not be opened:")
    assert window.tabs.count() == tabs_before
    assert panel.open_button.isEnabled()  # it may be tried again
    assert NAME.encode() not in laptop_bytes(seeded)


def test_the_window_asks_its_central_connection_whether_it_is_online(
    tmp_path: Path, window: MainWindow
) -> None:
    from types import SimpleNamespace

    from sync.config import CentralConfig
    from sync.credentials import CentralAccount
    from sync.state import SyncState
    from ui.central import CentralConnection
    from ui.opened_record import central_status, opener_for

    ctx = window.ctx
    assert "not connected" in (central_status(None) or "")
    central = CentralConnection(tmp_path, ctx.worker, ctx.bus, "ann", None)
    assert "not connected" in (central_status(central) or "")
    central.config = CentralConfig("https://central.example/council", "ann")
    assert "Not signed in" in (central_status(central) or "")
    central.account = CentralAccount(central.config.server)
    for kind, online in (("offline", False), ("needs_sign_in", False), ("up_to_date", True)):
        central.link = SimpleNamespace(state=SyncState(kind, "cannot reach it"))  # type: ignore[assignment]
        assert (central_status(central) is None) is online, kind
    opener = opener_for(ctx, central)
    assert opener.allowed and opener.unavailable() is None
    central.link = None
