"""Synced text cannot fool the window: a right-to-left override or a terminal escape in a name,
a summary or a note is shown as a visible escape, in the title, the tables, the worklist and
the search results, and what a screen reader is given is the same."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case, Service
from caseworker.services import cases, citizens, contacts
from caseworker.store.store import Store
from ui.case.view import CaseView
from ui.citizen import CitizenView
from ui.context import UiContext
from ui.search.model import DETAIL_ROLE, SearchController
from ui.worklist.model import CaseListModel
from ui.worklist.query import WorkFilter

WAIT_MS = 10_000
RED = "\x1b[31mred"
EVIL = "\u202eevil"
HIDDEN = ("\x1b", "\u202e", "\u2066", "\x07")


@dataclass(frozen=True)
class Hostile:
    citizen_id: str
    case_id: str


@pytest.fixture
def hostile(seeded: Store, ctx: UiContext) -> Hostile:
    with seeded.write() as session:
        citizen_id, _ = citizens.create_citizen(
            session,
            ctx.actor,
            RED,
            EVIL,
            identifiers=(
                citizens.NewIdentifier("address", "1 \u2066High St\u2069", postcode="CF10 1AB"),
            ),
        )
        code = session.scalars(select(Service.code).where(Service.active.is_(True))).first()
        assert code is not None
        new = cases.NewCase(code, f"pothole {EVIL}", "phone", citizen_id, "line one\nline two")
        case_id, _ = cases.open_case(session, ctx.actor, new)
        contacts.add_note(session, ctx.actor, f"ring {RED}\x07", case_id=case_id)
    return Hostile(citizen_id, case_id)


def texts(model: QAbstractItemModel, role: int = Qt.ItemDataRole.DisplayRole) -> list[str]:
    return [
        str(model.index(r, c).data(role))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def assert_safe(*shown: str) -> None:
    for text in shown:
        assert not any(c in text for c in HIDDEN), repr(text)


def test_a_citizen_named_to_fool_the_reader_is_shown_with_visible_escapes(
    qtbot: QtBot, ctx: UiContext, hostile: Hostile, settle: Callable[[], None]
) -> None:
    view = CitizenView(ctx, hostile.citizen_id)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    title = view.title.text()
    assert title == "\\x1b[31mred \\u202eevil"  # "evil" can never read as "live"
    labels = [label.text() for label in view.findChildren(QLabel)]
    assert_safe(*labels)
    identifiers = view.profile.identifiers
    shown = texts(identifiers) + texts(identifiers, Qt.ItemDataRole.AccessibleTextRole)
    assert any("1 \\u2066High St\\u2069" in t for t in shown)
    assert_safe(*shown)
    cases_shown = texts(view.profile.open_cases)
    assert any("pothole \\u202eevil" in t for t in cases_shown)
    assert_safe(*cases_shown)
    settle()


def test_a_case_and_its_notes_show_escapes_and_keep_real_lines(
    qtbot: QtBot, ctx: UiContext, hostile: Hostile, settle: Callable[[], None]
) -> None:
    view = CaseView(ctx, hostile.case_id)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    assert view.title.text().endswith("pothole \\u202eevil")
    assert view.details.description.text() == "line one\nline two"  # a description holds lines
    labels = [label.text() for label in view.findChildren(QLabel)]
    assert_safe(*labels)
    notes = view.activity.notes_model if hasattr(view.activity, "notes_model") else None
    models = [notes] if notes is not None else []
    models += [m for m in view.findChildren(QAbstractItemModel) if m.rowCount()]
    shown = [t for m in models for t in texts(m) + texts(m, Qt.ItemDataRole.ToolTipRole)]
    assert any("ring \\x1b[31mred\\x07" in t for t in shown)
    assert_safe(*shown)
    settle()


def test_search_results_show_escapes(
    qtbot: QtBot, ctx: UiContext, hostile: Hostile, settle: Callable[[], None]
) -> None:
    controller = SearchController(ctx.worker)
    controller.search("evil")
    qtbot.waitUntil(lambda: controller.settled, timeout=WAIT_MS)
    model = controller.model
    rows = range(model.rowCount())
    titles = [model.index(r, 0).data() for r in rows]
    assert "\\x1b[31mred \\u202eevil" in titles
    spoken = [model.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole) for r in rows]
    details = [model.index(r, 0).data(DETAIL_ROLE) for r in rows]
    assert_safe(*titles, *spoken, *details)
    settle()


def test_the_worklist_shows_escapes(qtbot: QtBot, ctx: UiContext, hostile: Hostile) -> None:
    with ctx.worker.store.read() as session:
        queue_id = session.scalars(select(Case.queue_id).where(Case.id == hostile.case_id)).one()
    model = CaseListModel(ctx.worker, ctx.bus)
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.set_filter(WorkFilter(queue_id=queue_id, text="pothole"))
    shown = texts(model) + texts(model, Qt.ItemDataRole.ToolTipRole)
    shown += texts(model, Qt.ItemDataRole.AccessibleTextRole)
    assert any(t == "pothole \\u202eevil" for t in shown), shown
    assert_safe(*shown)
