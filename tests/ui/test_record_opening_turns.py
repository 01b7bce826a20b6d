"""Opening a record never holds the window for long: a citizen view is made a part per turn of
the event loop (the view, then its timeline, then the composer), and a record opened behind
another is read at once but filled only when it comes to the front. None of it may lose a
record's data, its keyboard path or whose record a quick note lands on."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Citizen, Note
from caseworker.services import contacts
from caseworker.services.context import ChangeSet
from caseworker.store.docstore import Written
from caseworker.store.store import Store
from ui.citizen import CitizenView
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.tabs import tab_pages

WAIT_MS = 10_000


def citizens(store: Store, count: int) -> list[tuple[str, str]]:
    with store.read() as session:
        rows = session.execute(
            select(Citizen.id, Citizen.family_name).order_by(Citizen.id).limit(count)
        ).all()
    return [(r[0], r[1]) for r in rows]


def settled(qtbot: QtBot, ctx: UiContext) -> None:
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)
    qtbot.wait(20)  # the view's own turns (timeline, composer) come after the answers


def test_a_record_opened_behind_another_is_filled_when_it_comes_to_the_front(
    window: MainWindow, qtbot: QtBot, ctx: UiContext, seeded: Store
) -> None:
    (first, first_name), (second, second_name) = citizens(seeded, 2)
    behind = window.open_record(first)
    front = window.open_record(second)  # before the first was read: the agent moved on
    assert isinstance(behind, CitizenView) and isinstance(front, CitizenView)
    qtbot.waitUntil(lambda: front.snapshot is not None, timeout=WAIT_MS)
    settled(qtbot, ctx)
    assert second_name in front.title.text()
    # Read, not shown: its tab already says whose it is.
    assert behind.snapshot is None
    assert first_name in window.tabs.tabText(window.tabs.indexOf(behind))

    # A note written meanwhile (sync, a colleague) is in what it shows when it comes forward.
    ctx.worker.write(
        lambda s: contacts.add_note(s, ctx.actor, "Rang back about the bin", citizen_id=first),
        lambda _changes: None,
        lambda error: (_ for _ in ()).throw(error),
    )
    settled(qtbot, ctx)
    assert behind.snapshot is None
    with qtbot.waitSignal(behind.loaded, timeout=WAIT_MS):
        window.tabs.setCurrentWidget(behind)
    assert behind.snapshot is not None and behind.snapshot.id == first
    assert first_name in behind.title.text()
    assert any(e.summary == "Rang back about the bin" for e in behind.snapshot.timeline)
    assert behind.timeline.model.rowCount() > 0


def test_a_record_purged_while_behind_never_shows_what_was_read_before(
    window: MainWindow, qtbot: QtBot, ctx: UiContext, seeded: Store
) -> None:
    """Reassigned away or erased while its tab was behind: what was read of it before is
    dropped, and the tab says the record is no longer here when it comes forward."""
    (first, first_name), (second, _) = citizens(seeded, 2)
    behind = window.open_record(first)
    front = window.open_record(second)
    assert isinstance(behind, CitizenView) and isinstance(front, CitizenView)
    qtbot.waitUntil(lambda: front.snapshot is not None, timeout=WAIT_MS)
    settled(qtbot, ctx)
    assert behind.snapshot is None  # read, waiting to be shown
    changes = ChangeSet()
    changes.add(Written(first, "citizen", "2-a", True, True, False, purged=True))
    ctx.bus.changed.emit(changes)
    qtbot.waitUntil(lambda: window.tabs.record_view(first) is None, timeout=WAIT_MS)
    index = next(
        i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "No longer here"
    )
    window.tabs.setCurrentIndex(index)
    settled(qtbot, ctx)
    shown = window.tabs.currentWidget()
    assert not isinstance(shown, CitizenView)
    texts = " ".join(label.text() for label in shown.findChildren(QLabel))
    assert first_name not in texts


def test_a_view_closed_before_its_timeline_was_made_leaves_nothing_running(
    window: MainWindow, qtbot: QtBot, ctx: UiContext, seeded: Store
) -> None:
    (first, _), (second, _) = citizens(seeded, 2)
    window.open_record(first)
    view = window.open_record(second)  # no view built ahead for this one
    assert isinstance(view, CitizenView) and view._timeline is None
    window.tabs.close_current()
    # Its turns and its read come to nothing: no error, no warning, no late fill.
    settled(qtbot, ctx)
    qtbot.wait(50)
    assert window.tabs.record_view(second) is None


def test_the_timeline_and_composer_come_later_and_join_the_keyboard_path(
    window: MainWindow, qtbot: QtBot, ctx: UiContext, seeded: Store
) -> None:
    (first, _), (second, _) = citizens(seeded, 2)
    window.open_record(first)
    view = window.open_record(second)
    assert isinstance(view, CitizenView)
    assert view._timeline is None, "made on a turn of its own, not with the view"
    qtbot.waitUntil(lambda: view.snapshot is not None, timeout=WAIT_MS)
    settled(qtbot, ctx)
    composer = view.timeline.composer
    assert composer is not None and composer.isVisible()
    # Tab from the timeline's list reaches the composer's text, as it did when made at once.
    view.timeline.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.timeline.table, timeout=WAIT_MS)
    for _ in range(12):
        if QApplication.focusWidget() is composer.text:
            break
        focused = QApplication.focusWidget()
        assert isinstance(focused, QWidget)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is composer.text


@pytest.mark.parametrize("composer_made", ["before it is bound", "after it is bound"])
def test_a_view_built_ahead_saves_quick_notes_for_the_citizen_it_was_given(
    window: MainWindow, qtbot: QtBot, ctx: UiContext, seeded: Store, composer_made: str
) -> None:
    (first, _), _ = citizens(seeded, 2)
    spare = CitizenView.spare(ctx, tab_pages(window.tabs))
    if composer_made == "before it is bound":
        assert spare.timeline.composer is not None
    else:
        assert spare.timeline._composer is None
    spare.bind(first)
    spare.show()
    composer = spare.timeline.composer
    assert composer is not None and composer.citizen_id == first
    qtbot.waitUntil(lambda: spare.snapshot is not None, timeout=WAIT_MS)
    text = f"Prefers a call after four ({composer_made})"
    composer.text.setPlainText(text)
    with qtbot.waitSignal(composer.saved, timeout=WAIT_MS):
        composer.save()
    settled(qtbot, ctx)
    with seeded.read() as session:
        notes = session.scalars(select(Note).where(Note.text == text)).all()
        assert [n.citizen_id for n in notes] == [first]
    spare.hide()
    spare.deleteLater()
