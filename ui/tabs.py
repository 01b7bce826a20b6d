"""The work area: a home tab (the rail's page) and one tab per open citizen or case.

Opening a record that is already open brings its tab forward instead of opening it twice.
The record views come from ui/citizen and ui/case: ``CitizenView(ctx, citizen_id, parent)``
and ``CaseView(ctx, case_id, parent)``, each with the signals ``open_citizen_requested(str)``,
``open_case_requested(str)`` and ``title_changed(str)``.
"""

import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import icons, warm_imports
from ui.case.widgets import tab_pages
from ui.context import UiContext

log = logging.getLogger(__name__)
SPARE_FIRST_MS = 2000  # the first spare views, once the window has settled after starting
SPARE_AGAIN_MS = 500  # the next, once a record just opened has been read and shown
WARM_IMPORTS_MS = 300  # the views' code, imported off the GUI thread once the window is up
ViewFactory = Callable[[UiContext, str, QWidget | None], QWidget]
_VIEWS = {"citizen": ("ui.citizen", "CitizenView"), "case": ("ui.case", "CaseView")}


def view_factory(kind: str) -> ViewFactory | None:
    """The record view class for "citizen" or "case", or None while it is not built yet."""
    module_name, class_name = _VIEWS[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        if exc.name is None or not module_name.startswith(exc.name):
            raise  # the module is there but broken: say so loudly
        return None
    view = getattr(module, class_name, None)
    return view if callable(view) else None


def record_kind(record_id: str) -> str:
    """Document ids carry their type: ``citizen:01j...``, ``case:01j...``."""
    kind = record_id.split(":", 1)[0]
    if kind not in _VIEWS:
        raise ValueError(f"not a citizen or case id: {record_id!r}")
    return kind


def focus_into(widget: QWidget) -> None:
    """Give the keyboard to a page: itself or its focus proxy if it takes focus, else the first
    control in its tab order."""
    if widget.focusProxy() is not None or widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (
            widget.isAncestorOf(candidate)
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and candidate.isVisibleTo(widget)
            and candidate.isEnabled()
        ):
            candidate.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        candidate = candidate.nextInFocusChain()


class _Unavailable(QWidget):
    def __init__(self, kind: str, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            self.tr("This build of Caseworker cannot show %1 yet (%2).")
            .replace("%1", self.tr("citizens") if kind == "citizen" else self.tr("cases"))
            .replace("%2", record_id)
        )
        label.setWordWrap(True)
        label.setProperty("role", "muted")
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        QVBoxLayout(self).addWidget(label)


class _Gone(QWidget):
    """What a record's tab shows once the record has left this laptop (it was purged: the case
    was reassigned away, or left the person's work). Nothing of the record is kept on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record-gone")
        self.message = QLabel(
            self.tr("This record is no longer on this laptop: it was reassigned or left your work.")
        )
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.close_button = QPushButton(self.tr("&Close this tab"))
        self.close_button.setAccessibleName(self.tr("Close this tab"))
        self.close_button.setAccessibleDescription(
            self.tr("Closes the tab of a record that is no longer on this laptop.")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setFocusProxy(self.close_button)


class RecordTabs(QTabWidget):
    open_citizen_requested = Signal(str)
    open_case_requested = Signal(str)
    titles_changed = Signal()

    def __init__(self, ctx: UiContext, home: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("work-area")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setAccessibleName(self.tr("Open records"))
        self.setAccessibleDescription(
            self.tr("Ctrl+Tab and Ctrl+Shift+Tab move between tabs; Ctrl+W closes one.")
        )
        self.tabBar().setAccessibleName(self.tr("Tabs"))
        self.tabBar().setAccessibleDescription(self.accessibleDescription())
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.home = home
        self.addTab(home, "")
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.RightSide, None)
        self.tabCloseRequested.connect(self.close_tab)
        self._open: dict[str, QWidget] = {}
        # A record view built ahead, per kind, while nothing else happens (the kinds whose view
        # offers ``spare`` and ``bind``): opening a record then only reads and fills it.
        self._spares: dict[str, QWidget] = {}
        self._spare_timer = QTimer(self)
        self._spare_timer.setSingleShot(True)
        self._spare_timer.timeout.connect(self._build_spares)
        self._spare_timer.start(SPARE_FIRST_MS)
        QTimer.singleShot(WARM_IMPORTS_MS, warm_imports.start)

    def set_home_title(self, title: str, icon_name: str) -> None:
        self.setTabText(0, title)
        self.setTabIcon(0, icons.icon(icon_name))

    def open_record(self, record_id: str) -> QWidget:
        """Show a citizen or case, in its existing tab if it has one."""
        existing = self._open.get(record_id)
        if existing is not None:
            self.setCurrentWidget(existing)
            focus_into(existing)
            return existing
        kind = record_kind(record_id)
        factory = view_factory(kind)
        # Made inside the page stack it is shown in: handing a built view to addTab from any
        # other parent makes the style sheet style all of it again (15 ms for a citizen).
        pages = tab_pages(self)
        spare = self._spares.pop(kind, None)
        view: QWidget
        if spare is not None:
            spare.bind(record_id)  # type: ignore[attr-defined]
            view = spare
        elif factory is not None:
            view = factory(self._ctx, record_id, pages)
        else:
            view = _Unavailable(kind, record_id, pages)
        # The next spare waits until this record is read and shown: built meanwhile, it would
        # hold the GUI thread while the record's answer waits.
        self._spare_timer.stop()
        loaded = getattr(view, "loaded", None)
        if loaded is not None:
            loaded.connect(self._after_loaded)
        else:
            self._spare_timer.start(SPARE_AGAIN_MS)
        view.setProperty("record_id", record_id)
        for name in ("open_citizen_requested", "open_case_requested"):
            signal = getattr(view, name, None)
            if signal is not None:
                signal.connect(getattr(self, name))
        title_changed = getattr(view, "title_changed", None)
        if title_changed is not None:
            title_changed.connect(lambda title, v=view: self._retitle(v, title))
        gone = getattr(view, "gone", None)
        if gone is not None:
            gone.connect(lambda v=view: self._record_gone(v))
        placeholder = self.tr("Citizen") if kind == "citizen" else self.tr("Case")
        index = self.addTab(view, icons.icon(kind), placeholder)
        self.setTabToolTip(index, placeholder)
        self.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, self._closer(view))
        self._open[record_id] = view
        self.setCurrentIndex(index)
        focus_into(view)
        return view

    def add_view(self, key: str, view: QWidget, title: str, icon_name: str) -> QWidget:
        """Show a view made elsewhere (a record opened on demand) in a tab of its own under
        ``key``; a tab already open under that key is closed first."""
        if key in self._open:
            self.close_tab(self.indexOf(self._open[key]))
        view.setProperty("record_id", key)
        index = self.addTab(view, icons.icon(icon_name), title)
        self.setTabToolTip(index, title)
        self.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, self._closer(view))
        self._open[key] = view
        self.setCurrentIndex(index)
        focus_into(view)
        return view

    def _closer(self, view: QWidget) -> QToolButton:
        """The tab's own close button (the mouse path; Ctrl+W is the keyboard's)."""
        button = QToolButton()
        button.setObjectName("tab-close")
        button.setIcon(icons.icon("close"))
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(self.tr("Close this tab (Ctrl+W)"))
        button.setAccessibleName(self.tr("Close this tab (Ctrl+W)"))
        button.setAccessibleDescription(self.tr("Closes the tab of this record."))
        button.clicked.connect(lambda: self.close_tab(self.indexOf(view)))
        return button

    def record_view(self, record_id: str) -> QWidget | None:
        return self._open.get(record_id)

    def open_ids(self) -> list[str]:
        return list(self._open)

    def spare(self, kind: str) -> QWidget | None:
        """The view built ahead for the next record of this kind, if one is ready."""
        return self._spares.get(kind)

    def _after_loaded(self) -> None:
        if not self._spare_timer.isActive():
            self._spare_timer.start(SPARE_AGAIN_MS)

    def _build_spares(self) -> None:
        """Build the next record views ahead, one kind per turn of the event loop (each is
        40-80 ms of the GUI thread: together they would be a stall)."""
        if not self.isVisible():
            self._spare_timer.start(SPARE_AGAIN_MS)
            return
        warm_imports.settle()
        for kind in _VIEWS:
            factory = view_factory(kind)
            make = getattr(factory, "spare", None)
            if kind in self._spares or make is None:
                continue
            self._spares[kind] = make(self._ctx, tab_pages(self))
            self._spare_timer.start(0)  # the next kind on a later turn
            return

    def close_tab(self, index: int) -> None:
        widget = self.widget(index)
        if widget is None or widget is self.home:
            return
        record_id = widget.property("record_id")
        self._open.pop(str(record_id), None)
        self.removeTab(index)
        widget.deleteLater()
        self.focus_current()

    def close_current(self) -> None:
        self.close_tab(self.currentIndex())

    def cycle(self, step: int) -> None:
        if self.count() > 1:
            self.setCurrentIndex((self.currentIndex() + step) % self.count())
            self.focus_current()

    def focus_current(self) -> None:
        widget = self.currentWidget()
        if widget is not None:
            focus_into(widget)

    def _record_gone(self, view: QWidget) -> None:
        """Put a plain page in place of a record view whose record was purged (its view would
        only show errors now), keeping the tab where it was."""
        index = self.indexOf(view)
        if index < 0:
            return
        self._open.pop(str(view.property("record_id")), None)
        was_current = self.currentIndex() == index
        page = _Gone(self)
        page.close_button.clicked.connect(lambda: self.close_tab(self.indexOf(page)))
        title = self.tr("No longer here")
        self.insertTab(index, page, icons.icon("close"), title)
        self.setTabToolTip(index, title)
        self.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, self._closer(page))
        self.removeTab(index + 1)
        view.deleteLater()
        if was_current:
            self.setCurrentIndex(index)
            focus_into(page)
        self.titles_changed.emit()

    def _retitle(self, view: QWidget, title: str) -> None:
        index = self.indexOf(view)
        if index >= 0:
            self.setTabText(index, title)
            self.setTabToolTip(index, title)
            self.titles_changed.emit()
