"""As-you-type search over citizens and cases.

The trigram index finds candidates by any fragment (name, phone digits, email, postcode, social
handle, case reference). Ranking is done on a bounded candidate set, never over every match:
on a million rows an ``ORDER BY rank`` over a broad fragment costs 50-100 ms.
"""

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from caseworker.ids import normalise_case_reference
from caseworker.models import Case, Citizen, Identifier
from caseworker.store import normalise

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


def search(session: Session, query: str, limit: int = 20) -> list[SearchHit]:
    query = query.strip()
    if not query:
        return []
    reference = normalise_case_reference(query)
    if reference is not None:
        case = session.execute(_CASE_COLUMNS.where(Case.reference == reference)).first()
        if case is not None:
            return [_case_hit(case, 1000)]
    terms = _terms(query)
    expression = _match_expression(terms)
    if expression is None:
        return _rank_citizens(session, _short_prefix(session, query, limit), [query.lower()], limit)
    citizen_ids = _matching_rowids(session, "citizen_search", expression, CANDIDATES)
    case_ids = _matching_rowids(session, "case_search", expression, CANDIDATES // 4)
    hits: list[SearchHit] = []
    if citizen_ids:
        rows = session.execute(_CITIZEN_COLUMNS.where(_rowid_in("citizens", citizen_ids))).all()
        hits += _rank_citizens(session, list(rows), terms, limit)
    if case_ids:
        first = terms[0].replace("-", "") if terms else ""
        for case in session.execute(_CASE_COLUMNS.where(_rowid_in("cases", case_ids))):
            compact = case.reference.lower().replace("-", "")
            hits.append(_case_hit(case, 90 if compact.startswith(first) else 30))
    hits.sort(key=lambda h: (-h.score, h.title))
    return hits[:limit]


_CITIZEN_COLUMNS = select(
    Citizen.id, Citizen.given_name, Citizen.family_name, Citizen.preferred_name
)
_CASE_COLUMNS = select(Case.id, Case.reference, Case.summary, Case.service_code, Case.status)


def _matching_rowids(session: Session, table: str, expression: str, limit: int) -> list[int]:
    sql = text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q LIMIT :n")
    return list(session.execute(sql, {"q": expression, "n": limit}).scalars())


def _rowid_in(table: str, rowids: list[int]) -> Any:
    return text(f"{table}.rowid IN ({','.join(str(int(r)) for r in rowids)})")


def _short_prefix(session: Session, query: str, limit: int) -> list[Any]:
    """One or two letters: family names starting with them (the index needs three)."""
    prefix = query.replace("%", "").replace("_", "")
    return list(
        session.execute(
            _CITIZEN_COLUMNS.where(Citizen.family_name.like(prefix + "%"))
            .order_by(Citizen.family_name, Citizen.given_name)
            .limit(limit)
        )
    )


def _rank_citizens(
    session: Session, citizens: list[Any], terms: list[str], limit: int
) -> list[SearchHit]:
    """Rank candidates by how their name matches, then describe only the ones shown."""
    first = terms[0] if terms else ""
    scored = []
    for c in citizens:
        full = f"{c.given_name} {c.family_name}".lower()
        score = 40  # found by an identifier (phone, email, postcode, handle)
        if full.startswith(first) or c.family_name.lower().startswith(first):
            score = 100
        elif any(w.startswith(first) for w in full.split()):
            score = 80
        elif first in full:
            score = 60
        name = f"{c.preferred_name or c.given_name} {c.family_name}"
        scored.append((score, name, c.id))
    scored.sort(key=lambda s: (-s[0], s[1]))
    shown = scored[:limit]
    details: dict[str, dict[str, str]] = {}
    if shown:
        for citizen_id, kind, value, postcode in session.execute(
            select(Identifier.citizen_id, Identifier.kind, Identifier.value, Identifier.postcode)
            .where(Identifier.citizen_id.in_([s[2] for s in shown]))
            .order_by(Identifier.id)
        ):
            found = details.setdefault(citizen_id, {})
            found.setdefault(kind, (postcode if kind == "address" else value) or "")
    hits = []
    for score, name, citizen_id in shown:
        d = details.get(citizen_id, {})
        detail = " · ".join(x for x in (d.get("address"), d.get("phone"), d.get("email")) if x)
        hits.append(SearchHit("citizen", citizen_id, name, detail, score))
    return hits


def _case_hit(case: Any, score: int) -> SearchHit:
    return SearchHit(
        "case",
        case.id,
        f"{case.reference} {case.summary}",
        f"{case.service_code} · {case.status}",
        score,
    )
