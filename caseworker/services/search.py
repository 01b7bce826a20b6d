"""As-you-type search over citizens, cases and the citizen directory.

Full records come first. Then the directory (an agent's laptop holds a summary of every
citizen of the council, to find any caller): its hits are their own kind, ``directory``, a
summary whose full record is not on this laptop; an entry whose citizen's full record is
held never shows (the record does instead), so nobody is listed twice.

The trigram index finds candidates by any fragment (name, phone digits, email, postcode, social
handle, case reference). Ranking is done on a bounded candidate set, never over every match:
on a million rows an ``ORDER BY rank`` over a broad fragment costs 50-100 ms. The candidates
are the exact matches the name and identifier indexes find (however many others a fragment
matches), then the trigram index's first ones; they are ordered by match quality
(``search_rank``), then open cases, then the latest contact (``search_people``). The total
is counted, not estimated: exactly up to ``COUNTED``, then "more than" (one more is read).

The queries are plain SQL run through an ``Execute`` function, so the same code serves the
window (a Session, ``search``) and ``caseworker search`` (a bare connection, ``search_with``),
whose start-up cannot afford to import SQLAlchemy.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caseworker.ids import normalise_case_reference
from caseworker.services import search_rank as rank
from caseworker.services.search_hits import Execute, SearchHit, best_first, rowid_in
from caseworker.services.search_people import rank_citizens
from caseworker.store import normalise

__all__ = [
    "CANDIDATES",
    "COUNTED",
    "DirectorySummary",
    "Execute",
    "SearchHit",
    "SearchResults",
    "directory_summary",
    "find",
    "find_with",
    "fts_phrase",
    "search",
    "search_with",
    "session_execute",
]

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


# Matches ranked (plus exact look-ups by the name and identifier indexes). The index gives
# matches in storage order, so a broad fragment's best matches are found by those look-ups.
CANDIDATES = 100
# The total is exact up to this, then "1,000+": counting stops at one more.
COUNTED = 1000


@dataclass(frozen=True)
class SearchResults:
    """The hits shown, and how many records match in all (``total``, counted up to
    ``bound + 1``: above ``bound`` it is only "more than")."""

    hits: list[SearchHit]
    total: int
    bound: int = COUNTED  # where counting stopped being exact

    @property
    def capped(self) -> bool:
        return self.total > self.bound

    @property
    def more(self) -> bool:
        """More match than are shown."""
        return self.total > len(self.hits)


def fts_phrase(term: str) -> str:
    """Quote a user's fragment for FTS5 MATCH, so O'Neill or "x" AND y are just text."""
    return '"' + term.replace('"', '""') + '"'


def _terms(typed: rank.Typed) -> list[str]:
    if typed.digits is not None:
        return [typed.digits]
    words = typed.words
    q = typed.text
    if len(words) > 1 and normalise.postcode(q) is None and len("".join(words)) <= 8:
        # "cf10 1a": a postcode being typed; the index also holds it without the space.
        compact = "".join(words)
        if any(c.isdigit() for c in compact) and compact[:1].isalpha():
            return [compact]
    if len(words) > 1 and all(len(w) >= 3 for w in words[:1]):
        return [w for w in words if len(w) >= 3] or words
    return words


def _match_expression(terms: list[str]) -> str | None:
    usable = [t for t in terms if len(t) >= 3]
    return " AND ".join(fts_phrase(t) for t in usable) if usable else None


def session_execute(session: "Session") -> Execute:
    """An ``Execute`` on a session's connection (inside its transaction)."""

    def execute(sql: str, params: Sequence[Any]) -> Iterable[Sequence[Any]]:
        # All rows in one driver call: iterating a result fetches them one call at a time.
        return session.connection().exec_driver_sql(sql, tuple(params)).fetchall()

    return execute


def search(session: "Session", query: str, limit: int = 20) -> list[SearchHit]:
    return find_with(session_execute(session), query, limit).hits


def search_with(execute: Execute, query: str, limit: int = 20) -> list[SearchHit]:
    return find_with(execute, query, limit).hits


