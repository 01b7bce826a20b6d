"""A client killed (SIGKILL) mid-pull and mid-push, and a server stopped mid-sync: the next sync
resumes from the last checkpoint, loses nothing and duplicates nothing."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests
from sqlalchemy import func, select

from caseworker.models import Case, StoredDocument
from caseworker.store import docstore
from caseworker.store.store import Store
from sync.bench_docs import case_docs
from sync.errors import NetworkError
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.sync.helpers import make_store

ROOT = Path(__file__).resolve().parents[2]
DOCS = 1500
BATCH = 50


def load_server(server: CouchServer, db_url: str, n: int) -> None:
    admin = server.admin_session()
    answer = admin.post(f"{db_url}/_bulk_docs", json={"docs": case_docs(n)}, timeout=60)
    assert answer.status_code == 201


def counts(store: Store) -> tuple[int, int]:
    with store.read() as s:
        docs = s.scalar(select(func.count()).select_from(StoredDocument)) or 0
        projected = s.scalar(select(func.count()).select_from(Case)) or 0
    return docs, projected


def kill_on_progress(server: CouchServer, db_url: str, data_dir: Path, direction: str) -> None:
    """Run ``caseworker sync --once`` in a child process and SIGKILL it once it has reported
    progress in ``direction``."""
    user, password = server.admin_auth
    code = "import sys, main; sys.exit(main.run(sys.argv[1:]))"
    child = subprocess.Popen(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), "sync", "--server", db_url,
         "--user", user, "--password-stdin", "--once", "--progress",
         "--batch-size", str(BATCH)],
        cwd=ROOT, stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    assert child.stdin is not None and child.stderr is not None
    child.stdin.write(password + "\n")
    child.stdin.close()
    try:
        deadline = time.monotonic() + 60
        for line in child.stderr:
            if line.startswith(direction + " "):
                os.kill(child.pid, signal.SIGKILL)
                break
            assert time.monotonic() < deadline, "no progress reported in time"
        else:
            raise AssertionError(f"the child ended before reporting {direction} progress")
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL


def test_killed_mid_pull_resumes_without_loss_or_duplicates(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    load_server(couch_server, couch_db, DOCS)
    data = tmp_path / "van"
    make_store(tmp_path, "van").close()
    kill_on_progress(couch_server, couch_db, data, "pull")
    store = Store(data / "caseworker.db")
    assert store.check_integrity() == "ok"
    docs, projected = counts(store)
    assert BATCH <= docs < DOCS and docs == projected  # whole batches only
    result = Replicator(store, CouchClient(couch_db, *couch_server.admin_auth)).sync()
    assert result.up_to_date
    assert result.pull.changes_seen <= DOCS - docs + BATCH  # resumed, not started again
    assert counts(store) == (DOCS, DOCS)


def test_killed_mid_push_resumes_without_loss_or_duplicates(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    store = make_store(tmp_path, "office")
    with store.write() as s:
        for doc in case_docs(DOCS, seed=7):
            docstore.put(s, doc)
    store.close()
    kill_on_progress(couch_server, couch_db, tmp_path / "office", "push")
    info = requests.get(couch_db, auth=couch_server.admin_auth, timeout=10).json()
    assert BATCH <= info["doc_count"] < DOCS
    store = Store(tmp_path / "office" / "caseworker.db")
    remote = CouchClient(couch_db, *couch_server.admin_auth)
    pushed = Replicator(store, remote, batch_size=BATCH).push()
    assert pushed.caught_up and pushed.docs_written <= DOCS - info["doc_count"] + BATCH
    info = requests.get(couch_db, auth=couch_server.admin_auth, timeout=10).json()
    assert info["doc_count"] == DOCS
    # Every document has one revision on the server: nothing was written twice.
    changes = requests.get(
        f"{couch_db}/_changes", params={"style": "all_docs"}, auth=couch_server.admin_auth,
        timeout=30,
    ).json()["results"]  # fmt: skip
    assert len(changes) == DOCS and all(len(c["changes"]) == 1 for c in changes)


def test_the_server_stopped_mid_sync_is_a_clear_error_and_the_next_sync_completes(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    load_server(couch_server, couch_db, 400)
    store = make_store(tmp_path, "van")
    remote = CouchClient(couch_db, *couch_server.admin_auth)
    replicator = Replicator(store, remote, batch_size=BATCH)

    def stop_the_server(direction: str, done: int, total: int | None) -> None:
        if couch_server.running:
            couch_server.stop()

    replicator.on_progress = stop_the_server
    try:
        try:
            replicator.pull()
        except NetworkError as exc:
            assert str(exc) == f"cannot reach the central service at {remote.host}"
        else:
            raise AssertionError("the pull went on without a server")
        docs, projected = counts(store)
        assert docs == projected and docs < 400
    finally:
        couch_server.start()
    result = Replicator(store, CouchClient(couch_db, *couch_server.admin_auth)).sync()
    assert result.up_to_date
    assert counts(store) == (400, 400)
