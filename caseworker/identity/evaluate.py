"""Measuring the matcher against the seed's answer key: precision, recall, and speed.

Each seeded duplicate, each namesake and a sample of other citizens is looked up as a contact
(``find_matches``, itself left out). A pair the matcher puts at or above the threshold is a
true positive when the answer key says the two are one person (directly, or through a third
record of the same person), else a false positive. Recall counts every duplicate pair of the
key: those blocking never offered count as misses, and are also scored directly so the report
says how many of them the model alone would have caught.
"""

import random
import time
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from caseworker.identity.levels import compare_levels
from caseworker.identity.match import THRESHOLD, compare
from caseworker.identity.matcher import find_matches
from caseworker.identity.model import Model, default_model
from caseworker.identity.records import load_people
from caseworker.seed.duplicates import Answers
from caseworker.store.store import Store


@dataclass
class Quality:
    threshold: float
    duplicate_pairs: int = 0
    found: int = 0  # duplicate pairs at or above the threshold
    blocked: int = 0  # duplicate pairs blocking offered to the model
    missed_by_blocking_but_scored_above: int = 0
    predicted: int = 0  # distinct pairs at or above the threshold
    false_positives: list[tuple[str, str, float]] = field(default_factory=list)
    two_field_share: float = 0.0  # duplicate pairs differing in two or more fields
    timings_ms: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return (
            (self.predicted - len(self.false_positives)) / self.predicted if self.predicted else 1.0
        )

    @property
    def recall(self) -> float:
        return self.found / self.duplicate_pairs if self.duplicate_pairs else 1.0

    @property
    def blocking_recall(self) -> float:
        return self.blocked / self.duplicate_pairs if self.duplicate_pairs else 1.0


def clusters(answers: Answers) -> dict[str, str]:
    """Each record's person (union-find over the duplicate pairs)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for dup, original, _ in answers.duplicates:
        parent.setdefault(original, original)
        parent[root(dup)] = root(original)
    return {x: root(x) for x in parent}  # originals too: two copies of one are one person


def _sample_ids(session: Session, count: int) -> list[str]:
    rows = session.execute(
        text("SELECT id FROM citizens WHERE merged_into IS NULL ORDER BY rowid LIMIT :n OFFSET 50"),
        {"n": count},
    )
    return list(rows.scalars())


def measure(
    store: Store,
    answers: Answers,
    *,
    threshold: float = THRESHOLD,
    others: int = 1000,
    sample: int | None = None,
    model: Model | None = None,
) -> Quality:
    """Look every answer-key record up as a contact, each in its own read transaction (as
    the window's worker runs one look-up). ``sample``: only that many duplicate pairs and
    namesake pairs each, picked at random (the same ones every run)."""
    model = model or default_model()
    person = clusters(answers)  # of the whole key: a sampled pair's other copies are true too
    if sample is not None:
        rng = random.Random(sample)
        answers = Answers(
            rng.sample(answers.duplicates, min(sample, len(answers.duplicates))),
            rng.sample(answers.namesakes, min(sample, len(answers.namesakes))),
        )
    quality = Quality(threshold)
    queries = [d for d, _, _ in answers.duplicates] + [a for a, _ in answers.namesakes]
    with store.read() as first:
        queries += [i for i in _sample_ids(first, others) if i not in person]
        records = load_people(first, {*queries, *(o for _, o, _ in answers.duplicates)})
    true_pairs = {frozenset((d, o)) for d, o, _ in answers.duplicates}
    predicted: dict[frozenset[str], float] = {}
    offered: set[frozenset[str]] = set()
    for query in dict.fromkeys(queries):
        contact = records.get(query)
        if contact is None:
            continue
        started = time.perf_counter()
        with store.read() as session:
            found = find_matches(session, contact, limit=10, model=model)
        quality.timings_ms.append((time.perf_counter() - started) * 1000)
        for match in found.matches:
            pair = frozenset((query, match.right))
            offered.add(pair)
            if match.probability >= threshold:
                predicted[pair] = max(predicted.get(pair, 0.0), match.probability)
    quality.duplicate_pairs = len(true_pairs)
    quality.predicted = len(predicted)
    two = 0
    for d, o, _ in answers.duplicates:
        pair = frozenset((d, o))
        a, b = records.get(d), records.get(o)
        if a is not None and b is not None:
            differ = [
                f
                for f, lv in compare_levels(a, b).items()
                if lv[0] not in ("exact", "same", "missing")
            ]
            two += len(differ) >= 2
        if pair in predicted:
            quality.found += 1
        if pair in offered:
            quality.blocked += 1
        elif a is not None and b is not None and compare(a, b, model).probability >= threshold:
            quality.missed_by_blocking_but_scored_above += 1
    quality.two_field_share = two / len(true_pairs) if true_pairs else 0.0
    for pair, p in predicted.items():
        x, y = sorted(pair)
        if pair not in true_pairs and (x not in person or person.get(x) != person.get(y)):
            quality.false_positives.append((x, y, p))
    return quality
