"""My work: the officer's open cases, loaded a page at a time, sortable, filterable, live."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from caseworker import vocab
from caseworker.documents.codec import new_document
from caseworker.documents.types import STAFF
from caseworker.models import Case, Service, StaffMember
from caseworker.services import cases
from caseworker.services.context import Actor
from caseworker.store import docstore
from caseworker.store.store import Store
from ui.context import UiContext
from ui.worklist.model import COLUMNS, CaseListModel
from ui.worklist.pages import QueuesPage
from ui.worklist.query import CaseRow, WorkFilter
from ui.worklist.view import WorkListView

WAIT_MS = 10_000
OFFICER = Actor("staff:test-officer", "field_officer")
CASES = 25
PRIORITIES = ("low", "normal", "high", "urgent")


@pytest.fixture
def officer_cases(seeded: Store) -> list[str]:
    """A member of staff of our own with exactly CASES open cases, one resolved."""
    with seeded.write() as session:
        docstore.put(
            session,
            new_document(
                STAFF,
                OFFICER.staff_id,
                {
                    "name": "Tess Officer",
                    "username": "tess",
                    "role": OFFICER.role,
                    "queue_ids": [],
                    "active": True,
                },
            ),
        )
        code = session.scalars(select(Service.code).where(Service.active.is_(True))).first()
        assert code is not None
        ids = []
        for i in range(CASES + 1):
            new = cases.NewCase(
                code, f"Officer test case {i:02d}", "phone", priority=PRIORITIES[i % 4]
            )
            case_id, _ = cases.open_case(session, OFFICER, new)
            cases.assign(session, OFFICER, case_id, OFFICER.staff_id)
            ids.append(case_id)
        cases.transition(session, OFFICER, ids[-1], "resolved", outcome="duplicate")
    return ids[:-1]


@pytest.fixture
def officer_ctx(ctx: UiContext, officer_cases: list[str]) -> UiContext:
    return UiContext(OFFICER, "Tess Officer", ctx.worker, ctx.bus)


@pytest.fixture
def view(
    qtbot: QtBot, officer_ctx: UiContext, settle: Callable[[], None]
) -> Iterator[WorkListView]:
    widget = WorkListView(officer_ctx, "My work", "Nothing to do", page_size=10)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    with qtbot.waitSignal(widget.model.page_loaded, timeout=WAIT_MS):
        widget.show_cases(WorkFilter(assignee_id=OFFICER.staff_id))
    yield widget
    settle()


def test_the_model_loads_lazily_a_page_at_a_time(
    qtbot: QtBot, qtmodeltester: ModelTester, officer_ctx: UiContext
) -> None:
    model = CaseListModel(officer_ctx.worker, officer_ctx.bus, page_size=10)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.set_filter(WorkFilter(assignee_id=OFFICER.staff_id))
    assert model.rowCount() == 10
    assert model.total == CASES
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == CASES
    assert not model.canFetchMore(QModelIndex())
    ids = [model.case_id(r) for r in range(model.rowCount())]
    assert len(set(ids)) == CASES  # no page overlaps or repeats another
    due = [model.index(r, COLUMNS.index("due")).data(Qt.ItemDataRole.DisplayRole) for r in range(3)]
    assert all(text.startswith("due in") for text in due)


def test_the_python_model_tester_agrees(
    qtbot: QtBot, qtmodeltester: ModelTester, officer_ctx: UiContext
) -> None:
    model = CaseListModel(officer_ctx.worker, officer_ctx.bus, page_size=7)
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.set_filter(WorkFilter(assignee_id=OFFICER.staff_id))
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(lambda: model.rowCount() >= 14, timeout=WAIT_MS)  # the tester fetched more


def test_scrolling_to_the_end_fetches_the_next_page(qtbot: QtBot, view: WorkListView) -> None:
    assert view.model.rowCount() == 10
    assert view.count_label.text() == f"{CASES} cases"
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 20, timeout=WAIT_MS)


def test_a_further_page_measures_its_columns_on_the_rows_in_view_only(
    qtbot: QtBot, view: WorkListView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's default reads up to 1,000 rows, in and out of view, to size a column: every page
    of a long queue then cost the GUI thread more, up to 300 ms a page at 1,000 rows."""
    with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
        view.model.fetchMore(QModelIndex())
    read: set[int] = set()
    model = view.model
    original = model._text

    def counting(row: CaseRow, column: str, spoken: bool) -> str:
        read.add(model.row_of(row.id))
        return original(row, column, spoken)

    monkeypatch.setattr(model, "_text", counting)
    with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
        view.model.fetchMore(QModelIndex())
    assert view.model.rowCount() == CASES
    first = view.table.rowAt(0)
    last = view.table.rowAt(view.table.viewport().height() - 1)
    in_view = set(range(first, (last if last >= 0 else CASES - 1) + 1))
    assert read <= in_view, f"read rows {sorted(read - in_view)} out of view"


