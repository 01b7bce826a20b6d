"""The citizen view at 1280x720 in English and Welsh: no table sits inside a scrolling pane,
and no key column (the cases' reference, status, priority and time left; an identifier's kind
and how it was verified) is cut: each header's and each cell's size hint fits its width, and
the column ends inside the table."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QTableView
from pytestqt.qtbot import QtBot

from caseworker.seed import busiest_citizen_id
from caseworker.store.store import Store
from ui import i18n
from ui.citizen import CitizenView
from ui.citizen.models import CitizenCasesModel, IdentifiersModel
from ui.main_window import MainWindow

WAIT_MS = 10_000
KEY_COLUMNS = {
    "cases": [
        CitizenCasesModel.COLUMNS.index(c) for c in ("reference", "status", "priority", "sla")
    ],
    "identifiers": [IdentifiersModel.COLUMNS.index(c) for c in ("kind", "verified")],
}


@pytest.fixture(params=["en", "cy"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield i18n.install(qapp, request.param)
    i18n.install(qapp, "en")


def _cut(table: QTableView, columns: list[int]) -> list[str]:
    """Every key column whose header or a cell needs more width than it has, or that ends
    outside what the table shows."""
    model = table.model()
    header = table.horizontalHeader()
    shown = table.viewport().width()
    problems = []
    for column in columns:
        width = table.columnWidth(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        if header.sectionViewportPosition(column) + width > shown:
            problems.append(
                f"{title}: ends at {header.sectionViewportPosition(column) + width} > {shown}"
            )
            continue
        needs = [header.sectionSizeFromContents(column).width()]
        needs += [
            table.sizeHintForIndex(model.index(row, column, QModelIndex())).width()
            for row in range(model.rowCount())
        ]
        if max(needs) > width:
            problems.append(f"{title}: needs {max(needs)} > {width}")
    return problems


def test_no_key_column_is_cut_and_no_table_scrolls_in_a_pane(
    qtbot: QtBot, window: MainWindow, seeded: Store, language: str
) -> None:
    with seeded.read() as session:
        busiest = busiest_citizen_id(session)
    window.resize(1280, 720)
    view = window.tabs.open_record(busiest)
    assert isinstance(view, CitizenView)
    qtbot.waitUntil(lambda: view.snapshot is not None, timeout=WAIT_MS)
    qtbot.wait(50)  # one layout pass at the final size
    assert window.width() == 1280  # nothing forced the window wider
    for table in view.findChildren(QTableView):
        parent = table.parentWidget()
        while parent is not None and parent is not view:
            assert not isinstance(parent, QScrollArea), (
                f"{table.accessibleName()} in a scrolling pane"
            )
            parent = parent.parentWidget()
    problems = []
    profile = view.profile
    for table, kind in (
        (profile.open_table, "cases"),
        (profile.closed_table, "cases"),
        (profile.identifiers_table, "identifiers"),
    ):
        profile.setCurrentIndex(profile.indexOf(table.parentWidget()))
        qtbot.wait(20)
        problems += [
            f"{table.accessibleName()} ({language}): {p}" for p in _cut(table, KEY_COLUMNS[kind])
        ]
    assert problems == [], problems
