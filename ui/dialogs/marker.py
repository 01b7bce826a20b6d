"""Set a warning marker on a citizen: its kind, why, when to review it and, for officer
safety, the address it applies to (the citizen's own unless another is given)."""

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.services import markers
from caseworker.timeutil import utcnow
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.marker_card import kind_label

REVIEW_AFTER_DAYS = 90  # a sensible first review; the person setting it can choose another


def review_date_edit(today: date, first: date) -> QDateEdit:
    """A review date: from today on (never in the past), ``first`` to begin with."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setMinimumDate(QDate(today.year, today.month, today.day))
    edit.setDate(QDate(first.year, first.month, first.day))
    return edit


def reason_field(dialog: FormDialog, text: str = "") -> QLineEdit:
    """A marker's reason, in a line (setting one, or reviewing it)."""
    reason = QLineEdit(text)
    reason.setMaxLength(500)
    dialog.add_field(
        "reason",
        QCoreApplication.translate("MarkerDialog", "&Why:"),
        reason,
        QCoreApplication.translate("MarkerDialog", "Why"),
        QCoreApplication.translate("MarkerDialog", "What colleagues need to know, in a line."),
    )
    return reason


def reason_missing(reason: QLineEdit) -> dict[str, str]:
    if reason.text().strip():
        return {}
    return {"reason": QCoreApplication.translate("MarkerDialog", "Say why the warning is needed.")}


class MarkerDialog(FormDialog):
    """Saves through ``markers.add_marker``; ``result_value`` is (marker id, ChangeSet)."""

    def __init__(self, ctx: UiContext, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Set a warning marker"), parent)
        self.citizen_id = citizen_id
        self.set_intro(
            self.tr(
                "Everyone who opens this citizen sees the warning first; an officer-safety "
                "warning also shows on every case at its address."
            )
        )
        self.kind = QComboBox()
        for kind in vocab.MARKER_URGENCY:
            self.kind.addItem(kind_label(kind), kind)
        self.add_field(
            "kind", self.tr("&Kind:"), self.kind, self.tr("Kind"), self.tr("What sort of warning.")
        )
        self.reason = reason_field(self)
        self.reason.setPlaceholderText(self.tr("for example: visit in pairs"))
        today = utcnow().astimezone().date()
        self.review = review_date_edit(today, today + timedelta(days=REVIEW_AFTER_DAYS))
        self.add_field(
            "review",
            self.tr("&Review by:"),
            self.review,
            self.tr("Review by"),
            self.tr("When someone should check the warning is still needed."),
        )
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("the citizen's address"))
        self.add_field(
            "address",
            self.tr("&Address:"),
            self.address,
            self.tr("Address"),
            self.tr("Officer safety: the address it applies to. Empty: the citizen's own."),
        )
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(10)
        self.add_field(
            "postcode",
            self.tr("&Postcode:"),
            self.postcode,
            self.tr("Postcode"),
            self.tr("The postcode of that address."),
        )
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        placed = self.kind.currentData() == vocab.OFFICER_SAFETY
        self.set_field_visible("address", placed)
        self.set_field_visible("postcode", placed)

    def check(self) -> dict[str, str]:
        return reason_missing(self.reason)

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        kind, reason = str(self.kind.currentData()), self.reason.text()
        picked = self.review.date()
        review = date(picked.year(), picked.month(), picked.day())
        placed = kind == vocab.OFFICER_SAFETY
        address = self.address.text().strip() or None if placed else None
        postcode = self.postcode.text().strip() or None if placed else None

        def save(session: Session) -> object:
            return markers.add_marker(
                session,
                actor,
                citizen_id,
                kind=kind,
                reason=reason,
                review_on=review,
                address=address,
                postcode=postcode,
            )

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "why" in lowered:
            return "reason"
        if "review" in lowered:
            return "review"
        if "postcode" in lowered:
            return "postcode"
        if "address" in lowered:
            return "address"
        return None
