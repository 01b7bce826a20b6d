"""A queue's members: choose a queue, see who works it, add or take off a member of staff.
Saved as a change to that person's staff record (supervisors only; never one's own)."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.routing import members
from caseworker.services.context import ChangeSet
from ui import labels, theme
from ui.context import UiContext
from ui.dialogs.shared import plain_error
from ui.routing.data import Choice, Members, load_members


class MembersPanel(QGroupBox):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Queue members"), parent)
        self.setAccessibleName(self.tr("Queue members"))
        self._ctx = ctx
        self.queue = QComboBox()
        self.queue.setAccessibleName(self.tr("Queue (Alt+Q)"))
        self.queue.setAccessibleDescription(self.tr("The queue whose members are listed."))
        self.queue.setMinimumContentsLength(16)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Members"))
        self.list.setAccessibleDescription(
            self.tr("Who works this queue. Delete takes the chosen one off it.")
        )
        self.remove = QPushButton(self.tr("Ta&ke off queue"))
        self.remove.setAccessibleName(self.tr("Take off queue (Alt+K)"))
        self.remove.setAccessibleDescription(self.tr("Takes the chosen member off this queue."))
        self.candidate = QComboBox()
        self.candidate.setAccessibleName(self.tr("Member of staff to add"))
        self.candidate.setAccessibleDescription(self.tr("Someone who does not work this queue."))
        self.candidate.setMinimumContentsLength(12)
        self.add = QPushButton(self.tr("A&dd"))
        self.add.setAccessibleName(self.tr("Add to queue (Alt+D)"))
        self.add.setAccessibleDescription(self.tr("Adds the chosen member of staff to the queue."))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("What went wrong"))
        theme.set_role(self.error, "role", "error")
        self.error.hide()
        top = QHBoxLayout()
        caption = QLabel(self.tr("&Queue:"))
        caption.setBuddy(self.queue)
        top.addWidget(caption)
        top.addWidget(self.queue, 1)
        adding = QHBoxLayout()
        adding.addWidget(self.candidate, 1)
        adding.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        self.queue.currentIndexChanged.connect(self.reload)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.list.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self._remove()
            return True
        return super().eventFilter(watched, event)

    def set_queues(self, queues: tuple[Choice, ...]) -> None:
        keep = self.queue.currentData()
        self.queue.blockSignals(True)
        self.queue.clear()
        for queue in queues:
            if queue.active:
                self.queue.addItem(labels.shown(queue.name), queue.id)
        self.queue.setCurrentIndex(max(self.queue.findData(keep), 0))
        self.queue.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        queue_id = self.queue.currentData()
        if queue_id:
            self._ctx.worker.read(lambda s: load_members(s, str(queue_id)), self._show)

    def _show(self, found: Members) -> None:
        if not isValid(self) or found.queue_id != self.queue.currentData():
            return
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.list.clear()
        for member in found.members:
            item = QListWidgetItem(f"{labels.shown(member.name)} · {labels.role(member.role)}")
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.list.addItem(item)
            if member.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.candidate.clear()
        for member in found.others:
            self.candidate.addItem(
                f"{labels.shown(member.name)} · {labels.role(member.role)}", member.id
            )
        self.remove.setEnabled(self.list.count() > 0)
        self.add.setEnabled(self.candidate.count() > 0)

    def _add(self) -> None:
        staff_id = self.candidate.currentData()
        if staff_id:
            self._change(str(staff_id), adding=True)

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._change(str(item.data(Qt.ItemDataRole.UserRole)), adding=False)

    def _change(self, staff_id: str, adding: bool) -> None:
        queue_id, actor = str(self.queue.currentData()), self._ctx.actor
        change = members.add_member if adding else members.remove_member
        self.error.hide()

        def save(session: Session) -> ChangeSet:
            return change(session, actor, queue_id, staff_id)

        # The change is published on the bus: the page reloads the members from it.
        self._ctx.worker.write(save, None, self._failed)

    def _failed(self, error: Exception) -> None:
        if isValid(self):
            self.error.setText(plain_error(error))
            self.error.show()
