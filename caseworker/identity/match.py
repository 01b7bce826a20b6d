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

# At or above this, a pair is taken to be one person (precision and recall measured against
# the seed's answer key by ``caseworker bench match``; see docs/identity.md).
THRESHOLD = 0.7
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
    *,
    whole_council: bool = False,
) -> Match:
    """How likely ``a`` and ``b`` are one person, and why.

    ``holders`` (optional) counts the citizens holding each phone, email or handle value, out
    of ``population`` (which also scales the model's prior, learnt on a store of another
    size, to this one): an exact match on a number ten citizens share (a family landline) then
    counts as what it is, weak evidence, instead of the average identifier's strength
    (Splink's term-frequency adjustment). It never counts against a match.
    """
    model = model or default_model()
    found = levels.compare_levels(a, b)
    near = found["home"][0] in ("same", "postcode")
    swapped = False
    g2, f2 = levels.swapped(a, b)
    if g2[0] in ("exact", "alias") and f2[0] == "exact":
        straight = model.weight("given", found["given"][0], near) + model.weight(
            "family", found["family"][0], near
        )
        if model.weight("given", g2[0], near) + model.weight("family", f2[0], near) > straight:
            found["given"], found["family"], swapped = g2, f2, True
    total = model.prior_weight
    trained_on = model.about.get("population")
    if isinstance(trained_on, int) and population > trained_on > 0:
        # The prior is per pair: against N citizens a contact is 1/N as likely to be any one.
        # Only ever lowered: a laptop's small store holds few citizens, not likelier ones.
        total += math.log2(trained_on / population)
    reasons = []
    for name, (level, left, right) in found.items():
        weight = model.weight(name, level, near)
        count = 0
        if holders is not None and name in _TERM_FREQUENCY and level == "exact":
            count = holders.get(left, 0)
            m = model.m[name][level]
            scale = max(population, trained_on if isinstance(trained_on, int) else 0)
            if whole_council and count >= 1 and scale > 0:
                weight = max(0.0, math.log2(m * scale / count))
            elif count > 1 and population > 0:
                weight = max(0.0, min(weight, math.log2(m * population / count)))
        total += weight
        if level != "missing":
            reasons.append(Reason(name, level, left, right, weight, count))
    reasons.sort(key=lambda r: -abs(r.weight))
    return Match(a.id, b.id, probability(total), total, reasons, swapped)
