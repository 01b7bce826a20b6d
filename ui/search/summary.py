"""A directory hit, opened: the small read-only summary the citizen directory holds.

The person's full record is not on this laptop. The panel says who this is (names, postcodes,
language) and that it is only a summary; for agents and supervisors it offers "Open full
record" (``ui.opened_record``): while online, with a reason, the record is fetched off the GUI
thread and shown in a read-only tab from memory (``record_opened``). Offline the action is
disabled and says why; for anyone else it is not there. What fails is said in one line.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.search import DirectorySummary
from ui import theme
from ui.dialogs.shared import alive, plain_error
from ui.labels import language, shown
from ui.opened_record import Opened, ReasonDialog, RecordOpener
from ui.values import ValueLabel, quiet_captions


def _value(name: str, description: str) -> QLabel:
    return ValueLabel(name, description)


class DirectorySummaryPanel(QFrame):
    record_opened = Signal(object)  # an ``Opened``: the tab to show it in is the window's

    def __init__(self, opener: RecordOpener | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.summary: DirectorySummary | None = None
        self.dialog: ReasonDialog | None = None
        self._opening = False
        self.setObjectName("directory_summary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Directory summary"))
        self.heading = QLabel(self.tr("Directory summary"))
        self.heading.setProperty("role", "heading")
        self.note = QLabel(
            self.tr(
                "Only a summary from the citizen directory: this person's full record is not "
                "on this laptop."
            )
        )
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.note.setAccessibleName(self.tr("About this summary"))
        read_only = self.tr("Read only, from the citizen directory.")
        self.name = _value(self.tr("Name"), read_only)
        self.postcodes = _value(self.tr("Postcodes"), read_only)
        self.language = _value(self.tr("Language"), read_only)
        self.merged = _value(self.tr("Merged into"), read_only)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Postcodes"), self.postcodes)
        self.form.addRow(self.tr("Language"), self.language)
        self.form.addRow(self.tr("Merged into"), self.merged)
        quiet_captions(self.form)
        self.open_button = QPushButton(self.tr("Open full record…"))
        self.open_button.setAccessibleName(self.tr("Open full record"))
        self.open_button.setAccessibleDescription(
            self.tr(
                "Fetch this person's full record from the central service, with a reason that "
                "is recorded. It is shown read only and not kept on this laptop."
            )
        )
        self.open_button.clicked.connect(self.ask_reason)
        self.availability = QLabel()
        self.availability.setWordWrap(True)
        self.availability.setProperty("role", "muted")
        self.availability.setAccessibleName(self.tr("Why the full record cannot be opened now"))
        self.availability.setAccessibleDescription(
            self.tr("Opening a full record needs a connection to the central service.")
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_role(self.error, "role", "error")
        self.error.setAccessibleName(self.tr("Why the full record could not be opened"))
        self.error.setAccessibleDescription(
            self.tr("What went wrong the last time the full record was asked for.")
        )
        self.error.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.availability, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        if opener is not None:
            opener.availability_changed.connect(self._update_action)
        self._update_action()
        self.hide()

    # -- opening the full record ---------------------------------------------------------------

    def _update_action(self) -> None:
        opener = self.opener
        allowed = opener is not None and opener.allowed and self.summary is not None
        self.open_button.setVisible(allowed)
        self.availability.setVisible(allowed)
        if not allowed or opener is None:
            return
        why = opener.unavailable()
        if self._opening:
            why = self.tr("Opening the full record…")
        elif why is not None:
            why = self.tr("Opening the full record needs the central service: %1").replace(
                "%1", why
            )
        self.open_button.setEnabled(why is None)
        self.availability.setText(why or "")
        self.open_button.setToolTip(why or "")

    def ask_reason(self) -> ReasonDialog | None:
        """Ask why the record is being opened; open it once a reason is given."""
        opener = self.opener
        if self.summary is None or opener is None or not opener.allowed:
            return None
        if self._opening or opener.unavailable() is not None:
            return None
        dialog = ReasonDialog(shown(self.summary.name), self)
        self.dialog = dialog
        citizen_id = self.summary.citizen_id
        dialog.accepted.connect(lambda: self.open_record(citizen_id, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_record(self, citizen_id: str, reason: str) -> None:
        if self.opener is None or not self.opener.allowed:
            return
        self._opening = True
        self.error.hide()
        self._update_action()
        self.opener.open(self, citizen_id, reason, self._opened, self._failed)

    def _opened(self, opened: Opened) -> None:
        self._opening = False
        if alive(self):
            self._update_action()
        self.record_opened.emit(opened)

    def _failed(self, error: Exception) -> None:
        self._opening = False
        if not alive(self):
            return
        self._update_action()
        message = " ".join(plain_error(error).split())  # one line, whatever was said
        self.error.setText(
            self.tr("The full record could not be opened: %1").replace("%1", message[:300])
        )
        self.error.show()

    def show_summary(self, summary: DirectorySummary | None) -> None:
        """Show ``summary``; None (the entry has gone since it was found) says so."""
        self.summary = summary
        self.error.hide()
        self._update_action()
        if summary is None:
            self.name.setText(self.tr("This directory entry is no longer on this laptop."))
            for label in (self.postcodes, self.language):
                label.clear()
            self.form.setRowVisible(self.merged, False)
            self.show()
            return
        name = summary.name
        if summary.preferred_name:
            name += f" ({summary.given_name})"
        self.name.setText(shown(name))
        self.postcodes.setText(shown(summary.postcodes) or self.tr("none recorded"))
        self.language.setText(language(summary.language))
        self.merged.setText(shown(summary.merged_into))
        self.form.setRowVisible(self.merged, bool(summary.merged_into))
        self.show()
