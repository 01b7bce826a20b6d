"""Log an anonymous contact: a caller who will not give their details. Only the channel, what
it was about and what was said are recorded, with no citizen and no case; the contact goes to
the contact centre's shared channel (``caseworker.access.channels.ANONYMOUS``)."""

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.services import contacts
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, text_box
from ui.dialogs.shared import channel_icon


class AnonymousContactDialog(FormDialog):
    """Saves through ``contacts.record_anonymous_contact``; ``result_value`` is (id, ChangeSet)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Log an anonymous contact"), parent)
        self.set_intro(
            self.tr(
                "For a caller who will not give their details. Nothing about who they are is "
                "recorded: only how they got in touch, what it was about and what was said."
            )
        )
        self.channel = QComboBox()
        for code in vocab.CHANNELS:
            icon = channel_icon(code)
            if icon is not None:
                self.channel.addItem(icon, labels.channel(code), code)
            else:
                self.channel.addItem(labels.channel(code), code)
        self.add_field(
            "channel",
            self.tr("C&hannel:"),
            self.channel,
            self.tr("Channel"),
            self.tr("How the caller got in touch: phone, email, walk-in, letter…"),
        )
        self.subject = QLineEdit()
        self.subject.setMaxLength(200)
        self.subject.setPlaceholderText(self.tr("e.g. Fly-tipping on Mill Lane"))
        self.add_field(
            "subject",
            self.tr("S&ubject:"),
            self.subject,
            self.tr("Subject"),
            self.tr("What the contact was about, in a few words."),
        )
        self.summary = text_box()
        self.add_field(
            "summary",
            self.tr("&What was said:"),
            self.summary,
            self.tr("What was said"),
            self.tr("What the caller said and anything promised. Tab moves on."),
        )
        self.subject.setFocus()

    def check(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not self.subject.text().strip():
            problems["subject"] = self.tr("Say in a few words what it was about.")
        if not self.said():
            problems["summary"] = self.tr("Say briefly what was said.")
        return problems

    def said(self) -> str:
        return self.summary.toPlainText().strip()

    def job(self) -> Job:
        actor, channel = self.ctx.actor, self.channel.currentData()
        subject, summary = self.subject.text(), self.said()

        def save(session: Session) -> object:
            return contacts.record_anonymous_contact(
                session, actor, channel=channel, subject=subject, summary=summary
            )

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "channel" in lowered:
            return "channel"
        if "subject" in lowered:
            return "subject"
        if "said" in lowered:
            return "summary"
        return None
