"""Correct one of the citizen's identifiers: the new number, address (and postcode) or handle,
and how it was checked as it was given. Opened once the record is contact verified (the
citizen view asks for the check first); the old value is not kept in the record."""

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import assurance
from caseworker.errors import ValidationError
from caseworker.services import contact_details
from caseworker.services.identifiers import clean
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job


@dataclass(frozen=True)
class Chosen:
    """The identifier being corrected, as the record showed it when the agent chose it."""

    id: str
    kind: str
    value: str
    postcode: str | None = None


class ChangeIdentifierDialog(FormDialog):
    """Saves through ``contact_details.change_identifier``; ``result_value`` is its ChangeSet."""

    def __init__(
        self, ctx: UiContext, citizen_id: str, chosen: Chosen, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Change an identifier"), parent)
        self.citizen_id, self.chosen = citizen_id, chosen
        self.set_intro(
            self.tr(
                "Correct this identifier (%1). The old value is not kept on the record."
            ).replace("%1", labels.identifier_kind(chosen.kind))
        )
        self.value = QLineEdit(chosen.value)
        self.value.selectAll()  # typing replaces it; an arrow key keeps it to correct a digit
        self.add_field(
            "value", self.tr("&New value:"), self.value, self.tr("New value"),
            self.tr("The corrected number, address or handle."),
        )  # fmt: skip
        self.postcode = QLineEdit(chosen.postcode or "")
        self.postcode.setMaxLength(10)
        self.add_field(
            "postcode", self.tr("&Postcode:"), self.postcode, self.tr("Postcode"),
            self.tr("The postcode of the address, e.g. CF10 4UW."),
        )  # fmt: skip
        self.set_field_visible("postcode", chosen.kind == "address")
        self.verified_by = QComboBox()
        for code in vocab.VERIFICATION_METHODS:
            if code not in assurance.CENTRAL_METHODS:  # only the council's systems record these
                self.verified_by.addItem(labels.verification(code), code)
        self.add_field(
            "verified_by", self.tr("Verified &by:"), self.verified_by,
            self.tr("How the new value was verified"),
            self.tr("How you checked the new value belongs to the citizen, or Not verified."),
        )  # fmt: skip
        self.value.setFocus()

    def _postcode(self) -> str | None:
        return self.postcode.text().strip() or None if self.chosen.kind == "address" else None

    def check(self) -> dict[str, str]:
        try:
            clean(self.chosen.kind, self.value.text(), self._postcode())
        except ValidationError as exc:
            message = str(exc)
            return {self.field_for(message) or "value": message}
        return {}

    def job(self) -> Job:
        actor, citizen_id, ident = self.ctx.actor, self.citizen_id, self.chosen.id
        value, postcode = self.value.text(), self._postcode()
        verified_by = str(self.verified_by.currentData())

        def save(session: Session) -> object:
            return contact_details.change_identifier(
                session, actor, citizen_id, ident, value,
                postcode=postcode, verified_by=verified_by,
            )  # fmt: skip

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "postcode" in lowered:
            return "postcode"
        if "verification" in lowered:
            return "verified_by"
        if "no citizen" in lowered or "needs the citizen" in lowered or "no identifier" in lowered:
            return None
        return "value"
