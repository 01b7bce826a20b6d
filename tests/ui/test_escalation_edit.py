"""Changing an escalation rule on the Service levels page, from the keyboard: Enter (F2, a
double click, Alt+I) opens the chosen rule filled in as it was read; a change saved shows in the
list as a new revision of the same rule. Cancel changes nothing; what the service refuses is
shown beside its field with nothing written; a change or deletion made elsewhere while the
dialog was open is reported, never overwritten or brought back; a peer's broken rule opens with
its problem and can be put right; a Welsh name changed shows in Welsh."""

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker.documents.codec import new_document
from caseworker.documents.types import ESCALATION_RULE
from caseworker.revisions.tree import parse_rev
from caseworker.services import escalation_rules
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.worktime import MAX_HOURS
from tests.ui.conftest import WAIT_MS
from tests.ui.test_accessibility import unnamed_controls
from tests.ui.test_service_levels_page import _choose, _dialog
from ui.context import UiContext
from ui.service_levels.escalation_dialog import EscalationRuleDialog
from ui.service_levels.page import ServiceLevelsPage

WASTE_WARN = "escalation:waste-warn"
WASTE_WARN_NAME = "Waste: tell the supervisor 4 working hours before a breach"


@pytest.fixture
def supervisor(make_ctx: Callable[[str], UiContext]) -> UiContext:
    return make_ctx("supervisor")


def _open_page(
    qtbot: QtBot, supervisor: UiContext, settle: Callable[[], None]
) -> ServiceLevelsPage:
    widget = ServiceLevelsPage(supervisor)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitUntil(lambda: widget.escalation.data is not None, timeout=WAIT_MS)
    settle()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)
    widget.escalation.table.setFocus()
    return widget


@pytest.fixture
def page(
    qtbot: QtBot, supervisor: UiContext, settle: Callable[[], None]
) -> Iterator[ServiceLevelsPage]:
    yield _open_page(qtbot, supervisor, settle)
    settle()


def _doc(seeded: Store, rule_id: str = WASTE_WARN) -> dict[str, Any] | None:
    with seeded.read() as s:
        return docstore.get(s, rule_id)


def _to_row(qtbot: QtBot, page: ServiceLevelsPage, rule_id: str) -> None:
    """Arrow down the list from the top until ``rule_id`` is chosen, as a person would."""
    panel = page.escalation
    qtbot.keyClick(panel.table, Qt.Key.Key_Home)
    for _ in range(panel.model.rowCount()):
        if panel.current_rule_id() == rule_id:
            return
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.current_rule_id() == rule_id


def _opened(qtbot: QtBot, page: ServiceLevelsPage, key: Qt.Key = Qt.Key.Key_Return) -> Any:
    page.escalation.dialog = None
    qtbot.keyClick(page.escalation.table, key)
    return _dialog(qtbot, page)


def _type_hours(qtbot: QtBot, dialog: EscalationRuleDialog, text: str) -> None:
    dialog.hours.setFocus()
    dialog.hours.selectAll()
    qtbot.keyClicks(dialog.hours, text)


def _save(qtbot: QtBot, dialog: EscalationRuleDialog) -> None:
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_enter_opens_the_rule_filled_in_and_the_change_shows_as_a_new_revision(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, settle: Callable[[], None]
) -> None:
    before = _doc(seeded)
    assert before is not None
    _to_row(qtbot, page, WASTE_WARN)
    dialog = _opened(qtbot, page)
    assert dialog.windowTitle() == "Change an escalation rule"
    assert dialog.name.text() == WASTE_WARN_NAME
    assert dialog.name_cy.text().startswith("Gwastraff:")
    assert dialog.queue.currentData() == "queue:waste" and dialog.service.currentData() == ""
    assert dialog.target.currentData() == "resolve" and dialog.hours.value() == 4
    assert dialog.action.currentData() == "notify" and not dialog.problem.isVisible()
    _type_hours(qtbot, dialog, "6")
    _save(qtbot, dialog)
    panel = page.escalation
    row = panel.model.row_of(WASTE_WARN)
    when = "6 working hours before the resolution is due"
    qtbot.waitUntil(lambda: panel.model.index(row, 2).data() == when, timeout=WAIT_MS)
    settle()
    after = _doc(seeded)
    assert after is not None and after["_id"] == WASTE_WARN and after["hours_before"] == 6
    assert parse_rev(after["_rev"])[0] == parse_rev(before["_rev"])[0] + 1
    assert after["name"] == before["name"] and after["active"] is True
    assert panel.current_rule_id() == WASTE_WARN


