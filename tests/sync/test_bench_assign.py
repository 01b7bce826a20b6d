"""``caseworker bench assign`` runs every part against the built-in server: the gesture on the
supervisor's store, its push through the gateway, both officers' pulls, and the check that
each officer holds exactly the cases the plan gave them."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from sync.gateway.process import SCRIPT

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_assign_bench_runs_every_part() -> None:
    done = subprocess.run(
        [str(SCRIPT), "bench", "assign", "--cases", "20", "--background", "10", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["cases"] == 20
    assert figures["held"] == {"staff:bench-officer-a": 10, "staff:bench-officer-b": 10}
    assert 0 < figures["assign_s"] < figures["total_s"]
    assert figures["total_s"] == pytest.approx(
        figures["assign_s"] + figures["push_s"] + figures["pull_s"], abs=0.01
    )
