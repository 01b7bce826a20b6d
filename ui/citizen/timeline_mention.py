"""What the reading pane shows of a social-media mention: who posted it, its triage, why it is
linked to this citizen (automatically or by whom, and the reasons in words), and the post's
address as a link the person chooses to open. Nothing remote loads by itself: the text is the
post's plain text, and the address opens in the browser only when activated.
"""

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl

from caseworker.mentions.autolink import AUTO_LINKER
from ui import labels
from ui.citizen.snapshot_mentions import MentionDetail

STATES = {
    "new": QT_TRANSLATE_NOOP("TimelineMention", "Not triaged yet"),
    "linked": QT_TRANSLATE_NOOP("TimelineMention", "Linked to a citizen"),
    "case_opened": QT_TRANSLATE_NOOP("TimelineMention", "Turned into a case"),
    "answered": QT_TRANSLATE_NOOP("TimelineMention", "Answered"),
    "dismissed": QT_TRANSLATE_NOOP("TimelineMention", "Dismissed as not actionable"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineMention", text)


def state_text(code: str) -> str:
    return _tr(str(STATES[code])) if code in STATES else labels.shown(code)


def why_linked(m: MentionDetail) -> str:
    """ "Automatically, 99.9% sure: same social media handle; same given name", "By Ann Jones:
    …", or "By Ann Jones, in the inbox" when only the triage says so."""
    reasons = "; ".join(labels.identity_reason(code) for code in m.reasons)
    if m.linked_how is None and m.linked_by == AUTO_LINKER:
        return _tr("Automatically")  # its link has not reached this laptop yet
    if m.linked_how == "automatic":
        sure = QCoreApplication.translate("TimelineMention", "Automatically, %1% sure").replace(
            "%1", f"{(m.probability or 0.0) * 100:.1f}"
        )
        return f"{sure}: {reasons}" if reasons else sure
    who = labels.shown(m.linked_by_name) or _tr("someone unknown")
    by = _tr("By %1").replace("%1", who)
    return f"{by}: {reasons}" if reasons else by


def safe_address(url: str | None) -> str | None:
    """The post's address when it is one a browser may be asked to open (http or https)."""
    if not url:
        return None
    parsed = QUrl(url, QUrl.ParsingMode.StrictMode)
    if not parsed.isValid() or parsed.scheme() not in ("http", "https") or not parsed.host():
        return None
    return url


def mention_facts(m: MentionDetail) -> list[tuple[str, str]]:
    """Rows of (label, HTML) for the reading pane, every value escaped."""
    author = labels.shown(m.author_handle)
    if m.author_name:
        author = f"{labels.shown(m.author_name)} ({author})"
    rows = [
        (_tr("Posted by"), escape(author)),
        (_tr("Triage"), escape(state_text(m.state))),
        (_tr("Why it is here"), escape(why_linked(m))),
    ]
    address = safe_address(m.url)
    if address is not None:
        link = f"<a href='{escape(address, quote=True)}'>{escape(address)}</a>"
        rows.append((_tr("Post"), f"{link} &nbsp;{escape(_tr('(opens in your browser)'))}"))
    elif m.url:
        rows.append((_tr("Post"), escape(labels.shown(m.url))))
    return rows


def body_text(m: MentionDetail) -> str:
    if m.deleted:
        return _tr("Deleted by its author: its words are no longer kept.")
    return m.text
