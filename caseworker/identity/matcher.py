"""Matching one contact against the citizens in the store: blocking, then scoring.

Candidates are the citizens sharing a blocking key with the contact (keys.py), read from the
``citizen_match_keys`` index. A key held by more than ``MAX_BLOCK`` citizens (a number the
whole drama range shares, a common name at a big postcode) says little and would make the
look-up slow, so it is skipped; the other keys still find the person. Merged citizens are
left out: their survivor is the one to link to.
"""

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from caseworker.identity.keys import identifier_keys, query_keys
from caseworker.identity.match import Match, compare
from caseworker.identity.model import Model, default_model
from caseworker.identity.records import PersonRecord, load_people

MAX_BLOCK = 200  # citizens under one key before the key is too common to use
MAX_CANDIDATES = 600
# Most telling first: when candidates run over MAX_CANDIDATES, these keys have been read.
_ORDER = ("p", "e", "h", "u", "d", "n", "f", "g", "s")
_HOLDERS_COUNTED = 100_000

_BLOCK = text("SELECT citizen_id FROM citizen_match_keys WHERE key = :key LIMIT :n")
_HOLDERS = text("SELECT count(*) FROM (SELECT 1 FROM citizen_match_keys WHERE key = :key LIMIT :n)")


@dataclass(frozen=True)
class Found:
    """The best matches, best first, and how many citizens were compared."""

    matches: list[Match]
    compared: int
    skipped_keys: int  # keys too common to use


def candidates(session: Session, contact: PersonRecord) -> tuple[list[str], int]:
    """Ids of the citizens sharing a usable key with the contact, and how many keys were
    skipped as too common."""
    keys = sorted(query_keys(contact), key=lambda k: (_ORDER.index(k[0]), k))
    found: dict[str, None] = {}
    skipped = 0
    for key in keys:
        ids = session.execute(_BLOCK, {"key": key, "n": MAX_BLOCK + 1}).scalars().all()
        if len(ids) > MAX_BLOCK:
            skipped += 1
            continue
        found.update(dict.fromkeys(ids))
        if len(found) >= MAX_CANDIDATES:
            break
    found.pop(contact.id, None)
    return list(found)[:MAX_CANDIDATES], skipped


def _live(session: Session, ids: list[str]) -> list[str]:
    if not ids:
        return []
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    rows = session.execute(
        text(f"SELECT id FROM citizens WHERE id IN ({marks}) AND merged_into IS NULL"),
        {f"i{n}": v for n, v in enumerate(ids)},
    )
    return list(rows.scalars())


def holders(session: Session, contact: PersonRecord) -> tuple[dict[str, int], int]:
    """How many citizens hold each of the contact's phones, emails and handles, and about how
    many citizens there are (the largest rowid: a count would read the whole table)."""
    counts = {
        value: int(session.execute(_HOLDERS, {"key": key, "n": _HOLDERS_COUNTED}).scalar_one())
        for value, key in identifier_keys(contact).items()
    }
    population = session.execute(text("SELECT max(rowid) FROM citizens")).scalar()
    return counts, int(population or 0)


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
    people = load_people(session, _live(session, ids))
    counts, population = holders(session, contact)
    scored = [compare(contact, p, model, counts, population) for p in people.values()]
    scored.sort(key=lambda m: (-m.weight, m.right))
    return Found(scored[:limit], len(scored), skipped)
