"""The CLI against hostile input: arguments no terminal would send, numbers too big for the
store, a port that cannot exist, and synced data made to fool a terminal. Every failure is one
line on stderr and a non-zero exit; no traceback ever reaches a person."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

import main
from caseworker.cli.arguments import MAX_LIMIT
from caseworker.models import Service
from caseworker.seed import seed_store
from caseworker.services import cases, citizens, contacts
from caseworker.services.context import Actor
from caseworker.store.store import STORE_FILENAME, Store
from sync import config

SCRIPT = Path(sys.executable).with_name("caseworker")
ADMIN = Actor("staff:admin", "admin")
RED = "\x1b[31mred"
EVIL = "\u202eevil"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small seeded council plus one citizen, case and note written to fool a terminal."""
    folder = tmp_path_factory.mktemp("hostile")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=40)
    with store.write() as s:
        citizen_id, _ = citizens.create_citizen(s, ADMIN, RED, EVIL)
        service = s.scalars(select(Service.code).limit(1)).one()
        new = cases.NewCase(service, f"bins {RED}", "phone", citizen_id, description="a\nb")
        case_id, _ = cases.open_case(s, ADMIN, new)
        contacts.add_note(s, ADMIN, f"call back {EVIL}\x07", case_id=case_id)
    store.close()
    (folder / "ids.json").write_text(json.dumps({"citizen": citizen_id, "case": case_id}))
    return folder


def ids(data_dir: Path) -> dict[str, str]:
    found: dict[str, str] = json.loads((data_dir / "ids.json").read_text())
    return found


def cli(data_dir: Path, *args: str | bytes, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        input=stdin,
        timeout=120,
        env={**os.environ, "CASEWORKER_USER": ""},
    )


