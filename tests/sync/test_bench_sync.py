"""``caseworker bench sync`` measures Caseworker and PouchDB 9 pulling the same database from the
same server, built in or named by ``--server``, and leaves nothing behind on that server.
(What it measures is not asserted: speed is for the benchmark to show, not for tests to time.)"""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.support.couch_server import CouchServer

SCRIPT = Path(sys.executable).with_name("caseworker")
JSON = {"Accept": "application/json"}


def bench(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "bench", "sync", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=280,
        env=os.environ.copy(),
    )


def all_dbs(server: CouchServer) -> list[str]:
    answer: list[str] = requests.get(
        f"{server.url}/_all_dbs", auth=server.admin_auth, headers=JSON, timeout=10
    ).json()
    return answer


def check_pull_figures(figures: dict[str, Any], docs: int, rounds: int) -> None:
    assert figures["docs"] == docs and figures["repeat"] == rounds
    assert figures["caseworker"]["docs"] == docs and figures["caseworker"]["complete"]
    assert len(figures["caseworker"]["seconds"]) == rounds
    assert [p["batch_size"] for p in figures["pouchdb"]] == [100, 1000]
    for pouch in figures["pouchdb"]:
        assert pouch["docs"] == docs and pouch["complete"]
        assert len(pouch["seconds"]) == rounds
        assert pouch["cpu_median_s"] > 0  # replicate.js reports its own CPU time
    best = min(figures["pouchdb"], key=lambda p: p["median_s"])
    # Chosen on the unrounded medians: two that print alike (3 decimals) may both be the best.
    tied = {
        p["batch_size"] for p in figures["pouchdb"] if p["median_s"] <= best["median_s"] + 0.001
    }
    assert figures["pouchdb_best_batch_size"] in tied
    ours = figures["caseworker"]["median_s"]
    speedup = best["median_s"] / ours
    # The medians are printed to 3 decimals and the speed-up to 2; allow for both roundings.
    slack = 0.005 + speedup * (0.0005 / best["median_s"] + 0.0005 / ours) + 1e-9
    assert figures["pull_speedup"] == pytest.approx(speedup, abs=slack)
    assert len(figures["load_before"]) == 3


def test_against_a_named_server_with_the_admin_in_the_url(couch_server: CouchServer) -> None:
    before = all_dbs(couch_server)
    done = bench(
        "--server", couch_server.admin_url(""), "--docs", "120", "--repeat", "2",
        "--batch-size", "50", "--pull-only", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    check_pull_figures(figures, 120, 2)
    assert figures["caseworker"]["batch_size"] == 50
    assert figures["server"].startswith("PouchDB Server 4.2.0 at http://127.0.0.1:")
    assert "caseworker_push_s" not in figures
    assert all_dbs(couch_server) == before  # its databases are gone again


def test_the_admin_can_come_from_stdin_and_the_table_says_who_won(
    couch_server: CouchServer,
) -> None:
    user, password = couch_server.admin_auth
    done = bench(
        "--server", couch_server.url, "--user", user, "--password-stdin",
        "--docs", "60", "--repeat", "1", "--pull-only",
        stdin=password + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("pull 60 documents from PouchDB Server 4.2.0 at ")
    assert any(line.strip().startswith("Caseworker (batch 1000)") for line in lines)
    assert any(line.strip().startswith("PouchDB 9 (batch 100)") for line in lines)
    assert any(line.strip().startswith("PouchDB 9 (batch 1000)") for line in lines)
    assert any("Caseworker vs PouchDB's best (batch" in line for line in lines)


def test_a_database_url_is_refused_and_left_untouched(
    couch_server: CouchServer, couch_db: str
) -> None:
    name = couch_db.rsplit("/", 1)[1]
    done = bench("--server", couch_server.admin_url(name), "--docs", "10", "--pull-only")
    assert done.returncode == 1
    assert done.stderr.startswith("caseworker: ") and done.stderr.count("\n") == 1, done.stderr
    assert "is a database, not a server" in done.stderr
    info = requests.get(couch_db, auth=couch_server.admin_auth, headers=JSON, timeout=10).json()
    assert info["doc_count"] == 0


def test_a_wrong_password_or_no_admin_is_one_line(couch_server: CouchServer) -> None:
    wrong = bench("--server", f"http://admin:wrong@127.0.0.1:{couch_server.port}", "--docs", "5")
    assert wrong.returncode == 1
    assert wrong.stderr.count("\n") == 1 and "refused the name or password" in wrong.stderr
    nobody = bench("--server", couch_server.url, "--docs", "5")
    assert nobody.returncode == 1
    assert nobody.stderr.count("\n") == 1 and "needs a server admin" in nobody.stderr


@pytest.mark.slow
def test_the_built_in_server_runs_every_part() -> None:
    done = bench("--docs", "80", "--repeat", "1", "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    check_pull_figures(figures, 80, 1)
    assert figures["server"] == "PouchDB Server 4.2.0 (built in, leveldb)"
    assert figures["caseworker_push_docs"] == 80
    assert figures["no_change_sync_ms"] > 0
    assert figures["live_change_median_s"] > 0
