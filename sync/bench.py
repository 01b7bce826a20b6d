"""``caseworker bench sync``: replication figures against a PouchDB Server this bench starts.

Loads N case documents (about 500 bytes each) into a fresh database, then times, in one run on
one server: Caseworker pulling them into an empty store; pushing them back to a fresh database;
a sync with nothing to do; and PouchDB 9's own replicator (``node tests/server/replicate.js``)
pulling the same database. The server and PouchDB come from the source tree's ``tests/server``
(the test harness's launcher is reused, not copied), so this bench runs from a checkout.
"""

import argparse
import importlib
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from caseworker.cli.app import Context, positive_int
from caseworker.errors import CaseworkerError
from caseworker.store.store import Store
from sync.bench_docs import case_docs, load_database
from sync.bench_live import measure_live, summary
from sync.http import CouchClient
from sync.replicator import Replicator


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=positive_int, default=50_000)
    parser.add_argument("--batch-size", type=positive_int, default=1000)
    parser.set_defaults(handler=run)


def harness() -> ModuleType:
    root = Path(__file__).resolve().parent.parent
    if not (root / "tests" / "support" / "couch_server.py").exists():
        raise CaseworkerError(
            "bench sync needs Caseworker's source tree (tests/server has the PouchDB Server)"
        )
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module("tests.support.couch_server")


def _timed_sync(store: Store, url: str, auth: tuple[str, str], batch: int) -> tuple[float, Any]:
    client = CouchClient(url, *auth)
    try:
        started = time.perf_counter()
        result = Replicator(store, client, batch_size=batch).sync()
        return time.perf_counter() - started, result
    finally:
        client.close()


def measure(docs: int, batch_size: int) -> dict[str, Any]:
    couch = harness()
    couch.ensure_node_modules()
    work = Path(tempfile.mkdtemp(prefix="cw-bench-sync-"))
    try:
        with couch.CouchServer() as server:
            url = load_database(server, "bench-source", case_docs(docs))
            auth = server.admin_auth
            store = Store(work / "caseworker.db")
            try:
                client = CouchClient(url, *auth)
                replicator = Replicator(store, client, batch_size=batch_size)
                started = time.perf_counter()
                pulled = replicator.pull()
                pull_s = time.perf_counter() - started
                replicator.push()  # the pulled documents are already there: nothing to send
                client.close()
                no_change = []
                for _ in range(5):
                    seconds, result = _timed_sync(store, url, auth, batch_size)
                    if not result.up_to_date or result.pull.docs_written:
                        raise CaseworkerError("the no-change sync found changes")
                    no_change.append(seconds)
                target = server.create_db("bench-push")
                push_client = CouchClient(target, *auth)
                started = time.perf_counter()
                pushed = Replicator(store, push_client, batch_size=batch_size).push()
                push_s = time.perf_counter() - started
                push_client.close()
            finally:
                store.close()
            live = measure_live(server.create_db("bench-live"), auth, work)
            pouch = couch.run_replicate_js(
                "pull", server.admin_url("bench-source"), "--target-dir", str(work / "pouch")
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pouch_s = float(pouch["seconds"])
    return {
        "docs": docs,
        "batch_size": batch_size,
        "caseworker_pull_s": round(pull_s, 3),
        "caseworker_pull_docs": pulled.docs_written,
        "caseworker_pull_docs_per_s": round(pulled.docs_written / pull_s),
        "pouchdb_pull_s": round(pouch_s, 3),
        "pouchdb_pull_docs": pouch["docs_written"],
        "pull_speedup": round(pouch_s / pull_s, 2),
        "caseworker_push_s": round(push_s, 3),
        "caseworker_push_docs": pushed.docs_written,
        "no_change_sync_ms": round(min(no_change) * 1000, 1),
        "no_change_sync_max_ms": round(max(no_change) * 1000, 1),
        **summary(live),
    }


def run(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.cli.bench import machine
    from caseworker.cli.output import print_json

    figures = measure(args.docs, args.batch_size)
    if args.json:
        print_json({"bench": "sync", "machine": machine(), **figures})
        return 0
    n = figures["docs"]
    print(f"pull {n:,} documents from PouchDB Server (same server, same run):")
    print(f"  Caseworker      {figures['caseworker_pull_s']:8.2f} s")
    print(f"  PouchDB 9       {figures['pouchdb_pull_s']:8.2f} s  (node replicate.js)")
    print(f"  speed-up        {figures['pull_speedup']:8.2f} x")
    print(f"push {n:,} documents to a fresh database: {figures['caseworker_push_s']:.2f} s")
    print(f"no-change sync: {figures['no_change_sync_ms']:.1f} ms (best of 5)")
    print(
        "a change on one live client shown on another: "
        f"{figures['live_change_median_s']:.2f} s median, {figures['live_change_max_s']:.2f} s max"
        " (10 changes, push debounce 0.3 s included)"
    )
    return 0
