"""The quick composer at the foot of the timeline: write a note or log a contact without a
dialog. Ctrl+Enter saves through the same services as the note and contact dialogs, on the
database thread; the entry is handed to the timeline at once.

While a save is in flight the text cannot change and a second Ctrl+Enter does nothing (one
entry, never two). If the save fails, everything typed stays, with the reason beside it.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.services import contacts
from caseworker.timeutil import utcnow
from ui import labels, theme
from ui.citizen.snapshot import CaseSummary, TimelineEntry
from ui.citizen.timeline_model import fit_long_items
from ui.context import UiContext
from ui.dialogs.base import text_box
from ui.dialogs.shared import alive, channel_icon, plain_error

NOTE = "note"
CONTACT = "contact"


class Composer(QWidget):
    saved = Signal(object)  # the TimelineEntry just written

    def __init__(self, ctx: UiContext, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.citizen_id = citizen_id
        self.saving = False
        self._cases: dict[str, str] = {}  # id -> reference, for the entry shown at once
        self.setAccessibleName(self.tr("Quick note or contact"))

        self.text = text_box(3, self)
        self.text.setPlaceholderText(self.tr("Write a note, or what was said… (Ctrl+Enter saves)"))
        self.text.setAccessibleName(self.tr("Text of the note or contact"))
        self.text.setAccessibleDescription(
            self.tr("What to add to the timeline. Tab moves on; Ctrl+Enter saves.")
        )
        self.kind = QComboBox(self)
        fit_long_items(self.kind)
        self.kind.addItem(self.tr("Internal note"), NOTE)
        self.kind.addItem(self.tr("Contact with the citizen"), CONTACT)
        self.kind.setAccessibleName(self.tr("Note or contact"))
        self.kind.setAccessibleDescription(
            self.tr("An internal note for staff, or a contact with the citizen on a channel.")
        )
        self.channel = QComboBox(self)
        fit_long_items(self.channel)
        for code in vocab.CHANNELS:
            icon = channel_icon(code)
            if icon is None:
                self.channel.addItem(labels.channel(code), code)
            else:
                self.channel.addItem(icon, labels.channel(code), code)
        self.channel.setAccessibleName(self.tr("Channel of the contact"))
        self.channel.setAccessibleDescription(
            self.tr("How the contact happened: phone, email, web form, app, walk-in, letter…")
        )
        self.direction = QComboBox(self)
        fit_long_items(self.direction)
        for code in vocab.DIRECTIONS:
            self.direction.addItem(labels.direction(code), code)
        self.direction.setAccessibleName(self.tr("Direction of the contact"))
        self.direction.setAccessibleDescription(
            self.tr("Whether the citizen contacted the council, or the council contacted them.")
        )
        self.case = QComboBox(self)
        self.case.addItem(self.tr("Not about a case"), None)
        fit_long_items(self.case)
        self.case.setAccessibleName(self.tr("Case the entry is about"))
        self.case.setAccessibleDescription(
            self.tr("The case this note or contact is about, if any.")
        )
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"), self)
        self.save_button.setAccessibleName(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setAccessibleDescription(self.tr("Adds the entry to the timeline."))
        self.save_button.clicked.connect(self.save)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Why this could not be saved yet"))
        self.error.setAccessibleDescription(
            self.tr("Everything typed is kept: correct and save again.")
        )
        theme.set_role(self.error, "role", "error")
        self.error.hide()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())

        # Made inside the composer, as are its fields: moving styled widgets styles them again.
        # Two rows of label and choice: narrow enough for the timeline's column in Welsh too.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for place, (text, widget) in enumerate(
            (
                (self.tr("&Kind:"), self.kind),
                (self.tr("Channe&l:"), self.channel),
                (self.tr("Ca&se:"), self.case),
                (self.tr("&Direction:"), self.direction),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row, column = divmod(place, 2)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        write = QLabel(self.tr("&Write:"))
        write.setBuddy(self.text)
        top = QHBoxLayout()
        top.addWidget(write, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.text, 1)
        top.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addLayout(grid)
        self._kind_changed()

    def focus_chain(self) -> list[QWidget]:
        return [self.text, self.kind, self.channel, self.case, self.direction, self.save_button]

    def set_cases(self, cases: Sequence[CaseSummary]) -> None:
        """The cases an entry may be about (open ones first); the choice made is kept."""
        wanted = self.case.currentData()
        self._cases = {c.id: c.reference for c in cases}
        self.case.blockSignals(True)
        self.case.clear()
        self.case.addItem(self.tr("Not about a case"), None)
        for case in sorted(cases, key=lambda c: not c.is_open):
            self.case.addItem(labels.shown(f"{case.reference} — {case.summary}"), case.id)
        self.case.setCurrentIndex(max(self.case.findData(wanted), 0))
        self.case.blockSignals(False)

    def choose_case(self, case_id: str | None) -> None:
        """Preselect a case (when the timeline is filtered to it); the agent can change it."""
        if not self.saving:
            self.case.setCurrentIndex(max(self.case.findData(case_id), 0))

    def _kind_changed(self) -> None:
        contact = self.kind.currentData() == CONTACT
        self.channel.setEnabled(contact)
        self.direction.setEnabled(contact)

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.text.setReadOnly(saving)
        self.save_button.setEnabled(not saving)

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        if self.saving:
            return
        text = self.text.toPlainText()
        if not text.strip():
            self._say(self.tr("Write something first."))
            self.text.setFocus()
            return
        self._say("")
        kind, case_id = self.kind.currentData(), self.case.currentData()
        channel, direction = self.channel.currentData(), self.direction.currentData()
        actor, citizen_id = self.ctx.actor, self.citizen_id

        def job(session: Session) -> object:
            if kind == NOTE:
                return contacts.add_note(
                    session, actor, text, case_id=case_id, citizen_id=citizen_id
                )
            return contacts.record_interaction(
                session,
                actor,
                channel=channel,
                direction=direction,
                summary=text,
                citizen_id=citizen_id,
                case_id=case_id,
            )

        self._set_saving(True)
        self.ctx.worker.write(
            job,
            lambda result: self._saved(result, kind, text, channel, direction, case_id),
            self._failed,
        )

    def _saved(
        self,
        result: object,
        kind: str,
        text: str,
        channel: str | None,
        direction: str | None,
        case_id: str | None,
    ) -> None:
        if not alive(self):
            return
        self._set_saving(False)
        entry_id = result[0] if isinstance(result, tuple) and result else ""
        contact = kind == CONTACT
        entry = TimelineEntry(
            str(entry_id),
            kind,
            utcnow(),
            channel if contact else None,
            direction if contact else None,
            text.strip(),
            self.ctx.staff_name,
            case_id,
            self._cases.get(case_id) if case_id else None,
        )
        self.text.clear()
        self.text.setFocus()
        self.saved.emit(entry)

    def _failed(self, error: Exception) -> None:
        if not alive(self):
            return
        self._set_saving(False)
        self._say(plain_error(error))
        self.text.setFocus()
