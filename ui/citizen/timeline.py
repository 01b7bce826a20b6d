"""The citizen's timeline: every contact and note, newest first, filterable by channel and case."""

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from caseworker import vocab
from ui import labels
from ui.case.widgets import heading, make_table, muted, set_widths, stretch_column
from ui.citizen.models import NO_CASE, NOTE_CHANNEL, TimelineFilter, TimelineModel
from ui.citizen.snapshot import CitizenSnapshot
from ui.dialogs.shared import channel_icon


class TimelinePanel(QWidget):
    open_case_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._truncated = False
        self.model = TimelineModel(self)
        self.filtered = TimelineFilter(self)
        self.filtered.setSourceModel(self.model)
        self.table = make_table(
            self.filtered,
            self.tr("Timeline"),
            self.tr(
                "Every contact with the citizen and every note, newest first. "
                "Enter opens the case an entry is about."
            ),
        )
        stretch_column(self.table, TimelineModel.COLUMNS.index("summary"))
        set_widths(
            self.table,
            {
                0: "28/11/2025 14:05",
                1: "Internal note",
                2: "From the citizen",
                4: "Alexandra Ng",
                5: "ABCD-EFGH-JKLM",
            },
        )
        self.table.activated.connect(self._activated)

        self.channel_filter = QComboBox()
        self.channel_filter.addItem(self.tr("All channels"), None)
        for code in vocab.CHANNELS:
            icon = channel_icon(code)
            if icon is None:
                self.channel_filter.addItem(labels.channel(code), code)
            else:
                self.channel_filter.addItem(icon, labels.channel(code), code)
        self.channel_filter.addItem(self.tr("Internal notes"), NOTE_CHANNEL)
        self.channel_filter.setAccessibleName(self.tr("Show channel (Alt+N)"))
        self.channel_filter.setAccessibleDescription(
            self.tr("Show only the contacts of one channel, or only internal notes.")
        )
        self.channel_filter.currentIndexChanged.connect(
            lambda _i: self.filtered.set_channel(self.channel_filter.currentData())
        )
        self.case_filter = QComboBox()
        self.case_filter.addItem(self.tr("All cases"), None)
        self.case_filter.setAccessibleName(self.tr("Show case (Alt+A)"))
        self.case_filter.setAccessibleDescription(
            self.tr("Show only what is about one case, or what is about no case.")
        )
        self.case_filter.currentIndexChanged.connect(
            lambda _i: self.filtered.set_case(self.case_filter.currentData())
        )
        self.count = muted(
            self.tr("Entries shown"),
            self.tr("How many timeline entries the filters let through."),
            wrap=False,
        )
        for signal in (
            self.filtered.rowsInserted,
            self.filtered.rowsRemoved,
            self.filtered.modelReset,
            self.filtered.layoutChanged,
        ):
            signal.connect(self._count_shown)

        channel_label = QLabel(self.tr("Cha&nnel:"))
        channel_label.setBuddy(self.channel_filter)
        case_label = QLabel(self.tr("C&ase:"))
        case_label.setBuddy(self.case_filter)
        bar = QHBoxLayout()
        for widget in (channel_label, self.channel_filter, case_label, self.case_filter):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Timeline")))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.channel_filter, self.case_filter)
        self.setTabOrder(self.case_filter, self.table)

    def show_snapshot(self, snap: CitizenSnapshot) -> None:
        self._truncated = snap.timeline_truncated
        wanted = self.case_filter.currentData()
        self.case_filter.blockSignals(True)
        self.case_filter.clear()
        self.case_filter.addItem(self.tr("All cases"), None)
        self.case_filter.addItem(self.tr("Not about a case"), NO_CASE)
        for case in snap.cases:
            self.case_filter.addItem(labels.shown(f"{case.reference} — {case.summary}"), case.id)
        self.case_filter.setCurrentIndex(max(self.case_filter.findData(wanted), 0))
        self.case_filter.blockSignals(False)
        self.filtered.set_case(self.case_filter.currentData())
        self.model.set_rows(snap.timeline)
        self._count_shown()

    def set_channel(self, channel: str | None) -> None:
        self.channel_filter.setCurrentIndex(max(self.channel_filter.findData(channel), 0))

    def set_case(self, case_id: str | None) -> None:
        self.case_filter.setCurrentIndex(max(self.case_filter.findData(case_id), 0))

    def _count_shown(self) -> None:
        shown, total = self.filtered.rowCount(), self.model.rowCount()
        text = self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
        if self._truncated:
            text = self.tr("%1 (only the latest contacts)").replace("%1", text)
        self.count.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        entry = self.model.row_at(self.filtered.mapToSource(index).row())
        if entry.case_id:
            self.open_case_requested.emit(entry.case_id)
