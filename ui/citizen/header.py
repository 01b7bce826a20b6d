"""The citizen header: what an agent needs in the first three seconds of a call.

Name, age, preferred language (a Welsh preference shown plainly, with the offer of a Welsh
speaker, as the Welsh Language Standards expect) and how they usually get in touch, their
verified identifiers, the last contact, the open cases with status, priority and time left,
and the warning markers. Plain labels, no tables; each part's accessible name carries its
content, and the parts a screen reader must not miss (the language offer, each marker) take
Tab focus. Everything comes from the view's one snapshot: the header reads nothing itself.
"""

from datetime import date, datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from caseworker.timeutil import utcnow
from ui import labels, theme
from ui.case.widgets import heading
from ui.citizen.snapshot import CaseSummary, CitizenSnapshot, IdentifierRow
from ui.dialogs.shared import local_time
from ui.marker_card import MarkerCard

CASES_SHOWN = 3  # the rest are one line away, in the Cases tab
IDENTIFIERS_SHOWN = 3
# How a caller is most often recognised first: by the number they ring from.
_KIND_ORDER = {kind: n for n, kind in enumerate(("phone", "email", "address", "app_account"))}


def age_on(date_of_birth: str | None, today: date) -> int | None:
    """Whole years from a YYYY-MM-DD birth date (None when unknown or not a date)."""
    try:
        born = date.fromisoformat(date_of_birth) if date_of_birth else None
    except ValueError:
        return None
    if born is None or born > today:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit (the full text is its tooltip and its
    accessible name), so a long service name or address never pushes the rest away."""

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height()
        )

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance(self.text()) + 4, super().sizeHint().height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)


def _value(text: str, name: str, focusable: bool = False) -> QLabel:
    """A label whose accessible name is its content (set again by ``_say``)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setProperty("part", name)
    if not focusable:
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return label


def _say(label: QLabel, text: str, spoken: str | None = None) -> None:
    label.setText(text)
    label.setAccessibleName(spoken or text)
    label.setVisible(bool(text))


