"""``caseworker assign``: many cases to one officer, or spread among several; only a
supervisor gives cases to others; what was not assigned is named and the exit code says so."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from caseworker.seed import seed_store
from caseworker.store.store import STORE_FILENAME, Store

SCRIPT = Path(sys.executable).with_name("caseworker")
ROOT = Path(__file__).resolve().parents[2]  # this checkout's code, whichever is installed


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("assign")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=200)
    store.close()
    return folder


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CASEWORKER_USER": "", "PYTHONPATH": str(ROOT)},
    )


def rows(data_dir: Path, sql: str, *params: str) -> list[tuple[str, ...]]:
    with sqlite3.connect(data_dir / STORE_FILENAME) as raw:
        return [tuple(r) for r in raw.execute(sql, params).fetchall()]


def open_refs(data_dir: Path, n: int) -> list[str]:
    found = rows(
        data_dir,
        "SELECT reference FROM cases WHERE status IN ('new', 'triaged') ORDER BY reference LIMIT ?",
        str(n),
    )
    return [r[0] for r in found]


def assignees(data_dir: Path, refs: list[str]) -> list[str | None]:
    marks = ",".join("?" * len(refs))
    found = dict(
        rows(
            data_dir,
            f"SELECT reference, assignee_id FROM cases WHERE reference IN ({marks})",
            *refs,
        )
    )
    return [found[r] for r in refs]


def test_a_supervisor_assigns_cases_to_one_officer_and_spreads_others(data_dir: Path) -> None:
    refs = open_refs(data_dir, 6)
    done = cli(data_dir, "assign", *refs[:2], "--to", "officer", "--as", "supervisor")
    assert done.returncode == 0, done.stderr
    assert "2 assigned" in done.stdout
    assert assignees(data_dir, refs[:2]) == ["staff:officer", "staff:officer"]
    spread = cli(data_dir, "assign", *refs[2:], "--spread", "officer,agent", "--as", "supervisor")
    assert spread.returncode == 0, spread.stderr
    given = assignees(data_dir, refs[2:])
    assert set(given) <= {"staff:officer", "staff:agent"} and "staff:agent" in given


def test_an_agent_cannot_assign_to_others_and_nothing_changes(data_dir: Path) -> None:
    refs = open_refs(data_dir, 8)[6:]
    before = assignees(data_dir, refs)
    refused = cli(data_dir, "assign", *refs, "--to", "officer", "--as", "agent")
    assert refused.returncode == 1
    assert "supervisor" in refused.stderr and "Traceback" not in refused.stderr
    assert assignees(data_dir, refs) == before


def test_unknown_cases_are_named_and_the_exit_code_says_not_everything_was_done(
    data_dir: Path,
) -> None:
    ref = open_refs(data_dir, 9)[8]
    done = cli(data_dir, "assign", ref, "case:nowhere", "--to", "officer", "--as", "supervisor")
    assert done.returncode == 1
    assert "case:nowhere: skipped: no case" in done.stdout
    assert assignees(data_dir, [ref]) == ["staff:officer"]


def test_to_and_spread_are_one_or_the_other(data_dir: Path) -> None:
    for extra in ((), ("--to", "officer", "--spread", "agent")):
        result = cli(data_dir, "assign", "case:x", *extra, "--as", "supervisor")
        assert result.returncode == 2 and "--spread" in result.stderr


def test_a_supervisor_sets_an_officers_cap_and_leave_from_the_command_line(data_dir: Path) -> None:
    done = cli(
        data_dir, "staff", "availability", "officer", "--capacity", "30",
        "--away-until", "2099-12-24", "--as", "supervisor",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "cap 30, on leave until 2099-12-24" in done.stdout
    refused = cli(
        data_dir, "staff", "availability", "officer", "--capacity", "none", "--as", "agent"
    )
    assert refused.returncode == 1 and "supervisor" in refused.stderr
    bad = cli(data_dir, "staff", "availability", "officer", "--away-until", "soon")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
