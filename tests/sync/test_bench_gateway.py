"""``caseworker bench gateway`` runs every part against the built-in server: pulls straight and
through the gateway, and the three pushes (the old rules straight, the gateway with and
without them behind it), with nothing refused."""

import json
import subprocess

import pytest

from sync.gateway.process import SCRIPT


@pytest.mark.slow
def test_the_gateway_bench_runs_every_part() -> None:
    done = subprocess.run(
        [str(SCRIPT), "bench", "gateway", "--docs", "60", "--repeat", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["docs"] == 60
    for key in ("pull_straight_s", "pull_gateway_s", "push_straight_with_rules_s",
                "push_gateway_s", "push_gateway_no_rules_s"):  # fmt: skip
        assert figures[key] > 0, key
