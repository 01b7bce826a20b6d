"""``caseworker identity match|train`` and ``caseworker bench match``, run as a person would."""

import json
from pathlib import Path

import pytest

import main
from caseworker.identity.model import from_json
from caseworker.seed import seed_store
from caseworker.seed.duplicates import read_answer_key
from caseworker.store.store import STORE_FILENAME, Store


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("identity-cli")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=1500, workers=1)
    store.close()
    return folder


def test_match_names_a_seeded_duplicates_original_with_reasons_in_words(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = read_answer_key(data_dir)
    assert answers is not None
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.read() as s:
            from caseworker.models import Citizen

            dup, original = next(
                (s.get(Citizen, d), o)
                for d, o, changes in answers.duplicates
                if changes == ("typo_family",)
            )
            assert dup is not None
            given, family, dob = dup.given_name, dup.family_name, dup.date_of_birth
    finally:
        store.close()
    args = ["--data-dir", str(data_dir), "identity", "match", "--given", given, "--family", family]
    if dob:
        args += ["--dob", dob]
    assert main.run([*args, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["matches"]
    assert original in [m["citizen_id"] for m in found]
    mine = next(m for m in found if m["citizen_id"] == original)
    assert "family.fuzzy_high" in [r["code"] for r in mine["reasons"]] or "family.fuzzy" in [
        r["code"] for r in mine["reasons"]
    ]
    assert main.run(args) == 0
    assert "family name differs" in capsys.readouterr().out


def test_train_writes_weights_the_product_can_read(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "model.json"
    argv = ["--data-dir", str(data_dir), "identity", "train", "--out", str(out), "--pairs", "20000"]
    assert main.run(argv) == 0
    model = from_json(json.loads(out.read_text()))
    assert 0 < model.prior < 1 and model.weight("phone", "exact") > 0
    assert model.weight("dob", "different") < 0


def test_bench_match_prints_speed_precision_and_recall(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["bench", "match", "--citizens", "1500", "--store", str(data_dir), "--others", "50"]
    assert main.run([*argv, "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["citizens"] == 1500 and figures["lookups"]["n"] > 50
    assert 0 <= figures["precision"] <= 1 and 0 <= figures["recall"] <= 1
