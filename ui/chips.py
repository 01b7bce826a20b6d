"""Status and priority as chips: the word on a tinted ground, so "Urgent" does not look like
"Low". The colour only repeats what the word says (the text is always there, for people who
do not see the colour and for screen readers); every chip's text is 4.5:1 on its ground in
both themes (tests/ui/test_theme.py).

    Chip()                       a label in a form or header: ``set_status("in_progress")``
    ChipDelegate(view)           a table column whose model answers ``TONE_ROLE``
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui import labels, theme

Index = QModelIndex | QPersistentModelIndex
TONE_ROLE = Qt.ItemDataRole.UserRole + 64
"""A model's answer for a chip column: one of ``TONES`` (None: plain text)."""

TONES = ("neutral", "info", "ok", "amber", "red")
STATUS_TONES = {
    "new": "info",
    "triaged": "info",
    "assigned": "info",
    "in_progress": "info",
    "awaiting_citizen": "amber",  # waiting on someone outside the council
    "reopened": "amber",
    "resolved": "ok",
    "closed": "neutral",
}
PRIORITY_TONES = {"low": "neutral", "normal": "info", "high": "amber", "urgent": "red"}
_PAD_X, _PAD_Y, _MARGIN = 8, 2, 4
CHIP_EXTRA = 2 * (_PAD_X + _MARGIN) + 1
"""How much wider than its (bold) text a chip column must be."""


def status_tone(code: str | None) -> str:
    return STATUS_TONES.get(code or "", "neutral")


def priority_tone(code: str | None) -> str:
    return PRIORITY_TONES.get(code or "", "neutral")


class Chip(QLabel):
    """A status or priority shown as a chip; its accessible name says what it is and its value."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(self.sizePolicy().Policy.Maximum, self.sizePolicy().Policy.Fixed)
        self.setAccessibleName(caption)

    def show_chip(self, text: str, tone: str) -> None:
        self.setText(text)
        self.setAccessibleName(f"{self.caption}: {text}")
        theme.set_role(self, "tone", tone if tone in TONES else "neutral")

    def set_status(self, code: str | None) -> None:
        self.show_chip(labels.status(code), status_tone(code))

    def set_priority(self, code: str | None) -> None:
        self.show_chip(labels.priority(code), priority_tone(code))


def fitted(metrics: QFontMetrics, text: str, room: int) -> str:
    """The text whole when it fits ``room`` pixels, else elided (whole-pixel rounding of the
    advance once cut "New" to "N…" in a chip made for it)."""
    if metrics.horizontalAdvance(text) + 1 <= room:
        return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)


def paint_chip(painter: QPainter, rect: QRect, text: str, tone: str) -> None:
    """One chip at the left of ``rect``, vertically centred, the text elided if it must be."""
    metrics = QFontMetrics(painter.font())
    height = min(rect.height(), metrics.height() + 2 * _PAD_Y)
    wanted = metrics.horizontalAdvance(text) + 1  # +1: the advance is rounded down
    width = min(rect.width(), wanted + 2 * _PAD_X)
    chip = QRect(rect.left(), rect.top() + (rect.height() - height) // 2, width, height)
    tone = tone if tone in TONES else "neutral"
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.colour(f"chip_{tone}"))
    painter.drawRoundedRect(QRectF(chip), height / 2, height / 2)
    painter.setPen(theme.colour(f"chip_{tone}_text"))
    shown = fitted(metrics, text, chip.width() - 2 * _PAD_X)
    painter.drawText(chip.adjusted(_PAD_X, 0, -_PAD_X, 0), Qt.AlignmentFlag.AlignCenter, shown)
    painter.restore()


class ChipDelegate(QStyledItemDelegate):
    """Draws a cell as a chip when its model gives a ``TONE_ROLE``; the cell's text, accessible
    text and tooltip stay the model's, so nothing is said by colour alone."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        tone = index.data(TONE_ROLE)
        if not tone:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:  # the row's own background, selection and focus
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        font = opt.font
        font.setBold(True)
        painter.setFont(font)
        paint_chip(painter, opt.rect.adjusted(_MARGIN, 1, -_MARGIN, -1), text, str(tone))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if not index.data(TONE_ROLE):
            return hint
        font = option.font
        font.setBold(True)

        metrics = QFontMetrics(font)
        text = str(index.data() or "")
        width = metrics.horizontalAdvance(text) + CHIP_EXTRA
        return QSize(max(hint.width(), width), max(hint.height(), metrics.height() + 2 * _PAD_Y))
