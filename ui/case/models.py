"""Qt item models of the case view: its history, its notes and its linked contacts."""

from typing import Any

from caseworker.escalation import CENTRAL_ACTOR
from ui import labels
from ui.case.mention_reply import mention_reply_summary
from ui.case.reply import reply_summary
from ui.case.snapshot import ContactEntry, HistoryEntry, NoteEntry
from ui.case.table import SnapshotTableModel
from ui.dialogs.shared import channel_icon, local_time


class HistoryModel(SnapshotTableModel):
    """Who changed what, when: newest first, with staff names and translated values."""

    COLUMNS = ("when", "who", "what")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Who"), self.tr("What changed"))

    def text(self, row: HistoryEntry, column: str) -> str:
        if column == "when":
            return local_time(row.at)
        if column == "who":
            # What the central service records names no member of staff.
            return labels.central_service() if row.by_name == CENTRAL_ACTOR else row.by_name
        text = self.describe(row)
        if row.comment:
            text = self.tr("%1 — “%2”").replace("%1", text).replace("%2", row.comment)
        return text

    def tooltip(self, row: HistoryEntry, column: str) -> str | None:
        return self.text(row, "what") if column == "what" else None

    def _value(self, row: HistoryEntry, raw: str | None) -> str:
        if raw is None:
            return self.tr("nobody") if row.field == "assignee_id" else self.tr("none")
        if row.field == "status":
            return labels.status(raw)
        if row.field == "priority":
            return labels.priority(raw)
        return raw

    def _what(self, row: HistoryEntry) -> str:
        return {
            "status_changed": self.tr("Status"),
            "assigned": self.tr("Assigned to"),
            "priority_changed": self.tr("Priority"),
            "queue_changed": self.tr("Queue"),
        }.get(row.kind, (row.field or row.kind).replace("_", " "))

    def describe(self, row: HistoryEntry, spoken: bool = False) -> str:
        old, new = self._value(row, row.old), self._value(row, row.new)
        if row.kind == "created":
            return self.tr("Opened the case (%1)").replace("%1", new)
        if row.kind == "reply":
            return reply_summary(row.field, row.old, row.new)
        if row.kind == "mention_reply":
            return mention_reply_summary(row.new)
        if row.kind == "conflict_resolved":
            return self.tr("Resolved conflicting changes")
        if row.kind == "clock_extended":  # a subject access request given three months
            return self.tr("Deadline extended to three months")
        if row.kind == "clock_stage":  # a complaint moved on: its clock started again
            return self.tr("Complaint moved to stage %1").replace("%1", new)
        if row.kind == "citizen_linked":  # a case opened for no one, linked to its citizen
            return self.tr("Linked to the citizen %1").replace("%1", new)
        if row.kind in ("breach_response", "breach_resolve"):
            return labels.central_event(row.kind)
        if row.kind == "escalated":
            what = _escalation(row, old, new)
            return (
                self.tr("%1: %2").replace("%1", labels.central_event(row.kind)).replace("%2", what)
            )
        pattern = self.tr("%1, from %2 to %3") if spoken else self.tr("%1: %2 → %3")
        return pattern.replace("%1", self._what(row)).replace("%2", old).replace("%3", new)

    def spoken(self, row: HistoryEntry, column: str) -> str:
        return self.describe(row, spoken=True) if column == "what" else self.text(row, column)


def _escalation(row: HistoryEntry, old: str, new: str) -> str:
    """What an escalation did, from its event's field and values (``old``/``new`` readable)."""
    if row.field == "priority":
        if row.old == row.new:
            return labels.escalation_action("priority_kept", new)
        return labels.escalation_action("priority", old, new)
    if row.field == "queue_id":
        if row.new is None:
            return labels.escalation_action("queue_kept")
        return labels.escalation_action("queue_id", old, new)
    return labels.escalation_action("notify", new)


class NotesModel(SnapshotTableModel):
    COLUMNS = ("when", "who", "text")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Who"), self.tr("Note"))

    def text(self, row: NoteEntry, column: str) -> str:
        if column == "when":
            return local_time(row.at)
        if column == "who":
            return row.by_name
        return " ".join(row.text.split())

    def tooltip(self, row: NoteEntry, column: str) -> str | None:
        return row.text if column == "text" else None


class ContactsModel(SnapshotTableModel):
    """The contacts linked to the case, newest first, with each channel's icon and name."""

    COLUMNS = ("when", "channel", "direction", "summary", "who")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Channel"),
            self.tr("Direction"),
            self.tr("What was said"),
            self.tr("Recorded by"),
        )

    def text(self, row: ContactEntry, column: str) -> str:
        if column == "when":
            return local_time(row.at)
        if column == "channel":
            return labels.channel(row.channel)
        if column == "direction":
            return labels.direction(row.direction)
        if column == "summary":
            return " ".join(row.summary.split())
        return row.by_name

    def decoration(self, row: ContactEntry, column: str) -> Any:
        return channel_icon(row.channel) if column == "channel" else None

    def tooltip(self, row: ContactEntry, column: str) -> str | None:
        return row.summary if column == "summary" else None
