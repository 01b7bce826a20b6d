"""Progressive assurance: how sure the council is that it deals with the citizen, and which
actions need how sure. Pure functions of a citizen document, used by the window (which step
to ask for), the laptop and the gateway (which writes to refuse) and the central workers.

Levels, lowest first: ``unverified``, ``contact_verified`` (a way to reach them is theirs),
``identity_verified`` (the person is who the record says). The level is *derived*, never
stored: from the checks recorded on the record (``checks``: who checked what, when) and from
the identifiers the council's own systems verified (``council_record``, ``app_login``, which
only the central service writes). An identifier's ``verified_by`` written by a member of staff
is a claim, shown but not counted: a laptop cannot raise a level by editing a field.

Checks last a while (``LASTS``): an identity check is about the conversation it was made in,
so a later one asks again; a code that reached an email address keeps it verified for a year.
The tables below are the council's policy, in one place: change them here.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from caseworker import vocab
from caseworker.timeutil import from_iso

UNVERIFIED, CONTACT, IDENTITY = vocab.ASSURANCE_LEVELS

# What each check reaches when it is made.
METHOD_LEVEL: dict[str, str] = {
    "code_sent": CONTACT,  # a code sent to an email address or mobile, read back
    "call_back": CONTACT,  # the council rang a phone number on the record and reached them
    "knowledge_check": IDENTITY,  # questions from data held; the answers are never stored
    "document_seen": IDENTITY,  # which document is recorded, no copy or number kept
    "in_person": IDENTITY,  # known to the officer at the door or counter, with a document
}
# Which kinds of identifier a check goes through (none: about the person, not an identifier).
METHOD_IDENTIFIERS: dict[str, tuple[str, ...]] = {
    "code_sent": ("email", "phone"),
    "call_back": ("phone",),
}
# How long a check counts for, by the level it reaches.
LASTS: dict[str, timedelta] = {CONTACT: timedelta(days=365), IDENTITY: timedelta(hours=24)}
# Verifications only the council's central systems record on an identifier (never a laptop).
CENTRAL_METHODS = frozenset({"council_record", "app_login"})

# The actions that need a level: the data-driven table, with the words a refusal uses. Only
# actions the product performs are here, each asking ``refusal`` with its name; a view of
# council tax or benefits details, when there is one, adds its line (identity verified).
REQUIRED: dict[str, str] = {
    "change_contact_details": CONTACT,
    "share_with_partner": IDENTITY,
    "subject_access_export": IDENTITY,
}
ACTION_WORDS: dict[str, str] = {
    "change_contact_details": "changing their contact details",
    "share_with_partner": "sharing their data with a partner",
    "subject_access_export": "a subject access export",
}
LEVEL_WORDS: dict[str, str] = {
    UNVERIFIED: "unverified",
    CONTACT: "contact verified",
    IDENTITY: "identity verified",
}


def rank(level: str) -> int:
    return vocab.ASSURANCE_LEVELS.index(level) if level in vocab.ASSURANCE_LEVELS else 0


@dataclass(frozen=True)
class Reached:
    """A level and how it was reached: the method, by whom and when (None: never reached)."""

    level: str
    method: str | None = None
    by: str | None = None
    at: str | None = None


NONE = Reached(UNVERIFIED)


@dataclass(frozen=True)
class Assurance:
    level: Reached  # the citizen's
    identifiers: dict[str, Reached]  # by identifier id


def _list(doc: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    value = doc.get(name)
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _when(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return from_iso(text)
    except ValueError:
        return None


def _better(a: Reached, b: Reached) -> Reached:
    """The higher level; at the same level, the more recent."""
    if rank(b.level) != rank(a.level):
        return b if rank(b.level) > rank(a.level) else a
    return b if (b.at or "") > (a.at or "") else a


def check_counts(check: Mapping[str, Any], at: datetime) -> bool:
    """Whether a recorded check still counts at ``at`` (made before it, and not too long ago)."""
    made = _when(check.get("at"))
    level = METHOD_LEVEL.get(str(check.get("method")))
    if made is None or level is None:
        return False
    return made <= at + timedelta(minutes=5) and at - made <= LASTS[level]


def assess(citizen: Mapping[str, Any], at: datetime) -> Assurance:
    """The citizen's level and each identifier's, at ``at``."""
    kinds = {str(i.get("id")): i.get("kind") for i in _list(citizen, "identifiers")}
    found: dict[str, Reached] = {}
    for ident in _list(citizen, "identifiers"):
        method = ident.get("verified_by")
        if method in CENTRAL_METHODS:
            at_text = ident.get("verified_at")
            found[str(ident.get("id"))] = Reached(
                CONTACT, str(method), None, at_text if isinstance(at_text, str) else None
            )
    level = NONE
    for check in _list(citizen, "checks"):
        if not check_counts(check, at):
            continue
        method = str(check.get("method"))
        reached = Reached(METHOD_LEVEL[method], method, str(check.get("by")), str(check.get("at")))
        ident_id = check.get("identifier_id")
        if method in METHOD_IDENTIFIERS:
            # A check through an identifier needs that identifier, of the right kind.
            usable = METHOD_IDENTIFIERS[method]
            if not isinstance(ident_id, str) or kinds.get(ident_id) not in usable:
                continue
            found[ident_id] = _better(found.get(ident_id, NONE), reached)
        level = _better(level, reached)
    for reached in found.values():  # a way to reach them that is theirs: contact verified
        level = _better(level, reached)
    return Assurance(level, found)


def level_of(citizen: Mapping[str, Any], at: datetime) -> str:
    return assess(citizen, at).level.level


def steps_to(level: str) -> tuple[str, ...]:
    """The checks that reach ``level``, in the order the window offers them (least asked of
    the citizen first)."""
    order = ("code_sent", "call_back", "knowledge_check", "document_seen", "in_person")
    return tuple(m for m in order if rank(METHOD_LEVEL[m]) >= rank(level))


def refusal(action: str, citizen: Mapping[str, Any], at: datetime) -> str | None:
    """None when the citizen's level at ``at`` is enough for ``action``, else the reason."""
    needed = REQUIRED.get(action)
    if needed is None:
        return None
    held = level_of(citizen, at)
    if rank(held) >= rank(needed):
        return None
    what = ACTION_WORDS.get(action, action.replace("_", " "))
    return (
        f"{what} needs the citizen {LEVEL_WORDS[needed]}; their record is "
        f"{LEVEL_WORDS[held]}: record a check first"
    )
