"""Read-only values beside their captions: the value in the text colour, the caption muted (the
eye goes to what the record says, not to the word "Service"), and a screen reader hears both:
"Service: Missed bin collection", not only "Service".
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from caseworker.display import one_line

SPOKEN_LIMIT = 300  # a long description is read from the label itself, not repeated in its name


class ValueLabel(QLabel):
    """A selectable, plain-text value whose accessible name carries its content."""

    def __init__(
        self, caption: str, description: str = "", wrap: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setProperty("role", "value")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(wrap)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleDescription(description)
        self.setAccessibleName(caption)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(spoken(self.caption, text))


def spoken(caption: str, value: str) -> str:
    """What a screen reader says for a value: "Service: Missed bin collection"."""
    said = one_line(value, SPOKEN_LIMIT)
    return f"{caption}: {said}" if said else caption


def quiet_captions(form: QFormLayout) -> None:
    """Mark every caption of a form as a caption (muted), so its values stand out."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            widget.setProperty("role", "field")
