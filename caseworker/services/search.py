"""As-you-type search over citizens and cases.

The trigram index finds candidates by any fragment (name, phone digits, email, postcode, social
handle, case reference). Ranking is done on a bounded candidate set, never over every match:
on a million rows an ``ORDER BY rank`` over a broad fragment costs 50-100 ms.
"""

import re
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from caseworker.ids import normalise_case_reference
from caseworker.models import Case, Citizen, Identifier
from caseworker.store import normalise

CANDIDATES = 200
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
        case = session.scalar(select(Case).where(Case.reference == reference))
        if case is not None:
            return [_case_hit(case, 1000)]
    terms = _terms(query)
    expression = _match_expression(terms)
    if expression is None:
        return _short_prefix(session, query, limit)
    citizen_rows = (
        session.execute(
            text("SELECT rowid FROM citizen_search WHERE citizen_search MATCH :q LIMIT :n"),
            {"q": expression, "n": CANDIDATES},
        )
        .scalars()
        .all()
    )
    case_rows = (
        session.execute(
            text("SELECT rowid FROM case_search WHERE case_search MATCH :q LIMIT :n"),
            {"q": expression, "n": CANDIDATES // 4},
        )
        .scalars()
        .all()
    )
    hits: list[SearchHit] = []
    if citizen_rows:
        citizens = (
            session.execute(
                select(Citizen).where(
                    text("citizens.rowid IN (SELECT value FROM json_each(:ids))")
                ),
                {"ids": "[" + ",".join(map(str, citizen_rows)) + "]"},
            )
            .scalars()
            .all()
        )
        hits += _rank_citizens(session, list(citizens), terms)
    if case_rows:
        cases = (
            session.execute(
                select(Case).where(text("cases.rowid IN (SELECT value FROM json_each(:ids))")),
                {"ids": "[" + ",".join(map(str, case_rows)) + "]"},
            )
            .scalars()
            .all()
        )
        first = terms[0].replace("-", "") if terms else ""
        hits += [
            _case_hit(c, 90 if c.reference.lower().replace("-", "").startswith(first) else 30)
            for c in cases
        ]
    hits.sort(key=lambda h: (-h.score, h.title))
    return hits[:limit]


def _short_prefix(session: Session, query: str, limit: int) -> list[SearchHit]:
    """One or two letters: family names starting with them (the index needs three)."""
    prefix = query.replace("%", "").replace("_", "")
    citizens = session.scalars(
        select(Citizen)
        .where(Citizen.family_name.like(prefix + "%"))
        .order_by(Citizen.family_name, Citizen.given_name)
        .limit(limit)
    ).all()
    return _rank_citizens(session, list(citizens), [prefix.lower()])


def _rank_citizens(session: Session, citizens: list[Citizen], terms: list[str]) -> list[SearchHit]:
    if not citizens:
        return []
    contacts: dict[str, list[Identifier]] = {}
    for ident in session.scalars(
        select(Identifier).where(Identifier.citizen_id.in_([c.id for c in citizens]))
    ):
        contacts.setdefault(ident.citizen_id, []).append(ident)
    first = terms[0] if terms else ""
    hits = []
    for c in citizens:
        full = f"{c.given_name} {c.family_name}".lower()
        score = 40  # found by an identifier (phone, email, postcode, handle)
        if full.startswith(first) or c.family_name.lower().startswith(first):
            score = 100
        elif any(w.startswith(first) for w in full.split()):
            score = 80
        elif first in full:
            score = 60
        idents = contacts.get(c.id, [])
        detail = " · ".join(
            x
            for x in (
                _first(idents, "address", postcode=True),
                _first(idents, "phone"),
                _first(idents, "email"),
            )
            if x
        )
        hits.append(SearchHit("citizen", c.id, c.display_name, detail, score))
    return hits


def _first(idents: list[Identifier], kind: str, postcode: bool = False) -> str | None:
    for ident in idents:
        if ident.kind == kind:
            return ident.postcode if postcode else ident.value
    return None


def _case_hit(case: Case, score: int) -> SearchHit:
    return SearchHit(
        "case",
        case.id,
        f"{case.reference} {case.summary}",
        f"{case.service_code} · {case.status}",
        score,
    )
