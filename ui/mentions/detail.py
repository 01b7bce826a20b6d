"""One mention, as the inbox shows it beside the list: who posted it and when, its words, its
attachments as links, its triage, and what is suggested for it, with why.

A post is written by anyone on the internet. Its HTML is cleaned again here (``clean_html``)
whatever the document says, and shown in a ``SafeBrowser`` that loads nothing: no image, no
style sheet, no link followed by a click. Attachments are listed as addresses; one opens in
the web browser only when the person chooses it (Enter or a double-click).
"""

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caseworker import language
from caseworker.mentions.inbox import Detail
from caseworker.mentions.sanitise import clean_html
from caseworker.timeutil import from_iso
from ui import labels
from ui.mentions.words import match_reasons, state_text

URL_ROLE = Qt.ItemDataRole.UserRole


class SafeBrowser(QTextBrowser):
    """A text browser that fetches nothing: every resource it is asked for is refused (and
    remembered, so a test can see what was asked), and links are not followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.asked: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.asked.append(name.toString() if isinstance(name, QUrl) else name)
        return None


def _label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # synced text is never read as markup
    return label


class MentionDetail(QWidget):
    """Shows a ``mentions.inbox.Detail`` (or nothing)."""

    attachment_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("The chosen mention"))
        self.detail: Detail | None = None
        self.author = _label()
        self.author.setProperty("role", "heading")
        self.author.setAccessibleName(self.tr("Posted by"))
        self.when = _label()
        self.when.setProperty("role", "muted")
        self.when.setAccessibleName(self.tr("Posted at"))
        self.deleted = _label(self.tr("Deleted at its source: its words are gone."))
        self.deleted.setProperty("role", "error")
        self.deleted.setAccessibleName(self.tr("Deleted at its source"))
        self.body = SafeBrowser()
        self.body.setAccessibleName(self.tr("The post"))
        self.body.setAccessibleDescription(
            self.tr("The post's words. Nothing in it loads or opens by itself.")
        )
        self.body.setMinimumHeight(80)
        self.attachments = QListWidget()
        self.attachments.setAccessibleName(self.tr("Attachments"))
        self.attachments.setAccessibleDescription(
            self.tr("Links to the post's photos or videos. Enter opens one in your web browser.")
        )
        self.attachments.setToolTip(self.attachments.accessibleDescription())
        self.attachments.setMaximumHeight(72)
        self.attachments.itemActivated.connect(self._open_attachment)
        self.attachments_caption = _label(self.tr("Attachments (links, not opened):"))
        self.state = _label()
        self.state.setAccessibleName(self.tr("Triage"))
        self.citizen = _label()
        self.citizen.setAccessibleName(self.tr("Suggested citizen"))
        self.service = _label()
        self.service.setAccessibleName(self.tr("Suggested service"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Triage:"), self.state)
        form.addRow(self.tr("Suggested citizen:"), self.citizen)
        form.addRow(self.tr("Suggested service:"), self.service)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.author)
        layout.addWidget(self.when)
        layout.addWidget(self.deleted)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.attachments_caption)
        layout.addWidget(self.attachments)
        layout.addLayout(form)
        self.show_detail(None)

    def show_detail(self, detail: Detail | None) -> None:
        self.detail = detail
        doc: dict[str, Any] = dict(detail.doc) if detail is not None else {}
        name = labels.shown(str(doc.get("author_name") or ""))
        handle = labels.shown(str(doc.get("author_handle") or ""))
        self.author.setText(f"{name} {handle}".strip() if detail else self.tr("No mention chosen"))
        published = doc.get("published_at")
        self.when.setText(self._when(doc) if isinstance(published, str) else "")
        self.deleted.setVisible(bool(doc.get("deleted_at")))
        html = doc.get("content_html")
        if isinstance(html, str) and html:
            self.body.setHtml(clean_html(html))  # again: a document is as safe as its writer
        else:
            self.body.setPlainText(str(doc.get("content_text") or ""))
        self.attachments.clear()
        for link in doc.get("attachments") or ():
            if isinstance(link, dict) and isinstance(link.get("url"), str):
                described = labels.shown(str(link.get("description") or link.get("kind") or ""))
                url = labels.shown(link["url"])
                item = QListWidgetItem(f"{described}: {url}" if described else url)
                item.setData(URL_ROLE, link["url"])
                self.attachments.addItem(item)
        has_links = self.attachments.count() > 0
        self.attachments.setVisible(has_links)
        self.attachments_caption.setVisible(has_links)
        self.state.setText(self._triage(detail) if detail else "")
        self.citizen.setText(self._citizen(detail) if detail else "")
        self.service.setText(self._service(detail) if detail else "")

    def _when(self, doc: dict[str, Any]) -> str:
        text = labels.date_time_text(from_iso(str(doc["published_at"])))
        url = doc.get("url")
        return f"{text} · {labels.shown(str(url))}" if url else text

    def _triage(self, detail: Detail) -> str:
        doc = detail.doc
        parts = [state_text(str(doc.get("state")))]
        if detail.citizen_name:
            parts.append(self.tr("citizen: %1").replace("%1", labels.shown(detail.citizen_name)))
        if detail.case_reference:
            parts.append(self.tr("case %1").replace("%1", labels.shown(detail.case_reference)))
        if detail.triaged_by_name:
            parts.append(self.tr("by %1").replace("%1", labels.shown(detail.triaged_by_name)))
        return " · ".join(parts)

    def _citizen(self, detail: Detail) -> str:
        if detail.doc.get("citizen_id"):
            return self.tr("Linked already.")
        if detail.citizen is None:
            return self.tr("None: nobody on this laptop is likely enough. Choose one (C).")
        match = detail.citizen.match
        return (
            self.tr("%1, %2% likely: %3")
            .replace("%1", labels.shown(detail.citizen_name_suggested or match.right))
            .replace("%2", str(round(match.probability * 100)))
            .replace("%3", match_reasons(match))
        )

    def _service(self, detail: Detail) -> str:
        found = detail.service
        if found is not None:
            name = labels.shown(language.pick(found.name, found.name_cy))
            words = ", ".join(labels.shown(w) for w in found.words)
            return self.tr("%1 (words: %2)").replace("%1", name).replace("%2", words)
        if detail.services_alike:
            names = ", ".join(
                labels.shown(language.pick(s.name, s.name_cy)) for s in detail.services_alike
            )
            return self.tr("None: these fit alike, choose one: %1").replace("%1", names)
        return self.tr("None: no service's words are in the post.")

    def _open_attachment(self, item: QListWidgetItem) -> None:
        url = item.data(URL_ROLE)
        if isinstance(url, str):
            self.attachment_opened.emit(url)
            QDesktopServices.openUrl(QUrl(url))
