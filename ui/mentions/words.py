"""The inbox's words for triage states and for why a citizen or a service is suggested."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from caseworker.dedupe.review import Reason as ShownReason
from caseworker.identity import Match, english
from ui.dedupe.reasons import reason_text

_CONTEXT = "MentionStates"
STATES = {
    "new": QT_TRANSLATE_NOOP("MentionStates", "New"),
    "linked": QT_TRANSLATE_NOOP("MentionStates", "Linked to a citizen"),
    "case_opened": QT_TRANSLATE_NOOP("MentionStates", "Case opened"),
    "answered": QT_TRANSLATE_NOOP("MentionStates", "Answered"),
    "dismissed": QT_TRANSLATE_NOOP("MentionStates", "Dismissed"),
}


def state_text(state: str) -> str:
    """A triage state as staff read it ("Case opened")."""
    known = STATES.get(state)
    return QCoreApplication.translate(_CONTEXT, str(known)) if known else state


def match_reasons(match: Match) -> str:
    """Why a citizen is suggested, strongest reason first, in the window's language."""
    shown = [ShownReason(r.code, r.left, r.right, english(r)) for r in match.reasons]
    return "; ".join(reason_text(r) for r in shown)
