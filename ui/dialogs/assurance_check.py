"""Record a check made with the citizen, offering only the steps that reach the level the
task needs: a code sent to an email address or phone on their record and read back, a call
back to a phone number on their record, questions from data held (which facts were asked is
recorded, never the answers), a document seen (which kind; no copy, no number) or knowing them
in person. The task that asked goes on once the check is saved.

A code: "Send code" asks the council's central service to send one
(``caseworker.services.verification``); it goes once this laptop has synced, and the dialog
says when it has gone (the request's hash arrives on the change bus). Saving compares what the
agent typed: a wrong code costs one of three tries and keeps the dialog open.
"""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import assurance as levels
from caseworker.documents.codec import Document
from caseworker.services import assurance, verification
from caseworker.services.assurance import KNOWLEDGE_FACTS, NewCheck
from caseworker.services.context import ChangeSet
from caseworker.timeutil import from_iso
from ui.case.widgets import tab_chain
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.dialogs.shared import alive, local_time, plain_error

# The checks the window offers (a code only when the record has an email address or phone).
OFFERED = ("code_sent", "call_back", "knowledge_check", "document_seen", "in_person")
METHODS = {
    "code_sent": QT_TRANSLATE_NOOP("AssuranceDialog", "A code sent and read back"),
    "council_record": QT_TRANSLATE_NOOP("AssuranceDialog", "The council's records"),
    "app_login": QT_TRANSLATE_NOOP("AssuranceDialog", "Signed in to the app"),
    "call_back": QT_TRANSLATE_NOOP("AssuranceDialog", "Call back on a number on their record"),
    "knowledge_check": QT_TRANSLATE_NOOP("AssuranceDialog", "Questions about what we hold"),
    "document_seen": QT_TRANSLATE_NOOP("AssuranceDialog", "A document seen"),
    "in_person": QT_TRANSLATE_NOOP("AssuranceDialog", "Known in person, at the door or counter"),
}
DOCUMENTS = {
    "passport": QT_TRANSLATE_NOOP("AssuranceDialog", "Passport"),
    "driving_licence": QT_TRANSLATE_NOOP("AssuranceDialog", "Driving licence"),
    "council_tax_bill": QT_TRANSLATE_NOOP("AssuranceDialog", "Council tax bill"),
    "benefit_letter": QT_TRANSLATE_NOOP("AssuranceDialog", "Benefit letter"),
    "utility_bill": QT_TRANSLATE_NOOP("AssuranceDialog", "Utility bill"),
    "bank_statement": QT_TRANSLATE_NOOP("AssuranceDialog", "Bank statement"),
    "tenancy_agreement": QT_TRANSLATE_NOOP("AssuranceDialog", "Tenancy agreement"),
}
FACTS = {
    "date_of_birth": QT_TRANSLATE_NOOP("AssuranceDialog", "Date of birth"),
    "address": QT_TRANSLATE_NOOP("AssuranceDialog", "Address"),
    "postcode": QT_TRANSLATE_NOOP("AssuranceDialog", "Postcode"),
    "case_reference": QT_TRANSLATE_NOOP("AssuranceDialog", "A case reference"),
    "phone": QT_TRANSLATE_NOOP("AssuranceDialog", "Phone number"),
    "email": QT_TRANSLATE_NOOP("AssuranceDialog", "Email address"),
}
LEVEL_TITLES = {
    "contact_verified": QT_TRANSLATE_NOOP("AssuranceDialog", "Contact verified"),
    "identity_verified": QT_TRANSLATE_NOOP("AssuranceDialog", "Identity verified"),
}
ACTIONS = {
    "change_contact_details": QT_TRANSLATE_NOOP("AssuranceDialog", "Changing contact details"),
    "share_with_partner": QT_TRANSLATE_NOOP("AssuranceDialog", "Sharing with a partner"),
    "subject_access_export": QT_TRANSLATE_NOOP("AssuranceDialog", "A subject access export"),
}
LEVELS = {
    "unverified": QT_TRANSLATE_NOOP("AssuranceDialog", "not verified"),
    "contact_verified": QT_TRANSLATE_NOOP("AssuranceDialog", "contact verified"),
    "identity_verified": QT_TRANSLATE_NOOP("AssuranceDialog", "identity verified"),
}


def assurance_text(reached: levels.Reached) -> str:
    """ "Identity verified: a document seen, 02/12/2026 14:05", or "Not verified"."""
    if reached.method is None or reached.level == "unverified":
        return QCoreApplication.translate("AssuranceDialog", "Not verified")
    how = _tr(METHODS[reached.method]) if reached.method in METHODS else reached.method
    when = local_time(from_iso(reached.at)) if reached.at else ""
    return (
        QCoreApplication.translate("AssuranceDialog", "%1: %2, %3")
        .replace("%1", _tr(LEVEL_TITLES[reached.level]))
        .replace("%2", how)
        .replace("%3", when)
    )


