"""A citizen's full record opened on demand: asked for with a reason, fetched off the GUI
thread, shown read-only from memory, and gone when its tab closes.

An agent's laptop holds the citizen directory, not every citizen. From a directory summary an
agent or supervisor (``caseworker.access.opening.may_open_record``) may open the full record
while online: ``RecordOpener`` asks the central service (``sync.open_record``, which records
the opening and its reason there), puts the documents into a store in memory and reads the
citizen view's snapshot from it, all on a pool thread. ``OpenedRecordView`` shows it with no
edit actions, marked as not kept; closing its tab closes the store in memory, and nothing of
the record was ever written to the laptop's store.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from caseworker.access.opening import MAX_REASON_CHARS, may_open_record, reason_problem
from caseworker.access.people import Person
from caseworker.store.store import Store
from ui import labels
from ui.background import run_off_gui
from ui.case.widgets import muted, tab_chain
from ui.central import CentralConnection
from ui.context import UiContext
from ui.tabs import RecordTabs

if TYPE_CHECKING:  # the HTTP client and the citizen panels load when a record is first opened
    from caseworker.store.memory import MemoryStore
    from sync.http import CouchClient
    from sync.open_record import OpenedRecord
    from ui.citizen.snapshot import CitizenSnapshot

OPENED_PREFIX = "opened:"  # a tab's key: never the same as the record's own tab
_NOT_ONLINE = ("offline", "needs_sign_in")


@dataclass(frozen=True)
class Opened:
    """A record fetched and loaded: the store in memory it is shown from, and its snapshot."""

    record: "OpenedRecord"
    store: "MemoryStore"
    snapshot: "CitizenSnapshot"


def fetch_and_load(
    connect: Callable[[], "CouchClient"], laptop: Store | None, citizen_id: str, reason: str
) -> Opened:
    """Fetch the record, load it into memory, read its snapshot (runs off the GUI thread)."""
    from sync.open_record import fetch_record, load_record
    from ui.citizen.snapshot import load_citizen

    client = connect()
    try:
        record = fetch_record(client, citizen_id, reason)
    finally:
        client.close()
    store = load_record(record, laptop)
    try:
        with store.read() as session:
            snapshot = load_citizen(session, citizen_id)
    except BaseException:
        store.close()
        raise
    return Opened(record, store, snapshot)


class RecordOpener(QObject):
    """Whether this person may open records now, and the opening itself.

    ``status()`` is None while online, else why not (shown beside the disabled action);
    ``connect()`` makes a client signed in as the person."""

    availability_changed = Signal()

    def __init__(
        self,
        person: Person,
        status: Callable[[], str | None],
        connect: Callable[[], "CouchClient"],
        laptop: Store | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.person = person
        self._status = status
        self._connect = connect
        self._laptop = laptop

    @property
    def allowed(self) -> bool:
        return may_open_record(self.person)

    def unavailable(self) -> str | None:
        return self._status()

    def open(
        self,
        owner: QObject,
        citizen_id: str,
        reason: str,
        on_done: Callable[[Opened], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        connect, laptop = self._connect, self._laptop

        def done(result: object) -> None:
            assert isinstance(result, Opened)
            on_done(result)

        run_off_gui(
            owner, lambda: fetch_and_load(connect, laptop, citizen_id, reason), done, on_failed
        )


def central_status(central: CentralConnection | None) -> str | None:
    """None when the central service can be asked now, else why not, in plain words."""
    if central is None or central.server is None:
        return QCoreApplication.translate(
            "OpenedRecord", "This laptop is not connected to a central service."
        )
    state = central.state
    if central.account is None or state is None:
        return QCoreApplication.translate("OpenedRecord", "Not signed in to the central service.")
    if state.kind in _NOT_ONLINE:
        return state.text
    return None


def opener_for(ctx: UiContext, central: CentralConnection | None) -> RecordOpener:
    def connect() -> "CouchClient":
        assert central is not None and central.account is not None  # checked by the status
        return central.account.client()

    opener = RecordOpener(
        ctx.actor.person, lambda: central_status(central), connect, ctx.worker.store, central
    )
    if central is not None:
        central.state_changed.connect(opener.availability_changed)
    return opener


class ReasonDialog(QDialog):
    """Asks why the record is being opened: the reason goes to the access log with it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open full record"))
        self.setAccessibleName(self.tr("Open full record"))
        intro = QLabel(
            self.tr(
                "Opening %1's full record is recorded in the council's access log with your "
                "name and the reason you give. It is shown once and not kept on this laptop."
            ).replace("%1", name)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        label = QLabel(self.tr("&Reason for opening it:"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON_CHARS)
        self.reason.setPlaceholderText(self.tr("for example: caller on the phone"))
        self.reason.setAccessibleName(self.tr("Reason for opening the record"))
        self.reason.setAccessibleDescription(
            self.tr("Required. One short line, kept in the access log.")
        )
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Open record"))
        self.ok.setAccessibleName(self.tr("Open record"))
        self.ok.setAccessibleDescription(
            self.tr("Opens the full record and records the opening with your reason.")
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(self.tr("Closes this without opening the record."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.ok.setEnabled(reason_problem(self.reason.text()) is None)

    def accept(self) -> None:
        if reason_problem(self.reason.text()) is None:  # Enter in the box with nothing typed
            super().accept()

    def text(self) -> str:
        return self.reason.text().strip()


class OpenedRecordView(QWidget):
    """A citizen's record from memory, read only: no quick actions, nothing saved."""

    def __init__(self, opened: Opened, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.citizen.header import CitizenHeader
        from ui.citizen.profile import ProfilePanel
        from ui.citizen.timeline import TimelinePanel

        self.opened = opened
        self.citizen_id = opened.record.citizen_id
        snap = opened.snapshot
        self.setObjectName("opened-record")
        self.setAccessibleName(self.tr("Citizen, opened on demand"))
        # The same header as a held citizen's: warnings and the language offer first.
        self.header = CitizenHeader(self)
        self.header.show_snapshot(snap)
        self.title = self.header.name
        self.badge = QLabel(self.tr("Opened on demand — not kept on this laptop"))
        self.badge.setProperty("role", "badge")
        self.badge.setAccessibleName(self.tr("Opened on demand — not kept on this laptop"))
        self.badge.setAccessibleDescription(
            self.tr(
                "Read only. This record was fetched from the central service for this tab "
                "and is discarded when the tab closes."
            )
        )
        self.notes = muted(self.tr("About this record"), self.tr("What was left out, if any."))
        said = []
        if opened.record.truncated:
            said.append(self.tr("The record is longer than can be opened at once: part is shown."))
        if opened.record.skipped:
            said.append(
                self.tr(
                    "%n document(s) the central service sent were malformed and left out.",
                    "",
                    len(opened.record.skipped),
                )
            )
        self.notes.setText(" ".join(said))
        self.notes.setVisible(bool(said))
        self.profile = ProfilePanel()
        self.timeline = TimelinePanel(self)
        self.profile.show_snapshot(snap)
        self.timeline.show_snapshot(snap)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.profile)
        splitter.addWidget(self.timeline)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.badge)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        tab_chain(
            [
                *self.header.focusables(),
                *self.profile.tables(),
                *self.timeline.focus_chain(),
            ]
        )
        store = opened.store
        # Discarded with the tab: the store in memory goes when the view is deleted.
        self.destroyed.connect(lambda *_: store.close())


def show_opened(tabs: RecordTabs, opened: Opened) -> OpenedRecordView:
    """The opened record in a tab of its own (replacing an earlier opening of the same one)."""
    view = OpenedRecordView(opened, tabs)
    title = QCoreApplication.translate("OpenedRecord", "%1 (on demand)").replace(
        "%1", labels.shown(opened.snapshot.display_name)
    )
    tabs.add_view(OPENED_PREFIX + opened.record.citizen_id, view, title, "citizen")
    return view
