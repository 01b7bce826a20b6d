"""The supervisors' Service levels page, driven from the keyboard: the escalation rules (add,
turn off and on; a peer's broken rule listed with its problem; a rule that moves cases to no
queue refused with nothing written) and the council calendar (a closure day says how many open
cases here it moves and Recompute moves them; hours typed wrongly are refused). Nobody else
sees the page, and the services refuse them anyway."""

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker import vocab
from caseworker.clocks import cases as case_clocks
from caseworker.clocks import council
from caseworker.documents.codec import new_document
from caseworker.documents.types import ESCALATION_RULE
from caseworker.errors import ValidationError
from caseworker.escalation import Rule
from caseworker.models import Case
from caseworker.services import calendar_edits, escalation_rules
from caseworker.services.escalation_rules import Listed, NewRule
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import from_iso
from tests.ui.conftest import WAIT_MS
from tests.ui.test_accessibility import unnamed_controls
from ui import i18n, rail
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.routing.data import Choice
from ui.service_levels.escalation_dialog import EscalationRuleDialog
from ui.service_levels.escalation_model import EscalationRulesModel
from ui.service_levels.page import ServiceLevelsPage

WASTE_WARN = "escalation:waste-warn"


@pytest.fixture
def supervisor(make_ctx: Callable[[str], UiContext]) -> UiContext:
    return make_ctx("supervisor")


@pytest.fixture
def page(
    qtbot: QtBot, supervisor: UiContext, settle: Callable[[], None]
) -> Iterator[ServiceLevelsPage]:
    widget = ServiceLevelsPage(supervisor)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitUntil(lambda: widget.escalation.data is not None, timeout=WAIT_MS)
    settle()
    widget.escalation.table.setFocus()
    yield widget
    settle()


def listed(seeded: Store) -> dict[str, Listed]:
    with seeded.read() as s:
        return {r.doc_id: r for r in escalation_rules.list_rules(s)}


