"""Directory hits in the window: after the full records, tagged as summaries, and opened as a
small read-only summary (names, postcodes, language), never as a record tab (the full record
is not on this laptop; opening it on demand is tests/ui/test_open_record_on_demand.py)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTextEdit
from pytestqt.qtbot import QtBot

from caseworker.services.citizens import create_citizen
from caseworker.store import replication
from caseworker.store.store import Store
from tests.ui.conftest import WAIT_MS, wait_idle
from tests.unit.conftest import AGENT
from tests.unit.directory_docs import entry, receive, tombstone
from ui.main_window import MainWindow
from ui.search.model import ID_ROLE, KIND_ROLE, SUMMARY_ROLE


def _laptop(store: Store) -> str:
    with store.write() as s:
        held, _ = create_citizen(s, AGENT, "Heledd", "Quillfeather")
    receive(
        store,
        entry(held.split(":", 1)[1], "Heledd", "Quillfeather"),
        entry(
            "d1",
            "Aled",
            "Quillfeather",
            preferred_name="Al",
            language="cy",
            postcodes=["LL57 2PW", "sa1 1aa"],
            phones=["01632 960002"],
        ),
    )
    return held


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.omnibox.clear()
    qtbot.keyClicks(window.omnibox, text)
    qtbot.waitUntil(
        lambda: window.search.settled and window.search.model.rowCount() > 0, timeout=WAIT_MS
    )


def test_directory_hits_follow_the_records_with_a_label_saying_what_they_are(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    held = _laptop(seeded)
    _type(qtbot, window, "quillfeather")
    model = window.search.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert [(i.data(KIND_ROLE), i.data(ID_ROLE)) for i in rows] == [
        ("citizen", held),
        ("directory", "directory:d1"),
    ]
    record, summary = rows
    assert record.data(SUMMARY_ROLE) is None
    assert summary.data(SUMMARY_ROLE) == "Directory summary"
    assert summary.data(Qt.ItemDataRole.DisplayRole) == "Al Quillfeather"
    spoken = summary.data(Qt.ItemDataRole.AccessibleTextRole)
    assert (
        spoken.startswith("Directory summary: Al Quillfeather") and "not on this laptop" in spoken
    )
    assert "not on this laptop" in summary.data(Qt.ItemDataRole.ToolTipRole)
    assert "LL57 2PW" in summary.data(Qt.ItemDataRole.ToolTipRole)
    window.search_page.grab()  # the delegate paints the tag without error


def test_opening_a_directory_hit_shows_its_summary_and_opens_no_record(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    _laptop(seeded)
    panel = window.search_page.summary
    tabs = window.tabs.count()
    _type(qtbot, window, "Aled Quill")
    assert window.search.model.index(0, 0).data(KIND_ROLE) == "directory"
    assert not panel.isVisible()
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.isVisible, timeout=WAIT_MS)
    assert panel.name.text() == "Al Quillfeather (Aled)"
    assert panel.postcodes.text() == "LL57 2PW, SA1 1AA"
    assert panel.language.text() == "Welsh"
    assert not panel.form.isRowVisible(panel.merged)
    assert "full record is not on this laptop" in panel.note.text()
    # Read-only: the one thing offered is opening the full record, which needs the central
    # service this window has not got (tests/ui/test_open_record_on_demand.py opens one).
    assert panel.findChildren(QAbstractButton) == [panel.open_button]
    assert not panel.open_button.isEnabled()
    assert panel.findChildren(QLineEdit) == [] and panel.findChildren(QTextEdit) == []
    assert window.tabs.count() == tabs
    assert window.tabs.record_view("directory:d1") is None
    assert window.tabs.record_view("citizen:d1") is None
    # Another search puts the summary away.
    _type(qtbot, window, "Heledd")
    assert not panel.isVisible()
    wait_idle(qtbot, window.search._worker)


def test_a_summary_gone_since_it_was_found_says_so(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    _laptop(seeded)
    _type(qtbot, window, "Aled Quill")
    with seeded.write() as s:  # deleted on the server after the search answered
        replication.put_replicated_many(s, [tombstone("directory:d1")])
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Return)
    panel = window.search_page.summary
    qtbot.waitUntil(panel.isVisible, timeout=WAIT_MS)
    assert "no longer on this laptop" in panel.name.text()
    assert panel.postcodes.text() == "" and panel.language.text() == ""
