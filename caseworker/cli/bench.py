"""``caseworker bench``: the figures behind the README's performance table.

``bench seed`` is here with what every benchmark shares (the machine, percentiles, a seeded
store to measure); ``bench search`` is in ``bench_search``. Benchmarks from other packages
(``bench ui``, ``bench sync``) are added by the wiring in ``main.py`` with
``CommandLine.add_bench``, so this package never imports them.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from caseworker.cli.app import Context, positive_int
from caseworker.errors import StoreError
from caseworker.models import Citizen
from caseworker.store.store import STORE_FILENAME, Store


def machine() -> dict[str, Any]:
    import sqlcipher3

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlcipher3.sqlite_version,
        "platform": platform.platform(),
    }


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values), 3),
        "p95_ms": round(percentile(values, 0.95), 3),
        "p99_ms": round(percentile(values, 0.99), 3),
        "max_ms": round(max(values), 3),
    }


def citizens_in(store_dir: Path) -> int:
    """How many citizens the (plain) store in a folder holds; 0 if there is none."""
    if not (store_dir / STORE_FILENAME).exists():
        return 0
    store = Store(store_dir / STORE_FILENAME)
    try:
        with store.read() as session:
            return int(session.scalar(select(func.count()).select_from(Citizen)) or 0)
    finally:
        store.close()


def seeded_store(store_dir: Path | None, citizens: int) -> Path:
    """A store with at least N citizens: the one in store_dir if it holds them; else, if
    store_dir has no store yet, one seeded there (and kept for the next run); else, with no
    store_dir, one seeded into a new temporary folder (the caller removes it)."""
    from caseworker.seed import BENCH_NOW_MS, seed_store

    if store_dir is not None and (store_dir / STORE_FILENAME).exists():
        have = citizens_in(store_dir)
        if have >= citizens:
            return store_dir
        raise StoreError(
            f"{store_dir} holds {have:,} citizens, fewer than {citizens:,}: "
            "give --store an empty folder (it is seeded once and reused) or ask for fewer"
        )
    target = store_dir or Path(tempfile.mkdtemp(prefix="caseworker-bench-"))
    store = Store(target / STORE_FILENAME)
    try:
        print(f"seeding {citizens:,} citizens into {target} ...", file=sys.stderr, flush=True)
        report = seed_store(store, citizens=citizens, now_ms=BENCH_NOW_MS)
        print(f"seeded in {report.seconds:.1f} s", file=sys.stderr, flush=True)
    finally:
        store.close()
    return target


def _bench_seed(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.seed import BENCH_NOW_MS, seed_store

    target = Path(tempfile.mkdtemp(prefix="caseworker-bench-seed-"))
    try:
        store = Store(target / STORE_FILENAME)
        try:
            report = seed_store(store, citizens=args.citizens, now_ms=BENCH_NOW_MS)
        finally:
            store.close()
        size = sum(f.stat().st_size for f in target.iterdir())
    finally:
        shutil.rmtree(target, ignore_errors=True)
    figures = {
        "bench": "seed",
        "citizens": report.citizens,
        "cases": report.cases,
        "documents": report.documents,
        "seconds": round(report.seconds, 2),
        "docs_per_second": round(report.docs_per_second),
        "store_mb": round(size / 2**20),
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"seed: {report.citizens:,} citizens, {report.cases:,} cases, {report.documents:,} "
            f"documents in {report.seconds:.1f} s = {report.docs_per_second:,.0f} documents/s "
            f"({figures['store_mb']} MB)"
        )
    return 0


def configure_seed(p: argparse.ArgumentParser) -> None:
    p.add_argument("--citizens", type=positive_int, default=100_000)
    p.set_defaults(handler=_bench_seed)
