"""The lower half of the case view: its notes and linked contacts beside its history."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from ui import labels
from ui.case.models import ContactsModel, HistoryModel, NotesModel
from ui.case.snapshot import CaseSnapshot
from ui.case.widgets import heading, make_table, set_widths, stretch_column


def _column(parent: QWidget) -> QWidget:
    """A column of the splitter, made inside it: with the council's style sheet, moving a
    styled widget to another parent styles it and all it holds again."""
    holder = QWidget(parent)
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    return holder


def _fill(column: QWidget, *widgets: QWidget) -> QWidget:
    layout = column.layout()
    assert layout is not None
    for widget in widgets:
        layout.addWidget(widget)
    return column


class CaseActivity(QSplitter):
    def __init__(
        self, note_button: QPushButton, contact_button: QPushButton, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.history = HistoryModel(self)
        self.notes = NotesModel(self)
        self.contacts = ContactsModel(self)
        left, right = _column(self), _column(self)
        self.history_table = make_table(
            self.history,
            self.tr("History"),
            self.tr("Who changed what, and when; newest first."),
            right,
        )
        self.notes_table = make_table(
            self.notes, self.tr("Notes"), self.tr("Internal notes on the case; newest first."), left
        )
        self.contacts_table = make_table(
            self.contacts,
            self.tr("Contacts"),
            self.tr("Contacts with the citizen about this case; newest first."),
            left,
        )
        stretch_column(self.history_table, HistoryModel.COLUMNS.index("what"))
        # A case's notes and contacts are few: their short columns (who, channel, direction)
        # fit their words, and the text takes what is left.
        stretch_column(self.notes_table, NotesModel.COLUMNS.index("text"), fit_others=True)
        stretch_column(self.contacts_table, ContactsModel.COLUMNS.index("summary"), fit_others=True)
        # Narrow (Welsh at 1280x720): the summary gives way to the key columns; it is whole in
        # its tooltip and in the citizen's timeline.
        self.contacts_table.horizontalHeader().setMinimumSectionSize(16)
        set_widths(self.history_table, {0: labels.date_time_sample()})  # "when": the year whole
        self.history_heading = heading(self.tr("History"))
        self.notes_heading = heading(self.tr("Notes"))
        self.contacts_heading = heading(self.tr("Contacts"))
        for button in (note_button, contact_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.addWidget(
            _fill(
                left,
                self.notes_heading,
                note_button,
                self.notes_table,
                self.contacts_heading,
                contact_button,
                self.contacts_table,
            )
        )
        self.addWidget(_fill(right, self.history_heading, self.history_table))
        self.note_button, self.contact_button = note_button, contact_button

    def focus_order(self) -> list[QWidget]:
        return [
            self.note_button,
            self.notes_table,
            self.contact_button,
            self.contacts_table,
            self.history_table,
        ]

    def show_snapshot(self, snap: CaseSnapshot) -> None:
        self.history.set_rows(snap.history)
        self.notes.set_rows(snap.notes)
        self.contacts.set_rows(snap.contacts)
        self.history_heading.setText(self.tr("History (%1)").replace("%1", str(len(snap.history))))
        self.notes_heading.setText(self.tr("Notes (%1)").replace("%1", str(len(snap.notes))))
        self.contacts_heading.setText(
            self.tr("Contacts (%1)").replace("%1", str(len(snap.contacts)))
        )