def _dialog(qtbot: QtBot, page: ServiceLevelsPage) -> EscalationRuleDialog:
    panel = page.escalation
    qtbot.waitUntil(lambda: isinstance(panel.dialog, EscalationRuleDialog), timeout=WAIT_MS)
    dialog = panel.dialog
    assert isinstance(dialog, EscalationRuleDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.activateWindow()  # what a window manager does: its shortcuts need it active
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def _choose(qtbot: QtBot, combo: QComboBox, value: str) -> None:
    """Down-arrow through a combo box until ``value`` is chosen."""
    assert combo.findData(value) >= 0
    combo.setFocus()
    while combo.currentData() != value:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


# -- who ---------------------------------------------------------------------------------------
def test_only_supervisors_and_admins_have_the_page(window: MainWindow) -> None:
    assert "service_levels" in rail.pages_for("supervisor")
    assert "service_levels" in rail.pages_for("admin")
    for role in ("agent", "field_officer", "", "nonsense"):
        assert "service_levels" not in rail.pages_for(role)
    assert window.ctx.actor.role == "agent"
    assert "service_levels" not in window.pages and "service_levels" not in window.rail.buttons


def test_the_services_refuse_an_agent_anyway_and_nothing_is_written(
    seeded: Store, ctx: UiContext
) -> None:
    before = listed(seeded)
    with seeded.read() as s:
        calendar = docstore.get(s, council.CALENDAR_ID)
    with pytest.raises(ValidationError, match="supervisor"), seeded.write() as s:
        new = NewRule("Sneaky", "resolve", "notify", service_code="missed-bin")
        escalation_rules.add_rule(s, ctx.actor, new)
    with pytest.raises(ValidationError, match="supervisor"), seeded.write() as s:
        escalation_rules.set_active(s, ctx.actor, WASTE_WARN, False)
    with pytest.raises(ValidationError), seeded.write() as s:
        calendar_edits.close_day(s, ctx.actor, date(2026, 12, 24), "Sneaky")
    assert listed(seeded) == before
    with seeded.read() as s:
        assert docstore.get(s, council.CALENDAR_ID) == calendar


# -- escalation rules --------------------------------------------------------------------------
def test_the_escalation_model_passes_qts_model_tester(qtmodeltester: ModelTester) -> None:
    rule = Rule("escalation:a", "Move", "missed-bin", None, "resolve", 3, "move_queue", "queue:w")
    closed = Rule("escalation:c", "Closed", None, "queue:w", "response", 0, "move_queue", "queue:x")
    gone = Rule("escalation:d", "Gone", None, "queue:w", "response", 2, "move_queue", "queue:?")
    model = EscalationRulesModel()
    model.set_rules(
        (
            Listed(rule, "escalation:a", "Move", True, None, "Symud"),
            Listed(None, "escalation:b", "Broken", True, "names neither a service nor a queue"),
            Listed(closed, "escalation:c", "Closed", False),
            Listed(gone, "escalation:d", "Gone", True),
        ),
        (Choice("queue:w", "Waste"), Choice("queue:x", "Old", active=False)),
        (Choice("missed-bin", "Missed bin"),),
    )
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "Service: Missed bin"
    assert model.index(0, 2).data() == "3 working hours before the resolution is due"
    assert model.index(0, 3).data() == "Move to Waste"
    assert model.index(1, 4).data() == "Cannot be used"
    assert "neither a service nor a queue" in model.index(1, 2).data()
    assert model.index(2, 1).data() == "Queue: Waste"
    assert model.index(2, 2).data() == "When the first response is late"
    assert model.index(2, 3).data() == "Move to Old (closed: cases stay)"
    assert model.index(2, 4).data() == "Off"
    assert model.index(3, 2).data() == "2 working hours before the first response is due"
    assert model.index(3, 3).data() == "Move to queue:? (missing: cases stay)"


def test_the_demo_rules_are_listed(page: ServiceLevelsPage) -> None:
    model = page.escalation.model
    assert model.rowCount() == 4
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    move = rows["Fly-tipping: move to Waste when resolution is late"]
    assert model.index(move, 2).data() == "When the resolution is late"
    assert model.index(move, 3).data() == "Move to Waste and Recycling"
    assert model.index(move, 4).data() == "On"


def test_insert_adds_a_rule_with_a_welsh_name_from_the_keyboard(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, settle: Callable[[], None]
) -> None:
    qtbot.keyClick(page.escalation.table, Qt.Key.Key_Insert)
    dialog = _dialog(qtbot, page)
    qtbot.keyClicks(dialog.name, "Potholes: warn a day ahead")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.name_cy, "Tyllau: rhybudd ddiwrnod ymlaen llaw")
    _choose(qtbot, dialog.service, "pothole")
    dialog.hours.setFocus()
    dialog.hours.selectAll()
    qtbot.keyClicks(dialog.hours, "7")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.escalation.model.rowCount() == 5, timeout=WAIT_MS)
    settle()
    (added,) = [r for r in listed(seeded).values() if r.name == "Potholes: warn a day ahead"]
    assert added.rule is not None and added.rule.hours_before == 7
    assert added.rule.service_code == "pothole" and added.rule.action == "notify"
    assert added.name_cy == "Tyllau: rhybudd ddiwrnod ymlaen llaw"
    assert page.escalation.current_rule_id() == added.doc_id  # the new rule is chosen


def test_a_move_rule_without_a_queue_to_move_to_is_refused_and_nothing_written(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, supervisor: UiContext
) -> None:
    before = listed(seeded)
    qtbot.keyClick(page.escalation.table, Qt.Key.Key_Insert)
    dialog = _dialog(qtbot, page)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "name" in dialog.error_text("name")
    assert "service or a queue" in dialog.error_text("service")
    qtbot.keyClicks(dialog.name, "Move somewhere")
    _choose(qtbot, dialog.queue, "queue:waste")
    _choose(qtbot, dialog.action, "move_queue")
    assert dialog.to_queue.isVisible()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error_text("to_queue") == "Choose the queue the cases move to."
    assert dialog.isVisible() and not dialog.saving
    dialog.reject()
    # The service refuses it too, whoever asks it directly.
    with pytest.raises(ValidationError, match="no queue"), seeded.write() as s:
        new = NewRule("Move somewhere", "resolve", "move_queue", queue_id="queue:waste")
        escalation_rules.add_rule(s, supervisor.actor, new)
    assert listed(seeded) == before


def test_space_turns_the_chosen_rule_off_and_on(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, settle: Callable[[], None]
) -> None:
    panel = page.escalation
    row = panel.model.row_of(WASTE_WARN)
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    assert panel.switch.text() == "&Turn off"
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.model.index(row, 4).data() == "Off", timeout=WAIT_MS)
    settle()
    assert not listed(seeded)[WASTE_WARN].active
    assert panel.current_rule_id() == WASTE_WARN and panel.switch.text() == "&Turn on"
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.model.index(row, 4).data() == "On", timeout=WAIT_MS)
    settle()
    assert listed(seeded)[WASTE_WARN].active


