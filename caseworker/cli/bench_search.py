"""``caseworker bench search``: as-you-type search latency, keystroke by keystroke.

For a random sample of real seeded names, phone numbers, postcodes and case references, every
prefix a person would type on the way ("O", "Ow", "Owe", "Owen", "Owen ", "Owen J", ...) is
searched as the window would search it, timing ``find()``: the ranked result rows and the
bounded total ("20 of 315", counted up to 1,001) the window shows with them.
"""

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseworker.cli.app import Context, positive_int
from caseworker.cli.bench import machine, seeded_store, summary
from caseworker.models import Case, Citizen
from caseworker.store.store import STORE_FILENAME, Store

KINDS = ("name", "phone", "postcode", "reference")


def keystrokes(typed: str, first: int = 1) -> list[str]:
    """What the search box holds after each keystroke, from the ``first``-th on."""
    return [typed[:i] for i in range(first, len(typed) + 1)]


def _sample(
    session: Session, table: str, columns: str, rng: random.Random, kind: str | None = None
) -> Any:
    """A row picked at random by rowid (rowids may have gaps), in O(log n); None if none."""
    low, high = session.execute(text(f"SELECT MIN(rowid), MAX(rowid) FROM {table}")).one()
    if low is None:
        return None
    where = "rowid >= :r" + (" AND kind = :k" if kind else "")
    query = text(f"SELECT {columns} FROM {table} WHERE {where} ORDER BY rowid LIMIT 1")
    for pick in (rng.randint(low, high), low):  # from the start if nothing is after the pick
        row = session.execute(query, {"r": pick, "k": kind}).first()
        if row is not None:
            return row
    return None


def typed_queries(store: Store, samples: int, rng: random.Random) -> dict[str, list[str]]:
    """Keystroke sequences for ``samples`` records of each kind, picked at random."""
    typed: dict[str, list[str]] = {kind: [] for kind in KINDS}
    with store.read() as s:
        for n in range(samples):
            if person := _sample(s, "citizens", "given_name, family_name", rng):
                typed["name"] += keystrokes(f"{person[0]} {person[1][:5]}")
            if phone := _sample(s, "identifiers", "value", rng, "phone"):
                national = phone[0].replace(" ", "")
                # half typed as read out ("07700 900123"), half as digits without the 0
                number = phone[0] if n % 2 else national.removeprefix("0")
                typed["phone"] += keystrokes(number, first=4)
            if place := _sample(s, "identifiers", "postcode", rng, "address"):
                typed["postcode"] += keystrokes(place[0] or "", first=3)
            if case := _sample(s, "cases", "reference", rng):
                typed["reference"] += keystrokes(case[0], first=3)
    return typed


def time_searches(store: Store, queries: dict[str, list[str]]) -> dict[str, list[float]]:
    """Milliseconds per keystroke, by kind: each search in its own read transaction, as the
    window's database worker runs it, up to the rows a view would show and their total."""
    from caseworker.services.search import find

    timings: dict[str, list[float]] = {kind: [] for kind in queries}
    for kind, typed in queries.items():
        for query in typed:
            started = time.perf_counter()
            with store.read() as session:
                found = find(session, query)
                _ = [(h.kind, h.id, h.title, h.detail) for h in found.hits], found.total
            timings[kind].append((time.perf_counter() - started) * 1000)
    return timings


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as session:
        citizens = session.scalar(select(func.count()).select_from(Citizen)) or 0
        cases = session.scalar(select(func.count()).select_from(Case)) or 0
    return citizens, cases


def _bench_search(args: argparse.Namespace, ctx: Context) -> int:
    data_dir = seeded_store(args.store, args.citizens)
    try:
        store = Store(data_dir / STORE_FILENAME)
        try:
            queries = typed_queries(store, args.queries, random.Random(args.random_seed))
            timings = time_searches(store, queries)
            citizens, cases = _counts(store)
        finally:
            store.close()
    finally:
        if args.store is None:
            shutil.rmtree(data_dir, ignore_errors=True)
            print("(pass --store DIR to keep the seeded store for the next run)", file=sys.stderr)
    every = [
        (ms, q) for kind in timings for ms, q in zip(timings[kind], queries[kind], strict=True)
    ]
    figures: dict[str, Any] = {
        "bench": "search",
        "store": str(data_dir) if args.store else None,
        "citizens": citizens,
        "cases": cases,
        "overall": summary([ms for ms, _ in every]),
        "by_kind": {kind: summary(ms) for kind, ms in timings.items() if ms},
        "slowest": [{"query": q, "ms": round(ms, 2)} for ms, q in sorted(every)[-5:][::-1]],
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        _print_figures(figures)
    return 0


def _print_figures(figures: dict[str, Any]) -> None:
    print(f"search on {figures['citizens']:,} citizens and {figures['cases']:,} cases")
    for kind, s in [("overall", figures["overall"]), *figures["by_kind"].items()]:
        print(
            f"  {kind:<10} {s['n']:>6} keystrokes  p50 {s['p50_ms']:6.2f} ms  "
            f"p95 {s['p95_ms']:6.2f} ms  p99 {s['p99_ms']:6.2f} ms  max {s['max_ms']:7.2f} ms"
        )
    slowest = ", ".join(f"{s['query']!r} {s['ms']:.1f} ms" for s in figures["slowest"])
    print(f"  slowest: {slowest}")


def configure_search(p: argparse.ArgumentParser) -> None:
    p.add_argument("--citizens", type=positive_int, default=1_000_000)
    p.add_argument("--queries", type=positive_int, default=200, help="records of each kind to type")
    p.add_argument(
        "--store",
        type=Path,
        help="reuse the store here if it holds enough citizens, else seed it here (empty folder)",
    )
    p.add_argument("--random-seed", type=int, default=7, help="which records are typed")
    p.set_defaults(handler=_bench_search)
