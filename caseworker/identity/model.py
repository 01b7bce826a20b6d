"""The Fellegi-Sunter model: for each field and level, m (how often a true match shows that
level) and u (how often two different people do), and the prior probability that two records
picked at random are one person.

A pair's match weight is log2(prior odds) plus, for each field, log2(m / u) of its level;
its probability is 2^w / (1 + 2^w). The product ships the learnt values in
caseworker/data/identity_model.json; ``caseworker identity train`` relearns them (train.py).
"""

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from caseworker.identity.levels import FIELDS

MODEL_FILE = "data/identity_model.json"
# No probability is ever exactly 0 or 1: one unseen level must not veto or force a match.
_FLOOR = 1e-6


@dataclass(frozen=True)
class Model:
    prior: float
    m: dict[str, dict[str, float]]
    u: dict[str, dict[str, float]]
    about: dict[str, Any] = field(default_factory=dict)

    def weight(self, field_name: str, level: str) -> float:
        """log2(m/u) of one level; 0 for a missing value or a level the model does not know."""
        if level == "missing":
            return 0.0
        m = self.m.get(field_name, {}).get(level)
        u = self.u.get(field_name, {}).get(level)
        if m is None or u is None:
            return 0.0
        return math.log2(max(m, _FLOOR) / max(u, _FLOOR))

    @property
    def prior_weight(self) -> float:
        p = min(max(self.prior, _FLOOR * _FLOOR), 1 - _FLOOR)
        return math.log2(p / (1 - p))

    def to_json(self) -> dict[str, Any]:
        rounded = {
            "m": {f: {k: round(v, 6) for k, v in levels.items()} for f, levels in self.m.items()},
            "u": {
                f: {k: float(f"{v:.4g}") for k, v in levels.items()} for f, levels in self.u.items()
            },
        }
        return {"about": self.about, "prior": float(f"{self.prior:.4g}"), **rounded}


def from_json(data: dict[str, Any]) -> Model:
    """A model from its JSON form; every field and level must be there with a number in 0..1."""
    m, u = data["m"], data["u"]
    for table in (m, u):
        for name, levels in FIELDS.items():
            for level in levels:
                value = table[name][level]
                if not isinstance(value, int | float) or not 0 <= value <= 1:
                    raise ValueError(f"{name}.{level}: {value!r} is not a probability")
    return Model(float(data["prior"]), m, u, data.get("about", {}))


@cache
def default_model() -> Model:
    """The model the product ships."""
    text = resources.files("caseworker").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return from_json(json.loads(text))


def save(model: Model, path: Path) -> None:
    path.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n", "utf-8")
