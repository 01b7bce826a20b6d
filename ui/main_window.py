"""The main window: navigation rail, omnibox, tabs of open records, menus and status bar.

Every action is in a menu with its shortcut shown (F1 lists them all): Ctrl+K search,
Ctrl+1..6 the rail's pages, Ctrl+Tab / Ctrl+Shift+Tab between tabs, Ctrl+W closes a tab;
for a new or unknown caller (``ui.callers``) Ctrl+Shift+N a new citizen, Ctrl+Shift+L an
anonymous contact, Ctrl+Shift+O a case for no one.

Start-up imports only what the first window shows: record views, dialogs and the pages a role
may never open are imported where they are first needed (a cold start imports some 1,000
modules, and each one on the way to the first paint is time the person waits).
"""

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.security.lock import lock_after_minutes
from caseworker.services.context import ChangeSet
from ui import first_sync, rail, wheel_guard
from ui.central import CentralConnection, pending_reader
from ui.context import UiContext
from ui.lock import PasswordCheck, WindowLock
from ui.opened_record import opener_for, show_opened
from ui.search.model import SearchController
from ui.search.omnibox import Omnibox
from ui.search.page import SearchPage
from ui.search.quick import GuiReader
from ui.status_bar import PendingReader, StatusBar
from ui.tabs import RecordTabs, focus_into
from ui.theme import Theme
from ui.worklist.pages import QueuesPage, my_work_page

