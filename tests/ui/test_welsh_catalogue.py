"""A Welsh interface shows the catalogue's Welsh names: services in the case view and in My
work, queues in the case view's queue list; English names when the interface is English."""

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Queue, Service
from caseworker.services import cases
from caseworker.store.store import Store
from ui import i18n
from ui.case import CaseView
from ui.context import UiContext
from ui.worklist.model import COLUMNS
from ui.worklist.query import WorkFilter
from ui.worklist.view import WorkListView

WAIT_MS = 10_000


@pytest.fixture
def missed_bin(seeded: Store, ctx: UiContext) -> str:
    with seeded.write() as session:
        case_id, _ = cases.open_case(
            session, ctx.actor, cases.NewCase("missed-bin", "Bin heb ei gasglu", "phone")
        )
        cases.assign(session, ctx.actor, case_id, ctx.actor.staff_id)
    return case_id


def _names(seeded: Store) -> tuple[str, str, str | None]:
    with seeded.read() as session:
        row = session.execute(
            select(Service.name, Service.name_cy, Queue.name_cy)
            .join(Queue, Queue.id == Service.default_queue_id)
            .where(Service.code == "missed-bin")
        ).one()
    return row[0], row[1], row[2]


def test_the_case_view_names_the_service_and_queue_in_welsh(
    qtbot: QtBot,
    welsh: str,
    seeded: Store,
    ctx: UiContext,
    missed_bin: str,
    settle: Callable[[], None],
) -> None:
    english, service_cy, queue_cy = _names(seeded)
    assert service_cy and queue_cy and service_cy != english
    view = CaseView(ctx, missed_bin)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    assert view.details.service.text() == service_cy
    assert view.details.service.accessibleName().endswith(service_cy)
    assert view.details.queue.currentText() == queue_cy
    settle()


def test_my_work_lists_services_by_their_welsh_names_and_english_in_english(
    qtbot: QtBot,
    qapp: QApplication,
    seeded: Store,
    ctx: UiContext,
    missed_bin: str,
    settle: Callable[[], None],
) -> None:
    english, service_cy, _queue = _names(seeded)
    shown = {}
    for lang in ("cy", "en"):
        i18n.install(qapp, lang)
        try:
            view = WorkListView(ctx, "My work", "Nothing", page_size=50)
            qtbot.addWidget(view)
            with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
                view.show_cases(WorkFilter(assignee_id=ctx.actor.staff_id))
            row = view.model.row_of(missed_bin)
            shown[lang] = view.model.index(row, COLUMNS.index("service")).data()
            settle()
        finally:
            i18n.install(qapp, "en")
    assert shown == {"cy": service_cy, "en": english}


def test_opening_a_case_in_welsh_offers_the_services_and_groups_in_welsh(
    qtbot: QtBot, welsh: str, ctx: UiContext, settle: Callable[[], None]
) -> None:
    from ui.dialogs import OpenCaseDialog

    dialog = OpenCaseDialog(ctx, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.services_loaded, timeout=WAIT_MS):
        dialog.show()
    offered = [dialog.service.itemText(i) for i in range(dialog.service.count())]
    at = dialog.service.findData("missed-bin")
    assert "Casgliad bin a fethwyd" in offered[at] and "Gwastraff ac ailgylchu" in offered[at]
    assert not any("Missed bin" in text for text in offered)
    settle()
