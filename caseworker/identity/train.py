"""Learning the model's m and u probabilities from the citizens in a store, as Splink does.

- u (how often two different people agree at a level) from random pairs: nearly all random
  pairs are different people.
- m (how often one person's two records agree at a level) by expectation-maximisation over
  blocked pairs. Each blocking rule is its own training session, and the fields a rule
  blocks on are left out of its session (all its pairs agree on them, so they say nothing
  about m); each field's m is the mean over the sessions that could estimate it.
- The prior: the expected number of matching pairs among the blocked pairs, over all pairs.
  Pairs no rule finds are not counted, so the prior errs low (fewer false links).
"""

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from caseworker.identity.levels import FIELDS, compare_levels
from caseworker.identity.match import compare, probability
from caseworker.identity.model import Model, default_model
from caseworker.identity.records import PersonRecord, load_people

Levels = dict[str, str]
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Session_:
    rule: str  # key prefix (keys.py)
    blocks: frozenset[str]  # fields this rule holds equal or near: not estimated by it


# Rules whose pairs are mostly one person, so EM finds the matches and not another cluster
# (pairs blocked on name and postcode are full of households and namesakes).
SESSIONS = (
    Session_("e", frozenset({"email"})),
    Session_("d", frozenset({"given", "dob"})),
)
_MAX_BLOCK = 50
_ITERATIONS = 25
_SMOOTH = 0.5  # added to each level's count: no level is ever certain or impossible


def _levels(a: PersonRecord, b: PersonRecord) -> Levels:
    return {name: level[0] for name, level in compare_levels(a, b).items()}


