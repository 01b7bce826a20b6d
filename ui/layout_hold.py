"""Filling a shown view without laying out the whole window at each widget it shows.

Showing a widget inside a visible one lays out every visible ancestor with a layout, there and
then, and the next widget shown makes that layout dirty again: a citizen's header, showing its
cases and warnings one label at a time, laid the record out a dozen times (40-60 ms). Held, the
layouts are laid out once, at the end.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QLayout, QWidget


@contextmanager
def layouts_held(*widgets: QWidget) -> Iterator[None]:
    """Hold the layouts of ``widgets`` (outermost first) while the block fills them; then
    lay them out once, outermost first."""
    held: list[QLayout] = []
    for widget in widgets:
        layout = widget.layout()
        if layout is not None and layout.isEnabled():
            layout.setEnabled(False)
            held.append(layout)
    try:
        yield
    finally:
        for layout in held:
            layout.setEnabled(True)
        for layout in held:
            layout.activate()
