"""The left side of the citizen view: who they are (identifiers with how each was verified,
consents with purpose, lawful basis and period) and their open and closed cases."""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QTableView, QVBoxLayout, QWidget

from ui.case.table import ROW_ID_ROLE
from ui.case.widgets import fit_height, heading, make_table, stretch_column
from ui.chips import ChipDelegate
from ui.citizen.models import CitizenCasesModel, ConsentsModel, IdentifiersModel
from ui.citizen.snapshot import CitizenSnapshot


class ProfilePanel(QScrollArea):
    open_case_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identifiers = IdentifiersModel(self)
        self.consents = ConsentsModel(self)
        self.open_cases = CitizenCasesModel(self)
        self.closed_cases = CitizenCasesModel(self)
        self.identifiers_table = make_table(
            self.identifiers,
            self.tr("Identifiers"),
            self.tr("Ways to reach and recognise the citizen, and how each was verified."),
        )
        self.consents_table = make_table(
            self.consents,
            self.tr("Consents"),
            self.tr("Why the council holds the citizen's data: purpose, lawful basis, period."),
        )
        self.open_table = make_table(
            self.open_cases,
            self.tr("Open cases"),
            self.tr("The citizen's open cases. Enter opens the selected case."),
        )
        self.closed_table = make_table(
            self.closed_cases,
            self.tr("Closed cases"),
            self.tr("Resolved and closed cases. Enter opens the selected case."),
        )
        self.chips = ChipDelegate(self)
        for table in (self.open_table, self.closed_table):
            stretch_column(table, CitizenCasesModel.COLUMNS.index("summary"), fit_others=True)
            table.setItemDelegateForColumn(CitizenCasesModel.COLUMNS.index("status"), self.chips)
            table.activated.connect(self._open_case_at)
        stretch_column(
            self.identifiers_table, IdentifiersModel.COLUMNS.index("value"), fit_others=True
        )
        stretch_column(self.consents_table, ConsentsModel.COLUMNS.index("purpose"), fit_others=True)
        self.open_heading = heading(self.tr("Open cases"))
        self.closed_heading = heading(self.tr("Closed cases"))

        inside = QWidget()
        column = QVBoxLayout(inside)
        for widget in (
            heading(self.tr("Identifiers")),
            self.identifiers_table,
            heading(self.tr("Consents")),
            self.consents_table,
            self.open_heading,
            self.open_table,
            self.closed_heading,
            self.closed_table,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        self.setWidget(inside)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def tables(self) -> list[QTableView]:
        return [self.identifiers_table, self.consents_table, self.open_table, self.closed_table]

    def show_snapshot(self, snap: CitizenSnapshot) -> None:
        self.identifiers.set_rows(snap.identifiers)
        self.consents.set_rows(snap.consents)
        self.open_cases.set_rows(snap.open_cases)
        self.closed_cases.set_rows(snap.closed_cases)
        self.open_heading.setText(
            self.tr("Open cases (%1)").replace("%1", str(len(snap.open_cases)))
        )
        self.closed_heading.setText(
            self.tr("Closed cases (%1)").replace("%1", str(len(snap.closed_cases)))
        )
        for table in self.tables():
            fit_height(table)

    def tick(self) -> None:
        self.open_cases.tick()
        self.closed_cases.tick()

    def _open_case_at(self, index: QModelIndex) -> None:
        case_id = index.siblingAtColumn(0).data(ROW_ID_ROLE)
        if case_id:
            self.open_case_requested.emit(case_id)
