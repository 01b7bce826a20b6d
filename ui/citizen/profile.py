"""The left side of the citizen view: their cases, identifiers (with how each was verified)
and consents (purpose, lawful basis and period), one tab each.

No table sits inside a scrolling pane: each tab is one table (the cases tab two, split) that
takes the tab's whole height and scrolls itself, and its key columns fit their contents
while the free-text one (summary, value, purpose) takes what is left.
"""

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.case.table import ROW_ID_ROLE
from ui.case.widgets import make_table, stretch_column, tab_pages
from ui.chips import ChipDelegate
from ui.citizen.models import CitizenCasesModel, ConsentsModel, IdentifiersModel
from ui.citizen.snapshot import CitizenSnapshot
from ui.dialogs.assurance_check import assurance_text

_KEY_COLUMNS = [
    CitizenCasesModel.COLUMNS.index(key) for key in ("reference", "status", "priority", "sla")
]


_SERVICE = CitizenCasesModel.COLUMNS.index("service")
_SUMMARY = CitizenCasesModel.COLUMNS.index("summary")
FREE_TEXT_LEAST = 10  # characters: a summary or service narrower than this says nothing


def _column_need(table: QTableView, column: int) -> int:
    """What a column needs to show its widest cell and its title whole. The widest cells by
    their text (and icon) are measured as the view draws them (chip, bold, padding): measuring
    every cell as drawn, at each of a record's first layouts, cost 10-30 ms."""
    model, metrics = table.model(), table.fontMetrics()
    icon = table.iconSize().width() if table.iconSize().isValid() else metrics.height()
    guesses = sorted(
        (
            metrics.horizontalAdvance(str(index.data() or ""))
            + (icon if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0),
            row,
        )
        for row in range(model.rowCount())
        for index in (model.index(row, column),)
    )
    cell = max(
        (table.sizeHintForIndex(model.index(row, column)).width() for _w, row in guesses[-3:]),
        default=0,
    )
    return max(cell + _GRID, table.horizontalHeader().sectionSizeHint(column))


_GRID = 2  # the grid line, and a pixel to spare


def _fit_free_text(table: QTableView) -> None:
    """Beside whole key columns, the summary and the service share what is left; where that
    is too little for a few words each (Welsh at 1280 pixels), the service goes first, then
    the summary: both are in the reference's tooltip, and the header lists the services of
    the cases next due."""
    header = table.horizontalHeader()
    keys = sum(header.sectionSize(column) for column in _KEY_COLUMNS)
    least = table.fontMetrics().horizontalAdvance("x" * FREE_TEXT_LEAST)
    free = table.viewport().width() - keys
    header.setSectionHidden(_SERVICE, free < 2 * least)
    header.setSectionHidden(_SUMMARY, free < least)
    header.setStretchLastSection(free < least)  # the time left takes the spare width then


def _page(tabs: QTabWidget) -> QWidget:
    """A tab's page, made where the tab widget shows it (not moved there by addTab)."""
    page = QWidget(tab_pages(tabs))
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 4, 0, 0)
    return page


def _table_in(page: QWidget, model: QAbstractItemModel, name: str, about: str) -> QTableView:
    table = make_table(model, name, about, page)
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.addWidget(table, 1)
    return table


