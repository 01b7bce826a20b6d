"""The main window: the rail by role, tabs one per record, shortcuts, the status bar."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case, Citizen
from caseworker.store import docstore, settings
from caseworker.store.store import Store
from caseworker.timeutil import utcnow
from ui import rail
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.status_bar import pending_after
from ui.theme import Theme

WAIT_MS = 10_000


def _ids(store: Store) -> tuple[str, str, str]:
    with store.read() as session:
        citizen = session.scalars(select(Citizen.id).order_by(Citizen.id)).first()
        two_cases = session.scalars(select(Case.id).order_by(Case.id).limit(2)).all()
    assert citizen is not None and len(two_cases) == 2
    return citizen, two_cases[0], two_cases[1]


def test_pages_by_role_and_only_pages_that_are_built() -> None:
    assert rail.pages_for("agent") == ("my_work", "queues", "search")
    assert rail.pages_for("field_officer") == ("my_work", "queues", "search")
    assert rail.pages_for("supervisor", mentions=True) == rail.PAGES
    assert rail.pages_for("someone new", mentions=True) == ("my_work", "search")
    # The mentions inbox is for those who hold the mentions channel, not for a role as such.
    assert rail.pages_for("agent", mentions=True) == ("my_work", "queues", "search", "mentions")
    for role in ("agent", "field_officer", "supervisor", "admin"):
        assert "mentions" not in rail.pages_for(role)
        assert "dashboard" not in rail.pages_for(role, mentions=True)


@pytest.mark.parametrize("role", ["agent", "field_officer", "supervisor"])
def test_the_rail_shows_what_the_role_works_with(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], theme: Theme, role: str
) -> None:
    ctx = make_ctx(role)
    window = MainWindow(ctx, theme)
    qtbot.addWidget(window)
    assert tuple(window.rail.buttons) == rail.pages_for(role, ctx.holds_mentions)
    # The seed's first agent works the social-media queue; field officers never hold it.
    assert ("mentions" in window.rail.buttons) == (role != "field_officer")
    assert "dashboard" not in window.rail.buttons
    assert window.rail.buttons["my_work"].text() == "My work  (Ctrl+1)"
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)


def test_starts_on_my_work_with_the_omnibox_focused(window: MainWindow) -> None:
    assert window.omnibox.hasFocus()
    assert window.tabs.currentIndex() == 0
    assert window.stack.currentWidget() is window.pages["my_work"]
    assert window.tabs.tabText(0) == "My work"
    assert window.windowTitle() == "My work — Caseworker"


def test_ctrl_digits_switch_pages_and_ctrl_k_returns_to_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["queues"]
    assert window.rail.buttons["queues"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["queues"]  # no page for Ctrl+4
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.omnibox.hasFocus()


def test_one_tab_per_record_refocused_cycled_and_closed_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    citizen, case_a, case_b = _ids(seeded)
    first = window.open_record(citizen)
    window.open_record(case_a)
    window.open_record(case_b)
    assert window.tabs.count() == 4
    assert window.open_record(citizen) is first  # already open: brought forward, not reopened
    assert window.tabs.count() == 4
    assert window.tabs.currentWidget() is first
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.tabs.record_view(case_a)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentWidget() is first
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.record_view(citizen) is None
    assert window.tabs.count() == 3
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 3  # the home tab stays


def test_every_menu_action_shows_its_shortcut(window: MainWindow) -> None:
    shortcuts = dict(window.shortcut_list())
    for action in ("Search", "My work", "Queues", "Next tab", "Close tab", "Keyboard shortcuts"):
        assert shortcuts[action], action
    assert shortcuts["Find a citizen or case"] == QKeySequence("Ctrl+K").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert all(not a.shortcut().isEmpty() for a in window.actions())


def test_the_status_bar_says_who_and_that_no_central_service_is_configured(
    window: MainWindow, ctx: UiContext
) -> None:
    status = window.status
    assert ctx.staff_name in status.who.text.text()
    assert status.connection.text.text() == "Local only"
    assert status.pending.text.text() == "No central service configured"
    assert not status.last_sync.isVisibleTo(window)


def test_the_status_bar_counts_what_waits_to_be_sent(
    qtbot: QtBot, ctx: UiContext, theme: Theme
) -> None:
    # As if the last push had checkpointed all but the three latest local changes.
    pending = pending_after(lambda session: docstore.last_seq(session) - 3)
    window = MainWindow(ctx, theme, pending=pending)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.status.pending_count == 3, timeout=WAIT_MS)
    assert window.status.pending.text.text() == "3 changes waiting to be sent"
    window.status.set_sync_state("up_to_date")
    # Never "up to date" beside "3 changes waiting": the bar says one thing (the count is
    # read again after the sync's word).
    qtbot.waitUntil(
        lambda: window.status.connection.text.text() == "Online · 3 changes still to send",
        timeout=WAIT_MS,
    )
    assert window.status.connection.text.property("connection") == "waiting"
    window.status.set_sync_state("error", "the server refused the password")
    assert "the server refused the password" in window.status.connection.text.text()
    assert window.status.connection.text.property("connection") == "problem"


def test_up_to_date_is_said_only_when_nothing_waits_and_offline_is_marked_apart(
    qtbot: QtBot, ctx: UiContext, theme: Theme
) -> None:
    window = MainWindow(ctx, theme, pending=pending_after(docstore.last_seq))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.status.pending_count == 0, timeout=WAIT_MS)
    connection = window.status.connection.text
    window.status.set_sync_state("up_to_date")
    assert connection.text() == "Online · up to date"
    assert connection.property("connection") == "online"
    online_colour = connection.palette().color(connection.foregroundRole()).name()
    window.status.set_sync_state("offline", "no network")
    assert connection.text().startswith("Offline")
    assert connection.property("connection") == "offline"
    # Not words alone: the colour changes too (the icon is swapped with it).
    assert connection.palette().color(connection.foregroundRole()).name() != online_colour


def test_a_sync_run_from_the_command_line_shows_as_the_last_sync(
    qtbot: QtBot, ctx: UiContext, theme: Theme, seeded: Store
) -> None:
    window = MainWindow(ctx, theme, pending=pending_after(docstore.last_seq))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.status.pending_count == 0, timeout=WAIT_MS)
    assert window.status.last_sync.text.text() == "Last sync: not yet"
    with seeded.write() as session:  # as `caseworker sync` does when it completes
        settings.record_sync(session, utcnow() - timedelta(minutes=5))
    window.status.refresh_pending()
    qtbot.waitUntil(
        lambda: window.status.last_sync.text.text() != "Last sync: not yet", timeout=WAIT_MS
    )
    assert "5 min" in window.status.last_sync.text.text()


def _tree_rows(table: QTreeWidget) -> dict[str, dict[str, str]]:
    groups: dict[str, dict[str, str]] = {}
    for i in range(table.topLevelItemCount()):
        group = table.topLevelItem(i)
        assert group is not None
        groups[group.text(0)] = {
            group.child(j).text(0): group.child(j).text(1) for j in range(group.childCount())
        }
    return groups


def test_f1_lists_the_keys_of_a_case_and_of_a_citizen_even_with_none_open(
    window: MainWindow,
) -> None:
    groups = _tree_rows(window.shortcuts_table())
    assert set(groups) == {
        "Anywhere in the window",
        "In the mentions inbox",  # the seed's first agent works the social-media queue
        "In a case",
        "In a citizen's record",
    }
    assert groups["In the mentions inbox"]["Dismiss as not actionable"] == "D"
    assert groups["Anywhere in the window"]["Find a citizen or case"] == "Ctrl+K"
    assert groups["In a case"]["Undo the last change"] == "Ctrl+Z"
    assert groups["In a case"]["Reply to the citizen"] == "Ctrl+Shift+M"
    assert groups["In a citizen's record"]["Set a warning"] == "Ctrl+Shift+M"
    assert groups["In a citizen's record"]["Start a note"] == "Ctrl+M"


def test_the_case_and_citizen_menus_act_on_the_record_in_the_current_tab(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    window.case_menu.aboutToShow.emit()
    [hint] = window.case_menu.actions()
    assert not hint.isEnabled() and "Open a case" in hint.text()
    with seeded.read() as session:
        case_id = session.scalars(select(Case.id).limit(1)).one()
    view = window.open_record(case_id)
    qtbot.waitUntil(lambda: getattr(view, "snapshot", None) is not None, timeout=WAIT_MS)
    window.case_menu.aboutToShow.emit()
    texts = {a.text(): a for a in window.case_menu.actions()}
    assert {"Log a contact", "Add a note", "Reply to the citizen", "Take"} <= set(texts)
    assert all(a.shortcut().toString() for a in texts.values())
    window.citizen_menu.aboutToShow.emit()
    assert not window.citizen_menu.actions()[0].isEnabled()  # a case is current, not a citizen
