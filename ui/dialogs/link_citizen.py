"""Link a case opened for no one to a citizen, chosen by searching: type a name, a phone
number, a postcode or an email, pick the person with Up and Down, save with Ctrl+Enter.

Only citizens whose full record is on this laptop are offered: a directory summary is not a
record a case can be linked to here (open it first, and it is)."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget
from sqlalchemy.orm import Session

from caseworker.services import case_links, search
from caseworker.services.search import SearchHit
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.dialogs.shared import alive

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 200
LIMIT = 20


class _FindBox(QLineEdit):
    """The search line: Up and Down move through the people found below it."""

    step_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
        if step is not None:
            self.step_requested.emit(step)
            return
        super().keyPressEvent(event)


class LinkCitizenDialog(FormDialog):
    """Saves through ``case_links.link_citizen``; ``result_value`` is the ChangeSet."""

    results_shown = Signal(int)

    def __init__(self, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Link to a citizen"), parent)
        self.case_id = case_id
        self.set_intro(
            self.tr(
                "Find the person this case is about: a name, phone number, postcode or email. "
                "Up and Down choose."
            )
        )
        self.find_box = _FindBox()
        self.find_box.setMaxLength(200)
        self.add_field(
            "find",
            self.tr("&Find:"),
            self.find_box,
            self.tr("Find a citizen"),
            self.tr("Type a name, phone number, postcode or email."),
        )
        self.people = QListWidget()
        self.add_field(
            "citizen",
            self.tr("&Citizen:"),
            self.people,
            self.tr("Citizens found"),
            self.tr("The citizen to link this case to. Up and Down choose."),
        )
        self.find_box.step_requested.connect(self._move)
        self.people.itemActivated.connect(lambda _item: self.submit())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.find_box.textChanged.connect(lambda _t: self._timer.start())
        self.find_box.setFocus()

    def _move(self, step: int) -> None:
        rows = self.people.count()
        if rows:
            row = max(0, min(rows - 1, self.people.currentRow() + step))
            self.people.setCurrentRow(row)

    def _search(self) -> None:
        query = self.find_box.text()

        def find(session: Session) -> list[SearchHit]:
            hits = search.search(session, query, LIMIT)
            return [h for h in hits if h.kind == "citizen"]

        self.ctx.worker.read(find, lambda hits: self._show(query, hits), self._failed)

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        if not alive(self) or query != self.find_box.text():
            return
        self.people.clear()
        for hit in hits:
            text = labels.shown(hit.title)
            if hit.detail:
                text += " · " + labels.shown(hit.detail)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, hit.id)
            self.people.addItem(item)
        if hits:
            self.people.setCurrentRow(0)
        self.clear_errors()
        if query.strip() and not hits:
            self.show_error(
                self.tr("No citizen on this laptop matches “%1”.").replace("%1", query), "find"
            )
        self.results_shown.emit(len(hits))

    def chosen(self) -> str | None:
        item = self.people.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def check(self) -> dict[str, str]:
        if self.chosen() is None:
            return {"find": self.tr("Find and choose the citizen to link the case to.")}
        return {}

    def job(self) -> Job:
        actor, case_id, citizen_id = self.ctx.actor, self.case_id, self.chosen() or ""

        def save(session: Session) -> object:
            return case_links.link_citizen(session, actor, case_id, citizen_id)

        return save
