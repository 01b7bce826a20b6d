"""The case view: only allowed transitions, history with names, what each role may change,
the due countdown, plain errors, and conflicting revisions resolved field by field."""

from collections.abc import Callable, Iterator
from datetime import timedelta
from uuid import uuid4

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Service, StaffMember
from caseworker.services import audit, cases, citizens, contacts, workflow
from caseworker.services.context import ChangeSet
from caseworker.store import docstore
from caseworker.store.store import Store
from ui import theme
from ui.case import CaseView
from ui.case.conflict import ConflictDialog
from ui.citizen import CitizenView
from ui.context import UiContext

WAIT_MS = 10_000


@pytest.fixture
def case_id(seeded: Store, ctx: UiContext) -> str:
    actor = ctx.actor
    with seeded.write() as session:
        code = session.scalars(
            select(Service.code).where(Service.active.is_(True)).order_by(Service.code)
        ).first()
        assert code is not None
        citizen_id, _ = citizens.create_citizen(session, actor, "Owain", "Glyndwr")
        new = cases.NewCase(
            code,
            "Bins left on the pavement",
            "phone",
            citizen_id=citizen_id,
            location_address="12 Heol y Castell",
            location_postcode="CF10 1BJ",
        )
        opened, _ = cases.open_case(session, actor, new)
        contacts.add_note(session, actor, "Neighbour says it happens weekly", case_id=opened)
        contacts.record_interaction(
            session,
            actor,
            channel="phone",
            direction="inbound",
            summary="Reported the bins",
            citizen_id=citizen_id,
            case_id=opened,
        )
    return opened


def open_case_view(qtbot: QtBot, ctx: UiContext, case_id: str) -> CaseView:
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    view.resize(1300, 850)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    return view


@pytest.fixture
def view(
    qtbot: QtBot, ctx: UiContext, case_id: str, settle: Callable[[], None]
) -> Iterator[CaseView]:
    widget = open_case_view(qtbot, ctx, case_id)
    yield widget
    settle()


def offered(view: CaseView) -> list[str]:
    combo = view.details.next_status
    return [combo.itemData(i) for i in range(combo.count())]


def test_models_pass_the_model_tester(view: CaseView, qtmodeltester: ModelTester) -> None:
    for model in (view.activity.history, view.activity.notes, view.activity.contacts):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_it_shows_summary_service_location_notes_and_contacts(view: CaseView) -> None:
    snap = view.snapshot
    assert snap is not None
    assert view.title.text() == f"{snap.reference} — Bins left on the pavement"
    assert view.details.status.text() == "New"
    assert view.details.service.text() == snap.service_name
    assert view.details.location.text() == "12 Heol y Castell, CF10 1BJ"
    assert view.activity.notes.index(0, 2).data() == "Neighbour says it happens weekly"
    assert view.activity.contacts.index(0, 1).data() == "Phone"
    assert view.buttons["open_citizen"].text() == "Citizen: Owain Glyndwr (Ctrl+Shift+C)"


def test_only_allowed_transitions_are_offered_and_a_change_shows_in_history(
    qtbot: QtBot, view: CaseView, ctx: UiContext
) -> None:
    assert offered(view) == list(workflow.allowed_next("new"))
    combo = view.details.next_status
    combo.setCurrentIndex(combo.findData("triaged"))
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.details.change_status.click()
    assert view.details.status.text() == "Triaged"
    assert offered(view) == list(workflow.allowed_next("triaged"))
    history = view.activity.history
    assert history.index(0, 1).data() == ctx.staff_name
    assert history.index(0, 2).data() == "Status: New → Triaged"
    assert history.index(0, 2).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Status, from New to Triaged"
    )


