"""The supervisors' Routing page, driven from the keyboard: the ordered rules (add, change,
delete, move), the tester answering as you type, the queues' members, and what it shows when
the rules cannot be used, conflict, or number 10,000."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caseworker.documents.types import ROUTING_ID
from caseworker.routing import members, store
from caseworker.services.context import Actor
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.ui.conftest import WAIT_MS
from ui import rail
from ui.context import UiContext
from ui.routing.data import Choice
from ui.routing.model import RulesModel
from ui.routing.page import RoutingPage
from ui.routing.rule_dialog import RuleDialog

ADMIN = Actor("staff:admin", "admin")


@pytest.fixture
def supervisor(make_ctx: Callable[[str], UiContext]) -> UiContext:
    return make_ctx("supervisor")


@pytest.fixture
def page(qtbot: QtBot, supervisor: UiContext, settle: Callable[[], None]) -> Iterator[RoutingPage]:
    widget = RoutingPage(supervisor)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitUntil(lambda: widget.data is not None, timeout=WAIT_MS)
    settle()
    widget.table.setFocus()
    yield widget
    settle()


def rule_names(seeded: Store) -> list[str]:
    with seeded.read() as s:
        return [r["name"] for r in store.load(s).raw]


def test_only_supervisors_and_admins_have_the_routing_page() -> None:
    assert "routing" in rail.pages_for("supervisor") and "routing" in rail.pages_for("admin")
    assert "routing" not in rail.pages_for("agent")
    assert "routing" not in rail.pages_for("field_officer")


def test_the_rules_model_passes_qts_model_tester(qtmodeltester: ModelTester) -> None:
    model = RulesModel()
    queues = (Choice("queue:a", "A"), Choice("queue:b", "B", active=False))
    rules = (
        {"id": "1", "name": "One", "queue_id": "queue:a", "channels": ["social"]},
        {"id": "2", "name": "Two", "queue_id": "queue:b", "areas": ["CF37"]},
        {"id": "3", "name": "Three", "queue_id": "queue:gone", "service_codes": ["x"]},
    )
    model.set_rules(rules, queues, (Choice("x", "Ex"),))
    qtmodeltester.check(model)
    assert model.index(1, 3).data() == "B (closed: passed over)"
    assert model.index(2, 3).data() == "queue:gone (missing: passed over)"
    assert model.index(2, 2).data() == "Service: Ex"


def test_the_demo_rules_are_listed_in_order(page: RoutingPage) -> None:
    assert page.model.rowCount() == 2
    assert page.model.index(0, 1).data() == "Social media to Contact Centre triage"
    assert page.model.index(0, 3).data() == "Contact Centre Triage"
    assert not page.banner.isVisible()


def _dialog(qtbot: QtBot, page: RoutingPage) -> RuleDialog:
    qtbot.waitUntil(lambda: isinstance(page.dialog, RuleDialog) and page.dialog.isVisible())
    dialog = page.dialog
    assert isinstance(dialog, RuleDialog)
    dialog.activateWindow()  # what a window manager does: its shortcuts need it active
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def test_insert_adds_a_rule_below_the_chosen_one_and_it_routes_at_once(
    qtbot: QtBot, page: RoutingPage, seeded: Store, settle: Callable[[], None]
) -> None:
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    dialog = _dialog(qtbot, page)
    qtbot.keyClicks(dialog.name, "Potholes in SA1 4 to Waste")
    dialog.services.setFocus()
    potholes = next(
        n for n in range(dialog.services.count())
        if dialog.services.item(n).data(Qt.ItemDataRole.UserRole) == "pothole"
    )  # fmt: skip
    dialog.services.setCurrentRow(potholes)
    qtbot.keyClick(dialog.services, Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.areas, "sa1 4")
    dialog.queue.setFocus()
    while dialog.queue.currentData() != "queue:waste":
        qtbot.keyClick(dialog.queue, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    settle()
    assert rule_names(seeded)[1] == "Potholes in SA1 4 to Waste"
    assert page.table.currentIndex().row() == 1  # the new rule is chosen
    page.tester.service.setCurrentIndex(page.tester.service.findData("pothole"))
    qtbot.keyClicks(page.tester.postcode, "SA1 4XY")
    qtbot.waitUntil(lambda: "Potholes in SA1 4" in page.tester.answer.text(), timeout=WAIT_MS)
    assert "Waste and Recycling" in page.tester.answer.text()


def test_a_rule_that_would_take_every_case_is_not_saved(
    qtbot: QtBot, page: RoutingPage, seeded: Store
) -> None:
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    dialog = _dialog(qtbot, page)
    qtbot.keyClicks(dialog.name, "Everything")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "every case" in dialog.error_text("services")
    qtbot.keyClicks(dialog.areas, "CF1 0")  # a sector of CF1, fine; then a wrong one
    qtbot.keyClicks(dialog.areas, ", ,9z")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error_text("areas").endswith(": 9z")
    dialog.reject()
    assert rule_names(seeded) == [
        "Social media to Contact Centre triage",
        "Fly-tipping and abandoned vehicles in Pontyglas and Aberdulais Fach to Street Scene",
    ]


def test_enter_changes_the_chosen_rule(
    qtbot: QtBot, page: RoutingPage, seeded: Store, settle: Callable[[], None]
) -> None:
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, page)
    assert dialog.areas.text() == "CF37, CF38"
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Pontyglas fly-tipping")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: page.model.index(1, 1).data() == "Pontyglas fly-tipping", timeout=WAIT_MS
    )
    settle()
    assert rule_names(seeded)[1] == "Pontyglas fly-tipping"


def test_ctrl_down_and_up_move_the_rule_and_delete_deletes_it(
    qtbot: QtBot, page: RoutingPage, seeded: Store, settle: Callable[[], None]
) -> None:
    first, second = rule_names(seeded)
    assert page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.index(1, 1).data() == first, timeout=WAIT_MS)
    settle()
    assert rule_names(seeded) == [second, first]
    assert page.table.currentIndex().row() == 1  # the moved rule stays chosen
    assert not page.buttons["down"].isEnabled() and page.buttons["up"].isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.index(0, 1).data() == first, timeout=WAIT_MS)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    settle()
    assert rule_names(seeded) == [second]
    with seeded.read() as s:  # each edit a revision to push: add, move, move back, delete
        assert docstore.require(s, ROUTING_ID)["_rev"].startswith("4-")


def test_the_tester_names_the_queue_and_the_rule_as_you_type(
    qtbot: QtBot, page: RoutingPage
) -> None:
    tester = page.tester
    tester.service.setCurrentIndex(tester.service.findData("fly-tipping"))
    qtbot.keyClicks(tester.postcode, "cf38 1")
    qtbot.waitUntil(lambda: "service's default" in tester.answer.text(), timeout=WAIT_MS)
    qtbot.keyClicks(tester.postcode, "ab")
    qtbot.waitUntil(lambda: "Pontyglas" in tester.answer.text(), timeout=WAIT_MS)
    assert "Street Scene" in tester.answer.text()
    tester.channel.setCurrentIndex(tester.channel.findData("social"))
    qtbot.waitUntil(lambda: "Social media" in tester.answer.text(), timeout=WAIT_MS)


def test_an_unusable_routing_record_is_shown_and_cases_go_to_their_defaults(
    qtbot: QtBot, seeded: Store, supervisor: UiContext, settle: Callable[[], None]
) -> None:
    with seeded.write() as s:
        current = docstore.require(s, ROUTING_ID)
        broken = {**current, "rules": [{"id": "x", "name": "no queue"}], "_rev": "9-abc"}
        broken["_revisions"] = {"start": 9, "ids": ["abc"]}  # a peer's revision, not checked
        docstore.put_replicated(s, broken)
    widget = RoutingPage(supervisor)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.data is not None, timeout=WAIT_MS)
    settle()
    assert widget.banner.isVisible() and "cannot be used" in widget.banner.text()
    assert widget.resolve.isVisible()  # the peer's branch conflicts with the local one
    qtbot.keyClicks(widget.tester.postcode, "CF37 1AB")
    qtbot.waitUntil(lambda: "default" in widget.tester.answer.text(), timeout=WAIT_MS)


def test_ten_thousand_rules_load_and_the_last_can_be_reached_and_moved(
    qtbot: QtBot, seeded: Store, supervisor: UiContext, settle: Callable[[], None]
) -> None:
    many: list[dict[str, Any]] = [
        {"name": f"rule {n}", "queue_id": "queue:contact", "service_codes": [f"s{n}"]}
        for n in range(10_000)
    ]
    with seeded.write() as s:
        store.save_rules(s, ADMIN, many, "many")
    widget = RoutingPage(supervisor)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 10_000, timeout=WAIT_MS)
    settle()
    widget.table.setFocus()
    qtbot.keyClick(widget.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert widget.table.currentIndex().row() == 9_999
    qtbot.keyClick(widget.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: widget.model.index(9_998, 1).data() == "rule 9999", timeout=WAIT_MS)
    settle()
    QApplication.processEvents()


def test_a_supervisor_adds_and_takes_off_queue_members_from_the_keyboard(
    qtbot: QtBot, page: RoutingPage, seeded: Store, settle: Callable[[], None]
) -> None:
    panel = page.members
    panel.queue.setCurrentIndex(panel.queue.findData("queue:parking"))
    qtbot.waitUntil(lambda: panel.candidate.count() > 0, timeout=WAIT_MS)
    settle()
    panel.candidate.setCurrentIndex(panel.candidate.findData("staff:agent"))
    before = panel.list.count()
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.list.count() == before + 1, timeout=WAIT_MS)
    settle()
    with seeded.read() as s:
        assert "staff:agent" in [m.id for m in members.members(s, "queue:parking")]
    row = next(
        n for n in range(panel.list.count())
        if panel.list.item(n).data(Qt.ItemDataRole.UserRole) == "staff:agent"
    )  # fmt: skip
    panel.list.setCurrentRow(row)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.list.count() == before, timeout=WAIT_MS)


def test_a_supervisor_cannot_add_themselves_and_is_told_why(
    qtbot: QtBot, page: RoutingPage, supervisor: UiContext
) -> None:
    panel = page.members
    panel.queue.setCurrentIndex(panel.queue.findData("queue:parking"))
    qtbot.waitUntil(
        lambda: panel.candidate.findData(supervisor.actor.staff_id) >= 0, timeout=WAIT_MS
    )
    panel.candidate.setCurrentIndex(panel.candidate.findData(supervisor.actor.staff_id))
    panel.add.click()
    qtbot.waitUntil(lambda: panel.error.isVisible(), timeout=WAIT_MS)
    assert "own queues" in panel.error.text()


def test_two_offline_edits_of_the_rules_are_resolved_in_the_conflict_window(
    qtbot: QtBot, page: RoutingPage, seeded: Store, settle: Callable[[], None]
) -> None:
    from ui.case.conflict import ConflictDialog

    with seeded.write() as s:
        base = docstore.require(s, ROUTING_ID)
    base_hash = base["_rev"].split("-")[1]
    for rev, queue in (("2-aaaa", "queue:waste"), ("2-bbbb", "queue:highways")):
        rules = [{**base["rules"][0], "queue_id": queue}, *base["rules"][1:]]
        history = {"start": 2, "ids": [rev[2:], base_hash]}
        with seeded.write() as s:
            docstore.put_replicated(s, base | {"rules": rules, "_rev": rev, "_revisions": history})
    page.reload()  # sync tells the window through the bus; here the page is asked directly
    qtbot.waitUntil(lambda: page.resolve.isVisible(), timeout=WAIT_MS)
    assert "Two edits" in page.banner.text()
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ConflictDialog), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitUntil(lambda: "rules" in dialog.choices, timeout=WAIT_MS)
    shown = [" ".join(b.text().split()) for b in dialog.choices["rules"].buttons()]
    assert any("triage → queue:highways" in text for text in shown), shown
    dialog.keep_side(1)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not page.resolve.isVisible(), timeout=WAIT_MS)
    settle()
    with seeded.read() as s:
        kept = store.load(s)
        assert not kept.conflicted and kept.raw[0]["queue_id"] in ("queue:waste", "queue:highways")


def test_every_control_on_the_page_and_in_the_rule_dialog_is_named_and_described(
    qtbot: QtBot, page: RoutingPage
) -> None:
    from tests.ui.test_accessibility import unnamed_controls

    assert unnamed_controls(page) == []
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert unnamed_controls(_dialog(qtbot, page)) == []
