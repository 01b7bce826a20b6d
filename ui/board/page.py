"""The Board rail page (supervisors and admins): what the cases this laptop holds add up to.

The figures are computed on the database worker, never here; they are worked out again when
the page is shown after a change, and, while it is shown, a couple of seconds after sync or an
edit changes cases (a burst of changes is one refresh). The cases behind any figure are listed
on the right: Enter on a bar, a table cell or a big number lists them; Enter on a case opens it.
"""

import itertools

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.board import Board, CaseFilter, compute_board
from caseworker.services.context import ChangeSet
from caseworker.timeutil import utcnow
from ui import labels, theme
from ui.board.card import FigureCard
from ui.board.drill import CASE_ID_ROLE, DrillModel
from ui.board.shapes import number, shapes
from ui.board.tiles import Tiles, fcr_means
from ui.case.widgets import make_table
from ui.context import UiContext

REFRESH_AFTER_MS = 2000  # after the last of a burst of changes
_CHANGES_THAT_COUNT = {"case", "interaction", "queue", "staff"}


class BoardPage(QWidget):
    open_case_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board")
        self._ctx = ctx
        self.board: Board | None = None
        self._stale = True
        self._computing = False

        self.coverage = QLabel(self.tr("Working out the figures…"))
        self.coverage.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the figures (F5)"))
        self.refresh_button.setAccessibleDescription(
            self.tr("The figures also refresh on their own when sync brings changes.")
        )
        self.tables_button = QPushButton(self.tr("Show as &tables"))
        self.tables_button.setCheckable(True)
        self.tables_button.setAccessibleName(self.tr("Show every chart as a table (Alt+T)"))
        self.tables_button.setAccessibleDescription(
            self.tr("The tables hold the same figures; Enter on a cell lists its cases.")
        )
        top = QHBoxLayout()
        top.addWidget(self.coverage, 1)
        top.addWidget(self.tables_button)
        top.addWidget(self.refresh_button)

        self.tiles = Tiles()
        self.means = QLabel(fcr_means())
        self.means.setWordWrap(True)
        self.means.setProperty("role", "hint")

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Charts"))
        charts_help = self.tr("A chart a tab: Tab into it, arrows to a bar, Enter lists its cases.")
        self.tabs.setAccessibleDescription(charts_help)
        self.tabs.tabBar().setAccessibleName(self.tr("Charts"))
        self.tabs.tabBar().setAccessibleDescription(charts_help)
        self.cards: dict[str, FigureCard] = {}
        for key, title in (
            ("queues", self.tr("By queue")),
            ("officers", self.tr("By officer")),
            ("backlog", self.tr("By age")),
            ("channels", self.tr("By channel")),
            ("weeks", self.tr("Weekly trend")),
        ):
            card = FigureCard()
            card.drill.connect(self.drill_down)
            self.cards[key] = card
            self.tabs.addTab(card, title)

        self.drill_title = QLabel(self.tr("Cases: choose a figure and press Enter"))
        self.drill_title.setWordWrap(True)
        self.drill_title.setProperty("role", "heading")
        self.drill_model = DrillModel(ctx.worker, self)
        self.drill_list = make_table(
            self.drill_model,
            self.tr("Cases behind the chosen figure"),
            self.tr("Enter opens the chosen case."),
        )
        header = self.drill_list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Its cases come a page at a time: columns are fitted to the rows in view, not to
        # every row loaded (as the queue lists do).
        header.setResizeContentsPrecision(0)
        self.drill_list.activated.connect(self._open_case)
        drill = QWidget()
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(self.drill_list, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(drill)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.tiles)
        layout.addWidget(self.means)
        layout.addWidget(split, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(REFRESH_AFTER_MS)
        self._debounce.timeout.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.tables_button.toggled.connect(self._set_tables)
        self.tiles.drill.connect(self.drill_down)
        ctx.bus.changed.connect(self._on_changed)
        if (applied := theme.active()) is not None:
            applied.changed.connect(self._repaint_charts)
        self.setFocusProxy(self.tiles.at_risk)
        # The big numbers first, then the page's buttons, the charts and the list of cases.
        chain = [*self.tiles.buttons(), self.tables_button, self.refresh_button, self.tabs]
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

    # -- figures -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: ChangeSet) -> None:
        if not any(w.doc_type in _CHANGES_THAT_COUNT for w in changes.written):
            return
        self._stale = True
        if self.isVisible():
            self._debounce.start()  # restarted by each change of a burst

    def refresh(self) -> None:
        self._stale = False
        if self._computing:
            self._stale = True  # once more when this one is in
            return
        self._computing = True
        no_queue, nobody = self.tr("No queue"), self.tr("Unassigned")

        def compute(session: Session) -> Board:
            return compute_board(session, utcnow(), no_queue=no_queue, nobody=nobody)

        self._ctx.worker.read(compute, self._show, self._failed)

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self._computing = False
        self.coverage.setText(
            self.tr("The figures could not be worked out: %1").replace("%1", str(error))
        )

    def _show(self, board: Board) -> None:
        if not isValid(self):
            return
        self._computing = False
        self.board = board
        cover = board.coverage
        synced = (
            self.tr("as of the last sync %1").replace("%1", labels.date_time_text(cover.last_sync))
            if cover.last_sync
            else self.tr("never synced")
        )
        self.coverage.setText(
            self.tr("Covers the cases held on this laptop: %1 open in %2 queues, %3.")
            .replace("%1", number(cover.open_cases))
            .replace("%2", number(cover.queues))
            .replace("%3", synced)
        )
        self.tiles.show_board(board)
        for shape in shapes(board):
            self.cards[shape.key].show_shape(shape)
        if self._stale and self.isVisible():
            self.refresh()

    def _repaint_charts(self) -> None:
        if self.board is not None and isValid(self):
            for shape in shapes(self.board):
                self.cards[shape.key].show_shape(shape)

    def _set_tables(self, on: bool) -> None:
        for card in self.cards.values():
            card.set_table(on)

    # -- the cases behind a figure -------------------------------------------------------------
    def drill_down(self, f: CaseFilter, words: str) -> None:
        self.drill_title.setText(self.tr("%1 — counting…").replace("%1", words))

        def counted(total: int) -> None:
            if not isValid(self):
                return
            self.drill_title.setText(
                self.tr("%1 — %2 cases (Enter opens one)")
                .replace("%1", words)
                .replace("%2", number(total))
            )
            if self.drill_model.rowCount():
                self.drill_list.setCurrentIndex(self.drill_model.index(0, 0))

        self.drill_model.show_filter(f, counted)
        self.drill_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_case(self, index: QModelIndex) -> None:
        case_id = self.drill_model.data(index, CASE_ID_ROLE)
        if case_id:
            self.open_case_requested.emit(str(case_id))
