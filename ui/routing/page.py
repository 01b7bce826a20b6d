"""The supervisors' Routing page: the council's routing rules in the order they are tried,
edited from the keyboard (Insert adds, Enter changes, Delete deletes, Ctrl+Up/Down move), each
edit saved as one change that syncs; beside them, a tester and the queues' members.

The rules are one record: two supervisors' offline edits meet as a conflict, shown here with
the window's conflict dialog.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.documents.types import ROUTING_ID
from caseworker.routing import store
from caseworker.services.context import ChangeSet
from ui import labels, theme
from ui.case.conflict import ConflictDialog
from ui.context import UiContext
from ui.dialogs.shared import plain_error
from ui.routing.data import RoutingData, load
from ui.routing.members_panel import MembersPanel
from ui.routing.model import RULE_ID_ROLE, RulesModel
from ui.routing.rule_dialog import RuleDialog
from ui.routing.tester import RoutingTester

# Which changes mean the page should read again.
_RULE_TYPES = ("routing", "queue", "service")


class RoutingPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routing")
        self.ctx = ctx
        self.data: RoutingData | None = None
        self._select_after: str | None = None
        self.dialog: QWidget | None = None  # the open rule or conflict dialog, for tests
        heading = QLabel(self.tr("Routing rules"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "A new case goes to the queue of the first rule it matches, top to bottom; "
                "if none matches, to its service's default queue. Insert adds a rule, Enter "
                "changes it, Delete deletes it, Ctrl+Up and Ctrl+Down move it."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Routing problem"))
        theme.set_role(self.banner, "role", "error")
        self.banner.hide()
        self.resolve = QPushButton(self.tr("&Resolve the conflict…"))
        self.resolve.setAccessibleName(self.tr("Resolve the conflict (Alt+R)"))
        self.resolve.setAccessibleDescription(
            self.tr("Choose which of the two versions of the rules to keep.")
        )
        self.resolve.hide()
        self.resolve.clicked.connect(self.resolve_conflict)
        self.model = RulesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Routing rules"))
        self.table.setAccessibleDescription(
            self.tr("Tried top to bottom. Insert adds, Enter changes, Delete deletes.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Order and queue are sized from one row per distinct value (_fit_columns): sizing to
        # contents would measure every row, a long stall on 10,000 rules.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.table.doubleClicked.connect(lambda _i: self.edit_rule())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("What went wrong"))
        theme.set_role(self.error, "role", "error")
        self.error.hide()
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions: tuple[tuple[str, str, str, str, str, Callable[[], None]], ...] = (
            ("add", self.tr("&Add"), self.tr("Add a rule (Insert)"),
             self.tr("Adds a rule below the chosen one."), "Ins", self.add_rule),
            ("edit", self.tr("Chang&e"), self.tr("Change the rule (Enter)"),
             self.tr("Changes the chosen rule's name, what it matches or its queue."), "",
             self.edit_rule),
            ("delete", self.tr("De&lete"), self.tr("Delete the rule (Delete)"),
             self.tr("Deletes the chosen rule."), "Del", self.delete_rule),
            ("up", self.tr("Move &up"), self.tr("Move the rule up (Ctrl+Up)"),
             self.tr("Tries the chosen rule one place sooner."), "Ctrl+Up", self.move_up),
            ("down", self.tr("Move do&wn"), self.tr("Move the rule down (Ctrl+Down)"),
             self.tr("Tries the chosen rule one place later."), "Ctrl+Down", self.move_down),
        )  # fmt: skip
        for name, text, accessible, description, keys, action in actions:
            button = QPushButton(text)
            button.setAccessibleName(accessible)
            button.setAccessibleDescription(description)
            button.setToolTip(accessible)
            button.clicked.connect(action)
            buttons.addWidget(button)
            self.buttons[name] = button
            if keys:
                self._shortcut(keys, action)
        for keys in ("Return", "Enter"):
            self._shortcut(keys, self.edit_rule)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(intro)
        left.addWidget(self.banner)
        left.addWidget(self.resolve, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.table, 1)
        left.addLayout(buttons)
        left.addWidget(self.error)
        self.tester = RoutingTester(ctx)
        self.members = MembersPanel(ctx)
        right = QVBoxLayout()
        right.addWidget(self.tester)
        right.addWidget(self.members, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.setFocusProxy(self.table)
        self.setTabOrder(self.table, self.buttons["add"])
        ctx.bus.changed.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        # Read when first shown, not when the window opens: a supervisor who never opens
        # Routing costs the database thread nothing at start-up.
        self._stale = True

    def _shortcut(self, keys: str, action: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self.table, action)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.worker.read(load, self._arrived, self._failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def _on_changed(self, changes: ChangeSet) -> None:
        rules = any(changes.ids_of(kind) for kind in _RULE_TYPES)
        if not (rules or changes.ids_of("staff")):
            return
        if not self.isVisible():
            self._stale = True  # read again when next shown
        elif rules:
            self.reload()
        else:
            self.members.reload()

    def _arrived(self, data: RoutingData) -> None:
        if not isValid(self):
            return
        self.data = data
        keep = self._select_after or self.current_rule_id()
        self._select_after = None
        self.model.set_rules(data.rules, data.queues, data.services)
        self._fit_columns(data)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 1))
        self._show_problems(data)
        self.tester.set_choices(data.services, data.queues)
        self.members.set_queues(data.queues)
        self._enable()

    def _fit_columns(self, data: RoutingData) -> None:
        """The order and queue columns as wide as their widest text: the last position, and
        the first rule of each queue (a handful of rows, however many rules there are)."""
        header = self.table.horizontalHeader()
        samples: dict[object, int] = {}
        for row, rule in enumerate(data.rules):
            samples.setdefault(rule.get("queue_id"), row)
        for column, rows in ((0, [len(data.rules) - 1]), (3, list(samples.values()))):
            hints = [self.table.sizeHintForIndex(self.model.index(r, column)).width() for r in rows]
            widest = max([header.sectionSizeFromContents(column).width(), *hints])
            header.resizeSection(column, widest + 2)  # the grid line

    def _show_problems(self, data: RoutingData) -> None:
        lines = []
        if data.note:
            lines.append(
                self.tr(
                    "These routing rules cannot be used, so every new case goes to its "
                    "service's default queue. Adding a rule here replaces them. (%1)"
                ).replace("%1", labels.shown(data.note))
            )
        if data.conflicted:
            lines.append(
                self.tr(
                    "Two edits of the routing rules were made at once, at least one offline. "
                    "The rules shown are one of them until the conflict is resolved."
                )
            )
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        self.resolve.setVisible(data.conflicted)

    def _enable(self) -> None:
        row = self.table.currentIndex().row()
        count = self.model.rowCount()
        self.buttons["edit"].setEnabled(row >= 0)
        self.buttons["delete"].setEnabled(row >= 0)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < count - 1)

    def current_rule_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index, RULE_ID_ROLE)
        return str(value) if value is not None else None

    # -- changing ------------------------------------------------------------------------------
    def add_rule(self) -> None:
        if self.data is None:
            return
        row = self.table.currentIndex().row()
        at = row + 1 if row >= 0 else None
        self._open(RuleDialog(self.ctx, self.data.queues, self.data.services, None, at, self))

    def edit_rule(self) -> None:
        row = self.table.currentIndex().row()
        if self.data is None or row < 0:
            return
        rule = self.model.rule(row)
        self._select_after = str(rule.get("id"))
        self._open(RuleDialog(self.ctx, self.data.queues, self.data.services, rule, None, self))

    def _open(self, dialog: RuleDialog | ConflictDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _saved(self, result: Any) -> None:
        if isinstance(result, tuple) and result and isinstance(result[0], str):
            self._select_after = result[0]  # a new rule: select it

    def delete_rule(self) -> None:
        rule_id = self.current_rule_id()
        if rule_id is None:
            return
        actor = self.ctx.actor
        self._write(lambda s: store.delete_rule(s, actor, rule_id))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        rule_id = self.current_rule_id()
        if rule_id is None:
            return
        actor = self.ctx.actor
        self._select_after = rule_id
        self._write(lambda s: store.move_rule(s, actor, rule_id, step))

    def _write(self, job: Callable[[Session], object]) -> None:
        self.error.hide()
        self.ctx.worker.write(job, None, self._failed)

    def _failed(self, error: Exception) -> None:
        if isValid(self):
            self.error.setText(plain_error(error))
            self.error.show()

    def resolve_conflict(self) -> None:
        self._open(ConflictDialog(self.ctx, ROUTING_ID, self))
