"""``caseworker problems`` lists what the store keeps but cannot use; a document error is one
line, not a traceback."""

import json
from pathlib import Path

import pytest

import main
from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store import docstore, replication
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import council_docs
from tests.unit.conftest import AGENT
from tests.unit.test_uniqueness import case_doc, replicated


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    store = Store(tmp_path / STORE_FILENAME)
    with store.write() as s:
        for doc in council_docs():
            docstore.put(s, doc)
        cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
    store.close()
    return tmp_path


def _add(data_dir: Path, *docs: object) -> None:
    store = Store(data_dir / STORE_FILENAME)
    with store.write() as s:
        replication.put_replicated_many(s, list(docs))
    store.close()


def test_no_problems_says_so(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main.run(["--data-dir", str(data_dir), "problems"]) == 0
    assert capsys.readouterr().out == "No problems: every record is in use.\n"


def test_each_problem_is_one_line_and_json_lists_them(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(
        data_dir,
        replicated(case_doc("case:a", "ABC-1234-5678")),
        replicated(case_doc("case:b", "ABC-1234-5678")),
        replicated({"_id": "_design/evil", "type": "citizen"}),
        {"_id": "case:x", "_rev": "not-a-rev"},
    )
    assert main.run(["--data-dir", str(data_dir), "problems"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert lines[0].split()[:2] == ["duplicate", "case:a"]
    assert "two cases share reference ABC-1234-5678: case:a and case:b" in lines[0]
    assert lines[2].split()[:2] == ["record", "_design/evil"]
    assert lines[3].startswith("skipped") and "1 replicated revisions" in lines[3]
    assert main.run(["--data-dir", str(data_dir), "problems", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["kind"], p["doc_id"]) for p in listed] == [
        ("duplicate", "case:a"), ("duplicate", "case:b"), ("record", "_design/evil"),
        ("skipped", None),
    ]  # fmt: skip


def test_a_note_over_20000_characters_is_a_one_line_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir / STORE_FILENAME)
    with store.read() as s:
        [case_id] = [c.doc_id for c in docstore.changes_since(s, 0) if c.doc_id.startswith("case:")]
    store.close()
    code = main.run(
        ["--data-dir", str(data_dir), "note", "add", case_id, "x" * 20_001, "--as", "agent"]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("caseworker: ") and err.count("\n") == 1, err
    assert "longer than 20000 characters" in err and "Traceback" not in err
