"""Reply to the citizen from their case: a template of the case's service, in their language,
by email or text message to one of their own addresses, previewed as they will read it, then
queued in the outbox (``caseworker.services.replies``). It is sent by the council's central
service through GOV.UK Notify once this laptop has synced, so it works offline too.
"""

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from sqlalchemy.orm import Session

from caseworker.replies.render import Rendered
from caseworker.services import replies
from caseworker.services.replies import ReplySetup
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, select_data, text_box
from ui.dialogs.shared import alive, plain_error


def state_label(state: str) -> str:
    """A reply's state as staff read it."""
    return {
        "queued": QCoreApplication.translate("Reply", "waiting to be sent"),
        "sending": QCoreApplication.translate("Reply", "being sent"),
        "sent": QCoreApplication.translate("Reply", "sent"),
        "delivered": QCoreApplication.translate("Reply", "delivered"),
        "failed": QCoreApplication.translate("Reply", "not delivered"),
    }.get(state, state)


def reply_summary(channel: str | None, recipient: str | None, state: str | None) -> str:
    """One line for the case's history: "Reply by email to …: delivered"."""
    pattern = (
        QCoreApplication.translate("Reply", "Reply by text message to %1: %2")
        if channel == "sms"
        else QCoreApplication.translate("Reply", "Reply by email to %1: %2")
    )
    return pattern.replace("%1", labels.shown(recipient or "")).replace(
        "%2", state_label(state or "")
    )


