"""The reading pane: the whole of the selected timeline entry, wrapped, with who wrote it,
when (with the year), how, and which case; and its attachments below.

It is a read-only text browser, so the keyboard can reach it (Tab), scroll it and select from
it, and a screen reader reads its content, not a label.
"""

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QTextBrowser, QWidget

from ui import labels
from ui.citizen.snapshot import TimelineEntry
from ui.citizen.timeline_attachments import AttachmentPane
from ui.citizen.timeline_mention import body_text, mention_facts, safe_address
from ui.citizen.timeline_model import how, when_long
from ui.worker import DbWorker


class EntryReader(QWidget):
    def __init__(self, worker: DbWorker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: TimelineEntry | None = None
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)  # synced text is never a link to follow
        # A mention's post address only, and only when the person activates it.
        self.text.anchorClicked.connect(self._open_post)
        self.text.setAccessibleName(self.tr("Selected entry"))
        self.text.setAccessibleDescription(
            self.tr("The whole of the entry chosen in the timeline: who, when, how and what.")
        )
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.attachments = AttachmentPane(worker, self)
        # Attachments beside the text, not under it: the text keeps the height it needs.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.attachments, 2)
        self.show_entry(None)

    def show_entry(self, entry: TimelineEntry | None) -> None:
        if entry is not None and self.entry is not None and entry == self.entry:
            return  # a refresh that changed nothing here: keep the scroll position
        self.entry = entry
        if entry is None:
            self.text.setPlainText(self.tr("Choose an entry in the timeline to read it here."))
            self.attachments.show_entry(None)
            return
        who = labels.shown(entry.by_name) or self.tr("not known")
        case = (
            labels.shown(entry.case_reference)
            if entry.case_reference
            else self.tr("Not about a case")
        )
        facts = [
            (self.tr("When"), when_long(entry.at)),
            (self.tr("How"), how(entry)),
            (self.tr("Recorded by"), who),
            (self.tr("Case"), case),
        ]
        cells = [(name, escape(value)) for name, value in facts]
        if entry.mention is not None:
            cells = cells[:2] + facts_of_post(entry) + cells[3:]
        rows = "".join(
            f"<tr><td><b>{escape(name)}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"
            for name, value in cells
        )
        said = body_text(entry.mention) if entry.mention is not None else entry.summary
        body = escape(labels.shown(said, lines=True))
        self.text.setHtml(f"<table>{rows}</table><hr/><p style='white-space: pre-wrap'>{body}</p>")
        self.attachments.show_entry(entry.id)

    def _open_post(self, url: QUrl) -> None:
        """The post's address, opened in the browser because the person chose it."""
        mention = self.entry.mention if self.entry is not None else None
        if mention is not None and safe_address(mention.url) == url.toString():
            QDesktopServices.openUrl(url)


def facts_of_post(entry: TimelineEntry) -> list[tuple[str, str]]:
    return mention_facts(entry.mention) if entry.mention is not None else []
