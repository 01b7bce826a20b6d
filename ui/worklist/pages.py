"""The two rail pages built on the case list: My work, and Queues (choose a queue)."""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from caseworker.services.context import ChangeSet
from ui.context import UiContext
from ui.worklist.query import QueueChoice, WorkFilter, queues_for
from ui.worklist.view import WorkListView


def my_work_page(ctx: UiContext, parent: QWidget | None = None) -> WorkListView:
    """The signed-in officer's open cases (a supervisor's also those escalated to them)."""
    view = WorkListView(
        ctx,
        QCoreApplication.translate("WorkPages", "My work"),
        QCoreApplication.translate(
            "WorkPages",
            "You have no open cases. Cases assigned to you appear here as soon as they are; "
            "find more in Queues (Ctrl+2).",
        ),
        parent,
    )
    view.setObjectName("my-work")
    me = ctx.actor.staff_id
    told = me if ctx.actor.is_supervisor else None
    view.show_cases(WorkFilter(assignee_id=me, escalated_to=told))
    return view


class QueuesPage(QWidget):
    """Choose a queue, then work its open cases like My work."""

    open_case_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queues")
        self._ctx = ctx
        self.queue_box = QComboBox()
        self.queue_box.setAccessibleName(self.tr("Queue (Alt+Q)"))
        self.queue_box.setAccessibleDescription(self.tr("The queue whose open cases are listed."))
        self.queue_box.setMinimumContentsLength(24)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Queue:"))
        label.setBuddy(self.queue_box)
        row.addWidget(label)
        row.addWidget(self.queue_box)
        self.list = WorkListView(
            ctx, self.tr("Queues"), self.tr("No open cases in this queue."), self, holder
        )
        self.list.open_case_requested.connect(self.open_case_requested)
        self.setFocusProxy(self.queue_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.setTabOrder(self.queue_box, self.list.filter_box)
        self.queue_box.currentIndexChanged.connect(self._on_queue)
        ctx.bus.changed.connect(self._on_changed)
        self._read_queues()

    def _read_queues(self) -> None:
        staff_id = self._ctx.actor.staff_id
        self._ctx.worker.read(lambda s: queues_for(s, staff_id), self._show_queues)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.ids_of("queue") or self._ctx.actor.staff_id in changes.ids_of("staff"):
            self._read_queues()

    def _show_queues(self, queues: list[QueueChoice]) -> None:
        if not isValid(self):
            return
        keep = self.queue_box.currentData()
        self.queue_box.blockSignals(True)
        self.queue_box.clear()
        for queue in queues:
            name = self.tr("%1 (yours)").replace("%1", queue.name) if queue.mine else queue.name
            self.queue_box.addItem(name, queue.id)
        kept = self.queue_box.findData(keep) if keep else -1
        self.queue_box.setCurrentIndex(max(kept, 0))
        self.queue_box.blockSignals(False)
        if queues and kept < 0:
            self._on_queue()

    def select_queue(self, queue_id: str) -> None:
        index = self.queue_box.findData(queue_id)
        if index >= 0:
            self.queue_box.setCurrentIndex(index)

    def _on_queue(self) -> None:
        queue_id = self.queue_box.currentData()
        if queue_id:
            self.list.show_cases(WorkFilter(queue_id=str(queue_id)))
