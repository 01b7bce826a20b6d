"""The citizen's timeline: every contact and note, newest first, filterable by channel and case,
as a list beside a reading pane that shows the whole of the selected entry; and, where a
database worker is given, the attachments of that entry and a quick composer at the foot.

Up/Down move in the list and the reading pane follows; Enter opens the case an entry is
about. The list is handed to the view a batch at a time (``timeline_model``).
"""

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from caseworker import vocab
from ui import labels
from ui.case.widgets import heading, muted, tab_chain
from ui.citizen.composer import Composer
from ui.citizen.models import NO_CASE, NOTE_CHANNEL
from ui.citizen.snapshot import CaseSummary, CitizenSnapshot, TimelineEntry
from ui.citizen.timeline_files import with_attachments
from ui.citizen.timeline_model import (
    ENTRY_ROLE,
    TimelineEntryFilter,
    TimelineListModel,
    case_key,
    channel_key,
    fit_long_items,
)
from ui.citizen.timeline_reader import EntryReader
from ui.context import UiContext
from ui.dialogs.shared import alive, channel_icon


class TimelinePanel(QWidget):
    open_case_requested = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        ctx: UiContext | None = None,
        citizen_id: str | None = None,
    ) -> None:
        """Without ``ctx`` and ``citizen_id`` (a record opened on demand, read-only) there is
        no composer and no attachment pane: nothing to save with, nothing to read them from."""
        super().__init__(parent)
        self._truncated = False
        self._entries: tuple[TimelineEntry, ...] = ()
        self.model = TimelineListModel(self)
        self.filtered = TimelineEntryFilter(self)
        self.filtered.setSourceModel(self.model)
        # Each part is made inside its final parent: with the council's style sheet, moving a
        # styled widget styles it and all it holds again.
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QListView(self.split)  # named as before: the views' Tab chains refer to it
        self.table.setModel(self.filtered)
        self.table.setAccessibleName(self.tr("Timeline"))
        self.table.setAccessibleDescription(
            self.tr(
                "Every contact with the citizen and every note, newest first. Up and Down "
                "move; the reading pane shows the whole entry. Enter opens its case."
            )
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setUniformItemSizes(True)  # two lines each: no per-row measuring
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentChanged.connect(self._follow_current)
        self._restoring = False  # while a new snapshot goes in: the pane waits for the end

        self.worker = ctx.worker if ctx is not None else None
        self._marks = 0  # the latest ask for attachment marks (older answers are dropped)
        self.reader = EntryReader(self.worker, self.split)
        # The composer is made when first asked for (``composer``): a record view asks on a
        # turn of the event loop of its own, so opening a record is not one long stall.
        self._ctx, self._citizen_id = ctx, citizen_id
        self._composer: Composer | None = None
        self._cases: Sequence[CaseSummary] = ()  # the record's cases, for the composer

        self.channel_filter = QComboBox(self)
        fit_long_items(self.channel_filter)
        self.channel_filter.setAccessibleName(self.tr("Show channel (Alt+N)"))
        self.channel_filter.setAccessibleDescription(
            self.tr("Show only the contacts of one channel, or only internal notes.")
        )
        self._fill_channels(Counter())
        self.channel_filter.currentIndexChanged.connect(
            lambda _i: self._filter(channel=self.channel_filter.currentData())
        )
        self.case_filter = QComboBox(self)
        self.case_filter.addItem(self.tr("All cases"), None)
        fit_long_items(self.case_filter)
        self.case_filter.setAccessibleName(self.tr("Show case (Alt+A)"))
        self.case_filter.setAccessibleDescription(
            self.tr("Show only what is about one case, or what is about no case.")
        )
        self.case_filter.currentIndexChanged.connect(
            lambda _i: self._filter(case=self.case_filter.currentData())
        )
        self.count = muted(
            self.tr("Entries shown"),
            self.tr("How many timeline entries the filters let through."),
            wrap=False,
        )

        channel_label = QLabel(self.tr("Cha&nnel:"))
        channel_label.setBuddy(self.channel_filter)
        case_label = QLabel(self.tr("C&ase:"))
        case_label.setBuddy(self.case_filter)
        bar = QHBoxLayout()
        for widget in (channel_label, self.channel_filter, case_label, self.case_filter):
            bar.addWidget(widget)
        bar.addStretch(1)
        top = QHBoxLayout()  # the count beside the heading: the filter bar stays narrow
        title = heading(self.tr("T&imeline"))
        title.setBuddy(self.table)  # Alt+I: to the list from anywhere in the record
        top.addWidget(title, 1)
        top.addWidget(self.count)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.table)
        self.split.addWidget(self.reader)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.split, 1)
        tab_chain(self.focus_chain())

    @property
    def composer(self) -> Composer | None:
        """The quick composer at the foot (made now if not yet), or None where there is
        nothing to save with."""
        if self._composer is None and self._ctx is not None and self._citizen_id is not None:
            composer = Composer(self._ctx, self._citizen_id, self)
            self._composer = composer
            composer.saved.connect(self.add_saved)
            composer.set_cases(self._cases)
            case = self.case_filter.currentData()
            if case not in (None, NO_CASE):
                composer.choose_case(case)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(composer)
            if self.isVisible():
                composer.show()
            tab_chain(self.focus_chain())
        return self._composer

    def rebind(self, citizen_id: str) -> None:
        """Whose timeline this is (a view built ahead, bound later)."""
        self._citizen_id = citizen_id
        if self._composer is not None:
            self._composer.citizen_id = citizen_id

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in reading order, for the enclosing view's Tab chain."""
        pane = self.reader.attachments
        chain: list[QWidget] = [
            self.channel_filter,
            self.case_filter,
            self.table,
            self.reader.text,
            pane.files,
            pane.open_button,
            pane.save_button,
        ]
        if self._composer is not None:
            chain += self._composer.focus_chain()
        return chain

    # -- showing ------------------------------------------------------------------------------
    def show_snapshot(self, snap: CitizenSnapshot) -> None:
        self._truncated = snap.timeline_truncated
        self._entries = snap.timeline
        current = self.current_entry()
        self._fill_channels(Counter(channel_key(e) for e in snap.timeline))
        self._fill_cases(snap, Counter(case_key(e) for e in snap.timeline))
        self._cases = snap.cases
        if self._composer is not None:
            self._composer.set_cases(snap.cases)
        self._restoring = True
        try:
            self.model.set_rows(snap.timeline)
            self._load_for_filter()
            # The entry being read stays selected; else the newest is, so the pane has it.
            if current is None or not self.select_entry(current.id):
                self._keep_one_selected()
        finally:
            self._restoring = False
        self._follow_current()
        self._count_shown()
        self._mark_attached(snap.timeline)

    def _mark_attached(self, entries: Sequence[TimelineEntry]) -> None:
        """Which entries have attachments, asked after the snapshot is shown (one more quick
        job, so opening the record is not kept waiting for it)."""
        if self.worker is None:
            return
        self._marks += 1
        marks, ids = self._marks, [e.id for e in entries]

        def mark(found: set[str]) -> None:
            if alive(self) and marks == self._marks:
                self.model.set_attached(found)

        self.worker.read(lambda session: with_attachments(session, ids), mark, lambda _e: None)

    def _fill_channels(self, counts: Counter[str]) -> None:
        combo = self.channel_filter
        wanted = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self._counted(self.tr("All channels"), counts.total()), None)
        for code in vocab.CHANNELS:
            text = self._counted(labels.channel(code), counts[code])
            icon = channel_icon(code)
            if icon is None:
                combo.addItem(text, code)
            else:
                combo.addItem(icon, text, code)
        combo.addItem(self._counted(self.tr("Internal notes"), counts[NOTE_CHANNEL]), NOTE_CHANNEL)
        combo.setCurrentIndex(max(combo.findData(wanted), 0))
        combo.blockSignals(False)

    def _fill_cases(self, snap: CitizenSnapshot, counts: Counter[str]) -> None:
        combo = self.case_filter
        wanted = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self._counted(self.tr("All cases"), len(snap.timeline)), None)
        combo.addItem(self._counted(self.tr("Not about a case"), counts[NO_CASE]), NO_CASE)
        for case in snap.cases:
            name = labels.shown(f"{case.reference} — {case.summary}")
            combo.addItem(self._counted(name, counts[case.id]), case.id)
        combo.setCurrentIndex(max(combo.findData(wanted), 0))
        combo.blockSignals(False)
        self.filtered.set_case(combo.currentData())

    def _counted(self, text: str, count: int) -> str:
        return self.tr("%1 (%2)").replace("%1", text).replace("%2", str(count))

    def set_channel(self, channel: str | None) -> None:
        self.channel_filter.setCurrentIndex(max(self.channel_filter.findData(channel), 0))

    def set_case(self, case_id: str | None) -> None:
        self.case_filter.setCurrentIndex(max(self.case_filter.findData(case_id), 0))

    def _filter(self, **change: str | None) -> None:
        if "channel" in change:
            self.filtered.set_channel(change["channel"])
        if "case" in change:
            self.filtered.set_case(change["case"])
            # Reading one case's entries: what is written next is most likely about it too.
            if self._composer is not None and change["case"] not in (None, NO_CASE):
                self._composer.choose_case(change["case"])
        self._load_for_filter()
        self._keep_one_selected()
        self._follow_current()
        self._count_shown()

    def _keep_one_selected(self) -> None:
        """The newest entry shown becomes current when the current one was filtered out."""
        if not self.table.currentIndex().isValid():
            first = self.filtered.index(0, 0)
            if first.isValid():
                self.table.setCurrentIndex(first)

    def _load_for_filter(self) -> None:
        # A filter may pick out entries far down the list: give the view every entry then, so
        # what it shows and the count agree (filtering a few thousand entries is quick).
        if self.filtered.channel is not None or self.filtered.case is not None:
            self.model.fetch_all()

    def _count_shown(self) -> None:
        shown = sum(1 for e in self._entries if self.filtered.accepts(e))
        total = len(self._entries)
        text = self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
        if self._truncated:
            text = self.tr("%1 (only the latest contacts)").replace("%1", text)
        self.count.setText(text)

    # -- the selected entry -------------------------------------------------------------------
    def current_entry(self) -> TimelineEntry | None:
        entry = self.table.currentIndex().data(ENTRY_ROLE)
        return entry if isinstance(entry, TimelineEntry) else None

    def select_entry(self, entry_id: str) -> bool:
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        index = self.filtered.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def add_saved(self, entry: TimelineEntry) -> None:
        """A just-saved entry at the top at once, selected so the reading pane shows it."""
        self._entries = (entry, *[e for e in self._entries if e.id != entry.id])
        self.model.prepend(entry)
        self.select_entry(entry.id)
        self._count_shown()

    def _follow_current(self, *_args: object) -> None:
        if not self._restoring:
            self.reader.show_entry(self.current_entry())

    def _activated(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if isinstance(entry, TimelineEntry) and entry.case_id:
            self.open_case_requested.emit(entry.case_id)
