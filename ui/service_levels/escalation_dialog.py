"""Add or change an escalation rule: its name (and Welsh name), the service and/or queue whose
cases it watches, the due time it watches and how many working hours before it fires, and what
it does. Saved through ``escalation_rules.add_rule`` or ``update_rule``, the services the CLI
uses. A change is filled in with the rule as it was read (a value no longer offered, such as a
closed queue, is shown as it is, never swapped for another) and is made on that revision."""

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from caseworker.services.escalation_rules import NAME_MAX, Held, NewRule
from caseworker.worktime import MAX_HOURS
from ui import labels, theme
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, select_data
from ui.routing.data import Choice
from ui.service_levels import data


class EscalationRuleDialog(FormDialog):
    """``result_value``: (the rule's id, the change). ``held``: the rule to change (None: a new
    rule)."""

    def __init__(
        self,
        ctx: UiContext,
        queues: tuple[Choice, ...],
        services: tuple[Choice, ...],
        parent: QWidget | None = None,
        held: Held | None = None,
    ) -> None:
        title = self.tr("Change an escalation rule") if held else self.tr("Add an escalation rule")
        super().__init__(ctx, title, parent)
        self.held = held
        self._queues = {q.id: q for q in queues}
        self.set_intro(
            self.tr(
                "The council's central service applies the rule once to each open case it "
                "watches: at the due time, or a number of working hours before it."
            )
        )
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.add_field(
            "name",
            self.tr("&Name:"),
            self.name,
            self.tr("Name"),
            self.tr("What the rule is for, in words colleagues will recognise."),
        )
        self.name_cy = QLineEdit()
        self.name_cy.setMaxLength(NAME_MAX)
        self.add_field(
            "name_cy",
            self.tr("&Welsh name:"),
            self.name_cy,
            self.tr("Welsh name"),
            self.tr("Optional: shown instead when the window is in Welsh."),
        )
        self.service = QComboBox()
        self.service.addItem(self.tr("Any service"), "")
        for service in services:
            self.service.addItem(labels.shown(service.name), service.id)
        self.add_field(
            "service",
            self.tr("Ser&vice:"),
            self.service,
            self.tr("Service"),
            self.tr("The service whose cases the rule watches."),
        )
        self.queue = QComboBox()
        self.queue.addItem(self.tr("Any queue"), "")
        open_queues = [q for q in queues if q.active]
        for queue in open_queues:
            self.queue.addItem(labels.shown(queue.name), queue.id)
        self.add_field(
            "queue",
            self.tr("&Queue:"),
            self.queue,
            self.tr("Queue"),
            self.tr("The queue whose cases the rule watches."),
        )
        self.target = QComboBox()
        self.target.addItem(self.tr("The first response"), "response")
        self.target.addItem(self.tr("The resolution"), "resolve")
        self.add_field(
            "target",
            self.tr("Due &time:"),
            self.target,
            self.tr("Due time"),
            self.tr("Which due time the rule watches."),
        )
        self.hours = QSpinBox()
        self.hours.setRange(0, MAX_HOURS)
        self.hours.setSpecialValueText(self.tr("When it is late"))
        self.hours.setSuffix(self.tr(" working hours before"))
        self.add_field(
            "hours",
            self.tr("&Fires:"),
            self.hours,
            self.tr("Fires"),
            self.tr(
                "0: when the case is late; otherwise this many working hours before it is due."
            ),
        )
        self.action = QComboBox()
        self.action.addItem(self.tr("Tell the queue's supervisors"), "notify")
        self.action.addItem(self.tr("Raise the priority"), "raise_priority")
        self.action.addItem(self.tr("Move to another queue"), "move_queue")
        self.add_field(
            "action",
            self.tr("&Does:"),
            self.action,
            self.tr("Does"),
            self.tr("What happens to a case the rule fires for."),
        )
        self.to_queue = QComboBox()
        self.to_queue.addItem(self.tr("Choose a queue"), "")
        for queue in open_queues:
            self.to_queue.addItem(labels.shown(queue.name), queue.id)
        self.add_field(
            "to_queue",
            self.tr("&Move to:"),
            self.to_queue,
            self.tr("Move to"),
            self.tr("The queue the cases move to."),
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why this rule cannot be used"))
        self.problem.setAccessibleDescription(
            self.tr("What is wrong with the rule as it was read.")
        )
        theme.set_role(self.problem, "role", "error")
        self.problem.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.problem)  # under the intro, above the form
        if held is not None:
            self._fill(held)
        self.action.currentIndexChanged.connect(lambda _i: self._moving())
        self._moving()
        self.setMinimumWidth(620)
        self.name.setFocus()

    def _fill(self, held: Held) -> None:
        """The form as the rule was read; a peer's broken rule says what is wrong with it."""
        was = held.values
        self.name.setText(was.name)
        self.name_cy.setText(was.name_cy or "")
        self._pick(self.service, was.service_code, was.service_code)
        self._pick(self.queue, was.queue_id, self._queue_name(was.queue_id))
        select_data(self.target, was.target)
        self.hours.setValue(was.hours_before)  # nonsense is held to the range, the note says why
        select_data(self.action, was.action)
        self._pick(self.to_queue, was.to_queue_id, self._queue_name(was.to_queue_id))
        if held.problem:
            text = self.tr(
                "This rule cannot be used as it is (%1). Put it right here and save, or "
                "cancel to leave it."
            )
            self.problem.setText(text.replace("%1", labels.shown(held.problem)))
            self.problem.show()

    def _queue_name(self, queue_id: str | None) -> str | None:
        queue = self._queues.get(queue_id or "")
        return queue.name if queue else queue_id

    def _pick(self, combo: QComboBox, value: str | None, name: str | None) -> None:
        """Choose ``value``; one no longer offered is added as it is, marked, so that saving
        says what is wrong with it instead of quietly choosing something else."""
        if not value:
            return
        if combo.findData(value) < 0:
            shown = self.tr("%1 (no longer open)").replace("%1", labels.shown(name or value))
            combo.addItem(shown, value)
        select_data(combo, value)

    def _moving(self) -> None:
        self.set_field_visible("to_queue", self.action.currentData() == "move_queue")

    def new_rule(self) -> NewRule:
        moving = self.action.currentData() == "move_queue"
        return NewRule(
            name=self.name.text(),
            target=str(self.target.currentData()),
            action=str(self.action.currentData()),
            service_code=str(self.service.currentData() or "") or None,
            queue_id=str(self.queue.currentData() or "") or None,
            hours_before=self.hours.value(),
            to_queue_id=(str(self.to_queue.currentData() or "") or None) if moving else None,
            name_cy=self.name_cy.text().strip() or None,
        )

    def check(self) -> dict[str, str]:
        new = self.new_rule()
        problems: dict[str, str] = {}
        if not new.name.strip():
            problems["name"] = self.tr("Give the rule a name colleagues will recognise.")
        if not (new.service_code or new.queue_id):
            problems["service"] = self.tr(
                "Choose a service or a queue (or both): a rule watching every case would "
                "escalate them all."
            )
        if new.action == "move_queue" and not new.to_queue_id:
            problems["to_queue"] = self.tr("Choose the queue the cases move to.")
        return problems

    def job(self) -> Job:
        if self.held is not None:
            return data.update_rule(self.ctx.actor, self.held, self.new_rule())
        return data.add_rule(self.ctx.actor, self.new_rule())

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "someone else" in lowered or "deleted" in lowered:
            return None  # about the whole rule: said at the top
        for word, field in (
            ("moves cases", "to_queue"),
            ("hours", "hours"),
            ("service", "service"),
            ("queue", "queue"),
            ("name", "name"),
        ):
            if word in lowered:
                return field
        return None
