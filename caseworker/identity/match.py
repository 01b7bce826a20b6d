"""Scoring one pair of records: a match probability, its weight and the reasons, field by field.

Reasons are codes and values (``Reason.code`` such as ``"given.alias"`` with ``left="jon"``,
``right="john"``): the window translates them; ``explain.english`` renders them for the CLI.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from caseworker.identity import levels
from caseworker.identity.model import Model, default_model
from caseworker.identity.records import PersonRecord

# Identifier fields whose exact level is weighed by how common the shared value is.
_TERM_FREQUENCY = ("phone", "email", "handle")


@dataclass(frozen=True)
class Reason:
    """One field's evidence: ``field`` ("phone"), ``level`` ("exact"), the values on each
    side (canonical forms), the weight in bits it added, and for a shared identifier how
    many citizens hold it (0 when not known)."""

    field: str
    level: str
    left: str
    right: str
    weight: float
    holders: int = 0

    @property
    def code(self) -> str:
        return f"{self.field}.{self.level}"


@dataclass(frozen=True)
class Match:
    left: str  # the records' ids
    right: str
    probability: float
    weight: float
    reasons: list[Reason] = field(default_factory=list)
    swapped_names: bool = False

    @property
    def levels(self) -> dict[str, str]:
        return {r.field: r.level for r in self.reasons}


def probability(weight: float) -> float:
    if weight > 60:
        return 1.0
    if weight < -60:
        return 0.0
    odds: float = 2.0**weight
    return odds / (1 + odds)


def compare(
    a: PersonRecord,
    b: PersonRecord,
    model: Model | None = None,
    holders: Mapping[str, int] | None = None,
    population: int = 0,
) -> Match:
    """How likely ``a`` and ``b`` are one person, and why.

    ``holders`` (optional) counts the citizens holding each phone, email or handle value, out
    of ``population``: an exact match on a number ten citizens share (a family landline) then
    counts as what it is, weak evidence, instead of the average identifier's strength
    (Splink's term-frequency adjustment). It never counts against a match.
    """
    model = model or default_model()
    found = levels.compare_levels(a, b)
    swapped = False
    g2, f2 = levels.swapped(a, b)
    if g2[0] in ("exact", "alias") and f2[0] == "exact":
        straight = model.weight("given", found["given"][0]) + model.weight(
            "family", found["family"][0]
        )
        if model.weight("given", g2[0]) + model.weight("family", f2[0]) > straight:
            found["given"], found["family"], swapped = g2, f2, True
    total = model.prior_weight
    reasons = []
    for name, (level, left, right) in found.items():
        weight = model.weight(name, level)
        count = 0
        if holders is not None and name in _TERM_FREQUENCY and level == "exact":
            count = holders.get(left, 0)
            if count > 1 and population > 0:
                m = model.m[name][level]
                weight = max(0.0, min(weight, math.log2(m * population / count)))
        total += weight
        if level != "missing":
            reasons.append(Reason(name, level, left, right, weight, count))
    reasons.sort(key=lambda r: -abs(r.weight))
    return Match(a.id, b.id, probability(total), total, reasons, swapped)
