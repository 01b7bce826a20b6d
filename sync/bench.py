"""``caseworker bench sync``: replication figures, Caseworker beside PouchDB 9, same server.

    caseworker bench sync [--docs 50000] [--batch-size 1000] [--repeat 3]
    caseworker bench sync --server http://admin:PASSWORD@127.0.0.1:5984    # e.g. Apache CouchDB
    caseworker bench sync --server http://127.0.0.1:5984 --user admin --password-stdin

Loads N case documents (about 500 bytes each) into a new database on the server (the built-in
PouchDB Server unless ``--server`` names another), then, in one run on that server: Caseworker's
pull and PouchDB 9's (batch 100 and 1000, into its on-disk LevelDB store) in interleaved rounds
(``sync.bench_pull``); then, from the last Caseworker store, a sync with nothing to do, a push of
everything to a fresh database, and the delay of a change between two live clients (skipped with
``--pull-only``). The machine's load average is reported before and after: this project's
machines are shared. The bench's databases are deleted afterwards.
"""

import argparse
import cProfile
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from caseworker.cli.app import Context, positive_int
from caseworker.errors import CaseworkerError
from caseworker.store.store import Store
from sync.bench_docs import case_docs, fill_database
from sync.bench_live import measure_live, summary
from sync.bench_pull import PullComparison, compare_pulls
from sync.bench_target import BenchServer, from_args, say
from sync.http import CouchClient
from sync.replicator import DEFAULT_BATCH, Replicator


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--docs", type=positive_int, default=50_000, help="documents to pull (default: 50,000)"
    )
    parser.add_argument(
        "--batch-size",
        type=positive_int,
        default=DEFAULT_BATCH,
        help="Caseworker's batch size (default: %(default)s); PouchDB runs at 100 and 1000",
    )
    parser.add_argument(
        "--repeat",
        type=positive_int,
        default=3,
        help="rounds of interleaved pulls; medians are reported (default: %(default)s)",
    )
    parser.add_argument(
        "--server",
        help="a CouchDB-protocol server's root URL (e.g. Apache CouchDB), with a server "
        "admin in it or given by --user (default: the built-in PouchDB Server)",
    )
    parser.add_argument("--user", help="the --server admin's name (default: from the URL)")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the --server admin's password"
    )
    parser.add_argument(
        "--allow-http",
        action="store_true",
        help="let --server be plain http:// on another machine (the password goes unprotected)",
    )
    parser.add_argument(
        "--pull-only", action="store_true", help="skip the push, no-change and live figures"
    )
    parser.add_argument(
        "--profile", type=Path, help="write a cProfile of Caseworker's pulls to this file"
    )
    parser.set_defaults(handler=run)


def _timed_sync(store: Store, client: CouchClient, batch: int) -> tuple[float, Any]:
    try:
        started = time.perf_counter()
        result = Replicator(store, client, batch_size=batch).sync()
        return time.perf_counter() - started, result
    finally:
        client.close()


