"""Erase or anonymise a citizen (supervisors and admins): the dialog names what will go, from
this laptop, every other laptop and the council's central database, and asks for the legal
basis and the reason. Saving writes the erasure request and purges this laptop's copy at once
(``caseworker.services.erasure``); the record's tab then closes itself (its citizen is gone).
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.erasure import local as erasure_local
from caseworker.services import erasure
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job


def _modes() -> list[tuple[str, str]]:
    return [
        ("erase", QCoreApplication.translate("EraseDialog", "Erase the whole record")),
        (
            "anonymise",
            QCoreApplication.translate(
                "EraseDialog", "Anonymise: keep it for statistics, without any personal detail"
            ),
        ),
    ]


def _words(value: str) -> str:
    names = {
        "no_longer_necessary": QCoreApplication.translate("EraseDialog", "No longer needed"),
        "consent_withdrawn": QCoreApplication.translate("EraseDialog", "Consent withdrawn"),
        "objection": QCoreApplication.translate("EraseDialog", "The citizen objects"),
        "unlawful_processing": QCoreApplication.translate("EraseDialog", "Held unlawfully"),
        "legal_obligation": QCoreApplication.translate("EraseDialog", "Required by law"),
        "citizen_request": QCoreApplication.translate("EraseDialog", "The citizen asked"),
        "retention_schedule": QCoreApplication.translate("EraseDialog", "Retention schedule"),
        "council_decision": QCoreApplication.translate("EraseDialog", "Council decision"),
        "court_order": QCoreApplication.translate("EraseDialog", "Court order"),
    }
    return names.get(value, value)


class EraseDialog(FormDialog):
    """Saves through ``erasure.request_erasure``; ``result_value`` is (erasure id, ChangeSet)."""

    def __init__(
        self,
        ctx: UiContext,
        citizen_id: str,
        name: str,
        cases: int,
        contacts: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Erase this citizen"), parent)
        self.citizen_id = citizen_id
        self.set_intro(
            self.tr(
                "This removes %1's record, %2 cases, %3 contacts and notes, identifiers and "
                "consents from this laptop, every other laptop and the council's central "
                "database. It cannot be undone. A record of the erasure stays, without their "
                "details."
            )
            .replace("%1", labels.shown(name))
            .replace("%2", str(cases))
            .replace("%3", str(contacts))
        )
        self.mode = self._combo(_modes())
        self.add_field(
            "mode", self.tr("&What:"), self.mode, self.tr("What"), self.tr("Erase or anonymise.")
        )
        self.basis = self._combo([(b, _words(b)) for b in vocab.ERASURE_BASES])
        self.add_field(
            "basis",
            self.tr("Legal &basis:"),
            self.basis,
            self.tr("Legal basis"),
            self.tr("The ground for erasure in UK GDPR Article 17."),
        )
        self.reason = self._combo([(r, _words(r)) for r in vocab.ERASURE_REASONS])
        self.add_field(
            "reason", self.tr("&Reason:"), self.reason, self.tr("Reason"), self.tr("Why, in short.")
        )
        self.save_button.setText(self.tr("&Erase everywhere"))
        self.save_button.setAccessibleName(self.tr("Erase everywhere (Ctrl+Enter)"))
        self.save_button.setAccessibleDescription(
            self.tr("Erases the citizen from every copy. It cannot be undone.")
        )
        self.save_button.setToolTip(self.tr("Erase everywhere (Ctrl+Enter)"))
        self.save_button.setDefault(False)  # Enter alone must not erase anyone
        self.cancel_button.setDefault(True)
        self.mode.setFocus()
        store = ctx.worker.store
        # Once it has committed: the store is rebuilt so no free page keeps the person. A read
        # job that never touches its session holds no transaction.
        self.saved.connect(lambda _result: ctx.worker.read(lambda _s: erasure_local.clean(store)))

    @staticmethod
    def _combo(items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        mode, basis = str(self.mode.currentData()), str(self.basis.currentData())
        reason = str(self.reason.currentData())

        def save(session: Session) -> object:
            return erasure.request_erasure(
                session, actor, citizen_id, mode=mode, basis=basis, reason=reason
            )

        return save
