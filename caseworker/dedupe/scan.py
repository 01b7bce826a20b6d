"""The full duplicate scan: every pair of citizens worth comparing, scored, in bounded memory.

Blocking, not all pairs: two citizens are compared only when they share a blocking key
(``caseworker.identity.keys``, kept per citizen in ``citizen_match_keys`` by the projection).
The scan streams that index in key order, so one block (the citizens under one key) is in
memory at a time; a key shared by more than ``MAX_BLOCK`` citizens (a family landline, a
common name at a big postcode) is skipped, as the matcher skips it, since it says little and
its pairs grow as its square.

1. Pairs: each block's pairs go to a scratch database beside the store (a temporary file, its
   primary key counting a pair that shares several keys once), never to a Python set. A pair
   that shares nothing but one weak key (``WEAK_KEYS``) is not scored, unless that key is a
   phone with the family sound and the given names are alike (``ALIKE_GIVEN``).
2. Scores: the pairs are read back in order of their first citizen, in chunks; each chunk's
   citizens are read once (``load_people``) and every pair scored with the Fellegi-Sunter
   model (``caseworker.identity.match``). Merged citizens and pairs already decided to be
   different people are left out. Pairs scoring at least ``threshold`` are kept, with their
   reasons, in ``duplicate_candidates`` (replacing the last scan's).

Memory is bounded by ``MAX_BLOCK`` and ``CHUNK`` whatever the size of the council.
"""

import json
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import JaroWinkler
from sqlalchemy import delete, insert, text
from sqlalchemy.orm import Session

from caseworker.identity.explain import english
from caseworker.identity.match import THRESHOLD as MATCH_THRESHOLD
from caseworker.identity.match import Match, compare
from caseworker.identity.model import default_model
from caseworker.identity.normalise import fold_name
from caseworker.identity.records import PersonRecord, load_people
from caseworker.models import DuplicateCandidate
from caseworker.timeutil import to_iso, utcnow

MAX_BLOCK = 50  # citizens under one key before the key is too common to block on
CHUNK = 20_000  # pairs scored per round (their citizens read in one go)
# The match probability a pair needs to be offered for review: the matcher's own, where its
# precision and recall were measured on the seed's answer key (docs/identity.md).
THRESHOLD = MATCH_THRESHOLD
_STREAM = 5_000  # key rows read per fetch
# Keys the scan does not pair on at all (the matcher still looks contacts up by them): family
# name as it sounds + given name + postcode district ("s"). Common names in a district share
# one by the thousand, and a pair that shares one shares a stronger key as well or is not one
# person: on 100,000 citizens 24,152 pairs shared nothing else, none of them the answer key's,
# and no pair of the key needed it beside one phone key to be scored.
NOT_PAIRED = frozenset({"s"})
# Weak keys, each not enough alone for a pair to be scored:
# - a phone with a given-name form ("q") or a family sound ("r"): they exist for a number too
#   common to block on by itself (over MAX_BLOCK holders), and a shared number that common
#   counts for little. On the 1,000,000-citizen demo council (its phones come from Ofcom's
#   2,000 numbers for drama) they made 7.2 of 7.5 million pairs and the scan took 18 minutes.
#   One person typed twice with a common number shares both, or either with another key.
# A pair sharing nothing but one of these (no phone of its own block, email, birth date,
# postcode, property) is not scored. On 100,000 citizens this cost 1 % of recall (3,651 of
# the answer key's 4,052 pairs found instead of 3,690) for 30 % less time.
WEAK_KEYS = frozenset({"q", "r"})
# Except a pair sharing only a phone and the family name's sound ("r") whose given names are
# alike (Jaro-Winkler, folded): one person with a typo in the given name, not a relative on the
# family's landline. On 100,000 citizens 216 of the 35,218 such pairs are alike, and they hold
# all 44 of the answer key's (36 of them scoring as one person: 0.9 % of recall).
ALIKE_GIVEN = 0.8

