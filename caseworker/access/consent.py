"""Consent that acts: whether the council has a valid basis, recorded on the citizen's record,
to contact them on a channel or to share their data with a partner, at a moment.

A consent entry (in the citizen document) records a purpose, a lawful basis (one of UK GDPR
Art. 6's six), the channel it covers or the partner it allows sharing with, its source, and
the period it runs (``valid_from`` .. ``valid_to``); a withdrawal ends it (``withdrawn_at``).
An entry covers contact on its ``channel`` only (email is not a text message) and sharing with
its ``partner`` only (one partner is not another). Recording a contact the citizen made needs
no basis and is never asked about here.

Pure functions, used by the laptop before it writes a reply or a share, and by the central
worker before it sends one (a consent withdrawn after the reply was queued stops it there).
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from caseworker.timeutil import from_iso

CHANNEL_WORDS = {
    "email": "email",
    "sms": "text message",
    "phone": "phone",
    "post": "post",
    "social": "social media",
}


def _when(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return from_iso(text)
    except ValueError:
        return None


def _day(moment: datetime) -> str:
    return moment.strftime("%d %B %Y").lstrip("0")


def state(entry: Mapping[str, Any], at: datetime) -> str | None:
    """None when the entry is in force at ``at``, else why not, in a few words."""
    start, end = _when(entry.get("valid_from")), _when(entry.get("valid_to"))
    withdrawn = _when(entry.get("withdrawn_at"))
    if start is None:
        return "it has no start date"
    if withdrawn is not None and withdrawn <= at:
        return f"it was withdrawn on {_day(withdrawn)}"
    if at < start:
        return f"it starts on {_day(start)}"
    if end is not None and end <= at:
        return f"it ended on {_day(end)}"
    return None


def _entries(citizen: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    value = citizen.get("consents") if citizen is not None else None
    return [c for c in value if isinstance(c, Mapping)] if isinstance(value, list) else []


def _partner_key(name: object) -> str:
    return " ".join(name.split()).casefold() if isinstance(name, str) else ""


def _verdict(matching: list[Mapping[str, Any]], at: datetime, what: str) -> str | None:
    if not matching:
        return f"the citizen's record holds no consent or other lawful basis for {what}"
    reasons = []
    for entry in matching:
        reason = state(entry, at)
        if reason is None:
            return None
        reasons.append(reason)
    return f"there is no valid basis for {what}: {'; '.join(dict.fromkeys(reasons))}"


def contact_refusal(citizen: Mapping[str, Any] | None, channel: str, at: datetime) -> str | None:
    """None when the council may contact the citizen on ``channel`` (a consent channel:
    "email", "sms", "social"...) at ``at``, else the reason."""
    words = CHANNEL_WORDS.get(channel, channel)
    matching = [
        c for c in _entries(citizen) if c.get("channel") == channel and not c.get("partner")
    ]
    return _verdict(matching, at, f"contacting them by {words}")


def share_refusal(citizen: Mapping[str, Any] | None, partner: str, at: datetime) -> str | None:
    """None when the council may share the citizen's data with ``partner`` at ``at``, else
    the reason (naming the partners they did agree to, when it is another one)."""
    wanted = _partner_key(partner)
    if not wanted:
        return "name the partner organisation the data would go to"
    shares = [c for c in _entries(citizen) if _partner_key(c.get("partner"))]
    matching = [c for c in shares if _partner_key(c.get("partner")) == wanted]
    if not matching and shares:
        others = ", ".join(dict.fromkeys(str(c.get("partner")).strip() for c in shares))
        return (
            f"the citizen's record holds no basis for sharing with {partner.strip()}: "
            f"only with {others}"
        )
    return _verdict(matching, at, f"sharing with {partner.strip()}")
