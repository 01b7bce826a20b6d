"""No value changes on a mouse wheel unless the field has the keyboard focus.

Every combo box, spin box and date edit of the application is guarded: a wheel over one that
is not focused passes on to what is under it (the page scrolls, nothing is picked and nothing
is saved), and the wheel no longer gives such a field the focus on its way past. Once a field
has the focus (a click or Tab), the wheel changes it as usual: the person chose to work with it.

The fields are found as the application's style polishes them (a proxy over the style in use),
and only they are watched. A filter on the whole application saw every event of every widget
(about 9,000 to open one citizen's record, 60 ms of a 150 ms build); this sees each field once.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyleFactory,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit and QTimeEdit are spin boxes too


class WheelGuard(QObject):
    """The filter on each guarded field."""

    def guard(self, widget: QWidget) -> None:
        if not isinstance(widget, _GUARDED):
            return
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Installing twice is harmless: Qt keeps one entry per filter object.
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only guarded fields are watched; a spin box's line edit passes its wheel up to it.
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            # Ignored and filtered: Qt offers it to the parents (the scrolling page) instead.
            event.ignore()
            return True
        return False


class _GuardingStyle(QProxyStyle):
    """The style in use, unchanged, except that it hands each field it polishes to the guard."""

    def __init__(self, base_key: str, guard: WheelGuard) -> None:
        super().__init__(base_key)
        self._guard = guard

    def polish(self, target: object) -> object:  # type: ignore[override]
        # One Python override stands for QStyle's three polish() overloads.
        if isinstance(target, QPalette):
            return super().polish(target)
        super().polish(target)  # type: ignore[call-overload]
        if isinstance(target, QWidget):
            self._guard.guard(target)
        return None


_installed: list[tuple[WheelGuard, str]] = []


def install(app: QCoreApplication | None = None) -> WheelGuard:
    """Guard every field of the application (once; later calls return the same guard)."""
    if _installed:
        return _installed[0][0]
    target = app or QCoreApplication.instance()
    if not isinstance(target, QApplication):
        raise RuntimeError("the wheel guard needs a QApplication")
    guard = WheelGuard(target)
    base_key = target.style().name()
    target.setStyle(_GuardingStyle(base_key, guard))
    for widget in target.allWidgets():  # fields made before the guard: polished already
        guard.guard(widget)
    _installed.append((guard, base_key))
    return guard


def uninstall() -> None:
    """Take the guard off again (a test that checks who installs it starts without one)."""
    while _installed:
        guard, base_key = _installed.pop()
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            style = QStyleFactory.create(base_key)
            if style is not None:
                app.setStyle(style)
            for widget in app.allWidgets():
                widget.removeEventFilter(guard)
        guard.deleteLater()
