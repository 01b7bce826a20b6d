"""Resolving conflicting revisions of a record (a case or a citizen), field by field.

The differences come from ``caseworker.services.conflicts.field_differences``; the person keeps
one version whole or picks a value per field, and ``conflicts.resolve`` writes the merged
revision and an audit event of who resolved it.
"""

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Queue, StaffMember
from caseworker.services import conflicts
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.dialogs.shared import alive, failed


@dataclass(frozen=True)
class Difference:
    """One field that differs: its value in each live leaf revision, the winner's first, and
    the names of the people and queues that ids among those values stand for."""

    field: str
    options: tuple[tuple[str, Any], ...]  # (revision, value)
    names: dict[str, str]


_NAMED: dict[str, type[StaffMember] | type[Queue]] = {"assignee_id": StaffMember, "queue_id": Queue}


def load_differences(session: Session, doc_id: str) -> list[Difference]:
    found = []
    for d in conflicts.field_differences(session, doc_id):
        options = ((d.winner_rev, d.winner_value), *d.others.items())
        names: dict[str, str] = {}
        model = _NAMED.get(d.field)
        ids = [v for _rev, v in options if isinstance(v, str)]
        if model is not None and ids:
            rows = session.execute(select(model.id, model.name).where(model.id.in_(ids)))
            names = {row_id: name for row_id, name in rows}
        found.append(Difference(d.field, options, names))
    return found


FIELD_NAMES = {
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "Status"),
    "priority": QT_TRANSLATE_NOOP("ConflictDialog", "Priority"),
    "summary": QT_TRANSLATE_NOOP("ConflictDialog", "Summary"),
    "description": QT_TRANSLATE_NOOP("ConflictDialog", "Details"),
    "queue_id": QT_TRANSLATE_NOOP("ConflictDialog", "Queue"),
    "assignee_id": QT_TRANSLATE_NOOP("ConflictDialog", "Assigned to"),
    "due_at": QT_TRANSLATE_NOOP("ConflictDialog", "Due"),
    "location": QT_TRANSLATE_NOOP("ConflictDialog", "Location"),
    "given_name": QT_TRANSLATE_NOOP("ConflictDialog", "Given name"),
    "family_name": QT_TRANSLATE_NOOP("ConflictDialog", "Family name"),
    "preferred_name": QT_TRANSLATE_NOOP("ConflictDialog", "Preferred name"),
    "language": QT_TRANSLATE_NOOP("ConflictDialog", "Language"),
    "identifiers": QT_TRANSLATE_NOOP("ConflictDialog", "Identifiers"),
    "consents": QT_TRANSLATE_NOOP("ConflictDialog", "Consents"),
}
EMPTY = QT_TRANSLATE_NOOP("ConflictDialog", "(empty)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def field_name(field: str) -> str:
    source = FIELD_NAMES.get(field)
    return _tr(str(source)) if source else field.replace("_", " ").capitalize()


def shown_value(field: str, value: Any) -> str:
    """A value as a person reads it: translated codes, lists as their items, never raw JSON
    unless there is nothing better; the versions come from peers, so controls are shown."""
    return labels.shown(_readable(field, value))


def _readable(field: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return _tr(str(EMPTY))
    if field == "status":
        return labels.status(value)
    if field == "priority":
        return labels.priority(value)
    if field == "language":
        return labels.language(value)
    if isinstance(value, list):
        items = [
            str(v.get("value") or v.get("purpose") or v.get("id"))
            if isinstance(v, dict)
            else str(v)
            for v in value
        ]
        return "; ".join(items)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class ConflictDialog(FormDialog):
    """Saves through ``conflicts.resolve``; ``result_value`` is its ChangeSet."""

    differences_loaded = Signal(int)

    def __init__(self, ctx: UiContext, doc_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Resolve conflicting changes"), parent)
        self.doc_id = doc_id
        self.differences: list[Difference] = []
        self.choices: dict[str, QComboBox] = {}
        self.set_intro(
            self.tr(
                "This record was changed in two places at once, at least one of them offline. "
                "Keep one version whole, or choose for each field which value to keep."
            )
        )
        self.keep_row = QHBoxLayout()
        self.form.addRow(self.keep_row)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setEnabled(False)
        ctx.worker.read(lambda s: load_differences(s, doc_id), self._arrived, self._load_failed)

    def _arrived(self, differences: list[Difference]) -> None:
        if not alive(self):
            return
        self.differences = differences
        if not differences:
            self.set_intro(self.tr("The versions hold the same values: saving keeps them."))
        sides = max((len(d.options) for d in differences), default=1)
        for side in range(sides):
            text = self.tr("Keep %1").replace("%1", self.side_name(side, sides, mnemonic=True))
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", ""))
            button.setAccessibleDescription(
                self.tr("Chooses that version's value for every field below.")
            )
            button.clicked.connect(lambda _c=False, s=side: self.keep_side(s))
            self.keep_row.addWidget(button)
        self.keep_row.addStretch(1)
        for diff in differences:
            combo = QComboBox()
            for index, (_rev, value) in enumerate(diff.options):
                shown = diff.names.get(value, "") if isinstance(value, str) else ""
                text = shown or shown_value(diff.field, value)
                which = self.side_name(index, len(diff.options))
                combo.addItem(self.tr("%1 (%2)").replace("%1", text).replace("%2", which))
            name = field_name(diff.field)
            self.add_field(
                diff.field,
                f"{name}:",
                combo,
                name,
                self.tr("Which value of %1 to keep.").replace("%1", name),
            )
            self.choices[diff.field] = combo
        self.save_button.setEnabled(True)
        self.differences_loaded.emit(len(differences))

    def side_name(self, side: int, sides: int, mnemonic: bool = False) -> str:
        """The version every peer shows now (the winner), and the other one(s)."""
        if side == 0:
            text = self.tr("the version shown &now")
        elif sides == 2:
            text = self.tr("the &other version")
        else:
            text = self.tr("version %1").replace("%1", str(side + 1))
        return text if mnemonic else text.replace("&", "")

    def _load_failed(self, error: Exception) -> None:
        if not alive(self):
            return
        self.show_error(failed(self.tr("compare the versions"), error))

    def keep_side(self, side: int) -> None:
        for combo in self.choices.values():
            combo.setCurrentIndex(min(side, combo.count() - 1))

    def chosen(self) -> dict[str, Any]:
        picked: dict[str, Any] = {}
        for diff in self.differences:
            index = self.choices[diff.field].currentIndex()
            picked[diff.field] = diff.options[max(index, 0)][1]
        return picked

    def job(self) -> Job:
        actor, doc_id, chosen = self.ctx.actor, self.doc_id, self.chosen()

        def save(session: Session) -> object:
            return conflicts.resolve(session, actor, doc_id, chosen)

        return save
