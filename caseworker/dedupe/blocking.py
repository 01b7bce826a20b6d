"""The scan's pairs: every two citizens worth comparing, once, into a scratch table.

Two passes over the key index (``citizen_match_keys``, ordered by key: no sort):

1. **Strong keys** (every kind but the weak ones and ``NOT_PAIRED``): each block's pairs go to
   the scratch table. The weak kinds' ranges are never read here.
2. **Weak keys**, a phone with the given-name form (``q``) or with the family sound (``r``): the
   two ranges are read side by side, one phone at a time (both are ordered by phone first), so
   a pair sharing two of one number's weak keys (the given form and the family sound: one
   person typed twice with a shared number) is found in that phone's keys alone, and the
   millions of pairs sharing only one weak key are counted, never written. A pair sharing only
   the phone and family sound is kept when the given names are alike (``ALIKE_GIVEN``): a typo
   in the given name, not a relative on the family's landline.

Memory: one block at a time in the first pass; in the second, a few phones' blocks (about
``_BATCH`` citizens in them, and however many hold the last number).
"""

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz.distance import JaroWinkler
from sqlalchemy.engine.interfaces import DBAPIConnection

from caseworker.identity.normalise import fold_name

# Keys the scan does not pair on at all (the matcher still looks contacts up by them): family
# name as it sounds + given name + postcode district ("s"). Common names in a district share
# one by the thousand, and a pair that shares one shares a stronger key as well or is not one
# person: on 100,000 citizens 24,152 pairs shared nothing else, none of them the answer key's,
# and no pair of the key needed it beside one phone key to be scored.
NOT_PAIRED = frozenset({"s"})
# Weak keys, each not enough alone for a pair to be scored: a phone with a given-name form
# ("q") or a family sound ("r"). They exist for a number too common to block on by itself
# (over MAX_BLOCK holders), and a shared number that common counts for little. On the
# 1,000,000-citizen demo council (its phones come from Ofcom's 2,000 numbers for drama) they
# make 7.0 of 7.5 million pairs. One person typed twice with a common number shares both.
GIVEN_PHONE, FAMILY_PHONE = "q", "r"
WEAK_KEYS = frozenset({GIVEN_PHONE, FAMILY_PHONE})
# Except a pair sharing only a phone and the family name's sound whose given names are alike
# (Jaro-Winkler, folded): one person with a typo in the given name, not a relative on the
# family's landline. On 100,000 citizens 216 of the 35,218 such pairs are alike, and they hold
# all 44 of the answer key's (36 of them scoring as one person: 0.9 % of recall).
ALIKE_GIVEN = 0.8
_STREAM = 5_000  # key rows read per fetch
_WRITE = 20_000  # pairs written per batch
_BATCH = 5_000  # citizens in the weak blocks of the phones paired at once (names read at once)
_FOLDED_CACHE = 50_000  # folded given names remembered (names repeat), then forgotten

Pair = tuple[str, str]
Blocks = dict[str, list[str]]  # a key's suffix (given form, family sound): its citizens


@dataclass
class BlockCounts:
    keys: int = 0  # (key, citizen) rows read
    blocks: int = 0  # keys held by two citizens or more
    skipped_blocks: int = 0  # of those, held by more than the limit: not used
    weak_only: int = 0  # pairs sharing one weak key of a phone, not paired by it
    alike_given: int = 0  # sharing only a phone and family sound, given names alike: paired


def _ranges(left_out: frozenset[str]) -> list[tuple[str | None, str | None]]:
    """Key ranges [low, high) covering every one-letter kind but those left out."""
    ranges: list[tuple[str | None, str | None]] = []
    low: str | None = None
    for letter in sorted(left_out):
        if low is None or low < letter:
            ranges.append((low, letter))
        low = chr(ord(letter) + 1)
    ranges.append((low, None))
    return ranges


