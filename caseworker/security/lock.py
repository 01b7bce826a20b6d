"""How long the window may stay idle before it locks, kept in the store's own settings.

A laptop left open in a van or on a train shows citizens' records to whoever looks, so the
window locks after a few idle minutes. The time is a local setting of the store
(``security.lock_after_minutes``); a value outside the allowed range, or one another build
wrote that this one cannot read, is never "never lock": it falls back to the default.
"""

import hmac

from sqlalchemy.orm import Session

from caseworker.store import settings

LOCK_AFTER_KEY = "security.lock_after_minutes"
DEFAULT_MINUTES = 10
SHORTEST_MINUTES = 1
LONGEST_MINUTES = 60  # longer than an hour is as good as never locking


def lock_after_minutes(session: Session) -> int:
    """The idle minutes before the window locks (the default when unset or unusable)."""
    value = settings.read(session, LOCK_AFTER_KEY)
    try:
        minutes = int(value) if value is not None else DEFAULT_MINUTES
    except ValueError:
        return DEFAULT_MINUTES
    if not SHORTEST_MINUTES <= minutes <= LONGEST_MINUTES:
        return DEFAULT_MINUTES
    return minutes


def set_lock_after_minutes(session: Session, minutes: int) -> None:
    """Keep a new idle time; refused (ValueError) outside 1 to 60 minutes."""
    if not SHORTEST_MINUTES <= minutes <= LONGEST_MINUTES:
        raise ValueError(
            f"the window locks after {SHORTEST_MINUTES} to {LONGEST_MINUTES} idle minutes, "
            f"not {minutes}"
        )
    settings.write(session, LOCK_AFTER_KEY, str(minutes))


def same_secret(typed: str, known: str) -> bool:
    """Whether a typed password is the known one, in time that does not tell how much of it
    matched."""
    return hmac.compare_digest(typed.encode("utf-8"), known.encode("utf-8"))
