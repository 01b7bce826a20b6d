"""``caseworker bench board``: its figures, and that --read-only leaves a shared store as it was."""

import json
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.store.store import STORE_FILENAME


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench-board")
    assert main(["bench", "board", "--store", str(folder), "--citizens", "200", "--runs", "1"]) == 0
    return folder


def test_the_bench_times_every_part_and_names_the_indexes_it_had(
    small_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    args = ["--store", str(small_store), "--citizens", "200", "--runs", "2", "--json"]
    assert main(["bench", "board", *args]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["bench"] == "board" and figures["board"]["n"] == 2
    assert figures["board_cpu"]["n"] == 2
    assert set(figures["parts"]) == {"queues", "officers", "backlog", "opened", "resolved"}
    assert figures["cases"] > 0 and figures["open_cases"] > 0
    assert "ix_cases_resolved_opened" in figures["indexes"]


def test_read_only_writes_nothing_not_even_a_lock_file(
    small_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = small_store / STORE_FILENAME
    for sidecar in ("-wal", "-shm"):
        db.with_name(db.name + sidecar).unlink(missing_ok=True)
    before = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in small_store.iterdir()}
    db.chmod(0o400)  # as a shared store nobody may write to
    try:
        code = main(["bench", "board", "--store", str(small_store), "--read-only", "--json"])
    finally:
        db.chmod(0o600)
    assert code == 0
    assert json.loads(capsys.readouterr().out)["read_only"] is True
    after = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in small_store.iterdir()}
    assert after == before


def test_read_only_needs_a_store_to_read(tmp_path: Path) -> None:
    assert main(["bench", "board", "--store", str(tmp_path), "--read-only"]) == 2
    assert list(tmp_path.iterdir()) == []
