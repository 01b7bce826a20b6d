"""As-you-type search over citizens and cases.

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
    kind: str  # "citizen" or "case"
    id: str
    title: str
    detail: str
    score: int


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
        return _rank_citizens(execute, _short_prefix(execute, query, limit), [query.lower()], limit)
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
    return hits[:limit]


_CITIZEN_COLUMNS = "SELECT id, given_name, family_name, preferred_name FROM citizens"
_CASE_COLUMNS = "SELECT id, reference, summary, service_code, status FROM cases"


def _matching_rowids(execute: Execute, table: str, expression: str, limit: int) -> list[int]:
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?"
    return [int(row[0]) for row in execute(sql, (expression, limit))]


def _rowid_in(rowids: list[int]) -> str:
    return f" WHERE rowid IN ({','.join(str(int(r)) for r in rowids)})"


def _short_prefix(execute: Execute, query: str, limit: int) -> list[Sequence[Any]]:
    """One or two letters: family names starting with them (the index needs three)."""
    prefix = query.replace("%", "").replace("_", "")
    sql = _CITIZEN_COLUMNS + " WHERE family_name LIKE ? ORDER BY family_name, given_name LIMIT ?"
    return list(execute(sql, (prefix + "%", limit)))


def _rank_citizens(
    execute: Execute, citizens: list[Sequence[Any]], terms: list[str], limit: int
) -> list[SearchHit]:
    """Rank candidates by how their name matches, then describe only the ones shown."""
    first = terms[0] if terms else ""
    scored = []
    for citizen_id, given_name, family_name, preferred_name in citizens:
        full = f"{given_name} {family_name}".lower()
        score = 40  # found by an identifier (phone, email, postcode, handle)
        if full.startswith(first) or family_name.lower().startswith(first):
            score = 100
        elif any(w.startswith(first) for w in full.split()):
            score = 80
        elif first in full:
            score = 60
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


def _case_hit(case: Sequence[Any], score: int) -> SearchHit:
    case_id, reference, summary, service_code, status = case
    return SearchHit("case", case_id, f"{reference} {summary}", f"{service_code} · {status}", score)
