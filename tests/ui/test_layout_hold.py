"""Filling a shown widget with its layouts held: laid out once, at the end, and whole."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.layout_hold import layouts_held


class _Resizes(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.count += 1
        return False


def _fill(page: QWidget, watcher: _Resizes, n: int) -> list[QLabel]:
    labels = []
    for i in range(n):
        label = QLabel(f"line {i}", page)
        label.installEventFilter(watcher)
        page.layout().addWidget(label)
        label.show()  # as a header shows what it now has
        labels.append(label)
    return labels


def _shown_page(qtbot) -> QWidget:
    page = QWidget()
    QVBoxLayout(page)
    qtbot.addWidget(page)
    page.resize(300, 400)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_widgets_shown_while_held_are_laid_out_once_and_whole(qtbot) -> None:
    held = _Resizes()
    page = _shown_page(qtbot)
    with layouts_held(page):
        labels = _fill(page, held, 8)
    assert page.layout().isEnabled()
    assert all(label.width() > 0 and label.height() > 0 for label in labels)
    tops = [label.y() for label in labels]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one under another

    free = _Resizes()
    _fill(_shown_page(qtbot), free, 8)
    # Unheld, each label shown lays the page out again, resizing those before it: 8 labels,
    # 36 resizes; held, each label is resized when shown and once more when laid out.
    assert held.count <= 2 * 8 < free.count


def test_a_layout_already_disabled_is_left_disabled(qtbot) -> None:
    page = _shown_page(qtbot)
    page.layout().setEnabled(False)
    with layouts_held(page):
        pass
    assert not page.layout().isEnabled()


def test_the_layouts_come_back_when_filling_fails(qtbot) -> None:
    page = _shown_page(qtbot)
    try:
        with layouts_held(page):
            raise RuntimeError("a snapshot that could not be shown")
    except RuntimeError:
        pass
    assert page.layout().isEnabled()
