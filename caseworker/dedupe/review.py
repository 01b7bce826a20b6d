"""Likely duplicates as a supervisor reviews them: the list, and one pair side by side.

The list is the last scan's candidates (``caseworker.dedupe.scan``) less those settled since:
either citizen merged, or the pair decided to be different people (on any laptop: the
decision is a synced document). A pair opened from a citizen's record is scored afresh.
"""

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from caseworker.dedupe.scan import reasons_json
from caseworker.errors import NotFoundError
from caseworker.identity.match import compare
from caseworker.identity.records import load_people
from caseworker.models import (
    Case,
    Citizen,
    DistinctPair,
    DuplicateCandidate,
    Identifier,
    Interaction,
)


@dataclass(frozen=True)
class Reason:
    code: str  # e.g. "given.alias": what the window translates
    left: str
    right: str
    text: str  # in English words, for the command line


@dataclass(frozen=True)
class Candidate:
    first_id: str
    second_id: str
    first_name: str
    second_name: str
    score: float
    reasons: tuple[Reason, ...]


def _reasons(text: str) -> tuple[Reason, ...]:
    try:
        items = json.loads(text)
    except ValueError:
        return ()
    return tuple(
        Reason(
            str(i.get("code", "")),
            str(i.get("left", "")),
            str(i.get("right", "")),
            str(i.get("text", "")),
        )
        for i in items
        if isinstance(i, dict)
    )


def candidates(session: Session, limit: int = 200, offset: int = 0) -> list[Candidate]:
    """The likely duplicates still to review, most likely first."""
    first, second = aliased(Citizen), aliased(Citizen)
    rows = session.execute(
        select(
            DuplicateCandidate,
            first.given_name,
            first.family_name,
            second.given_name,
            second.family_name,
        )
        .join(first, first.id == DuplicateCandidate.first_id)
        .join(second, second.id == DuplicateCandidate.second_id)
        .where(first.merged_into.is_(None), second.merged_into.is_(None))
        .where(
            ~select(DistinctPair.id)
            .where(
                DistinctPair.first_id == DuplicateCandidate.first_id,
                DistinctPair.second_id == DuplicateCandidate.second_id,
            )
            .exists()
        )
        .order_by(DuplicateCandidate.score.desc(), DuplicateCandidate.first_id)
        .limit(limit)
        .offset(offset)
    ).all()
    return [
        Candidate(c.first_id, c.second_id, f"{g1} {f1}", f"{g2} {f2}", c.score, _reasons(c.reasons))
        for c, g1, f1, g2, f2 in rows
    ]


@dataclass(frozen=True)
class Side:
    """One record of a pair, as compared field by field."""

    id: str
    given_name: str
    family_name: str
    preferred_name: str | None
    date_of_birth: str | None
    language: str
    created_at: str
    identifiers: dict[str, tuple[str, ...]]  # by kind, every value kept
    cases: int
    contacts: int


@dataclass(frozen=True)
class Pair:
    left: Side
    right: Side
    score: float
    reasons: tuple[Reason, ...]


def _side(session: Session, citizen_id: str) -> Side:
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise NotFoundError(f"no citizen with id {citizen_id}")
    by_kind: dict[str, list[str]] = {}
    for kind, value in session.execute(
        select(Identifier.kind, Identifier.value)
        .where(Identifier.citizen_id == citizen_id)
        .order_by(Identifier.kind, Identifier.added_at)
    ):
        by_kind.setdefault(kind, []).append(value)
    count: Any = func.count()
    return Side(
        citizen.id,
        citizen.given_name,
        citizen.family_name,
        citizen.preferred_name,
        citizen.date_of_birth,
        citizen.language,
        citizen.created_at.isoformat(),
        {k: tuple(v) for k, v in by_kind.items()},
        int(session.scalar(select(count).where(Case.citizen_id == citizen_id)) or 0),
        int(session.scalar(select(count).where(Interaction.citizen_id == citizen_id)) or 0),
    )


def pair(session: Session, a: str, b: str) -> Pair:
    """Two citizens side by side, scored now, with the reasons."""
    left, right = _side(session, a), _side(session, b)
    people = load_people(session, [a, b])
    match = compare(people[a], people[b])
    return Pair(left, right, match.probability, _reasons(reasons_json(match)))


OF_ONE_THRESHOLD = 0.5  # from a citizen's record, the likely and the possible are shown


def duplicates_of(session: Session, citizen_id: str, limit: int = 20) -> list[Candidate]:
    """Citizens who may be this one, scored now (blocking on its keys, as a contact is
    matched), less those decided to be different people."""
    from caseworker.identity.matcher import find_matches

    me = load_people(session, [citizen_id]).get(citizen_id)
    if me is None:
        raise NotFoundError(f"no citizen with id {citizen_id}")
    found = find_matches(session, me, limit=limit)
    names = dict(
        session.execute(
            select(Citizen.id, Citizen.given_name + " " + Citizen.family_name).where(
                Citizen.id.in_([citizen_id, *(m.right for m in found.matches)])
            )
        ).all()
    )
    out = []
    for match in found.matches:
        other = match.right
        if other == citizen_id or match.probability < OF_ONE_THRESHOLD:
            continue
        first, second = sorted((citizen_id, other))
        if session.scalar(
            select(DistinctPair.id).where(
                DistinctPair.first_id == first, DistinctPair.second_id == second
            )
        ):
            continue
        out.append(
            Candidate(
                citizen_id,
                other,
                names.get(citizen_id, citizen_id),
                names.get(other, other),
                match.probability,
                _reasons(reasons_json(match)),
            )
        )
    return out
