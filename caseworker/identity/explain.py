"""Reasons in English words, for the command line (the window translates the codes itself)."""

import phonenumbers

from caseworker.identity.match import Match, Reason

_FIELD = {
    "given": "given name",
    "family": "family name",
    "dob": "date of birth",
    "postcode": "postcode",
    "address": "address",
    "phone": "phone number",
    "email": "email address",
    "handle": "social handle",
}
_DIFFERS = {
    "alias": "nickname or Welsh form",
    "fuzzy_high": "spelling",
    "fuzzy": "similar",
    "typo": "one digit or day and month swapped",
    "year": "same year",
    "sector": "same sector",
    "district": "same district",
}


def _is_mobile(e164: str) -> bool:
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE


def english(reason: Reason) -> str:
    """One reason as a short phrase: "same mobile number", "name differs: Jon/John
    (nickname or Welsh form)", "different date of birth"."""
    what = _FIELD.get(reason.field, reason.field)
    if reason.field == "phone" and _is_mobile(reason.left):
        what = "mobile number"
    if reason.level in ("exact", "uprn", "line"):
        text = {"uprn": "same property (UPRN)", "line": "same first line of address"}.get(
            reason.level, f"same {what}"
        )
        if reason.holders > 1:
            text += f" (shared by {reason.holders} citizens)"
        return text
    if reason.level == "different":
        return f"different {what}"
    kind = _DIFFERS.get(reason.level, reason.level)
    return f"{what} differs: {reason.left.title()}/{reason.right.title()} ({kind})"


def describe(match: Match) -> str:
    """The whole match on one line: probability, then the reasons, strongest first."""
    parts = [english(r) for r in match.reasons]
    if match.swapped_names:
        parts.insert(0, "given and family names swapped")
    return f"{match.probability:.1%}: " + "; ".join(parts)
