"""A routing rule's optional Welsh name: typed in the rule dialog, saved with the rule, and
shown by the rules table when the window is in Welsh (the English name otherwise, or when the
rule has no Welsh one)."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseworker.routing import store
from caseworker.store.store import Store
from tests.ui.conftest import WAIT_MS
from ui.context import UiContext
from ui.routing.data import Choice
from ui.routing.model import RulesModel
from ui.routing.page import RoutingPage
from ui.routing.rule_dialog import RuleDialog

RULES = (
    {"id": "1", "name": "Bins", "name_cy": "Biniau", "queue_id": "queue:a", "areas": ["CF"]},
    {"id": "2", "name": "Roads", "queue_id": "queue:a", "areas": ["SA"]},
)


def _saved(seeded: Store) -> bool:
    with seeded.read() as s:
        return bool(store.load(s).raw[0].get("name_cy"))


def _names(model: RulesModel) -> list[str]:
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_the_rules_table_shows_welsh_names_to_a_welsh_reader(welsh: str) -> None:
    model = RulesModel()
    model.set_rules(RULES, (Choice("queue:a", "A"),), ())
    assert _names(model) == ["Biniau", "Roads"]  # no Welsh name: the English one


def test_the_rules_table_shows_english_names_to_an_english_reader(theme: object) -> None:
    model = RulesModel()
    model.set_rules(RULES, (Choice("queue:a", "A"),), ())
    assert _names(model) == ["Bins", "Roads"]


def test_the_rule_dialog_saves_a_welsh_name_typed_after_the_english_one(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], seeded: Store,
    settle: Callable[[], None],
) -> None:  # fmt: skip
    page = RoutingPage(make_ctx("supervisor"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    settle()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, RuleDialog), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, RuleDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    dialog.name.setFocus()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.name_cy.hasFocus()
    qtbot.keyClicks(dialog.name_cy, "  Cyfryngau   cymdeithasol ")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _saved(seeded), timeout=WAIT_MS)
    settle()
    with seeded.read() as s:
        first = store.load(s).raw[0]
    assert first["name_cy"] == "Cyfryngau cymdeithasol"
    assert first["name"] == "Social media to Contact Centre triage"
