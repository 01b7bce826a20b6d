"""One figure of the board: its chart, or the same numbers as a table (Alt+T on the page
toggles every card), and the chosen value in words."""

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.board.chart import FigureChart
from ui.board.shapes import Shape
from ui.board.table import FigureTableModel


class FigureCard(QWidget):
    drill = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = FigureChart()
        self.model = FigureTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart)
        self.stack.addWidget(self.table)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.chosen.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.chosen)
        self.chart.drill.connect(self.drill)
        self.chart.chosen_changed.connect(self._say_chosen)
        self.table.activated.connect(self._table_drill)
        self.setFocusProxy(self.chart)

    def show_shape(self, shape: Shape) -> None:
        self.chart.show_shape(shape)
        self.model.show_shape(shape)
        self.table.setAccessibleName(shape.title)
        self.table.setAccessibleDescription(shape.describe())

    def set_table(self, as_table: bool) -> None:
        self.stack.setCurrentWidget(self.table if as_table else self.chart)
        self.setFocusProxy(self.table if as_table else self.chart)
        self._say_chosen(self.chart.chosen_text())

    def _say_chosen(self, text: str) -> None:
        if self.stack.currentWidget() is self.table:
            self.chosen.setText(self.tr("Enter lists the cases behind the chosen cell."))
        elif text:
            self.chosen.setText(self.tr("%1 (Enter lists these cases)").replace("%1", text))
        else:
            self.chosen.setText(self.tr("Nothing to show."))

    def _table_drill(self, index: QModelIndex) -> None:
        chosen, words = self.model.filter_at(index)
        if chosen is not None:
            self.drill.emit(chosen, words)
