"""The omnibox: one line at the top of the window that finds anyone or any case as you type.

Ctrl+K focuses it (and it has focus when the window opens). Up/Down/Page Up/Page Down move
through the results without leaving the box, Enter opens the highlighted result, Esc clears.
"""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

MOVES = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 5,
    Qt.Key.Key_PageUp: -5,
}


class Omnibox(QLineEdit):
    move_requested = Signal(int)
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("omnibox")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(
            self.tr("Find a citizen or case: name, phone, email, postcode, reference… (Ctrl+K)")
        )
        self.setAccessibleName(self.tr("Search citizens and cases (Ctrl+K)"))
        self.setAccessibleDescription(
            self.tr(
                "Type part of a name, phone number, email, postcode, case reference or social "
                "media handle; add a postcode or date of birth (06/05/1978) to a name to narrow "
                "it. Results appear as you type, best match first; use the arrow keys to choose "
                "one and Enter to open it."
            )
        )

    def event(self, event: QEvent) -> bool:
        # Before QLineEdit's own handling, so Up/Down never move the cursor instead.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            if key in MOVES and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.move_requested.emit(MOVES[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_requested.emit()
                return True
            if key == Qt.Key.Key_Escape and self.text():
                self.clear()
                return True
        return super().event(event)

    def focus_and_select(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
