"""The rules for a verification code's request (``verification``), for anyone but an admin.

A member asks for a code in their own name, for a citizen they hold, as ``requested`` with no
code fields: only the council's central worker (an admin) makes, sends and hashes the code and
says when it expires. Afterwards only whoever asked may change it, and only to count the tries
read back and say how it ended (``verified``, or ``refused`` after too many wrong ones); the
hash, the expiry and what was asked stay as the worker wrote them. A request is never deleted.
"""

from collections.abc import Mapping
from typing import Any

VERIFY_OWN_NAME = "a verification code must be asked for in your own name"
VERIFY_NEW = "a new code request is 'requested': only the council's central service sends it"
VERIFY_NOT_HELD = "a code can only be sent to a citizen whose record you have"
VERIFY_WHO = "only whoever asked for this code can check it"
VERIFY_KEPT = "a code's request, hash and expiry cannot change: only its tries and outcome"
VERIFY_OUTCOME = "a code read back is 'verified' or 'refused', once it has been sent"
_CENTRAL = ("state_at", "state_detail", "code_salt", "code_hash", "expires_at", "tries")
_LAPTOP = frozenset({"state", "tries", "_rev", "_revisions"})


def verification(
    person_staff_id: str | None,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    held: bool,
) -> str | None:
    """Why the change is refused, or None (``held``: whether the person holds the citizen)."""
    if current is None:
        if new.get("requested_by") != person_staff_id:
            return VERIFY_OWN_NAME
        if new.get("state") != "requested" or any(new.get(k) is not None for k in _CENTRAL):
            return VERIFY_NEW
        return None if held else VERIFY_NOT_HELD
    if current.get("requested_by") != person_staff_id:
        return VERIFY_WHO
    names = (set(new) | set(current)) - _LAPTOP
    if any(new.get(k) != current.get(k) for k in names):
        return VERIFY_KEPT
    if new.get("state") == current.get("state") and new.get("tries") == current.get("tries"):
        return None  # the server's revision written again
    if current.get("state") != "sent" or new.get("state") not in ("sent", "verified", "refused"):
        return VERIFY_OUTCOME
    before, after = current.get("tries") or 0, new.get("tries")
    if not isinstance(after, int) or isinstance(after, bool) or after < before:
        return VERIFY_KEPT
    return None
