"""A public reply to a social-media mention as one line of its case's history: where it is
on its way to Mastodon (drafted here, posted by the council's central service)."""

from PySide6.QtCore import QCoreApplication


def mention_reply_state(state: str) -> str:
    """A public reply's state as staff read it."""
    return {
        "queued": QCoreApplication.translate("MentionReply", "waiting to be posted"),
        "posting": QCoreApplication.translate("MentionReply", "being posted"),
        "posted": QCoreApplication.translate("MentionReply", "posted"),
        "failed": QCoreApplication.translate("MentionReply", "not posted"),
        "cancelled": QCoreApplication.translate("MentionReply", "cancelled"),
    }.get(state, state)


def mention_reply_summary(state: str | None) -> str:
    """One line for the case's history: "Public reply on Mastodon: posted"."""
    pattern = QCoreApplication.translate("MentionReply", "Public reply on Mastodon: %1")
    return pattern.replace("%1", mention_reply_state(state or ""))
