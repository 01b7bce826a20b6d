"""``caseworker bench match``: matching one contact against a seeded store, and how well.

Every near-duplicate and namesake in the seed's answer key, and a sample of other citizens,
is looked up as a new contact (``find_matches``, one read transaction each, as the window's
worker runs it): the timings give p50/p95, and the answer key gives precision and recall at
the matcher's threshold, counting the pairs blocking never offered as misses.
"""

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from caseworker.cli.app import Context, positive_int
from caseworker.cli.bench import machine, seeded_store, summary
from caseworker.errors import StoreError
from caseworker.identity.evaluate import measure
from caseworker.identity.match import THRESHOLD
from caseworker.seed.duplicates import read_answer_key
from caseworker.store.store import STORE_FILENAME, Store


def _bench_match(args: argparse.Namespace, ctx: Context) -> int:
    data_dir = seeded_store(args.store, args.citizens)
    try:
        answers = read_answer_key(data_dir)
        if answers is None:
            raise StoreError(f"{data_dir} has no seed answer key: seed a new folder for this bench")
        store = Store(data_dir / STORE_FILENAME)
        try:
            with store.read() as session:
                from sqlalchemy import text

                citizens = int(session.execute(text("SELECT count(*) FROM citizens")).scalar_one())
            q = measure(
                store, answers, threshold=args.threshold, others=args.others, sample=args.sample
            )
        finally:
            store.close()
    finally:
        if args.store is None:
            shutil.rmtree(data_dir, ignore_errors=True)
            print("(pass --store DIR to keep the seeded store for the next run)", file=sys.stderr)
    figures: dict[str, Any] = {
        "bench": "match",
        "store": str(data_dir) if args.store else None,
        "citizens": citizens,
        "lookups": summary(q.timings_ms),
        "threshold": q.threshold,
        "duplicate_pairs": q.duplicate_pairs,
        "sampled": args.sample,
        "two_field_share": round(q.two_field_share, 3),
        "precision": round(q.precision, 4),
        "recall": round(q.recall, 4),
        "blocking_recall": round(q.blocking_recall, 4),
        "missed_by_blocking_but_scored_above": q.missed_by_blocking_but_scored_above,
        "predicted_pairs": q.predicted,
        "false_positives": len(q.false_positives),
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(figures))
        return 0
    s = figures["lookups"]
    print(f"match on {citizens:,} citizens: {s['n']:,} contacts looked up")
    print(
        f"  p50 {s['p50_ms']:.2f} ms  p95 {s['p95_ms']:.2f} ms  p99 {s['p99_ms']:.2f} ms  "
        f"max {s['max_ms']:.2f} ms"
    )
    print(
        f"  at probability >= {q.threshold}: precision {q.precision:.3f} "
        f"({len(q.false_positives)} false of {q.predicted} pairs), recall {q.recall:.3f} "
        f"of {q.duplicate_pairs:,} duplicate pairs ({q.two_field_share:.0%} differ in 2+ fields)"
    )
    print(
        f"  blocking offered {q.blocking_recall:.3f} of the pairs; of those it missed, "
        f"{q.missed_by_blocking_but_scored_above} would have scored above the threshold"
    )
    return 0


def configure_match(p: argparse.ArgumentParser) -> None:
    p.add_argument("--citizens", type=positive_int, default=1_000_000)
    p.add_argument("--others", type=positive_int, default=1000, help="other citizens looked up")
    p.add_argument("--threshold", type=float, default=THRESHOLD)
    p.add_argument(
        "--sample",
        type=positive_int,
        help="look up only this many duplicate and namesake pairs each, picked at random",
    )
    p.add_argument(
        "--store",
        type=Path,
        help="reuse the store here if it holds enough citizens, else seed it here (empty folder)",
    )
    p.set_defaults(handler=_bench_match)
