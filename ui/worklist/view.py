"""My work and the queue lists: a filter box, a sort choice, and the lazily loaded case table.

Keyboard: Ctrl+F filters (Esc clears, Down goes to the list), Alt+O chooses the sort order,
Alt+T shows only the cases at risk today (due by midnight, or already late), Enter or a
double-click opens the selected case.
"""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker.board.periods import end_of_today
from caseworker.timeutil import utcnow
from ui import labels
from ui.chips import CHIP_EXTRA, ChipDelegate
from ui.context import UiContext
from ui.worklist.model import COLUMNS, SORTABLE, CaseListModel
from ui.worklist.query import WorkFilter

_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_SORT_CHOICES = ("due", "priority", "status", "reference", "service", "summary")
# Columns whose text is never cut (tests/ui/test_no_cut_text.py checks them); the summary
# takes what width is left and may be elided (the case view shows it whole).
KEY_COLUMNS = ("due", "reference", "citizen", "service", "status", "priority")


class WorkListView(QWidget):
    open_case_requested = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        title: str,
        empty_text: str,
        parent: QWidget | None = None,
        extra: QWidget | None = None,
        page_size: int = 0,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._empty_text = empty_text
        self._base = WorkFilter()
        self._keep_case: str | None = None
        self.model = CaseListModel(ctx.worker, ctx.bus, self, page_size)

        self.heading = QLabel(title)
        self.heading.setProperty("role", "title")
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(self.tr("Filter by reference, summary or service"))
        self.filter_box.setAccessibleName(self.tr("Filter cases (Ctrl+F)"))
        self.filter_box.setAccessibleDescription(
            self.tr("Shows only cases whose reference, summary or service contains these words.")
        )
        self.filter_box.installEventFilter(self)
        filter_label = QLabel(self.tr("F&ilter (Ctrl+F):"))
        filter_label.setBuddy(self.filter_box)

        self.sort_box = QComboBox()
        for key in _SORT_CHOICES:
            self.sort_box.addItem(self._sort_label(key), key)
        self.sort_box.setAccessibleName(self.tr("Sort by (Alt+O)"))
        self.sort_box.setAccessibleDescription(self.tr("The order the cases are listed in."))
        sort_label = QLabel(self.tr("S&ort by:"))
        sort_label.setBuddy(self.sort_box)
        self.reverse_box = QCheckBox(self.tr("&Reverse"))
        self.reverse_box.setAccessibleName(self.tr("Reverse the order (Alt+R)"))
        self.reverse_box.setAccessibleDescription(
            self.tr("Lists the latest due, least urgent or last first.")
        )

        self.at_risk_box = QCheckBox()
        self.at_risk_box.setAccessibleName(self.tr("At risk today (Alt+T)"))
        self.at_risk_box.setAccessibleDescription(
            self.tr("Shows only the open cases due by midnight tonight or already late.")
        )
        self._show_at_risk(0)

        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.count_label.setAccessibleName(self.tr("Number of cases"))

        self.table = QTableView()
        self.table.setModel(self.model)
        self.chips = ChipDelegate(self.table)
        for key in ("status", "priority"):
            self.table.setItemDelegateForColumn(COLUMNS.index(key), self.chips)
        self.table.setAccessibleName(title)
        self.table.setAccessibleDescription(
            self.tr("Cases, soonest due first. Press Enter to open the selected case.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Measure a column by the rows in view only: Qt's default looks at 1,000 rows, in and
        # out of view, which made each further page of a long queue cost 300 ms on the GUI.
        header.setResizeContentsPrecision(0)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(COLUMNS.index("summary"), QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_header_sort)
        self.table.activated.connect(self._open)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.hide()

        # Two rows: what is listed (the queue, the filter, how many), then how (the order, at
        # risk today). On one row a supervisor's Queues page in Welsh needed 1,300 pixels.
        bar = QHBoxLayout()
        if extra is not None:
            bar.addWidget(extra)
        bar.addWidget(filter_label)
        bar.addWidget(self.filter_box, 2)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        order = QHBoxLayout()
        order.addWidget(sort_label)
        order.addWidget(self.sort_box)
        order.addWidget(self.reverse_box)
        order.addWidget(self.at_risk_box)
        order.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addLayout(order)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.filter_box, self.sort_box)
        self.setTabOrder(self.sort_box, self.reverse_box)
        self.setTabOrder(self.reverse_box, self.at_risk_box)
        self.setTabOrder(self.at_risk_box, self.table)

        shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.focus_filter)

        self.filter_box.textChanged.connect(self._apply_filter)
        self.sort_box.currentIndexChanged.connect(self._on_sort_choice)
        self.reverse_box.toggled.connect(self._on_sort_choice)
        self.at_risk_box.toggled.connect(self._apply_filter)
        self.model.at_risk_changed.connect(self._show_at_risk)
        self.model.total_changed.connect(self._update_count)
        self.model.loading_changed.connect(self._update_count)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.failed.connect(self._on_failed)
        self.model.dataChanged.connect(self._fit_key_columns)  # due times grow as time passes
        # Columns are measured on the rows in view: again when other rows come into view.
        self.table.verticalScrollBar().valueChanged.connect(self._refit_soon)
        self.table.viewport().installEventFilter(self)
        self._refit = QTimer(self)  # one measuring for a burst of scrolls and resizes
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_key_columns)
        self._size_columns()

    # -- public -------------------------------------------------------------------------------
    def show_cases(self, base: WorkFilter) -> None:
        """Show the cases of one officer or queue (the filter box narrows them further)."""
        self._base = base
        self._apply_filter()

    def focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- behaviour ----------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        text = self.filter_box.text().strip()
        due_by = end_of_today(utcnow()) if self.at_risk_box.isChecked() else None
        self.model.set_filter(replace(self._base, text=text, due_by=due_by))

    def _show_at_risk(self, count: int) -> None:
        """The filter says how many it would show: a count that is also a warning."""
        self.at_risk_box.setText(self.tr("At risk &today (%n)", "", count))

    def _on_sort_choice(self) -> None:
        key = self.sort_box.currentData()
        self.table.sortByColumn(COLUMNS.index(key), self._order())

    def _on_header_sort(self, column: int, order: Qt.SortOrder) -> None:
        key = COLUMNS[column]
        header = self.table.horizontalHeader()
        if key not in SORTABLE:  # not a column the store can sort by: keep the current order
            current = self.model.sort_column()
            header.blockSignals(True)
            header.setSortIndicator(current, self._order())
            header.blockSignals(False)
            return
        self.sort_box.blockSignals(True)
        self.sort_box.setCurrentIndex(self.sort_box.findData(key))
        self.sort_box.blockSignals(False)
        self.reverse_box.blockSignals(True)
        self.reverse_box.setChecked(order == Qt.SortOrder.DescendingOrder)
        self.reverse_box.blockSignals(False)

    def _order(self) -> Qt.SortOrder:
        if self.reverse_box.isChecked():
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case_requested.emit(self.model.case_id(index.row()))

    def _remember_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self._keep_case = self.model.case_id(current.row())

    def _fit_key_columns(self) -> None:
        """Widen a key column to the widest text of the rows in view (the sample widths guess:
        service names, Welsh due times and wide references can be longer). Only widens, so the
        columns do not jump while the list is scrolled. A hidden table would measure every row,
        not just those in view: it is measured when it is shown."""
        if not self.table.isVisible():
            return
        for key in KEY_COLUMNS:
            column = COLUMNS.index(key)
            fit = self.table.sizeHintForColumn(column)
            if fit > self.table.columnWidth(column):
                self.table.setColumnWidth(column, fit)

    def _refit_soon(self) -> None:
        # Once the event loop turns: a page hidden meanwhile (a record opened in a tab over
        # it) is not measured at all.
        self._refit.start()

    def _on_page_loaded(self, loaded: int) -> None:
        self._fit_key_columns()
        if self.table.currentIndex().isValid() or loaded == 0:
            self._update_count()
            return
        row = self.model.row_of(self._keep_case) if self._keep_case else -1
        self.table.setCurrentIndex(self.model.index(max(row, 0), 0))
        self.table.selectRow(max(row, 0))
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total
        if self.model.loading and self.model.rowCount() == 0:
            self.count_label.setText(self.tr("Loading…"))
        else:
            self.count_label.setText(self.tr("%n case(s)", "", total))
        empty = not self.model.loading and total == 0
        if empty:
            typed = self.filter_box.text().strip()
            self.empty_label.setText(
                self.tr("No case matches “%1”. Press Esc in the filter to see them all.").replace(
                    "%1", typed
                )
                if typed
                else self._empty_text
            )
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

    def _on_failed(self, message: str) -> None:
        self.empty_label.setText(
            self.tr("The cases could not be loaded: %1").replace("%1", message)
        )
        self.empty_label.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._refit_soon()  # a taller window shows rows not measured yet
            return False
        if (
            watched is self.filter_box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Escape and self.filter_box.text():
                self.filter_box.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.focus_list()
                return True
        return super().eventFilter(watched, event)

    def _size_columns(self) -> None:
        """Widths from what the columns hold (longest likely text, in this language and font)."""
        metrics = self.table.fontMetrics()
        span = timedelta(days=999)  # "999 days overdue": the widest a count gets in practice
        samples = {
            "due": [
                labels.countdown(_EPOCH, _EPOCH + span, "new")[0],
                labels.countdown(_EPOCH + span, _EPOCH, "new")[0],
            ],
            "reference": ["2EVB-NBX5-7FTE"],
            "citizen": ["Siân Llewellyn-Jones"],
            "service": ["Missed bin collection", "Casgliad bin a fethwyd"],
            "status": [labels.status("awaiting_citizen")],
            "priority": [labels.priority(p) for p in ("low", "normal", "high", "urgent")],
        }
        header = self.table.horizontalHeader()
        bold = self.table.font()
        bold.setBold(True)
        header_font = header.font()
        header_font.setBold(True)
        header_metrics = QFontMetrics(header_font)
        bold_metrics = QFontMetrics(bold)  # overdue times are shown in bold
        for key, texts in samples.items():
            column = COLUMNS.index(key)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            chip = key in ("status", "priority")
            cell = bold_metrics if key == "due" or chip else metrics
            widest = max(
                [cell.horizontalAdvance(t) for t in texts]
                + [header_metrics.horizontalAdvance(title) + 16]
            )
            self.table.setColumnWidth(column, widest + 28 + (CHIP_EXTRA if chip else 0))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_key_columns)  # once the table has its size

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_columns()  # larger text: wider columns

    def _sort_label(self, key: str) -> str:
        return {
            "due": self.tr("Due time"),
            "priority": self.tr("Priority"),
            "status": self.tr("Status"),
            "reference": self.tr("Reference"),
            "service": self.tr("Service"),
            "summary": self.tr("Summary"),
        }[key]
