"""Who a reply may go to: one of the citizen's own identifiers, of the channel's kind.

The laptop asks before it writes a message, and the central worker asks again on the central
record before it sends (a message is a peer's document: its recipient is a claim until then).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from caseworker.store.normalise import phone_digits

_KIND = {"email": "email", "sms": "phone"}


@dataclass(frozen=True)
class Recipient:
    identifier_id: str  # the identifier's id within the citizen's record
    value: str
    label: str | None


def is_mobile(value: str) -> bool:
    """A UK mobile number (07…, 11 digits): the only phones Notify sends text messages to
    here (international numbers are off on the council's Notify service)."""
    digits = phone_digits(value)
    return len(digits) == 11 and digits.startswith("07")


def recipients(citizen: Mapping[str, Any], channel: str) -> list[Recipient]:
    """The citizen's identifiers a reply on ``channel`` ("email" or "sms") can go to."""
    kind = _KIND.get(channel)
    found = []
    identifiers = citizen.get("identifiers")
    for ident in identifiers if isinstance(identifiers, list) else ():
        if not isinstance(ident, Mapping) or ident.get("kind") != kind:
            continue
        ident_id, value, label = ident.get("id"), ident.get("value"), ident.get("label")
        if not isinstance(ident_id, str) or not isinstance(value, str) or not value.strip():
            continue
        if channel == "sms" and not is_mobile(value):
            continue
        found.append(Recipient(ident_id, value, label if isinstance(label, str) else None))
    return found


def recipient_problem(
    citizen: Mapping[str, Any] | None, channel: str, recipient_id: object, recipient: object
) -> str | None:
    """Why a message cannot go to ``recipient`` (claimed to be the identifier
    ``recipient_id``) of this citizen, or None."""
    if citizen is None:
        return "the citizen's record is not there"
    for found in recipients(citizen, channel):
        if found.identifier_id == recipient_id:
            if found.value.strip() != (recipient.strip() if isinstance(recipient, str) else None):
                return "the recipient is not what the citizen's record holds for it now"
            return None
    if channel == "sms":
        return "the recipient is not one of the citizen's mobile numbers"
    return "the recipient is not one of the citizen's email addresses"
