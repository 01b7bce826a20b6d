"""``caseworker bench clocks``: recomputing the due times of every open case (after the council's
calendar or a service changed), on a store holding N open cases.

The store is made here: the cases' projected rows written directly (the recompute reads only
those and the case history), a tenth of them with a pause awaiting the citizen, their services
a mix of every clock (standard, subject access, FOI, complaint) and the demo council's
calendar. The figure is ``clocks.cases.recompute`` from a cold read to the list of changes,
taken after the calendar gains a closure day so that every case's due times change.
"""

import argparse
import json
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from caseworker import vocab
from caseworker.cli.app import Context, positive_int
from caseworker.cli.bench import machine
from caseworker.clocks import cases as case_clocks
from caseworker.clocks import council
from caseworker.documents.codec import new_document
from caseworker.documents.types import SERVICE
from caseworker.models import Case, CaseEvent
from caseworker.seed import reference
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from caseworker.timeutil import to_iso

TARGET_SECONDS = 2.0
START_MS = 1_767_225_600_000  # 2026-01-01T00:00Z: cases opened over the year after
YEAR_MS = 365 * 86_400_000
SERVICES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("bench-standard", {}),
    ("bench-fast", {"response_hours": 4, "resolve_hours": 16}),
    ("bench-sar", {"clock": "subject_access"}),
    ("bench-foi", {"clock": "foi"}),
    (
        "bench-complaint",
        {
            "clock": "complaint",
            "stages": [
                {"code": "1", "name": "Stage 1", "working_days": 10},
                {"code": "2", "name": "Stage 2", "working_days": 20},
            ],
        },
    ),
)


def build(store: Store, n: int, rng: random.Random) -> None:
    with store.write() as s:
        docstore.put(s, reference.calendar())
        for code, fields in SERVICES:
            body = {
                "code": code,
                "name": code,
                "group": "Bench",
                "keywords": [],
                "response_hours": 24,
                "resolve_hours": 72,
                "active": True,
                **fields,
            }
            docstore.put(s, new_document(SERVICE, f"service:{code}", body))
        open_statuses = sorted(vocab.OPEN_STATUSES - {"awaiting_citizen"})
        cases: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for i in range(n):
            opened = START_MS + rng.randrange(YEAR_MS)
            stamp = to_iso(_utc(opened))
            case_id = f"case:bench{i:08d}"
            cases.append(
                {
                    "id": case_id,
                    "rev": "1-bench",
                    "reference": f"B{i:08d}",
                    "service_code": SERVICES[i % len(SERVICES)][0],
                    "summary": "bench",
                    "status": rng.choice(open_statuses),
                    "priority": "normal",
                    "channel": "phone",
                    "opened_at": stamp,
                    "response_due_at": stamp,
                    "due_at": stamp,
                    "updated_at": stamp,
                    "conflicted": False,
                }
            )
            if i % 10 == 0:
                start = opened + rng.randrange(5 * 86_400_000)
                end = start + rng.randrange(1, 10 * 86_400_000)
                for k, (at, old, new) in enumerate(
                    (
                        (start, "in_progress", "awaiting_citizen"),
                        (end, "awaiting_citizen", "in_progress"),
                    )
                ):
                    events.append(
                        {
                            "id": f"event:bench{i:08d}{k}",
                            "case_id": case_id,
                            "kind": "status_changed",
                            "at": to_iso(_utc(at)),
                            "by": "staff:bench",
                            "field": "status",
                            "old": old,
                            "new": new,
                        }
                    )
        s.execute(insert(Case.__table__), cases)  # type: ignore[arg-type]
        s.execute(insert(CaseEvent.__table__), events)  # type: ignore[arg-type]


def _utc(ms: int) -> Any:
    from caseworker.clocks.calendar import from_ms

    return from_ms(ms)


def run(n: int, seed: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="caseworker-bench-clocks-"))
    try:
        store = Store(folder / STORE_FILENAME)
        try:
            build(store, n, random.Random(seed))
            with store.write() as s:  # a closure day: every case's due times change
                cal = reference.calendar()
                cal["closures"] = [*cal["closures"], {"date": "2026-06-01"}]
                cal["_rev"] = docstore.require(s, cal["_id"])["_rev"]
                docstore.put(s, cal)
            council._cache.clear()
            with store.read() as s:
                started, cpu = time.perf_counter(), time.process_time()
                changed = case_clocks.recompute(s)
                seconds = time.perf_counter() - started
                cpu = time.process_time() - cpu
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "bench": "clocks",
        "open_cases": n,
        "changed": len(changed),
        "recompute_s": round(seconds, 3),
        # This process's CPU time: on a busy machine the wall time above includes waiting.
        "cpu_s": round(cpu, 3),
        "target_s": TARGET_SECONDS,
        "met": seconds < TARGET_SECONDS,
        "machine": machine(),
    }


def _bench(args: argparse.Namespace, ctx: Context) -> int:
    figures = run(args.cases, args.seed)
    if args.json:
        print(json.dumps(figures))
    else:
        verdict = "within" if figures["met"] else "OVER"
        print(
            f"clocks: due times of {figures['open_cases']:,} open cases recomputed in "
            f"{figures['recompute_s']:.2f} s, {figures['cpu_s']:.2f} s of CPU "
            f"({figures['changed']:,} changed; {verdict} the {TARGET_SECONDS:g} s target)"
        )
    return 0 if figures["met"] else 1


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cases", type=positive_int, default=100_000, help="open cases")
    p.add_argument("--seed", type=int, default=10, help="random seed of the synthetic cases")
    p.set_defaults(handler=_bench)
