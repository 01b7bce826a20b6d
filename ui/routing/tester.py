""" "Which queue would this case go to, and by which rule?": pick a service, type a postcode,
pick a channel; the answer follows as you type (read on the database thread)."""

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget
from shiboken6 import isValid

from caseworker import vocab
from caseworker.routing.evaluate import Decision
from ui import labels
from ui.context import UiContext
from ui.dialogs.shared import plain_error
from ui.routing.data import Choice, decide


class RoutingTester(QGroupBox):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Try a case"), parent)
        self.setAccessibleName(self.tr("Try a case"))
        self._ctx = ctx
        self._asked = 0
        self._queues: dict[str, str] = {}
        self.service = QComboBox()
        self.service.setAccessibleName(self.tr("Service (Alt+S)"))
        self.service.setAccessibleDescription(self.tr("The service the case would be for."))
        self.service.setMinimumContentsLength(16)
        self.postcode = QLineEdit()
        self.postcode.setAccessibleName(self.tr("Postcode (Alt+P)"))
        self.postcode.setAccessibleDescription(
            self.tr("Where the case is, or its citizen's postcode.")
        )
        self.postcode.setPlaceholderText(self.tr("e.g. CF37 1AB"))
        self.postcode.setMaxLength(10)
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Channel (Alt+N)"))
        self.channel.setAccessibleDescription(self.tr("How the case would be reported."))
        for code in vocab.CHANNELS:
            self.channel.addItem(labels.channel(code), code)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setAccessibleName(self.tr("Where the case would go"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (
            (self.tr("&Service:"), self.service),
            (self.tr("&Postcode:"), self.postcode),
            (self.tr("Cha&nnel:"), self.channel),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        form.addRow(self.answer)
        self.service.currentIndexChanged.connect(self.ask)
        self.channel.currentIndexChanged.connect(self.ask)
        self.postcode.textChanged.connect(self.ask)

    def set_choices(self, services: tuple[Choice, ...], queues: tuple[Choice, ...]) -> None:
        self._queues = {q.id: q.name for q in queues}
        keep = self.service.currentData()
        self.service.blockSignals(True)
        self.service.clear()
        for service in services:
            self.service.addItem(labels.shown(service.name), service.id)
        index = self.service.findData(keep)
        self.service.setCurrentIndex(max(index, 0))
        self.service.blockSignals(False)
        self.ask()

    def ask(self) -> None:
        code = self.service.currentData()
        if not code:
            self.answer.setText(self.tr("There are no services to try."))
            return
        self._asked += 1
        asked, postcode, channel = self._asked, self.postcode.text(), self.channel.currentData()
        self._ctx.worker.read(
            lambda s: decide(s, str(code), postcode, str(channel)),
            lambda d: self._show(asked, d),
            lambda e: self._failed(asked, e),
        )

    def _show(self, asked: int, decision: Decision) -> None:
        if not isValid(self) or asked != self._asked:
            return  # an answer to what was typed before: a newer one is coming
        queue = (
            labels.shown(self._queues.get(decision.queue_id, decision.queue_id))
            if decision.queue_id
            else self.tr("no queue")
        )
        if decision.rule_name is None:
            by = self.tr("its service's default queue")
        else:
            by = self.tr("rule “%1”").replace("%1", labels.shown(decision.rule_name))
        lines = [self.tr("Goes to %1, by %2.").replace("%1", queue).replace("%2", by)]
        for name in decision.passed_over:
            text = self.tr("Passed over “%1”: its queue is closed or missing.")
            lines.append(text.replace("%1", labels.shown(name)))
        if decision.note:
            lines.append(self.tr("The routing rules cannot be used: see above."))
        self.answer.setText("\n".join(lines))

    def _failed(self, asked: int, error: Exception) -> None:
        if isValid(self) and asked == self._asked:
            self.answer.setText(plain_error(error))
