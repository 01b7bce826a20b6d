"""Add or change one routing rule: its name, what it matches (services, postcode areas,
channels: any of each, all that are given) and the queue it sends cases to."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.routing import store
from caseworker.routing.areas import prefix_key
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, select_data
from ui.routing.data import Choice


class RuleDialog(FormDialog):
    """Saves through ``routing.store.add_rule`` (``rule`` None, at position ``at``) or
    ``update_rule``; ``result_value`` is what the service returned."""

    def __init__(
        self,
        ctx: UiContext,
        queues: tuple[Choice, ...],
        services: tuple[Choice, ...],
        rule: dict[str, Any] | None = None,
        at: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Add a routing rule") if rule is None else self.tr("Change a routing rule")
        super().__init__(ctx, title, parent)
        self.rule_id = rule.get("id") if rule is not None else None
        self.at = at
        rule = rule or {}
        self.set_intro(
            self.tr(
                "A new case goes to the queue of the first rule it matches. A rule matches a "
                "case that fits everything it names; leave a part empty to match any."
            )
        )
        self.name = QLineEdit(str(rule.get("name") or ""))
        self.name.setMaxLength(200)
        self.add_field(
            "name",
            self.tr("&Name:"),
            self.name,
            self.tr("Name"),
            self.tr("What the rule does, in a few words colleagues will read."),
        )
        self.name_cy = QLineEdit(str(rule.get("name_cy") or ""))
        self.name_cy.setMaxLength(200)
        self.add_field(
            "name_cy",
            self.tr("Welsh na&me:"),
            self.name_cy,
            self.tr("Welsh name"),
            self.tr("Optional: shown instead when the window is in Welsh."),
        )
        self.services = QListWidget()
        chosen = set(rule.get("service_codes") or [])
        for service in services:
            item = QListWidgetItem(labels.shown(service.name))
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = service.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.services.setMaximumHeight(self.services.fontMetrics().lineSpacing() * 6 + 12)
        self.add_field(
            "services",
            self.tr("Ser&vices:"),
            self.services,
            self.tr("Services"),
            self.tr("Space ticks a service. None ticked: any service."),
        )
        self.areas = QLineEdit(", ".join(rule.get("areas") or []))
        self.areas.setPlaceholderText(self.tr("e.g. CF37, CF38, SA1 4"))
        self.add_field(
            "areas",
            self.tr("&Areas:"),
            self.areas,
            self.tr("Postcode areas"),
            self.tr(
                "Postcode areas (CF), districts (CF10) or sectors (SA1 4), separated by "
                "commas. Empty: anywhere."
            ),
        )
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.channels: dict[str, QCheckBox] = {}
        ticked = set(rule.get("channels") or [])
        for n, code in enumerate(vocab.CHANNELS):
            box = QCheckBox(labels.channel(code))
            box.setAccessibleName(labels.channel(code))
            box.setAccessibleDescription(self.tr("Ticked: the rule takes cases reported this way."))
            box.setChecked(code in ticked)
            grid.addWidget(box, n // 3, n % 3)
            self.channels[code] = box
        self.add_field(
            "channels",
            self.tr("C&hannels:"),
            holder,
            self.tr("Channels"),
            self.tr("How the case was reported. None ticked: any channel."),
        )
        holder.setFocusProxy(self.channels[vocab.CHANNELS[0]])
        self.queue = QComboBox()
        current = rule.get("queue_id")
        for queue in queues:
            if queue.active or queue.id == current:
                name = labels.shown(queue.name)
                if not queue.active:
                    name = self.tr("%1 (closed)").replace("%1", name)
                self.queue.addItem(name, queue.id)
        select_data(self.queue, current)
        self.add_field(
            "queue",
            self.tr("&Queue:"),
            self.queue,
            self.tr("Queue"),
            self.tr("The queue that cases matching this rule go to."),
        )
        self.setMinimumWidth(680)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        services = [
            str(self.services.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.services.count())
            if self.services.item(n).checkState() == Qt.CheckState.Checked
        ]
        areas = [a.strip() for a in self.areas.text().split(",") if a.strip()]
        channels = [code for code, box in self.channels.items() if box.isChecked()]
        return {
            "name": self.name.text().strip(),
            "name_cy": self.name_cy.text().strip(),
            "queue_id": self.queue.currentData(),
            "service_codes": services,
            "areas": areas,
            "channels": channels,
        }

    def check(self) -> dict[str, str]:
        values = self.values()
        if not values["name"]:
            return {"name": self.tr("Give the rule a name.")}
        wrong = [a for a in values["areas"] if prefix_key(a) is None]
        if wrong:
            text = self.tr("Not a postcode area, district or sector: %1")
            return {"areas": text.replace("%1", labels.shown(", ".join(wrong)))}
        if not (values["service_codes"] or values["areas"] or values["channels"]):
            return {
                "services": self.tr(
                    "Choose a service, an area or a channel: a rule that matches everything "
                    "would take every case."
                )
            }
        if not values["queue_id"]:
            return {"queue": self.tr("Choose a queue.")}
        return {}

    def job(self) -> Job:
        actor, rule_id, at, values = self.ctx.actor, self.rule_id, self.at, self.values()

        def save(session: Session) -> object:
            if rule_id is None:
                return store.add_rule(session, actor, values, at)
            return store.update_rule(session, actor, str(rule_id), values)

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        for word, field in (("queue", "queue"), ("area", "areas"), ("channel", "channels")):
            if word in lowered:
                return field
        return None