def test_sorting_by_priority_puts_urgent_first(qtbot: QtBot, view: WorkListView) -> None:
    with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
        view.sort_box.setCurrentIndex(view.sort_box.findData("priority"))
    column = COLUMNS.index("priority")
    first = [view.model.index(r, column).data() for r in range(10)]
    assert first[0] == "Urgent"
    assert first == sorted(first, key=["Urgent", "High", "Normal", "Low"].index)
    with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
        view.reverse_box.setChecked(True)
    assert view.model.index(0, column).data() == "Low"
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == column
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_filter_box_narrows_the_list_and_esc_clears_it(
    qtbot: QtBot, view: WorkListView
) -> None:
    reference = view.model.index(3, COLUMNS.index("reference")).data()
    view.focus_filter()
    qtbot.keyClicks(view.filter_box, reference.lower())
    qtbot.waitUntil(lambda: view.model.total == 1 and view.model.rowCount() == 1, timeout=WAIT_MS)
    assert view.model.index(0, COLUMNS.index("reference")).data() == reference
    qtbot.keyClicks(view.filter_box, "x")
    qtbot.waitUntil(lambda: view.empty_label.isVisible(), timeout=WAIT_MS)
    assert "No case matches" in view.empty_label.text()
    qtbot.keyClick(view.filter_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.model.total == CASES, timeout=WAIT_MS)
    # Every word must match somewhere (reference, summary or service), in any letter case.
    view.filter_box.setText("officer TEST zzzz")
    qtbot.waitUntil(lambda: view.empty_label.isVisible(), timeout=WAIT_MS)
    view.filter_box.setText("officer TEST")
    qtbot.waitUntil(lambda: view.model.total == CASES and view.table.isVisible(), timeout=WAIT_MS)


def test_enter_and_double_click_open_the_case(qtbot: QtBot, view: WorkListView) -> None:
    view.focus_list()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    expected = view.model.case_id(view.table.currentIndex().row())
    with qtbot.waitSignal(view.open_case_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [expected]
    rect = view.table.visualRect(view.model.index(0, 1))
    with qtbot.waitSignal(view.open_case_requested, timeout=WAIT_MS) as clicked:
        # A double-click is a click and then a second press that Qt reports as a double-click.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [view.model.case_id(0)]


def test_a_change_anywhere_shows_in_the_list(
    qtbot: QtBot, view: WorkListView, officer_ctx: UiContext, officer_cases: list[str]
) -> None:
    first = view.model.case_id(0)
    officer_ctx.worker.write(
        lambda s: cases.transition(s, OFFICER, first, "resolved", outcome="duplicate")
    )
    qtbot.waitUntil(lambda: view.model.total == CASES - 1, timeout=WAIT_MS)
    assert view.model.row_of(first) == -1
    assert view.count_label.text() == f"{CASES - 1} cases"


def test_queues_lists_the_chosen_queue_own_queues_first(
    qtbot: QtBot, ctx: UiContext, seeded: Store, settle: Callable[[], None]
) -> None:
    page = QueuesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(
        lambda: page.queue_box.count() > 1 and page.list.model.rowCount() > 0, timeout=WAIT_MS
    )
    with seeded.read() as session:
        own = set(session.get(StaffMember, ctx.actor.staff_id).queue_ids.split())  # type: ignore[union-attr]
        counts = dict(
            session.execute(
                select(Case.queue_id, func.count())
                .where(Case.status.in_(sorted(vocab.OPEN_STATUSES)))
                .group_by(Case.queue_id)
            ).all()
        )
    first = page.queue_box.itemData(0)
    assert (first in own) or not own
    assert page.list.model.total == counts.get(first, 0)
    other = page.queue_box.itemData(page.queue_box.count() - 1)
    with qtbot.waitSignal(page.list.model.page_loaded, timeout=WAIT_MS):
        page.select_queue(other)
    assert page.list.model.total == counts.get(other, 0)
    assert page.list.model.filter is not None and page.list.model.filter.queue_id == other
    settle()
