"""``caseworker routing show|test`` and ``caseworker queue members|add-member|remove-member`` on
the demo council, as a person runs them."""

from pathlib import Path

import pytest

import main
from caseworker.seed import seed_store
from caseworker.store.store import STORE_FILENAME, Store
from tests.unit.test_cli import assert_one_line, run_json


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("routing-cli")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=50, workers=1)
    store.close()
    return folder


def test_the_demo_council_routes_social_media_and_pontyglas_fly_tipping(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = run_json(data_dir, capsys, "routing", "show")
    assert [r["queue_id"] for r in shown["rules"]] == ["queue:contact", "queue:street"]
    assert shown["note"] is None and all(r["queue_usable"] for r in shown["rules"])
    base = ("routing", "test", "--service", "abandoned-vehicle", "--channel")
    by_rule = run_json(data_dir, capsys, *base, "phone", "--postcode", "cf37 1ab")
    assert by_rule["queue_id"] == "queue:street" and by_rule["rule_id"] == "pontyglas-street"
    elsewhere = run_json(data_dir, capsys, *base, "phone", "--postcode", "CF39 1AB")
    assert (elsewhere["queue_id"], elsewhere["by"]) == ("queue:highways", "service default")
    social = run_json(data_dir, capsys, *base, "social", "--postcode", "CF37 1AB")
    assert social["rule_id"] == "social"  # the first rule that matches wins


def test_routing_test_in_words_names_the_queue_and_the_rule(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(data_dir), "routing", "test", "--service", "missed-bin"]
    assert main.run([*argv, "--channel", "phone"]) == 0
    assert capsys.readouterr().out.splitlines() == ["queue: queue:waste", "by: service default"]


def test_a_queues_members_change_only_at_a_supervisors_hand(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {m["id"] for m in run_json(data_dir, capsys, "queue", "members", "queue:parking")}
    assert "staff:agent" not in before
    argv = ["--data-dir", str(data_dir), "queue"]
    assert main.run([*argv, "add-member", "queue:parking", "agent", "--as", "agent"]) == 1
    assert_one_line(capsys.readouterr().err, "only a supervisor or an admin can change staff")
    assert main.run([*argv, "add-member", "queue:parking", "agent", "--as", "supervisor"]) == 0
    assert capsys.readouterr().out == "staff:agent added to queue:parking\n"
    after = {m["id"] for m in run_json(data_dir, capsys, "queue", "members", "queue:parking")}
    assert after == before | {"staff:agent"}
    assert main.run([*argv, "remove-member", "queue:parking", "agent", "--as", "supervisor"]) == 0
    assert main.run([*argv, "members", "queue:nowhere"]) == 1
    assert_one_line(capsys.readouterr().err, "no queue")
