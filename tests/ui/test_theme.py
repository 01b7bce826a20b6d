"""The one stylesheet: both palettes meet WCAG 2.2 AA, every token resolves, text scales."""

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from ui.theme import (
    CONTRAST_RULES,
    STYLESHEET,
    Theme,
    contrast_ratio,
    load_palettes,
    render,
    system_point_size,
)


def test_the_stylesheet_has_a_light_and_a_dark_palette_with_the_same_colours() -> None:
    palettes = load_palettes()
    assert set(palettes) == {"light", "dark"}
    assert palettes["light"].keys() == palettes["dark"].keys()


def test_contrast_ratio_matches_the_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg", "minimum"), CONTRAST_RULES)
def test_every_colour_pair_meets_wcag_aa(scheme: str, fg: str, bg: str, minimum: float) -> None:
    palette = load_palettes()[scheme]
    ratio = contrast_ratio(palette[fg], palette[bg])
    assert ratio >= minimum, f"{scheme}: {fg} on {bg} is {ratio:.2f}:1, needs {minimum}:1"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_token_in_the_rules_resolves(scheme: str) -> None:
    css = render(STYLESHEET.read_text(encoding="utf-8"), load_palettes()[scheme], 10.0)
    assert "@" not in css
    assert "font-size: 12.0pt" in css  # a heading: 1.2 times the base size


def test_text_size_follows_the_system_font_and_the_zoom(qapp: QApplication, theme: Theme) -> None:
    theme.set_scheme("dark")
    label = QLabel("text")
    try:
        base = system_point_size(qapp)
        assert qapp.font().pointSizeF() == pytest.approx(base)
        assert f"font-size: {base * 1.2:.1f}pt" in qapp.styleSheet()  # headings
        theme.zoom_in()
        assert theme.zoom > 1.0
        # Plain text takes the application's font; headings and titles the stylesheet's sizes.
        qapp.processEvents()  # the application's font reaches its widgets by event
        assert label.font().pointSizeF() == pytest.approx(base * theme.zoom)
        assert QLabel("new").font().pointSizeF() == pytest.approx(base * theme.zoom)
        assert f"font-size: {base * 1.2 * theme.zoom:.1f}pt" in qapp.styleSheet()
        assert qapp.palette().color(QPalette.ColorRole.Base).name() == "#141516"
    finally:
        theme.zoom_reset()
        theme.set_scheme("light")
    assert qapp.palette().color(QPalette.ColorRole.Base).name() == "#ffffff"