def _after_pull(
    server: BenchServer, source: str, store_path: Path, work: Path, batch_size: int
) -> dict[str, Any]:
    """No-change sync, push and live figures, from the store that pulled everything."""
    auth = server.auth
    store = Store(store_path)
    try:
        # The pulled documents are already on the server: the first push only learns that
        # (revs_diff of every one); what follows is a sync with really nothing to do.
        first = server.client(source)
        try:
            Replicator(store, first, batch_size=batch_size).push()
        finally:
            first.close()
        no_change = []
        for _ in range(5):
            seconds, result = _timed_sync(store, server.client(source), batch_size)
            if not result.up_to_date or result.pull.docs_written:
                raise CaseworkerError("the no-change sync found changes")
            no_change.append(seconds)
        push_client = server.client(server.new_db("push"))
        try:
            started = time.perf_counter()
            pushed = Replicator(store, push_client, batch_size=batch_size).push()
            push_s = time.perf_counter() - started
        finally:
            push_client.close()
    finally:
        store.close()
    live = measure_live(server.new_db("live"), auth, work, allow_http=server.allow_http)
    return {
        "caseworker_push_s": round(push_s, 3),
        "caseworker_push_docs": pushed.docs_written,
        "no_change_sync_ms": round(min(no_change) * 1000, 1),
        "no_change_sync_max_ms": round(max(no_change) * 1000, 1),
        **summary(live),
    }


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def measure(args: argparse.Namespace, server: BenchServer, say: Any) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="cw-bench-sync-"))
    profile = cProfile.Profile() if args.profile else None
    try:
        say(f"loading {args.docs:,} documents into {server.description} ...")
        source = fill_database(
            server.admin.session(), server.new_db("source"), case_docs(args.docs)
        )
        load_before = _load()
        pulls = compare_pulls(
            server,
            source,
            work,
            batch_size=args.batch_size,
            repeat=args.repeat,
            profile=profile,
            say=say,
        )
        load_after = _load()
        later = {}
        if not args.pull_only:
            later = _after_pull(server, source, pulls.kept_store, work, args.batch_size)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if profile is not None:
        profile.dump_stats(args.profile)
    return {
        **_pull_figures(pulls, args.docs),
        "repeat": args.repeat,
        "server": server.description,
        "load_before": load_before,
        "load_after": load_after,
        "profiled": profile is not None,
        **later,
    }


def _pull_figures(pulls: PullComparison, docs: int) -> dict[str, Any]:
    best = pulls.pouchdb_best
    return {
        "docs": docs,
        "batch_size": pulls.caseworker.batch_size,
        "caseworker": pulls.caseworker.figures(docs),
        "pouchdb": [c.figures(docs) for c in pulls.pouchdb],
        "pouchdb_best_batch_size": best.batch_size,
        # The figures the README quotes (medians):
        "caseworker_pull_s": round(pulls.caseworker.median_s, 3),
        "pouchdb_pull_s": round(best.median_s, 3),
        "pull_speedup": round(pulls.speedup, 2),
    }


def run(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.cli.bench import machine
    from caseworker.cli.output import print_json

    with from_args(args) as server:
        figures = measure(args, server, say)
    if args.json:
        print_json({"bench": "sync", "machine": machine(), **figures})
    else:
        print_table(figures)
    return 0


def _rounds(n: int) -> str:
    return "1 round" if n == 1 else f"{n} interleaved rounds"


def print_table(figures: dict[str, Any]) -> None:
    n = figures["docs"]
    print(
        f"pull {n:,} documents from {figures['server']} "
        f"(same server, same run; {_rounds(figures['repeat'])}, medians)"
    )
    print(
        f"  {'':24} {'median s':>9} {'docs/s':>8} {'min s':>7} {'max s':>7} {'CPU s':>7}  complete"
    )
    for row in [figures["caseworker"], *figures["pouchdb"]]:
        label = f"{row['name']} (batch {row['batch_size']})"
        print(
            f"  {label:24} {row['median_s']:9.2f} {row['docs_per_s']:8,} "
            f"{row['min_s']:7.2f} {row['max_s']:7.2f} {row['cpu_median_s']:7.2f}"
            f"  {'yes' if row['complete'] else 'NO'}"
        )
    speedup = figures["pull_speedup"]
    verdict = "faster" if speedup > 1 else "slower"
    print(
        f"  Caseworker vs PouchDB's best (batch {figures['pouchdb_best_batch_size']}): "
        f"{speedup:.2f}x ({verdict})"
    )
    print(f"  load average before {figures['load_before']}, after {figures['load_after']}")
    if figures.get("profiled"):
        print("  (profiled: Caseworker's times include cProfile's overhead; compare without it)")
    if "caseworker_push_s" not in figures:
        return
    print(f"push {n:,} documents to a fresh database: {figures['caseworker_push_s']:.2f} s")
    print(f"no-change sync: {figures['no_change_sync_ms']:.1f} ms (best of 5)")
    print(
        "a change on one live client shown on another: "
        f"{figures['live_change_median_s']:.2f} s median, {figures['live_change_max_s']:.2f} s max"
        " (10 changes, push debounce 0.3 s included)"
    )
