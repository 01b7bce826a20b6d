"""Qt item models of the single citizen view: identifiers, consents, cases and the timeline."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from caseworker.timeutil import utcnow
from ui import icons, labels, theme
from ui.case.table import SnapshotTableModel
from ui.chips import TONE_ROLE, status_tone
from ui.citizen.snapshot import CaseSummary, ConsentRow, IdentifierRow, TimelineEntry
from ui.dialogs.shared import channel_icon, local_date, local_time, named_icon

Index = QModelIndex | QPersistentModelIndex
CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ROLE = Qt.ItemDataRole.UserRole + 2
SLA_ROLE = Qt.ItemDataRole.UserRole + 3
NOTE_CHANNEL = "note"  # the timeline filter's key for internal notes
NO_CASE = ""  # the timeline filter's key for entries not about any case
_SLA_COLOURS = {"due_soon": "amber", "overdue": "red", "breached": "red", "ok": "ok", "met": "ok"}


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
            if row.channel:
                channel = labels.channel(row.channel)
                return self.tr("%1 (by %2)").replace("%1", row.purpose).replace("%2", channel)
            return row.purpose
        if column == "basis":
            return labels.lawful_basis(row.lawful_basis)
        if column == "period":
            start = local_date(row.valid_from)
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
        text, state = self._sla(row)
        # "3 d overdue" says it already; "Overdue: 3 d overdue" only took a key column's width.
        return text if state in ("met", "breached", "overdue") else f"{labels.sla(state)}: {text}"

    def spoken(self, row: CaseSummary, column: str) -> str:
        if column == "reference" and row.conflicted:
            return self.tr("%1, has conflicting changes").replace("%1", row.reference)
        return self.text(row, column)

    def decoration(self, row: CaseSummary, column: str) -> Any:
        if column == "reference" and row.conflicted:
            return icons.icon("conflict", "red")
        return None

    def tooltip(self, row: CaseSummary, column: str) -> str | None:
        if column == "sla":
            return self.tr("Due %1").replace("%1", local_time(row.due_at))
        if column == "reference" and row.conflicted:
            return self.tr("This case has conflicting changes; open it to resolve them.")
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


class TimelineModel(SnapshotTableModel):
    """Every contact and note, newest first (the snapshot's order)."""

    COLUMNS = ("when", "channel", "direction", "summary", "by", "case")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Channel"),
            self.tr("Direction"),
            self.tr("What was said"),
            self.tr("Recorded by"),
            self.tr("Case"),
        )

    def text(self, row: TimelineEntry, column: str) -> str:
        if column == "when":
            return local_time(row.at)
        if column == "channel":
            return labels.channel(row.channel) if row.channel else self.tr("Internal note")
        if column == "direction":
            return labels.direction(row.direction) if row.direction else ""
        if column == "summary":
            return " ".join(row.summary.split())
        if column == "by":
            return row.by_name
        return row.case_reference or ""

    def spoken(self, row: TimelineEntry, column: str) -> str:
        if column == "case" and not row.case_reference:
            return self.tr("Not about a case")
        return self.text(row, column)

    def decoration(self, row: TimelineEntry, column: str) -> Any:
        if column == "channel":
            return channel_icon(row.channel) if row.channel else named_icon("case")
        return None

    def tooltip(self, row: TimelineEntry, column: str) -> str | None:
        return row.summary if column == "summary" else None

    def extra(self, row: TimelineEntry, column: str, role: int) -> Any:
        if role == CHANNEL_ROLE:
            return row.channel or NOTE_CHANNEL
        if role == CASE_ROLE:
            return row.case_id or NO_CASE
        return None


class TimelineFilter(QSortFilterProxyModel):
    """Shows the timeline entries of one channel (or notes) and/or one case; None means all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channel: str | None = None
        self._case: str | None = None

    @property
    def channel(self) -> str | None:
        return self._channel

    @property
    def case(self) -> str | None:
        return self._case

    def set_channel(self, channel: str | None) -> None:
        if channel != self._channel:
            self._refilter(lambda: setattr(self, "_channel", channel))

    def set_case(self, case_id: str | None) -> None:
        if case_id != self._case:
            self._refilter(lambda: setattr(self, "_case", case_id))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        if source is None:
            return False
        index = source.index(source_row, 0, source_parent)
        if self._channel is not None and index.data(CHANNEL_ROLE) != self._channel:
            return False
        return self._case is None or index.data(CASE_ROLE) == self._case
