"""The case history reads the central service's breaches and escalations in plain words, and
names the central service, never a code, as who recorded them."""

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from ui.case.models import HistoryModel
from ui.case.snapshot import HistoryEntry

AT = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def entry(kind: str, field: str | None, old: str | None, new: str | None) -> HistoryEntry:
    rule = "Waste rule" if kind == "escalated" else None  # an escalation names its rule
    return HistoryEntry(f"event:{kind}", AT, "central", kind, field, old, new, rule)


def test_breaches_and_escalations_read_as_what_happened(qtbot: QtBot) -> None:
    model = HistoryModel()
    rows = [
        entry("breach_resolve", "due_at", None, "2026-12-02T11:00:00.000Z"),
        entry("breach_response", "response_due_at", None, "2026-12-02T11:00:00.000Z"),
        entry("escalated", "priority", "normal", "high"),
        entry("escalated", "priority", "urgent", "urgent"),
        entry("escalated", "queue_id", "Waste", "Escalations"),
        entry("escalated", "queue_id", "Waste", None),
        entry("escalated", "notify", None, "Sam Supervisor"),
    ]
    model.set_rows(rows)
    what = [model.text(r, "what") for r in rows]
    assert what == [
        "Resolution overdue",
        "First response overdue",
        "Escalated: priority raised from Normal to High — “Waste rule”",
        "Escalated: already Urgent: priority kept — “Waste rule”",
        "Escalated: moved from Waste to Escalations — “Waste rule”",
        "Escalated: not moved: the queue no longer exists — “Waste rule”",
        "Escalated: supervisors told: Sam Supervisor — “Waste rule”",
    ]
    assert {model.text(r, "who") for r in rows} == {"Council's central service"}