def find(session: "Session", query: str, limit: int = 20) -> SearchResults:
    return find_with(session_execute(session), query, limit)


def find_with(execute: Execute, query: str, limit: int = 20) -> SearchResults:
    """Up to ``limit`` hits for what a person typed, best first, and how many match in all."""
    query = query.strip()
    if not query:
        return SearchResults([], 0)
    reference = normalise_case_reference(query)
    if reference is not None:
        for case in execute(_CASE_COLUMNS + " WHERE reference = ? LIMIT 1", (reference,)):
            return SearchResults([_case_hit(case, 1000)], 1)
    typed = rank.read_typed(query)
    expression = _match_expression(_terms(typed))
    # A longer list asked for (``search --limit 500``) ranks a larger candidate set.
    ranked = max(CANDIDATES, limit + 1)
    counted = max(COUNTED + 1, ranked)
    national = _whole_number(typed)
    whole = national is not None and not typed.born and expression is not None
    prefix = typed.words[0].replace("%", "").replace("_", "") if typed.words else ""
    if expression is None and typed.words and not prefix:
        return SearchResults([], 0)  # "%" or "_" alone: not a wildcard for everyone
    if expression is None and typed.words:
        # One or two letters: family names starting with them (the index needs three).
        prefix += "%"
        citizens = _lookup(_CITIZEN_PREFIX, (prefix,), typed, counted)
        cases = None
        directory = _lookup(_DIRECTORY_PREFIX, (prefix,), None, counted)
    elif whole and national is not None:
        # A whole number is found only in itself: counted by the identifier index, not by
        # reading the index's lists of every number sharing its digit triples (90 ms). Its
        # candidates are the exact look-up's; these rowids (identifiers') are only counted.
        citizens = _lookup(_CITIZEN_PHONE, (national,), None, counted)
        cases = None
        directory = _lookup(_DIRECTORY_MATCH, (expression,), None, counted)
    elif expression is None:  # only a date of birth
        citizens = _lookup("SELECT c.rowid AS r FROM citizens c", (), typed, counted)
        cases = directory = None
    else:
        by_index = _CITIZEN_MATCH_BORN if typed.born else _CITIZEN_MATCH
        citizens = _lookup(by_index, (expression,), typed, counted)
        cases = None if typed.born else _lookup(_CASE_MATCH, (expression,), None, counted)
        directory = None if typed.born else _lookup(_DIRECTORY_MATCH, (expression,), None, counted)
    exact = _exact_lookup(typed, ranked)
    citizen_ids, case_ids, directory_ids, exact_ids = _rowid_lists(
        execute, [citizens, cases, directory, exact]
    )
    total = len(citizen_ids) + len(case_ids) + len(directory_ids)
    if whole:
        citizen_ids = []  # the identifiers' rowids: counted, the exact look-up's are the people
    candidates = list(dict.fromkeys(exact_ids + citizen_ids[:ranked]))[:ranked]  # exact first
    hits = rank_citizens(execute, candidates, typed, limit)
    if case_ids:
        rows = execute(_CASE_COLUMNS + rowid_in(case_ids[: max(ranked // 4, limit)]), ())
        hits += [_case_hit(c, rank.case_score(typed, c[1], c[6])) for c in rows]
    hits = best_first(hits)[:limit]
    if len(hits) < limit and directory_ids:
        rows = list(execute(_DIRECTORY_COLUMNS + rowid_in(directory_ids[:ranked], "d."), ()))
        rows = _as_survivor_entries(execute, rows)
        hits += _rank_directory(rows, typed, limit - len(hits))
    return SearchResults(hits, max(total, len(hits)), COUNTED)


_CASE_COLUMNS = (
    "SELECT id, reference, summary, service_code, status, updated_at, location_postcode FROM cases"
)
_DIRECTORY_COLUMNS = (
    "SELECT d.id, d.given_name, d.family_name, d.preferred_name, d.line, d.merged_into "
    "FROM directory_entries d"
)
# Whose full record is here is found as a citizen, never again as a directory entry.
_NOT_HELD = "NOT EXISTS (SELECT 1 FROM citizens c WHERE c.id = d.citizen_id)"
_CITIZEN_PREFIX = "SELECT c.rowid AS r FROM citizens c WHERE c.family_name LIKE ?"
_DIRECTORY_PREFIX = (
    f"SELECT d.rowid AS r FROM directory_entries d WHERE d.family_name LIKE ? AND {_NOT_HELD}"
)
# The index drives; a broad fragment stops at the count's limit.
_CITIZEN_MATCH = "SELECT rowid AS r FROM citizen_search WHERE citizen_search MATCH ?"
# With a date of birth, every match of the rest is read until enough were born that day.
_CITIZEN_MATCH_BORN = (
    "SELECT c.rowid AS r FROM citizen_search s JOIN citizens c ON c.rowid = s.rowid "
    "WHERE citizen_search MATCH ?"
)
# Counted in the identifier index alone (its entries, not the people's rows): one number held
# twice by the same person counts twice.
_CITIZEN_PHONE = "SELECT rowid AS r FROM identifiers WHERE kind = 'phone' AND normalised = ?"
_CASE_MATCH = "SELECT rowid AS r FROM case_search WHERE case_search MATCH ?"
_DIRECTORY_MATCH = (
    "SELECT d.rowid AS r FROM directory_search JOIN directory_entries d "
    f"ON d.rowid = directory_search.rowid WHERE directory_search MATCH ? AND {_NOT_HELD}"
)


Lookup = tuple[str, tuple[Any, ...]]
"""A statement selecting rowids as ``r``, with its parameters (its LIMIT included)."""


def _lookup(sql: str, params: tuple[Any, ...], typed: rank.Typed | None, limit: int) -> Lookup:
    """The first ``limit`` rowids ``sql`` finds; for citizens (``typed`` given), only those
    born on the date of birth typed, if one was."""
    if typed is not None and typed.born:
        glue = " AND " if " WHERE " in sql else " WHERE "
        sql, params = sql + glue + "c.date_of_birth = ?", (*params, typed.born)
    return f"{sql} LIMIT ?", (*params, limit)


def _rowid_lists(execute: Execute, lookups: list[Lookup | None]) -> list[list[int]]:
    """Every look-up's rowids in one statement and one row: each list joined by SQLite and
    split here, not a thousand rows through the driver."""
    asked = [lookup for lookup in lookups if lookup is not None]
    if not asked:
        return [[] for _ in lookups]
    columns = ", ".join(f"(SELECT group_concat(r) FROM ({sql}))" for sql, _ in asked)
    params = [p for _, lookup_params in asked for p in lookup_params]
    row = next(iter(execute(f"SELECT {columns}", params)))
    found = iter([int(r) for r in joined.split(",")] if joined else [] for joined in row)
    return [next(found) if lookup is not None else [] for lookup in lookups]


def _whole_number(typed: rank.Typed) -> str | None:
    """A whole UK number typed (11 digits from 0, the longest there is), in national form."""
    if typed.digits is None:
        return None
    national = typed.digits if typed.digits.startswith("0") else "0" + typed.digits
    return national if len(national) == 11 else None


def _exact_lookup(typed: rank.Typed, limit: int) -> Lookup | None:
    """Citizens matching exactly, by the name and identifier indexes: among the candidates
    however many others a broad fragment matches."""
    born, born_params = (" AND c.date_of_birth = ?", (typed.born,)) if typed.born else ("", ())
    if typed.digits is not None:
        national = typed.digits if typed.digits.startswith("0") else "0" + typed.digits
        sql = (
            "SELECT c.rowid AS r FROM identifiers i JOIN citizens c ON c.id = i.citizen_id "
            "WHERE i.kind = 'phone' AND i.normalised IN (?, ?)"
        )
        params: tuple[Any, ...] = (typed.digits, national)
    elif typed.name_like and len(typed.words) == 1:
        sql = "SELECT c.rowid AS r FROM citizens c WHERE c.family_name = ?"
        params = (typed.words[0],)
        if not typed.born:
            # The newest hundred, not the first by given name (30,000 Williamses at 1M would
            # all be Aarons): a sort of the surname's index entries, 1.6 ms at the most.
            return f"{sql} ORDER BY c.rowid DESC LIMIT ?", (*params, limit)
    elif typed.name_like and len(typed.words) > 1:
        variants = rank.name_variants(typed.words[0])
        marks = ",".join("?" * len(variants))
        sql = (
            "SELECT c.rowid AS r FROM citizens c "
            f"WHERE c.family_name = ? AND c.given_name IN ({marks})"
        )
        params = (typed.words[-1], *variants)
    elif typed.text and "@" in typed.text:
        sql = (
            "SELECT c.rowid AS r FROM identifiers i JOIN citizens c ON c.id = i.citizen_id "
            "WHERE i.kind IN ('email', 'social', 'app_account') AND i.normalised = ?"
        )
        params = (typed.text,)
    else:
        return None
    return f"{sql}{born} LIMIT ?", (*params, *born_params, limit)


def _as_survivor_entries(execute: Execute, rows: list[Sequence[Any]]) -> list[Sequence[Any]]:
    """A merged citizen's entry is found as its survivor's, once (its own phone finds the
    survivor); dropped when the survivor's full record is here (found as a citizen) or its
    entry is not."""
    merged = {row[0]: row[5] for row in rows if row[5]}
    if not merged:
        return rows
    wanted = sorted({DIRECTORY_PREFIX + s.split(":", 1)[1] for s in merged.values() if ":" in s})
    found = {
        row[0]: row
        for row in execute(
            _DIRECTORY_COLUMNS + f" WHERE d.id IN ({','.join('?' * len(wanted))}) AND {_NOT_HELD}",
            wanted,
        )
    }
    kept: dict[str, Sequence[Any]] = {}
    for row in rows:
        target = merged.get(row[0])
        if target is not None:
            survivor = found.get(DIRECTORY_PREFIX + target.split(":", 1)[1])
            if survivor is None or survivor[5]:  # gone, or itself merged: not chased further
                continue
            row = survivor
        kept.setdefault(row[0], row)
    return list(kept.values())


DIRECTORY_PREFIX = "directory:"


def _rank_directory(entries: list[Sequence[Any]], typed: rank.Typed, limit: int) -> list[SearchHit]:
    """Directory entries (already without those whose full record is held), best first."""
    hits = [
        SearchHit(
            "directory",
            entry_id,
            f"{preferred_name or given_name} {family_name}",
            line,
            rank.name_score(typed, given_name, family_name, preferred_name) or rank.OTHER,
            summary=True,
        )
        for entry_id, given_name, family_name, preferred_name, line, _merged in entries
    ]
    hits.sort(key=lambda h: (-h.score, h.title, h.id))
    return hits[: max(limit, 0)]


def _case_hit(case: Sequence[Any], score: int) -> SearchHit:
    case_id, reference, summary, service_code, status, updated_at, _postcode = case
    return SearchHit(
        "case",
        case_id,
        f"{reference} {summary}",
        service_code,
        score,
        status=status,
        updated_at=updated_at,
    )


@dataclass(frozen=True)
class DirectorySummary:
    """What the directory says about a citizen whose full record is not on this laptop."""

    id: str
    citizen_id: str
    name: str
    given_name: str
    family_name: str
    preferred_name: str | None
    language: str
    postcodes: str
    merged_into: str | None


def directory_summary(session: "Session", entry_id: str) -> DirectorySummary | None:
    """A directory hit's summary (None when the entry has gone since it was found)."""
    from caseworker.models import DirectoryEntry  # the quick read never needs the ORM

    row = session.get(DirectoryEntry, entry_id)
    if row is None:
        return None
    return DirectorySummary(
        row.id,
        row.citizen_id,
        row.display_name,
        row.given_name,
        row.family_name,
        row.preferred_name,
        row.language,
        row.postcodes,
        row.merged_into,
    )
