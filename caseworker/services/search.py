"""As-you-type search over citizens, cases and the citizen directory.

Full records come first. Then the directory (an agent's laptop holds a summary of every
citizen of the council, to find any caller): its hits are their own kind, ``directory``, a
summary whose full record is not on this laptop; an entry whose citizen's full record is
held never shows (the record does instead), so nobody is listed twice.

The trigram index finds candidates by any fragment (name, phone digits, email, postcode, social
handle, case reference). Ranking is done on a bounded candidate set, never over every match:
on a million rows an ``ORDER BY rank`` over a broad fragment costs 50-100 ms.

The queries are plain SQL run through an ``Execute`` function, so the same code serves the
window (a Session, ``search``) and ``caseworker search`` (a bare connection, ``search_with``),
whose start-up cannot afford to import SQLAlchemy.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caseworker.ids import normalise_case_reference
from caseworker.store import normalise

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Execute = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]
"""Runs one SQL statement with ``?`` parameters and gives its rows (``connection.execute``)."""

CANDIDATES = 100
_PHONEISH = re.compile(r"^[+\d][\d\s()-]*$")


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "citizen", "case" or "directory"
    id: str
    title: str
    detail: str
    score: int
    # Only a summary from the citizen directory: the person's full record is not here.
    summary: bool = False


def fts_phrase(term: str) -> str:
    """Quote a user's fragment for FTS5 MATCH, so O'Neill or "x" AND y are just text."""
    return '"' + term.replace('"', '""') + '"'


def _terms(query: str) -> list[str]:
    q = query.strip().lower()
    if _PHONEISH.match(q) and sum(c.isdigit() for c in q) >= 3:
        digits = re.sub(r"\D", "", q.replace("(0)", ""))
        if q.startswith("+44"):
            digits = "0" + digits[2:]  # the index holds national numbers
        return [digits]
    words = [w for w in re.split(r"\s+", q) if w]
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
        return session.connection().exec_driver_sql(sql, tuple(params))

    return execute


def search(session: "Session", query: str, limit: int = 20) -> list[SearchHit]:
    return search_with(session_execute(session), query, limit)


def search_with(execute: Execute, query: str, limit: int = 20) -> list[SearchHit]:
    """Up to ``limit`` hits for what a person typed, best first."""
    query = query.strip()
    if not query:
        return []
    reference = normalise_case_reference(query)
    if reference is not None:
        for case in execute(_CASE_COLUMNS + " WHERE reference = ? LIMIT 1", (reference,)):
            return [_case_hit(case, 1000)]
    terms = _terms(query)
    expression = _match_expression(terms)
    if expression is None:
        rows = _short_prefix(execute, _CITIZEN_COLUMNS, query, limit)
        found = _rank_citizens(execute, rows, [query.lower()], limit)
        if len(found) < limit:
            rows = _short_prefix(execute, _DIRECTORY_COLUMNS + _NOT_HELD, query, limit)
            found += _rank_directory(rows, [query.lower()], limit - len(found))
        return found
    # A longer list asked for (``search --limit 500``) ranks a larger candidate set.
    candidates = max(CANDIDATES, limit + 1)
    citizen_ids = _matching_rowids(execute, "citizen_search", expression, candidates)
    case_ids = _matching_rowids(execute, "case_search", expression, max(candidates // 4, limit))
    hits: list[SearchHit] = []
    if citizen_ids:
        rows = list(execute(_CITIZEN_COLUMNS + _rowid_in(citizen_ids), ()))
        hits += _rank_citizens(execute, rows, terms, limit)
    if case_ids:
        first = terms[0].replace("-", "") if terms else ""
        for case in execute(_CASE_COLUMNS + _rowid_in(case_ids), ()):
            compact = case[1].lower().replace("-", "")
            hits.append(_case_hit(case, 90 if compact.startswith(first) else 30))
    hits.sort(key=lambda h: (-h.score, h.title))
    hits = hits[:limit]
    if len(hits) < limit:
        rows = list(execute(_DIRECTORY_MATCH, (expression, candidates)))
        hits += _rank_directory(rows, terms, limit - len(hits))
    return hits


_CITIZEN_COLUMNS = "SELECT id, given_name, family_name, preferred_name FROM citizens"
_CASE_COLUMNS = "SELECT id, reference, summary, service_code, status FROM cases"
_DIRECTORY_COLUMNS = (
    "SELECT d.id, d.given_name, d.family_name, d.preferred_name, d.line FROM directory_entries d"
)
# Whose full record is here is found as a citizen, never again as a directory entry.
_NOT_HELD = " WHERE NOT EXISTS (SELECT 1 FROM citizens c WHERE c.id = d.citizen_id)"
# The index drives (a broad fragment stops at the candidate limit), held citizens skipped.
_DIRECTORY_MATCH = (
    "SELECT d.id, d.given_name, d.family_name, d.preferred_name, d.line "
    "FROM directory_search JOIN directory_entries d ON d.rowid = directory_search.rowid "
    "WHERE directory_search MATCH ? "
    "AND NOT EXISTS (SELECT 1 FROM citizens c WHERE c.id = d.citizen_id) LIMIT ?"
)


def _matching_rowids(execute: Execute, table: str, expression: str, limit: int) -> list[int]:
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?"
    return [int(row[0]) for row in execute(sql, (expression, limit))]


def _rowid_in(rowids: list[int]) -> str:
    return f" WHERE rowid IN ({','.join(str(int(r)) for r in rowids)})"


def _short_prefix(execute: Execute, select: str, query: str, limit: int) -> list[Sequence[Any]]:
    """One or two letters: family names starting with them (the index needs three)."""
    prefix = query.replace("%", "").replace("_", "")
    where = " AND" if " WHERE " in select else " WHERE"
    sql = select + where + " family_name LIKE ? ORDER BY family_name, given_name LIMIT ?"
    return list(execute(sql, (prefix + "%", limit)))


def _name_score(first: str, given_name: str, family_name: str) -> int:
    """How well a person's name matches the first term typed (40: found by something else)."""
    full = f"{given_name} {family_name}".lower()
    if full.startswith(first) or family_name.lower().startswith(first):
        return 100
    if any(w.startswith(first) for w in full.split()):
        return 80
    return 60 if first in full else 40


