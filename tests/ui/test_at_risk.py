"""Warnings before a breach in the case lists: "At risk today" (Alt+T) shows, and counts, the
open cases due by midnight or already late (never a paused one); a supervisor's My work also
lists the cases an escalation told them about, flagged as escalated."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE_EVENT
from caseworker.models import Case, Service
from caseworker.services import cases
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import to_iso, utcnow
from tests.ui.test_case_view import open_case_view
from ui.context import UiContext
from ui.worklist import query
from ui.worklist.model import CASE_ID_ROLE, COLUMNS
from ui.worklist.pages import my_work_page
from ui.worklist.query import WorkFilter, end_of_today
from ui.worklist.view import WorkListView

WAIT_MS = 10_000


def retime(store: Store, staff_id: str) -> dict[str, str]:
    """Four of the staff member's open cases, re-timed: late, due later today, due in three
    days, and late but paused (awaiting the citizen). Their ids by name."""
    now = utcnow()
    today = now + (end_of_today(now) - now) / 2  # later today, whatever the hour
    plan: dict[str, tuple[Any, str]] = {
        "late": (now - timedelta(hours=1), "in_progress"),
        "today": (today, "in_progress"),
        "later": (now + timedelta(days=3), "in_progress"),
        "paused": (now - timedelta(hours=1), "awaiting_citizen"),
    }
    with store.write() as session:
        ids = session.scalars(
            select(Case.id).where(Case.assignee_id == staff_id).order_by(Case.id)
        ).all()
        assert len(ids) >= len(plan)
        for case_id in ids:  # the rest are not due this week
            doc = docstore.require(session, case_id)
            docstore.put(session, {**doc, "due_at": to_iso(now + timedelta(days=9))})
        named = dict(zip(plan, ids, strict=False))
        for name, case_id in named.items():
            due, status = plan[name]
            doc = docstore.require(session, case_id)
            docstore.put(session, {**doc, "due_at": to_iso(due), "status": status})
    return named


def shown_ids(view: WorkListView) -> set[str]:
    model = view.model
    return {model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())}


def test_at_risk_today_counts_and_shows_late_and_due_today_but_never_paused(
    qtbot: QtBot,
    seeded: Store,
    make_ctx: Callable[[str], UiContext],
    settle: Callable[[], None],
) -> None:
    ctx = make_ctx("field_officer")
    named = retime(seeded, ctx.actor.staff_id)
    view = my_work_page(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    qtbot.waitUntil(lambda: view.at_risk_box.text() == "At risk &today (2)", timeout=WAIT_MS)
    everything = view.model.total
    view.table.setFocus()
    with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
        QTest.keyClick(view.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert view.at_risk_box.isChecked()
    assert shown_ids(view) == {named["late"], named["today"]}
    ModelTester(qtbot).check(view.model, force_py=True)
    with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
        QTest.keyClick(view.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert view.model.total == everything and everything > 2
    settle()


def escalated(store: Store, case_id: str, supervisors: str) -> None:
    with store.write() as session:
        fields = {
            "case_id": case_id,
            "kind": "escalated",
            "at": to_iso(utcnow()),
            "by": "central",
            "field": "notify",
            "new": supervisors,
            "comment": "Waste: tell the supervisor",
        }
        docstore.put(session, new_document(CASE_EVENT, f"event:escalated:r:{case_id}", fields))


def test_a_supervisors_my_work_lists_the_cases_escalated_to_them_flagged(
    qtbot: QtBot,
    seeded: Store,
    make_ctx: Callable[[str], UiContext],
    settle: Callable[[], None],
) -> None:
    ctx = make_ctx("supervisor")
    me = ctx.actor.staff_id
    with seeded.read() as session:
        others = session.scalars(
            select(Case.id).where(Case.assignee_id != me, Case.status == "in_progress").limit(3)
        ).all()
    told_me, told_other, told_prefix = others
    escalated(seeded, told_me, f"staff:someone {me}")
    escalated(seeded, told_other, "staff:someone-else")
    escalated(seeded, told_prefix, me + "x")  # another id that starts with mine
    view = my_work_page(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
        view.show()
    qtbot.waitUntil(lambda: told_me in shown_ids(view), timeout=WAIT_MS)
    assert told_other not in shown_ids(view) and told_prefix not in shown_ids(view)
    row = view.model.row_of(told_me)
    reference = view.model.index(row, COLUMNS.index("reference"))
    assert reference.data(Qt.ItemDataRole.AccessibleTextRole).endswith(", escalated")
    assert reference.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Escalated" in reference.data(Qt.ItemDataRole.ToolTipRole)
    settle()


def test_the_case_header_warns_of_a_breach_today_and_counts_down_the_first_response(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    with seeded.write() as session:
        code = session.scalars(select(Service.code).where(Service.active.is_(True))).first()
        assert code is not None
        case_id, _ = cases.open_case(session, ctx.actor, cases.NewCase(code, "Bins", "phone"))
    view = open_case_view(qtbot, ctx, case_id)
    snap = view.snapshot
    assert snap is not None and snap.status == "new" and snap.response_due_at is not None
    due = view.details.due
    # An instant a few hours before the due time, on the same local day as it.
    same_day = max(snap.due_at - timedelta(hours=3), end_of_today(snap.due_at) - timedelta(days=1))
    view.details.tick(now=same_day)
    assert "breaches today" in due.text()
    view.details.tick(now=snap.due_at - timedelta(days=2))
    assert "breaches today" not in due.text()
    view.details.tick(now=snap.response_due_at - timedelta(hours=2))
    assert due.text().endswith("; first response due in 2 hours")
    view.details.tick(now=snap.response_due_at + timedelta(hours=1))
    assert due.text().endswith("; first response 1 hour overdue")
    settle()


def test_a_supervisors_count_has_each_case_once_and_only_open_ones(
    seeded: Store, make_ctx: Callable[[str], UiContext]
) -> None:
    """Their own cases and those escalated to them are counted apart (each on its own index):
    one both theirs and escalated to them is counted once, a closed one not at all."""
    me = make_ctx("supervisor").actor.staff_id
    with seeded.read() as session:
        own = session.scalars(
            select(Case.id).where(Case.assignee_id == me, Case.status == "in_progress").limit(1)
        ).all()
        others = session.scalars(
            select(Case.id).where(Case.assignee_id != me, Case.status == "in_progress").limit(1)
        ).all()
        closed = session.scalars(
            select(Case.id)
            .where(Case.status.in_(["resolved", "closed"]), Case.assignee_id.is_distinct_from(me))
            .limit(1)
        ).all()
    assert own and others and closed
    mine = WorkFilter(assignee_id=me)
    told = WorkFilter(assignee_id=me, escalated_to=me)
    with seeded.read() as session:
        before = query.count(session, mine)
    for case_id in (own[0], others[0], closed[0]):
        escalated(seeded, case_id, me)
    with seeded.read() as session:
        assert query.count(session, mine) == before
        assert query.count(session, told) == before + 1  # the other's open case, once
        listed = {row.id for row in query.page(session, told, limit=1000).rows}
    assert {own[0], others[0]} <= listed and closed[0] not in listed
    assert len(listed) == before + 1
