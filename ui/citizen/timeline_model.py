"""The timeline as a list: one item per contact or note, newest first, handed to the view a
batch at a time (``canFetchMore``/``fetchMore``) so a citizen with thousands of entries opens
as fast as one with ten; and the filter by channel and case over it.

Each item shows two lines: when (with the year), how, who and which case; then the start of
what was said. The whole text is in the reading pane and in what a screen reader announces.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox

from ui import labels
from ui.citizen.models import CASE_ROLE, CHANNEL_ROLE, NO_CASE, NOTE_CHANNEL
from ui.citizen.snapshot import TimelineEntry
from ui.dialogs.shared import channel_icon, named_icon

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 10  # the TimelineEntry itself
BATCH = 100  # entries handed to the view per fetchMore: a screenful many times over
_PREVIEW_CHARS = 400  # the second line is elided to the width anyway
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


# One date format per language, always with the four-digit year. A local helper until the
# shared formatter in ui/labels.py exists; the lead may swap these for it.
def when_text(moment: datetime) -> str:
    """ "20/10/2025 14:05" in local time (the list's first line)."""
    qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(qdt, "dd/MM/yyyy HH:mm")


def when_long(moment: datetime) -> str:
    """ "Monday 20 October 2025, 14:05" in the language of the window (the reading pane)."""
    qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(qdt, "dddd d MMMM yyyy, HH:mm")


def fit_long_items(combo: QComboBox, chars: int = 12) -> None:
    """A combo that may be as narrow as ``chars`` characters when the window is: a long
    choice ("reference — summary", a Welsh channel name) ends in "…" there instead of
    widening the whole view past the window, and the open list shows every choice in full."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)


def channel_key(entry: TimelineEntry) -> str:
    return entry.channel or NOTE_CHANNEL


def case_key(entry: TimelineEntry) -> str:
    return entry.case_id or NO_CASE


def how(entry: TimelineEntry) -> str:
    """ "Phone, from the citizen", or "Internal note"."""
    if entry.channel is None:
        return QCoreApplication.translate("Timeline", "Internal note")
    if entry.direction:
        return f"{labels.channel(entry.channel)}, {labels.direction(entry.direction)}"
    return labels.channel(entry.channel)


def headline(entry: TimelineEntry, attached: bool = False) -> str:
    parts = [when_text(entry.at), how(entry)]
    if entry.by_name:
        parts.append(labels.shown(entry.by_name))
    if entry.case_reference:
        parts.append(labels.shown(entry.case_reference))
    if attached:
        parts.append(QCoreApplication.translate("Timeline", "with attachments"))
    return " · ".join(parts)


def one_line(text: str) -> str:
    return labels.shown(" ".join(text[:_PREVIEW_CHARS].split()))


def spoken(entry: TimelineEntry, attached: bool = False) -> str:
    """The whole entry as one sentence for a screen reader."""
    who = labels.shown(entry.by_name) or QCoreApplication.translate("Timeline", "someone unknown")
    about = (
        QCoreApplication.translate("Timeline", "about %1").replace(
            "%1", labels.shown(entry.case_reference)
        )
        if entry.case_reference
        else QCoreApplication.translate("Timeline", "not about a case")
    )
    said = (
        QCoreApplication.translate("Timeline", "%1, %2, by %3, %4: %5")
        .replace("%1", how(entry))
        .replace("%2", when_long(entry.at))
        .replace("%3", who)
        .replace("%4", about)
        .replace("%5", labels.shown(entry.summary, lines=True))
    )
    if attached:
        said = QCoreApplication.translate("Timeline", "%1 (with attachments)").replace("%1", said)
    return said


class TimelineListModel(QAbstractListModel):
    """Every entry of the snapshot, newest first; the view is given ``BATCH`` at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[TimelineEntry] = []
        self._loaded = 0
        self._fetching = False
        self._attached: set[str] = set()  # ids of entries with attachments (known later)

    # -- data ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[TimelineEntry]) -> None:
        """Everything anew; as many as were already in the view stay loaded (a refresh while
        the user has scrolled down does not throw them back to the top batch)."""
        self.beginResetModel()
        keep = max(self._loaded, BATCH)
        self._all = list(rows)
        self._loaded = min(keep, len(self._all))
        self.endResetModel()

    def prepend(self, entry: TimelineEntry) -> None:
        """A just-saved entry, shown at once (the refresh that follows puts it in its place)."""
        if any(e.id == entry.id for e in self._all[: self._loaded]):
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._all.insert(0, entry)
        self._loaded += 1
        self.endInsertRows()

    def set_attached(self, ids: set[str]) -> None:
        """Which entries have attachments: their first line says so from now on."""
        if ids == self._attached:
            return
        self._attached = set(ids)
        if self._loaded:
            self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1, 0))

    def is_attached(self, entry_id: str) -> bool:
        return entry_id in self._attached

    def rows(self) -> Sequence[TimelineEntry]:
        """Every entry, loaded into the view or not."""
        return self._all

    def total(self) -> int:
        return len(self._all)

    def row_at(self, row: int) -> TimelineEntry:
        return self._all[row]

    def row_of(self, entry_id: str) -> int:
        for row, entry in enumerate(self._all[: self._loaded]):
            if entry.id == entry_id:
                return row
        return -1

    # -- lazy loading -------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and not self._fetching and self._loaded < len(self._all)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        # A slot of the insert signals (a view, a model tester) may ask for more at once: the
        # nested call must not count the same batch twice.
        if parent.isValid() or self._fetching:
            return
        more = min(BATCH, len(self._all) - self._loaded)
        if more <= 0:
            return
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
            self._loaded += more
            self.endInsertRows()
        finally:
            self._fetching = False

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # -- Qt item model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._loaded

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() < self._loaded:
            return None
        entry = self._all[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            attached = entry.id in self._attached
            return f"{headline(entry, attached)}\n{one_line(entry.summary)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken(entry, entry.id in self._attached)
        if role == Qt.ItemDataRole.DecorationRole:
            return channel_icon(entry.channel) if entry.channel else named_icon("case")
        if role == CHANNEL_ROLE:
            return channel_key(entry)
        if role == CASE_ROLE:
            return case_key(entry)
        if role == ENTRY_ROLE:
            return entry
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS


class TimelineEntryFilter(QSortFilterProxyModel):
    """Shows the entries of one channel (or notes) and/or one case; None means all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channel: str | None = None
        self._case: str | None = None

    @property
    def channel(self) -> str | None:
        return self._channel

    @property
    def case(self) -> str | None:
        return self._case

    def accepts(self, entry: TimelineEntry) -> bool:
        """The same test on an entry not yet loaded into the view (for the counts)."""
        if self._channel is not None and channel_key(entry) != self._channel:
            return False
        return self._case is None or case_key(entry) == self._case

    def set_channel(self, channel: str | None) -> None:
        if channel != self._channel:
            self._refilter(lambda: setattr(self, "_channel", channel))

    def set_case(self, case_id: str | None) -> None:
        if case_id != self._case:
            self._refilter(lambda: setattr(self, "_case", case_id))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        if source is None:
            return False
        entry = source.index(source_row, 0, source_parent).data(ENTRY_ROLE)
        return isinstance(entry, TimelineEntry) and self.accepts(entry)
