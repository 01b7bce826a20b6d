"""Open a case: which council service, what is wrong, how urgent, and where.

The service list is read from the services table on the database thread when the dialog opens;
typing the first letters of a service in the list picks it.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import language, vocab
from caseworker.models import Service
from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store import normalise
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, select_data, text_box
from ui.dialogs.shared import alive, channel_icon, failed

ServiceChoice = tuple[str, str, str]  # code, name, group


def active_services(session: Session) -> list[ServiceChoice]:
    name = language.service_name()
    rows = session.execute(
        select(Service.code, name, language.service_group())
        .where(Service.active.is_(True))
        .order_by(name)
    )
    return [(code, name, group) for code, name, group in rows]


class OpenCaseDialog(FormDialog):
    """Saves through ``cases.open_case``; ``result_value`` is (case id, ChangeSet)."""

    services_loaded = Signal(int)

    def __init__(
        self,
        ctx: UiContext,
        citizen_id: str | None,
        parent: QWidget | None = None,
        *,
        channel: str = "phone",
    ) -> None:
        super().__init__(ctx, self.tr("Open a case"), parent)
        self.citizen_id = citizen_id
        if citizen_id is None:
            self.set_intro(
                self.tr(
                    "A case for no one, e.g. a fly-tip reported by a passer-by. Link it to a "
                    "citizen later with “Link to a citizen…” on the case (Ctrl+Shift+C)."
                )
            )
        self.service = QComboBox()
        self.service.addItem(self.tr("Loading the council's services…"), None)
        self.service.setEnabled(False)
        self.add_field(
            "service",
            self.tr("Ser&vice:"),
            self.service,
            self.tr("Council service"),
            self.tr("What kind of problem this is. Type the first letters to pick one."),
        )
        self.summary = QLineEdit()
        self.summary.setMaxLength(300)
        self.summary.setPlaceholderText(self.tr("e.g. Green bin not collected on Tuesday"))
        self.add_field(
            "summary",
            self.tr("Su&mmary:"),
            self.summary,
            self.tr("Summary"),
            self.tr("One line on what is wrong, in the citizen's words if possible."),
        )
        self.description = text_box()
        self.add_field(
            "description",
            self.tr("&Details:"),
            self.description,
            self.tr("Details"),
            self.tr("Optional: anything else the person working the case should know."),
        )
        self.priority = QComboBox()
        for code in vocab.PRIORITIES:
            self.priority.addItem(labels.priority(code), code)
        select_data(self.priority, "normal")
        self.add_field(
            "priority",
            self.tr("&Priority:"),
            self.priority,
            self.tr("Priority"),
            self.tr("How urgent the case is: low, normal, high or urgent."),
        )
        self.channel = QComboBox()
        for code in vocab.CHANNELS:
            icon = channel_icon(code)
            if icon is not None:
                self.channel.addItem(icon, labels.channel(code), code)
            else:
                self.channel.addItem(labels.channel(code), code)
        select_data(self.channel, channel)
        self.add_field(
            "channel",
            self.tr("Reported &by:"),
            self.channel,
            self.tr("Reported by channel"),
            self.tr("The channel the problem was reported through."),
        )
        self.address = QLineEdit()
        self.address.setMaxLength(500)
        self.add_field(
            "address",
            self.tr("&Location:"),
            self.address,
            self.tr("Location"),
            self.tr("Optional: where the problem is, e.g. outside 12 Park Road."),
        )
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(10)
        self.add_field(
            "postcode",
            self.tr("P&ostcode:"),
            self.postcode,
            self.tr("Postcode of the location"),
            self.tr("Optional: the postcode of the location, e.g. CF10 4UW."),
        )
        self.save_button.setEnabled(False)
        ctx.worker.read(active_services, self._services_arrived, self._services_failed)
        self.service.setFocus()

    def _services_arrived(self, services: list[ServiceChoice]) -> None:
        if not alive(self):
            return
        self.service.clear()
        for code, name, group in services:
            self.service.addItem(self.tr("%1 (%2)").replace("%1", name).replace("%2", group), code)
        self.service.setEnabled(bool(services))
        self.save_button.setEnabled(bool(services))
        if not services:
            self.show_error(self.tr("There are no active council services to open a case for."))
        self.services_loaded.emit(len(services))

    def _services_failed(self, error: Exception) -> None:
        if not alive(self):
            return
        self.show_error(failed(self.tr("load the council's services"), error))

    def select_service(self, code: str) -> None:
        select_data(self.service, code)

    def check(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.service.currentData() is None:
            problems["service"] = self.tr("Choose the council service this case is for.")
        if not self.summary.text().strip():
            problems["summary"] = self.tr("Say in a few words what is wrong.")
        code = self.postcode.text().strip()
        if code and normalise.postcode(code) is None:
            problems["postcode"] = self.tr("%1 is not a UK postcode (e.g. CF10 1AB).").replace(
                "%1", code
            )
        return problems

    def job(self) -> Job:
        actor = self.ctx.actor
        code = self.postcode.text().strip()
        new = NewCase(
            service_code=self.service.currentData(),
            summary=self.summary.text(),
            channel=self.channel.currentData(),
            citizen_id=self.citizen_id,
            description=self.description.toPlainText().strip() or None,
            priority=self.priority.currentData(),
            location_address=self.address.text().strip() or None,
            location_postcode=(normalise.postcode(code) or code) if code else None,
        )

        def save(session: Session) -> object:
            return cases.open_case(session, actor, new)

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        for word, field in (
            ("summary", "summary"),
            ("service", "service"),
            ("priority", "priority"),
            ("channel", "channel"),
            ("postcode", "postcode"),
        ):
            if word in lowered:
                return field
        return None
