"""Undo a merge: the two records stand apart again, exactly as they are now; why is kept."""

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from caseworker.services import merges
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job


class UndoMergeDialog(FormDialog):
    def __init__(self, ctx: UiContext, merge_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Undo a merge"), parent)
        self.merge_id = merge_id
        self.set_intro(
            self.tr(
                "The merged record stands apart again, with its own contacts, cases and "
                "identifiers, including anything added since."
            )
        )
        self.save_button.setText(self.tr("&Undo merge"))
        self.save_button.setAccessibleName(self.tr("Undo merge (Ctrl+Enter)"))
        self.why = QLineEdit()
        self.add_field(
            "why",
            self.tr("&Why:"),
            self.why,
            self.tr("Why"),
            self.tr("Why these are two people: kept with the merge's history."),
        )
        self.why.setFocus()

    def check(self) -> dict[str, str]:
        return {} if self.why.text().strip() else {"why": self.tr("Say why.")}

    def job(self) -> Job:
        actor, merge_id, why = self.ctx.actor, self.merge_id, self.why.text()

        def save(session: Session) -> object:
            return merges.unmerge(session, actor, merge_id, why)

        return save

    def _set_saving(self, saving: bool) -> None:
        super()._set_saving(saving)
        if not saving:
            self.save_button.setText(self.tr("&Undo merge"))

    def field_for(self, message: str) -> str | None:
        return "why" if "why" in message.lower() else None
