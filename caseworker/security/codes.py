"""Verification codes: made where they are sent, kept only as a salted hash, checked where they
are read back.

A code is six digits (``secrets``). Only ``hashlib.scrypt`` of it with a random salt is ever
written (the ``verification`` document; ``caseworker.documents.types.VERIFICATION``): a copy of
the database or of a laptop does not show it, and guessing it from the hash costs a million
scrypt runs, longer than the ten minutes it counts for. Reading it back is tried at most
``TRIES`` times.
"""

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from caseworker.timeutil import from_iso

DIGITS = 6
LIFETIME = timedelta(minutes=10)
TRIES = 3
# scrypt's cost: about 50 ms a run on a laptop (RFC 7914's interactive setting).
_N, _R, _P = 2**14, 8, 1


def new_code() -> str:
    return f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"


def digest(code: str, salt: str) -> str:
    raw = hashlib.scrypt(code.encode(), salt=bytes.fromhex(salt), n=_N, r=_R, p=_P, dklen=32)
    return raw.hex()


def salted(code: str) -> tuple[str, str]:
    """(salt, hash) to keep in place of the code."""
    salt = secrets.token_hex(16)
    return salt, digest(code, salt)


def normalised(typed: str) -> str:
    """What was read back, as the code is written: spaces and dashes between the digits
    dropped (anything else stays, and then matches nothing)."""
    return "".join(c for c in typed if c not in " -")


def matches(doc: Mapping[str, Any], typed: str) -> bool:
    """Whether ``typed`` is the code whose hash the document keeps (in constant time)."""
    salt, kept = doc.get("code_salt"), doc.get("code_hash")
    code = normalised(typed)
    if not isinstance(salt, str) or not isinstance(kept, str):
        return False
    if len(code) != DIGITS or not all(c in "0123456789" for c in code):
        return False
    try:
        found = digest(code, salt)
    except ValueError:  # a salt that is not hex: nothing matches it
        return False
    return hmac.compare_digest(found, kept)


def expired(doc: Mapping[str, Any], now: datetime) -> bool:
    value = doc.get("expires_at")
    try:
        return not isinstance(value, str) or from_iso(value) <= now
    except ValueError:
        return True