QUICK_SEARCH_OPENS_MS = 500  # after the first paint: opening it derives an encrypted store's key


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    closed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        theme: Theme | None = None,
        pending: PendingReader | None = None,
        parent: QWidget | None = None,
        central: CentralConnection | None = None,
    ) -> None:
        super().__init__(parent)
        wheel_guard.install()  # app-wide: no field changes on a wheel unless it has focus
        self.ctx = ctx
        self.central = central
        self._theme = theme
        self._open_when_settled = False
        self.forget_on_sign_out = False  # "Sign out and forget this computer" was chosen
        self.setObjectName("main-window")
        self.setAccessibleName(self.tr("Caseworker"))
        # Searches run on the GUI thread while they are quick, so rows follow each keystroke
        # without two thread hops (ui.search.quick); slower ones go to the worker.
        quick = GuiReader(ctx.worker.store)
        self.search = SearchController(ctx.worker, self, ctx.bus, quick)
        QTimer.singleShot(QUICK_SEARCH_OPENS_MS, self, quick.open)  # its connection, once shown
        self.omnibox = Omnibox()
        self.page_names = rail.pages_for(ctx.actor.role, ctx.holds_mentions)
        self.pages: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        for page in self.page_names:
            widget = self._make_page(page)
            self.pages[page] = widget
            self.stack.addWidget(widget)
        self.rail = rail.NavigationRail(self.page_names)
        self.tabs = RecordTabs(ctx, self.stack)
        if pending is None and central is not None:
            pending = pending_reader(central.config)
        self.status = StatusBar(ctx, pending, self)
        self.setStatusBar(self.status)
        if central is not None:
            central.state_changed.connect(self.status.show_sync)
            central.configured.connect(
                lambda: self.status.set_pending_reader(pending_reader(central.config))
            )
            if central.state is not None:
                self.status.show_sync(central.state)
            first_sync.ask_in(self, central.first_sync)  # before a large first sync

        search_label = QLabel(self.tr("Search (Ctrl+K):"))
        search_label.setBuddy(self.omnibox)
        header = QHBoxLayout()
        header.setContentsMargins(12, 10, 12, 6)
        header.addWidget(search_label)
        header.addWidget(self.omnibox, 1)
        work = QVBoxLayout()
        work.setContentsMargins(0, 0, 0, 0)
        work.setSpacing(0)
        work.addLayout(header)
        work.addWidget(self.tabs, 1)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addLayout(work, 1)
        self.setCentralWidget(body)

        self.omnibox.textChanged.connect(self._on_typed)
        self.omnibox.move_requested.connect(self.search_page.move_current)
        self.omnibox.open_requested.connect(self._open_from_search)
        self.search.results_ready.connect(self._on_results)
        self.rail.page_chosen.connect(self.show_page)
        self.tabs.open_citizen_requested.connect(self.open_record)
        self.tabs.open_case_requested.connect(self.open_record)
        self.tabs.currentChanged.connect(lambda _i: self._update_title())
        self.tabs.titles_changed.connect(self._update_title)
        self.locker = WindowLock(self, ctx.staff_name, self._password_check())
        self.locker.locked_changed.connect(lambda _locked: self._update_title())
        self.locker.sign_out_requested.connect(self._sign_out)
        self._build_menus()
        chain: list[QWidget] = [self.omnibox, *self.rail.buttons.values()]
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)
        self.show_page(self.page_names[0])
        self.resize(1400, 900)
        ctx.worker.read(lock_after_minutes, self.locker.set_minutes)
        ctx.bus.changed.connect(self._on_changed_for_lock)
        self.locker.start()

    # -- navigation ----------------------------------------------------------------------------
    @property
    def search_page(self) -> SearchPage:
        page = self.pages["search"]
        assert isinstance(page, SearchPage)
        return page

    def show_page(self, page: str, focus: bool = True) -> None:
        widget = self.pages.get(page)
        if widget is None:
            return
        self.stack.setCurrentWidget(widget)
        self.rail.set_current(page)
        icon_name = {
            "my_work": "nav-my-work",
            "board": "nav-dashboard",
            "service_levels": "nav-service-levels",
        }.get(page, f"nav-{page}")
        self.tabs.set_home_title(rail.page_title(page), icon_name)
        self.tabs.setCurrentIndex(0)
        if focus and page != "search":
            focus_into(widget)
        self._update_title()

    def focus_search(self) -> None:
        self.omnibox.focus_and_select()

    def open_record(self, record_id: str) -> QWidget:
        return self.tabs.open_record(record_id)

    def _make_page(self, page: str) -> QWidget:
        if page == "my_work":
            view = my_work_page(self.ctx)
            view.open_case_requested.connect(self.open_record)
            return view
        if page == "queues":
            queues = QueuesPage(self.ctx)
            queues.open_case_requested.connect(self.open_record)
            return queues
        if page == "board":
            from ui.board.page import BoardPage  # QtCharts: loaded only for those who see it

            board = BoardPage(self.ctx)
            board.open_case_requested.connect(self.open_record)
            return board
        if page == "search":
            search = SearchPage(self.search, opener=opener_for(self.ctx, self.central))
            search.record_opened.connect(lambda opened: show_opened(self.tabs, opened))
            search.open_citizen_requested.connect(self.open_record)
            search.open_case_requested.connect(self.open_record)
            search.new_citizen_requested.connect(self.new_citizen)
            search.anonymous_contact_requested.connect(self.log_anonymous_contact)
            search.case_for_no_one_requested.connect(self.open_case_for_no_one)
            return search
        if page == "routing":
            from ui.routing.page import RoutingPage

            return RoutingPage(self.ctx)
        if page == "service_levels":
            from ui.service_levels.page import ServiceLevelsPage

            return ServiceLevelsPage(self.ctx)
        if page == "mentions":
            from ui.mentions.page import MentionsPage

            mentions = MentionsPage(self.ctx)
            mentions.open_case_requested.connect(self.open_record)
            mentions.open_citizen_requested.connect(self.open_record)
            return mentions
        raise ValueError(f"no page {page!r}")

    # -- the omnibox ---------------------------------------------------------------------------
    def _on_changed_for_lock(self, changes: ChangeSet) -> None:
        # The council's longest idle time arrived (or changed): never wait longer than it.
        if changes.ids_of("security"):
            self.ctx.worker.read(lock_after_minutes, self.locker.set_minutes)

    def _on_typed(self, text: str) -> None:
        self._open_when_settled = False
        self.search.search(text)
        if text.strip() and self.stack.currentWidget() is not self.search_page:
            self.show_page("search", focus=False)
        elif text.strip():
            self.tabs.setCurrentIndex(0)

    def _open_from_search(self) -> None:
        if not self.search.settled:
            self._open_when_settled = True  # Enter typed before the answer: open it on arrival
            return
        self.search_page.open_current()

    def _on_results(self, _query: str, _count: int) -> None:
        if self._open_when_settled and self.search.settled:
            self._open_when_settled = False
            self.search_page.open_current()

    # -- menus and shortcuts -------------------------------------------------------------------
    def _action(self, menu_text: str, shortcut: str | QKeySequence, slot: object) -> QAction:
        action = QAction(menu_text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = bar.addMenu(self.tr("&File"))
        if self.central is not None:
            file_menu.addAction(self._action(self.tr("Sync &now"), "F5", self.sync_now))
            file_menu.addAction(
                self._action(self.tr("Central &service…"), "Ctrl+Shift+S", self.connect_central)
            )
            file_menu.addAction(
                self._action(self.tr("Sync &problems…"), "Ctrl+Shift+P", self.show_sync_problems)
            )
            file_menu.addSeparator()
        file_menu.addAction(self.locker.action)
        file_menu.addAction(self._action(self.tr("Sign &out"), "Ctrl+Shift+Q", self._sign_out))
        if self.central is not None:
            file_menu.addAction(
                self._action(
                    self.tr("Sign out and &forget this computer"),
                    "Ctrl+Alt+Shift+Q",
                    self._sign_out_and_forget,
                )
            )
        file_menu.addAction(self._action(self.tr("&Quit"), "Ctrl+Q", self.close))
        caller = bar.addMenu(self.tr("&Caller"))
        caller.addAction(self._action(self.tr("&New citizen…"), "Ctrl+Shift+N", self.new_citizen))
        caller.addAction(
            self._action(
                self.tr("Log an &anonymous contact…"), "Ctrl+Shift+L", self.log_anonymous_contact
            )
        )
        caller.addAction(
            self._action(
                self.tr("Open a case for &no one…"), "Ctrl+Shift+O", self.open_case_for_no_one
            )
        )
        # What can be done with the record in the current tab: its own quick actions. No
        # mnemonic: a record's Alt keys are its fields' (Alt or F10 reaches these menus).
        self.citizen_menu = bar.addMenu(self.tr("Citizen"))
        self.citizen_menu.aboutToShow.connect(lambda: self._fill_record_menu("citizen"))
        self.case_menu = bar.addMenu(self.tr("Case"))
        self.case_menu.aboutToShow.connect(lambda: self._fill_record_menu("case"))
        go = bar.addMenu(self.tr("&Go"))
        go.addAction(self._action(self.tr("&Find a citizen or case"), "Ctrl+K", self.focus_search))
        go.addSeparator()
        for page in self.page_names:
            go.addAction(
                self._action(
                    rail.page_title(page),
                    rail.shortcut_of(page),
                    lambda _c=False, p=page: self.show_page(p),
                )
            )
        if self.ctx.can_supervise:
            go.addAction(
                self._action(self.tr("Likely &duplicates"), "Ctrl+Alt+D", self.show_duplicates)
            )
        go.addSeparator()
        go.addAction(self._action(self.tr("&Next tab"), "Ctrl+Tab", lambda: self.tabs.cycle(1)))
        go.addAction(
            self._action(self.tr("&Previous tab"), "Ctrl+Shift+Tab", lambda: self.tabs.cycle(-1))
        )
        go.addAction(self._action(self.tr("&Close tab"), "Ctrl+W", self.tabs.close_current))
        view = bar.addMenu(self.tr("&View"))
        if self._theme is not None:
            theme = self._theme
            larger = self._action(self.tr("&Larger text"), "Ctrl+=", theme.zoom_in)
            larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
            view.addAction(larger)
            view.addAction(self._action(self.tr("&Smaller text"), "Ctrl+-", theme.zoom_out))
            view.addAction(self._action(self.tr("&Normal text size"), "Ctrl+0", theme.zoom_reset))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts))

    def show_duplicates(self) -> QDialog:
        """The last duplicate scan's pairs still to review (supervisors)."""
        from caseworker.dedupe import review
        from ui.dedupe.list_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(
            self.ctx, lambda s: review.candidates(s), self.tr("Likely duplicates"), self
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _fill_record_menu(self, kind: str) -> None:
        menu = self.citizen_menu if kind == "citizen" else self.case_menu
        menu.clear()
        from ui.case.view import CaseView
        from ui.citizen.view import CitizenView

        current = self.tabs.currentWidget()
        view_type: type[QWidget] = CitizenView if kind == "citizen" else CaseView
        if isinstance(current, view_type):
            for action in current.actions():
                if not action.shortcut().isEmpty():
                    menu.addAction(action)
            return
        hint = menu.addAction(
            self.tr("Open a citizen's record to act on it")
            if kind == "citizen"
            else self.tr("Open a case to act on it")
        )
        hint.setEnabled(False)

    def record_shortcuts(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The keys of a case and of a citizen's record, for F1 (their views' own tables)."""
        from ui.case import view as case_view
        from ui.citizen import actions as citizen_actions

        Actions = tuple[tuple[str, object, str, object], ...]
        More = tuple[tuple[object, str], ...]

        def listed(context: str, actions: Actions, more: More) -> list[tuple[str, str]]:
            pairs = [(text, keys) for _name, text, keys, _said in actions] + list(more)
            native = QKeySequence.SequenceFormat.NativeText
            return [
                (QCoreApplication.translate(context, str(text)), QKeySequence(k).toString(native))
                for text, k in pairs
            ]

        return [
            (
                self.tr("In a case"),
                listed("CaseView", case_view.QUICK_ACTIONS, case_view.MORE_KEYS),
            ),
            (
                self.tr("In a citizen's record"),
                listed(
                    "CitizenView",
                    citizen_actions.QUICK_ACTIONS
                    + (citizen_actions.SUPERVISOR_ACTIONS if self.ctx.can_supervise else ()),
                    # Privacy and contact actions by what they do: their buttons' short
                    # words ("Share", "Change") sit beside the tab they act on.
                    citizen_actions.MORE_KEYS
                    + tuple(
                        (said, keys)
                        for _name, _text, keys, said in citizen_actions.PRIVACY_ACTIONS
                        + citizen_actions.CONTACT_ACTIONS
                    ),
                ),
            ),
        ]

    def shortcut_list(self) -> list[tuple[str, str]]:
        return [
            (
                a.text().replace("&", ""),
                a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            )
            for a in self.actions()
            if not a.shortcut().isEmpty()
        ]

    def shortcuts_table(self) -> QTreeWidget:
        """Every key of the window, then of a case and of a citizen's record, grouped."""
        table = QTreeWidget()
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setAccessibleDescription(self.tr("Every action of the window and its keys."))
        table.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        extra = [
            (self.tr("Open the highlighted result or case"), "Enter"),
            (self.tr("Move through search results"), "Up, Down"),
            (self.tr("Filter the case list"), "Ctrl+F"),
        ]
        groups = [(self.tr("Anywhere in the window"), [*self.shortcut_list(), *extra])]
        inbox = self.pages.get("mentions")
        if inbox is not None:
            from ui.mentions.page import MentionsPage  # loaded only for those who see it

            assert isinstance(inbox, MentionsPage)
            groups.append((self.tr("In the mentions inbox"), inbox.keys()))
        for title, pairs in [*groups, *self.record_shortcuts()]:
            group = QTreeWidgetItem([title, ""])
            table.addTopLevelItem(group)
            for text, keys in pairs:
                group.addChild(QTreeWidgetItem([text, keys]))
        table.expandAll()
        table.resizeColumnToContents(0)
        return table

    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = self.shortcuts_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close (Esc)"))
        close.setAccessibleDescription(self.tr("Closes this list."))
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(560, 560)
        dialog.exec()

    # -- new and unknown callers ---------------------------------------------------------------
    def new_citizen(self, typed: str | None = None) -> QDialog:
        """A new citizen, pre-filled from a search that found no one (or from ``typed``)."""
        if not isinstance(typed, str):  # from the menu or its key: the search on screen
            typed = self.search_page.no_match_query
        from ui import callers  # its dialogs load when first asked for

        return callers.new_citizen(self, typed)

    def log_anonymous_contact(self) -> QDialog:
        from ui import callers  # its dialogs load when first asked for

        return callers.anonymous_contact(self)

    def open_case_for_no_one(self) -> QDialog:
        from ui import callers  # its dialogs load when first asked for

        return callers.case_for_no_one(self)

    # -- the central service -------------------------------------------------------------------
    def sync_now(self) -> None:
        central = self.central
        if central is None:
            return
        state = central.state
        if state is None or state.kind == "needs_sign_in":
            self.connect_central()  # nothing to sync with until signed in
        elif central.sync_now():
            self.status.show_sync(state.but(kind="connecting", reason=""))

    def connect_central(self) -> QDialog | None:
        if self.central is None:
            return None
        from ui.dialogs.central import CentralDialog

        dialog = CentralDialog(self.central, self)
        dialog.open()
        return dialog

    def show_sync_problems(self) -> QDialog:
        from ui.dialogs.sync_problems import SyncProblemsDialog

        dialog = SyncProblemsDialog(self.ctx.worker, self)
        dialog.open_record_requested.connect(self.open_record)
        dialog.open()
        return dialog

    # -- window --------------------------------------------------------------------------------
    def _password_check(self) -> PasswordCheck | None:
        """What unlocks the window: the central service's password signed in with, asked of
        the account at unlock time (it may sign in after the window opens)."""
        central = self.central
        if central is None:
            return None

        def check(typed: str) -> bool:
            account = central.account
            return account is not None and account.check_password(typed)

        return check

    def _update_title(self) -> None:
        if self.locker.locked:  # a record's name is not shown on a locked window
            return
        title = self.tabs.tabText(self.tabs.currentIndex())
        self.setWindowTitle(self.tr("%1 — Caseworker").replace("%1", title) if title else "")

    def _sign_out(self) -> None:
        self.sign_out_requested.emit()
        self.close()

    def _sign_out_and_forget(self) -> None:
        """Sign out, and the password this computer remembers for the person goes too."""
        self.forget_on_sign_out = True
        self._sign_out()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
