"""``caseworker bench``: the figures behind the README's performance table.

Benchmarks from other packages (``ui``, ``sync``) are added with ``register_bench`` by the
wiring in ``main.py``, so this package never imports them.
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseworker.cli.app import Command, Context
from caseworker.models import Case, Citizen, Identifier
from caseworker.store.store import STORE_FILENAME, Store

Bench = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
_EXTRA: dict[str, Bench] = {}


def register_bench(
    name: str,
    configure: Callable[[argparse.ArgumentParser], None],
    run: Callable[[argparse.Namespace], int],
) -> None:
    _EXTRA[name] = (configure, run)


def machine() -> dict[str, Any]:
    import sqlcipher3

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlcipher3.sqlite_version,
        "platform": platform.platform(),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": statistics.median(values),
        "p95_ms": percentile(values, 0.95),
        "p99_ms": percentile(values, 0.99),
        "max_ms": max(values),
    }


def seeded_store(store_dir: Path | None, citizens: int) -> Path:
    """A store with at least N citizens: the one at store_dir if it has them, else a new one."""
    from caseworker.seed import seed_store

    if store_dir is not None and (store_dir / STORE_FILENAME).exists():
        store = Store(store_dir / STORE_FILENAME)
        try:
            with store.read() as session:
                have = session.scalar(select(func.count()).select_from(Citizen)) or 0
        finally:
            store.close()
        if have >= citizens:
            return store_dir
        raise SystemExit(f"caseworker bench: {store_dir} holds {have:,} citizens, not {citizens:,}")
    target = store_dir or Path(tempfile.mkdtemp(prefix="caseworker-bench-"))
    store = Store(target / STORE_FILENAME)
    try:
        report = seed_store(store, citizens=citizens)
        print(
            f"seeded {citizens:,} citizens in {report.seconds:.1f} s into {target}",
            file=sys.stderr,
        )
    finally:
        store.close()
    return target


def _bench_seed(args: argparse.Namespace) -> int:
    from caseworker.seed import seed_store

    target = Path(tempfile.mkdtemp(prefix="caseworker-bench-seed-"))
    store = Store(target / STORE_FILENAME)
    try:
        report = seed_store(store, citizens=args.citizens)
    finally:
        store.close()
    size = (target / STORE_FILENAME).stat().st_size
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


def _keystrokes(text: str) -> list[str]:
    return [text[:i] for i in range(1, len(text) + 1)]


def _sample(session: Session, table: str, columns: str, rng: random.Random) -> Any:
    """A row picked at random by rowid (rowids may have gaps), in O(log n)."""
    low, high = session.execute(text(f"SELECT MIN(rowid), MAX(rowid) FROM {table}")).one()
    pick = rng.randint(low, high)
    query = text(f"SELECT {columns} FROM {table} WHERE rowid >= :r ORDER BY rowid LIMIT 1")
    return session.execute(query, {"r": pick}).one()


def typed_queries(store: Store, samples: int, rng: random.Random) -> dict[str, list[str]]:
    """What people type, keystroke by keystroke, for real seeded names, phones, postcodes
    and case references."""
    with store.read() as session:
        people = [
            _sample(session, "citizens", "given_name, family_name", rng) for _ in range(samples)
        ]
        refs = [_sample(session, "cases", "reference", rng)[0] for _ in range(samples)]
        phones = session.scalars(
            select(Identifier.value).where(Identifier.kind == "phone").limit(samples * 20)
        ).all()
        codes = session.scalars(
            select(Identifier.postcode).where(Identifier.kind == "address").limit(samples * 20)
        ).all()
    return {
        "name": [q for g, f in people for q in _keystrokes(f"{g} {f[:4]}")],
        "phone": [
            q
            for p in rng.sample(list(phones), min(samples, len(phones)))
            for q in _keystrokes(p.replace(" ", "")[1:])[3:]
        ],
        "postcode": [
            q
            for c in rng.sample(list(codes), min(samples, len(codes)))
            if c
            for q in _keystrokes(c)[1:]
        ],
        "reference": [q for r in refs for q in _keystrokes(r)[2:]],
    }


def _bench_search(args: argparse.Namespace) -> int:
    from caseworker.services.search import search

    data_dir = seeded_store(args.store, args.citizens)
    store = Store(data_dir / STORE_FILENAME)
    try:
        queries = typed_queries(store, args.queries, random.Random(7))
        timings: dict[str, list[float]] = {}
        with store.read() as session:
            for kind, typed in queries.items():
                for q in typed:
                    started = time.perf_counter()
                    hits = search(session, q)
                    _ = [(h.title, h.detail) for h in hits]  # the rows a view would show
                    timings.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        with store.read() as session:
            citizens = session.scalar(select(func.count()).select_from(Citizen))
            cases = session.scalar(select(func.count()).select_from(Case))
    finally:
        store.close()
    every = [t for ts in timings.values() for t in ts]
    by_kind = {kind: summary(ts) for kind, ts in timings.items()}
    figures: dict[str, Any] = {
        "bench": "search",
        "store": str(data_dir),
        "citizens": citizens,
        "cases": cases,
        "overall": summary(every),
        "by_kind": by_kind,
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"search on {citizens:,} citizens and {cases:,} cases ({data_dir})")
    for kind, s in [("overall", summary(every)), *by_kind.items()]:
        print(
            f"  {kind:<10} {s['n']:>5} keystrokes  p50 {s['p50_ms']:6.2f} ms  "
            f"p95 {s['p95_ms']:6.2f} ms  p99 {s['p99_ms']:6.2f} ms  max {s['max_ms']:6.2f} ms"
        )
    return 0


def _configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="bench", required=True, metavar="BENCHMARK")
    seed = sub.add_parser("seed", help="documents per second while seeding")
    seed.add_argument("--citizens", type=int, default=100_000)
    seed.set_defaults(run=_bench_seed)
    search = sub.add_parser("search", help="as-you-type search latency on a seeded store")
    search.add_argument("--citizens", type=int, default=1_000_000)
    search.add_argument("--queries", type=int, default=200, help="sampled records to type")
    search.add_argument("--store", type=Path, help="reuse (or create) the seeded store here")
    search.set_defaults(run=_bench_search)
    for name, (configure, run) in _EXTRA.items():
        extra = sub.add_parser(name)
        configure(extra)
        extra.set_defaults(run=run)
    for child in sub.choices.values():
        child.add_argument("--json", action="store_true", help="print one JSON object")


def _run(args: argparse.Namespace, ctx: Context) -> int:
    code: int = args.run(args)
    return code


COMMANDS = (Command("bench", "measure performance", _configure, _run),)
