"""How a warning marker looks wherever it is shown (the citizen header, the case banner): its
kind in words beside an icon, both in the kind's colour, then the reason, who set it and
when, and the review date. Colour is never the only sign; the card's accessible name reads
all of it, and it takes keyboard focus so a screen reader reaches it with Tab."""

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui import labels, theme
from ui.dialogs.shared import named_icon

KINDS = {
    "safeguarding": QT_TRANSLATE_NOOP("Marker", "Safeguarding"),
    "officer_safety": QT_TRANSLATE_NOOP("Marker", "Officer safety"),
    "vulnerability": QT_TRANSLATE_NOOP("Marker", "Vulnerability"),
    "accessibility": QT_TRANSLATE_NOOP("Marker", "Accessibility need"),
}
# The palette colour of each kind (each meets 4.5:1 as text, see ui/theme.CONTRAST_RULES).
COLOURS = {
    "safeguarding": "red",
    "officer_safety": "red",
    "vulnerability": "amber",
    "accessibility": "accent",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Marker", text)


def kind_label(kind: str) -> str:
    source = KINDS.get(kind)
    return _tr(str(source)) if source else kind.replace("_", " ")


def day(iso_day: str) -> str:
    """A YYYY-MM-DD date in the person's language, always with a four-digit year."""
    qdate = QDate.fromString(iso_day, "yyyy-MM-dd")
    return QLocale().toString(qdate, "d MMM yyyy") if qdate.isValid() else labels.shown(iso_day)


def review_text(review_on: str, today: date) -> tuple[str, bool]:
    """What the review date says ("review by 3 Jan 2027" or "review overdue since …") and
    whether it is overdue."""
    overdue = review_on < today.isoformat()
    template = (
        QCoreApplication.translate("Marker", "review overdue since %1")
        if overdue
        else QCoreApplication.translate("Marker", "review by %1")
    )
    return template.replace("%1", day(review_on)), overdue


def describe(
    kind: str,
    reason: str,
    set_by: str,
    set_at: datetime,
    review_on: str,
    today: date,
    address: str | None = None,
) -> tuple[str, str]:
    """The card's two lines: the kind and reason, and who, when and the review."""
    first = (
        QCoreApplication.translate("Marker", "%1: %2")
        .replace("%1", kind_label(kind))
        .replace("%2", labels.shown(reason))
    )
    review, _overdue = review_text(review_on, today)
    second = (
        QCoreApplication.translate("Marker", "Set by %1 on %2, %3")
        .replace("%1", labels.shown(set_by))
        .replace("%2", day(set_at.astimezone().date().isoformat()))
        .replace("%3", review)
    )
    if address:
        second = (
            QCoreApplication.translate("Marker", "At %1.").replace("%1", labels.shown(address))
            + " "
            + second
        )
    return first, second


class MarkerCard(QFrame):
    """One warning marker; Enter (or Space) on it opens its review (still needed, or ended),
    where that is offered."""

    chosen = Signal()

    def __init__(
        self,
        kind: str,
        reason: str,
        set_by: str,
        set_at: datetime,
        review_on: str,
        today: date,
        address: str | None = None,
        parent: QWidget | None = None,
        marker_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.marker_id = marker_id
        colour = COLOURS.get(kind, "red")
        theme.set_role(self, "marker", colour)
        first, second = describe(kind, reason, set_by, set_at, review_on, today, address)
        self.kind = kind
        self.icon = QLabel()
        icon = named_icon(f"marker-{kind}", colour)
        if icon is not None:
            self.icon.setPixmap(icon.pixmap(QSize(18, 18)))
        # One line where it fits: the kind in bold in its colour, the rest in the text colour
        # (an overdue review in amber). Everything from a record is escaped before it is
        # marked up.
        _review, overdue = review_text(review_on, today)
        kind_text, reason_text = kind_label(kind), labels.shown(reason)
        tail = escape(second)
        if overdue:
            tail = f'<span style="color:{theme.colour("amber").name()}">{tail}</span>'
        self.headline = QLabel(
            f'<b style="color:{theme.colour(colour).name()}">{escape(kind_text)}:</b> '
            f"{escape(reason_text)} &nbsp;·&nbsp; {tail}"
        )
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 1, 4, 1)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.headline, 1)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(f"{first}. {second}")
        self.setAccessibleDescription(
            QCoreApplication.translate("Marker", "Warning marker. Enter reviews or ends it.")
            if marker_id
            else QCoreApplication.translate("Marker", "Warning marker")
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if self.marker_id and event.key() in keys and not event.modifiers():
            self.chosen.emit()
            return
        super().keyPressEvent(event)
