"""The editable facts of a case: status, priority, queue and assignee, with only what the
signed-in person may do offered (``caseworker.access`` decides, as the services and the
central service do), and the due countdown."""

from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from caseworker import vocab
from caseworker.access.writes import may_assign, may_move_queue
from caseworker.board.periods import end_of_today
from caseworker.clocks.pauses import describe, is_paused, paused_time
from caseworker.escalation import PAUSED, RESPONSE_PENDING
from caseworker.timeutil import utcnow
from ui import labels, theme
from ui.case.outcome import outcome_text
from ui.case.snapshot import CaseSnapshot
from ui.case.widgets import muted
from ui.chips import Chip
from ui.context import UiContext
from ui.dialogs.shared import local_time
from ui.values import ValueLabel, quiet_captions, spoken

SETTLE_MS = 600


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    box = QHBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        box.addWidget(widget)
    box.addStretch(1)
    return holder


def _named(widget: QWidget, name: str, description: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setToolTip(description)
    return widget


class CaseDetails(QWidget):
    """Emits what the person asked for; the view saves it through the services."""

    status_requested = Signal(str)
    priority_requested = Signal(str)
    queue_requested = Signal(str)
    assign_requested = Signal(object)  # a staff id, or None for nobody

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: CaseSnapshot | None = None
        # Arrowing through a list picks each item in turn: save only where the person stops.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._choices_settled)
        self.status = Chip(self.tr("Status"))
        self.status.setAccessibleDescription(self.tr("Where the case has got to."))
        self.next_status = QComboBox()
        _named(
            self.next_status,
            self.tr("Move to status (Alt+M)"),
            self.tr("Only the statuses this case may move to next are offered."),
        )
        self.change_status = QPushButton(self.tr("Change &status"))
        _named(
            self.change_status,
            self.tr("Change status (Alt+S)"),
            self.tr("Moves the case to the status chosen in Move to."),
        )
        self.change_status.clicked.connect(
            lambda: self.status_requested.emit(self.next_status.currentData())
        )
        self.priority = QComboBox()
        for code in vocab.PRIORITIES:
            self.priority.addItem(labels.priority(code), code)
        _named(
            self.priority,
            self.tr("Priority (Alt+R)"),
            self.tr("How urgent the case is. Choosing another saves it."),
        )
        self.priority.activated.connect(lambda _i: self._settle.start())
        self.service = ValueLabel(
            self.tr("Service"), self.tr("The council service the case is for.")
        )
        self.outcome = muted(
            self.tr("Outcome"), self.tr("How the case was resolved or closed."), wrap=False
        )
        self.queue = QComboBox()
        _named(
            self.queue,
            self.tr("Queue (Alt+Q)"),
            self.tr(
                "The team's queue the case is in. Only supervisors can move it to another queue."
            ),
        )
        self.queue.activated.connect(lambda _i: self._settle.start())
        self.queue.setEnabled(False)  # until a case shows whether this person may move it
        self.assignee = ValueLabel(
            self.tr("Assigned to"), self.tr("Who is working on the case."), wrap=False
        )
        self.take = QPushButton(self.tr("Take (Ctrl+T)"))
        _named(self.take, self.tr("Take this case (Ctrl+T)"), self.tr("Assigns the case to you."))
        self.take.clicked.connect(lambda: self.assign_requested.emit(ctx.actor.staff_id))
        self.assign_to = QComboBox()
        _named(
            self.assign_to,
            self.tr("Assign to (Alt+O)"),
            self.tr("Supervisors can assign the case to anyone, or to nobody."),
        )
        self.assign = QPushButton(self.tr("&Assign"))
        _named(
            self.assign,
            self.tr("Assign (Alt+A)"),
            self.tr("Assigns the case to the person chosen in Assign to."),
        )
        self.assign.clicked.connect(
            lambda: self.assign_requested.emit(self.assign_to.currentData())
        )
        self.assign_label = QLabel(self.tr("Assign t&o:"))
        self.assign_label.setBuddy(self.assign_to)
        for widget in (self.assign_label, self.assign_to, self.assign):
            widget.setVisible(False)  # until a case shows whom this person may give it to
        self.due = QLabel()
        self.due.setAccessibleName(self.tr("Due"))
        self.paused = muted(
            self.tr("Clock paused"),
            self.tr("How long the case's clock has stood still while waiting for the citizen."),
            wrap=False,
        )
        self.paused.setVisible(False)
        self.opened = ValueLabel(self.tr("Opened"), self.tr("When the case was opened, and how."))
        self.location = ValueLabel(self.tr("Location"), self.tr("Where the problem is."))
        self.description = ValueLabel(self.tr("Details"), self.tr("What the citizen told us."))

        for combo in (self.next_status, self.priority, self.queue, self.assign_to):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form = QFormLayout(self)
        move_label = QLabel(self.tr("&Move to:"))
        move_label.setBuddy(self.next_status)
        form.addRow(
            self.tr("Status:"),
            # The outcome beside the status, not on a row of its own: the view must fit 720 px.
            _row(self.status, self.outcome, move_label, self.next_status, self.change_status),
        )
        priority_label = QLabel(self.tr("P&riority:"))
        priority_label.setBuddy(self.priority)
        form.addRow(priority_label, _row(self.priority))
        form.addRow(self.tr("Service:"), self.service)
        queue_label = QLabel(self.tr("&Queue:"))
        queue_label.setBuddy(self.queue)
        form.addRow(queue_label, _row(self.queue))
        form.addRow(
            self.tr("Assigned to:"),
            _row(self.assignee, self.take, self.assign_label, self.assign_to, self.assign),
        )
        # Beside the due time, not on a row of its own: the view must fit 720 px.
        form.addRow(self.tr("Due:"), _row(self.due, self.paused))
        form.addRow(self.tr("Opened:"), self.opened)
        form.addRow(self.tr("Location:"), self.location)
        form.addRow(self.tr("Details:"), self.description)
        quiet_captions(form)

    def focus_order(self) -> list[QWidget]:
        return [
            self.next_status,
            self.change_status,
            self.priority,
            self.queue,
            self.take,
            self.assign_to,
            self.assign,
        ]

    def show_choices(self, snap: CaseSnapshot) -> None:
        """Priority and queue as saved (also to put them back after a refused save)."""
        self.priority.setCurrentIndex(max(self.priority.findData(snap.priority), 0))
        self.queue.clear()
        if snap.queue_id and all(q.id != snap.queue_id for q in snap.queues):
            self.queue.addItem(labels.shown(snap.queue_name), snap.queue_id)
        for queue in snap.queues:
            self.queue.addItem(labels.shown(queue.name), queue.id)
        self.queue.setCurrentIndex(max(self.queue.findData(snap.queue_id), 0))

    def _choices_settled(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        if self.priority.currentData() != snap.priority:
            self.priority_requested.emit(self.priority.currentData())
        if self.queue.currentData() not in (None, snap.queue_id):
            self.queue_requested.emit(self.queue.currentData())

    def show_snapshot(self, snap: CaseSnapshot) -> None:
        self.snapshot = snap
        self.status.set_status(snap.status)
        self.next_status.clear()
        for code in snap.allowed_next:
            self.next_status.addItem(labels.status(code), code)
        self.next_status.setEnabled(bool(snap.allowed_next))
        self.change_status.setEnabled(bool(snap.allowed_next))
        closed = snap.status == "closed"
        # A closed case changes only by reopening it (the services and the server agree).
        self.change_status.setText(
            self.tr("Reopen the ca&se…") if closed else self.tr("Change &status")
        )
        self.change_status.setAccessibleName(
            self.tr("Reopen the case (Alt+S)") if closed else self.tr("Change status (Alt+S)")
        )
        self.priority.setEnabled(not closed)
        self.outcome.setText(self.tr("Outcome: %1").replace("%1", outcome_text(snap)))
        self.outcome.setVisible(bool(snap.outcome))
        self.service.setText(labels.shown(snap.service_name))
        if not self._settle.isActive():  # never undo a choice that is about to be saved
            self.show_choices(snap)
        self.assignee.setText(labels.shown(snap.assignee_name) or self.tr("Nobody"))
        me = self.ctx.actor.person
        case = {
            "_id": snap.id,
            "status": snap.status,
            "queue_id": snap.queue_id,
            "assignee_id": snap.assignee_id,
            "citizen_id": snap.citizen_id,
        }
        self.queue.setEnabled(may_move_queue(me, case))
        mine = snap.assignee_id == me.staff_id
        self.take.setVisible(not mine and snap.is_open and may_assign(me, case, me.staff_id))
        # Offer whom this person may give the case to (Take covers giving it to themselves).
        choices: list[tuple[str, str | None]] = [(self.tr("Nobody"), None)]
        choices += [(labels.shown(p.name), p.id) for p in snap.staff]
        allowed = [(n, i) for n, i in choices if i == snap.assignee_id or may_assign(me, case, i)]
        self.assign_to.clear()
        for name, staff_id in allowed:
            self.assign_to.addItem(name, staff_id)
        self.assign_to.setCurrentIndex(max(self.assign_to.findData(snap.assignee_id), 0))
        offered = any(i not in (snap.assignee_id, me.staff_id) for _n, i in allowed)
        for widget in (self.assign_label, self.assign_to, self.assign):
            widget.setVisible(offered)
        self.opened.setText(
            self.tr("%1, by %2")
            .replace("%1", local_time(snap.opened_at))
            .replace("%2", labels.channel(snap.channel))
        )
        self.location.setText(labels.shown(snap.location) or self.tr("Not given"))
        self.description.setText(labels.shown(snap.description, lines=True) or self.tr("None"))
        self.tick()

    def tick(self, now: datetime | None = None) -> None:
        """Re-read the countdown against the clock: amber when due soon, red when late, and
        always in words too; a warning when it breaches before midnight, and the first
        response's countdown while nobody has started on the case."""
        snap = self.snapshot
        if snap is None:
            return
        moment = now or utcnow()
        text, state = labels.countdown(
            snap.due_at,
            moment,
            snap.status,
            opened_at=snap.opened_at,
            finished_at=snap.finished_at,
        )
        if state not in ("met", "breached"):
            text = self.tr("%1: %2").replace("%1", labels.sla(state)).replace("%2", text)
        text = self.tr("%1 (due %2)").replace("%1", text).replace("%2", local_time(snap.due_at))
        running = snap.status in vocab.OPEN_STATUSES and snap.status != PAUSED
        if running and state != "overdue" and snap.due_at <= end_of_today(moment):
            text = self.tr("%1 — breaches today").replace("%1", text)
        if running and snap.status in RESPONSE_PENDING and snap.response_due_at is not None:
            left = snap.response_due_at - moment
            first = labels.due_in(left) if left.total_seconds() >= 0 else labels.overdue_by(left)
            text = self.tr("%1; first response %2").replace("%1", text).replace("%2", first)
        self.due.setText(text)
        self.due.setAccessibleName(spoken(self.tr("Due"), self.due.text()))
        self.due.setAccessibleDescription(self.due.text())
        theme.set_role(self.due, "sla", state)
        self._show_paused(now or utcnow())

    def _show_paused(self, now: datetime) -> None:
        """ "Clock paused 2 days 3 h": how long the case waited for the citizen (its due times
        moved on by the working part of it when it resumed)."""
        snap = self.snapshot
        total = paused_time(snap.pauses, now) if snap is not None else timedelta()
        self.paused.setVisible(total >= timedelta(minutes=1))
        if total < timedelta(minutes=1):
            return
        days, hours, minutes = describe(total)
        # Not a numerus string: English would need its own translation file entry for it.
        parts = []
        if days:
            one = self.tr("1 day")
            parts.append(one if days == 1 else self.tr("%1 days").replace("%1", str(days)))
        if hours:
            parts.append(self.tr("%1 h").replace("%1", str(hours)))
        if minutes and not days:
            parts.append(self.tr("%1 min").replace("%1", str(minutes)))
        running = snap is not None and is_paused(list(snap.pauses))
        text = (
            self.tr("Clock paused now: %1 in all") if running else self.tr("Clock paused %1")
        ).replace("%1", " ".join(parts))
        self.paused.setText(text)
        self.paused.setAccessibleName(spoken(self.tr("Clock paused"), text))