def _tr(text: object) -> str:
    return QCoreApplication.translate("AssuranceDialog", str(text))


class AssuranceDialog(FormDialog):
    """Saves through ``assurance.record_check``. ``phones`` are the citizen's phone
    identifiers as (id, value); ``action`` the task that needs the level (None: a check
    recorded for its own sake, reaching contact verified or more); ``held`` their level now."""

    def __init__(
        self,
        ctx: UiContext,
        citizen_id: str,
        phones: list[tuple[str, str]],
        action: str | None = None,
        held: str = "unverified",
        parent: QWidget | None = None,
        *,
        contacts: Sequence[tuple[str, str]] = (),
    ) -> None:
        """``contacts``: the email addresses and phones on the record a code can go to, as
        (identifier id, value)."""
        super().__init__(ctx, self.tr("Check who you are dealing with"), parent)
        self.citizen_id = citizen_id
        self.request_id: str | None = None  # the code asked for in this dialog
        needed = levels.REQUIRED.get(action or "", "contact_verified")
        if action is not None:
            self.set_intro(
                self.tr("%1 needs the citizen %2; their record is %3. Make one of these checks:")
                .replace("%1", _tr(ACTIONS.get(action, action)))
                .replace("%2", _tr(LEVELS[needed]))
                .replace("%3", _tr(LEVELS.get(held, held)))
            )
        self.method = QComboBox()
        for method in levels.steps_to(needed):
            usable = {"call_back": bool(phones), "code_sent": bool(contacts)}.get(method, True)
            if method in OFFERED and usable:
                self.method.addItem(_tr(METHODS[method]), method)
        self.add_field(
            "method", self.tr("&Check:"), self.method, self.tr("Check"),
            self.tr("How you check, from the least you need to ask."),
        )  # fmt: skip
        self._build_code(contacts)
        self.phone = QComboBox()
        for ident_id, value in phones:
            self.phone.addItem(value, ident_id)
        self.add_field(
            "phone", self.tr("&Number called:"), self.phone, self.tr("Number called"),
            self.tr("The number on their record that you rang and reached them on."),
        )  # fmt: skip
        self.document = QComboBox()
        for code in vocab.DOCUMENTS_SEEN:
            self.document.addItem(_tr(DOCUMENTS[code]), code)
        self.add_field(
            "document", self.tr("&Document:"), self.document, self.tr("Document"),
            self.tr("Which document you saw. Keep no copy and write down no number."),
        )  # fmt: skip
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.facts: dict[str, QCheckBox] = {}
        for fact in KNOWLEDGE_FACTS:
            box = QCheckBox(_tr(FACTS[fact]))
            box.setAccessibleName(_tr(FACTS[fact]))
            box.setAccessibleDescription(self.tr("Asked and answered correctly."))
            row.addWidget(box)
            self.facts[fact] = box
        self.add_field(
            "facts", self.tr("&Asked:"), holder, self.tr("Facts asked"),
            self.tr("At least two facts we hold; the answers are never written down."),
        )  # fmt: skip
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()
        tab_chain(
            [
                self.method, self.contact, self.send_button, self.code, self.phone,
                self.document, *self.facts.values(),
            ]
        )  # fmt: skip
        self.ctx.bus.changed.connect(self._on_changed)
        self.method.setFocus()

    def chosen(self) -> str:
        return str(self.method.currentData())

    def _build_code(self, contacts: Sequence[tuple[str, str]]) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.contact = QComboBox()
        for ident_id, value in contacts:
            self.contact.addItem(value, ident_id)
        self.contact.setAccessibleName(self.tr("Send the code to"))
        self.contact.setAccessibleDescription(self.tr("An email address or phone on their record."))
        self.send_button = QPushButton(self.tr("Se&nd code"))
        self.send_button.setAccessibleName(self.tr("Send code"))
        self.send_button.setAccessibleDescription(
            self.tr("Asks the council's service to send a six-digit code there.")
        )
        self.send_button.clicked.connect(self._send)
        row.addWidget(self.contact, 1)
        row.addWidget(self.send_button)
        self.send_status = QLabel()
        self.send_status.setWordWrap(True)
        self.send_status.setProperty("role", "muted")
        self.send_status.setAccessibleName(self.tr("Code status"))
        self.send_status.hide()
        column.addLayout(row)
        column.addWidget(self.send_status)
        holder.setFocusProxy(self.contact)  # Alt+T lands on the address to send to
        self.add_field(
            "send", self.tr("Send &to:"), holder, self.tr("Send the code to"),
            self.tr("An email address or phone on their record."),
        )  # fmt: skip
        self.code = QLineEdit()
        self.code.setMaxLength(12)
        self.code.setPlaceholderText(self.tr("6 digits"))
        self.code.setEnabled(False)
        self.add_field(
            "code", self.tr("Code read &back:"), self.code, self.tr("Code read back"),
            self.tr("The six digits the citizen reads out from the message."),
        )  # fmt: skip

    def _send(self) -> None:
        ident = self.contact.currentData()
        if ident is None or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)
        self.clear_errors()
        actor, citizen_id = self.ctx.actor, self.citizen_id

        def ask(session: Session) -> tuple[str, ChangeSet]:
            return verification.request_code(session, actor, citizen_id, str(ident))

        self.ctx.worker.write(ask, self._asked, self._send_failed)

    def _asked(self, result: tuple[str, ChangeSet]) -> None:
        if not alive(self):
            return
        self.request_id = result[0]
        self._show_status(
            self.tr("Asked for a code to %1. It goes once this laptop has synced.").replace(
                "%1", self.contact.currentText()
            )
        )

    def _send_failed(self, error: Exception) -> None:
        if not alive(self):
            return
        self.send_button.setEnabled(True)
        self.show_error(plain_error(error), "send")

    def _show_status(self, text: str) -> None:
        self.send_status.setText(text)
        self.send_status.show()

    def _on_changed(self, changes: ChangeSet) -> None:
        request_id = self.request_id
        if request_id is None or request_id not in changes.ids_of("verification"):
            return

        def read(session: Session) -> Document:
            return verification.request_of(session, request_id)

        self.ctx.worker.read(read, self._request_read)

    def _request_read(self, doc: Document) -> None:
        if not alive(self) or doc.get("_id") != self.request_id:
            return
        if doc.get("state") == "sent":
            self._show_status(
                self.tr("Code sent to %1. Ask them to read it back.").replace(
                    "%1", self.contact.currentText()
                )
            )
            if not self.code.isEnabled():
                self.code.setEnabled(True)
                self.code.setFocus()
        elif doc.get("state") == "failed":
            self.code.setEnabled(False)
            self.send_button.setEnabled(True)
            reason = verification.problem(doc) or ""
            self._show_status(self.tr("The code was not sent: %1").replace("%1", reason))

    def _method_changed(self) -> None:
        method = self.chosen()
        self.set_field_visible("send", method == "code_sent")
        self.set_field_visible("code", method == "code_sent")
        self.set_field_visible("phone", method == "call_back")
        self.set_field_visible("document", method == "document_seen")
        self.set_field_visible("facts", method == "knowledge_check")

    def check(self) -> dict[str, str]:
        if self.method.count() == 0:
            return {"method": self.tr("No check the window offers reaches that level.")}
        if self.chosen() == "code_sent":
            if self.request_id is None:
                return {"send": self.tr("Send a code first.")}
            if not self.code.isEnabled():
                return {"code": self.tr("Wait until the code has been sent.")}
            if not self.code.text().strip():
                return {"code": self.tr("Type the code they read back.")}
        if (
            self.chosen() == "knowledge_check"
            and sum(b.isChecked() for b in self.facts.values()) < 2
        ):
            return {"facts": self.tr("Ask at least two facts we hold.")}
        return {}

    def job(self) -> Job:
        actor, citizen_id, method = self.ctx.actor, self.citizen_id, self.chosen()
        if method == "code_sent" and self.request_id is not None:
            request_id, typed = self.request_id, self.code.text()

            def compare(session: Session) -> tuple[verification.Checked, ChangeSet]:
                checked = verification.check_code(session, actor, request_id, typed)
                return checked, checked.changes

            return compare
        detail: str | None = None
        identifier: str | None = None
        if method == "call_back":
            identifier = str(self.phone.currentData())
        elif method == "document_seen":
            detail = str(self.document.currentData())
        elif method == "knowledge_check":
            detail = ",".join(f for f, box in self.facts.items() if box.isChecked())

        def save(session: Session) -> object:
            return assurance.record_check(
                session, actor, citizen_id, NewCheck(method, identifier, detail)
            )

        return save

    def _saved(self, result: Any) -> None:
        checked = result[0] if isinstance(result, tuple) and result else None
        if not isinstance(checked, verification.Checked) or checked.verified or not alive(self):
            super()._saved(result)
            return
        # A wrong code: the try is counted (written), and the dialog stays open.
        self._set_saving(False)
        if checked.tries_left == 0:
            self.code.setEnabled(False)
            self.send_button.setEnabled(True)
            self.show_error(self.tr("Not the code sent, and no tries are left: send a new one."),
                            "code")  # fmt: skip
            return
        self.code.selectAll()
        self.show_error(
            self.tr("Not the code sent. Tries left: %n.", "", checked.tries_left), "code"
        )