def _proportions(pairs: Sequence[Levels], weights: Sequence[float]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for name, levels in FIELDS.items():
        counts = dict.fromkeys(levels, _SMOOTH)
        for pair, w in zip(pairs, weights, strict=True):
            level = pair[name]
            if level != "missing":
                counts[level] += w
        total = sum(counts.values())
        out[name] = {level: c / total for level, c in counts.items()}
    return out


def estimate_u(
    people: Sequence[PersonRecord], pairs: int, rng: random.Random
) -> dict[str, dict[str, float]]:
    sample = [_levels(*rng.sample(people, 2)) for _ in range(pairs) if len(people) >= 2]
    return _proportions(sample, [1.0] * len(sample))


def blocked_pairs(session: Session, rule: str, limit: int) -> list[tuple[str, str]]:
    """Pairs of live citizens sharing a key of one rule, from blocks of at most _MAX_BLOCK."""
    rows = session.execute(
        text(
            "SELECT a.citizen_id, b.citizen_id FROM citizen_match_keys a "
            "JOIN citizen_match_keys b ON b.key = a.key AND b.citizen_id > a.citizen_id "
            "WHERE a.key >= :lo AND a.key < :hi AND a.key IN ("
            "  SELECT key FROM citizen_match_keys WHERE key >= :lo AND key < :hi "
            "  GROUP BY key HAVING count(*) <= :most) LIMIT :limit"
        ),
        {"lo": f"{rule}:", "hi": f"{rule};", "most": _MAX_BLOCK, "limit": limit},
    )
    return list(dict.fromkeys((a, b) for a, b in rows))


def postcode_pairs(session: Session, limit: int) -> list[tuple[str, str]]:
    """Pairs of live citizens with a home at one postcode (nearly all different people), up
    to ``limit``; grouped here, since the postcode column has no index of its own."""
    homes: dict[str, set[str]] = {}
    rows = session.execute(
        text("SELECT postcode, citizen_id FROM identifiers WHERE kind = 'address'")
    )
    for code, citizen in rows:
        if code:
            homes.setdefault(code, set()).add(citizen)
    pairs: list[tuple[str, str]] = []
    for people in homes.values():
        if 1 < len(people) <= _MAX_BLOCK:
            ordered = sorted(people)
            pairs += [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
            if len(pairs) >= limit:
                break
    return pairs[:limit]


def _em(
    pairs: Sequence[Levels], u: dict[str, dict[str, float]], start: Model, blocks: frozenset[str]
) -> tuple[dict[str, dict[str, float]], list[float]]:
    used = [name for name in FIELDS if name not in blocks]
    m = {name: dict(start.m[name]) for name in FIELDS}
    share = 0.1
    p: list[float] = []
    for _ in range(_ITERATIONS):
        prior = math.log2(share / (1 - share))
        p = []
        for pair in pairs:
            w = prior
            for name in used:
                level = pair[name]
                if level != "missing":
                    w += math.log2(max(m[name][level], 1e-9) / max(u[name][level], 1e-9))
            p.append(probability(w))
        fresh = _proportions(pairs, p)
        m.update({name: fresh[name] for name in used})
        share = min(max(sum(p) / max(len(p), 1), 1e-6), 1 - 1e-6)
    return {name: m[name] for name in used}, p


def expected_matches(session: Session, model: Model, limit: int) -> float:
    """How many of the pairs sharing any blocking key are matches: the share of matches
    among them found by EM on that share alone (m and u fixed), times their number."""
    pairs: set[tuple[str, str]] = set()
    for rule in ("p", "e", "h", "u", "q", "r", "d", "n", "f", "g", "s"):
        pairs.update(blocked_pairs(session, rule, limit))
    people = load_people(session, {i for pair in pairs for i in pair})
    found = [(people[a], people[b]) for a, b in pairs if a in people and b in people]
    # Each pair's weight without the prior, once; then only the prior is learnt.
    even = Model(0.5, model.m, model.u, model.u_near)
    weights = [compare(a, b, even).weight for a, b in found]
    share, total = model.prior, 0.0
    for _ in range(_ITERATIONS):
        logit = math.log2(share / (1 - share))
        total = sum(probability(w + logit) for w in weights)
        share = min(max(total / max(len(found), 1), 1e-6), 1 - 1e-6)
    return total


def _mean(
    tables: list[tuple[float, dict[str, float]]], fallback: dict[str, float]
) -> dict[str, float]:
    total = sum(w for w, _ in tables)
    if total <= 0:
        return dict(fallback)
    return {level: sum(w * t[level] for w, t in tables) / total for level in fallback}


def train(
    session: Session,
    *,
    u_people: int = 20_000,
    u_pairs: int = 200_000,
    em_pairs: int = 200_000,
    seed: int = 1,
    progress: Progress | None = None,
) -> Model:
    """A model learnt from the live citizens in the store."""
    say = progress or (lambda _: None)
    rng = random.Random(seed)
    ids = list(session.execute(text("SELECT id FROM citizens WHERE merged_into IS NULL")).scalars())
    population = len(ids)
    sample = load_people(session, rng.sample(ids, min(u_people, population)))
    say(f"u from {u_pairs:,} random pairs of {len(sample):,} citizens")
    u = estimate_u(list(sample.values()), u_pairs, rng)
    start = default_model()
    # Each session's estimates, weighted by how many matches it found.
    estimates: dict[str, list[tuple[float, dict[str, float]]]] = {name: [] for name in FIELDS}
    for s in SESSIONS:
        pairs = blocked_pairs(session, s.rule, em_pairs)
        people = load_people(session, {i for pair in pairs for i in pair})
        levels = [_levels(people[a], people[b]) for a, b in pairs if a in people and b in people]
        say(f"m by EM over {len(levels):,} pairs blocked by rule {s.rule!r}")
        m, p = _em(levels, u, start, s.blocks)
        for name, table in m.items():
            estimates[name].append((sum(p), table))
    m_final = {name: _mean(tables, start.m[name]) for name, tables in estimates.items()}
    say("u of names among pairs at one postcode")
    near_pairs = postcode_pairs(session, u_pairs)
    near_people = load_people(session, {i for pair in near_pairs for i in pair})
    # Only pairs whose birth dates show them to be two people: pairs at one postcode include
    # most duplicates (few people move), which would make a shared name look common there.
    apart = [
        lv
        for lv in (_levels(near_people[a], near_people[b]) for a, b in near_pairs)
        if lv["dob"] in ("different", "year")
    ]
    near = _proportions(apart, [1.0] * len(apart))
    names = {"given": near["given"], "family": near["family"]}
    say("the prior: expected matches among the pairs every rule blocks")
    matching = expected_matches(session, Model(0.1, m_final, u, names), em_pairs)
    all_pairs = population * (population - 1) / 2
    prior = matching / all_pairs if all_pairs else start.prior
    about = {
        "trained_on": f"{population} citizens",
        "population": population,
        "method": "Fellegi-Sunter; u from random pairs; m by EM over pairs blocked by rules "
        + ", ".join(s.rule for s in SESSIONS),
    }
    return Model(prior, m_final, u, names, about)
