"""The Search page: what the omnibox found, two lines a hit, or, when nothing matches, a
helpful word and the ways on for a new or unknown caller: a new citizen pre-filled from what
was typed (Ctrl+Shift+N), an anonymous contact (Ctrl+Shift+L), a case for no one
(Ctrl+Shift+O). The keys are the window's (``ui.main_window``), so they work from the
search box without leaving it."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.opened_record import RecordOpener
from ui.search.model import DETAIL_ROLE, ID_ROLE, KIND_ROLE, SUMMARY_ROLE, SearchController
from ui.search.summary import DirectorySummaryPanel


class HitDelegate(QStyledItemDelegate):
    """An icon, the title, and under it the detail (postcode, phone, email / service, status);
    a directory hit's tag ("Directory summary") at the end of its title line."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(option.rect.width(), line * 2 + 14)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        style = opt.widget.style() if opt.widget else None
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(10, 6, -10, -6)
        size = rect.height() - 8
        opt.icon.paint(
            painter,
            QRect(rect.left(), rect.top() + 4, size, size),
            Qt.AlignmentFlag.AlignCenter,
            opt.icon.Mode.Selected if selected else opt.icon.Mode.Normal,
        )
        text_rect = rect.adjusted(size + 12, 0, 0, 0)
        line = opt.fontMetrics.lineSpacing()
        painter.save()
        title_font = opt.font
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(theme.colour("selection_text" if selected else "text"))
        tag = index.data(SUMMARY_ROLE)
        tag_width = opt.fontMetrics.horizontalAdvance(tag) + 12 if tag else 0
        title = opt.fontMetrics.elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, text_rect.width() - tag_width
        )
        painter.drawText(text_rect.adjusted(0, 0, 0, -line), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(option.font)
        if tag:
            painter.setPen(theme.colour("selection_text" if selected else "muted"))
            painter.drawText(
                text_rect.adjusted(0, 0, 0, -line), Qt.AlignmentFlag.AlignRight, str(tag)
            )
        painter.setPen(theme.colour("selection_text" if selected else "muted"))
        detail = opt.fontMetrics.elidedText(
            str(index.data(DETAIL_ROLE) or ""), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(text_rect.adjusted(0, line, 0, 0), Qt.AlignmentFlag.AlignLeft, detail)
        painter.restore()


class SearchPage(QWidget):
    open_citizen_requested = Signal(str)
    open_case_requested = Signal(str)
    record_opened = Signal(object)  # a full record opened on demand (``ui.opened_record``)
    new_citizen_requested = Signal(str)  # what was typed, to pre-fill the record
    anonymous_contact_requested = Signal()
    case_for_no_one_requested = Signal()

    def __init__(
        self,
        controller: SearchController,
        parent: QWidget | None = None,
        opener: RecordOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search")
        self.controller = controller
        heading = QLabel(self.tr("Search"))
        heading.setProperty("role", "title")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "muted")
        self.message.setAccessibleName(self.tr("Search status"))
        self.results = QListView()
        self.results.setModel(controller.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setAccessibleDescription(
            self.tr(
                "Citizens and cases matching the search, then summaries from the citizen "
                "directory. Press Enter to open one."
            )
        )
        self.results.activated.connect(self._open_index)
        self.summary = DirectorySummaryPanel(opener)
        self.summary.record_opened.connect(self.record_opened)
        self._summary_for = ""  # the search whose hit the summary panel shows
        self.no_match_query = ""  # the search that found nothing, while it is shown
        self.no_match = QWidget()
        self.no_match.setAccessibleName(self.tr("A new or unknown caller"))
        ways = QHBoxLayout(self.no_match)
        ways.setContentsMargins(0, 0, 0, 0)
        self.new_citizen_button = self._way(
            ways,
            self.tr("&New citizen (Ctrl+Shift+N)"),
            self.tr("Record a new citizen, filled in from what you typed."),
            lambda: self.new_citizen_requested.emit(self.no_match_query),
        )
        self.anonymous_button = self._way(
            ways,
            self.tr("Log an &anonymous contact (Ctrl+Shift+L)"),
            self.tr("Log a contact from a caller who will not give their details."),
            self.anonymous_contact_requested.emit,
        )
        self.no_one_button = self._way(
            ways,
            self.tr("Open a case for no &one (Ctrl+Shift+O)"),
            self.tr("Open a case that is about no citizen yet, e.g. a fly-tip."),
            self.case_for_no_one_requested.emit,
        )
        ways.addStretch(1)
        self.no_match.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.no_match)
        layout.addWidget(self.results, 1)
        # Takes the room the results would, so a short page stays at the top when none are.
        self.filler = QWidget()
        self.filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.filler, 1)
        layout.addWidget(self.summary)
        controller.results_ready.connect(self._on_results)
        controller.failed.connect(self._on_failed)
        self._on_results("", 0)

    def _way(
        self, row: QHBoxLayout, text: str, description: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def move_current(self, step: int) -> None:
        """Move the highlighted result (from the omnibox's arrow keys)."""
        rows = self.controller.model.rowCount()
        if rows == 0:
            return
        current = self.results.currentIndex().row()
        row = max(0, min(rows - 1, (current if current >= 0 else -1) + step))
        self.results.setCurrentIndex(self.controller.model.index(row, 0))

    def open_current(self) -> bool:
        """Open the highlighted result (the first if none is); False when there is none."""
        index = self.results.currentIndex()
        if not index.isValid():
            index = self.controller.model.index(0, 0)
        if not index.isValid():
            return False
        self._open_index(index)
        return True

    def show_directory_summary(self, directory_id: str) -> None:
        """Show a directory entry's summary here (a likely match known only to the directory)."""
        self._summary_for = self.controller.answered
        self.controller.load_summary(directory_id, self.summary.show_summary)

    def _open_index(self, index: QModelIndex) -> None:
        kind, record_id = index.data(KIND_ROLE), str(index.data(ID_ROLE))
        if kind == "directory":  # not a record here: its summary is all there is to show
            self._summary_for = self.controller.answered
            self.controller.load_summary(record_id, self.summary.show_summary)
        elif kind == "citizen":
            self.open_citizen_requested.emit(record_id)
        else:
            self.open_case_requested.emit(record_id)

    def _on_results(self, query: str, count: int) -> None:
        if query != self._summary_for:
            self.summary.hide()  # it answered another search (the same one, refreshed, keeps it)
        if count:
            self.results.setCurrentIndex(self.controller.model.index(0, 0))
            self.message.setText(self.controller.found_text(query, count))
        elif query:
            self.message.setText(
                self.tr(
                    "Nobody and no case matches “%1”. Check the spelling, or try part of a phone "
                    "number (7700 900), the start of a postcode (CF10), an email, a social media "
                    "handle or a case reference."
                ).replace("%1", query)
                + " "
                + self.tr("If the caller is not on file, record them:")
            )
        else:
            self.message.setText(
                self.tr(
                    "Type in the search box (Ctrl+K) to find a citizen or a case: a name, part "
                    "of a phone number or postcode, an email, a social media handle or a case "
                    "reference."
                )
            )
        self.results.setVisible(count > 0)
        self.filler.setVisible(count == 0)
        self.no_match_query = query if query and not count else ""
        self.no_match.setVisible(bool(self.no_match_query))

    def _on_failed(self, message: str) -> None:
        self.message.setText(self.tr("The search could not be run: %1").replace("%1", message))
