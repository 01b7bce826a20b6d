"""Caseworker's icons: small SVGs in resources/icons, drawn in the palette's text colour.

Each icon is painted when it is shown, in the colour of the active palette for its mode
(selected items get the selection's text colour), so the same icon works in light and dark.

    icon("nav-search")          # any icon by file name
    channel_icon("phone")       # one per channel in caseworker.vocab.CHANNELS
"""

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ui import theme

ICON_DIR = Path(theme.STYLESHEET).with_name("icons")


@cache
def _source(name: str) -> str:
    path = ICON_DIR / f"{name}.svg"
    if not path.exists():
        raise KeyError(f"no icon {name!r} in {ICON_DIR}")
    return path.read_text(encoding="utf-8")


@cache
def _renderer(name: str, colour: str) -> QSvgRenderer:
    data = _source(name).replace("currentColor", colour)
    return QSvgRenderer(QByteArray(data.encode("utf-8")))


def _colour_for(mode: QIcon.Mode) -> str:
    if mode == QIcon.Mode.Selected:
        return theme.colour("selection_text").name()
    if mode == QIcon.Mode.Disabled:
        return theme.colour("muted").name()
    return theme.colour("text").name()


class _SvgEngine(QIconEngine):
    def __init__(self, name: str, role: str | None = None, on_role: str | None = None) -> None:
        super().__init__()
        self._name = name
        self._role = role
        self._on_role = on_role

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        role = self._on_role if state == QIcon.State.On and self._on_role else self._role
        colour = theme.colour(role).name() if role else _colour_for(mode)
        _renderer(self._name, colour).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._name, self._role, self._on_role)

    def key(self) -> str:
        return "caseworker-svg"


def icon(name: str, colour_role: str | None = None, checked_role: str | None = None) -> QIcon:
    """An icon from resources/icons; ``colour_role`` pins it to one palette colour (e.g. "red"),
    ``checked_role`` to another when shown on a checked button."""
    _source(name)  # fail early and plainly on a misspelt name
    return QIcon(_SvgEngine(name, colour_role, checked_role))


def channel_icon(channel: str) -> QIcon:
    """The icon of a contact channel (phone, email, web_form, app, walk_in, letter, social)."""
    return icon(f"channel-{channel}")


def names() -> list[str]:
    return sorted(p.stem for p in ICON_DIR.glob("*.svg"))
