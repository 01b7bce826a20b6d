"""Welsh names of escalation and routing rules: optional, tidied and checked like the English
name, kept in the document, parsed where the name is, and given to the CLI with --name-cy. A
peer's rule with nonsense where the names are (or that is no object at all) is listed with its
problem, never a crash."""

import json
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

import main
from caseworker.documents.codec import new_document
from caseworker.documents.types import ESCALATION_RULE
from caseworker.errors import ValidationError
from caseworker.escalation import parse_rule
from caseworker.models import StoredDocument
from caseworker.routing import store as routing
from caseworker.services import calendar_edits, escalation_rules
from caseworker.services.escalation_rules import NewRule
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import SUPERVISOR, council_dir


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return council_dir(tmp_path)


@pytest.fixture
def council(data_dir: Path) -> Iterator[Store]:
    store = Store(data_dir / STORE_FILENAME)
    yield store
    store.close()


def _peer_rule(s: Session, doc_id: str, **fields: object) -> None:
    doc = new_document(
        ESCALATION_RULE,
        doc_id,
        {
            "name": "A peer's rule",
            "service_code": "missed-bin",
            "target": "resolve",
            "hours_before": 0,
            "action": "notify",
            "active": True,
            "by": "staff:supervisor",
            "updated_at": "2026-12-02T10:00:00Z",
        },
    )
    docstore.put_replicated(s, {**doc, **fields, "_rev": "1-" + "b" * 32})


def test_the_cli_adds_a_welsh_name_and_lists_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = ["--data-dir", str(data_dir), "escalation"]
    assert main.run([*run, "add", "Late bins", "--name-cy", "  Biniau   hwyr ", "--target",
                     "resolve", "--action", "notify", "--service", "missed-bin", "--as",
                     "supervisor"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main.run([*run, "list", "--json"]) == 0
    (rule,) = json.loads(capsys.readouterr().out)
    assert rule["name_cy"] == "Biniau hwyr" and rule["rule"]["name_cy"] == "Biniau hwyr"
    assert main.run([*run, "list"]) == 0
    assert "Late bins / Biniau hwyr" in capsys.readouterr().out


def test_a_welsh_name_is_optional_and_too_long_a_one_is_refused_with_nothing_written(
    council: Store,
) -> None:
    new = NewRule("Late bins", "resolve", "notify", service_code="missed-bin")
    with council.write() as s:
        rule_id, _ = escalation_rules.add_rule(s, SUPERVISOR, new)
    with council.read() as s:
        (listed,) = escalation_rules.list_rules(s)
    assert listed.doc_id == rule_id and listed.name_cy is None
    assert listed.rule is not None and listed.rule.name_cy is None
    with pytest.raises(ValidationError, match="at most 200"), council.write() as s:
        escalation_rules.add_rule(
            s, SUPERVISOR, NewRule("Long", "resolve", "notify", "missed-bin", name_cy="y" * 201)
        )
    with council.read() as s:
        assert len(escalation_rules.list_rules(s)) == 1


def test_a_peers_rule_with_nonsense_for_names_or_no_object_at_all_is_listed_not_a_crash(
    council: Store,
) -> None:
    with council.write() as s:
        _peer_rule(s, "escalation:a", name_cy={"not": "a name"})
        _peer_rule(s, "escalation:b", name=["x"], hours_before="soon")
        _peer_rule(s, "escalation:c")
        # A body that is not even an object (as a broken peer or a bad migration could leave).
        s.execute(
            update(StoredDocument)
            .where(StoredDocument.id == "escalation:c")
            .values(body=orjson.dumps([1, 2, 3]))
        )
    with council.read() as s:
        listed = {r.doc_id: r for r in escalation_rules.list_rules(s)}
    assert listed["escalation:a"].rule is None and listed["escalation:a"].problem
    assert listed["escalation:a"].name_cy is None
    assert listed["escalation:b"].rule is None and listed["escalation:b"].name == "escalation:b"
    assert listed["escalation:c"].rule is None and listed["escalation:c"].problem


def test_parse_rule_reads_the_welsh_name_tidied() -> None:
    doc = new_document(
        ESCALATION_RULE,
        "escalation:x",
        {"name": "Late", "name_cy": " Hwyr\n", "queue_id": "queue:waste", "target": "response",
         "hours_before": 4, "action": "raise_priority", "active": True, "by": "staff:s",
         "updated_at": "2026-12-02T10:00:00Z"},
    )  # fmt: skip
    assert parse_rule(doc).name_cy == "Hwyr"


def test_a_routing_rule_keeps_its_welsh_name(council: Store) -> None:
    rule = {"name": "Bins", "name_cy": " Biniau ", "queue_id": "queue:waste",
            "service_codes": ["missed-bin"]}  # fmt: skip
    with council.write() as s:
        rule_id, _ = routing.add_rule(s, SUPERVISOR, rule)
    with council.read() as s:
        (saved,) = [r for r in routing.load(s).raw if r["id"] == rule_id]
    assert saved["name_cy"] == "Biniau"


@pytest.mark.parametrize(
    ("text", "spans"),
    [("09:00-17:00", [("09:00", "17:00")]), ("", []), (" none ", []),
     ("08:30-12:30, 13:30-17:00", [("08:30", "12:30"), ("13:30", "17:00")])],
)  # fmt: skip
def test_hours_are_read_as_people_type_them(text: str, spans: list[tuple[str, str]]) -> None:
    assert calendar_edits.spans_from_text(text) == spans


@pytest.mark.parametrize("text", ["9 to 5", "09:00-", "-17:00, 09:00-12:00"])
def test_hours_that_are_not_spans_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="HH:MM-HH:MM"):
        calendar_edits.spans_from_text(text)