def test_an_agent_can_take_a_case_but_not_assign_it_to_others(
    qtbot: QtBot, view: CaseView, ctx: UiContext
) -> None:
    details = view.details
    assert not details.assign_to.isVisibleTo(view)
    assert not details.assign.isVisibleTo(view)
    assert not details.queue.isEnabled()
    assert details.take.isVisibleTo(view)
    view.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(view.details.priority, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert details.assignee.text() == ctx.staff_name
    assert not details.take.isVisibleTo(view)
    assert "Assigned to: nobody → " + ctx.staff_name in view.activity.history.index(0, 2).data()


def test_a_supervisor_assigns_to_someone_else_and_moves_the_queue(
    qtbot: QtBot,
    make_ctx: Callable[[str], UiContext],
    case_id: str,
    seeded: Store,
    settle: Callable[[], None],
) -> None:
    boss = make_ctx("supervisor")
    view = open_case_view(qtbot, boss, case_id)
    details = view.details
    assert details.assign_to.isVisibleTo(view) and details.assign.isVisibleTo(view)
    assert details.queue.isEnabled()
    with seeded.read() as session:
        other = session.scalars(
            select(StaffMember)
            .where(StaffMember.id != boss.actor.staff_id, StaffMember.active.is_(True))
            .order_by(StaffMember.name)
        ).first()
    assert other is not None
    details.assign_to.setCurrentIndex(details.assign_to.findData(other.id))
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        details.assign.click()
    assert details.assignee.text() == other.name
    if details.queue.count() > 1:
        target = details.queue.itemData((details.queue.currentIndex() + 1) % details.queue.count())
        details.queue.setCurrentIndex(details.queue.findData(target))
        with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
            details.queue.activated.emit(details.queue.currentIndex())
        assert view.snapshot is not None and view.snapshot.queue_id == target
        assert view.activity.history.index(0, 2).data().startswith("Queue: ")
    settle()


def test_a_refused_save_says_what_failed_in_plain_words(
    qtbot: QtBot, view: CaseView, seeded: Store, ctx: UiContext
) -> None:
    with seeded.read() as session:
        other = session.scalars(
            select(StaffMember.id).where(StaffMember.id != ctx.actor.staff_id)
        ).first()
    view.assign(other)  # an agent may not; the service refuses and the view says why
    qtbot.waitUntil(view.banner.isVisible, timeout=WAIT_MS)
    assert view.banner.text() == (
        "Could not assign the case: only a supervisor can assign a case to someone else"
    )


def test_the_countdown_turns_amber_then_red_and_says_so_in_words(view: CaseView) -> None:
    snap = view.snapshot
    assert snap is not None
    due = view.details.due
    view.details.tick(now=snap.due_at - timedelta(days=30))
    assert due.property("sla") == "ok" and due.text().startswith("On time: due in")
    view.details.tick(now=snap.due_at - timedelta(minutes=30))
    assert due.property("sla") == "due_soon" and due.text().startswith("Due soon: due in 30 min")
    view.details.tick(now=snap.due_at + timedelta(hours=2))
    assert due.property("sla") == "overdue" and due.text().startswith("Overdue: 2 hours overdue")
    for scheme in ("light", "dark"):
        palette = theme.load_palettes()[scheme]
        for colour in ("ok", "amber", "red"):
            assert theme.contrast_ratio(palette[colour], palette["window"]) >= 4.5


def test_changes_show_up_in_every_open_view(
    qtbot: QtBot, view: CaseView, ctx: UiContext, settle: Callable[[], None]
) -> None:
    snap = view.snapshot
    assert snap is not None and snap.citizen_id is not None
    citizen = CitizenView(ctx, snap.citizen_id)
    qtbot.addWidget(citizen)
    with qtbot.waitSignal(citizen.loaded, timeout=WAIT_MS):
        citizen.show()
    assert citizen.profile.open_cases.index(0, 3).data() == "New"
    with qtbot.waitSignal(citizen.loaded, timeout=WAIT_MS):
        view.change_status("in_progress")
    assert citizen.profile.open_cases.index(0, 3).data() == "In progress"
    settle()


def make_conflict(session: object, case_id: str) -> ChangeSet:
    """Two revisions made on two devices from the same parent: a conflict to resolve."""
    doc = docstore.require(session, case_id)  # type: ignore[arg-type]
    start, parent = doc["_rev"].split("-", 1)
    changes = ChangeSet()
    for priority, summary in (("urgent", "Bins left out again"), ("low", doc["summary"])):
        child = uuid4().hex
        body = {**doc, "priority": priority, "summary": summary}
        body["_rev"] = f"{int(start) + 1}-{child}"
        body["_revisions"] = {"start": int(start) + 1, "ids": [child, parent]}
        changes.add(docstore.put_replicated(session, body))  # type: ignore[arg-type]
    return changes


def test_a_conflict_shows_a_badge_and_is_resolved_field_by_field(
    qtbot: QtBot, view: CaseView, ctx: UiContext, seeded: Store, case_id: str
) -> None:
    assert not view.conflict.isVisibleTo(view)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        ctx.worker.write(lambda session: make_conflict(session, case_id))
    assert view.conflict.isVisibleTo(view)
    dialog = view.resolve_conflict()
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitUntil(lambda: bool(dialog.choices), timeout=WAIT_MS)
    assert {"priority", "summary"} <= set(dialog.choices)
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not inside_combo(widget):
            assert widget.accessibleName().strip() and widget.accessibleDescription().strip()
    dialog.keep_side(0)
    dialog.choose("summary", 1)  # the other version's summary
    kept_summary = dialog.chosen()["summary"]
    kept_priority = dialog.chosen()["priority"]
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        dialog.save_button.click()
    assert not view.conflict.isVisibleTo(view)
    snap = view.snapshot
    assert snap is not None and not snap.conflicted
    assert (snap.summary, snap.priority) == (kept_summary, kept_priority)
    with seeded.read() as session:
        actions = [(e.action, e.by) for e in audit.trail(session, case_id)]
    assert any("conflict" in action and by == ctx.actor.staff_id for action, by in actions)


def inside_combo(widget: QWidget) -> bool:
    """A combo box's own pop-up list, reached by assistive technology through the combo."""
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, QComboBox):
            return True
        node = node.parentWidget()
    return False