Progress = Callable[[str, int], None]


@dataclass
class ScanResult:
    citizens: int = 0
    keys: int = 0  # (key, citizen) rows read
    blocks: int = 0
    skipped_blocks: int = 0  # keys too common to use
    pairs: int = 0  # distinct pairs compared
    weak_only: int = 0  # pairs sharing nothing but one weak key: not compared
    alike_given: int = 0  # sharing only a phone and family sound, given names alike: compared
    found: int = 0  # kept as likely duplicates
    seconds: dict[str, float] = field(default_factory=dict)


def _blocks(session: Session, result: ScanResult) -> Iterator[tuple[str, list[str]]]:
    """The citizens under each key, one key at a time, in key order (the covering index's
    order: no sort), read through the driver's cursor (millions of rows)."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute("SELECT key, citizen_id FROM citizen_match_keys ORDER BY key, citizen_id")
        current: str | None = None
        members: list[str] = []
        while batch := cursor.fetchmany(_STREAM):
            result.keys += len(batch)
            for key, citizen_id in batch:
                if key != current:
                    if len(members) > 1 and current is not None:
                        yield current, members
                    current, members = key, []
                members.append(citizen_id)
        if len(members) > 1 and current is not None:
            yield current, members
    finally:
        cursor.close()


_UPSERT = (
    "INSERT INTO p (a, b, shared, strong, family) VALUES (?, ?, 1, ?, ?) ON CONFLICT (a, b) "
    "DO UPDATE SET shared = shared + 1, strong = max(strong, excluded.strong), "
    "family = max(family, excluded.family)"
)
_FAMILY_PHONE = "r"  # the weak key of a phone with the family name's sound


def _pairs_into(scratch: sqlite3.Connection, session: Session, result: ScanResult) -> None:
    """Every pair sharing a usable key, once, with how many keys it shares and whether any of
    them is more than a weak one."""
    scratch.execute(
        "CREATE TABLE p (a TEXT, b TEXT, shared INTEGER, strong INTEGER, family INTEGER, "
        "PRIMARY KEY (a, b)) WITHOUT ROWID"
    )
    pending: list[tuple[str, str, int, int]] = []
    for key, members in _blocks(session, result):
        if key[:1] in NOT_PAIRED:
            continue
        result.blocks += 1
        if len(members) > MAX_BLOCK:
            result.skipped_blocks += 1
            continue
        members.sort()
        strong = int(key[:1] not in WEAK_KEYS)
        family = int(key[:1] == _FAMILY_PHONE)
        pending += [(a, b, strong, family) for i, a in enumerate(members) for b in members[i + 1 :]]
        if len(pending) >= CHUNK:
            scratch.executemany(_UPSERT, pending)
            pending = []
    scratch.executemany(_UPSERT, pending)
    scratch.commit()


def _alike_given_names(scratch: sqlite3.Connection, session: Session, result: ScanResult) -> None:
    """Mark for scoring the pairs sharing only a phone and family sound whose given names are
    alike. The given names go to the scratch database (streamed, not held), joined there."""
    scratch.execute("CREATE TABLE given (id TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID")
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute("SELECT id, given_name FROM citizens")
        while batch := cursor.fetchmany(_STREAM):
            scratch.executemany("INSERT INTO given VALUES (?, ?)", batch)
    finally:
        cursor.close()
    rows = scratch.execute(
        "SELECT p.a, p.b, x.name, y.name FROM p JOIN given x ON x.id = p.a "
        "JOIN given y ON y.id = p.b WHERE p.strong = 0 AND p.shared = 1 AND p.family = 1"
    )
    alike: list[tuple[str, str]] = []
    while batch := rows.fetchmany(_STREAM):
        alike += [
            (a, b)
            for a, b, left, right in batch
            if JaroWinkler.normalized_similarity(fold_name(left), fold_name(right)) >= ALIKE_GIVEN
        ]
    scratch.executemany("UPDATE p SET strong = 1 WHERE a = ? AND b = ?", alike)
    scratch.commit()
    result.alike_given = len(alike)


def _chunks(scratch: sqlite3.Connection, result: ScanResult) -> Iterator[list[tuple[str, str]]]:
    (result.weak_only,) = scratch.execute(
        "SELECT count(*) FROM p WHERE strong = 0 AND shared = 1"
    ).fetchone()
    cursor = scratch.execute("SELECT a, b FROM p WHERE strong = 1 OR shared > 1 ORDER BY a, b")
    while chunk := cursor.fetchmany(CHUNK):
        yield chunk


def _excluded(session: Session, ids: set[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """Of these citizens, the merged ones; and the pairs among them decided distinct."""
    merged: set[str] = set()
    distinct: set[tuple[str, str]] = set()
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join(f":i{n}" for n in range(len(chunk)))
        params = {f"i{n}": v for n, v in enumerate(chunk)}
        merged.update(
            session.execute(
                text(f"SELECT id FROM citizens WHERE id IN ({marks}) AND merged_into IS NOT NULL"),
                params,
            ).scalars()
        )
        distinct.update(
            (a, b)
            for a, b in session.execute(
                text(f"SELECT first_id, second_id FROM distinct_pairs WHERE first_id IN ({marks})"),
                params,
            )
        )
    return merged, distinct


def reasons_json(match: Match) -> str:
    """The reasons kept with a candidate: code, values and words, strongest first."""
    return json.dumps(
        [
            {"code": r.code, "left": r.left, "right": r.right, "text": english(r)}
            for r in match.reasons
        ],
        ensure_ascii=False,
    )


def scan(
    session: Session,
    *,
    threshold: float = THRESHOLD,
    scratch_dir: Path | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    """Scan the whole store for likely duplicates; the candidates replace the last scan's.
    The caller owns the transaction."""
    result = ScanResult()
    model = default_model()
    started = time.perf_counter()
    cpu = time.process_time()
    result.citizens = int(session.execute(text("SELECT count(*) FROM citizens")).scalar_one())
    with tempfile.TemporaryDirectory(dir=scratch_dir, prefix="dedupe-") as folder:
        scratch = sqlite3.connect(Path(folder) / "pairs.db")
        try:
            scratch.execute("PRAGMA journal_mode = OFF")
            scratch.execute("PRAGMA synchronous = OFF")
            _pairs_into(scratch, session, result)
            _alike_given_names(scratch, session, result)
            result.seconds["blocking"] = time.perf_counter() - started
            if progress:
                progress("blocked", result.blocks)
            session.execute(delete(DuplicateCandidate))
            now = to_iso(utcnow())
            for pairs in _chunks(scratch, result):
                ids = {c for pair in pairs for c in pair}
                people: dict[str, PersonRecord] = load_people(session, ids)
                merged, distinct = _excluded(session, ids)
                rows = []
                for a, b in pairs:
                    if a in merged or b in merged or (a, b) in distinct:
                        continue
                    left, right = people.get(a), people.get(b)
                    if left is None or right is None:
                        continue
                    result.pairs += 1
                    match = compare(left, right, model)
                    if match.probability >= threshold:
                        rows.append(
                            {
                                "first_id": a,
                                "second_id": b,
                                "score": round(match.probability, 6),
                                "reasons": reasons_json(match),
                                "found_at": now,
                            }
                        )
                if rows:
                    session.execute(insert(DuplicateCandidate), rows)
                    result.found += len(rows)
                if progress:
                    progress("scored", result.pairs)
        finally:
            scratch.close()
    result.seconds["total"] = time.perf_counter() - started
    result.seconds["scoring"] = result.seconds["total"] - result.seconds["blocking"]
    # On a shared machine the wall clock waits for others: the CPU time says what it cost.
    result.seconds["cpu"] = time.process_time() - cpu
    return result
