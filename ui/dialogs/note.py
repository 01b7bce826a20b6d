"""Start a note: an internal remark about a citizen or one of their cases."""

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy.orm import Session

from caseworker.services import contacts
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, select_data, text_box
from ui.dialogs.contact import CaseChoice


class NoteDialog(FormDialog):
    """Saves through ``contacts.add_note``; ``result_value`` is (note id, ChangeSet)."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        citizen_id: str | None = None,
        cases: Sequence[CaseChoice] = (),
        case_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Add a note"), parent)
        self.citizen_id = citizen_id
        self.set_intro(self.tr("Notes are for staff: the citizen does not see them."))
        self.text = text_box(10)
        self.text.setPlaceholderText(self.tr("Write the note here"))
        self.add_field(
            "text",
            self.tr("&Note:"),
            self.text,
            self.tr("Note"),
            self.tr("The text of the note. Tab moves on; Ctrl+Enter saves."),
        )
        self.case = QComboBox()
        if citizen_id is not None:
            self.case.addItem(self.tr("About the citizen in general"), None)
        for cid, text in cases:
            self.case.addItem(text, cid)
        if case_id is not None and self.case.findData(case_id) < 0:
            self.case.addItem(case_id, case_id)
        select_data(self.case, case_id)
        self.add_field(
            "case",
            self.tr("Ca&se:"),
            self.case,
            self.tr("Case"),
            self.tr("The case the note is about, if any."),
        )
        self.case.setEnabled(self.case.count() > 1)
        self.text.setFocus()

    def check(self) -> dict[str, str]:
        if not self.text.toPlainText().strip():
            return {"text": self.tr("A note cannot be empty.")}
        return {}

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        text, case_id = self.text.toPlainText(), self.case.currentData()

        def save(session: Session) -> object:
            return contacts.add_note(session, actor, text, case_id=case_id, citizen_id=citizen_id)

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "empty" in lowered:
            return "text"
        if "case" in lowered:
            return "case"
        return None
