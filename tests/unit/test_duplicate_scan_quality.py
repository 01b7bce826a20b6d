"""The scan's precision and recall against the seed's answer key, counted as the matcher's
are: two copies of one original are one person; a namesake flagged is a false positive; a
duplicate pair the scan did not offer is a miss."""

from caseworker.dedupe.quality import scan_quality
from caseworker.models import DuplicateCandidate
from caseworker.seed.duplicates import Answers
from caseworker.store.store import Store
from caseworker.timeutil import utcnow


def _candidates(store: Store, *pairs: tuple[str, str]) -> None:
    with store.write() as s:
        for first, second in pairs:
            a, b = sorted((first, second))
            s.add(
                DuplicateCandidate(
                    first_id=a, second_id=b, score=0.99, reasons="[]", found_at=utcnow()
                )
            )


def test_copies_of_one_person_count_as_right_and_namesakes_as_wrong(store: Store) -> None:
    answers = Answers(
        duplicates=[("c:dup1", "c:orig", ("given",)), ("c:dup2", "c:orig", ("postcode",)),
                    ("c:dup3", "c:other", ("family", "phone"))],
        namesakes=[("c:name1", "c:name2")],
    )  # fmt: skip
    _candidates(
        store,
        ("c:dup1", "c:orig"),  # a key pair: found
        ("c:dup1", "c:dup2"),  # both copies of c:orig: one person, right though not listed
        ("c:name1", "c:name2"),  # namesakes: wrong
        ("c:orig", "c:stranger"),  # nobody the key knows: wrong
    )
    with store.read() as s:
        quality = scan_quality(s, answers)
    assert (quality.candidates, quality.false_positives, quality.namesakes_flagged) == (4, 2, 1)
    assert quality.precision == 0.5
    assert (quality.found, quality.duplicate_pairs) == (1, 3)  # dup2 and dup3 missed
    assert round(quality.recall, 3) == 0.333


def test_no_candidates_and_an_empty_key_measure_as_perfect_not_as_an_error(store: Store) -> None:
    with store.read() as s:
        quality = scan_quality(s, Answers([], []))
    assert (quality.precision, quality.recall) == (1.0, 1.0)
