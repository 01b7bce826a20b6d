"""Resolving conflicting revisions of a record (a case or a citizen), field by field.

The versions stand side by side, each headed by who saved it and when; each differing field
is a row with one choice per version (and, for free text, "keep both"). The person keeps one
version whole or picks per field; ``conflicts.resolve`` writes the merged revision and an audit
event of who resolved it.
"""

import json
import textwrap
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)
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
    """One field that differs: its value in each live leaf revision, the winner's first, the
    names of the people and queues that ids among those values stand for, and the text of
    every version kept at once where the field is free text."""

    field: str
    options: tuple[tuple[str, Any], ...]  # (revision, value)
    names: dict[str, str]
    both: str | None = None


@dataclass(frozen=True)
class Compared:
    versions: list[conflicts.Version]  # the winner first
    differences: list[Difference]


_NAMED: dict[str, type[StaffMember] | type[Queue]] = {"assignee_id": StaffMember, "queue_id": Queue}


def load_compared(session: Session, doc_id: str) -> Compared:
    return Compared(conflicts.versions(session, doc_id), load_differences(session, doc_id))


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
        both = conflicts.both(d.field, [value for _rev, value in options])
        found.append(Difference(d.field, options, names, both))
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
    "rules": QT_TRANSLATE_NOOP("ConflictDialog", "Routing rules"),
    "updated_by": QT_TRANSLATE_NOOP("ConflictDialog", "Saved by"),
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
    if field == "rules" and isinstance(value, list):  # routing rules: their order and queues
        return "; ".join(
            f"{n}. {r.get('name')} → {r.get('queue_id')}" if isinstance(r, dict) else str(r)
            for n, r in enumerate(value, start=1)
        )
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
    WRAP = 44  # characters per line of a value (the versions stand side by side)

    def __init__(self, ctx: UiContext, doc_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Resolve conflicting changes"), parent)
        self.doc_id = doc_id
        self.differences: list[Difference] = []
        self.versions: list[conflicts.Version] = []
        self.choices: dict[str, QButtonGroup] = {}
        self.set_intro(
            self.tr(
                "This record was changed in two places at once, at least one of them offline. "
                "Keep one version whole, or choose for each field which value to keep."
            )
        )
        self.keep_row = QHBoxLayout()
        self.form.addRow(self.keep_row)
        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.form.addRow(self.grid_holder)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setEnabled(False)
        self.setMinimumWidth(760)
        ctx.worker.read(lambda s: load_compared(s, doc_id), self._arrived, self._load_failed)

    def _arrived(self, compared: Compared) -> None:
        if not alive(self):
            return
        self.versions, self.differences = compared.versions, compared.differences
        if not self.differences:
            self.set_intro(self.tr("The versions hold the same values: saving keeps them."))
        sides = max((len(d.options) for d in self.differences), default=1)
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
        field_head = QLabel(self.tr("Field"))
        field_head.setProperty("role", "heading")
        self.grid.addWidget(field_head, 0, 0)
        for side in range(sides):
            head = QLabel(self.version_heading(side, sides))
            head.setProperty("role", "heading")
            head.setWordWrap(True)
            self.grid.addWidget(head, 0, side + 1)
        for row, diff in enumerate(self.differences, start=1):
            self._add_row(row, diff, sides)
        for column in range(1, sides + 1):
            self.grid.setColumnStretch(column, 1)
        first = next(iter(self.choices.values()), None)
        if first is not None and first.buttons():
            first.buttons()[0].setFocus()
        self.save_button.setEnabled(True)
        self.differences_loaded.emit(len(self.differences))

    def _add_row(self, row: int, diff: Difference, sides: int) -> None:
        name = field_name(diff.field)
        label = QLabel(f"{name}:")
        label.setWordWrap(True)
        self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        group = QButtonGroup(self)
        for index, (_rev, value) in enumerate(diff.options):
            named = diff.names.get(value, "") if isinstance(value, str) else ""
            text = named or shown_value(diff.field, value)
            which = self.side_name(index, len(diff.options))
            self._add_choice(group, row, index + 1, name, text, which)
        if diff.both is not None:
            both = self.tr("Keep both")
            self._add_choice(group, row, sides + 1, name, both, both)
        group.buttons()[0].setChecked(True)
        self.choices[diff.field] = group

    def _add_choice(
        self, group: QButtonGroup, row: int, column: int, field: str, text: str, which: str
    ) -> None:
        button = QRadioButton(textwrap.fill(text, self.WRAP, max_lines=8, placeholder=" …"))
        button.setAccessibleName(self.tr("%1: %2").replace("%1", field).replace("%2", which))
        button.setAccessibleDescription(text)
        button.setToolTip(text)
        group.addButton(button, column - 1)
        self.grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)

    def version_heading(self, side: int, sides: int) -> str:
        """Which version, who saved it and when (as far as its history says)."""
        name = self.side_name(side, sides)
        version = self.versions[side] if side < len(self.versions) else None
        who = version.by_name if version is not None and version.by_name else None
        at = version.at if version is not None else None
        when = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if at is not None else None
        if who and when:
            detail = self.tr("saved by %1 on %2").replace("%1", who).replace("%2", when)
        elif when:
            detail = self.tr("saved on %1 (by whom is not recorded here)").replace("%1", when)
        else:
            detail = self.tr("when and by whom is not recorded here")
        return f"{name[:1].upper()}{name[1:]}\n{detail}"

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
        for diff in self.differences:
            group = self.choices[diff.field]
            button = group.button(min(side, len(diff.options) - 1))
            if button is not None:
                button.setChecked(True)

    def choose(self, field: str, side: int) -> None:
        """Keep one version's value of ``field`` (``len(options)``: keep both)."""
        button = self.choices[field].button(side)
        if button is not None:
            button.setChecked(True)

    def chosen(self) -> dict[str, Any]:
        picked: dict[str, Any] = {}
        for diff in self.differences:
            index = max(self.choices[diff.field].checkedId(), 0)
            if index >= len(diff.options) and diff.both is not None:
                picked[diff.field] = diff.both
            else:
                picked[diff.field] = diff.options[min(index, len(diff.options) - 1)][1]
        return picked

    def job(self) -> Job:
        actor, doc_id, chosen = self.ctx.actor, self.doc_id, self.chosen()

        def save(session: Session) -> object:
            return conflicts.resolve(session, actor, doc_id, chosen)

        return save
