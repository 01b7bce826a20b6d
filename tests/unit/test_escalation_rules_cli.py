"""Escalation rules from a laptop: a supervisor adds one, turns it off and on; everyone lists
them; an agent, a rule that names nothing or moves cases to no queue, a closed queue and an
unknown service are refused, and nothing is written."""

import json
from pathlib import Path

import pytest

import main
from caseworker.documents.codec import new_document
from caseworker.documents.types import ESCALATION_RULE
from caseworker.services import escalation_rules
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import council_dir


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return council_dir(tmp_path)


def _run(data_dir: Path, *args: str) -> int:
    return main.run(["--data-dir", str(data_dir), "escalation", *args])


def test_a_supervisor_adds_a_rule_turns_it_off_and_on_and_everyone_lists_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["add", "Missed bins late: tell the supervisor", "--target", "resolve"]
    assert _run(data_dir, *add, "--action", "notify", "--service", "missed-bin", "--as",
                "supervisor") == 0  # fmt: skip
    rule_id = capsys.readouterr().out.strip()
    assert rule_id.startswith("escalation:")
    assert _run(data_dir, "disable", rule_id, "--as", "supervisor") == 0
    capsys.readouterr()
    assert _run(data_dir, "list") == 0
    listed = capsys.readouterr().out
    assert (
        "(off)" in listed and "when the resolution is late: tell the queue's supervisors" in listed
    )
    assert _run(data_dir, "enable", rule_id, "--as", "supervisor") == 0
    capsys.readouterr()
    assert _run(data_dir, "list", "--json") == 0
    (rule,) = json.loads(capsys.readouterr().out)
    assert rule["active"] and rule["rule"]["service_code"] == "missed-bin"


@pytest.mark.parametrize(
    ("args", "refused"),
    [
        (["--action", "notify", "--service", "missed-bin", "--as", "agent"], "supervisor"),
        (["--action", "notify", "--as", "supervisor"], "neither a service nor a queue"),
        (["--action", "move_queue", "--service", "missed-bin", "--as", "supervisor"], "no queue"),
        (["--action", "notify", "--service", "no-such", "--as", "supervisor"], "no service"),
        (["--action", "notify", "--queue", "queue:nowhere", "--as", "supervisor"], "no open queue"),
        (
            [
                "--action",
                "notify",
                "--service",
                "missed-bin",
                "--hours-before",
                "-3",
                "--as",
                "supervisor",
            ],
            "hours_before",
        ),
    ],
)
def test_a_rule_that_cannot_work_or_from_someone_else_is_refused_and_nothing_written(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], refused: str
) -> None:
    assert _run(data_dir, "add", "A rule", "--target", "response", *args) == 1
    assert refused in capsys.readouterr().err
    assert _run(data_dir, "list") == 0
    assert capsys.readouterr().out.strip() == "no escalation rules"


def test_a_rule_this_laptop_cannot_use_is_listed_with_why(data_dir: Path) -> None:
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.write() as s:
            doc = new_document(
                ESCALATION_RULE,
                "escalation:peer",
                {
                    "name": "A peer's rule",
                    "target": "resolve",
                    "hours_before": 0,
                    "action": "notify",
                    "active": True,
                    "by": "staff:supervisor",
                    "updated_at": "2026-12-02T10:00:00Z",
                },
            )
            docstore.put_replicated(s, {**doc, "_rev": "1-" + "a" * 32})
        with store.read() as s:
            (listed,) = escalation_rules.list_rules(s)
        assert listed.rule is None and "neither a service nor a queue" in (listed.problem or "")
    finally:
        store.close()


def test_a_supervisor_edits_a_rule_keeping_its_id_and_only_what_was_asked_changes(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["add", "Missed bins late", "--name-cy", "Biniau", "--target", "resolve"]
    assert _run(data_dir, *add, "--action", "notify", "--service", "missed-bin", "--as",
                "supervisor") == 0  # fmt: skip
    rule_id = capsys.readouterr().out.strip()
    edit = ["edit", rule_id, "--hours-before", "6", "--action", "move_queue"]
    assert _run(data_dir, *edit, "--to-queue", "queue:highways", "--name-cy", "", "--as",
                "supervisor") == 0  # fmt: skip
    assert rule_id in capsys.readouterr().out
    assert _run(data_dir, "list", "--json") == 0
    (rule,) = json.loads(capsys.readouterr().out)
    assert rule["id"] == rule_id and rule["name"] == "Missed bins late"
    assert rule["name_cy"] is None and rule["active"]
    assert rule["rule"]["hours_before"] == 6 and rule["rule"]["to_queue_id"] == "queue:highways"
    assert rule["rule"]["service_code"] == "missed-bin"
    # An agent, and an edit that cannot work, are refused and change nothing.
    assert _run(data_dir, "edit", rule_id, "--name", "Mine", "--as", "agent") == 1
    assert "supervisor" in capsys.readouterr().err
    assert _run(data_dir, "edit", rule_id, "--service", "", "--as", "supervisor") == 1
    assert "neither a service nor a queue" in capsys.readouterr().err
    assert _run(data_dir, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == [rule]
