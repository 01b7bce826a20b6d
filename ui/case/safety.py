"""The officer-safety banner of a case: every live officer-safety marker whose address is the
case's location (same postcode, same first line however it is written), so whoever visits
knows before they knock, on every case at that address and not only the citizen's own.

It reads on the database thread, on its own (the case's location, the markers there and the
names of who set them: one small job), and again when a marker or this case changes. The
banner takes Tab focus as a whole, its accessible name reading every warning.
"""

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Case, StaffMember
from caseworker.services import markers
from caseworker.services.context import ChangeSet
from caseworker.timeutil import utcnow
from ui import theme
from ui.context import UiContext
from ui.dialogs.shared import alive
from ui.marker_card import MarkerCard


@dataclass(frozen=True)
class SafetyMarker:
    id: str
    reason: str
    set_by_name: str
    set_at: datetime
    review_on: str
    address: str | None


def load_safety(session: Session, case_id: str) -> tuple[SafetyMarker, ...]:
    """The live officer-safety markers at this case's location (none without one)."""
    place = session.execute(
        select(Case.location_address, Case.location_postcode).where(Case.id == case_id)
    ).first()
    if place is None:
        return ()
    found = markers.at_address(session, place.location_address, place.location_postcode)
    setters = {m.set_by for m in found}
    names = (
        dict(
            session.execute(
                select(StaffMember.id, StaffMember.name).where(StaffMember.id.in_(setters))
            ).all()
        )
        if setters
        else {}
    )
    return tuple(
        SafetyMarker(
            m.id, m.reason, names.get(m.set_by, m.set_by), m.set_at, m.review_on, m.address
        )
        for m in found
    )


class SafetyBanner(QFrame):
    def __init__(self, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.shown: tuple[SafetyMarker, ...] = ()
        self.cards: list[MarkerCard] = []
        theme.set_role(self, "marker", "red")
        self.title = QLabel(self.tr("Officer safety at this address"))
        self.title.setProperty("role", "heading")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(8, 4, 4, 4)
        self.box.setSpacing(2)
        self.box.addWidget(self.title)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleDescription(self.tr("Warnings for anyone visiting this case's address"))
        self.hide()
        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        case_id = self.case_id
        self.ctx.worker.read(lambda s: load_safety(s, case_id), self._arrived, lambda _e: None)

    def _on_changed(self, changes: ChangeSet) -> None:
        if any(w.doc_type == "marker" or w.doc_id == self.case_id for w in changes.written):
            self.reload()

    def _arrived(self, found: object) -> None:
        if not alive(self) or not isinstance(found, tuple):
            return
        self.shown = found
        for card in self.cards:
            self.box.removeWidget(card)
            card.deleteLater()
        today = utcnow().astimezone().date()
        self.cards = [
            MarkerCard(
                "officer_safety", m.reason, m.set_by_name, m.set_at, m.review_on, today, m.address
            )
            for m in found
        ]
        for card in self.cards:
            card.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the banner reads them all at once
            self.box.addWidget(card)
            card.show()
        spoken = [self.title.text(), *(card.accessibleName() for card in self.cards)]
        self.setAccessibleName(" ".join(spoken))
        self.setVisible(bool(found))
