"""Record a check made with the citizen, offering only the steps that reach the level the
task needs: a call back to a phone number on their record, questions from data held (which
facts were asked is recorded, never the answers), a document seen (which kind; no copy, no
number) or knowing them in person. The task that asked goes on once the check is saved.

Sending a code through the replies channel is not offered here yet: the window cannot send
one (``code_sent`` is recorded from the command line when a code went by other means).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import assurance as levels
from caseworker.services import assurance
from caseworker.services.assurance import KNOWLEDGE_FACTS, NewCheck
from caseworker.timeutil import from_iso
from ui.case.widgets import tab_chain
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.dialogs.shared import local_time

# The checks the window offers (``code_sent`` needs a sending the window does not have yet).
OFFERED = ("call_back", "knowledge_check", "document_seen", "in_person")
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
    "council_tax_details": QT_TRANSLATE_NOOP("AssuranceDialog", "Council tax details"),
    "benefits_details": QT_TRANSLATE_NOOP("AssuranceDialog", "Benefits details"),
    "safeguarding_notes": QT_TRANSLATE_NOOP("AssuranceDialog", "Safeguarding notes"),
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
    ) -> None:
        super().__init__(ctx, self.tr("Check who you are dealing with"), parent)
        self.citizen_id = citizen_id
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
            if method in OFFERED and (method != "call_back" or phones):
                self.method.addItem(_tr(METHODS[method]), method)
        self.add_field(
            "method", self.tr("&Check:"), self.method, self.tr("Check"),
            self.tr("How you check, from the least you need to ask."),
        )  # fmt: skip
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
        tab_chain([self.method, self.phone, self.document, *self.facts.values()])
        self.method.setFocus()

    def chosen(self) -> str:
        return str(self.method.currentData())

    def _method_changed(self) -> None:
        method = self.chosen()
        self.set_field_visible("phone", method == "call_back")
        self.set_field_visible("document", method == "document_seen")
        self.set_field_visible("facts", method == "knowledge_check")

    def check(self) -> dict[str, str]:
        if self.method.count() == 0:
            return {"method": self.tr("No check the window offers reaches that level.")}
        if (
            self.chosen() == "knowledge_check"
            and sum(b.isChecked() for b in self.facts.values()) < 2
        ):
            return {"facts": self.tr("Ask at least two facts we hold.")}
        return {}

    def job(self) -> Job:
        actor, citizen_id, method = self.ctx.actor, self.citizen_id, self.chosen()
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
