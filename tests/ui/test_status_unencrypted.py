"""Plain http:// to another machine, asked for with --allow-http: the status bar says so for
as long as it lasts, whatever the sync is doing."""

from pytestqt.qtbot import QtBot

from caseworker.store import docstore
from sync.state import SyncState
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.status_bar import pending_after
from ui.theme import Theme


def test_the_status_bar_shows_an_unencrypted_connection(
    qtbot: QtBot, ctx: UiContext, theme: Theme
) -> None:
    window = MainWindow(ctx, theme, pending=pending_after(docstore.last_seq))
    qtbot.addWidget(window)
    connection = window.status.connection.text
    for kind in ("syncing", "up_to_date", "offline"):
        window.status.show_sync(SyncState(kind, "no route to host", unencrypted=True))  # type: ignore[arg-type]
        assert connection.text().endswith("· unencrypted connection")
        assert "unencrypted connection" in connection.accessibleDescription()
    window.status.show_sync(SyncState("up_to_date"))
    assert connection.text() == "Online · up to date"
