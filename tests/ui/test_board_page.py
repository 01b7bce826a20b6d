"""The Board page: for supervisors only, its figures as charts, tables and words, every figure
a keystroke away from the cases behind it, and a case one more keystroke away."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caseworker.board import CaseFilter, compute_board, count_cases
from caseworker.services.context import ChangeSet
from caseworker.store.store import Store
from caseworker.store.writer import Written
from caseworker.timeutil import utcnow
from tests.ui.conftest import WAIT_MS, wait_idle
from ui import rail
from ui.board.chart import FigureChart
from ui.board.page import BoardPage
from ui.case.view import CaseView
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.theme import Theme


@pytest.fixture
def supervisor_window(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], theme: Theme
) -> Iterator[MainWindow]:
    ctx = make_ctx("supervisor")
    window = MainWindow(ctx, theme)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)  # mnemonics need an active window
    yield window
    wait_idle(qtbot, ctx.worker)


def _board_page(qtbot: QtBot, window: MainWindow) -> BoardPage:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["board"]
    assert isinstance(page, BoardPage)
    qtbot.waitUntil(lambda: page.board is not None, timeout=WAIT_MS)
    return page


def _tab_to(qtbot: QtBot, target: QWidget, limit: int = 30) -> None:
    for _ in range(limit):
        if target.hasFocus():
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert target.hasFocus(), f"Tab never reached {target.accessibleName()!r}"


def test_only_supervisors_and_admins_have_a_board() -> None:
    assert "board" in rail.pages_for("supervisor") and "board" in rail.pages_for("admin")
    for role in ("agent", "field_officer", "someone new"):
        assert "board" not in rail.pages_for(role)


def test_the_agents_window_has_no_board(window: MainWindow) -> None:
    assert "board" not in window.pages and "board" not in window.rail.buttons


def test_the_board_says_what_it_covers_with_the_stores_own_figures(
    qtbot: QtBot, supervisor_window: MainWindow, seeded: Store
) -> None:
    page = _board_page(qtbot, supervisor_window)
    with seeded.read() as session:
        expected = compute_board(session, utcnow())
    assert expected.coverage.open_cases > 0, "the seeded council should have open cases"
    text = page.coverage.text()
    assert f"{expected.coverage.open_cases:,}" in text and "never synced" in text
    assert f"{expected.breached.value:,}" in page.tiles.breached.accessibleName()


def test_enter_on_a_big_number_lists_its_cases_and_enter_opens_one(
    qtbot: QtBot, supervisor_window: MainWindow, seeded: Store
) -> None:
    page = _board_page(qtbot, supervisor_window)
    assert page.board is not None
    breached = page.board.breached
    assert breached.value > 0, "the seeded council should have breached cases"
    page.tiles.breached.setFocus()
    qtbot.keyClick(page.tiles.breached, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.drill_model.total is not None, timeout=WAIT_MS)
    assert page.drill_model.total == breached.value
    assert page.drill_list.hasFocus()
    first = page.drill_model.case_id(0)
    qtbot.keyClick(page.drill_list, Qt.Key.Key_Return)
    tabs = supervisor_window.tabs
    qtbot.waitUntil(lambda: isinstance(tabs.currentWidget(), CaseView), timeout=WAIT_MS)
    view = tabs.currentWidget()
    assert isinstance(view, CaseView) and view.case_id == first


def test_a_chart_is_walked_with_arrows_and_enter_lists_that_bars_cases(
    qtbot: QtBot, supervisor_window: MainWindow, seeded: Store
) -> None:
    page = _board_page(qtbot, supervisor_window)
    assert page.board is not None and len(page.board.queues) >= 2
    chart = page.cards["queues"].chart
    _tab_to(qtbot, chart)
    # Queues are bars across, busiest at the top: Down to the next queue, Right across measures.
    qtbot.keyClick(chart, Qt.Key.Key_Down)  # the second queue
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # its "at risk today"
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # its "breached"
    second = page.board.queues[1]
    assert second.label in page.cards["queues"].chosen.text()
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.drill_model.total is not None, timeout=WAIT_MS)
    assert page.drill_model.total == second.breached
    with seeded.read() as session:
        assert count_cases(session, second.breached_filter) == second.breached


def test_every_chart_says_its_figures_in_words(qtbot: QtBot, supervisor_window: MainWindow) -> None:
    page = _board_page(qtbot, supervisor_window)
    assert page.board is not None
    queues = page.cards["queues"].chart.accessibleDescription()
    for workload in page.board.queues:
        assert workload.label in queues and f"Open {workload.open:,}" in queues
    weeks = page.cards["weeks"].chart.accessibleDescription()
    assert "Median time to resolve" in weeks and "Opened" in weeks


def test_the_tables_button_shows_tables_and_enter_on_a_cell_lists_its_cases(
    qtbot: QtBot, supervisor_window: MainWindow
) -> None:
    page = _board_page(qtbot, supervisor_window)
    assert page.board is not None
    _tab_to(qtbot, page.tables_button)
    qtbot.keyClick(page.tables_button, Qt.Key.Key_Space)
    card = page.cards["queues"]
    assert card.stack.currentWidget() is card.table
    header = [card.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert header == ["Queue", "Open", "At risk today", "Breached"]
    card.table.setFocus()
    card.table.setCurrentIndex(card.model.index(0, 1))
    qtbot.keyClick(card.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.drill_model.total is not None, timeout=WAIT_MS)
    assert page.drill_model.total == page.board.queues[0].open


def test_changes_from_sync_refresh_the_figures_once_after_a_burst(
    qtbot: QtBot, supervisor_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _board_page(qtbot, supervisor_window)
    page._debounce.setInterval(100)
    asked: list[int] = []
    real = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (asked.append(1), real()))
    page._debounce.timeout.disconnect()
    page._debounce.timeout.connect(page.refresh)
    bus = supervisor_window.ctx.bus
    for n in range(5):
        bus.changed.emit(ChangeSet([Written(f"case:{n}", "case", "1-a", False, True, False)]))
    bus.changed.emit(ChangeSet([Written("reply:1", "message", "1-a", False, True, False)]))
    qtbot.wait(400)
    assert asked == [1]


def test_the_models_pass_the_model_tester(
    qtbot: QtBot, supervisor_window: MainWindow, qtmodeltester: ModelTester
) -> None:
    page = _board_page(qtbot, supervisor_window)
    for card in page.cards.values():
        qtmodeltester.check(card.model, force_py=True)
    page.drill_down(CaseFilter(open_only=True), "Open")
    qtbot.waitUntil(lambda: page.drill_model.total is not None, timeout=WAIT_MS)
    qtmodeltester.check(page.drill_model, force_py=True)


def test_a_click_on_a_bar_lists_its_cases(qtbot: QtBot, supervisor_window: MainWindow) -> None:
    page = _board_page(qtbot, supervisor_window)
    assert page.board is not None
    chart: FigureChart = page.cards["queues"].chart
    drawn = chart._sets[0].count()  # the busiest queue is drawn last: at the top
    chart._sets[0].clicked.emit(drawn - 1)  # what QtCharts sends for a click on that bar
    qtbot.waitUntil(lambda: page.drill_model.total is not None, timeout=WAIT_MS)
    assert page.drill_model.total == page.board.queues[0].open


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_nothing_on_the_board_is_cut_off_at_1280x720(
    qtbot: QtBot,
    qapp: QApplication,
    make_ctx: Callable[[str], UiContext],
    theme: Theme,
    lang: str,
) -> None:
    """The shared no-cut check (its window is an agent's, who has no board) on a supervisor's."""
    from tests.ui.test_no_cut_text import cut_text
    from ui import i18n

    i18n.install(qapp, lang)
    try:
        ctx = make_ctx("supervisor")
        window = MainWindow(ctx, theme)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        page = _board_page(qtbot, window)
        for as_table in (False, True):
            page.tables_button.setChecked(as_table)
            for index in range(page.tabs.count()):
                page.tabs.setCurrentIndex(index)
                qtbot.wait(20)
                found = cut_text(window, f"1280x720 {page.tabs.tabText(index)}")
                assert not found, "\n".join(str(cut) for cut in found[:20])
        wait_idle(qtbot, ctx.worker)
    finally:
        i18n.install(qapp, "en")


def test_every_control_on_the_board_has_a_name_and_a_description(
    qtbot: QtBot, supervisor_window: MainWindow
) -> None:
    from tests.ui.test_accessibility import unnamed_controls

    page = _board_page(qtbot, supervisor_window)
    page.tables_button.setChecked(True)
    problems = unnamed_controls(page)
    assert not problems, "\n".join(problems)


def test_weeks_are_named_by_their_monday_in_the_uk_in_summer_too(
    seeded: Store, theme: Theme
) -> None:
    from datetime import UTC, datetime

    from ui.board.shapes import shapes

    summer = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)  # Mondays start at 23:00 UTC on Sunday
    with seeded.read() as session:
        board = compute_board(session, summer)
    weeks = next(shape for shape in shapes(board) if shape.key == "weeks")
    days = [datetime.strptime(name, "%d/%m/%Y") for name in weeks.categories]
    assert len(days) == 12 and all(day.weekday() == 0 for day in days)
    assert weeks.categories[-1] == "13/07/2026"