def test_every_focusable_control_has_an_accessible_name(view: CaseView) -> None:
    for widget in [view, *view.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if inside_combo(widget):
            continue
        assert widget.accessibleName().strip(), type(widget).__name__
        assert widget.accessibleDescription().strip(), widget.accessibleName()


def test_a_burst_of_changes_costs_at_most_two_reads(
    qtbot: QtBot, view: CaseView, ctx: UiContext, case_id: str, settle: Callable[[], None]
) -> None:
    loads: list[object] = []
    view.loaded.connect(lambda: loads.append(view.snapshot))
    actor = ctx.actor
    for i in range(5):
        ctx.worker.write(
            lambda session, i=i: contacts.add_note(session, actor, f"note {i}", case_id=case_id)
        )
    settle()
    qtbot.waitUntil(lambda: not view.loader.busy, timeout=WAIT_MS)
    settle()
    assert 1 <= len(loads) <= 2
    assert view.activity.notes.rowCount() == 6


def test_conflicting_versions_stand_side_by_side_with_who_and_when_and_text_can_be_kept_whole(
    qtbot: QtBot, view: CaseView, ctx: UiContext, case_id: str
) -> None:
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        ctx.worker.write(lambda session: make_conflict(session, case_id))
    dialog = view.resolve_conflict()
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitUntil(lambda: bool(dialog.choices), timeout=WAIT_MS)
    headings = [dialog.version_heading(side, 2) for side in range(2)]
    assert headings[0].startswith("The version shown now") and "saved" in headings[0]
    saved_at = dialog.versions[0].at
    assert saved_at is not None and str(saved_at.year) in headings[0]
    summary = dialog.choices["summary"]
    values = [b.accessibleDescription() for b in summary.buttons()]
    assert len(values) == 3 and values[2] == "Keep both"  # both versions' text, joined
    dialog.choose("summary", 2)
    kept = dialog.chosen()["summary"]
    assert values[0] in kept and values[1] in kept
    # The keyboard: arrows move between the versions of one field. Qt moves to the button
    # that lies that way on screen, so the dialog must be shown and laid out first.
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(
        lambda: (
            summary.buttons()[1].mapTo(dialog, QPoint(0, 0))
            != summary.buttons()[0].mapTo(dialog, QPoint(0, 0))
        ),
        timeout=WAIT_MS,
    )
    first = summary.buttons()[0]
    first.setChecked(True)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert summary.checkedId() == 1
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        dialog.save_button.click()
    snap = view.snapshot
    assert snap is not None and not snap.conflicted and snap.summary == values[1]