def test_f2_alt_i_and_a_double_click_open_it_too(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store
) -> None:
    _to_row(qtbot, page, WASTE_WARN)
    dialog = _opened(qtbot, page, Qt.Key.Key_F2)
    assert dialog.name.text() == WASTE_WARN_NAME
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    panel = page.escalation
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    panel.dialog = None
    assert panel.edit.isEnabled() and "Change the rule" in panel.edit.accessibleName()
    qtbot.keyClick(panel.table, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    dialog = _dialog(qtbot, page)
    assert dialog.name.text() == WASTE_WARN_NAME
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    panel.dialog = None
    rect = panel.table.visualRect(panel.model.index(panel.model.row_of(WASTE_WARN), 0))
    # A view opens on a double click only where the press before it was (as a real one is).
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = _dialog(qtbot, page)
    assert dialog.name.text() == WASTE_WARN_NAME
    dialog.reject()


def test_cancel_changes_nothing(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, settle: Callable[[], None]
) -> None:
    before = _doc(seeded)
    _to_row(qtbot, page, WASTE_WARN)
    dialog = _opened(qtbot, page)
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Something else entirely")
    _type_hours(qtbot, dialog, "9")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    settle()
    assert _doc(seeded) == before
    row = page.escalation.model.row_of(WASTE_WARN)
    assert page.escalation.model.index(row, 0).data() == WASTE_WARN_NAME


def test_what_the_form_or_the_service_refuses_is_said_beside_its_field_and_nothing_written(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, settle: Callable[[], None]
) -> None:
    before = _doc(seeded)
    assert before is not None
    _to_row(qtbot, page, WASTE_WARN)
    dialog = _opened(qtbot, page)
    dialog.name.selectAll()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Delete)
    _choose(qtbot, dialog.action, "move_queue")
    _save(qtbot, dialog)
    assert "name" in dialog.error_text("name")
    assert dialog.error_text("to_queue") == "Choose the queue the cases move to."
    # The queue it watches was closed since the page was read: only the service knows.
    with seeded.write() as s:
        queue = docstore.require(s, "queue:waste")
        docstore.put(s, {**queue, "active": False})
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Waste: move late ones")
    dialog.action.setFocus()
    qtbot.keyClick(dialog.action, Qt.Key.Key_Up)  # from moving to raising the priority
    assert dialog.action.currentData() == "raise_priority"
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "no open queue" in dialog.error_text("queue"), timeout=WAIT_MS)
    assert dialog.isVisible() and not dialog.saving and dialog.queue.hasFocus()
    settle()
    assert _doc(seeded) == before
    dialog.reject()


def test_a_change_made_elsewhere_while_it_was_open_is_reported_not_overwritten(
    qtbot: QtBot,
    page: ServiceLevelsPage,
    seeded: Store,
    supervisor: UiContext,
    settle: Callable[[], None],
) -> None:
    _to_row(qtbot, page, WASTE_WARN)
    dialog = _opened(qtbot, page)
    settle()
    with seeded.write() as s:  # another supervisor's change, arrived while the dialog is open
        held = escalation_rules.read_rule(s, WASTE_WARN)
        theirs = dataclasses.replace(held.values, name="Their change")
        escalation_rules.update_rule(s, supervisor.actor, WASTE_WARN, held.rev, theirs)
    _type_hours(qtbot, dialog, "7")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "someone else" in dialog.error_text(), timeout=WAIT_MS)
    assert "nothing was saved" in dialog.error_text() and dialog.isVisible()
    settle()
    after = _doc(seeded)
    assert after is not None and after["name"] == "Their change" and after["hours_before"] == 4
    dialog.reject()


