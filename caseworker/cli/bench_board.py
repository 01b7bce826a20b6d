"""``caseworker bench board``: every figure of the supervisor's board, timed on a seeded store.

"Now" is the benchmark stores' fixed today (``BENCH_NOW_MS``), so runs repeat. ``--read-only``
opens a store without touching it (SQLite's ``immutable``: no lock, no journal, no migration),
for a shared store nobody may write to; it then measures the indexes that store already has.
"""

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from caseworker.board import compute_board, trend
from caseworker.board.periods import end_of_today, week_starts
from caseworker.board.workload import workload
from caseworker.cli.app import Context, positive_int
from caseworker.cli.bench import machine, seeded_store, summary
from caseworker.models import Case
from caseworker.store.store import STORE_FILENAME, Store

TARGET_MS = 500


def _read_only_session(path: Path) -> Session:
    import sqlcipher3

    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    engine = create_engine("sqlite://", creator=lambda: sqlcipher3.connect(uri, uri=True))
    return Session(engine)


def _parts(now: datetime) -> dict[str, Callable[[Session], Any]]:
    eod, weeks = end_of_today(now), week_starts(now)
    return {
        "queues": lambda s: workload(s, "queue_id", now, eod, {}, ""),
        "officers": lambda s: workload(s, "assignee_id", now, eod, {}, ""),
        "backlog": lambda s: trend.backlog(s, now),
        "opened": lambda s: trend.opened(s, now, weeks),
        "resolved": lambda s: trend.resolved(s, now, weeks),
    }


def time_board(session: Session, now: datetime, runs: int) -> dict[str, Any]:
    compute_board(session, now)  # warm the page cache as a board already open would be
    whole, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        compute_board(session, now)
        whole.append((time.perf_counter() - started) * 1000)
        # On a shared machine the wall clock also counts the other processes' turns.
        cpu.append((time.process_time() - started_cpu) * 1000)
    parts: dict[str, list[float]] = {}
    for name, run in _parts(now).items():
        for _ in range(runs):
            started = time.perf_counter()
            run(session)
            parts.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    board = compute_board(session, now)
    indexes = session.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'")
    ).scalars()
    return {
        "board": summary(whole),
        "board_cpu": summary(cpu),
        "parts": {name: summary(ms) for name, ms in parts.items()},
        "open_cases": board.coverage.open_cases,
        "breached": board.breached.value,
        "at_risk_today": board.at_risk.value,
        "cases": int(session.scalar(select(func.count()).select_from(Case)) or 0),
        "indexes": sorted(indexes),
    }


def _bench_board(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.seed import BENCH_NOW_MS

    now = datetime.fromtimestamp(BENCH_NOW_MS / 1000, UTC)
    if args.read_only:
        if args.store is None or not (args.store / STORE_FILENAME).exists():
            print("--read-only needs --store DIR holding a store", file=sys.stderr)
            return 2
        session = _read_only_session(args.store / STORE_FILENAME)
        try:
            figures = time_board(session, now, args.runs)
        finally:
            session.close()
        data_dir = args.store
    else:
        data_dir = seeded_store(args.store, args.citizens)
        try:
            store = Store(data_dir / STORE_FILENAME)
            try:
                with store.read() as session:
                    figures = time_board(session, now, args.runs)
            finally:
                store.close()
        finally:
            if args.store is None:
                shutil.rmtree(data_dir, ignore_errors=True)
    figures = {
        "bench": "board",
        "store": str(data_dir) if args.store else None,
        "read_only": args.read_only,
        "target_ms": TARGET_MS,
        **figures,
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        _print_figures(figures)
    return 0


def _print_figures(f: dict[str, Any]) -> None:
    b = f["board"]
    verdict = "within" if b["max_ms"] < TARGET_MS else "OVER"
    print(
        f"board on {f['cases']:,} cases ({f['open_cases']:,} open, {f['breached']:,} breached, "
        f"{f['at_risk_today']:,} at risk today): p50 {b['p50_ms']:.1f} ms, max "
        f"{b['max_ms']:.1f} ms over {b['n']} runs, {verdict} the {TARGET_MS} ms target"
    )
    c = f["board_cpu"]
    print(f"  CPU time of this process: p50 {c['p50_ms']:.1f} ms, max {c['max_ms']:.1f} ms")
    for name, s in f["parts"].items():
        print(f"  {name:<9} p50 {s['p50_ms']:7.1f} ms  max {s['max_ms']:7.1f} ms")
    print(f"  indexes on cases: {', '.join(f['indexes'])}")


def configure_board(p: argparse.ArgumentParser) -> None:
    p.add_argument("--citizens", type=positive_int, default=100_000)
    p.add_argument(
        "--store",
        type=Path,
        help="reuse the store here if it holds enough citizens, else seed it here (empty folder)",
    )
    p.add_argument(
        "--read-only",
        action="store_true",
        help="open --store without writing to it (no migration: measures its own indexes)",
    )
    p.add_argument("--runs", type=positive_int, default=5)
    p.set_defaults(handler=_bench_board)
