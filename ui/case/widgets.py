"""Pieces the citizen and case views share: tables, headings, the error banner, the conflict
badge, and quick actions whose shortcuts are shown on their buttons."""

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from ui import theme
from ui.dialogs.shared import named_icon


def heading(text: str, role: str = "heading") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def muted(name: str, description: str, wrap: bool = True) -> QLabel:
    """Secondary text that can be selected and copied (so it is named for screen readers)."""
    label = QLabel()
    label.setAccessibleName(name)
    label.setAccessibleDescription(description)
    label.setProperty("role", "muted")
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def tab_pages(tabs: QTabWidget) -> QWidget:
    """The page stack inside a tab widget (Qt names it; there is no accessor). A page made
    inside it is not moved by addTab: with the council's style sheet, moving a styled widget
    to another parent styles it and everything it holds again."""
    stack = tabs.findChild(
        QStackedWidget, "qt_tabwidget_stackedwidget", Qt.FindChildOption.FindDirectChildrenOnly
    )
    return stack if stack is not None else tabs


def make_table(
    model: QAbstractItemModel, name: str, description: str, parent: QWidget | None = None
) -> QTableView:
    """A read-only, row-selecting table that Tab leaves (arrow keys move inside it). Give it
    its final ``parent`` where there is one: moving it later styles it again."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setAccessibleDescription(description)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return table


def stretch_column(table: QTableView, column: int, fit_others: bool = False) -> None:
    """One column takes the spare width; with ``fit_others`` (short tables only: it measures
    every row) the rest fit their contents."""
    header = table.horizontalHeader()
    if fit_others:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)


def set_widths(table: QTableView, widths: dict[int, str]) -> None:
    """Fixed column widths from sample text, so a long table never measures its rows."""
    metrics = table.fontMetrics()
    for column, sample in widths.items():
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 32)


def fit_height(table: QTableView, min_rows: int = 2, max_rows: int = 8) -> None:
    """A short table as tall as its rows (within bounds), so the page scrolls, not the table."""
    model = table.model()
    rows = max(min_rows, min(max_rows, model.rowCount() if model is not None else 0))
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += rows * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height)


class ErrorBanner(QLabel):
    """What failed, in plain words, until the next thing succeeds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_role(self, "role", "error")
        self.setAccessibleName(self.tr("What went wrong"))
        self.setAccessibleDescription(self.tr("The last thing that could not be done, and why."))
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.say("")


class ConflictBadge(QWidget):
    """A badge that says a record has conflicting changes, and a button to resolve them."""

    resolve_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge = QLabel(self.tr("Conflicting changes"))
        self.badge.setProperty("role", "badge")
        self.badge.setAccessibleName(self.tr("This record has conflicting changes"))
        icon = named_icon("conflict", "red")
        self.button = QPushButton(self.tr("Resolve conflict… (Ctrl+Shift+R)"))
        if icon is not None:
            self.button.setIcon(icon)
        self.button.setAccessibleName(self.tr("Resolve conflict (Ctrl+Shift+R)"))
        self.button.setAccessibleDescription(
            self.tr(
                "Two people changed this record at the same time, at least one of them offline. "
                "Compare the versions field by field and choose what to keep."
            )
        )
        self.button.setToolTip(self.button.accessibleDescription())
        self.button.clicked.connect(self.resolve_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self.button)
        self.hide()

    def set_conflicted(self, conflicted: bool) -> None:
        self.setVisible(conflicted)


def quick_action(
    owner: QWidget, text: str, keys: str, description: str, slot: Callable[[], object]
) -> tuple[QAction, QPushButton]:
    """An action with a shortcut that works anywhere inside ``owner``, and a button that shows
    the shortcut on its face ("Log a contact (Ctrl+L)")."""
    sequence = QKeySequence(keys)
    shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    action = QAction(text, owner)
    action.setShortcut(sequence)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setToolTip(f"{description} ({shown})")
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    button = QPushButton(f"{text} ({shown})")
    button.setAccessibleName(f"{text} ({shown})")
    button.setAccessibleDescription(description)
    button.setToolTip(f"{description} ({shown})")
    button.clicked.connect(action.trigger)
    return action, button


def tab_chain(widgets: Sequence[QWidget]) -> None:
    """Tab visits these in this order (the order they are read on screen)."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)
