"""Identifiers made offline, with no central counter.

Document ids are ULID-style: 48 bits of milliseconds then 80 random bits, in Crockford base32,
so ids sort by creation time and two devices never need to agree on a number.

Case references are for people to read out on the phone: twelve characters in three groups,
``DDDR-RRRR-RRRC`` — three for the day the case was opened, eight random, one check character
that catches a mistyped or swapped character.
"""

import os
import threading
from datetime import UTC, date, datetime

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(CROCKFORD)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
_REFERENCE_EPOCH = date(2020, 1, 1)
_last = [0, 0]  # millis and random part of the last id made here (ULID monotonicity)
_lock = threading.Lock()


def _randbits(bits: int) -> int:
    """``secrets.randbits`` without importing ``secrets`` (and with it hashlib, hmac and
    random): the OS's randomness, which is what ``secrets`` uses. Keeps CLI start-up short."""
    return int.from_bytes(os.urandom((bits + 7) // 8)) >> (-bits % 8)


_PAIRS = [(CROCKFORD[i >> 5] + CROCKFORD[i & 31]).lower() for i in range(1024)]


def _encode_lower(value: int, length: int) -> str:
    """Crockford base32 in lower case, ten bits at a time (ids are made in bulk by the seeder)."""
    return "".join(_PAIRS[(value >> shift) & 1023] for shift in range(length * 5 - 10, -1, -10))


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        chars.append(CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def new_id(prefix: str, moment: datetime | None = None, randbits: int | None = None) -> str:
    """A new document id such as ``case:01JDX3...``; the prefix names the document type."""
    millis = int((moment or datetime.now(UTC)).timestamp() * 1000)
    if moment is None and randbits is None:
        # Ids made in the same millisecond still sort in the order they were made.
        with _lock:
            if millis <= _last[0]:
                millis, rand = _last[0], (_last[1] + 1) % (1 << 80)
            else:
                rand = _randbits(79)  # headroom for increments within one millisecond
            _last[0], _last[1] = millis, rand
    else:
        rand = _randbits(80) if randbits is None else randbits
    return id_at(prefix, millis, rand)


def id_at(prefix: str, millis: int, rand: int) -> str:
    """The id for a given millisecond and random part (the seeder makes ids in bulk)."""
    return f"{prefix}:{_encode_lower(millis, 10)}{_encode_lower(rand, 16)}"


def _check_char(body: str) -> str:
    # Weighted sum mod 31 (a prime), so single substitutions and adjacent swaps change it.
    total = sum((i + 1) * _DECODE[c] for i, c in enumerate(body))
    return CROCKFORD[total % 31]


def new_case_reference(opened: date | datetime, randbits: int | None = None) -> str:
    day = opened.date() if isinstance(opened, datetime) else opened
    days = max(0, (day - _REFERENCE_EPOCH).days) % (32**3)
    rand = _randbits(40) if randbits is None else randbits
    body = _encode(days, 3) + _encode(rand, 8)
    full = body + _check_char(body)
    return f"{full[0:4]}-{full[4:8]}-{full[8:12]}"


def normalise_case_reference(text: str) -> str | None:
    """The canonical form of a typed reference, or None if it is not a valid one.

    Accepts lower case, missing dashes and the usual Crockford look-alikes (O for 0, I/L for 1).
    """
    compact = text.strip().upper().replace("-", "").replace(" ", "")
    if len(compact) != 12 or any(c not in _DECODE for c in compact):
        return None
    canonical = "".join(CROCKFORD[_DECODE[c]] for c in compact)
    if _check_char(canonical[:11]) != canonical[11]:
        return None
    return f"{canonical[0:4]}-{canonical[4:8]}-{canonical[8:12]}"
