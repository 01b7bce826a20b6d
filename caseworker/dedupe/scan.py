"""The full duplicate scan: every pair of citizens worth comparing, scored, in bounded memory.

Blocking, not all pairs: two citizens are compared only when they share a blocking key
(``caseworker.identity.keys``, kept per citizen in ``citizen_match_keys`` by the projection).
The scan streams that index in key order, so one block (the citizens under one key) is in
memory at a time; a key shared by more than ``MAX_BLOCK`` citizens (a family landline, a
common name at a big postcode) is skipped, as the matcher skips it, since it says little and
its pairs grow as its square.

1. Pairs (``blocking``): each block's pairs go to a scratch database beside the store (a
   temporary file, its primary key counting a pair that shares several keys once), never to a
   Python set. A pair that shares nothing but one weak key (a common phone with a given-name
   form or a family sound) is not scored, unless that key is the phone with the family sound
   and the given names are alike; such pairs are counted a phone at a time, never written.
2. Scores: the pairs are read back in order of their first citizen, in chunks; each chunk's
   citizens are read once (``people.PeopleReader``) and every pair scored with the Fellegi-Sunter
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
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, insert, text
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session

from caseworker.collector import fewer_collections
from caseworker.dedupe import blocking
from caseworker.dedupe.people import PeopleReader
from caseworker.identity.explain import english
from caseworker.identity.match import THRESHOLD as MATCH_THRESHOLD
from caseworker.identity.match import Match, Reason, compare
from caseworker.identity.model import default_model
from caseworker.models import DuplicateCandidate
from caseworker.timeutil import to_iso, utcnow

MAX_BLOCK = 50  # citizens under one key before the key is too common to block on
CHUNK = 20_000  # pairs scored per round (their citizens read in one go)
# The match probability a pair needs to be offered for review: the matcher's own, where its
# precision and recall were measured on the seed's answer key (docs/identity.md).
THRESHOLD = MATCH_THRESHOLD
_STREAM = 5_000  # rows read per fetch

Progress = Callable[[str, int], None]


@dataclass
class ScanResult:
    citizens: int = 0
    keys: int = 0  # (key, citizen) rows read
    blocks: int = 0
    skipped_blocks: int = 0  # keys too common to use
    pairs: int = 0  # distinct pairs compared
    weak_only: int = 0  # pairs sharing one weak key of a phone (and nothing else weak): not
    # paired by it (some are compared all the same, through a stronger key)
    alike_given: int = 0  # sharing a phone and family sound but not the given form, given
    # names alike: compared
    found: int = 0  # kept as likely duplicates
    seconds: dict[str, float] = field(default_factory=dict)


def _settled_into(scratch: sqlite3.Connection, con: DBAPIConnection) -> None:
    """The pairs people decided are different people, beside the pairs (streamed: a council
    may have decided many)."""
    scratch.execute("CREATE TABLE settled (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID")
    cursor = con.cursor()
    try:
        cursor.execute("SELECT first_id, second_id FROM distinct_pairs")
        while batch := cursor.fetchmany(_STREAM):
            scratch.executemany(
                "INSERT OR IGNORE INTO settled VALUES (?, ?)", [sorted(pair) for pair in batch]
            )
    finally:
        cursor.close()
    scratch.commit()


def _chunks(scratch: sqlite3.Connection) -> Iterator[list[tuple[str, str]]]:
    """The pairs to score, in order of their first citizen, less the settled ones."""
    cursor = scratch.execute(
        "SELECT a, b FROM p WHERE NOT EXISTS (SELECT 1 FROM settled s WHERE s.a = p.a AND "
        "s.b = p.b) ORDER BY a, b"
    )
    while chunk := cursor.fetchmany(CHUNK):
        yield chunk


def reasons_json(match: Match) -> str:
    """The reasons kept with a candidate: code, values and words, strongest first."""
    return json.dumps(
        [
            {"code": r.code, "left": r.left, "right": r.right, "text": _words(r)}
            for r in match.reasons
        ],
        ensure_ascii=False,
    )


@lru_cache(maxsize=100_000)
def _english(field: str, level: str, left: str, right: str, holders: int) -> str:
    return english(Reason(field, level, left, right, 0.0, holders))


def _words(r: Reason) -> str:
    # The same few phrases over and over (a phone's words ask phonenumbers whether it is a
    # mobile): remembered. The weight is not in the words.
    return _english(r.field, r.level, r.left, r.right, r.holders)


def scan(
    session: Session,
    *,
    threshold: float = THRESHOLD,
    scratch_dir: Path | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    """Scan the whole store for likely duplicates; the candidates replace the last scan's.
    The caller owns the transaction."""
    # Millions of short-lived records and none in a cycle: the cycle collector, run by
    # allocation counts, cost a third of reading the citizens.
    with fewer_collections():
        return _scan(session, threshold, scratch_dir, progress)


def _scan(
    session: Session, threshold: float, scratch_dir: Path | None, progress: Progress | None
) -> ScanResult:
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
            session.flush()  # what this transaction added is read through its connection
            con = session.connection().connection.dbapi_connection
            assert con is not None
            counts = blocking.pairs_into(scratch, con, MAX_BLOCK)
            for counted in fields(counts):  # the result carries the blocking's counts
                setattr(result, counted.name, getattr(counts, counted.name))
            _settled_into(scratch, con)
            result.seconds["blocking"] = time.perf_counter() - started
            if progress:
                progress("blocked", result.blocks)
            session.execute(delete(DuplicateCandidate))
            now = to_iso(utcnow())
            reader = PeopleReader(con)
            for pairs in _chunks(scratch):
                # Merged citizens are not read, so their pairs are left out.
                people = reader.read({c for pair in pairs for c in pair})
                rows = []
                for a, b in pairs:
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