def test_a_peers_rule_with_nonsense_in_it_is_listed_with_its_problem(
    qtbot: QtBot, seeded: Store, supervisor: UiContext, settle: Callable[[], None]
) -> None:
    fields = {"name": "A peer's rule", "service_code": "missed-bin", "target": "resolve",
              "hours_before": 0, "action": "notify", "active": True, "by": "staff:supervisor",
              "updated_at": "2026-12-02T10:00:00Z"}  # fmt: skip
    with seeded.write() as s:
        for key, nonsense in (("hours", {"hours_before": 10**9}), ("kind", {"action": "explode"}),
                              ("name", {"name": {"x": 1}, "name_cy": 5})):  # fmt: skip
            doc = new_document(ESCALATION_RULE, f"escalation:peer-{key}", fields)
            docstore.put_replicated(s, {**doc, **nonsense, "_rev": "1-" + "c" * 32})
    widget = ServiceLevelsPage(supervisor)
    qtbot.addWidget(widget)
    widget.show()
    panel = widget.escalation
    qtbot.waitUntil(lambda: panel.model.rowCount() == 7, timeout=WAIT_MS)
    settle()
    for key in ("hours", "kind", "name"):
        row = panel.model.row_of(f"escalation:peer-{key}")
        assert panel.model.index(row, 4).data() == "Cannot be used"
        assert panel.model.index(row, 2).data().startswith("Cannot be used: ")
        panel.table.setCurrentIndex(panel.model.index(row, 0))
        assert not panel.switch.isEnabled()
    assert panel.model.index(panel.model.row_of("escalation:peer-name"), 0).data() == (
        "escalation:peer-name"
    )


def test_welsh_rule_names_show_in_welsh_and_english_ones_in_english(
    qtbot: QtBot, welsh: str, supervisor: UiContext, settle: Callable[[], None]
) -> None:
    widget = ServiceLevelsPage(supervisor)
    qtbot.addWidget(widget)
    widget.show()
    model = widget.escalation.model
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=WAIT_MS)
    settle()
    names = {model.index(r, 0).data() for r in range(4)}
    assert "Tipio anghyfreithlon: symud i Wastraff pan fo'r datrys yn hwyr" in names
    assert not any(name.startswith("Fly-tipping") for name in names)
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    model.layoutChanged.emit()
    names = {model.index(r, 0).data() for r in range(4)}
    assert "Fly-tipping: move to Waste when resolution is late" in names


# -- the council calendar ----------------------------------------------------------------------
def _calendar(qtbot: QtBot, page: ServiceLevelsPage) -> None:
    page.activateWindow()  # what a window manager does: mnemonics need an active window
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(page.tabs, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.calendar.data is not None, timeout=WAIT_MS)


def test_a_closure_day_says_how_many_open_cases_it_moves_and_recompute_moves_them(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, settle: Callable[[], None]
) -> None:
    with seeded.read() as s:
        case_id, due = s.execute(
            select(Case.id, Case.due_at)
            .where(Case.status.in_(sorted(vocab.OPEN_STATUSES - {"awaiting_citizen"})))
            .where(Case.due_at > Case.opened_at)
            .order_by(Case.due_at.desc())
            .limit(1)
        ).one()
    day = from_iso(str(due)).date()
    _calendar(qtbot, page)
    panel = page.calendar
    closures = panel.closures.count()
    panel.day.setDate(QDate(day.year, day.month, day.day))
    qtbot.keyClicks(panel.reason, "Staff training")
    qtbot.keyClick(panel, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.moved is not None, timeout=WAIT_MS)
    settle()
    assert panel.moved is not None and not panel.moved.recomputed
    with seeded.read() as s:
        expected = len(case_clocks.recompute(s))
        held = docstore.require(s, council.CALENDAR_ID)["closures"]
        assert {"date": day.isoformat(), "reason": "Staff training"} in held
    assert expected > 0 and panel.moved.count == expected
    assert f"moves the due times of {expected} open cases" in panel.outcome.text()
    qtbot.waitUntil(lambda: panel.closures.count() == closures + 1, timeout=WAIT_MS)
    shown = [panel.closures.item(n) for n in range(panel.closures.count())]
    (item,) = [i for i in shown if i.data(Qt.ItemDataRole.UserRole) == day.isoformat()]
    assert item.text().endswith("Staff training")
    assert panel.recompute.isVisible() and panel.recompute.hasFocus()
    qtbot.keyClick(panel.recompute, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.moved is not None and panel.moved.recomputed, timeout=WAIT_MS)
    settle()
    assert f"Due times of {expected} open cases" in panel.outcome.text()
    assert not panel.recompute.isVisible()
    with seeded.read() as s:
        assert case_clocks.recompute(s) == []
        assert s.get(Case, case_id).due_at != due  # type: ignore[union-attr]
    # Delete reopens the day; the window says the cases would move back.
    panel.closures.setCurrentItem(item)
    panel.closures.setFocus()
    qtbot.keyClick(panel.closures, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.closures.count() == closures, timeout=WAIT_MS)
    settle()
    assert panel.moved is not None and panel.moved.count > 0


