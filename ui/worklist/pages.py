"""The two rail pages built on the case list: My work, and Queues (choose a queue)."""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from caseworker.services.context import ChangeSet
from ui.context import UiContext
from ui.worklist.assign_bar import AssignBar
from ui.worklist.model import COLUMNS
from ui.worklist.query import QueueChoice, WorkFilter, queues_for
from ui.worklist.view import WorkListView

SUMMARY_MIN = 160  # the summary column's least useful width (it is elided, never cut)


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
        # The officers panel goes beside the list when the list's key columns still fit, and
        # under it otherwise (a 1280-pixel window, Welsh headings): see ``_place_officers``.
        self._beside = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._beside.addWidget(self.list, 1)
        layout.addLayout(self._beside, 1)
        self.setTabOrder(self.queue_box, self.list.filter_box)
        # Supervisors select many cases and assign them; others never see these controls.
        self.assign_bar: AssignBar | None = None
        if ctx.actor.is_supervisor:
            self.assign_bar = AssignBar(ctx, self.list, self.queue_box, self)
            self._beside.addWidget(self.assign_bar.officers)
            layout.addWidget(self.assign_bar)
            self.setTabOrder(self.list.table, self.assign_bar.officers)
            self.setTabOrder(self.assign_bar.officers, self.assign_bar.assign_button)
        self.queue_box.currentIndexChanged.connect(self._on_queue)
        ctx.bus.changed.connect(self._on_changed)
        self._read_queues()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_officers()

    def _place_officers(self) -> None:
        if self.assign_bar is None:
            return
        panel = self.assign_bar.officers
        table = self.list.table
        needed = SUMMARY_MIN + sum(
            table.columnWidth(c) for c, key in enumerate(COLUMNS) if key != "summary"
        )
        beside = self.width() - panel.side_width() - 40 >= needed  # margins and scroll bar
        panel.set_beside(beside)
        self._beside.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )

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
            if self.assign_bar is not None:
                self.assign_bar.refresh_officers()

    def select_queue(self, queue_id: str) -> None:
        index = self.queue_box.findData(queue_id)
        if index >= 0:
            self.queue_box.setCurrentIndex(index)

    def _on_queue(self) -> None:
        queue_id = self.queue_box.currentData()
        if queue_id:
            self.list.show_cases(WorkFilter(queue_id=str(queue_id)))
