"""Review a warning marker: still needed (its reason reworded if need be, its next review
date), or ended. Opened by Enter on the marker in the citizen's header."""

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from sqlalchemy.orm import Session

from caseworker.services import markers
from caseworker.timeutil import utcnow
from ui import labels
from ui.citizen.snapshot import MarkerRow
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.dialogs.marker import REVIEW_AFTER_DAYS, reason_field, reason_missing, review_date_edit
from ui.marker_card import day, kind_label


class MarkerReviewDialog(FormDialog):
    """Saves through ``markers.review_marker``; "End warning" asks the view to end it."""

    end_requested = Signal()

    def __init__(self, ctx: UiContext, marker: MarkerRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Review a warning"), parent)
        self.marker_id = marker.id
        self.set_intro(
            self.tr("%1, set by %2 on %3. Still needed? Set when to review it next, or end it.")
            .replace("%1", kind_label(marker.kind))
            .replace("%2", labels.shown(marker.set_by_name))
            .replace("%3", day(marker.set_at.astimezone().date().isoformat()))
        )
        self.reason = reason_field(self, marker.reason)
        today = utcnow().astimezone().date()
        self.review = review_date_edit(today, today + timedelta(days=REVIEW_AFTER_DAYS))
        self.add_field(
            "review",
            self.tr("Next &review by:"),
            self.review,
            self.tr("Next review by"),
            self.tr("When someone should check again that the warning is still needed."),
        )
        self.end_button = QPushButton(self.tr("&End warning…"))
        self.end_button.setAccessibleName(self.tr("End warning"))
        self.end_button.setAccessibleDescription(
            self.tr("No longer needed: asks before ending it. It stays on the record as ended.")
        )
        self.buttons.addButton(self.end_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.end_button.clicked.connect(self._end)
        self.reason.setFocus()

    def _end(self) -> None:
        self.reject()
        self.end_requested.emit()

    def check(self) -> dict[str, str]:
        return reason_missing(self.reason)

    def job(self) -> Job:
        actor, marker_id, reason = self.ctx.actor, self.marker_id, self.reason.text()
        picked = self.review.date()
        review = date(picked.year(), picked.month(), picked.day())

        def save(session: Session) -> object:
            return markers.review_marker(session, actor, marker_id, reason=reason, review_on=review)

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "why" in lowered:
            return "reason"
        if "review" in lowered:
            return "review"
        return None
