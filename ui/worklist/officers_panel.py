"""The officers of a queue beside its case list, for a supervisor: each with a load bar (open
cases against their cap), and "on leave" or "at capacity" in words.

Drag selected cases onto an officer to give them the cases; from the keyboard, choose an
officer here and press Enter (the selected cases of the list go to them). Choosing one who is
away or at capacity asks first.
"""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from shiboken6 import isValid

from caseworker.services import assignment
from caseworker.services.assignment import Workload
from ui import theme
from ui.context import UiContext
from ui.worklist.model import CASE_IDS_MIME

LOAD_ROLE = Qt.ItemDataRole.UserRole + 1  # (load, cap or None, away or full)
BAR_HEIGHT = 6


class _LoadBar(QStyledItemDelegate):
    """The item's text, and under it a thin bar: load against cap (no cap: against the
    busiest officer shown)."""

    def __init__(self, panel: "OfficersPanel") -> None:
        super().__init__(panel)
        self._panel = panel

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + BAR_HEIGHT + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text_option = QStyleOptionViewItem(option)
        text_option.rect = option.rect.adjusted(0, 0, 0, -(BAR_HEIGHT + 4))
        super().paint(painter, text_option, index)
        load, cap, warn = index.data(LOAD_ROLE) or (0, None, False)
        scale = cap or max(self._panel.busiest, 1)
        rect: QRect = option.rect
        track = QRect(
            rect.left() + 6, rect.bottom() - BAR_HEIGHT - 1, rect.width() - 12, BAR_HEIGHT
        )
        fill = QRect(track)
        fill.setWidth(int(track.width() * min(load / scale, 1.0)) if scale else 0)
        painter.save()
        painter.fillRect(track, theme.colour("grid"))
        painter.fillRect(fill, theme.colour("red" if warn else "accent"))
        painter.restore()


class OfficersPanel(QListWidget):
    """Emits ``assign_requested(staff_id, case_ids)`` once a drop or Enter is confirmed."""

    assign_requested = Signal(str, list)

    def __init__(
        self, ctx: UiContext, selected: Callable[[], list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._selected = selected
        self._loads: dict[str, Workload] = {}
        self.busiest = 0
        self.setAccessibleName(self.tr("Officers (drop cases here)"))
        self.setAccessibleDescription(
            self.tr("Drag cases onto an officer, or choose one and press Enter, to give them "
                    "the selected cases.")
        )  # fmt: skip
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setItemDelegate(_LoadBar(self))
        self.setWordWrap(True)
        self.set_beside(True)

    def side_width(self) -> int:
        """Its width beside the list."""
        return self.fontMetrics().horizontalAdvance("M") * 16

    def set_beside(self, beside: bool) -> None:
        """A column beside the list, or a wrapped row of officers under it (narrow windows)."""
        line = self.fontMetrics().lineSpacing()
        if beside:
            self.setFlow(QListView.Flow.TopToBottom)
            self.setWrapping(False)
            self.setFixedWidth(self.side_width())
            self.setMinimumHeight(0)
            self.setMaximumHeight(16_777_215)
            self.setGridSize(QSize())
        else:
            self.setFlow(QListView.Flow.LeftToRight)
            self.setWrapping(True)
            self.setMinimumWidth(0)
            self.setMaximumWidth(16_777_215)
            tile = QSize(self.side_width(), line * 2 + BAR_HEIGHT + 14)
            self.setGridSize(tile)
            self.setFixedHeight(tile.height() * 2 + 2 * self.frameWidth() + 4)

    def show_queue(self, queue_id: str | None) -> None:
        self._ctx.worker.read(lambda s: assignment.workloads(s, queue_id), self._show)

    def _show(self, loads: list[Workload]) -> None:
        if not isValid(self):
            return
        keep = self.current_id()
        self.clear()
        self._loads = {w.staff_id: w for w in loads}
        self.busiest = max((w.load for w in loads), default=0)
        for w in loads:
            words = self.describe(w)
            item = QListWidgetItem(f"{w.name}\n{words}")
            item.setData(Qt.ItemDataRole.UserRole, w.staff_id)
            item.setData(LOAD_ROLE, (w.load, w.capacity, w.away or w.full))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{w.name}, {words}")
            item.setToolTip(words)
            self.addItem(item)
            if w.staff_id == keep:
                self.setCurrentItem(item)

    def describe(self, w: Workload) -> str:
        if w.away_until is not None:
            return self.tr("on leave until %1").replace("%1", w.away_until.strftime("%d/%m"))
        if w.capacity is None:
            return self.tr("%n open", "", w.load)
        if w.full:
            return self.tr("at capacity %1").replace("%1", f"{w.load}/{w.capacity}")
        return self.tr("%1 open").replace("%1", f"{w.load}/{w.capacity}")

    def current_id(self) -> str | None:
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # -- giving cases -------------------------------------------------------------------------
    def give(self, staff_id: str, case_ids: list[str]) -> None:
        """Ask first when the officer is away or full; then ask for the assignment."""
        w = self._loads.get(staff_id)
        if not case_ids or w is None:
            return
        if w.away or w.full:
            answer = QMessageBox.question(
                self,
                self.tr("Assign anyway?"),
                self.tr("%1 is %2. Give them %n case(s) anyway?", "", len(case_ids))
                .replace("%1", w.name)
                .replace("%2", self.describe(w)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.assign_requested.emit(staff_id, case_ids)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id():
            self.give(str(self.current_id()), self._selected())
            return
        super().keyPressEvent(event)

    def _ids_in(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        raw = bytes(event.mimeData().data(CASE_IDS_MIME).data())
        return [line for line in raw.decode("utf-8", "replace").splitlines() if line]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CASE_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if item is not None and event.mimeData().hasFormat(CASE_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        ids = self._ids_in(event)
        if item is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.give(str(item.data(Qt.ItemDataRole.UserRole)), ids)
