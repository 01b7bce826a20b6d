"""Record a consent (purpose, lawful basis, and the channel it lets the council contact the
citizen on or the partner it lets the council share with, and where it came from), withdraw
one, and share with a partner: through the same services, and rules, as the command line."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.services import consents
from caseworker.services.citizens import NewConsent, add_consent
from ui import labels
from ui.case.widgets import tab_chain
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job

CHANNELS = {
    "email": QT_TRANSLATE_NOOP("ConsentDialog", "Email"),
    "sms": QT_TRANSLATE_NOOP("ConsentDialog", "Text message"),
    "phone": QT_TRANSLATE_NOOP("ConsentDialog", "Phone"),
    "post": QT_TRANSLATE_NOOP("ConsentDialog", "Post"),
    "social": QT_TRANSLATE_NOOP("ConsentDialog", "Social media"),
}
SHARE = "share"  # the "what it allows" choice that names a partner


def channel_label(code: str) -> str:
    return QCoreApplication.translate("ConsentDialog", str(CHANNELS.get(code, code)))


class ConsentDialog(FormDialog):
    """Saves through ``citizens.add_consent``: recorded now, in the actor's name."""

    def __init__(self, ctx: UiContext, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Record a consent"), parent)
        self.citizen_id = citizen_id
        self.set_intro(self.tr("It starts now and runs until it is withdrawn."))
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(200)
        self.add_field(
            "purpose", self.tr("&Purpose:"), self.purpose, self.tr("Purpose"),
            self.tr("What the citizen agreed to, in their words."),
        )  # fmt: skip
        self.basis = QComboBox()
        for code in vocab.LAWFUL_BASES:
            self.basis.addItem(labels.lawful_basis(code), code)
        self.add_field(
            "basis", self.tr("&Lawful basis:"), self.basis, self.tr("Lawful basis"),
            self.tr("The UK GDPR basis for using their data this way."),
        )  # fmt: skip
        self.allows = QComboBox()
        for code in vocab.CONSENT_CHANNELS:
            self.allows.addItem(self.tr("Contact by %1").replace("%1", channel_label(code)), code)
        self.allows.addItem(self.tr("Sharing with a partner"), SHARE)
        self.add_field(
            "allows", self.tr("&Allows:"), self.allows, self.tr("Allows"),
            self.tr("The one channel, or the sharing, it covers."),
        )  # fmt: skip
        self.partner = QLineEdit()
        self.partner.setMaxLength(200)
        self.add_field(
            "partner", self.tr("Pa&rtner:"), self.partner, self.tr("Partner"),
            self.tr("The partner organisation it allows sharing with."),
        )  # fmt: skip
        self.source = QLineEdit()
        self.source.setMaxLength(200)
        self.add_field(
            "source", self.tr("&Given by:"), self.source, self.tr("Given by"),
            self.tr("How the citizen gave it: a call, a form, a letter."),
        )  # fmt: skip
        self.allows.currentIndexChanged.connect(self._allows_changed)
        self._allows_changed()
        tab_chain(
            [self.purpose, self.basis, self.allows, self.partner, self.source, self.save_button]
        )
        self.purpose.setFocus()

    def _allows_changed(self) -> None:
        self.set_field_visible("partner", self.allows.currentData() == SHARE)

    def check(self) -> dict[str, str]:
        problems = {}
        if not self.purpose.text().strip():
            problems["purpose"] = self.tr("Say what the citizen agreed to.")
        if not self.source.text().strip():
            problems["source"] = self.tr("Say how the citizen gave it.")
        if self.allows.currentData() == SHARE and not self.partner.text().strip():
            problems["partner"] = self.tr("Name the partner organisation.")
        return problems

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        allows = str(self.allows.currentData())
        new = NewConsent(
            self.purpose.text(),
            str(self.basis.currentData()),
            self.source.text(),
            channel=None if allows == SHARE else allows,
            partner=self.partner.text() if allows == SHARE else None,
        )

        def save(session: Session) -> object:
            return add_consent(session, actor, citizen_id, new)

        return save


class WithdrawConsentDialog(FormDialog):
    """Saves through ``consents.withdraw``. ``choices`` are the consents in force, as
    (id, words shown)."""

    def __init__(
        self,
        ctx: UiContext,
        citizen_id: str,
        choices: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Withdraw a consent"), parent)
        self.citizen_id = citizen_id
        self.set_intro(self.tr("It stays on the record, ended now, in your name."))
        self.consent = QComboBox()
        for consent_id, words in choices:
            self.consent.addItem(words, consent_id)
        self.add_field(
            "consent", self.tr("&Consent:"), self.consent, self.tr("Consent"),
            self.tr("The consent the citizen withdraws."),
        )  # fmt: skip
        self.save_button.setText(self.tr("&Withdraw"))
        tab_chain([self.consent, self.save_button, self.cancel_button])
        self.consent.setFocus()

    def _set_saving(self, saving: bool) -> None:
        super()._set_saving(saving)
        if not saving:
            self.save_button.setText(self.tr("&Withdraw"))

    def check(self) -> dict[str, str]:
        if self.consent.count() == 0:
            return {"consent": self.tr("No consent is in force.")}
        return {}

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        consent_id = str(self.consent.currentData())

        def save(session: Session) -> object:
            return consents.withdraw(session, actor, citizen_id, consent_id)

        return save


class ShareDialog(FormDialog):
    """Saves through ``consents.share``: refused, with the reason, without a consent for that
    partner now (the identity check was asked for before this dialog opened)."""

    def __init__(self, ctx: UiContext, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Share with a partner"), parent)
        self.citizen_id = citizen_id
        self.partner = QLineEdit()
        self.partner.setMaxLength(200)
        self.add_field(
            "partner", self.tr("Pa&rtner:"), self.partner, self.tr("Partner"),
            self.tr("The partner organisation the data goes to."),
        )  # fmt: skip
        self.what = QLineEdit()
        self.what.setMaxLength(500)
        self.add_field(
            "what", self.tr("&What:"), self.what, self.tr("What is shared"),
            self.tr("What is shared, in a few words (recorded in the audit trail)."),
        )  # fmt: skip
        self.save_button.setText(self.tr("S&hare"))
        tab_chain([self.partner, self.what, self.save_button, self.cancel_button])
        self.partner.setFocus()

    def _set_saving(self, saving: bool) -> None:
        super()._set_saving(saving)
        if not saving:
            self.save_button.setText(self.tr("S&hare"))

    def check(self) -> dict[str, str]:
        problems = {}
        if not self.partner.text().strip():
            problems["partner"] = self.tr("Name the partner organisation.")
        if not self.what.text().strip():
            problems["what"] = self.tr("Say what is shared.")
        return problems

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        partner, what = self.partner.text(), self.what.text()

        def save(session: Session) -> object:
            return consents.share(session, actor, citizen_id, partner, what)

        return save
