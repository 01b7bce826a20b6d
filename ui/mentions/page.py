"""The Mentions page: the inbox of social-media posts that mention the council.

A list of the mentions in one triage state (New first), newest first, beside the chosen one
with its suggested citizen and service. One key for each action while the page has focus:

    L  link to the suggested citizen        C  choose another citizen (search)
    O  open a case (suggested service)      R  draft a public reply (on its case)
    D  dismiss as not actionable             N  back to new
    Alt+S  which state to list               Enter  open the mention's case or citizen

Every action runs on the database worker through ``services.mention_triage``, with the triage
the person saw: a colleague who triaged it first is not overwritten, and the page says so.
"""

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from caseworker import vocab
from caseworker.mentions.inbox import Detail, detail
from caseworker.services import mention_triage
from caseworker.services.context import ChangeSet
from caseworker.services.mention_triage import Seen
from ui.context import UiContext
from ui.dialogs.base import Job
from ui.dialogs.shared import plain_error
from ui.mentions.detail import MentionDetail
from ui.mentions.dialogs import DraftReplyDialog, LinkMentionDialog, OpenCaseFromMentionDialog
from ui.mentions.model import COLUMNS, MentionListModel
from ui.mentions.words import state_text

ALL = "all"
AUTHOR_WIDTH = 170
LIST_SHARE = (3, 2)  # the list's and the detail's shares of the width


