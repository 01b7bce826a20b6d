"""The headless CLI, run as a person would: real console script, real store, one-line errors."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from keyring.backends.fail import Keyring as FailKeyring
from sqlalchemy import select

import main
from caseworker.cli.bench_search import keystrokes
from caseworker.models import Citizen
from caseworker.seed import seed_store
from caseworker.services import cases, contacts
from caseworker.services.context import Actor
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.memory_keyring import MemoryKeyring, installed

AGENT = Actor("staff:agent", "agent")
SCRIPT = Path(sys.executable).with_name("caseworker")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=300)
    store.close()
    return folder


def cli(data_dir: Path, *args: str, user: str = "") -> subprocess.CompletedProcess[str]:
    """The installed console script, as a person (or a script) runs it."""
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CASEWORKER_USER": user},
    )


def run_json(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main.run(["--data-dir", str(data_dir), *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def assert_one_line(stderr: str, words: str) -> None:
    assert stderr.startswith("caseworker: ") and stderr.count("\n") == 1, stderr
    assert words in stderr and "Traceback" not in stderr


def first(data_dir: Path, sql: str, *params: str) -> str:
    with sqlite3.connect(data_dir / STORE_FILENAME) as raw:
        return str(raw.execute(sql, params).fetchone()[0])


def case_in(data_dir: Path, status: str) -> str:
    return first(data_dir, "SELECT reference FROM cases WHERE status = ?", status)


def test_search_finds_a_caller_by_a_fragment_of_their_number(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    citizen_id = first(data_dir, "SELECT citizen_id FROM identifiers WHERE kind = 'phone'")
    record = run_json(data_dir, capsys, "show", "citizen", citizen_id)
    phone = next(i["value"] for i in record["identifiers"] if i["kind"] == "phone")
    hits = run_json(data_dir, capsys, "search", phone.replace(" ", "")[-7:], "--limit", "200")
    assert citizen_id in [h["id"] for h in hits]
    assert {"kind", "id", "title", "detail"} <= set(hits[0])


def test_show_citizen_is_the_single_view(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    citizen_id = first(data_dir, "SELECT citizen_id FROM interactions WHERE citizen_id NOT NULL")
    record = run_json(data_dir, capsys, "show", "citizen", citizen_id)
    assert record["id"] == citizen_id and record["name"] and record["language"] in ("en", "cy")
    assert all({"kind", "value", "verified_by"} <= set(i) for i in record["identifiers"])
    assert all({"purpose", "lawful_basis"} <= set(c) for c in record["consents"])
    assert record["latest_interactions"] and all(c["status"] for c in record["cases"])
    assert main.run(["--data-dir", str(data_dir), "show", "citizen", citizen_id]) == 0
    assert record["name"] in capsys.readouterr().out


def test_a_case_moves_along_the_workflow_and_refuses_a_wrong_step(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = case_in(data_dir, "triaged")
    before = run_json(data_dir, capsys, "show", "case", reference)
    assert before["reference"] == reference and "assigned" in before["allowed_next"]
    done = cli(data_dir, "case", "update", reference, "--status", "assigned", "--as", "agent")
    assert done.returncode == 0, done.stderr
    assert "assigned" in done.stdout
    record = run_json(data_dir, capsys, "show", "case", before["id"])
    assert record["status"] == "assigned" and record["assignee_id"] == "staff:agent"
    assert record["history"][-1]["new"] == "assigned"
    assert "closed" not in record["allowed_next"]
    refused = cli(data_dir, "case", "update", reference, "--status", "closed", "--as", "agent")
    assert refused.returncode == 1
    assert_one_line(refused.stderr, "cannot move to closed")
    assert run_json(data_dir, capsys, "show", "case", reference)["status"] == "assigned"


def test_notes_are_added_by_the_acting_member_of_staff(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = case_in(data_dir, "new")
    for text, user, acting in (("Gate", "", "officer"), ("Env", "agent", ""), ("Default", "", "")):
        as_user = ["--as", acting] if acting else []
        assert cli(data_dir, "note", "add", reference, text, *as_user, user=user).returncode == 0
    notes = run_json(data_dir, capsys, "show", "case", reference)["notes"]
    assert [(n["text"], n["by"]) for n in notes][-3:] == [
        ("Gate", "staff:officer"),
        ("Env", "staff:agent"),
        ("Default", "staff:admin"),
    ]


def test_unknown_records_and_users_are_one_line_errors(data_dir: Path) -> None:
    reference = case_in(data_dir, "new")
    for args, words in (
        (("show", "citizen", "citizen:nobody"), "citizen:nobody"),
        (("show", "case", "ZZZZ-ZZZZ-ZZZZ"), "no case"),
        (("case", "update", reference, "--priority", "high", "--as", "ghost"), "'ghost'"),
        (("case", "update", reference, "--assignee", "ghost"), "'ghost'"),
        (("case", "update", reference, "--priority", "whenever"), "priority must be"),
        (("note", "add", "case:nobody", "text"), "no case"),
    ):
        result = cli(data_dir, *args)
        assert result.returncode == 1, args
        assert_one_line(result.stderr, words)


def test_usage_errors_exit_2_and_a_missing_store_is_not_made(
    tmp_path: Path, data_dir: Path
) -> None:
    for args in (
        ("show", "planet", "x"),
        ("case", "update", case_in(data_dir, "new")),
        ("search", "x", "--limit", "0"),
        ("export", "--format", "csv"),
    ):
        result = cli(data_dir, *args)
        assert result.returncode == 2 and "Traceback" not in result.stderr, args
    missing = tmp_path / "typo"
    result = cli(missing, "search", "smith")
    assert result.returncode == 1 and not missing.exists()
    assert_one_line(result.stderr, "no Caseworker store")
    blocked = cli(data_dir, "export", "--format", "couchdb", "--output", str(missing / "x" / "y"))
    assert blocked.returncode == 1
    assert_one_line(blocked.stderr, "No such file or directory")


def _branch(doc: dict[str, Any], rev: str, **changes: Any) -> dict[str, Any]:
    """A sibling revision of ``doc``, as replication would bring it."""
    start = int(rev.split("-")[0])
    revisions = {"start": start, "ids": [rev.split("-")[1], doc["_rev"].split("-")[1]]}
    return doc | changes | {"_rev": rev, "_revisions": revisions}


def test_export_writes_every_document_with_its_conflicts(tmp_path: Path) -> None:
    store = Store(tmp_path / STORE_FILENAME)
    seed_store(store, citizens=50)
    with store.write() as s:
        queue = docstore.require(s, "queue:waste")
        docstore.put_replicated(s, _branch(queue, "2-aaa", name="Left"))
        docstore.put_replicated(s, _branch(queue, "2-bbb", name="Right"))
        docstore.put_replicated(s, _branch(queue, "2-ccc", _deleted=True))
        citizen_id = s.scalars(select(Citizen.id).limit(1)).one()
        note_id, _ = contacts.add_note(s, AGENT, "to be deleted", citizen_id=citizen_id)
        docstore.delete_doc(s, note_id)
    store.close()
    count = int(first(tmp_path, "SELECT COUNT(*) FROM documents"))
    out = tmp_path / "export.jsonl"
    assert cli(tmp_path, "export", "--format", "couchdb", "--output", str(out)).returncode == 0
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(docs) == count == len({d["_id"] for d in docs})
    assert all(d["_rev"].split("-")[0].isdigit() for d in docs)
    queue = next(d for d in docs if d["_id"] == "queue:waste")
    assert queue["_rev"] == "2-bbb" and queue["name"] == "Right"
    assert queue["_conflicts"] == ["2-aaa"] and queue["_deleted_conflicts"] == ["2-ccc"]
    tombstone = next(d for d in docs if d["_id"] == note_id)
    assert tombstone["_deleted"] is True and tombstone["_rev"].startswith("2-")
    assert sum("_conflicts" in d for d in docs) == sum(bool(d.get("_deleted")) for d in docs) == 1
    assert cli(tmp_path, "export", "--format", "couchdb").stdout == out.read_text()


def test_a_conflicted_case_lists_its_conflicting_revisions(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = case_in(data_dir, "in_progress")
    store = Store(data_dir / STORE_FILENAME)
    with store.write() as s:
        case = cases.load_case_doc(s, reference)
        pos = int(case["_rev"].split("-")[0]) + 1
        docstore.put_replicated(s, _branch(case, f"{pos}-aaa", priority="low"))
        docstore.put_replicated(s, _branch(case, f"{pos}-fff", priority="urgent"))
    store.close()
    record = run_json(data_dir, capsys, "show", "case", reference)
    assert record["priority"] == "urgent" and record["conflicts"] == [f"{pos}-aaa"]


def test_an_encrypted_store_keeps_its_key_in_the_os_keyring(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with installed(MemoryKeyring()) as memory_keyring:
        assert main.run(["--data-dir", str(tmp_path), "init", "--encrypted"]) == 0
        assert main.run(["--data-dir", str(tmp_path), "seed", "--citizens", "20"]) == 0
        capsys.readouterr()
        ((service, account), key), *others = memory_keyring.passwords.items()
        assert not others and len(key) >= 40
        assert service == "caseworker-store" and account == str(tmp_path.resolve() / STORE_FILENAME)
        for file in tmp_path.iterdir():  # encrypted, and the key is nowhere on disk
            data = file.read_bytes()
            assert not data.startswith(b"SQLite format 3") and key.encode() not in data
        assert run_json(tmp_path, capsys, "search", "example")

        memory_keyring.passwords[(service, account)] = "not the key"
        assert main.run(["--data-dir", str(tmp_path), "search", "example"]) == 1
        assert_one_line(capsys.readouterr().err, "wrong encryption key")
        del memory_keyring.passwords[(service, account)]
        assert main.run(["--data-dir", str(tmp_path), "search", "example"]) == 1
        assert_one_line(capsys.readouterr().err, "no encryption key")


def test_without_an_os_keyring_only_plain_stores_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with installed(FailKeyring()):  # type: ignore[no-untyped-call]
        assert main.run(["--data-dir", str(tmp_path / "secret"), "init", "--encrypted"]) == 1
        assert_one_line(capsys.readouterr().err, "no OS keyring on this machine")
        assert not (tmp_path / "secret" / STORE_FILENAME).exists()
        assert main.run(["--data-dir", str(tmp_path / "plain"), "init", "--unencrypted"]) == 0
        assert main.run(["--data-dir", str(tmp_path / "plain"), "search", "smith"]) == 0


def test_a_store_from_a_newer_version_is_refused_in_one_line(tmp_path: Path) -> None:
    Store(tmp_path / STORE_FILENAME).close()
    with sqlite3.connect(tmp_path / STORE_FILENAME) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    result = cli(tmp_path, "search", "smith")
    assert result.returncode == 1
    assert_one_line(result.stderr, "newer Caseworker")


def test_benchmarks_print_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert keystrokes("Owen J") == ["O", "Ow", "Owe", "Owen", "Owen ", "Owen J"]
    assert keystrokes("CF10 1AB", first=3)[:3] == ["CF1", "CF10", "CF10 "]
    assert main.run(["bench", "seed", "--citizens", "200", "--json"]) == 0
    seeded = json.loads(capsys.readouterr().out)
    assert seeded["documents"] > 200 and seeded["docs_per_second"] > 0
    assert {"cores", "python", "sqlite"} <= set(seeded["machine"])
    args = ["bench", "search", "--citizens", "300", "--queries", "5", "--store", str(tmp_path)]
    assert main.run([*args, "--json"]) == 0
    printed = capsys.readouterr()
    searched = json.loads(printed.out)
    assert "seeding" in printed.err and searched["citizens"] == 300
    assert set(searched["by_kind"]) == {"name", "phone", "postcode", "reference"}
    for figures in (searched["overall"], *searched["by_kind"].values()):
        assert figures["n"] > 0 and 0 < figures["p50_ms"] <= figures["p95_ms"]
        assert figures["p95_ms"] <= figures["p99_ms"] <= figures["max_ms"]
    assert {"cores", "python", "sqlite"} <= set(searched["machine"])
    assert main.run([*args, "--json"]) == 0  # the second run reuses the seeded store
    assert "seeding" not in capsys.readouterr().err
    assert main.run([*args[:2], "--citizens", "301", *args[4:]]) == 1
    assert_one_line(capsys.readouterr().err, "holds 300 citizens")


def test_help_imports_no_database_window_or_keyring_code() -> None:
    probe = (
        "import sys, main\ntry:\n    main.run(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'sqlalchemy', 'alembic', 'PySide6', 'keyring', 'sqlcipher3', 'requests', 'ui'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "search" in done.stdout and done.stdout.splitlines()[-1] == "[]"


def test_a_missing_window_or_sync_package_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ui.app", None)  # as if ui/ were not installed
    monkeypatch.setitem(sys.modules, "sync.cli", None)
    for args in (["gui"], [], ["gui", "--demo"]):  # no command at all opens the window
        assert main.run(["--data-dir", str(tmp_path), *args]) == 1
        assert_one_line(capsys.readouterr().err, "the desktop window is not installed")
    for args in (["sync", "--now"], ["central"], ["bench", "sync", "--json"]):
        assert main.run(["--data-dir", str(tmp_path), *args]) == 1
        assert_one_line(capsys.readouterr().err, "central-service commands are not installed")
    assert not (tmp_path / STORE_FILENAME).exists()


def test_search_reads_a_current_store_without_sqlalchemy(data_dir: Path) -> None:
    """Start-up is the cost of a typed search: a store of this schema is read directly."""
    from caseworker.cli import quick_read

    assert quick_read.STORE_FILENAME == STORE_FILENAME
    probe = (
        "import sys, main\n"
        f"code = main.run(['--data-dir', {str(data_dir)!r}, 'search', 'smith'])\n"
        "heavy = {'sqlalchemy', 'alembic', 'PySide6', 'keyring', 'requests', 'ui', 'json'}\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 []", done.stdout + done.stderr
