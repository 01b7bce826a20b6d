"""No key text is cut off in any view or dialog, in English or Welsh, at 1280x720, 1400x900 and
1920x1080: the screens of ui/screen_views.py (what ``gui --screenshot --view`` renders) on a
seeded council.

What counts as cut:
- in a table, a key column's header or visible cell whose size hint (text, icon, the delegate's
  and the style sheet's padding) is wider than its section, or a key column that lies past the
  right edge of the table (behind a horizontal scroll bar);
- a visible label that does not wrap and whose text is wider than the label;
- a button or check box narrower than the least its text needs.

Each window is built once per screen and language and then resized to each size.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from caseworker.store.store import Store
from tests.ui.conftest import staff_with_role
from ui import i18n
from ui.central import CentralConnection
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.screen_views import DIALOGS, ROLE_FOR, VIEWS
from ui.screenshot import show_screen, wait_until_idle
from ui.theme import Theme
from ui.worklist.model import COLUMNS

SIZES = ((1280, 720), (1400, 900), (1920, 1080))
LANGUAGES = ("en", "cy")

# The key columns of every table, by its model's class (column keys from the model's COLUMNS),
# or, for Qt's own item models, by the class of the dialog or view that holds the table
# (column numbers). Free text (summaries, what was said) may be elided with its full text a
# keystroke away; these may not.
KEY_COLUMNS: dict[str, tuple[str | int, ...]] = {
    "CaseListModel": ("due", "reference", "citizen", "service", "status", "priority"),
    "IdentifiersModel": ("kind", "value", "verified"),
    "ConsentsModel": ("purpose", "basis", "period"),
    # The service shares the spare width with the summary (both elide, full text in a tooltip).
    "CitizenCasesModel": ("reference", "status", "priority", "sla"),
    "HistoryModel": ("when", "who"),
    "NotesModel": ("when", "who"),
    "ContactsModel": ("when", "channel", "direction", "who"),
    "SearchResultsModel": (0,),  # the name or reference (the detail line under it may elide)
    "SyncProblemsDialog": (0, 1),
    "SignInDialog": (0,),
    "RulesModel": ("position", "queue"),
    "EscalationRulesModel": ("when", "action", "state"),  # name and scope elide (tooltip)
    "MentionListModel": ("published", "state"),  # who and what elide (whole in the detail)
}

# Screens with cut text that is known and not yet fixed, each with what is cut. Strict: once
# the view is fixed the test passes, fails as XPASS, and its entry must go.
KNOWN_CUT: dict[str, str] = {}


@dataclass(frozen=True)
class Cut:
    size: str
    where: str
    text: str
    needs: int
    has: int

    def __str__(self) -> str:
        return f"{self.size} {self.where}: {self.text!r} needs {self.needs}px, has {self.has}px"


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def _key_columns(view: QAbstractItemView, model: QAbstractItemModel) -> list[int]:
    while isinstance(model, QSortFilterProxyModel):  # a filter keeps its source's columns
        model = model.sourceModel()
    keys = KEY_COLUMNS.get(type(model).__name__) or KEY_COLUMNS.get(
        type(view.window()).__name__, ()
    )
    names: tuple[str, ...] = getattr(model, "COLUMNS", ())
    return [names.index(key) if isinstance(key, str) else key for key in keys]


@contextmanager
def _elisions() -> Iterator[set[str]]:
    """The texts a Python delegate elided (QFontMetrics.elidedText) while painting."""
    elided: set[str] = set()
    original = QFontMetrics.elidedText

    def recording(
        metrics: QFontMetrics, text: str, mode: Qt.TextElideMode, width: int, flags: int = 0
    ) -> str:
        shown = original(metrics, text, mode, width, flags)
        if shown != text:
            elided.add(text)
        return shown

    QFontMetrics.elidedText = recording  # type: ignore[method-assign,assignment]
    try:
        yield elided
    finally:
        QFontMetrics.elidedText = original  # type: ignore[method-assign]


def _visible_rows(view: QAbstractItemView, model: QAbstractItemModel) -> range:
    rows = model.rowCount()
    if rows == 0:
        return range(0)
    first = view.indexAt(view.viewport().rect().topLeft()).row()
    last = view.indexAt(view.viewport().rect().bottomLeft()).row()
    return range(max(first, 0), (last if last >= 0 else rows - 1) + 1)


def _cell_hint(view: QAbstractItemView, index: QModelIndex) -> int:
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)  # font, padding and decoration size as the view paints
    delegate = view.itemDelegateForIndex(index)
    return int(delegate.sizeHint(option, index).width())


def _header_hint(header: QHeaderView, section: int) -> int:
    """What the section's title needs; the sort arrow counts only where it is drawn."""
    needs = int(header.sectionSizeFromContents(section).width())
    if header.isSortIndicatorShown() and header.sortIndicatorSection() != section:
        # Qt adds room for the arrow to every section; only the sorted one draws it
        # (qheaderview.cpp: sectionSizeFromContents adds height + margin).
        margin = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin)
        needs -= header.sectionSizeFromContents(section).height() + margin
    return needs


