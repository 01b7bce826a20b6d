"""Ending and reopening a case, never by accident: resolving or closing asks for the outcome
(from the service's own list) and a comment, and is confirmed by its own button; reopening a
closed case asks why. Cancel (or Esc) changes nothing."""

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy.orm import Session

from caseworker.services import cases, undo
from caseworker.services.outcomes import Outcome
from ui import labels
from ui.case.snapshot import CaseSnapshot
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, text_box


def outcome_label(outcome: Outcome) -> str:
    """The outcome in the language the window is shown in."""
    welsh = QLocale().language() == QLocale.Language.Welsh
    return labels.shown(outcome.label("cy" if welsh else "en"))


def outcome_text(snap: CaseSnapshot) -> str:
    """The case's outcome as a person reads it (its code when the service no longer lists it)."""
    for outcome in snap.outcomes:
        if outcome.code == snap.outcome:
            return outcome_label(outcome)
    return labels.shown(snap.outcome or "")


def _job(ctx: UiContext, case_id: str, target: str, comment: str, code: str | None) -> Job:
    actor = ctx.actor

    def save(session: Session) -> object:
        changes = cases.transition(session, actor, case_id, target, comment, code)
        return undo.last_change(session, changes), changes

    return save


class EndCaseDialog(FormDialog):
    """Resolve or close: ``result_value`` is (LastChange | None, ChangeSet)."""

    def __init__(
        self, ctx: UiContext, snap: CaseSnapshot, target: str, parent: QWidget | None = None
    ) -> None:
        closing = target == "closed"
        title = self.tr("Close case %1") if closing else self.tr("Resolve case %1")
        super().__init__(ctx, title.replace("%1", labels.shown(snap.reference)), parent)
        self.case_id, self.target = snap.id, target
        self.set_intro(
            self.tr("Closing ends the case: nothing on it can be changed until someone reopens it.")
            if closing
            else self.tr("Resolving says the work is done. The case can still be closed later.")
        )
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Choose how it ended"), None)
        for outcome in snap.outcomes:
            self.outcome.addItem(outcome_label(outcome), outcome.code)
        if closing and snap.outcome:  # closing a resolved case: its resolution, to confirm
            self.outcome.setCurrentIndex(max(self.outcome.findData(snap.outcome), 0))
        self.add_field(
            "outcome",
            self.tr("&Outcome:"),
            self.outcome,
            self.tr("Outcome"),
            self.tr("How the case ended, from this service's list."),
        )
        self.comment = text_box(6)
        self.comment.setPlaceholderText(self.tr("What was done, and what the citizen was told"))
        self.add_field(
            "comment",
            self.tr("&Comment:"),
            self.comment,
            self.tr("Comment"),
            self.tr("Kept in the case's history. Tab moves on; Ctrl+Enter saves."),
        )
        confirm = self.tr("C&lose the case") if closing else self.tr("&Resolve the case")
        self.confirm_text = confirm
        self.save_button.setText(confirm)
        self.save_button.setAccessibleName(confirm.replace("&", "") + " (Ctrl+Enter)")
        self.outcome.setFocus()

    def _set_saving(self, saving: bool) -> None:
        super()._set_saving(saving)
        if not saving:
            self.save_button.setText(self.confirm_text)

    def check(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.outcome.currentData() is None:
            problems["outcome"] = self.tr("Choose the outcome.")
        if not self.comment.toPlainText().strip():
            problems["comment"] = self.tr("Say what was done, for the case's history.")
        return problems

    def job(self) -> Job:
        comment = self.comment.toPlainText()
        return _job(self.ctx, self.case_id, self.target, comment, self.outcome.currentData())

    def field_for(self, message: str) -> str | None:
        return "outcome" if "outcome" in message.lower() else None


class ReopenDialog(FormDialog):
    """Reopen a resolved or closed case, saying why: ``result_value`` is (LastChange, ChangeSet)."""

    def __init__(self, ctx: UiContext, snap: CaseSnapshot, parent: QWidget | None = None) -> None:
        title = self.tr("Reopen case %1").replace("%1", labels.shown(snap.reference))
        super().__init__(ctx, title, parent)
        self.case_id = snap.id
        self.set_intro(self.tr("The case becomes open again, and can then be changed."))
        self.reason = text_box(6)
        self.reason.setPlaceholderText(self.tr("Why it is reopened"))
        self.add_field(
            "reason",
            self.tr("&Reason:"),
            self.reason,
            self.tr("Reason"),
            self.tr("Kept in the case's history. Tab moves on; Ctrl+Enter saves."),
        )
        self.confirm_text = self.tr("&Reopen the case")
        self.save_button.setText(self.confirm_text)
        self.save_button.setAccessibleName(self.tr("Reopen the case (Ctrl+Enter)"))
        self.reason.setFocus()

    def _set_saving(self, saving: bool) -> None:
        super()._set_saving(saving)
        if not saving:
            self.save_button.setText(self.confirm_text)

    def check(self) -> dict[str, str]:
        if not self.reason.toPlainText().strip():
            return {"reason": self.tr("Say why the case is reopened.")}
        return {}

    def job(self) -> Job:
        return _job(self.ctx, self.case_id, "reopened", self.reason.toPlainText(), None)
