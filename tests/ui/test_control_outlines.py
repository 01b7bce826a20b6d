"""Control outlines (check boxes, radio buttons, text boxes) stand out at 3:1 or more against
what is around them in both appearances (WCAG 1.4.11): from the palette, and as painted."""

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.theme import STYLESHEET, Theme, contrast_ratio, load_palettes, render

CONTROLS = (
    "QCheckBox::indicator",
    "QRadioButton::indicator",
    "QLineEdit",
    "QComboBox",
    "QSpinBox",
    "QPushButton",
    "QTableView",
)


def _border_of(css: str, selector: str) -> str:
    """The colour of the first ``border:`` in the first rule whose selectors name ``selector``."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        names = [s.strip() for s in selectors.split(",")]
        found = re.search(r"\bborder:\s*\d+px solid (#[0-9a-f]{6})", body)
        if selector in names and found:
            return found.group(1)
    raise AssertionError(f"no border for {selector} in the stylesheet")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("selector", CONTROLS)
def test_each_controls_outline_is_3_to_1_against_its_fill_and_the_window(
    scheme: str, selector: str
) -> None:
    palette = load_palettes()[scheme]
    css = render(STYLESHEET.read_text(encoding="utf-8"), palette, 10.0)
    outline = _border_of(css, selector)
    for around in ("base", "window", "alt_base"):
        ratio = contrast_ratio(outline, palette[around])
        assert ratio >= 3.0, f"{scheme} {selector}: {ratio:.2f}:1 against {around}"


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, theme: Theme) -> Iterator[str]:
    theme.set_scheme(request.param)
    yield request.param
    theme.set_scheme("light")


def _outline_contrast(box: QCheckBox | QRadioButton, background: str) -> float:
    """The strongest contrast on the edge of the painted indicator: its outline."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(box, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    rect = box.style().subElementRect(element, option, box)
    image = box.grab().toImage()
    assert rect.width() >= 10, "the indicator is too small to see"
    edge = [(x, rect.top() + rect.height() // 2) for x in range(rect.left(), rect.left() + 3)]
    edge += [(rect.left() + rect.width() // 2, y) for y in range(rect.top(), rect.top() + 3)]
    return max(
        contrast_ratio(image.pixelColor(x, y).name(), background)
        for x, y in edge
        if 0 <= x < image.width() and 0 <= y < image.height()
    )


def test_an_unticked_box_is_painted_with_a_visible_outline(
    qtbot: QtBot, qapp: QApplication, theme: Theme, scheme: str
) -> None:
    page = QWidget()
    layout = QVBoxLayout(page)
    focus = QLineEdit()
    boxes = [QCheckBox("Remember"), QRadioButton("By phone")]
    layout.addWidget(focus)
    for box in boxes:
        layout.addWidget(box)
    qtbot.addWidget(page)
    page.show()
    focus.setFocus()  # the outline at rest, not the focus ring
    qtbot.waitExposed(page)
    for box in boxes:
        ratio = _outline_contrast(box, theme.palette["window"])
        assert ratio >= 3.0, f"{scheme}: {type(box).__name__} outline {ratio:.2f}:1"


def test_a_ticked_box_shows_its_tick_in_the_accents_text_colour(theme: Theme) -> None:
    for name, palette in load_palettes().items():
        css = render(STYLESHEET.read_text(encoding="utf-8"), palette, 10.0)
        tick = re.search(r"image: url\(([^)]+tick-([0-9a-f]{6})\.svg)\)", css)
        assert tick, name
        assert f"#{tick.group(2)}" == palette["accent_text"]
        assert contrast_ratio(palette["accent_text"], palette["accent"]) >= 3.0
