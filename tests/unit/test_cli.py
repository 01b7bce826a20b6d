"""The headless CLI, run as a person would: real console script, real store, one-line errors."""

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

import main
from caseworker.seed import seed_store
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.memory_keyring import MemoryKeyring


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=300)
    store.close()
    return folder


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, main; sys.exit(main.run())",
            "--data-dir",
            str(data_dir),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CASEWORKER_USER": ""},
    )


def run_json(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main.run(["--data-dir", str(data_dir), *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_search_finds_a_caller_by_a_fragment_of_their_number(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = run_json(data_dir, capsys, "show", "citizen", _first_citizen_with_phone(data_dir))
    assert isinstance(record, dict)
    phone = next(i["value"] for i in record["identifiers"] if i["kind"] == "phone")
    hits = run_json(data_dir, capsys, "search", phone[-7:], "--limit", "200")
    assert record["id"] in [h["id"] for h in hits]  # type: ignore[union-attr]


def _first_citizen_with_phone(data_dir: Path) -> str:
    with sqlite3.connect(data_dir / STORE_FILENAME) as raw:
        row = raw.execute("SELECT citizen_id FROM identifiers WHERE kind = 'phone'").fetchone()
    return str(row[0])


def _open_case(data_dir: Path, status: str) -> str:
    with sqlite3.connect(data_dir / STORE_FILENAME) as raw:
        row = raw.execute("SELECT reference FROM cases WHERE status = ?", (status,)).fetchone()
    return str(row[0])


def test_a_case_moves_along_the_workflow_and_refuses_a_wrong_step(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = _open_case(data_dir, "triaged")
    done = cli(data_dir, "case", "update", reference, "--status", "assigned", "--as", "agent")
    assert done.returncode == 0, done.stderr
    assert "assigned" in done.stdout
    record = run_json(data_dir, capsys, "show", "case", reference)
    assert isinstance(record, dict)
    assert record["status"] == "assigned" and record["assignee_id"] == "staff:agent"
    assert record["history"][-1]["new"] == "assigned"
    refused = cli(data_dir, "case", "update", reference, "--status", "closed", "--as", "agent")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "cannot move to closed" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_note_is_added_to_a_case(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = _open_case(data_dir, "new")
    assert (
        cli(data_dir, "note", "add", reference, "Gate code 1234", "--as", "officer").returncode == 0
    )
    record = run_json(data_dir, capsys, "show", "case", reference)
    assert isinstance(record, dict)
    assert [n["text"] for n in record["notes"]][-1] == "Gate code 1234"


def test_unknown_records_and_users_are_one_line_errors(data_dir: Path) -> None:
    for args in (
        ("show", "citizen", "citizen:nobody"),
        ("show", "case", "ZZZZ-ZZZZ-ZZZZ"),
        ("case", "update", _open_case(data_dir, "new"), "--priority", "high", "--as", "ghost"),
        ("case", "update", _open_case(data_dir, "new"), "--priority", "whenever"),
    ):
        result = cli(data_dir, *args)
        assert result.returncode == 1, args
        assert result.stderr.startswith("caseworker: ") and result.stderr.count("\n") == 1
    assert cli(data_dir, "show", "planet", "x").returncode == 2


def test_export_writes_every_document_with_its_conflicts(tmp_path: Path) -> None:
    store = Store(tmp_path / STORE_FILENAME)
    seed_store(store, citizens=50)
    with store.write() as s:
        base = docstore.require(s, "queue:waste")
        for name, rev in (("Left", "2-aaa"), ("Right", "2-bbb")):
            sibling = base | {"name": name, "_rev": rev}
            sibling["_revisions"] = {"start": 2, "ids": [rev[2:], base["_rev"][2:]]}
            docstore.put_replicated(s, sibling)
        total = docstore.last_seq(s)
    with sqlite3.connect(tmp_path / STORE_FILENAME) as raw:
        (count,) = raw.execute("SELECT COUNT(*) FROM documents").fetchone()
    store.close()
    out = tmp_path / "export.jsonl"
    assert cli(tmp_path, "export", "--format", "couchdb", "--output", str(out)).returncode == 0
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(docs) == count <= total
    queue = next(d for d in docs if d["_id"] == "queue:waste")
    assert queue["_rev"] == "2-bbb" and queue["_conflicts"] == ["2-aaa"]
    assert all("_rev" in d for d in docs)


def test_an_encrypted_store_uses_the_os_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.run(["--data-dir", str(tmp_path), "init", "--encrypted"]) == 0
    assert main.run(["--data-dir", str(tmp_path), "seed", "--citizens", "20"]) == 0
    capsys.readouterr()
    assert b"SQLite format 3" not in (tmp_path / STORE_FILENAME).read_bytes()[:16]
    hits = run_json(tmp_path, capsys, "search", "cf3")
    assert hits
    ((service, account),) = memory_keyring.passwords
    memory_keyring.passwords[(service, account)] = "not the key"
    assert main.run(["--data-dir", str(tmp_path), "search", "cf3"]) == 1
    assert "wrong encryption key" in capsys.readouterr().err


def test_a_store_from_a_newer_version_is_refused_in_one_line(tmp_path: Path) -> None:
    Store(tmp_path / STORE_FILENAME).close()
    with sqlite3.connect(tmp_path / STORE_FILENAME) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    result = cli(tmp_path, "search", "smith")
    assert result.returncode == 1 and "newer Caseworker" in result.stderr
    assert result.stderr.count("\n") == 1


def test_benchmarks_print_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.run(["bench", "seed", "--citizens", "200", "--json"]) == 0
    seeded = json.loads(capsys.readouterr().out)
    assert seeded["documents"] > 200 and seeded["docs_per_second"] > 0
    args = ["bench", "search", "--citizens", "300", "--queries", "5", "--store", str(tmp_path)]
    assert main.run([*args, "--json"]) == 0
    searched = json.loads(capsys.readouterr().out)
    assert searched["citizens"] == 300 and searched["overall"]["p95_ms"] > 0
    assert set(searched["by_kind"]) == {"name", "phone", "postcode", "reference"}
