"""The routing rules as a table, in the order they are tried: position, name, what they match,
and the queue (marked when it is closed, so the rule is passed over)."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from caseworker import language
from ui import labels
from ui.routing.data import Choice

Index = QModelIndex | QPersistentModelIndex
RULE_ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("position", "name", "matches", "queue")


class RulesModel(QAbstractTableModel):
    COLUMNS = COLUMNS  # the column keys, as the other table models give theirs

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules: tuple[dict[str, Any], ...] = ()
        self._queues: dict[str, Choice] = {}
        self._services: dict[str, str] = {}

    def set_rules(
        self,
        rules: tuple[dict[str, Any], ...],
        queues: tuple[Choice, ...],
        services: tuple[Choice, ...],
    ) -> None:
        self.beginResetModel()
        self._rules = rules
        self._queues = {q.id: q for q in queues}
        self._services = {s.id: s.name for s in services}
        self.endResetModel()

    def rule(self, row: int) -> dict[str, Any]:
        return self._rules[row]

    def row_of(self, rule_id: str) -> int:
        for n, rule in enumerate(self._rules):
            if rule.get("id") == rule_id:
                return n
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return {
            "position": self.tr("Order"),
            "name": self.tr("Rule"),
            "matches": self.tr("Matches"),
            "queue": self.tr("Queue"),
        }[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rules):
            return None
        rule = self._rules[index.row()]
        if role == RULE_ID_ROLE:
            return rule.get("id")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = COLUMNS[index.column()]
        if column == "position":
            return str(index.row() + 1)
        if column == "name":
            welsh = rule.get("name_cy")
            return labels.shown(
                language.pick(
                    str(rule.get("name") or ""), welsh if isinstance(welsh, str) else None
                )
            )
        if column == "matches":
            return self.matches(rule)
        return self.queue_text(str(rule.get("queue_id")))

    def queue_text(self, queue_id: str) -> str:
        queue = self._queues.get(queue_id)
        if queue is None:
            return self.tr("%1 (missing: passed over)").replace("%1", labels.shown(queue_id))
        if not queue.active:
            return self.tr("%1 (closed: passed over)").replace("%1", labels.shown(queue.name))
        return labels.shown(queue.name)

    def matches(self, rule: dict[str, Any]) -> str:
        parts = []
        services = rule.get("service_codes") or []
        if services:
            names = ", ".join(labels.shown(self._services.get(c, c)) for c in services)
            parts.append(self.tr("Service: %1").replace("%1", names))
        areas = rule.get("areas") or []
        if areas:
            parts.append(self.tr("Area: %1").replace("%1", labels.shown(", ".join(areas))))
        channels = rule.get("channels") or []
        if channels:
            names = ", ".join(labels.channel(c) for c in channels)
            parts.append(self.tr("Channel: %1").replace("%1", names))
        return "; ".join(parts)