class ProfilePanel(QTabWidget):
    open_case_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Cases, identifiers and consents"))
        self._wanted: int | None = None  # wanted_width, until the cases change
        self.identifiers = IdentifiersModel(self)
        self.assurance = QLabel()
        self.assurance.setAccessibleName(self.tr("Assurance"))
        self.assurance.setAccessibleDescription(
            self.tr("How sure the council is that it deals with the citizen, and how.")
        )
        self.assurance.setWordWrap(True)
        # Handles on the record and those the citizen posted from (linked mentions).
        self.handles = QLabel()
        self.handles.setAccessibleName(self.tr("Social media handles"))
        self.handles.setAccessibleDescription(
            self.tr("The citizen's handles on their record and those they posted to us from.")
        )
        self.handles.setWordWrap(True)
        self.handles.setTextFormat(Qt.TextFormat.PlainText)  # a handle is never markup
        self.handles.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.handles.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.consents = ConsentsModel(self)
        self.open_cases = CitizenCasesModel(self)
        self.closed_cases = CitizenCasesModel(self)
        pages = [_page(self) for _ in range(4)]
        self.open_table = _table_in(
            pages[0],
            self.open_cases,
            self.tr("Open cases"),
            self.tr("The citizen's open cases. Enter opens the selected case."),
        )
        self.closed_table = _table_in(
            pages[1],
            self.closed_cases,
            self.tr("Closed cases"),
            self.tr("Resolved and closed cases. Enter opens the selected case."),
        )
        self.identifiers_table = _table_in(
            pages[2],
            self.identifiers,
            self.tr("Identifiers"),
            self.tr("Ways to reach and recognise the citizen, and how each was verified."),
        )
        self.consents_table = _table_in(
            pages[3],
            self.consents,
            self.tr("Consents"),
            self.tr("Why the council holds the citizen's data: purpose, lawful basis, period."),
        )
        self.chips = ChipDelegate(self)
        for table in (self.open_table, self.closed_table):
            # Key columns are sized from what they hold once per snapshot (``_size_columns``),
            # not by Qt measuring every cell again at each of a record's first layouts.
            stretch_column(table, CitizenCasesModel.COLUMNS.index("summary"))
            for column in _KEY_COLUMNS:
                table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            table.setItemDelegateForColumn(CitizenCasesModel.COLUMNS.index("status"), self.chips)
            # The service's name shares the spare width with the summary (both elide, with the
            # full text as a tooltip); reference, status, priority and time left stay whole.
            table.horizontalHeader().setSectionResizeMode(
                CitizenCasesModel.COLUMNS.index("service"), QHeaderView.ResizeMode.Stretch
            )
            table.activated.connect(self._open_case_at)
            table.viewport().installEventFilter(self)
        stretch_column(
            self.identifiers_table, IdentifiersModel.COLUMNS.index("value"), fit_others=True
        )
        identifiers_layout = pages[2].layout()
        assert isinstance(identifiers_layout, QVBoxLayout)
        identifiers_layout.addWidget(self.handles)
        stretch_column(self.consents_table, ConsentsModel.COLUMNS.index("purpose"), fit_others=True)

        for table in self.tables():
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.horizontalHeader().setMinimumSectionSize(24)
        for page, title in zip(
            pages,
            (
                self.tr("Open cases"),
                self.tr("Closed cases"),
                self.tr("Identifiers"),
                self.tr("Consents"),
            ),
            strict=True,
        ):
            self.addTab(page, title)
        self.setDocumentMode(True)
        self.setAccessibleDescription(
            self.tr("Ctrl+Tab or the arrow keys on the tabs move between them.")
        )
        bar = self.tabBar()
        bar.setAccessibleName(self.tr("Cases, identifiers and consents"))
        bar.setAccessibleDescription(
            self.tr("Choose what to show: the arrow keys move between tabs.")
        )
        bar.setElideMode(Qt.TextElideMode.ElideRight)  # never wider than the pane
        for button in bar.findChildren(QToolButton):  # the arrow keys do what they do
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def add_buttons(self, tab: int, buttons: list[QWidget]) -> None:
        """Buttons in a row above a tab's table (its actions; their keys work anywhere in the
        record)."""
        page = self.widget(tab)
        assert page is not None
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()  # larger text (View > Larger text) needs wider columns
        super().changeEvent(event)

    def _size_columns(self) -> None:
        if not hasattr(self, "closed_table"):  # a font or style change while being built
            return
        for table in (self.open_table, self.closed_table):
            header = table.horizontalHeader()
            for column in _KEY_COLUMNS:
                header.resizeSection(column, _column_need(table, column))
        self._wanted = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            for table in (self.open_table, self.closed_table):
                if watched is table.viewport():
                    _fit_free_text(table)
        return False

    def wanted_width(self) -> int:
        """The width that shows the cases' key columns (reference, status, priority, time
        left) whole, with some room for the summary and service beside them. Measured once
        for each snapshot shown (it reads every case), not on every resize."""
        if self._wanted is None:
            self._wanted = self._measure_wanted()
        return self._wanted

    def _measure_wanted(self) -> int:
        # The open cases decide: a closed case's status and time left ("Closed", "Met") are
        # never wider than an open one's, and measuring one table costs half as much.
        table = self.open_table
        keys = sum(table.horizontalHeader().sectionSize(column) for column in _KEY_COLUMNS)
        chrome = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        return keys + chrome + 2 * self.fontMetrics().horizontalAdvance("x" * 10)

    def tables(self) -> list[QTableView]:
        return [self.open_table, self.closed_table, self.identifiers_table, self.consents_table]

    def show_snapshot(self, snap: CitizenSnapshot) -> None:
        self._wanted = None
        self.identifiers.set_rows(snap.identifiers)
        self.assurance.setText(assurance_text(snap.assurance))
        self.handles.setText(
            self.tr("Social media: %1").replace("%1", ", ".join(snap.social_handles))
        )
        self.handles.setVisible(bool(snap.social_handles))
        self.consents.set_rows(snap.consents)
        self.open_cases.set_rows(snap.open_cases)
        self.closed_cases.set_rows(snap.closed_cases)
        self._size_columns()
        for n, (template, count) in enumerate(
            (
                (self.tr("Open (%1)"), len(snap.open_cases)),
                (self.tr("Closed (%1)"), len(snap.closed_cases)),
                (self.tr("Identifiers (%1)"), len(snap.identifiers)),
                (self.tr("Consents (%1)"), len(snap.consents)),
            )
        ):
            self.setTabText(n, template.replace("%1", str(count)))

    def tick(self) -> None:
        self.open_cases.tick()
        self.closed_cases.tick()

    def _open_case_at(self, index: QModelIndex) -> None:
        case_id = index.siblingAtColumn(0).data(ROW_ID_ROLE)
        if case_id:
            self.open_case_requested.emit(case_id)