def _rows(
    con: DBAPIConnection, low: str | None, high: str | None, counts: BlockCounts
) -> Iterator[tuple[str, list[str]]]:
    """The citizens under each key in [low, high) held by two or more, in key order (the
    covering index's order), read through the driver's cursor (millions of rows)."""
    where, params = [], []
    if low is not None:
        where.append("key >= ?")
        params.append(low)
    if high is not None:
        where.append("key < ?")
        params.append(high)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    cursor = con.cursor()
    try:
        cursor.execute(
            f"SELECT key, citizen_id FROM citizen_match_keys{clause} ORDER BY key, citizen_id",
            params,
        )
        current: str | None = None
        members: list[str] = []
        while batch := cursor.fetchmany(_STREAM):
            counts.keys += len(batch)
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


def _usable(members: list[str], max_block: int, counts: BlockCounts) -> bool:
    counts.blocks += 1
    if len(members) > max_block:
        counts.skipped_blocks += 1
        return False
    return True


def _all_pairs(members: list[str]) -> Iterator[Pair]:
    members.sort()
    return combinations(members, 2)


class _Writer:
    """Pairs into the scratch table in batches; a pair met again is kept once."""

    def __init__(self, scratch: sqlite3.Connection) -> None:
        self.scratch = scratch
        self.pending: list[Pair] = []

    def add(self, pairs: Iterator[Pair] | list[Pair]) -> None:
        self.pending += pairs
        if len(self.pending) >= _WRITE:
            self.flush()

    def flush(self) -> None:
        self.scratch.executemany("INSERT OR IGNORE INTO p (a, b) VALUES (?, ?)", self.pending)
        self.pending = []


def _strong(con: DBAPIConnection, out: _Writer, max_block: int, counts: BlockCounts) -> None:
    for low, high in _ranges(NOT_PAIRED | WEAK_KEYS):
        for _key, members in _rows(con, low, high, counts):
            if _usable(members, max_block, counts):
                out.add(_all_pairs(members))


def _by_phone(
    con: DBAPIConnection, kind: str, max_block: int, counts: BlockCounts
) -> Iterator[tuple[str, Blocks]]:
    """One weak kind's usable blocks, a phone at a time: (phone + ":", {suffix: citizens}).
    Ordered as the keys are, so the two kinds' streams can be walked side by side."""
    phone: str | None = None
    blocks: Blocks = {}
    for key, members in _rows(con, f"{kind}:", f"{kind};", counts):
        head, _, suffix = key[2:].partition(":")
        head += ":"  # the order of the keys is the order of phone + ":" (see _phones)
        if head != phone:
            if blocks and phone is not None:
                yield phone, blocks
            phone, blocks = head, {}
        if _usable(members, max_block, counts):
            blocks[suffix] = members
    if blocks and phone is not None:
        yield phone, blocks


def _phones(
    con: DBAPIConnection, max_block: int, counts: BlockCounts
) -> Iterator[tuple[Blocks, Blocks]]:
    """Each phone's given-form blocks and family-sound blocks together. Both streams are in
    the order of phone + ":" (no phone holds a ":"), so they merge like two sorted lists."""
    given = _by_phone(con, GIVEN_PHONE, max_block, counts)
    family = _by_phone(con, FAMILY_PHONE, max_block, counts)
    g, f = next(given, None), next(family, None)
    while g is not None or f is not None:
        if f is None or (g is not None and g[0] < f[0]):
            assert g is not None
            yield g[1], {}
            g = next(given, None)
        elif g is None or f[0] < g[0]:
            yield {}, f[1]
            f = next(family, None)
        else:
            yield g[1], f[1]
            g, f = next(given, None), next(family, None)


def _shared_twice(given: Blocks, family: Blocks) -> set[Pair]:
    """The pairs sharing two or more of one phone's weak keys: a 2-set of keys each citizen
    holds is a block of its own, so no pair sharing only one key is ever made."""
    held: dict[str, list[str]] = {}
    for kind, blocks in ((GIVEN_PHONE, given), (FAMILY_PHONE, family)):
        for suffix, members in blocks.items():
            for citizen in members:
                held.setdefault(citizen, []).append(f"{kind}{suffix}")
    both: dict[tuple[str, str], list[str]] = {}
    for citizen, keys in held.items():
        if len(keys) > 1:
            for two in combinations(sorted(keys), 2):
                both.setdefault(two, []).append(citizen)
    return {pair for members in both.values() for pair in _all_pairs(members)}


