"""A bar chart as inline SVG, drawn here: no script, no font or file from anywhere else.

The chart is a picture of the table beside it (the table is what a screen reader reads): it
has ``role="img"`` and a title, and a missing (suppressed) bar is marked with a dash.
"""

from collections.abc import Sequence
from html import escape

BAR = 30
GAP = 10
HEIGHT = 160
TOP = 12
BOTTOM = 58  # room for the month labels
LEFT = 44
INK = "#0b0c0c"
FILL = "#1d4f91"  # 9:1 against white (WCAG AA needs 3:1 for graphics)
RULE = "#6f777b"


def _nice(top: float) -> float:
    """A round scale maximum at or above ``top``."""
    if top <= 0:
        return 1.0
    step = 1.0
    while step * 10 < top:
        step *= 10
    for factor in (1, 2, 2.5, 5, 10):
        if step * factor >= top:
            return step * factor
    return step * 10


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def bar_chart(
    chart_id: str, title: str, bars: Sequence[tuple[str, float | None]], *, top: float | None = None
) -> str:
    """``bars`` as (label, value or None for suppressed); ``top`` fixes the scale (e.g. 100)."""
    scale = top if top is not None else _nice(max((v for _, v in bars if v is not None), default=0))
    width = LEFT + len(bars) * (BAR + GAP) + GAP
    total_height = TOP + HEIGHT + BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-t" '
        f'width="{width}" height="{total_height}" viewBox="0 0 {width} {total_height}" '
        f'font-family="sans-serif" font-size="11">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{TOP + HEIGHT}" x2="{width}" y2="{TOP + HEIGHT}" stroke="{RULE}"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end" fill="{INK}">'
        f"{_number(scale)}</text>",
        f'<text x="{LEFT - 4}" y="{TOP + HEIGHT}" text-anchor="end" fill="{INK}">0</text>',
    ]
    for index, (label, value) in enumerate(bars):
        x = LEFT + GAP + index * (BAR + GAP)
        middle = x + BAR / 2
        if value is None:
            parts.append(
                f'<text x="{middle}" y="{TOP + HEIGHT - 4}" text-anchor="middle" '
                f'fill="{INK}">–</text>'
            )
        else:
            height = round(HEIGHT * min(value, scale) / scale, 1)
            parts.append(
                f'<rect x="{x}" y="{TOP + HEIGHT - height}" width="{BAR}" height="{height}" '
                f'fill="{FILL}"/>'
            )
        below = TOP + HEIGHT + 12
        parts.append(
            f'<text x="{middle}" y="{below}" text-anchor="end" fill="{INK}" '
            f'transform="rotate(-45 {middle} {below})">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
