"""A record purged from the laptop (it left the person's scope: reassigned away, out of their
work) while its tab is open: the tab turns into a plain page saying so, with a close button,
instead of an error, and keeps nothing of the record on screen. Other tabs are left alone.

The purge is the real one (``caseworker.store.purge``); its ``Written`` rows reach the window
on the change bus, as the sync process's do (``ui.sync_link``)."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case, Note
from caseworker.services.context import ChangeSet
from caseworker.store import purge
from caseworker.store.store import Store
from tests.ui.conftest import WAIT_MS
from ui.case.view import CaseView
from ui.citizen.view import CitizenView
from ui.context import UiContext
from ui.dialogs.shared import alive
from ui.main_window import MainWindow

EVERYTHING_PUSHED = 10**12  # nothing here is unsent: the purge drops what it is asked to


def some_cases(store: Store, n: int = 2) -> list[tuple[str, str, str]]:
    """(case id, reference, citizen id) of cases with a citizen and notes."""
    with store.read() as session:
        rows = session.execute(
            select(Case.id, Case.reference, Case.citizen_id)
            .where(Case.citizen_id.is_not(None), Case.id.in_(select(Note.case_id)))
            .order_by(Case.id)
            .limit(n)
        ).all()
    assert len(rows) == n
    return [(str(a), str(b), str(c)) for a, b, c in rows]


def purged(qtbot: QtBot, ctx: UiContext, *ids: str) -> ChangeSet:
    """Purge ``ids`` on the database thread and publish what it dropped, as sync does."""
    result: list[ChangeSet] = []
    ctx.worker.write(
        lambda s: ChangeSet(purge.purge(s, ids, pushed=EVERYTHING_PUSHED).written),
        lambda changes: result.append(changes),
    )
    qtbot.waitUntil(lambda: bool(result), timeout=WAIT_MS)
    changes = result[0]
    assert changes.written and all(w.purged for w in changes.written)
    ctx.bus.changed.emit(changes)
    return changes


def opened(qtbot: QtBot, window: MainWindow, record_id: str) -> QWidget:
    view = window.open_record(record_id)
    assert isinstance(view, CaseView | CitizenView)
    qtbot.waitUntil(lambda: view.snapshot is not None, timeout=WAIT_MS)
    return view


def gone_page(window: MainWindow, index: int) -> QWidget | None:
    widget = window.tabs.widget(index)
    return widget if widget is not None and widget.objectName() == "record-gone" else None


def test_a_purged_case_tab_says_the_record_left_and_closes(
    qtbot: QtBot, window: MainWindow, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    (case_id, reference, _citizen), (other_id, _ref, _c) = some_cases(seeded)
    other = opened(qtbot, window, other_id)
    view = opened(qtbot, window, case_id)
    index = window.tabs.indexOf(view)
    assert reference in window.tabs.tabText(index)

    purged(qtbot, ctx, case_id)
    qtbot.waitUntil(lambda: gone_page(window, index) is not None, timeout=WAIT_MS)
    page = gone_page(window, index)
    assert page is not None
    assert window.tabs.currentIndex() == index  # it stays where the person was
    assert "no longer on this laptop" in page.findChildren(QWidget)[0].property("text")
    assert reference not in window.tabs.tabText(index)  # nothing of the record stays shown
    assert reference not in window.windowTitle()
    qtbot.waitUntil(lambda: not alive(view), timeout=WAIT_MS)  # the view and its data are gone
    assert case_id not in window.tabs.open_ids()
    assert window.tabs.record_view(other_id) is other  # another record's tab is left alone
    settle()
    assert other.banner.isHidden() or "Could not" not in other.banner.text()

    close = page.close_button  # type: ignore[attr-defined]
    assert close.accessibleName() and close.hasFocus()
    count = window.tabs.count()
    close.click()
    assert window.tabs.count() == count - 1
    assert gone_page(window, index) is None


def test_a_purged_citizen_tab_says_so_too(
    qtbot: QtBot, window: MainWindow, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    (_case_id, _ref, citizen_id), _other = some_cases(seeded)
    view = opened(qtbot, window, citizen_id)
    index = window.tabs.indexOf(view)
    purged(qtbot, ctx, citizen_id)
    qtbot.waitUntil(lambda: gone_page(window, index) is not None, timeout=WAIT_MS)
    assert citizen_id not in window.tabs.open_ids()
    settle()


def test_a_purged_note_only_refreshes_its_case(
    qtbot: QtBot, window: MainWindow, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    (case_id, reference, _citizen), _other = some_cases(seeded)
    view = opened(qtbot, window, case_id)
    index = window.tabs.indexOf(view)
    with seeded.read() as session:
        note_id = session.scalars(select(Note.id).where(Note.case_id == case_id)).first()
    assert note_id is not None
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):  # type: ignore[attr-defined]
        purged(qtbot, ctx, note_id)
    settle()
    assert window.tabs.widget(index) is view
    assert reference in window.tabs.tabText(index)
    assert view.banner.isHidden() or "Could not" not in view.banner.text()  # type: ignore[attr-defined]


def test_a_purged_record_that_comes_back_opens_afresh(
    qtbot: QtBot, window: MainWindow, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    """The gone page is not the record's tab: opening the id again makes a new view (here it
    finds nothing, as the record is not back yet, and says so in its own tab)."""
    (case_id, _ref, _citizen), _other = some_cases(seeded)
    view = opened(qtbot, window, case_id)
    index = window.tabs.indexOf(view)
    purged(qtbot, ctx, case_id)
    qtbot.waitUntil(lambda: gone_page(window, index) is not None, timeout=WAIT_MS)
    again = window.open_record(case_id)
    assert again is not view and window.tabs.indexOf(again) != index
    settle()