class MentionsPage(QWidget):
    open_case_requested = Signal(str)
    open_citizen_requested = Signal(str)
    detail_shown = Signal(object)  # the Detail shown (None: nothing chosen)
    acted = Signal(str)  # what the last action said, once it is done (or refused)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, page_size: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("mentions")
        self._ctx = ctx
        self._chosen: str | None = None
        self._last: tuple[str | None, int] = (None, 0)  # the last chosen, and its row
        self._asked = 0
        # An action waits for the last one's answer and the detail read after it: a second
        # key pressed at once acts on what the first left, never on what was there before.
        self._writing = False
        self._reading = False
        # A key pressed while the chosen mention is read or written: (action, mention), acted
        # on once it is read, if it is still the one chosen (keys are never silently lost).
        self._queued: tuple[str, str] | None = None
        self.model = MentionListModel(ctx.worker, ctx.bus, self, page_size)

        self.heading = QLabel(self.tr("Mentions"))
        self.heading.setProperty("role", "title")
        self.state_box = QComboBox()
        for state in vocab.MENTION_STATES:
            self.state_box.addItem(state_text(state), state)
        self.state_box.addItem(self.tr("All"), ALL)
        self.state_box.setAccessibleName(self.tr("Show (Alt+S)"))
        self.state_box.setAccessibleDescription(self.tr("Which mentions are listed, by triage."))
        state_label = QLabel(self.tr("&Show:"))
        state_label.setBuddy(self.state_box)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.count_label.setAccessibleName(self.tr("Number of mentions"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("What happened"))
        self.message.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Mentions"))
        self.table.setAccessibleDescription(
            self.tr(
                "Posts that mention the council, newest first. L links, C chooses a citizen, "
                "O opens a case, R drafts a reply, D dismisses, N puts back to new."
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)
        for key in ("published", "state"):  # never cut (tests/ui/test_no_cut_text.py)
            header.setSectionResizeMode(COLUMNS.index(key), QHeaderView.ResizeMode.ResizeToContents)
        # Who and what may be elided (whole in the tooltip and in the detail beside).
        header.setSectionResizeMode(COLUMNS.index("author"), QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMNS.index("author"), AUTHOR_WIDTH)
        header.setSectionResizeMode(COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.detail = MentionDetail()
        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()  # two rows of three: the detail pane stays narrow
        for name, text, key, tip in self._actions():
            button = QPushButton(text)
            button.setAccessibleName(f"{text.replace('&', '')} ({key})")
            button.setToolTip(f"{tip} ({key})")
            button.setAccessibleDescription(tip)
            button.clicked.connect(lambda _c=False, n=name: self.act(n))
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=name: self.act(n))
            actions.addWidget(button, len(self.buttons) // 3, len(self.buttons) % 3)
            self.buttons[name] = button

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(state_label)
        top.addWidget(self.state_box)
        top.addWidget(self.count_label)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.detail, 1)
        side_layout.addLayout(actions)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, LIST_SHARE[0])
        self.splitter.setStretchFactor(1, LIST_SHARE[1])
        self._sized = False
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.table)
        self.setTabOrder(self.state_box, self.table)
        self.setTabOrder(self.table, self.detail.body)

        self.state_box.currentIndexChanged.connect(self._on_state)
        self.model.total_changed.connect(self._show_count)
        self.model.page_loaded.connect(self._on_loaded)
        self.model.modelReset.connect(lambda: self._choose(None))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(lambda _i: self._open_record())
        ctx.bus.changed.connect(self._on_changed)
        self._update_buttons()
        self.model.show_state("new")

    def keys(self) -> list[tuple[str, str]]:
        """Each action and its key, for the window's list of keys (F1)."""
        return [(tip, key) for _name, _text, key, tip in self._actions()]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the list gets its share once there is a width to share
            self._sized = True
            width = max(self.splitter.width(), 1)
            first = width * LIST_SHARE[0] // sum(LIST_SHARE)
            self.splitter.setSizes([first, width - first])

    def _actions(self) -> tuple[tuple[str, str, str, str], ...]:
        return (
            ("link", self.tr("&Link"), "L", self.tr("Link to the suggested citizen")),
            ("choose", self.tr("&Choose citizen…"), "C", self.tr("Find the citizen who posted it")),
            (
                "case",
                self.tr("&Open case…"),
                "O",
                self.tr("Open a case, the suggested service first"),
            ),
            ("reply", self.tr("&Reply…"), "R", self.tr("Draft a public reply, kept with its case")),
            ("dismiss", self.tr("&Dismiss"), "D", self.tr("Dismiss as not actionable")),
            ("reopen", self.tr("Back to &new"), "N", self.tr("Put it back with the new ones")),
        )

    # -- the list -----------------------------------------------------------------------------
    def _on_state(self) -> None:
        self._last = (None, 0)
        state = self.state_box.currentData()
        self.model.show_state(None if state == ALL else str(state))

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n mention(s)", "", total))

    def _on_loaded(self, rows: int) -> None:
        if rows and not self.table.selectionModel().hasSelection():
            # The one chosen before, else the one that took its place (the next, once a
            # dismissed mention has left the New ones), else the newest.
            last_id, last_row = self._last
            keep = self.model.row_of(last_id) if last_id else -1
            self.table.selectRow(keep if keep >= 0 else min(last_row, rows - 1))
        if not rows:
            self._choose(None)

    def _on_selection(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._last = (self.model.row(rows[0].row()).id, rows[0].row())
        self._choose(self.model.row(rows[0].row()).id if rows else None)

    def _choose(self, mention_id: str | None) -> None:
        changed = mention_id != self._chosen
        self._chosen = mention_id
        if mention_id is None:
            self.detail.show_detail(None)
            self._update_buttons()
            self.detail_shown.emit(None)
        elif changed:
            self._read_detail(mention_id)

    def _read_detail(self, mention_id: str) -> None:
        self._reading = True
        self._asked += 1
        asked = self._asked
        self._ctx.worker.read(
            lambda s: detail(s, mention_id),
            lambda found: self._show_detail(asked, found),
            lambda error: self._detail_failed(asked, error),
        )

    def _show_detail(self, asked: int, found: Detail) -> None:
        if not isValid(self) or asked != self._asked:
            return
        self._reading = False
        self.detail.show_detail(found)
        self._update_buttons()
        self.detail_shown.emit(found)
        queued, self._queued = self._queued, None
        if queued is not None and queued[1] == self._chosen and not self.busy:
            self.act(queued[0])

    def _detail_failed(self, asked: int, error: Exception) -> None:
        if not isValid(self) or asked != self._asked:
            return
        self._reading = False
        self._queued = None
        self.detail.show_detail(None)
        self._update_buttons()
        self._say(plain_error(error))
        self.detail_shown.emit(None)

    def _on_changed(self, changes: ChangeSet) -> None:
        if self._chosen and self._chosen in changes.ids_of("mention"):
            self._read_detail(self._chosen)

    # -- actions ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        shown = self.detail.detail
        doc = shown.doc if shown is not None else {}
        state = doc.get("state")
        enabled = {
            "link": shown is not None and shown.citizen is not None,
            "choose": shown is not None,
            "case": shown is not None and state not in ("case_opened", "answered"),
            "reply": shown is not None and bool(doc.get("case_id")) and not doc.get("deleted_at"),
            "dismiss": shown is not None and state != "dismissed",
            "reopen": shown is not None and state != "new",
        }
        for name, button in self.buttons.items():
            button.setEnabled(enabled[name])

    def _seen(self, shown: Detail) -> Seen:
        at = shown.doc.get("triaged_at")
        return Seen(str(shown.doc.get("state")), str(at) if at else None)

    @property
    def busy(self) -> bool:
        """Reading the chosen mention or writing its triage: an action key waits for it."""
        return self._reading or self._writing

    def act(self, name: str) -> QDialog | None:
        """Run one action on the chosen mention (nothing when it does not apply). While the
        mention is read or written, the action waits for it to be read (``_queued``)."""
        if self.busy:
            if self._chosen is not None:
                self._queued = (name, self._chosen)
            return None
        shown = self.detail.detail
        button = self.buttons.get(name)
        if shown is None or button is None or not button.isEnabled():
            return None
        mention_id, seen, actor = str(shown.doc["_id"]), self._seen(shown), self._ctx.actor
        if name == "link" and shown.citizen is not None:
            match = shown.citizen.match
            self._write(
                lambda s: mention_triage.link(
                    s, actor, mention_id, match.right, seen=seen, suggested=match
                ),
                self.tr("Linked to %1.").replace("%1", shown.citizen_name_suggested or ""),
            )
        elif name == "dismiss":
            self._write(
                lambda s: mention_triage.dismiss(s, actor, mention_id, seen=seen),
                self.tr("Dismissed as not actionable."),
            )
        elif name == "reopen":
            self._write(
                lambda s: mention_triage.reopen(s, actor, mention_id, seen=seen),
                self.tr("Back with the new mentions."),
            )
        elif name == "choose":
            return self._dialog(LinkMentionDialog(self._ctx, mention_id, seen, self))
        elif name == "case":
            suggested = shown.service.code if shown.service is not None else None
            dialog = OpenCaseFromMentionDialog(self._ctx, mention_id, seen, suggested, self)
            return self._dialog(dialog)
        elif name == "reply":
            handle = str(shown.doc.get("author_handle") or "")
            return self._dialog(DraftReplyDialog(self._ctx, mention_id, handle, self))
        return None

    def _write(self, job: Job, done: str) -> None:
        self._writing = True
        self._ctx.worker.write(job, lambda _r: self._written(done), self._refused)

    def _written(self, done: str) -> None:
        if not isValid(self):
            return
        self._writing = False
        if self._chosen:
            self._read_detail(self._chosen)
        self._say(done)

    def _refused(self, error: Exception) -> None:
        if not isValid(self):
            return
        self._writing = False
        self._queued = None  # pressed on what was refused: not carried on
        if self._chosen:
            self._read_detail(self._chosen)  # show what is there now
        self._say(plain_error(error), problem=True)

    def _dialog(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        dialog.accepted.connect(lambda: self._say(self.tr("Saved.")))
        dialog.open()
        return dialog

    def _say(self, text: str, problem: bool = False) -> None:
        if not isValid(self):
            return
        self.message.setText(text)
        self.message.setProperty("role", "error" if problem else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))
        self.acted.emit(text)

    def _open_record(self) -> None:
        shown = self.detail.detail
        if shown is None:
            return
        case_id, citizen_id = shown.doc.get("case_id"), shown.doc.get("citizen_id")
        if isinstance(case_id, str):
            self.open_case_requested.emit(case_id)
        elif isinstance(citizen_id, str):
            self.open_citizen_requested.emit(citizen_id)

    def select_mention(self, mention_id: str) -> bool:
        row = self.model.row_of(mention_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        return row >= 0
