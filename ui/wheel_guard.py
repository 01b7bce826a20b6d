"""No value changes on a mouse wheel unless the field has the keyboard focus.

One filter on the application for every combo box, spin box and date edit: a wheel over one
that is not focused passes on to what is under it (the page scrolls, nothing is picked and
nothing is saved), and the wheel no longer gives such a field the focus on its way past. Once a
field has the focus (a click or Tab), the wheel changes it as usual: the person chose to work
with it.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit and QTimeEdit are spin boxes too


def guarded_field(obj: QObject) -> QWidget | None:
    """The combo box or spin box a wheel over ``obj`` would change (a spin box's line edit
    passes its wheel to the spin box), or None."""
    if isinstance(obj, _GUARDED):
        return obj
    parent = obj.parent() if isinstance(obj, QWidget) else None
    return parent if isinstance(parent, QAbstractSpinBox) else None


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel:
            field = guarded_field(watched)
            if field is not None and not field.hasFocus():
                # Ignored and filtered: Qt offers it to the parents (the scrolling page) instead.
                event.ignore()
                return True
        return False


_installed: list[WheelGuard] = []


def install(app: QCoreApplication | None = None) -> WheelGuard:
    """Guard every field of the application (once; later calls return the same guard)."""
    if _installed:
        return _installed[0]
    target = app or QCoreApplication.instance()
    if target is None:
        raise RuntimeError("the wheel guard needs a QApplication")
    guard = WheelGuard(target)
    target.installEventFilter(guard)
    _installed.append(guard)
    return guard


def uninstall() -> None:
    """Take the guard off again (a test that checks who installs it starts without one)."""
    while _installed:
        guard = _installed.pop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(guard)
        guard.deleteLater()
