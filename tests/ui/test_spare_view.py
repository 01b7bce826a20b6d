"""A citizen view is built ahead while the window is idle, so opening a record only reads and
fills it. The spare must be invisible in every way until it is used: no tab, no keyboard, no
reads, no reaction to changes; and once used it is that citizen's view and nobody else's."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Citizen
from caseworker.services.context import ChangeSet
from caseworker.store.docstore import Written
from caseworker.store.store import Store
from ui.citizen import CitizenView
from ui.context import UiContext
from ui.main_window import MainWindow

WAIT_MS = 10_000


def two_citizens(store: Store) -> list[tuple[str, str]]:
    with store.read() as session:
        rows = session.execute(
            select(Citizen.id, Citizen.family_name).order_by(Citizen.id).limit(2)
        ).all()
    return [(r[0], r[1]) for r in rows]


def spare_of(window: MainWindow, qtbot: QtBot) -> CitizenView:
    qtbot.waitUntil(lambda: window.tabs.spare("citizen") is not None, timeout=WAIT_MS)
    spare = window.tabs.spare("citizen")
    assert isinstance(spare, CitizenView)
    return spare


def test_the_next_citizen_opens_in_the_view_built_ahead(
    window: MainWindow, qtbot: QtBot, seeded: Store
) -> None:
    (first, first_name), (second, second_name) = two_citizens(seeded)
    spare = spare_of(window, qtbot)
    tabs_before = window.tabs.count()
    assert not spare.isVisible()
    assert window.tabs.count() == tabs_before, "a spare is not a tab"

    opened = window.open_record(first)
    assert opened is spare
    assert window.tabs.spare("citizen") is None, "a spare is used once"
    qtbot.waitUntil(lambda: spare.snapshot is not None, timeout=WAIT_MS)
    assert spare.snapshot is not None and spare.snapshot.id == first
    assert first_name in spare.title.text()
    assert spare.isVisible() and window.tabs.currentWidget() is spare

    # The next spare is built once the window is idle again, and is a different view.
    following = spare_of(window, qtbot)
    assert following is not spare and following.snapshot is None
    second_view = window.open_record(second)
    assert second_view is following
    qtbot.waitUntil(lambda: following.snapshot is not None, timeout=WAIT_MS)
    assert following.snapshot is not None and following.snapshot.id == second
    assert second_name in following.title.text()
    assert spare.snapshot.id == first, "the first view still shows its own citizen"
    assert window.open_record(first) is spare, "an open record's tab is brought forward"


def test_a_spare_answers_no_key_reads_nothing_and_ignores_changes(
    window: MainWindow, qtbot: QtBot, ctx: UiContext
) -> None:
    spare = spare_of(window, qtbot)
    gone: list[bool] = []
    read: list[object] = []
    spare.gone.connect(lambda: gone.append(True))
    spare.loader.arrived.connect(read.append)
    spare.loader.failed.connect(read.append)
    window.focus_search()
    pending = ctx.worker.pending
    # The view's own shortcuts (log a contact, open a case, note, marker) with the keyboard
    # elsewhere: nothing may open.
    for key in (Qt.Key.Key_L, Qt.Key.Key_O, Qt.Key.Key_N, Qt.Key.Key_M):
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
    assert spare.dialog is None
    assert QApplication.activeModalWidget() is None
    # A purge of some record, and a write of anything: a bound view would read again.
    changes = ChangeSet()
    changes.add(Written("citizen:someone", "citizen", "2-a", True, True, False, purged=True))
    changes.add(Written("note:x", "note", "1-b", False, True, False))
    ctx.bus.changed.emit(changes)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: ctx.worker.pending <= pending, timeout=WAIT_MS)
    assert gone == []
    assert read == [], "a spare reads nobody"
    assert spare.snapshot is None and not spare.loader.busy


def test_a_bound_view_cannot_be_bound_again(
    window: MainWindow, qtbot: QtBot, seeded: Store
) -> None:
    (first, _), (second, _) = two_citizens(seeded)
    spare = spare_of(window, qtbot)
    window.open_record(first)
    try:
        spare.bind(second)
    except RuntimeError:
        pass
    else:
        raise AssertionError("binding a used view to another citizen must be refused")
    assert spare.citizen_id == first