def test_a_rule_deleted_elsewhere_while_it_was_open_is_not_brought_back(
    qtbot: QtBot, page: ServiceLevelsPage, seeded: Store, settle: Callable[[], None]
) -> None:
    _to_row(qtbot, page, WASTE_WARN)
    dialog = _opened(qtbot, page)
    settle()
    doc = _doc(seeded)
    assert doc is not None
    pos, digest = parse_rev(doc["_rev"])
    with seeded.write() as s:  # an admin's deletion, arrived through sync
        ancestry = {"start": pos + 1, "ids": ["b" * 32, digest]}
        tombstone = {"_id": WASTE_WARN, "_rev": f"{pos + 1}-{'b' * 32}", "_deleted": True}
        docstore.put_replicated(s, {**tombstone, "_revisions": ancestry})
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "deleted" in dialog.error_text(), timeout=WAIT_MS)
    settle()
    assert _doc(seeded) is None
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    # Still listed here until the page reads again: opening it now says why it cannot be.
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.escalation.dialog = None
    qtbot.keyClick(page.escalation.table, Qt.Key.Key_Return)
    qtbot.waitUntil(page.escalation.error.isVisible, timeout=WAIT_MS)
    assert "deleted" in page.escalation.error.text() and page.escalation.dialog is None
    settle()
    assert _doc(seeded) is None


def test_a_peers_broken_rule_opens_with_its_problem_and_is_put_right(
    qtbot: QtBot, seeded: Store, supervisor: UiContext, settle: Callable[[], None]
) -> None:
    fields = {"name": "A peer's rule", "service_code": "missed-bin", "target": "resolve",
              "hours_before": 0, "action": "notify", "active": True, "by": "staff:supervisor",
              "updated_at": "2026-12-02T10:00:00Z"}  # fmt: skip
    with seeded.write() as s:
        doc = new_document(ESCALATION_RULE, "escalation:peer", fields)
        docstore.put_replicated(s, {**doc, "hours_before": 10**9, "_rev": "1-" + "c" * 32})
    page = _open_page(qtbot, supervisor, settle)
    panel = page.escalation
    _to_row(qtbot, page, "escalation:peer")
    assert not panel.switch.isEnabled() and panel.edit.isEnabled()
    dialog = _opened(qtbot, page)
    assert dialog.problem.isVisible() and "hours_before" in dialog.problem.text()
    assert dialog.name.text() == "A peer's rule" and dialog.hours.value() == MAX_HOURS
    assert dialog.service.currentData() == "missed-bin"
    assert not unnamed_controls(dialog)
    _type_hours(qtbot, dialog, "3")
    _save(qtbot, dialog)
    row = panel.model.row_of("escalation:peer")
    when = "3 working hours before the resolution is due"
    qtbot.waitUntil(lambda: panel.model.index(row, 2).data() == when, timeout=WAIT_MS)
    settle()
    assert panel.model.index(row, 4).data() == "On" and panel.switch.isEnabled()
    fixed = _doc(seeded, "escalation:peer")
    assert fixed is not None and parse_rev(fixed["_rev"])[0] == 2


def test_a_welsh_name_changed_shows_in_welsh(
    qtbot: QtBot, qapp: QApplication, seeded: Store, supervisor: UiContext,
    settle: Callable[[], None], welsh: str,
) -> None:  # fmt: skip
    page = _open_page(qtbot, supervisor, settle)
    _to_row(qtbot, page, WASTE_WARN)
    dialog = _opened(qtbot, page)
    dialog.name_cy.setFocus()
    dialog.name_cy.selectAll()
    qtbot.keyClicks(dialog.name_cy, "Gwastraff: rhybudd newydd")
    _save(qtbot, dialog)
    model = page.escalation.model
    row = model.row_of(WASTE_WARN)
    new = "Gwastraff: rhybudd newydd"
    qtbot.waitUntil(lambda: model.index(model.row_of(WASTE_WARN), 0).data() == new, timeout=WAIT_MS)
    settle()
    assert row >= 0
    after = _doc(seeded)
    assert after is not None and after["name"] == WASTE_WARN_NAME and after["name_cy"] == new
