"""A directory hit, opened: the small read-only summary the citizen directory holds.

The person's full record is not on this laptop; opening it on demand is not built yet, so the
panel offers nothing to press: it says who this is (names, postcodes, language) and that it is
only a summary.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from caseworker.services.search import DirectorySummary
from ui.labels import language, shown


def _value(name: str, description: str) -> QLabel:
    label = QLabel()
    label.setAccessibleDescription(description)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


class DirectorySummaryPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        self.hide()

    def show_summary(self, summary: DirectorySummary | None) -> None:
        """Show ``summary``; None (the entry has gone since it was found) says so."""
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
