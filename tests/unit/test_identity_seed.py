"""The demo council's near-duplicates and namesakes, its answer key, and the matcher on it."""

import json
import stat
from pathlib import Path

import pytest

from caseworker.identity import load_people
from caseworker.identity.evaluate import measure
from caseworker.identity.levels import compare_levels
from caseworker.seed import BENCH_NOW_MS, seed_store
from caseworker.seed.duplicates import ANSWER_KEY, Answers, read_answer_key
from caseworker.store.store import STORE_FILENAME, Store


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Answers, Path]:
    folder = tmp_path_factory.mktemp("council")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=4000, workers=1, now_ms=BENCH_NOW_MS)
    answers = read_answer_key(folder)
    assert answers is not None
    return store, answers, folder


def test_the_answer_key_says_what_it_is_and_is_private(
    council: tuple[Store, Answers, Path],
) -> None:
    _, answers, folder = council
    path = folder / ANSWER_KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "answer key" in json.loads(path.read_text())["about"]
    assert len(answers.duplicates) > 100 and len(answers.namesakes) > 40


def test_duplicates_are_hard_and_namesakes_share_a_postcode(
    council: tuple[Store, Answers, Path],
) -> None:
    store, answers, _ = council
    with store.read() as s:
        people = load_people(s, {i for d, o, _ in answers.duplicates for i in (d, o)})
        two = 0
        for d, o, _ in answers.duplicates:
            levels = compare_levels(people[d], people[o])
            two += sum(lv[0] not in ("exact", "same", "missing") for lv in levels.values()) >= 2
        assert two / len(answers.duplicates) >= 0.3
        pairs = load_people(s, {i for pair in answers.namesakes for i in pair})
    for a, b in answers.namesakes:
        x, y = pairs[a], pairs[b]
        assert (x.given_name, x.family_name) == (y.given_name, y.family_name)
        assert x.postcodes & y.postcodes
        assert x.date_of_birth != y.date_of_birth or x.date_of_birth is None


def test_the_matcher_meets_its_targets_on_the_seeded_truth(
    council: tuple[Store, Answers, Path],
) -> None:
    store, answers, _ = council
    quality = measure(store, answers, others=300)
    assert quality.precision >= 0.95, quality.false_positives[:5]
    assert quality.recall >= 0.9