def _rank_citizens(
    execute: Execute, citizens: list[Sequence[Any]], terms: list[str], limit: int
) -> list[SearchHit]:
    """Rank candidates by how their name matches, then describe only the ones shown."""
    first = terms[0] if terms else ""
    scored = []
    for citizen_id, given_name, family_name, preferred_name in citizens:
        score = _name_score(first, given_name, family_name)
        name = f"{preferred_name or given_name} {family_name}"
        scored.append((score, name, citizen_id))
    scored.sort(key=lambda s: (-s[0], s[1]))
    shown = scored[:limit]
    details: dict[str, dict[str, str]] = {}
    if shown:
        marks = ",".join("?" * len(shown))
        sql = (
            "SELECT citizen_id, kind, value, postcode FROM identifiers "
            f"WHERE citizen_id IN ({marks}) ORDER BY id"
        )
        for citizen_id, kind, value, postcode in execute(sql, [s[2] for s in shown]):
            found = details.setdefault(citizen_id, {})
            found.setdefault(kind, (postcode if kind == "address" else value) or "")
    hits = []
    for score, name, citizen_id in shown:
        d = details.get(citizen_id, {})
        detail = " · ".join(x for x in (d.get("address"), d.get("phone"), d.get("email")) if x)
        hits.append(SearchHit("citizen", citizen_id, name, detail, score))
    return hits


def _rank_directory(entries: list[Sequence[Any]], terms: list[str], limit: int) -> list[SearchHit]:
    """Directory entries (already without those whose full record is held), best first."""
    first = terms[0] if terms else ""
    hits = [
        SearchHit(
            "directory",
            entry_id,
            f"{preferred_name or given_name} {family_name}",
            line,
            _name_score(first, given_name, family_name),
            summary=True,
        )
        for entry_id, given_name, family_name, preferred_name, line in entries
    ]
    hits.sort(key=lambda h: (-h.score, h.title, h.id))
    return hits[: max(limit, 0)]


def _case_hit(case: Sequence[Any], score: int) -> SearchHit:
    case_id, reference, summary, service_code, status = case
    return SearchHit("case", case_id, f"{reference} {summary}", f"{service_code} · {status}", score)


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