def _table_cuts(view: QTableView | QTreeView, size: str) -> Iterator[Cut]:
    model = view.model()
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    name = view.accessibleName() or type(model).__name__
    edge = view.viewport().width()
    grid = 1 if isinstance(view, QTableView) and view.showGrid() else 0
    for column in _key_columns(view, model):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header.sectionSize(column)
        left = header.sectionViewportPosition(column)
        if left + width > edge + 1:
            yield Cut(size, f"{name} column {title!r}", "(past the right edge)", left + width, edge)
        if header.isVisible() and (needs := _header_hint(header, column)) > width:
            yield Cut(size, f"{name} header", title, needs, width)
        for row in _visible_rows(view, model):
            index = model.index(row, column)
            needs = _cell_hint(view, index)
            if needs > width - grid:
                text = str(index.data() or "")
                yield Cut(size, f"{name} {title!r} row {row}", text, needs, width - grid)


def _list_cuts(view: QListView, size: str) -> Iterator[Cut]:
    model = view.model()
    if 0 not in _key_columns(view, model):
        return
    edge = view.viewport().width()
    if type(view.itemDelegate()) is not QStyledItemDelegate:
        # A delegate that paints for itself and elides what does not fit (search hits): paint
        # the list and see whether an item's text was elided.
        with _elisions() as elided:
            view.viewport().grab()
        for row in _visible_rows(view, model):
            text = str(model.index(row, 0).data() or "")
            if text in elided:
                yield Cut(size, f"{view.accessibleName()} row {row}", text, 0, edge)
        return
    for row in _visible_rows(view, model):
        index = model.index(row, 0)
        if (needs := _cell_hint(view, index)) > edge:
            yield Cut(size, view.accessibleName(), str(index.data()), needs, edge)


def _label_cuts(label: QLabel, size: str) -> Iterator[Cut]:
    text = label.text()
    if not text or label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText:
        return
    if "<" in text and label.textFormat() != Qt.TextFormat.PlainText:
        return
    needs = label.sizeHint().width()  # the text, the margins and the style sheet's padding
    if needs > label.width():
        yield Cut(size, f"label {label.objectName() or ''}".strip(), text, needs, label.width())


def _button_cuts(button: QAbstractButton, size: str) -> Iterator[Cut]:
    if not button.text() or (isinstance(button, QToolButton) and not button.text().strip()):
        return
    needs = button.minimumSizeHint().width()
    if needs > button.width():
        yield Cut(size, type(button).__name__, button.text(), needs, button.width())


def cut_text(top: QWidget, size: str) -> list[Cut]:
    """Every key text cut off in what ``top`` shows now."""
    found: list[Cut] = []
    for widget in top.findChildren(QWidget):
        if not _shown(widget, top):
            continue
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            found.extend(_table_cuts(widget, size))
        elif isinstance(widget, QListView) and widget.model() is not None:
            found.extend(_list_cuts(widget, size))
        elif isinstance(widget, QLabel):
            found.extend(_label_cuts(widget, size))
        elif isinstance(widget, QAbstractButton):
            found.extend(_button_cuts(widget, size))
    return found


