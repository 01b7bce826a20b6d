"""The gateway's change-feed sequences: opaque tokens saying where a client is, never what it
may see.

A token is base64url(JSON) of a ``Position``: CouchDB's own sequence (kept as it came: CouchDB 3
sends opaque strings, PouchDB Server integers, and neither is ever parsed), the scope snapshot
the client holds, and, while its scope is changing, where the backfill or removal has got to.

A client can send anything as ``since``: a token it garbled, forged or took from someone else
decodes to a position at most. Scope is always recomputed from the server, and a snapshot named
by a token only counts when it is the caller's own (``snapshots``), so a token moves a client
along the feed and can never widen what it is sent.
"""

import base64
import binascii
import json
from dataclasses import dataclass, replace
from typing import Any

import orjson

MAX_TOKEN_CHARS = 8192  # a real token is a few hundred characters
_HASH_CHARS = 32


@dataclass(frozen=True)
class Cursor:
    """Where a scope change has got to: ``phase`` 1 sends what the client gained (roots of
    ``target`` not in ``base``), phase 2 what it lost (roots of ``held`` not in ``target``);
    ``index`` is the root reached in that sorted list, ``doc_id`` the last document sent under
    it and ``done`` how many of its documents were sent."""

    base: str  # snapshot hash: roots the client holds whole, up to ``seq``
    target: str  # snapshot hash: the scope being moved to
    phase: int = 1
    index: int = 0
    doc_id: str | None = None
    done: int = 0


@dataclass(frozen=True)
class Position:
    seq: Any  # CouchDB's sequence, opaque
    held: str | None  # snapshot hash: roots the client may hold documents of (None: nothing)
    cursor: Cursor | None = None
    # snapshot hash: roots held before the last scope change, until the feed has caught up
    # (a deletion under one of them, still ahead in the feed, is still the client's to know)
    old: str | None = None

    def moved(self, **changes: Any) -> "Position":
        return replace(self, **changes)


def encode(position: Position) -> str:
    data: dict[str, Any] = {"s": position.seq}
    if position.held is not None:
        data["h"] = position.held
    if position.old is not None:
        data["o"] = position.old
    cursor = position.cursor
    if cursor is not None:
        data["x"] = [
            cursor.base,
            cursor.target,
            cursor.phase,
            cursor.index,
            cursor.doc_id,
            cursor.done,
        ]
    # orjson: one token per row of every answer, and json.dumps was a visible share of a pull
    return base64.urlsafe_b64encode(orjson.dumps(data)).rstrip(b"=").decode("ascii")


def decode(token: str | None) -> Position | None:
    """The position a token names, or None for none, ``0`` or anything not a token of ours."""
    if not token or token == "0" or len(token) > MAX_TOKEN_CHARS:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or "s" not in data:
        return None
    seq = data["s"]
    if not _is_seq(seq):
        return None
    held = data.get("h")
    if held is not None and not _is_hash(held):
        return None
    old = data.get("o")
    if old is not None and not _is_hash(old):
        return None
    cursor = _cursor(data.get("x"))
    if "x" in data and cursor is None:
        return None
    return Position(seq, held, cursor, old)


def _cursor(value: Any) -> Cursor | None:
    if not isinstance(value, list) or len(value) != 6:
        return None
    base, target, phase, index, doc_id, done = value
    if not (_is_hash(base) and _is_hash(target)):
        return None
    if phase not in (1, 2) or not _count(index) or not _count(done):
        return None
    if doc_id is not None and not isinstance(doc_id, str):
        return None
    return Cursor(base, target, phase, index, doc_id, done)


def _is_seq(value: Any) -> bool:
    # opaque, but only what a server sends: text or a whole number (never nested JSON)
    if isinstance(value, bool):
        return False
    return isinstance(value, str | int) and len(str(value)) <= MAX_TOKEN_CHARS


def _is_hash(value: Any) -> bool:
    return (
        isinstance(value, str)
        and len(value) == _HASH_CHARS
        and all(c in "0123456789abcdef" for c in value)
    )


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53
