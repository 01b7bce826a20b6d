"""The council's escalation rules as a table: the rule's name (in Welsh for a Welsh reader,
where it has one), what it watches, when it fires, what it does, and whether it is on. A rule
this laptop cannot use (a peer's broken edit) is listed with its problem."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from caseworker import language
from caseworker.escalation import Rule
from caseworker.services.escalation_rules import Listed
from ui import labels
from ui.routing.data import Choice

Index = QModelIndex | QPersistentModelIndex
RULE_ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("name", "scope", "when", "action", "state")


class EscalationRulesModel(QAbstractTableModel):
    COLUMNS = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules: tuple[Listed, ...] = ()
        self._queues: dict[str, Choice] = {}
        self._services: dict[str, str] = {}

    def set_rules(
        self, rules: tuple[Listed, ...], queues: tuple[Choice, ...], services: tuple[Choice, ...]
    ) -> None:
        self.beginResetModel()
        self._rules = rules
        self._queues = {q.id: q for q in queues}
        self._services = {s.id: s.name for s in services}
        self.endResetModel()

    def listed(self, row: int) -> Listed:
        return self._rules[row]

    def row_of(self, rule_id: str) -> int:
        for n, rule in enumerate(self._rules):
            if rule.doc_id == rule_id:
                return n
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return {
            "name": self.tr("Rule"),
            "scope": self.tr("Watches"),
            "when": self.tr("When"),
            "action": self.tr("Does"),
            "state": self.tr("State"),
        }[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rules):
            return None
        listed = self._rules[index.row()]
        if role == RULE_ID_ROLE:
            return listed.doc_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = COLUMNS[index.column()]
        if column == "name":
            return labels.shown(language.pick(listed.name, listed.name_cy))
        rule = listed.rule
        if rule is None:
            if column == "state":
                return self.tr("Cannot be used")
            if column == "when":
                return self.tr("Cannot be used: %1").replace("%1", labels.shown(listed.problem))
            return ""
        if column == "scope":
            return self.scope(rule)
        if column == "when":
            return self.when(rule)
        if column == "action":
            return self.action(rule)
        return self.tr("On") if listed.active else self.tr("Off")

    def scope(self, rule: Rule) -> str:
        parts = []
        if rule.service_code:
            name = self._services.get(rule.service_code, rule.service_code)
            parts.append(self.tr("Service: %1").replace("%1", labels.shown(name)))
        if rule.queue_id:
            queue = self._queues.get(rule.queue_id)
            name = queue.name if queue else rule.queue_id
            parts.append(self.tr("Queue: %1").replace("%1", labels.shown(name)))
        return "; ".join(parts)

    def when(self, rule: Rule) -> str:
        if rule.target == "response":
            if rule.hours_before:
                n = rule.hours_before
                return self.tr("%n working hours before the first response is due", "", n)
            return self.tr("When the first response is late")
        if rule.hours_before:
            return self.tr("%n working hours before the resolution is due", "", rule.hours_before)
        return self.tr("When the resolution is late")

    def action(self, rule: Rule) -> str:
        if rule.action == "notify":
            return self.tr("Tell the queue's supervisors")
        if rule.action == "raise_priority":
            return self.tr("Raise the priority")
        target = rule.to_queue_id or ""
        queue = self._queues.get(target)
        if queue is None:  # the worker leaves the case where it is, and says so
            return self.tr("Move to %1 (missing: cases stay)").replace("%1", labels.shown(target))
        if not queue.active:
            text = self.tr("Move to %1 (closed: cases stay)")
            return text.replace("%1", labels.shown(queue.name))
        return self.tr("Move to %1").replace("%1", labels.shown(queue.name))
