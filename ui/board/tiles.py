"""The board's big numbers: at risk today, breached, first-contact resolution and the median
time to resolve (the last two against the four weeks before). Each is a button: Enter or a
click lists its cases."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from caseworker.board import Board, CaseFilter
from ui.board.shapes import days, number


def _tr(text: str) -> str:
    return QCoreApplication.translate("BoardTiles", text)


# Spelled out as ``translate("Context", "text")`` so that lupdate finds every string.
translate = QCoreApplication.translate


def _share(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(round(value * 100)) + "%"


def _trend(now: float | None, before: float | None, shown: str) -> str:
    if now is None or before is None:
        return translate("BoardTiles", "no earlier figure")
    if abs(now - before) < 1e-9:
        return translate("BoardTiles", "same as the 4 weeks before")
    return translate("BoardTiles", "was %1 in the 4 weeks before").replace("%1", shown)


FCR_MEANS = QT_TRANSLATE_NOOP(
    "BoardTiles",
    "First-contact resolution: cases resolved within 24 hours of being opened, with no more "
    "than one contact logged on the case, as a share of the cases resolved in the last 4 weeks.",
)


def fcr_means() -> str:
    return _tr(str(FCR_MEANS))


class Tile(QPushButton):
    """A big number that Enter opens, as Space does (outside a dialog a button ignores Enter)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        else:
            super().keyPressEvent(event)


class Tiles(QWidget):
    drill = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.at_risk = self._tile()
        self.breached = self._tile()
        self.first_contact = self._tile()
        self.median = self._tile()
        for tile, means in (
            (
                self.at_risk,
                translate(
                    "BoardTiles", "Open cases due before midnight tonight, not yet past due."
                ),
            ),
            (self.breached, translate("BoardTiles", "Open cases past their due time.")),
            (
                self.median,
                translate(
                    "BoardTiles",
                    "Half the cases resolved in the last 4 weeks took less, half took more.",
                ),
            ),
        ):
            tile.setToolTip(means)
            tile.setAccessibleDescription(
                means + " " + translate("BoardTiles", "Enter lists them.")
            )
        self.first_contact.setToolTip(fcr_means())
        self.first_contact.setAccessibleDescription(
            fcr_means() + " " + translate("BoardTiles", "Enter lists them.")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for tile in (self.at_risk, self.breached, self.first_contact, self.median):
            layout.addWidget(tile)
        self._filters: dict[QPushButton, tuple[CaseFilter, str]] = {}

    def buttons(self) -> list[QPushButton]:
        return [self.at_risk, self.breached, self.first_contact, self.median]

    def _tile(self) -> QPushButton:
        tile = Tile()
        tile.setProperty("role", "tile")
        tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tile.clicked.connect(lambda _c=False, t=tile: self._open(t))
        return tile

    def _open(self, tile: QPushButton) -> None:
        if tile in self._filters:
            self.drill.emit(*self._filters[tile])

    def _set(self, tile: QPushButton, title: str, value: str, trend: str, f: CaseFilter) -> None:
        tile.setText(f"{title}\n{value}" + (f"\n{trend}" if trend else ""))
        tile.setAccessibleName(f"{title}: {value}" + (f", {trend}" if trend else ""))
        self._filters[tile] = (f, title)

    def show_board(self, board: Board) -> None:
        self._set(
            self.at_risk,
            translate("BoardTiles", "At risk today"),
            number(board.at_risk.value),
            translate("BoardTiles", "due before midnight"),
            board.at_risk.filter,
        )
        self._set(
            self.breached,
            translate("BoardTiles", "Breached"),
            number(board.breached.value),
            translate("BoardTiles", "open past their due time"),
            board.breached.filter,
        )
        now, before = board.resolution, board.previous
        share = now.first_contact_share
        self._set(
            self.first_contact,
            translate("BoardTiles", "First-contact resolution"),
            _share(share)
            + " "
            + translate("BoardTiles", "(%1 of %2)")
            .replace("%1", number(now.first_contact))
            .replace("%2", number(now.resolved)),
            _trend(share, before.first_contact_share, _share(before.first_contact_share)),
            now.first_contact_filter,
        )
        self._set(
            self.median,
            translate("BoardTiles", "Median time to resolve"),
            days(now.median_days),
            _trend(now.median_days, before.median_days, days(before.median_days)),
            now.resolved_filter,
        )
