"""One figure as a QtCharts chart that works from the keyboard: Left/Right move across the
categories, Up/Down across the measures, Enter (or a click on a bar) lists the cases behind
the chosen value. The chosen value is also said in words below the chart."""

from PySide6.QtCharts import (
    QAbstractSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from caseworker.board import CaseFilter
from ui import theme
from ui.board.shapes import Shape

MOST_BARS = 12  # categories a chart of horizontal bars draws; its table has every one


class FigureChart(QChartView):
    drill = Signal(object, str)  # the CaseFilter, and words for what it lists
    chosen_changed = Signal(str)  # the chosen value in words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(220)
        self.shape: Shape | None = None
        self.category = 0
        self.series = 0
        self._sets: list[QBarSet] = []
        self._lines: list[QLineSeries] = []
        self._flip = False  # categories down the side (horizontal bars)
        self._count = 0  # categories drawn

    # -- building ------------------------------------------------------------------------------
    def show_shape(self, shape: Shape) -> None:
        self.shape = shape
        self.setAccessibleName(shape.title)
        self.setAccessibleDescription(shape.describe())
        self.viewport().setAccessibleName(shape.title)  # what a screen reader may land on
        self.viewport().setAccessibleDescription(shape.describe())
        chart = QChart()
        chart.setBackgroundBrush(theme.colour("base"))
        chart.setTitleBrush(theme.colour("text"))
        chart.legend().setLabelColor(theme.colour("text"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._sets, self._lines = [], []
        plotted = [s for s in shape.series if s.plotted]
        top = max((v or 0 for s in plotted for v in s.values), default=0)
        self._flip = shape.kind == "hbar"
        self._count = min(len(shape.categories), MOST_BARS if self._flip else 1 << 30)
        categories = shape.categories[: self._count]
        if self._flip:  # drawn bottom up: the busiest first means at the top
            categories = categories[::-1]
        if shape.kind in ("bar", "hbar"):
            bars = QHorizontalBarSeries() if self._flip else QBarSeries()
            for index, s in enumerate(plotted):
                bar_set = QBarSet(s.name)
                shown = [float(v or 0) for v in s.values[: self._count]]
                bar_set.append(shown[::-1] if self._flip else shown)
                bar_set.setColor(theme.colour(s.colour))
                bar_set.setBorderColor(theme.colour(s.colour))
                bar_set.setSelectedColor(theme.colour("focus"))
                bar_set.clicked.connect(lambda i, n=index: self._clicked(n, self._at(i)))
                bars.append(bar_set)
                self._sets.append(bar_set)
            chart.addSeries(bars)
            attached: list[QAbstractSeries] = [bars]
        else:
            attached = []
            for s in plotted:
                line = QLineSeries()
                line.setName(s.name)
                for i, v in enumerate(s.values):
                    line.append(QPointF(i, float(v or 0)))
                line.setPen(QPen(theme.colour(s.colour), 2))
                line.setPointsVisible(True)
                line.setSelectedColor(theme.colour("focus"))
                chart.addSeries(line)
                self._lines.append(line)
                attached.append(line)
        axis_x = QBarCategoryAxis()
        axis_x.append([shape.short(c) for c in categories] or [""])
        axis_x.setLabelsColor(theme.colour("text"))
        axis_x.setTruncateLabels(False)  # a name cut short is not a name
        if shape.kind == "line":
            axis_x.setLabelsAngle(-45)  # twelve dates side by side need the room
        axis_y = QValueAxis()
        axis_y.setRange(0, max(4.0, float(top)))
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%d")
        axis_y.setLabelsColor(theme.colour("text"))
        axis_y.setGridLineColor(theme.colour("border"))
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        chart.addAxis(axis_x, left if self._flip else bottom)
        chart.addAxis(axis_y, bottom if self._flip else left)
        for series in attached:
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.category = min(self.category, max(0, self._count - 1))
        self.series = min(self.series, max(0, len(plotted) - 1))
        self._mark()

    # -- choosing ------------------------------------------------------------------------------
    def chosen_text(self) -> str:
        shape = self.shape
        if shape is None or not shape.categories:
            return ""
        s = [s for s in shape.series if s.plotted][self.series]
        return f"{shape.categories[self.category]}: {s.name} {s.text(self.category)}"

    def chosen_filter(self) -> CaseFilter | None:
        if self.shape is None or not self.shape.categories:
            return None
        return [s for s in self.shape.series if s.plotted][self.series].filters[self.category]

    def choose(self, series: int, category: int) -> None:
        if self.shape is None or not self.shape.categories:
            return
        plotted = [s for s in self.shape.series if s.plotted]
        self.series = max(0, min(series, len(plotted) - 1))
        self.category = max(0, min(category, self._count - 1))
        self._mark()

    def _mark(self) -> None:
        focus = self.hasFocus()
        for n, bar_set in enumerate(self._sets):
            bar_set.deselectAllBars()
            if focus and n == self.series:
                bar_set.selectBar(self._at(self.category))
        for n, line in enumerate(self._lines):
            line.deselectAllPoints()
            if focus and n == self.series and line.count():
                line.selectPoint(self.category)
        self.chosen_changed.emit(self.chosen_text())

    def _at(self, index: int) -> int:
        """A category's place in the drawn chart, or a drawn place's category (the same map)."""
        return self._count - 1 - index if self._flip else index

    def _clicked(self, series: int, category: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.choose(series, category)
        self.open_chosen()

    def open_chosen(self) -> None:
        chosen = self.chosen_filter()
        if chosen is not None and self.shape is not None:
            s = [s for s in self.shape.series if s.plotted][self.series]
            # What the list is, not the figure: the list counts its cases itself.
            self.drill.emit(chosen, f"{self.shape.categories[self.category]}: {s.name}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        # Along the categories with the arrows that follow them on screen, across the measures
        # with the other two.
        along = (
            (Qt.Key.Key_Up, Qt.Key.Key_Down) if self._flip else (Qt.Key.Key_Left, Qt.Key.Key_Right)
        )
        across = (
            (Qt.Key.Key_Left, Qt.Key.Key_Right) if self._flip else (Qt.Key.Key_Up, Qt.Key.Key_Down)
        )
        moves = {along[0]: (0, -1), along[1]: (0, 1), across[0]: (-1, 0), across[1]: (1, 0)}
        if key in moves:
            ds, dc = moves[Qt.Key(key)]
            self.choose(self.series + ds, self.category + dc)
        elif key == Qt.Key.Key_Home:
            self.choose(self.series, 0)
        elif key == Qt.Key.Key_End:
            self.choose(self.series, 1 << 30)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_chosen()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._mark()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._mark()
