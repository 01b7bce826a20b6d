"""Matching one contact against the citizens in the store: blocking, then scoring.

Candidates are the citizens sharing a blocking key with the contact (keys.py), read from the
``citizen_match_keys`` index. A key held by more than ``MAX_BLOCK`` citizens (a number the
whole drama range shares, a common name at a big postcode) says little and would make the
look-up slow, so it is skipped; the other keys still find the person. Merged citizens are
left out: their survivor is the one to link to.
"""

import time
import weakref
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from caseworker.identity.keys import identifier_keys, query_keys
from caseworker.identity.match import Match, compare
from caseworker.identity.model import Model, default_model
from caseworker.identity.records import PersonRecord, load_people

MAX_BLOCK = 200  # citizens under one key before the key is too common to use
MAX_CANDIDATES = 600
# Most telling first: when candidates run over MAX_CANDIDATES, these keys have been read.
_ORDER = ("p", "e", "h", "u", "t", "q", "r", "d", "w", "n", "f", "g", "s")
_HOLDERS_COUNTED = 100_000

_BLOCK = text("SELECT citizen_id FROM citizen_match_keys WHERE key = :key LIMIT :n")
_HOLDERS = text("SELECT count(*) FROM (SELECT 1 FROM citizen_match_keys WHERE key = :key LIMIT :n)")


@dataclass(frozen=True)
class Found:
    """The best matches, best first, and how many citizens were compared."""

    matches: list[Match]
    compared: int
    skipped_keys: int  # keys too common to use


def _blocks(session: Session, keys: list[str]) -> dict[str, list[str]]:
    """The citizens under each key, at most MAX_BLOCK + 1 each, in one statement."""
    if not keys:
        return {}
    parts = " UNION ALL ".join(
        f"SELECT * FROM (SELECT key, citizen_id FROM citizen_match_keys WHERE key = :k{n} "
        f"LIMIT {MAX_BLOCK + 1})"
        for n in range(len(keys))
    )
    found: dict[str, list[str]] = {key: [] for key in keys}
    for key, citizen_id in session.execute(text(parts), {f"k{n}": k for n, k in enumerate(keys)}):
        found[key].append(citizen_id)
    return found


def candidates(session: Session, contact: PersonRecord) -> tuple[list[str], int]:
    """Ids of the citizens sharing a usable key with the contact, and how many keys were
    skipped as too common."""
    keys = sorted(query_keys(contact), key=lambda k: (_ORDER.index(k[0]), k))
    found: dict[str, None] = {}
    skipped = 0
    for ids in _blocks(session, keys).values():  # in the keys' order: most telling first
        if len(ids) > MAX_BLOCK:
            skipped += 1
            continue
        found.update(dict.fromkeys(ids))
        if len(found) >= MAX_CANDIDATES:
            break
    found.pop(contact.id, None)
    return list(found)[:MAX_CANDIDATES], skipped


def holders(session: Session, contact: PersonRecord) -> dict[str, int]:
    """How many citizens hold each of the contact's phones, emails and handles."""
    keys = identifier_keys(contact)
    if not keys:
        return {}
    parts = " UNION ALL ".join(
        f"SELECT :v{n}, (SELECT count(*) FROM (SELECT 1 FROM citizen_match_keys "
        f"WHERE key = :k{n} LIMIT {_HOLDERS_COUNTED}))"
        for n in range(len(keys))
    )
    params: dict[str, str] = {}
    for n, (value, key) in enumerate(keys.items()):
        params[f"v{n}"], params[f"k{n}"] = value, key
    return {value: int(count) for value, count in session.execute(text(parts), params)}


# By engine (one per store), dropped with it: two stores never share a count.
_counted: "weakref.WeakKeyDictionary[Engine, tuple[float, int]]" = weakref.WeakKeyDictionary()
_RECOUNT_SECONDS = 600.0


def population(session: Session) -> int:
    """About how many citizens the store holds: counted at most every ten minutes per store
    (a count reads a whole index; the figure only scales the prior)."""
    engine = session.get_bind().engine
    now = time.monotonic()
    known = _counted.get(engine)
    if known is None or now - known[0] > _RECOUNT_SECONDS:
        count = int(session.execute(text("SELECT count(*) FROM citizens")).scalar_one())
        known = _counted[engine] = (now, count)
    return known[1]


def find_matches(
    session: Session,
    contact: PersonRecord,
    *,
    limit: int = 5,
    model: Model | None = None,
) -> Found:
    """The ``limit`` citizens most likely to be the contact, with probabilities and reasons."""
    model = model or default_model()
    ids, skipped = candidates(session, contact)
    people = load_people(session, ids, merged=False)
    counts = holders(session, contact)
    size = population(session)
    scored = [compare(contact, p, model, counts, size) for p in people.values()]
    scored.sort(key=lambda m: (-m.weight, m.right))
    return Found(scored[:limit], len(scored), skipped)
