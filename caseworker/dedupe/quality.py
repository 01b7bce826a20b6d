"""How good the last duplicate scan was, against the seed's answer key.

Counted as ``caseworker.identity.evaluate`` counts the matcher, so the two figures compare:
a candidate pair is a true positive when the answer key says the two are one person
(directly, or through a third record of the same person: two copies of one original are one
person too), else a false positive, namesakes included. Recall counts every duplicate pair of
the key: a pair the scan never scored (blocking did not offer it) is a miss.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.identity.evaluate import clusters
from caseworker.models import DuplicateCandidate
from caseworker.seed.duplicates import Answers


@dataclass(frozen=True)
class ScanQuality:
    duplicate_pairs: int  # in the answer key
    found: int  # of those, among the candidates
    candidates: int
    false_positives: int
    namesakes_flagged: int  # false positives that are namesakes (same name and postcode)

    @property
    def precision(self) -> float:
        if not self.candidates:
            return 1.0
        return (self.candidates - self.false_positives) / self.candidates

    @property
    def recall(self) -> float:
        return self.found / self.duplicate_pairs if self.duplicate_pairs else 1.0


def scan_quality(session: Session, answers: Answers) -> ScanQuality:
    """The candidates now in the store, scored against the answer key."""
    person = clusters(answers)
    true_pairs = {frozenset((d, o)) for d, o, _ in answers.duplicates}
    namesakes = {frozenset(pair) for pair in answers.namesakes}
    found = false = flagged_namesakes = candidates = 0
    rows = session.execute(select(DuplicateCandidate.first_id, DuplicateCandidate.second_id))
    for first, second in rows:
        candidates += 1
        pair = frozenset((first, second))
        if pair in true_pairs:
            found += 1
        elif first not in person or person.get(first) != person.get(second):
            false += 1
            flagged_namesakes += pair in namesakes
    return ScanQuality(len(true_pairs), found, candidates, false, flagged_namesakes)
