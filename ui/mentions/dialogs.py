"""The inbox's dialogs: open a case from a mention (service chosen, the suggestion first),
link a mention to a citizen found by searching (the case linking dialog's search), and draft
a public reply. Each saves through its service on the database worker; a refusal (a colleague
was first, the rules) stays in the dialog, with everything typed kept."""

from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import language
from caseworker.models import Service
from caseworker.replies import public
from caseworker.services import mention_replies, mention_triage
from caseworker.services.mention_triage import Seen
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job, select_data, text_box
from ui.dialogs.link_citizen import LinkCitizenDialog


class OpenCaseFromMentionDialog(FormDialog):
    """``result_value``: (case id, ChangeSet)."""

    def __init__(
        self,
        ctx: UiContext,
        mention_id: str,
        seen: Seen,
        suggested: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Open a case from this mention"), parent)
        self.mention_id = mention_id
        self.seen = seen
        self.suggested = suggested
        self.set_intro(
            self.tr(
                "The case goes to the chosen service's queue, for the mention's citizen when it "
                "is linked to one. The post's words become its summary."
            )
        )
        self.service_box = QComboBox()
        self.service_box.setMinimumContentsLength(28)
        self.add_field(
            "service",
            self.tr("Ser&vice:"),
            self.service_box,
            self.tr("Service"),
            self.tr("The council service the case is for. The suggested one is chosen first."),
        )
        self.service_box.setFocus()
        ctx.worker.read(_services, self._show_services)

    def _show_services(self, services: list[tuple[str, str]]) -> None:
        for code, name in services:
            self.service_box.addItem(labels.shown(name), code)
        if self.suggested:
            select_data(self.service_box, self.suggested)
        else:
            self.service_box.setCurrentIndex(-1)

    def check(self) -> dict[str, str]:
        if not self.service_box.currentData():
            return {"service": self.tr("Choose the service the case is for.")}
        return {}

    def job(self) -> Job:
        actor, mention, seen = self.ctx.actor, self.mention_id, self.seen
        code = str(self.service_box.currentData())

        def save(session: Session) -> object:
            return mention_triage.open_case(session, actor, mention, code, seen=seen)

        return save


def _services(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Service.code, language.service_name())
        .where(Service.active.is_(True))
        .order_by(language.service_name())
    )
    return [(code, name) for code, name in rows]


class LinkMentionDialog(LinkCitizenDialog):
    """The case linking dialog's search, linking the mention instead (``result_value``: the
    ChangeSet)."""

    def __init__(
        self, ctx: UiContext, mention_id: str, seen: Seen, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, mention_id, parent)
        self.setWindowTitle(self.tr("Link the mention to a citizen"))
        self.setAccessibleName(self.tr("Link the mention to a citizen"))
        self.set_intro(
            self.tr(
                "Find the person who posted this: a name, phone number, postcode or email. "
                "Up and Down choose."
            )
        )
        self.mention_id = mention_id
        self.seen = seen

    def check(self) -> dict[str, str]:
        if self.chosen() is None:
            return {"find": self.tr("Find and choose the citizen who posted this.")}
        return {}

    def job(self) -> Job:
        actor, mention, seen, citizen = self.ctx.actor, self.mention_id, self.seen, self.chosen()

        def save(session: Session) -> object:
            return mention_triage.link(session, actor, mention, citizen or "", seen=seen)

        return save


class DraftReplyDialog(FormDialog):
    """A public reply, kept with the mention's case and posted once by the central service."""

    def __init__(
        self, ctx: UiContext, mention_id: str, handle: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Draft a public reply"), parent)
        self.mention_id = mention_id
        self.set_intro(
            self.tr(
                "Posted publicly on Mastodon by the council's central service, once, when this "
                "laptop next syncs. %1 is named first if you do not name them."
            ).replace("%1", labels.shown(handle))
        )
        self.text = text_box(8)
        self.add_field(
            "text",
            self.tr("&Reply:"),
            self.text,
            self.tr("Reply"),
            self.tr("The public reply, at most %1 characters.").replace("%1", str(public.TEXT_MAX)),
        )
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.count.setAccessibleName(self.tr("Characters used"))
        self.form.addRow("", self.count)
        self.text.textChanged.connect(self._count)
        self._count()
        self.text.setFocus()

    def _count(self) -> None:
        used = len(self.text.toPlainText())
        self.count.setText(
            self.tr("%1 of %2 characters")
            .replace("%1", str(used))
            .replace("%2", str(public.TEXT_MAX))
        )

    def check(self) -> dict[str, str]:
        if not self.text.toPlainText().strip():
            return {"text": self.tr("Write the reply first.")}
        return {}

    def field_for(self, message: str) -> str | None:
        return "text" if "character" in message or "text" in message else None

    def job(self) -> Job:
        actor, mention, text = self.ctx.actor, self.mention_id, self.text.toPlainText()

        def save(session: Session) -> object:
            return mention_replies.draft_reply(session, actor, mention, text)

        return save
