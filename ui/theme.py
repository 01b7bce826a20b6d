"""Light and dark appearance from the one stylesheet in resources/, following the system.

The stylesheet carries both palettes; this module picks one by ``QStyleHints.colorScheme()``
(re-applied when the system switches), fills in colours and font sizes, and sets the matching
``QPalette`` so natively drawn parts agree. Font sizes derive from the system font times a zoom
the person chooses (View > Larger text), so text scales with the system and on request.
"""

import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

import resources

STYLESHEET = Path(resources.__file__).with_name("caseworker.qss")
Palette = dict[str, str]

_PALETTE_BLOCK = re.compile(r"^palette (\w+)\s*$(.*?)^end\s*$", re.MULTILINE | re.DOTALL)
_ENTRY = re.compile(r"^\s*(\w+):\s*(#[0-9a-fA-F]{6})\s*$", re.MULTILINE)
_TOKEN = re.compile(r"@(\w+)")

# (foreground, background, minimum ratio): 4.5 for text, 3 for focus rings and control borders.
CONTRAST_RULES: tuple[tuple[str, str, float], ...] = tuple(
    [
        (fg, bg, 4.5)
        for fg in ("text", "muted", "accent", "ok", "amber", "red")
        for bg in ("window", "base", "alt_base", "hover")
    ]
    + [
        ("accent_text", "accent", 4.5),
        ("selection_text", "selection", 4.5),
        ("badge_text", "badge", 4.5),
        ("rail_text", "rail", 4.5),
        ("rail_text", "rail_hover", 4.5),
        ("rail_selected_text", "rail_selected", 4.5),
        ("tooltip_text", "tooltip", 4.5),
        *((f"chip_{t}_text", f"chip_{t}", 4.5) for t in ("neutral", "info", "ok", "amber", "red")),
        ("text", "grid", 4.5),
        ("border", "base", 3.0),
        ("border", "window", 3.0),
        ("focus", "base", 3.0),
        ("focus", "window", 3.0),
        ("rail_focus", "rail", 3.0),
        ("rail_focus", "rail_hover", 3.0),
    ]
)

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


def load_palettes(path: Path = STYLESHEET) -> dict[str, Palette]:
    text = path.read_text(encoding="utf-8")
    return {
        name: {key: value.lower() for key, value in _ENTRY.findall(body)}
        for name, body in _PALETTE_BLOCK.findall(text)
    }


def relative_luminance(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def tick_image(colour: str) -> Path:
    """The check box's tick, drawn in ``colour`` (a palette's accent_text, on the accent): the
    stylesheet can only point at a file, so there is one per colour in resources/icons."""
    path = STYLESHEET.with_name("icons") / f"tick-{colour.lstrip('#').lower()}.svg"
    if not path.exists():
        raise KeyError(f"no tick drawn in {colour}: add {path.name} beside the other icons")
    return path


def render(stylesheet: str, palette: Palette, base_pt: float) -> str:
    """The stylesheet with every @token replaced; unknown tokens are an error, not a silent gap."""
    values = dict(palette)
    values.update(
        font_pt=f"{base_pt:.1f}pt",
        small_pt=f"{base_pt * 0.9:.1f}pt",
        heading_pt=f"{base_pt * 1.2:.1f}pt",
        title_pt=f"{base_pt * 1.5:.1f}pt",
    )
    values["tick_image"] = tick_image(palette["accent_text"]).as_posix()
    rules = stylesheet.split("*/", 1)[1]  # the header comment holds the palettes themselves

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"the stylesheet uses @{name}, which no palette defines")
        return values[name]

    return _TOKEN.sub(substitute, rules)


def system_point_size(app: QApplication) -> float:
    """The system's font size, read before any theme changed the application's font (which
    it sets to this times the zoom): noted on the application, so a second theme (a test's)
    does not take a zoomed size for the system's."""
    noted = app.property(_SYSTEM_PT)
    if isinstance(noted, float) and noted > 0:
        return noted
    size = app.font().pointSizeF()
    size = size if size > 0 else 10.0
    app.setProperty(_SYSTEM_PT, size)
    return size


_SYSTEM_PT = "caseworker_system_pt"


class Theme(QObject):
    """The applied appearance. One per application; views read colours through ``colour()``."""

    changed = Signal()

    def __init__(self, app: QApplication, scheme: str | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._forced = scheme
        self._palettes = load_palettes()
        self._source = STYLESHEET.read_text(encoding="utf-8")
        self._system_pt = system_point_size(app)
        self._zoom_index = ZOOM_STEPS.index(1.0)
        self.scheme = "light"
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        global _active
        _active = self

    @property
    def palette(self) -> Palette:
        return self._palettes[self.scheme]

    @property
    def zoom(self) -> float:
        return ZOOM_STEPS[self._zoom_index]

    def colour(self, name: str) -> QColor:
        return QColor(self.palette[name])

    def apply(self) -> None:
        if self._forced in self._palettes:
            self.scheme = str(self._forced)
        else:
            system = self._app.styleHints().colorScheme()
            self.scheme = "dark" if system == Qt.ColorScheme.Dark else "light"
        self._app.setPalette(self._qpalette())
        font = self._app.font()
        font.setPointSizeF(self._system_pt * self.zoom)
        self._app.setFont(font)
        self._app.setStyleSheet(render(self._source, self.palette, self._system_pt * self.zoom))
        self.changed.emit()

    def set_scheme(self, scheme: str | None) -> None:
        """ "light" or "dark" regardless of the system, or None to follow the system again."""
        self._forced = scheme
        self.apply()

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom_index + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom_index - 1)

    def zoom_reset(self) -> None:
        self._set_zoom(ZOOM_STEPS.index(1.0))

    def _set_zoom(self, index: int) -> None:
        index = max(0, min(len(ZOOM_STEPS) - 1, index))
        if index != self._zoom_index:
            self._zoom_index = index
            self.apply()

    def _on_system_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self._forced is None:
            self.apply()

    def _qpalette(self) -> QPalette:
        p = self.palette
        pal = QPalette()
        roles = {
            QPalette.ColorRole.Window: "window",
            QPalette.ColorRole.WindowText: "text",
            QPalette.ColorRole.Base: "base",
            QPalette.ColorRole.AlternateBase: "alt_base",
            QPalette.ColorRole.Text: "text",
            QPalette.ColorRole.Button: "base",
            QPalette.ColorRole.ButtonText: "text",
            QPalette.ColorRole.Highlight: "selection",
            QPalette.ColorRole.HighlightedText: "selection_text",
            QPalette.ColorRole.PlaceholderText: "muted",
            QPalette.ColorRole.ToolTipBase: "tooltip",
            QPalette.ColorRole.ToolTipText: "tooltip_text",
            QPalette.ColorRole.Link: "accent",
            QPalette.ColorRole.BrightText: "badge_text",
        }
        for role, name in roles.items():
            pal.setColor(role, QColor(p[name]))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p["muted"]))
        pal.setColor(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(p["muted"])
        )
        return pal


_active: Theme | None = None


def active() -> Theme | None:
    return _active


def colour(name: str) -> QColor:
    """A colour of the active palette (the light one before any theme is applied)."""
    if _active is not None:
        return _active.colour(name)
    return QColor(load_palettes()["light"][name])


def set_role(widget: QWidget, name: str, value: str | None) -> None:
    """Set a stylesheet role property (``role``, ``sla``) and re-polish so it takes effect."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
