"""Qt item models of the single citizen view: identifiers, consents, cases and the timeline."""

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from caseworker.timeutil import utcnow
from ui import icons, labels, theme
from ui.case.table import SnapshotTableModel
from ui.chips import TONE_ROLE, status_tone
from ui.citizen.snapshot import CaseSummary, ConsentRow, IdentifierRow
from ui.dialogs.consent import channel_label
from ui.dialogs.shared import local_date, local_time

Index = QModelIndex | QPersistentModelIndex
CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ROLE = Qt.ItemDataRole.UserRole + 2
SLA_ROLE = Qt.ItemDataRole.UserRole + 3
NOTE_CHANNEL = "note"  # the timeline filter's key for internal notes
NO_CASE = ""  # the timeline filter's key for entries not about any case
_SLA_COLOURS = {"due_soon": "amber", "overdue": "red", "breached": "red", "ok": "ok", "met": "ok"}
# Beside the words, so the state does not rest on colour: a clock when due soon, a warning
# when late (on time and met need no mark).
_SLA_ICONS = {
    "due_soon": ("pending", "amber"),
    "overdue": ("conflict", "red"),
    "breached": ("conflict", "red"),
}


class IdentifiersModel(SnapshotTableModel):
    COLUMNS = ("kind", "value", "verified", "added")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Kind"), self.tr("Value"), self.tr("How it was verified"), self.tr("Added"))

    def text(self, row: IdentifierRow, column: str) -> str:
        if column == "kind":
            kind = labels.identifier_kind(row.kind)
            label = labels.identifier_label(row.label)
            return f"{kind} ({label})" if label else kind
        if column == "value":
            return f"{row.value}, {row.postcode}" if row.postcode else row.value
        if column == "verified":
            how = labels.verification(row.verified_by)
            if row.verified_at is None:
                return how
            return self.tr("%1, %2").replace("%1", how).replace("%2", local_date(row.verified_at))
        return local_date(row.added_at)


class ConsentsModel(SnapshotTableModel):
    COLUMNS = ("purpose", "basis", "period", "source")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Purpose"), self.tr("Lawful basis"), self.tr("Period"), self.tr("Source"))

    def text(self, row: ConsentRow, column: str) -> str:
        if column == "purpose":
            if row.partner:
                return (
                    self.tr("%1 (shared with %2)")
                    .replace("%1", row.purpose)
                    .replace("%2", row.partner)
                )
            if row.channel:
                channel = channel_label(row.channel)
                return self.tr("%1 (by %2)").replace("%1", row.purpose).replace("%2", channel)
            return row.purpose
        if column == "basis":
            return labels.lawful_basis(row.lawful_basis)
        if column == "period":
            start = local_date(row.valid_from)
            if row.withdrawn_at is not None:
                return (
                    self.tr("%1 to %2, withdrawn")
                    .replace("%1", start)
                    .replace("%2", local_date(row.withdrawn_at))
                )
            if row.valid_to is None:
                return self.tr("from %1, until withdrawn").replace("%1", start)
            return self.tr("%1 to %2").replace("%1", start).replace("%2", local_date(row.valid_to))
        return row.source


class CitizenCasesModel(SnapshotTableModel):
    """A citizen's cases with their service-level state, re-read against the clock by ``tick``."""

    COLUMNS = ("reference", "summary", "service", "status", "priority", "sla")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now: datetime = utcnow()

    def tick(self, now: datetime | None = None) -> None:
        self._now = now or utcnow()
        if self.rowCount():
            column = self.COLUMNS.index("sla")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Reference"),
            self.tr("Summary"),
            self.tr("Service"),
            self.tr("Status"),
            self.tr("Priority"),
            self.tr("Service level"),
        )

    def _sla(self, row: CaseSummary) -> tuple[str, str]:
        return labels.countdown(
            row.due_at, self._now, row.status, opened_at=row.opened_at, finished_at=row.finished_at
        )

    def text(self, row: CaseSummary, column: str) -> str:
        if column == "reference":
            return row.reference
        if column == "summary":
            return row.summary
        if column == "service":
            return row.service_name
        if column == "status":
            return labels.status(row.status)
        if column == "priority":
            return labels.priority(row.priority)
        # "due in 3 days", "2 days overdue": the state ("Due soon") is the icon, the colour,
        # the tooltip and what a screen reader says, not more width in a key column (in Welsh
        # "Dyledus cyn bo hir: ymhen 3 diwrnod" took 244 px of a 480 px table).
        return self._sla(row)[0]

    def spoken(self, row: CaseSummary, column: str) -> str:
        if column == "reference" and row.conflicted:
            return self.tr("%1, has conflicting changes").replace("%1", row.reference)
        if column == "sla":
            return self._sla_said(row)
        return self.text(row, column)

    def _sla_said(self, row: CaseSummary) -> str:
        text, state = self._sla(row)
        return text if state in ("met", "breached") else f"{labels.sla(state)}: {text}"

    def decoration(self, row: CaseSummary, column: str) -> Any:
        if column == "reference" and row.conflicted:
            return icons.icon("conflict", "red")
        if column == "sla" and (mark := _SLA_ICONS.get(self._sla(row)[1])) is not None:
            return icons.icon(*mark)
        return None

    def tooltip(self, row: CaseSummary, column: str) -> str | None:
        if column == "sla":
            return (
                self.tr("%1. Due %2")
                .replace("%1", self._sla_said(row))
                .replace("%2", local_time(row.due_at))
            )
        if column == "reference":
            # The summary and service, for when the window is too narrow to show their columns.
            about = f"{row.summary}\n{row.service_name}"
            if row.conflicted:
                conflict = self.tr("This case has conflicting changes; open it to resolve them.")
                return f"{about}\n{conflict}"
            return about
        if column == "summary":
            return row.summary
        return None

    def extra(self, row: CaseSummary, column: str, role: int) -> Any:
        if role == TONE_ROLE and column == "status":
            return status_tone(row.status)
        if role == SLA_ROLE:
            return self._sla(row)[1]
        if column == "sla" and role == Qt.ItemDataRole.ForegroundRole:
            return theme.colour(_SLA_COLOURS[self._sla(row)[1]])
        return None