def assert_one_line(stderr: str, *words: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert stderr.startswith("caseworker") and stderr.count("\n") == 1, stderr
    for word in words:
        assert word in stderr, stderr


def test_an_argument_that_is_not_utf8_is_a_usage_error(data_dir: Path) -> None:
    result = cli(data_dir, "search", b"smi\xffth")
    assert result.returncode == 2
    assert_one_line(result.stderr, "not valid UTF-8", "smi\\xffth")


def test_a_lone_surrogate_or_nul_passed_in_process_is_a_usage_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for bad in ("\udcff", "nul\x00", "\ud800x"):
        assert main.run(["--data-dir", str(data_dir), "search", bad]) == 2
        assert_one_line(capsys.readouterr().err, "argument")


def test_a_limit_too_big_for_the_store_is_a_usage_error(data_dir: Path) -> None:
    for limit in ("99999999999999999999", str(MAX_LIMIT + 1), "1e9", "-5", "٣"):
        result = cli(data_dir, "search", "smith", "--limit", limit)
        assert result.returncode == 2, limit
        assert_one_line(result.stderr, "--limit")
    assert cli(data_dir, "search", "smith", "--limit", str(MAX_LIMIT)).returncode == 0


def test_a_note_longer_than_a_note_may_be_is_one_line(data_dir: Path) -> None:
    reference = cli(data_dir, "show", "case", ids(data_dir)["case"], "--json").stdout
    result = cli(data_dir, "note", "add", json.loads(reference)["reference"], "x" * 20_001)
    assert result.returncode == 1
    assert_one_line(result.stderr, "text")


@pytest.mark.parametrize(
    "command",
    [
        ("sync", "--once", "--user", "ann"),
        ("central", "init", "--user", "admin"),
        ("central", "add-user", "ann", "--role", "agent", "--staff-id", "staff:a", "--user", "x"),
    ],
)
def test_a_port_out_of_range_is_a_usage_error(data_dir: Path, command: tuple[str, ...]) -> None:
    for server in ("http://127.0.0.1:99999/db", "http://127.0.0.1:-1/db", "http://[::1/db"):
        result = cli(data_dir, *command, "--server", server, "--password-stdin", stdin="pw\n")
        assert result.returncode == 2, server
        assert_one_line(result.stderr, "--server")


def test_usage_errors_are_one_line(data_dir: Path) -> None:
    for args in (("show", "planet", "x"), ("search",), ("--no-such-option",), ("bench", "x")):
        result = cli(data_dir, *args)
        assert result.returncode == 2, args
        assert_one_line(result.stderr, "--help")
    result = cli(data_dir, "search", "x", f"--junk{RED}")
    assert_one_line(result.stderr, "\\x1b[31m")


def test_show_citizen_escapes_terminal_controls_and_bidi_overrides(data_dir: Path) -> None:
    result = cli(data_dir, "show", "citizen", ids(data_dir)["citizen"])
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b[31mred" in result.stdout and "\\u202eevil" in result.stdout
    assert "bins \\x1b[31mred" in result.stdout  # their case's summary too


def test_show_case_keeps_each_field_on_its_own_line(data_dir: Path) -> None:
    result = cli(data_dir, "show", "case", ids(data_dir)["case"])
    assert result.returncode == 0, result.stderr
    assert not any(c in result.stdout for c in ("\x1b", "\u202e", "\x07"))
    assert "description: a\\nb" in result.stdout
    assert "call back \\u202eevil\\x07" in result.stdout


def test_search_results_are_escaped_but_json_is_exact(data_dir: Path) -> None:
    shown = cli(data_dir, "search", "red")
    assert "\\x1b[31mred" in shown.stdout and "\x1b" not in shown.stdout
    exact = json.loads(cli(data_dir, "search", "red", "--json").stdout)
    assert any(hit["title"] == f"{RED} {EVIL}" for hit in exact)
    record = json.loads(cli(data_dir, "show", "citizen", ids(data_dir)["citizen"], "--json").stdout)
    assert record["given_name"] == RED and record["family_name"] == EVIL


def test_search_says_when_it_stopped_at_its_limit(data_dir: Path) -> None:
    limited = cli(data_dir, "search", "example", "--limit", "3")
    assert limited.returncode == 0
    assert len(limited.stdout.splitlines()) == 3
    assert "showing 3 of " in limited.stderr and "--limit" in limited.stderr
    everything = cli(data_dir, "search", "example", "--limit", str(MAX_LIMIT))
    assert "showing" not in everything.stderr
    assert json.loads(cli(data_dir, "search", "example", "--limit", "3", "--json").stdout)


def test_export_defaults_to_its_only_format(data_dir: Path) -> None:
    result = cli(data_dir, "export")
    assert result.returncode == 0, result.stderr
    assert all(json.loads(line)["_id"] for line in result.stdout.splitlines())


def test_sync_uses_the_server_and_user_remembered_for_the_data_folder(tmp_path: Path) -> None:
    config.save(tmp_path, config.CentralConfig("http://127.0.0.1:9/caseworker", "ann"))
    result = cli(tmp_path, "sync", "--once", "--password-stdin", stdin="pw\n")
    assert result.returncode == 1
    assert_one_line(result.stderr, "127.0.0.1:9")
    result = cli(tmp_path / "elsewhere", "sync", "--once")
    assert result.returncode == 2
    assert_one_line(result.stderr, "--server")


def test_bench_options_show_their_defaults() -> None:
    shown = subprocess.run(
        [str(SCRIPT), "bench", "ui", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "1,000,000" in shown and "GB" in shown


def test_plain_http_to_another_machine_needs_allow_http(tmp_path: Path) -> None:
    for command in (("sync", "--once"), ("central", "init")):
        args = (*command, "--server", "http://192.0.2.1/caseworker", "--user", "ann")
        refused = cli(tmp_path, *args, "--password-stdin", stdin="pw\n")
        assert refused.returncode == 1
        assert_one_line(refused.stderr, "--allow-http")
    assert not (tmp_path / "central.json").exists()
    help_text = " ".join(cli(tmp_path, "sync", "--help").stdout.split())
    assert "--allow-http" in help_text and "default: the one this data folder syncs" in help_text


def test_undecodable_environment_and_standard_input_are_usage_errors(data_dir: Path) -> None:
    env = {**os.environ, "CASEWORKER_USER": "\udcff"}  # as Python holds the bytes b"\xff"
    reference = json.loads(cli(data_dir, "show", "case", ids(data_dir)["case"], "--json").stdout)
    noted = subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), "note", "add", reference["reference"], "x"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert noted.returncode == 2
    assert_one_line(noted.stderr, "CASEWORKER_USER")
    sync = ("sync", "--once", "--user", "ann", "--server", "http://127.0.0.1:9/db")
    sent = subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), *sync, "--password-stdin"],
        capture_output=True,
        input=b"\xff\xfe\n",
    )
    assert sent.returncode == 2
    assert_one_line(sent.stderr.decode(), "standard input")
    assert b"ff" not in sent.stderr  # a password, even a broken one, is never echoed
