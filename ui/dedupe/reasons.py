"""A match's reasons in the window's language, from their codes (``caseworker.identity``)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from caseworker.dedupe.review import Reason
from ui import labels

_CONTEXT = "DuplicateReasons"
_FIELDS = {
    "given": QT_TRANSLATE_NOOP("DuplicateReasons", "given name"),
    "family": QT_TRANSLATE_NOOP("DuplicateReasons", "family name"),
    "dob": QT_TRANSLATE_NOOP("DuplicateReasons", "date of birth"),
    "postcode": QT_TRANSLATE_NOOP("DuplicateReasons", "postcode"),
    "address": QT_TRANSLATE_NOOP("DuplicateReasons", "address"),
    "phone": QT_TRANSLATE_NOOP("DuplicateReasons", "phone number"),
    "email": QT_TRANSLATE_NOOP("DuplicateReasons", "email address"),
    "handle": QT_TRANSLATE_NOOP("DuplicateReasons", "social handle"),
}
# "%1" is the field's name.
_LEVELS = {
    "exact": QT_TRANSLATE_NOOP("DuplicateReasons", "same %1"),
    "uprn": QT_TRANSLATE_NOOP("DuplicateReasons", "same property (UPRN)"),
    "line": QT_TRANSLATE_NOOP("DuplicateReasons", "same first line of address"),
    "different": QT_TRANSLATE_NOOP("DuplicateReasons", "different %1"),
    "alias": QT_TRANSLATE_NOOP("DuplicateReasons", "%1 differs: a nickname or Welsh form"),
    "fuzzy_high": QT_TRANSLATE_NOOP("DuplicateReasons", "%1 differs: spelling"),
    "fuzzy": QT_TRANSLATE_NOOP("DuplicateReasons", "%1 differs: similar"),
    "typo": QT_TRANSLATE_NOOP("DuplicateReasons", "%1 differs: one digit, or day and month"),
    "year": QT_TRANSLATE_NOOP("DuplicateReasons", "%1 differs: same year"),
    "sector": QT_TRANSLATE_NOOP("DuplicateReasons", "%1 differs: same sector"),
    "district": QT_TRANSLATE_NOOP("DuplicateReasons", "%1 differs: same district"),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(text))


def reason_text(reason: Reason) -> str:
    """One reason: "same phone number", "given name differs: spelling (Jon / John)"."""
    field, _, level = reason.code.partition(".")
    name = _tr(_FIELDS[field]) if field in _FIELDS else labels.shown(field)
    words = _tr(_LEVELS[level]).replace("%1", name) if level in _LEVELS else labels.shown(level)
    if level not in ("exact", "uprn", "line", "different") and reason.left and reason.right:
        words += f" ({labels.shown(reason.left)} / {labels.shown(reason.right)})"
    return words


def reasons_text(reasons: tuple[Reason, ...], most: int = 8) -> str:
    return "; ".join(reason_text(r) for r in reasons[:most])
