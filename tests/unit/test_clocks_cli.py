"""``caseworker bank-holidays show`` and ``caseworker bench clocks`` from the command line."""

import json
from pathlib import Path

import pytest

import main
from caseworker.cli.bench_clocks import run as bench_clocks


def test_show_lists_a_nations_bank_holidays_for_a_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.run(["--data-dir", str(tmp_path), "init", "--unencrypted"]) == 0
    capsys.readouterr()
    args = ["--data-dir", str(tmp_path), "bank-holidays", "show", "--division", "scotland"]
    assert main.run([*args, "--year", "2026", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [d["date"] for d in shown if d["title"] == "St Andrew’s Day"] == ["2026-11-30"]
    assert all(d["date"].startswith("2026-") for d in shown)


def test_show_without_a_store_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.run(["--data-dir", str(tmp_path / "none"), "bank-holidays", "show"]) == 1
    assert "no Caseworker store" in capsys.readouterr().err


def test_the_clocks_benchmark_recomputes_every_open_case() -> None:
    figures = bench_clocks(300, seed=3)
    assert figures["open_cases"] == 300 and figures["changed"] == 300
    assert figures["recompute_s"] < 2
