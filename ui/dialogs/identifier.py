"""Add an identifier: a phone, email, address, social handle or app account, and how it was
checked. What is typed is checked with the same rules the service applies, before saving."""

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import assurance
from caseworker.errors import ValidationError
from caseworker.services import citizens
from caseworker.services.citizens import NewIdentifier
from caseworker.services.identifiers import clean
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job


class IdentifierDialog(FormDialog):
    """Saves through ``citizens.add_identifier``; ``result_value`` is its ChangeSet."""

    def __init__(self, ctx: UiContext, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add an identifier"), parent)
        self.citizen_id = citizen_id
        self.set_intro(
            self.tr("A way to reach or recognise the citizen. Ask only for what the task needs.")
        )
        self.kind = QComboBox()
        for code in vocab.IDENTIFIER_KINDS:
            self.kind.addItem(labels.identifier_kind(code), code)
        self.add_field(
            "kind",
            self.tr("&Kind:"),
            self.kind,
            self.tr("Kind of identifier"),
            self.tr("Phone, email, address, social media handle or app account."),
        )
        self.value = QLineEdit()
        self.add_field(
            "value",
            self.tr("&Value:"),
            self.value,
            self.tr("Value"),
            self.tr("The number, address or handle itself, e.g. 029 2087 2087."),
        )
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(10)
        self.add_field(
            "postcode",
            self.tr("&Postcode:"),
            self.postcode,
            self.tr("Postcode"),
            self.tr("The postcode of the address, e.g. CF10 4UW."),
        )
        self.label = QLineEdit()
        self.label.setMaxLength(100)
        self.label.setPlaceholderText(self.tr("optional, e.g. mobile, work, home"))
        self.add_field(
            "label",
            self.tr("&Label:"),
            self.label,
            self.tr("Label"),
            self.tr("Optional: which phone or address this is, e.g. mobile or work."),
        )
        self.verified_by = QComboBox()
        for code in vocab.VERIFICATION_METHODS:
            # Only the council's own systems record these (the gateway refuses them from staff).
            if code not in assurance.CENTRAL_METHODS:
                self.verified_by.addItem(labels.verification(code), code)
        self.add_field(
            "verified_by",
            self.tr("Verified &by:"),
            self.verified_by,
            self.tr("How it was verified"),
            self.tr("How you checked that it belongs to the citizen, or Not verified."),
        )
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.set_field_visible("postcode", kind == "address")
        examples = {
            "phone": self.tr("e.g. 029 2087 2087 or 07700 900123"),
            "email": self.tr("e.g. name@example.org"),
            "address": self.tr("e.g. 1 Castle Street, Cardiff"),
            "social": self.tr("e.g. @name@instance.social"),
            "app_account": self.tr("the account id shown in the citizen app"),
        }
        self.value.setPlaceholderText(examples.get(kind, ""))

    def check(self) -> dict[str, str]:
        try:
            clean(self.kind.currentData(), self.value.text(), self.postcode.text() or None)
        except ValidationError as exc:
            message = str(exc)
            return {self.field_for(message) or "value": message}
        return {}

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        new = NewIdentifier(
            kind=self.kind.currentData(),
            value=self.value.text(),
            verified_by=self.verified_by.currentData(),
            label=self.label.text().strip() or None,
            postcode=self.postcode.text().strip() or None,
        )

        def save(session: Session) -> object:
            return citizens.add_identifier(session, actor, citizen_id, new)

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "postcode" in lowered:
            return "postcode"
        if "verification" in lowered:
            return "verified_by"
        if "no citizen" in lowered:
            return None
        return "value"
