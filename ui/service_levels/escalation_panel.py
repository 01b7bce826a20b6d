"""The escalation rules tab: the council's rules, Insert adds one, Enter (F2, a double click)
changes the chosen one, Space turns it off or on (a rule is never deleted, so what it did stays
explained)."""

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

from caseworker.services.context import ChangeSet
from caseworker.services.escalation_rules import Held
from ui import theme
from ui.context import UiContext
from ui.dialogs.shared import plain_error
from ui.service_levels import data
from ui.service_levels.escalation_dialog import EscalationRuleDialog
from ui.service_levels.escalation_model import RULE_ID_ROLE, EscalationRulesModel

# Which changes mean the rules should be read again.
_TYPES = ("escalation_rule", "queue", "service")


class EscalationPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: data.EscalationData | None = None
        self.dialog: EscalationRuleDialog | None = None  # the open dialog, for tests
        self._select_after: str | None = None
        self._reading = False  # a rule is being read to be changed: one dialog at a time
        intro = QLabel(
            self.tr(
                "What the council's central service does when a case is late, or nearly: "
                "tell the queue's supervisors, raise the priority, or move it to another "
                "queue. Insert adds a rule; Enter changes the chosen one; Space turns it off "
                "or on."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.model = EscalationRulesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Escalation rules"))
        self.table.setAccessibleDescription(
            self.tr("Insert adds a rule, Enter changes the chosen one, Space turns it off or on.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # When, what and on/off are read whole (a council has tens of rules, so sizing them
        # to their contents is cheap); the name and scope share the rest, whole in a tooltip.
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for column, mode in enumerate((stretch, stretch, fit, fit, fit)):
            header.setSectionResizeMode(column, mode)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("What went wrong"))
        theme.set_role(self.error, "role", "error")
        self.error.hide()
        self.add = QPushButton(self.tr("&Add a rule…"))
        self.add.setAccessibleName(self.tr("Add a rule (Insert)"))
        self.add.setAccessibleDescription(self.tr("Adds an escalation rule."))
        self.add.setToolTip(self.tr("Add a rule (Insert)"))
        self.add.clicked.connect(self.add_rule)
        self.edit = QPushButton(self.tr("Ed&it…"))
        self.edit.setAccessibleName(self.tr("Change the rule (Enter)"))
        self.edit.setAccessibleDescription(
            self.tr(
                "Changes the chosen rule's name, what it watches, when it fires or what it does."
            )
        )
        self.edit.setToolTip(self.tr("Change the rule (Enter)"))
        self.edit.clicked.connect(self.edit_rule)
        self.switch = QPushButton(self.tr("&Turn off"))
        self.switch.setAccessibleName(self.tr("Turn the rule off or on (Space)"))
        self.switch.setAccessibleDescription(
            self.tr("A rule turned off fires no more; turned on again, it fires as before.")
        )
        self.switch.setToolTip(self.tr("Turn the rule off or on (Space)"))
        self.switch.clicked.connect(self.toggle)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.edit)
        buttons.addWidget(self.switch)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self._shortcut("Ins", self.add_rule)
        self._shortcut("Space", self.toggle)
        for keys in ("Return", "Enter", "F2"):
            self._shortcut(keys, self.edit_rule)
        self.table.doubleClicked.connect(lambda _i: self.edit_rule())
        self.setFocusProxy(self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        ctx.bus.changed.connect(self._on_changed)
        self._stale = True  # read when first shown

    def _shortcut(self, keys: str, action: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self.table, action)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.worker.read(data.load_escalation, self._arrived, self._failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def _on_changed(self, changes: ChangeSet) -> None:
        if not any(changes.ids_of(kind) for kind in _TYPES):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _arrived(self, loaded: data.EscalationData) -> None:
        if not isValid(self):
            return
        self.data = loaded
        keep = self._select_after or self.current_rule_id()
        self._select_after = None
        self.model.set_rules(loaded.rules, loaded.queues, loaded.services)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._enable()

    def current_rule_id(self) -> str | None:
        index = self.table.currentIndex()
        value = self.model.data(index, RULE_ID_ROLE) if index.isValid() else None
        return str(value) if value is not None else None

    def _enable(self) -> None:
        row = self.table.currentIndex().row()
        usable = row >= 0 and self.model.listed(row).rule is not None
        self.edit.setEnabled(row >= 0)  # a rule that cannot be used is changed to mend it
        self.switch.setEnabled(usable)
        on = row >= 0 and self.model.listed(row).active
        self.switch.setText(self.tr("&Turn off") if on else self.tr("&Turn on"))

    # -- changing ------------------------------------------------------------------------------
    def add_rule(self) -> None:
        if self.data is None:
            return
        self._open_dialog(None)

    def _open_dialog(self, held: Held | None) -> None:
        """The rule dialog: a new rule, or ``held`` as it was read, to change."""
        assert self.data is not None
        dialog = EscalationRuleDialog(self.ctx, self.data.queues, self.data.services, self, held)
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def edit_rule(self) -> None:
        """Read the chosen rule as it is now, then open it: the change is made on what was
        read, so one made elsewhere meanwhile is reported, not overwritten."""
        rule_id = self.current_rule_id()
        if self.data is None or rule_id is None or self._reading:
            return
        self._reading = True
        self.error.hide()
        self.ctx.worker.read(data.read_rule(rule_id), self._edit_read, self._edit_failed)

    def _edit_read(self, held: Held) -> None:
        if not isValid(self):
            return
        self._reading = False
        if self.data is not None:
            self._open_dialog(held)

    def _edit_failed(self, error: Exception) -> None:
        if isValid(self):
            self._reading = False
            self._failed(error)

    def _saved(self, result: Any) -> None:
        if isinstance(result, tuple) and result and isinstance(result[0], str):
            self._select_after = result[0]  # the new rule: choose it

    def toggle(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0 or self.model.listed(row).rule is None:
            return  # a rule that cannot be used is not the window's to switch
        listed = self.model.listed(row)
        self._select_after = listed.doc_id
        self.error.hide()
        job = data.set_active(self.ctx.actor, listed.doc_id, not listed.active)
        self.ctx.worker.write(job, None, self._failed)

    def _failed(self, error: Exception) -> None:
        if isValid(self):
            self.error.setText(plain_error(error))
            self.error.show()
