"""Walk every widget of the main window, every rail page and open record views included, and
fail on any control that takes keyboard focus without an accessible name and description."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case, Citizen
from caseworker.store.store import Store
from ui.main_window import MainWindow

WAIT_MS = 10_000


def _is_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (a combo box's pop-up list, a spin box's editor, a tab
    bar's scroll arrows), which assistive technology reaches through the control itself."""
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, QComboBox | QAbstractSpinBox | QTabBar):
            return True
        node = node.parentWidget()
    return False


def _describe(widget: QWidget) -> str:
    names = []
    node: QWidget | None = widget
    while node is not None:
        text = node.text() if isinstance(node, QLabel | QAbstractButton) else ""
        names.append(f"{type(node).__name__}({node.objectName() or text[:30] or '-'})")
        node = node.parentWidget()
    return " < ".join(names[:4])


def unnamed_controls(root: QWidget) -> list[str]:
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or _is_internal(widget):
            continue
        if not widget.accessibleName().strip():
            problems.append(f"no accessible name: {_describe(widget)}")
        elif not widget.accessibleDescription().strip():
            problems.append(
                f"no accessible description: {_describe(widget)} {widget.accessibleName()!r}"
            )
    return problems


def test_every_focusable_control_has_a_name_and_a_description(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    with seeded.read() as session:
        citizen = session.scalars(select(Citizen.id).order_by(Citizen.id)).first()
        case = session.scalars(select(Case.id).order_by(Case.id)).first()
    assert citizen is not None and case is not None
    for page in window.page_names:
        window.show_page(page)
    window.open_record(citizen)
    window.open_record(case)
    qtbot.waitUntil(lambda: window.ctx.worker.pending == 0, timeout=WAIT_MS)
    problems = unnamed_controls(window)
    assert not problems, "\n".join(problems)


def test_tab_order_runs_from_the_omnibox_through_the_rail_into_the_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: window.ctx.worker.pending == 0, timeout=WAIT_MS)
    assert window.omnibox.hasFocus()
    seen = []
    for _ in range(12):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    rail_buttons = list(window.rail.buttons.values())
    assert seen[0] in rail_buttons
    my_work = window.pages["my_work"]
    assert any(my_work.isAncestorOf(w) for w in seen), "Tab never reaches the page"
