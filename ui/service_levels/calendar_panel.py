"""The council calendar tab: the nation whose bank holidays the council keeps, its working
hours per weekday, and its closure days. Every due time is counted on this calendar, so a
change says how many open cases on this laptop it moves and offers to recompute them
(``caseworker calendar ... --recompute``, through the same services)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from caseworker.clocks import council
from caseworker.services.context import ChangeSet
from caseworker.timeutil import utcnow
from ui import labels, theme
from ui.context import UiContext
from ui.dialogs.shared import plain_error
from ui.service_levels import data

_NATIONS = (
    ("england-and-wales", QT_TRANSLATE_NOOP("CalendarPanel", "England and Wales")),
    ("scotland", QT_TRANSLATE_NOOP("CalendarPanel", "Scotland")),
    ("northern-ireland", QT_TRANSLATE_NOOP("CalendarPanel", "Northern Ireland")),
)
_DAYS = (
    QT_TRANSLATE_NOOP("CalendarPanel", "Monday"),
    QT_TRANSLATE_NOOP("CalendarPanel", "Tuesday"),
    QT_TRANSLATE_NOOP("CalendarPanel", "Wednesday"),
    QT_TRANSLATE_NOOP("CalendarPanel", "Thursday"),
    QT_TRANSLATE_NOOP("CalendarPanel", "Friday"),
    QT_TRANSLATE_NOOP("CalendarPanel", "Saturday"),
    QT_TRANSLATE_NOOP("CalendarPanel", "Sunday"),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate("CalendarPanel", str(text))


class CalendarPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: data.CalendarData | None = None
        self.moved: data.Moved | None = None  # what the last change (or recompute) moved
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Calendar problem"))
        theme.set_role(self.banner, "role", "error")
        self.banner.hide()

        week = QGroupBox(self.tr("Working week"))
        form = QFormLayout(week)
        self.nation = QComboBox()
        for code, name in _NATIONS:
            self.nation.addItem(_tr(name), code)
        self._field(form, self.tr("Nat&ion:"), self.nation, self.tr("Nation"),
                    self.tr("Its bank holidays are not working days."))  # fmt: skip
        self.hours: dict[str, QLineEdit] = {}
        for day, name in zip(council.WEEKDAYS, _DAYS, strict=True):
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("Not worked"))
            edit.setMaxLength(120)
            self._field(form, _tr(name) + ":", edit, _tr(name),
                        self.tr("Working hours, e.g. 09:00-17:00 or 08:30-12:30, 13:30-17:00. "
                                "Empty: not worked."))  # fmt: skip
            self.hours[day] = edit
        hint = QLabel(self.tr("e.g. 09:00-17:00, or 08:30-12:30, 13:30-17:00. Empty: not worked."))
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        form.addRow(hint)
        self.save_week = QPushButton(self.tr("Save the &week"))
        self.save_week.setAccessibleName(self.tr("Save the week (Alt+W)"))
        self.save_week.setAccessibleDescription(self.tr("Saves the nation and the working hours."))
        self.save_week.clicked.connect(self.save_the_week)
        form.addRow(self.save_week)

        closed = QGroupBox(self.tr("Closure days"))
        side = QVBoxLayout(closed)
        caption = QLabel(self.tr("C&losure days:"))
        self.closures = QListWidget()
        caption.setBuddy(self.closures)
        self.closures.setAccessibleName(self.tr("Closure days"))
        self.closures.setAccessibleDescription(
            self.tr("Days the council is closed: not working days. Delete reopens one.")
        )
        self.reopen = QPushButton(self.tr("&Reopen the day"))
        self.reopen.setAccessibleName(self.tr("Reopen the day (Delete)"))
        self.reopen.setAccessibleDescription(self.tr("The chosen day is a working day again."))
        self.reopen.clicked.connect(self.reopen_day)
        shortcut = QShortcut(QKeySequence("Del"), self.closures, self.reopen_day)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        add = QFormLayout()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        today = utcnow().date()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self._field(add, self.tr("&Date:"), self.day, self.tr("Date"),
                    self.tr("A day the council is closed."))  # fmt: skip
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self._field(add, self.tr("Rea&son:"), self.reason, self.tr("Reason"),
                    self.tr("Why, in a few words (optional)."))  # fmt: skip
        self.close_day = QPushButton(self.tr("Cl&ose that day"))
        self.close_day.setAccessibleName(self.tr("Close that day (Alt+O)"))
        self.close_day.setAccessibleDescription(self.tr("Adds the date as a closure day."))
        self.close_day.clicked.connect(self.add_closure)
        add.addRow(self.close_day)
        side.addWidget(caption)
        side.addWidget(self.closures, 1)
        side.addWidget(self.reopen, 0, Qt.AlignmentFlag.AlignLeft)
        side.addLayout(add)

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("What the change moves"))
        self.outcome.hide()
        self.recompute = QPushButton(self.tr("Reco&mpute their due times"))
        self.recompute.setAccessibleName(self.tr("Recompute their due times (Alt+M)"))
        self.recompute.setAccessibleDescription(
            self.tr("Moves the due times of the open cases here to the calendar as it is now.")
        )
        self.recompute.clicked.connect(self.recompute_due_times)
        self.recompute.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("What went wrong"))
        theme.set_role(self.error, "role", "error")
        self.error.hide()

        columns = QHBoxLayout()
        columns.addWidget(week, 1)
        columns.addWidget(closed, 1)
        after = QHBoxLayout()
        after.addWidget(self.outcome, 1)
        after.addWidget(self.recompute)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        layout.addLayout(after)
        layout.addWidget(self.error)
        self.setFocusProxy(self.nation)
        ctx.bus.changed.connect(self._on_changed)
        self._stale = True  # read when first shown

    def _field(
        self, form: QFormLayout, label: str, widget: QWidget, name: str, description: str
    ) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
        form.addRow(caption, widget)

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.worker.read(data.load_calendar, self._arrived, self._failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def _on_changed(self, changes: ChangeSet) -> None:
        if not changes.ids_of("calendar"):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _arrived(self, loaded: data.CalendarData) -> None:
        if not isValid(self):
            return
        self.data = loaded
        index = self.nation.findData(loaded.nation)
        self.nation.setCurrentIndex(max(index, 0))
        for day, edit in self.hours.items():
            edit.setText(loaded.hours.get(day, ""))
        chosen = self.current_closure()
        self.closures.clear()
        for closure in loaded.closures:
            text = labels.date_text(closure.day)
            if closure.reason:
                text += " — " + labels.shown(closure.reason)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, closure.day.isoformat())
            self.closures.addItem(item)
            if closure.day == chosen:
                self.closures.setCurrentItem(item)
        if self.closures.currentRow() < 0 and self.closures.count():
            self.closures.setCurrentRow(0)
        self.reopen.setEnabled(self.closures.count() > 0)
        if loaded.problem:
            self.banner.setText(
                self.tr(
                    "The council's calendar held here cannot be used, so due times are counted "
                    "on the default one shown (Monday to Friday, 09:00 to 17:00, England and "
                    "Wales). A change here replaces it. (%1)"
                ).replace("%1", labels.shown(loaded.problem))
            )
        self.banner.setVisible(bool(loaded.problem))

    def current_closure(self) -> date | None:
        item = self.closures.currentItem()
        return date.fromisoformat(str(item.data(Qt.ItemDataRole.UserRole))) if item else None

    # -- changing ------------------------------------------------------------------------------
    def save_the_week(self) -> None:
        actor = self.ctx.actor
        nation = str(self.nation.currentData())
        hours = {day: edit.text() for day, edit in self.hours.items()}
        self._write(data.set_week(actor, nation, hours))

    def add_closure(self) -> None:
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        self._write(data.close_day(self.ctx.actor, day, self.reason.text()))

    def reopen_day(self) -> None:
        day = self.current_closure()
        if day is not None:
            self._write(data.reopen_day(self.ctx.actor, day))

    def recompute_due_times(self) -> None:
        self._write(data.recompute(self.ctx.actor))

    def _write(self, job: Callable[[Session], tuple[data.Moved, ChangeSet]]) -> None:
        self.error.hide()
        self.ctx.worker.write(job, self._done, self._failed)

    def _done(self, result: tuple[data.Moved, ChangeSet]) -> None:
        if not isValid(self):
            return
        moved = result[0]
        self.moved = moved
        if moved.recomputed:
            text = self.tr("Due times of %n open cases on this laptop moved.", "", moved.count)
        else:
            self.reason.clear()
            text = self.tr(
                "Saved. It moves the due times of %n open cases on this laptop.", "", moved.count
            )
        self.outcome.setText(text)
        self.outcome.show()
        self.recompute.setVisible(not moved.recomputed and moved.count > 0)
        if self.recompute.isVisible():
            self.recompute.setFocus()

    def _failed(self, error: Exception) -> None:
        if isValid(self):
            self.error.setText(plain_error(error))
            self.error.show()
