"""A supervisor selects many cases in a queue and assigns them in one gesture, from the
keyboard: to one officer (asked again for one on leave), spread evenly, dropped on an officer
in the officers panel, and undone."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE_EVENT
from caseworker.ids import new_id
from caseworker.models import Case
from caseworker.services import assignment
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.ui.conftest import wait_idle
from tests.ui.test_no_cut_text import cut_text
from ui import i18n
from ui.case.snapshot import load_case
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.theme import Theme
from ui.worklist.assign_dialog import AssignDialog
from ui.worklist.officers_panel import LOAD_ROLE, OfficersPanel
from ui.worklist.pages import QueuesPage

WAIT_MS = 10_000


def _page(qtbot: QtBot, ctx: UiContext) -> QueuesPage:
    page = QueuesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)  # shortcuts need an active window
    qtbot.waitUntil(lambda: page.list.model.rowCount() >= 3, timeout=WAIT_MS)
    return page


def _select_first(qtbot: QtBot, page: QueuesPage, n: int) -> list[str]:
    table = page.list.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(n - 1):
        QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert page.assign_bar is not None
    ids = page.assign_bar.selected_ids()
    assert len(ids) == n
    return ids


def _assignees(store: Store, ids: list[str]) -> list[str | None]:
    with store.read() as s:
        found = dict(s.execute(select(Case.id, Case.assignee_id).where(Case.id.in_(ids))).all())
    return [found[i] for i in ids]


def _officers(store: Store, queue_id: str) -> list[assignment.Workload]:
    with store.read() as s:
        return assignment.workloads(s, queue_id)


def test_a_supervisor_assigns_selected_cases_to_one_officer_and_undoes_it(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store
) -> None:
    page = _page(qtbot, make_ctx("supervisor"))
    bar = page.assign_bar
    assert bar is not None
    ids = _select_first(qtbot, page, 3)
    before = _assignees(seeded, ids)
    assert bar.selected_label.text() == "3 selected"
    QTest.keyClick(bar.assign_button, Qt.Key.Key_Space)
    dialog = bar.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.officers.count() > 0, timeout=WAIT_MS)
    first = _officers(seeded, str(page.queue_box.currentData()))[0]
    assert dialog.officers.item(0).text().startswith(first.name)
    assert "open case" in dialog.officers.item(0).text()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        QTest.keyClick(dialog.officers, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _assignees(seeded, ids) == [first.staff_id] * 3
    qtbot.waitUntil(
        lambda: bar.message.text().startswith("3 case") and "assigned" in bar.message.text(),
        timeout=WAIT_MS,
    )
    assert bar.undo_button.isVisible()
    page.activateWindow()  # the offscreen platform does not hand activation back itself
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.list.table.setFocus()
    QTest.keyClick(page.list.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Undone" in bar.message.text(), timeout=WAIT_MS)
    assert _assignees(seeded, ids) == before
    assert not bar.undo_button.isVisible()


def test_choosing_an_officer_on_leave_asks_again_before_assigning(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store
) -> None:
    page = _page(qtbot, make_ctx("supervisor"))
    first = _officers(seeded, str(page.queue_box.currentData()))[0]
    with seeded.write() as s:
        doc = docstore.require(s, first.staff_id)
        docstore.put(s, {**doc, "away_until": "2099-01-31"})
    ids = _select_first(qtbot, page, 2)
    before = _assignees(seeded, ids)
    assert page.assign_bar is not None
    page.assign_bar.open_dialog(spread=False)
    dialog = page.assign_bar.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.officers.count() > 0, timeout=WAIT_MS)
    assert "on leave until" in dialog.officers.item(0).text()
    QTest.keyClick(dialog.officers, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Press Assign anyway" in dialog.error_text("officer")
    assert dialog.save_button.text() == "Assign &anyway"
    assert _assignees(seeded, ids) == before  # nothing saved yet
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        QTest.keyClick(dialog.officers, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _assignees(seeded, ids) == [first.staff_id] * 2


def test_spreading_shares_the_selection_among_the_ticked_officers(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store
) -> None:
    page = _page(qtbot, make_ctx("supervisor"))
    ids = _select_first(qtbot, page, 4)
    assert page.assign_bar is not None
    QTest.keyClick(page.assign_bar.spread_button, Qt.Key.Key_Space)
    dialog = page.assign_bar.dialog
    assert dialog is not None and dialog.spread
    qtbot.waitUntil(lambda: dialog.officers.count() >= 2, timeout=WAIT_MS)
    QTest.keyClick(dialog.officers, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "at least one" in dialog.error_text("officer")  # none ticked yet
    dialog.officers.setFocus()
    QTest.keyClick(dialog.officers, Qt.Key.Key_Space)  # the first
    QTest.keyClick(dialog.officers, Qt.Key.Key_Down)
    QTest.keyClick(dialog.officers, Qt.Key.Key_Space)  # the second
    chosen = dialog.chosen()
    assert len(chosen) == 2
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        QTest.keyClick(dialog.officers, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    given = _assignees(seeded, ids)
    assert set(given) <= set(chosen) and len(set(given)) == 2


def test_agents_do_not_see_the_assignment_controls(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext]
) -> None:
    page = _page(qtbot, make_ctx("agent"))
    assert page.assign_bar is None
    assert page.list.table.selectionMode() == page.list.table.SelectionMode.SingleSelection


def _panel_ready(qtbot: QtBot, page: QueuesPage) -> OfficersPanel:
    assert page.assign_bar is not None
    panel = page.assign_bar.officers
    qtbot.waitUntil(lambda: panel.count() > 0, timeout=WAIT_MS)
    return panel


def test_dropping_selected_cases_on_an_officer_gives_them_the_cases(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store
) -> None:
    page = _page(qtbot, make_ctx("supervisor"))
    panel = _panel_ready(qtbot, page)
    ids = _select_first(qtbot, page, 2)
    table = page.list.table
    mime = page.list.model.mimeData(table.selectionModel().selectedIndexes())
    target = panel.item(panel.count() - 1)
    staff_id = target.data(Qt.ItemDataRole.UserRole)
    at = QPointF(panel.visualItemRect(target).center())
    copy, left, none = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # What a drag over the panel delivers: enter, move, drop.
    for event in (
        QDragEnterEvent(at.toPoint(), copy, mime, left, none),
        QDragMoveEvent(at.toPoint(), copy, mime, left, none),
        QDropEvent(at, copy, mime, left, none),
    ):
        QApplication.sendEvent(panel.viewport(), event)
    qtbot.waitUntil(lambda: _assignees(seeded, ids) == [staff_id] * 2, timeout=WAIT_MS)
    # The panel's load for them went up with the cases they were given.
    qtbot.waitUntil(
        lambda: any(
            panel.item(i).data(Qt.ItemDataRole.UserRole) == staff_id
            and panel.item(i).data(LOAD_ROLE)[0] >= 2
            for i in range(panel.count())
        ),
        timeout=WAIT_MS,
    )


def test_enter_on_an_officer_at_capacity_asks_first_and_no_means_nothing_changes(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store
) -> None:
    page = _page(qtbot, make_ctx("supervisor"))
    first = _officers(seeded, str(page.queue_box.currentData()))[0]
    with seeded.write() as s:
        doc = docstore.require(s, first.staff_id)
        docstore.put(s, {**doc, "capacity": first.load})  # full already
    panel = _panel_ready(qtbot, page)
    assert page.assign_bar is not None
    page.assign_bar.refresh_officers()  # as a synced change of the staff record would
    qtbot.waitUntil(lambda: "at capacity" in panel.item(0).text(), timeout=WAIT_MS)
    ids = _select_first(qtbot, page, 2)
    before = _assignees(seeded, ids)
    panel.setFocus()
    panel.setCurrentRow(0)

    def answer(key: Qt.Key) -> None:
        box = QApplication.activeModalWidget()
        assert box is not None and "at capacity" in box.findChild(QLabel, "qt_msgbox_label").text()
        QTest.keyClick(box, key)

    QTimer.singleShot(200, lambda: answer(Qt.Key.Key_Escape))
    QTest.keyClick(panel, Qt.Key.Key_Return)
    assert _assignees(seeded, ids) == before
    QTimer.singleShot(200, lambda: answer(Qt.Key.Key_Y))
    QTest.keyClick(panel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _assignees(seeded, ids) == [first.staff_id] * 2, timeout=WAIT_MS)


def test_an_automatic_assignment_reads_as_such_in_the_case_history(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store
) -> None:
    make_ctx("supervisor")  # the theme and translations installed
    with seeded.write() as s:
        case_id = s.scalars(select(Case.id).where(Case.assignee_id.is_(None))).first()
        assert case_id is not None
        staff_id = _officers(seeded, None)[0].staff_id
        event = new_document(
            CASE_EVENT,
            new_id(CASE_EVENT.id_prefix),
            {"case_id": case_id, "kind": "assigned", "at": "2026-12-02T10:00:00.000Z",
             "by": assignment.AUTO_ASSIGNER, "field": "assignee_id", "new": staff_id},
        )  # fmt: skip
        docstore.put_replicated(s, {**event, "_rev": "1-" + "b" * 32})
        snapshot = load_case(s, case_id)
    entry = next(h for h in snapshot.history if h.id == event["_id"])
    assert entry.by_name == "Automatic assignment"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_supervisors_queue_page_cuts_no_text_at_1280_by_720(
    qtbot: QtBot,
    qapp: QApplication,
    make_ctx: Callable[[str], UiContext],
    theme: Theme,
    lang: str,
) -> None:
    ctx = make_ctx("supervisor")
    i18n.install(qapp, lang)
    try:
        window = MainWindow(ctx, theme)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        window.show_page("queues")
        page = window.findChild(QueuesPage)
        assert page is not None and page.assign_bar is not None
        panel = page.assign_bar.officers
        qtbot.waitUntil(
            lambda: panel.count() > 0 and page.list.model.rowCount() > 0, timeout=WAIT_MS
        )
        page.list.table.selectRow(0)
        qtbot.wait(20)
        assert panel.isVisible() and page.assign_bar.assign_button.isVisible()
        found = cut_text(window, "1280x720")
        assert panel.flow() == panel.Flow.LeftToRight  # too narrow beside: a row under it
        window.resize(1920, 1080)
        qtbot.waitUntil(lambda: panel.flow() == panel.Flow.TopToBottom, timeout=WAIT_MS)
        qtbot.wait(20)
        found += cut_text(window, "1920x1080")
        assert not found, "\n".join(str(c) for c in found[:20])
        wait_idle(qtbot, ctx.worker)
    finally:
        i18n.install(qapp, "en")


def test_ctrl_a_selects_every_loaded_case_and_a_queue_without_officers_says_so(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store
) -> None:
    page = _page(qtbot, make_ctx("supervisor"))
    bar = page.assign_bar
    assert bar is not None
    page.list.table.setFocus()
    QTest.keyClick(page.list.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(bar.selected_ids()) == page.list.model.rowCount() > 3
    assert bar.selected_label.text() == f"{page.list.model.rowCount()} selected"
    dialog = AssignDialog(make_ctx("supervisor"), ["case:x"], queue_id="queue:none")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Nobody in this queue" in dialog.error_text(), timeout=WAIT_MS)