class CitizenHeader(QFrame):
    marker_chosen = Signal(str, str)  # Enter on a marker: its id, and what it says

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("About the citizen"))
        self._now: datetime = utcnow()
        self._snapshot: CitizenSnapshot | None = None
        self.offers_review = False  # whether Enter on a marker reviews it (a held record)
        self.name = heading(self.tr("Loading the citizen…"), "title")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = _value("", "facts")
        # The language offer takes focus: it changes how the whole call goes.
        self.language = _value("", "language", focusable=True)
        self.language.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.language.setAccessibleDescription(self.tr("Preferred language"))
        self.language.setAccessibleName(self.tr("Preferred language"))  # until it is read
        self.language.setWordWrap(False)  # a badge reads as one line beside the name
        self.last_contact = _value("", "last_contact")
        self.identifiers = QLabel()  # wraps: a verified phone or address is never cut short
        self.identifiers.setWordWrap(True)
        self.identifiers.setProperty("part", "identifiers")
        self.identifiers.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cases_heading = QLabel()
        self.cases_heading.setProperty("role", "muted")
        self.cases_heading.setWordWrap(True)
        self.cases = QGridLayout()
        self.cases.setHorizontalSpacing(12)
        self.cases.setVerticalSpacing(0)
        self.cases.setColumnStretch(2, 1)
        self.case_labels: list[list[QLabel]] = []
        self.markers: list[MarkerCard] = []
        self.markers_box = QVBoxLayout()
        self.markers_box.setSpacing(2)

        name_line = QHBoxLayout()
        name_line.setSpacing(8)
        name_line.addWidget(self.name)
        name_line.addWidget(self.language, 0, Qt.AlignmentFlag.AlignVCenter)
        name_line.addStretch(1)
        who = QVBoxLayout()
        who.setSpacing(2)
        who.addLayout(name_line)
        for widget in (self.facts, self.last_contact, self.identifiers):
            who.addWidget(widget)
        who.addStretch(1)
        work = QVBoxLayout()
        work.setSpacing(2)
        work.addWidget(self.cases_heading)
        work.addLayout(self.cases)
        work.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(who, 1)
        top.addLayout(work, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(self.markers_box)

    # -- showing ------------------------------------------------------------------------------
    def show_snapshot(self, snap: CitizenSnapshot, now: datetime | None = None) -> None:
        self._snapshot = snap
        self._now = now or utcnow()
        today = self._now.astimezone().date()
        self.name.setText(labels.shown(snap.display_name))
        self.name.setAccessibleName(labels.shown(snap.display_name))
        self._show_facts(snap, today)
        self._show_language(snap.language)
        self._show_last_contact(snap)
        self._show_identifiers(snap.identifiers)
        self._show_cases(snap.open_cases)
        self._show_markers(snap, today)

    def tick(self, now: datetime | None = None) -> None:
        if self._snapshot is not None:
            self._now = now or utcnow()
            self._show_cases(self._snapshot.open_cases)

    def focusables(self) -> list[QWidget]:
        """The header's Tab stops, in reading order."""
        shown: list[QWidget] = [self.language] if self.language.isVisibleTo(self) else []
        return shown + list(self.markers)

    def _show_facts(self, snap: CitizenSnapshot, today: date) -> None:
        facts = []
        if snap.full_name != snap.display_name:
            facts.append(labels.shown(snap.full_name))
        age = age_on(snap.date_of_birth, today)
        if age is not None:
            facts.append(self.tr("age %1").replace("%1", str(age)))
        if snap.date_of_birth:
            facts.append(self.tr("born %1").replace("%1", labels.shown(snap.date_of_birth)))
        if snap.usual_channel:
            facts.append(
                self.tr("usually gets in touch by %1").replace(
                    "%1", labels.channel(snap.usual_channel).lower()
                )
            )
        if snap.merged_into:
            facts.append(self.tr("merged into %1").replace("%1", labels.shown(snap.merged_into)))
        _say(self.facts, " · ".join(facts))

    def _show_language(self, language: str) -> None:
        if language == "cy":
            # Plain and prominent, never small grey text: the Welsh Language Standards expect
            # the offer to be made before the call goes on in English.
            text = self.tr("Prefers Welsh: offer a Welsh speaker")
            theme.set_role(self.language, "role", "badge")
        else:
            text = self.tr("Prefers %1").replace("%1", labels.language(language))
            theme.set_role(self.language, "role", None)
        _say(self.language, text)
        self.language.setFocusPolicy(
            Qt.FocusPolicy.TabFocus if language == "cy" else Qt.FocusPolicy.NoFocus
        )

    def _show_last_contact(self, snap: CitizenSnapshot) -> None:
        last = snap.last_contact
        if last is None:
            _say(self.last_contact, self.tr("No contact recorded yet"))
            return
        text = (
            self.tr("Last contact: %1, %2, %3")
            .replace("%1", local_time(last.at))
            .replace("%2", labels.channel(last.channel))
            .replace("%3", labels.direction(last.direction).lower())
        )
        _say(self.last_contact, text)

    def _show_identifiers(self, identifiers: tuple[IdentifierRow, ...]) -> None:
        verified = sorted(
            (i for i in identifiers if i.verified_by != "unverified"),
            key=lambda i: _KIND_ORDER.get(i.kind, len(_KIND_ORDER)),
        )
        parts = [
            self.tr("%1 %2 (%3)")
            .replace("%1", labels.identifier_kind(i.kind))
            .replace("%2", labels.shown(f"{i.value}, {i.postcode}" if i.postcode else i.value))
            .replace("%3", labels.verification(i.verified_by))
            for i in verified[:IDENTIFIERS_SHOWN]
        ]
        if len(verified) > IDENTIFIERS_SHOWN:
            parts.append(
                self.tr("and %n more in Identifiers", "", len(verified) - IDENTIFIERS_SHOWN)
            )
        if parts:
            text = self.tr("Verified: %1").replace("%1", " · ".join(parts))
        else:
            text = self.tr("Nothing verified yet: check who you are speaking to")
        self.identifiers.setText(text)
        self.identifiers.setAccessibleName(text)

    def _show_cases(self, open_cases: tuple[CaseSummary, ...]) -> None:
        # Soonest due first: what the caller is most likely ringing about.
        shown = sorted(open_cases, key=lambda c: c.due_at)[:CASES_SHOWN]
        more = len(open_cases) - len(shown)
        heading_text = self.tr("Open cases: %n", "", len(open_cases))
        if more > 0:
            heading_text = self.tr(
                "%1 (the %n next due; the rest in Open cases)", "", len(shown)
            ).replace("%1", heading_text)
        self.cases_heading.setText(heading_text)
        self.cases_heading.setAccessibleName(heading_text)
        while len(self.case_labels) < len(shown):
            # Two lines a case: the reference, state and time left, then the service in full
            # under them (beside them, a Welsh service name had 75 px at 1280x720).
            row = len(self.case_labels) * 2
            cells: list[QLabel] = [_value("", "case_reference"), ElidedLabel()]
            cells += [_value("", "case_state"), _value("", "case_due")]
            for cell in cells:
                cell.setWordWrap(False)
                cell.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            cells[1].setProperty("role", "muted")
            self.cases.addWidget(cells[0], row, 0)
            self.cases.addWidget(cells[2], row, 1)
            self.cases.addWidget(cells[3], row, 2)
            self.cases.addWidget(cells[1], row + 1, 0, 1, 3)
            self.case_labels.append(cells)
        for n, cells in enumerate(self.case_labels):
            if n >= len(shown):
                for cell in cells:
                    cell.hide()
                continue
            case = shown[n]
            left, state = labels.countdown(
                case.due_at, self._now, case.status, opened_at=case.opened_at
            )
            texts = (
                case.reference,
                labels.shown(case.service_name),
                self.tr("%1, %2")
                .replace("%1", labels.status(case.status))
                .replace("%2", labels.priority(case.priority)),
                left,
            )
            spoken = (
                self.tr("%1, %2: %3 priority, %4, %5")
                .replace("%1", case.reference)
                .replace("%2", texts[1])
                .replace("%3", labels.priority(case.priority))
                .replace("%4", labels.status(case.status))
                .replace("%5", left)
            )
            for cell, text in zip(cells, texts, strict=True):
                cell.setText(text)
                cell.setAccessibleName(spoken)
                cell.show()
            theme.set_role(cells[3], "sla", state)

    def _show_markers(self, snap: CitizenSnapshot, today: date) -> None:
        for card in self.markers:
            self.markers_box.removeWidget(card)
            card.deleteLater()
        self.markers = [
            MarkerCard(
                m.kind,
                m.reason,
                m.set_by_name,
                m.set_at,
                m.review_on,
                today,
                m.address,
                self,
                marker_id=m.id if self.offers_review else None,
            )
            for m in snap.markers
        ]
        for card in self.markers:
            card.chosen.connect(
                lambda c=card: self.marker_chosen.emit(c.marker_id, c.accessibleName())
            )
            self.markers_box.addWidget(card)
            card.show()
