"""The undo bar: the last change made in this case view, undoable for 30 seconds (Ctrl+Z).

Undoing is a new change (``caseworker.services.undo``), refused in plain words when someone
changed the case since. The bar says what was changed, and goes when the time is up, when the
change is undone, or when another change replaces it.
"""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from caseworker.services.undo import UNDO_SECONDS, LastChange
from ui import labels


class UndoBar(QFrame):
    undo_requested = Signal(object)  # the LastChange to undo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.change: LastChange | None = None
        self.setAccessibleName(self.tr("Undo the last change"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("&Undo (Ctrl+Z)"))
        self.button.setAccessibleName(self.tr("Undo (Ctrl+Z)"))
        self.button.setAccessibleDescription(
            self.tr("Puts back what the last change changed, as a new change.")
        )
        self.button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.button.clicked.connect(self.request)
        box = QHBoxLayout(self)
        box.addWidget(self.message, 1)
        box.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_SECONDS * 1000)
        self.timer.timeout.connect(self.withdraw)
        self.hide()

    def offer(self, change: LastChange) -> None:
        """Offer to undo ``change`` for the next 30 seconds (an undoable one only)."""
        if not change.undoable:
            self.withdraw()
            return
        self.change = change
        text = self.describe(change)
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.button.setEnabled(True)
        self.show()
        self.timer.start()

    def withdraw(self) -> None:
        self.timer.stop()
        self.change = None
        self.hide()

    def request(self) -> None:
        if self.change is not None and self.isVisible() and self.button.isEnabled():
            self.button.setEnabled(False)  # one undo at a time; the answer withdraws or says why
            self.undo_requested.emit(self.change)

    def failed(self) -> None:
        self.withdraw()

    def describe(self, change: LastChange) -> str:
        new = change.new or ""
        if change.field == "status" and new == "closed":
            return self.tr("Case closed.")
        if change.field == "status" and new == "resolved":
            return self.tr("Case resolved.")
        if change.field == "status":
            return self.tr("Status changed to %1.").replace("%1", labels.status(new))
        if change.field == "priority":
            return self.tr("Priority changed to %1.").replace("%1", labels.priority(new))
        if change.field == "queue_id":
            return self.tr("Case moved to another queue.")
        return self.tr("Assignment changed.")