@pytest.fixture
def window_in(
    qtbot: QtBot,
    qapp: QApplication,
    theme: Theme,
    seeded: Store,
    data_dir: Path,
    make_ctx: Callable[[str], UiContext],
) -> Iterator[Callable[..., MainWindow]]:
    """A window on the seeded council in a language (restored to English afterwards), signed in
    as an agent unless a role is given."""
    made: list[CentralConnection] = []
    ctx = make_ctx("agent")

    def make(lang: str, role: str = "agent") -> MainWindow:
        ctx = make_ctx(role)
        i18n.install(qapp, lang)
        username = staff_with_role(seeded, ctx.actor.role).username
        central = CentralConnection(data_dir, ctx.worker, ctx.bus, username, None)
        window = MainWindow(ctx, theme, central=central)
        qtbot.addWidget(window)
        made.append(central)
        window.resize(*SIZES[0])
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    wait_until_idle(ctx.worker, 10)  # no answer may arrive for a window that is gone
    for central in made:
        central.stop()
    i18n.install(qapp, "en")


def _check(window: MainWindow, screen: str, qtbot: QtBot) -> list[Cut]:
    dialog = show_screen(window, screen)
    found: list[Cut] = []
    sizes = SIZES if dialog is None else SIZES[:1]  # a dialog's size is its own
    for width, height in sizes:
        window.resize(width, height)
        qtbot.wait(20)  # layouts settle on the next turn of the event loop
        found.extend(cut_text(dialog or window, f"{width}x{height}"))
    if dialog is not None:
        dialog.close()
    return found


def _params() -> list[object]:
    params: list[object] = []
    for lang in LANGUAGES:
        for screen in [*VIEWS, *DIALOGS]:
            marks = []
            if (reason := KNOWN_CUT.get(f"{screen}-{lang}")) is not None:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            params.append(pytest.param(screen, lang, marks=marks, id=f"{screen}-{lang}"))
    return params


@pytest.mark.parametrize(("screen", "lang"), _params())
def test_no_key_text_is_cut_off(
    window_in: Callable[..., MainWindow], qtbot: QtBot, screen: str, lang: str
) -> None:
    window = window_in(lang, ROLE_FOR.get(screen, "agent"))
    found = _check(window, screen, qtbot)
    assert not found, f"{len(found)} cut in {screen} ({lang}):\n" + "\n".join(
        str(cut) for cut in found[:40]
    )


def test_the_check_finds_a_key_column_too_narrow_for_its_text(
    window_in: Callable[[str], MainWindow], qtbot: QtBot
) -> None:
    window = window_in("en")
    show_screen(window, "my-work")
    table = window.pages["my_work"].findChild(QTableView)
    assert table is not None and table.model().rowCount() > 0
    column = COLUMNS.index("reference")
    table.setColumnWidth(column, 40)
    found = cut_text(window, "test")
    assert any("Reference" in cut.where and cut.has <= 40 for cut in found), found


def test_the_check_finds_a_label_narrower_than_its_text(
    window_in: Callable[[str], MainWindow], qtbot: QtBot
) -> None:
    window = window_in("en")
    show_screen(window, "start")
    label = QLabel("A label far too long for the width it was given", window.pages["my_work"])
    label.setFixedWidth(60)
    label.show()
    assert [cut.text for cut in cut_text(window, "test")] == [label.text()]


def test_the_check_finds_search_hits_whose_name_is_elided(
    window_in: Callable[[str], MainWindow], qtbot: QtBot
) -> None:
    window = window_in("en")
    show_screen(window, "search")
    results = window.search_page.results
    assert results.model().rowCount() > 0
    assert not cut_text(window, "wide")
    results.setFixedWidth(120)
    qtbot.wait(20)
    found = cut_text(window, "narrow")
    assert found and all("row" in cut.where for cut in found), found
    # Which hit is cut first depends on the names (the seed's, here): any row's name will do.
    model = results.model()
    assert found[0].text in {model.index(r, 0).data() for r in range(model.rowCount())}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", ["agent", "field_officer", "supervisor"])
def test_the_window_fits_the_smallest_screen_for_every_role(
    window_in: Callable[..., MainWindow], qtbot: QtBot, lang: str, role: str
) -> None:
    """No page a role sees may make the window wider than 1280 pixels: a page in the stack
    too wide makes the whole window wider, and a screenshot of it silently so."""
    window = window_in(lang, role)
    window.resize(*SIZES[0])
    qtbot.wait(20)
    assert window.minimumSizeHint().width() <= SIZES[0][0]
    assert window.width() == SIZES[0][0]