def test_working_hours_are_saved_and_nonsense_is_refused_with_nothing_written(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, settle: Callable[[], None]
) -> None:
    _calendar(qtbot, page)
    panel = page.calendar
    with seeded.read() as s:
        rev = docstore.require(s, council.CALENDAR_ID)["_rev"]
    friday = panel.hours["fri"]
    assert friday.text() == "09:00-17:00" and panel.hours["sat"].text() == ""
    friday.setFocus()
    friday.selectAll()
    qtbot.keyClicks(friday, "9 to 5")
    qtbot.keyClick(panel, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.error.isVisible, timeout=WAIT_MS)
    assert "HH:MM-HH:MM" in panel.error.text()
    with seeded.read() as s:
        assert docstore.require(s, council.CALENDAR_ID)["_rev"] == rev
    friday.selectAll()
    qtbot.keyClicks(friday, "09:00-12:30")
    _choose(qtbot, panel.nation, "scotland")
    qtbot.keyClick(panel, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.moved is not None, timeout=WAIT_MS)
    settle()
    assert not panel.error.isVisible()
    with seeded.read() as s:
        doc = docstore.require(s, council.CALENDAR_ID)
    assert doc["nation"] == "scotland"
    assert [h for h in doc["hours"] if h["day"] == "fri"] == [
        {"day": "fri", "start": "09:00", "end": "12:30"}
    ]


def test_a_calendar_from_a_peer_that_cannot_be_used_is_said(
    qtbot: QtBot, seeded: Store, supervisor: UiContext, settle: Callable[[], None]
) -> None:
    with seeded.write() as s:
        broken = {"_id": council.CALENDAR_ID, "_rev": "1-" + "d" * 32, "type": "calendar",
                  "schema": 1, "nation": "atlantis", "hours": [], "updated_at": "x"}  # fmt: skip
        docstore.put_replicated(s, broken)
    widget = ServiceLevelsPage(supervisor)
    qtbot.addWidget(widget)
    widget.show()
    _calendar(qtbot, widget)
    settle()
    assert widget.calendar.banner.isVisible()
    assert "cannot be used" in widget.calendar.banner.text()
    assert widget.calendar.hours["mon"].text() == "09:00-17:00"  # the default, in use


def test_every_control_of_the_page_and_its_dialog_has_a_name_and_a_description(
    qtbot: QtBot, page: ServiceLevelsPage
) -> None:
    _calendar(qtbot, page)
    problems = unnamed_controls(page)
    page.escalation.add_rule()
    dialog = page.escalation.dialog
    assert dialog is not None
    problems += unnamed_controls(dialog)
    assert not problems, "\n".join(problems)
    dialog.reject()


def test_junk_among_a_peers_closure_days_is_passed_over_as_the_clocks_do(
    qtbot: QtBot, seeded: Store, supervisor: UiContext, settle: Callable[[], None]
) -> None:
    with seeded.write() as s:
        held = docstore.require(s, council.CALENDAR_ID)
        junk = {**held, "closures": ["junk", 7, {"date": "2026-12-24", "reason": "Noswyl"}],
                "_rev": "9-" + "e" * 32}  # fmt: skip
        docstore.put_replicated(s, junk)
    widget = ServiceLevelsPage(supervisor)
    qtbot.addWidget(widget)
    widget.show()
    _calendar(qtbot, widget)
    settle()
    panel = widget.calendar
    assert panel.closures.count() == 1 and panel.closures.item(0).text().endswith("Noswyl")
