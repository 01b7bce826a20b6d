"""The board's figures shaped for a chart and its table: categories along one axis, one series
per measure, each value with the filter of the cases behind it. Words are translated here."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from caseworker.board import Board, CaseFilter
from caseworker.board.workload import Workload
from caseworker.timeutil import LONDON
from ui import labels

Kind = Literal["bar", "hbar", "line"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("BoardFigures", text)


# Spelled out as ``translate("Context", "text")`` so that lupdate finds every string.
translate = QCoreApplication.translate


def _london_day(moment: datetime) -> QDate:
    day = moment.astimezone(LONDON).date()
    return QDate(day.year, day.month, day.day)


def number(value: float | None) -> str:
    return "" if value is None else QLocale().toString(int(value))


def days(value: float | None) -> str:
    if value is None:
        return translate("BoardFigures", "none resolved")
    return translate("BoardFigures", "%1 days").replace("%1", QLocale().toString(value, "f", 1))


@dataclass(frozen=True)
class Series:
    name: str
    colour: str  # a palette name of ui/theme.py
    values: list[float | None]
    filters: list[CaseFilter | None]
    texts: list[str] = field(default_factory=list)  # the values as read; numbers if empty
    plotted: bool = True  # False: in the table and the description only (another unit)

    def text(self, i: int) -> str:
        return self.texts[i] if self.texts else number(self.values[i])


@dataclass(frozen=True)
class Shape:
    key: str
    title: str
    kind: Kind
    categories: list[str]
    series: list[Series]
    category_name: str = ""  # the table's first column: what each row is
    short_names: list[str] = field(default_factory=list)  # under a chart's bars, if shorter

    def short(self, category: str) -> str:
        if self.short_names and category in self.categories:
            return self.short_names[self.categories.index(category)]
        return category

    def describe(self) -> str:
        """Every figure as words, for a screen reader (the chart's accessible description)."""
        if not self.categories:
            return translate("BoardFigures", "%1: nothing to show.").replace("%1", self.title)
        parts = []
        for i, category in enumerate(self.categories):
            values = ", ".join(f"{s.name} {s.text(i)}" for s in self.series)
            parts.append(f"{category}: {values}")
        return f"{self.title}. " + "; ".join(parts) + "."


def _workload(key: str, title: str, of: str, rows: list[Workload]) -> Shape:
    return Shape(
        key,
        title,
        "hbar",
        [labels.shown(w.label) for w in rows],
        [
            Series(
                translate("BoardFigures", "Open"),
                "accent",
                [w.open for w in rows],
                [w.open_filter for w in rows],
            ),
            Series(
                translate("BoardFigures", "At risk today"),
                "amber",
                [w.at_risk for w in rows],
                [w.at_risk_filter for w in rows],
            ),
            Series(
                translate("BoardFigures", "Breached"),
                "red",
                [w.breached for w in rows],
                [w.breached_filter for w in rows],
            ),
        ],
        of,
    )


AGE_WORDS = {
    "0-2": QT_TRANSLATE_NOOP("BoardFigures", "0 to 2 days"),
    "3-7": QT_TRANSLATE_NOOP("BoardFigures", "3 to 7 days"),
    "8-30": QT_TRANSLATE_NOOP("BoardFigures", "8 to 30 days"),
    "31-90": QT_TRANSLATE_NOOP("BoardFigures", "31 to 90 days"),
    "91+": QT_TRANSLATE_NOOP("BoardFigures", "Over 90 days"),
}


def shapes(board: Board) -> list[Shape]:
    weeks = board.weeks
    week_names = [labels.date_text(w.start.astimezone(LONDON).date()) for w in weeks]  # UK days
    return [
        _workload(
            "queues",
            translate("BoardFigures", "Open cases by queue"),
            translate("BoardFigures", "Queue"),
            board.queues,
        ),
        _workload(
            "officers",
            translate("BoardFigures", "Open cases by officer"),
            translate("BoardFigures", "Officer"),
            board.officers,
        ),
        Shape(
            "backlog",
            translate("BoardFigures", "Open cases by age"),
            "bar",
            [_tr(str(AGE_WORDS[b.key])) for b in board.backlog],
            [
                Series(
                    translate("BoardFigures", "Open"),
                    "accent",
                    [b.value for b in board.backlog],
                    [b.filter for b in board.backlog],
                )
            ],
            translate("BoardFigures", "Age"),
        ),
        Shape(
            "channels",
            translate("BoardFigures", "Cases opened in the last 4 weeks by channel"),
            "bar",
            [labels.channel(b.key) for b in board.channels],
            [
                Series(
                    translate("BoardFigures", "Opened"),
                    "accent",
                    [b.value for b in board.channels],
                    [b.filter for b in board.channels],
                )
            ],
            translate("BoardFigures", "Channel"),
        ),
        Shape(
            "weeks",
            translate("BoardFigures", "Opened and resolved per week (weeks from Monday)"),
            "line",
            week_names,
            [
                Series(
                    translate("BoardFigures", "Opened"),
                    "accent",
                    [w.opened for w in weeks],
                    [w.opened_filter for w in weeks],
                ),
                Series(
                    translate("BoardFigures", "Resolved"),
                    "ok",
                    [w.resolved for w in weeks],
                    [w.resolved_filter for w in weeks],
                ),
                Series(
                    translate("BoardFigures", "Median time to resolve"),
                    "muted",
                    [w.median_days for w in weeks],
                    [w.resolved_filter for w in weeks],
                    [days(w.median_days) for w in weeks],
                    plotted=False,
                ),
            ],
            translate("BoardFigures", "Week from"),
            [QLocale().toString(_london_day(w.start), "d/M") for w in weeks],
        ),
    ]
