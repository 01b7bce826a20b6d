"""``caseworker bench clients`` runs every part against the built-in server: clients signed in
with their own cookies, every change reaching every client it concerns and no other, the
gateway's memory read."""

import json
import subprocess

import pytest

from sync.gateway.process import SCRIPT


@pytest.mark.slow
def test_the_clients_bench_runs_every_part() -> None:
    done = subprocess.run(
        [str(SCRIPT), "bench", "clients", "--clients", "6", "--users", "2", "--rounds", "2",
         "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["clients"] == 6 and figures["rounds"] == 2
    assert figures["missed"] == 0 and figures["leaked_to_others"] == 0
    assert figures["refused_polls"] == 0
    assert 0 < figures["change_p50_s"] <= figures["change_p99_s"] <= figures["change_max_s"]
    assert all(figures["gateway_rss_mb"][k] > 0 for k in ("idle", "waiting", "after"))
