"""Log a contact: what the council heard from, or said to, a citizen on one channel."""

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.services import contacts
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, select_data, text_box
from ui.dialogs.shared import channel_icon

CaseChoice = tuple[str, str]  # case id, what to show ("CW-... Missed bin")


class LogContactDialog(FormDialog):
    """Saves through ``contacts.record_interaction``; ``result_value`` is (id, ChangeSet)."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        citizen_id: str | None,
        cases: Sequence[CaseChoice] = (),
        case_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Log a contact"), parent)
        self.citizen_id = citizen_id
        self.set_intro(
            self.tr("Record a call, visit, message or letter so everyone sees it in the timeline.")
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
            self.tr("How the contact happened: phone, email, web form, app, walk-in, letter…"),
        )
        self.direction = QComboBox()
        for code in vocab.DIRECTIONS:
            self.direction.addItem(labels.direction(code), code)
        self.add_field(
            "direction",
            self.tr("&Direction:"),
            self.direction,
            self.tr("Direction"),
            self.tr("Whether the citizen contacted the council, or the council contacted them."),
        )
        self.summary = text_box()
        self.summary.setPlaceholderText(self.tr("What was it about? What was promised?"))
        self.add_field(
            "summary",
            self.tr("Su&mmary:"),
            self.summary,
            self.tr("Summary"),
            self.tr("A few words on what was said and anything promised. Tab moves on."),
        )
        self.case = QComboBox()
        self.case.addItem(self.tr("Not about a particular case"), None)
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
            self.tr("The case this contact is about, if any."),
        )
        self.summary.setFocus()

    def check(self) -> dict[str, str]:
        if not self.summary.toPlainText().strip():
            return {"summary": self.tr("Say briefly what the contact was about.")}
        return {}

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        channel, direction = self.channel.currentData(), self.direction.currentData()
        summary, case_id = self.summary.toPlainText(), self.case.currentData()

        def save(session: Session) -> object:
            return contacts.record_interaction(
                session,
                actor,
                channel=channel,
                direction=direction,
                summary=summary,
                citizen_id=citizen_id,
                case_id=case_id,
            )

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        if "channel" in lowered:
            return "channel"
        if "direction" in lowered:
            return "direction"
        if "case" in lowered and "citizen" not in lowered:
            return "case"
        if "about" in lowered:
            return "summary"
        return None