class _GivenNames:
    """Folded given names by citizen, from a copy in the scratch database made when first
    needed (looked up there a few phones at a time, never all held)."""

    def __init__(self, con: DBAPIConnection, scratch: sqlite3.Connection) -> None:
        self.con, self.scratch = con, scratch
        self.copied = False
        self.folded: dict[str, str] = {}

    def _copy(self) -> None:
        self.scratch.execute("CREATE TABLE given (id TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID")
        cursor = self.con.cursor()
        try:
            cursor.execute("SELECT id, given_name FROM citizens")
            while batch := cursor.fetchmany(_STREAM):
                self.scratch.executemany("INSERT INTO given VALUES (?, ?)", batch)
        finally:
            cursor.close()
        self.copied = True

    def _fold(self, name: str) -> str:
        folded = self.folded.get(name)
        if folded is None:
            if len(self.folded) >= _FOLDED_CACHE:
                self.folded.clear()
            folded = self.folded[name] = fold_name(name)
        return folded

    def of(self, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        if not self.copied:
            self._copy()
        wanted = sorted(ids)
        names: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.scratch.execute(f"SELECT id, name FROM given WHERE id IN ({marks})", chunk)
            names.update((cid, self._fold(name)) for cid, name in rows)
        return names


def _alike(x: str, y: str) -> bool:
    # Two unreadable names are alike, as before: the pair costs one comparison, no more.
    # (No score_cutoff: rapidfuzz's cut-off drops Thomas/Theo, exactly 0.8.)
    return JaroWinkler.normalized_similarity(x, y) >= ALIKE_GIVEN


def _settle(
    phones: list[tuple[Blocks, Blocks]], names: _GivenNames, out: _Writer, counts: BlockCounts
) -> None:
    """Pair a few phones' weak blocks: those sharing two of a phone's keys, and those sharing
    only its family sound whose given names are alike (the names read for all at once)."""
    given_of = names.of({c for _g, family in phones for m in family.values() for c in m})
    for given, family in phones:
        paired = _shared_twice(given, family) if given and family else set()
        out.add(sorted(paired))
        for members in given.values():
            counts.weak_only += sum(1 for pair in _all_pairs(members) if pair not in paired)
        for members in family.values():
            for a, b in _all_pairs(members):
                if (a, b) in paired:
                    continue
                if _alike(given_of.get(a, ""), given_of.get(b, "")):
                    counts.alike_given += 1
                    out.add([(a, b)])
                else:
                    counts.weak_only += 1


def _weak(
    con: DBAPIConnection,
    scratch: sqlite3.Connection,
    out: _Writer,
    max_block: int,
    counts: BlockCounts,
) -> None:
    names = _GivenNames(con, scratch)
    batch: list[tuple[Blocks, Blocks]] = []
    members = 0
    for given, family in _phones(con, max_block, counts):
        batch.append((given, family))
        members += sum(map(len, given.values())) + sum(map(len, family.values()))
        if members >= _BATCH:  # a few phones at a time: one query for many names
            _settle(batch, names, out, counts)
            batch, members = [], 0
    if batch:
        _settle(batch, names, out, counts)


def pairs_into(scratch: sqlite3.Connection, con: DBAPIConnection, max_block: int) -> BlockCounts:
    """Every pair worth scoring, once, in the scratch table ``p (a, b)`` (a < b), and what
    blocking met on the way. ``con`` is the store's connection (the caller's transaction)."""
    counts = BlockCounts()
    scratch.execute("CREATE TABLE p (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID")
    out = _Writer(scratch)
    _strong(con, out, max_block, counts)
    _weak(con, scratch, out, max_block, counts)
    out.flush()
    scratch.commit()
    return counts