class ReplyDialog(FormDialog):
    """Sends through ``replies.send_reply``; ``result_value`` is (message id, ChangeSet)."""

    def __init__(self, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Reply to the citizen"), parent)
        self.case_id = case_id
        self.setup: ReplySetup | None = None
        self.rendered: Rendered | None = None
        self.welsh_ui = QLocale().language() == QLocale.Language.Welsh
        self.set_intro(
            self.tr(
                "The council sends the reply through GOV.UK Notify once this laptop syncs. "
                "It cannot be changed after it is sent."
            )
        )
        self.save_button.setText(self.tr("&Send"))
        self.save_button.setAccessibleName(self.tr("Send (Ctrl+Enter)"))
        self.save_button.setAccessibleDescription(self.tr("Queues the reply and closes."))
        self.save_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
        self.template = QComboBox()
        self.add_field(
            "template",
            self.tr("&Reply:"),
            self.template,
            self.tr("Reply template"),
            self.tr("The council's prepared replies for this case's service."),
        )
        self.language = QComboBox()
        self.language.addItem(labels.language("en"), "en")
        self.language.addItem(labels.language("cy"), "cy")
        self.add_field(
            "language",
            self.tr("&Language:"),
            self.language,
            self.tr("Language of the reply"),
            self.tr("The language the citizen reads the reply in: their preference at first."),
        )
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Email"), "email")
        self.channel.addItem(self.tr("Text message"), "sms")
        self.add_field(
            "channel",
            self.tr("&By:"),
            self.channel,
            self.tr("Send by"),
            self.tr("Email or text message."),
        )
        self.to = QComboBox()
        self.add_field(
            "to",
            self.tr("&To:"),
            self.to,
            self.tr("Send to"),
            self.tr("One of the citizen's own email addresses or mobile numbers."),
        )
        self.subject = QLabel()
        self.subject.setWordWrap(True)
        self.add_field(
            "subject",
            self.tr("Subject:"),
            self.subject,
            self.tr("Subject"),
            self.tr("The subject line of the email."),
        )
        self.preview = text_box(12)
        self.preview.setReadOnly(True)
        self.add_field(
            "preview",
            self.tr("&Preview:"),
            self.preview,
            self.tr("Preview"),
            self.tr("The reply as the citizen will read it."),
        )
        for combo in (self.template, self.language):
            combo.currentIndexChanged.connect(self.refresh_preview)
        self.channel.currentIndexChanged.connect(self._fill_recipients)
        self.save_button.setEnabled(False)
        self.template.setFocus()
        ctx.worker.read(lambda s: replies.setup(s, case_id), self._arrived, self._load_failed)

    # -- loading ------------------------------------------------------------------------------
    def _arrived(self, setup: ReplySetup) -> None:
        if not alive(self):
            return
        self.setup = setup
        self.template.blockSignals(True)
        for t in setup.templates:
            self.template.addItem(t.name_cy if self.welsh_ui else t.name_en, t.id)
        self.template.blockSignals(False)
        self.language.blockSignals(True)
        select_data(self.language, setup.language)
        self.language.blockSignals(False)
        if not setup.email and setup.sms:
            select_data(self.channel, "sms")
        self._fill_recipients()
        if not setup.templates:
            self.show_error(self.tr("This service has no replies prepared yet."), "template")

    def _load_failed(self, error: Exception) -> None:
        if alive(self):
            self.show_error(plain_error(error))

    def _fill_recipients(self) -> None:
        if self.setup is None:
            return
        email = self.channel.currentData() == "email"
        self.to.clear()
        for r in self.setup.email if email else self.setup.sms:
            self.to.addItem(f"{r.value} ({r.label})" if r.label else r.value, r.identifier_id)
        self.set_field_visible("subject", email)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        template_id, language = self.template.currentData(), self.language.currentData()
        self.rendered = None
        self.save_button.setEnabled(False)
        if template_id is None:
            self.preview.setPlainText("")
            self.subject.setText("")
            return
        actor, case_id = self.ctx.actor, self.case_id

        def render(s: Session) -> Rendered:
            return replies.preview(s, actor, case_id, template_id, language)

        def shown(rendered: Rendered) -> None:
            if not alive(self) or self.template.currentData() != template_id:
                return
            self.rendered = rendered
            self.subject.setText(labels.shown(rendered.subject))
            self.subject.setAccessibleName(
                self.tr("Subject: %1").replace("%1", labels.shown(rendered.subject))
            )
            self.preview.setPlainText(rendered.body)
            self.clear_errors()
            if not rendered.complete:
                self.show_error(self._missing_text(rendered), "template")
            self.save_button.setEnabled(rendered.complete and not self.saving)

        self.ctx.worker.read(render, shown, self._load_failed)

    def _missing_text(self, rendered: Rendered) -> str:
        names = ", ".join(f"(({m}))" for m in rendered.missing)
        return self.tr("This case has nothing to fill %1 with: choose another reply.").replace(
            "%1", names
        )

    # -- sending -------------------------------------------------------------------------------
    def check(self) -> dict[str, str]:
        if self.template.currentData() is None:
            return {"template": self.tr("Choose a reply.")}
        if self.to.currentData() is None:
            if self.channel.currentData() == "sms":
                return {"to": self.tr("The citizen has no mobile number on their record.")}
            return {"to": self.tr("The citizen has no email address on their record.")}
        if self.rendered is None:
            return {"preview": self.tr("Wait for the preview before sending.")}
        if not self.rendered.complete:
            return {"template": self._missing_text(self.rendered)}
        return {}

    def job(self) -> Job:
        actor, case_id = self.ctx.actor, self.case_id
        fields: dict[str, Any] = {
            "template_id": self.template.currentData(),
            "language": self.language.currentData(),
            "channel": self.channel.currentData(),
            "recipient_id": self.to.currentData(),
        }

        def send(session: Session) -> object:
            return replies.send_reply(session, actor, case_id, **fields)

        return send

    def _set_saving(self, saving: bool) -> None:
        super()._set_saving(saving)
        self.save_button.setText(self.tr("Sending…") if saving else self.tr("&Send"))

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "recipient" in lowered or "mobile" in lowered or "email address" in lowered:
            return "to"
        if "placeholder" in lowered or "template" in lowered or "fill" in lowered:
            return "template"
        return None
