"""``caseworker bench dedupe``: the full duplicate scan of a store, timed, with its peak memory.

Give it a store that holds the council (``--store DIR``, e.g. a copy of a 1M-citizen store:
the scan writes its candidates there, and the store is migrated first, so never point it at a
store you must keep as it is), or let it seed one. It prints each phase's time, the pairs
compared and found, and the process's peak resident memory (which the streaming design keeps
bounded, whatever the store's size). With the seed's answer key beside the store (every seeded
store has one), it prints the scan's precision and recall too.
"""

import argparse
import json
import resource
import shutil
import sys
from pathlib import Path
from typing import Any

from caseworker.cli.app import Context, positive_int
from caseworker.cli.bench import machine, seeded_store
from caseworker.dedupe.quality import ScanQuality, scan_quality
from caseworker.dedupe.scan import MAX_BLOCK, THRESHOLD, scan
from caseworker.seed.duplicates import read_answer_key
from caseworker.store.store import STORE_FILENAME, Store

TARGET_SECONDS = 300.0  # a full scan of 1,000,000 citizens (issue 11)
TARGET_PRECISION, TARGET_RECALL = 0.95, 0.9  # on the seeded truth (issue 11)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _bench(args: argparse.Namespace, ctx: Context) -> int:
    given = args.store is not None and (args.store / STORE_FILENAME).exists()
    data_dir = args.store if given else seeded_store(args.store, args.citizens)
    before = _peak_mb()
    answers = read_answer_key(data_dir)
    quality: ScanQuality | None = None
    try:
        store = Store(data_dir / STORE_FILENAME)
        try:
            with store.write() as session:
                result = scan(session)
                if answers is not None:
                    quality = scan_quality(session, answers)
        finally:
            store.close()
    finally:
        if args.store is None:
            shutil.rmtree(data_dir, ignore_errors=True)
    figures: dict[str, Any] = {
        "bench": "dedupe",
        "citizens": result.citizens,
        "blocks": result.blocks,
        "blocks_too_common": result.skipped_blocks,
        "max_block": MAX_BLOCK,
        "pairs_compared": result.pairs,
        "pairs_weak_key_only": result.weak_only,
        "pairs_weak_but_given_names_alike": result.alike_given,
        "found": result.found,
        "threshold": THRESHOLD,
        "key_rows": result.keys,
        "seconds": {k: round(v, 1) for k, v in result.seconds.items()},
        "peak_rss_mb": round(_peak_mb(), 1),
        "rss_before_scan_mb": round(before, 1),
        "target_seconds": TARGET_SECONDS,
        "machine": machine(),
    }
    if quality is not None:
        figures["quality"] = {
            "precision": round(quality.precision, 4),
            "recall": round(quality.recall, 4),
            "duplicate_pairs": quality.duplicate_pairs,
            "found": quality.found,
            "false_positives": quality.false_positives,
            "namesakes_flagged": quality.namesakes_flagged,
            "target_precision": TARGET_PRECISION,
            "target_recall": TARGET_RECALL,
        }
    if args.json:
        print(json.dumps(figures))
        return 0
    s = figures["seconds"]
    print(
        f"duplicate scan of {result.citizens:,} citizens: {s['total']:.1f} s "
        f"(blocking {s['blocking']:.1f} s, scoring {s['scoring']:.1f} s, CPU {s['cpu']:.1f} s; "
        f"target {TARGET_SECONDS:.0f} s)"
    )
    print(
        f"  {result.keys:,} key rows, {result.blocks:,} blocks "
        f"({result.skipped_blocks:,} over {MAX_BLOCK} skipped), "
        f"{result.pairs:,} pairs compared (with {result.alike_given:,} sharing a phone and family "
        f"sound but not the given form, given names alike; {result.weak_only:,} sharing one weak "
        "key of a phone: not by it), "
        f"{result.found:,} likely duplicates"
    )
    print(f"  peak memory {figures['peak_rss_mb']:.0f} MB", file=sys.stdout)
    if quality is None:
        print("  no seed answer key beside the store: precision and recall not measured")
    else:
        print(
            f"  on the seed's answer key: precision {quality.precision:.3f} "
            f"(target {TARGET_PRECISION}; {quality.false_positives:,} of {quality.candidates:,} "
            f"wrong, {quality.namesakes_flagged:,} of them namesakes), recall "
            f"{quality.recall:.3f} (target {TARGET_RECALL}; {quality.found:,} of "
            f"{quality.duplicate_pairs:,} duplicate pairs)"
        )
    return 0


def configure_dedupe(p: argparse.ArgumentParser) -> None:
    p.add_argument("--citizens", type=positive_int, default=1_000_000)
    p.add_argument(
        "--store",
        type=Path,
        help="scan the store here, whatever its size (it is migrated and gets the candidates: "
        "use a copy); an empty folder is seeded with --citizens and kept",
    )
    p.set_defaults(handler=_bench)
