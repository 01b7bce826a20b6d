"""How long the window may stay idle before it locks, kept in the store's own settings, and
never longer than the council allows.

A laptop left open in a van or on a train shows citizens' records to whoever looks, so the
window locks after a few idle minutes. The time is a local setting of the store
(``security.lock_after_minutes``); a value outside the allowed range, or one another build
wrote that this one cannot read, is never "never lock": it falls back to the default. An admin
sets the council's longest (``security:council``, ``lock_max_minutes``, synced to every
laptop): a local setting above it counts as the council's longest, and setting one above it is
refused. A council document whose value cannot be used caps the time at the default; of
conflicting revisions of it, the strictest applies.
"""

import hmac
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from caseworker.documents.types import SECURITY_ID
from caseworker.store import docstore, settings

LOCK_AFTER_KEY = "security.lock_after_minutes"
DEFAULT_MINUTES = 10
SHORTEST_MINUTES = 1
LONGEST_MINUTES = 60  # longer than an hour is as good as never locking


def usable(minutes: object) -> bool:
    """Whether this is an idle time a window may lock after (whole minutes, 1 to 60)."""
    return (
        isinstance(minutes, int)
        and not isinstance(minutes, bool)
        and SHORTEST_MINUTES <= minutes <= LONGEST_MINUTES
    )


def council_max_minutes(session: Session) -> int | None:
    """The council's longest idle time (None when the council has not set one). A council
    document this build cannot use (a wrong type, a value out of range) is the default, never
    "no limit". Two admins who set it offline leave conflicting revisions, and which one wins
    is an accident of revision ids: the strictest of the live ones applies, on every laptop."""
    if docstore.get(session, SECURITY_ID) is None:
        return None
    leaves = docstore.leaf_bodies(session, SECURITY_ID)
    return min(_longest_of(doc) for doc in leaves if not doc.get("_deleted"))


def _longest_of(doc: Mapping[str, Any]) -> int:
    value = doc.get("lock_max_minutes") if doc.get("type") == "security" else None
    return value if isinstance(value, int) and usable(value) else DEFAULT_MINUTES


def own_minutes(session: Session) -> int:
    """This store's own setting (the default when unset or unusable)."""
    value = settings.read(session, LOCK_AFTER_KEY)
    try:
        minutes = int(value) if value is not None else DEFAULT_MINUTES
    except ValueError:
        return DEFAULT_MINUTES
    return minutes if usable(minutes) else DEFAULT_MINUTES


def lock_after_minutes(session: Session) -> int:
    """The idle minutes before the window locks: this store's setting, at most the council's
    longest."""
    minutes = own_minutes(session)
    longest = council_max_minutes(session)
    return minutes if longest is None else min(minutes, longest)


def set_lock_after_minutes(session: Session, minutes: int) -> None:
    """Keep a new idle time; refused (ValueError) outside 1 to 60 minutes or above the
    council's longest."""
    if not usable(minutes):
        raise ValueError(
            f"the window locks after {SHORTEST_MINUTES} to {LONGEST_MINUTES} idle minutes, "
            f"not {minutes}"
        )
    longest = council_max_minutes(session)
    if longest is not None and minutes > longest:
        raise ValueError(
            f"the council allows at most {longest} idle minutes before the window locks, "
            f"not {minutes}"
        )
    settings.write(session, LOCK_AFTER_KEY, str(minutes))


def same_secret(typed: str, known: str) -> bool:
    """Whether a typed password is the known one, in time that does not tell how much of it
    matched."""
    return hmac.compare_digest(typed.encode("utf-8"), known.encode("utf-8"))
