"""Part of ``caseworker bench sync``: Caseworker's pull beside PouchDB 9's, same server, same run.

Each round pulls the same source database once with each contender, in an order that rotates
from round to round (so a burst of load on a shared machine does not always hit the same one):

- Caseworker: ``Replicator.pull()`` into a new, empty store (timed from the first request to the
  last checkpoint; opening the store is not counted);
- PouchDB 9 at batch size 100 (its default) and 1000: ``node replicate.js pull`` into a new
  on-disk LevelDB database (timed inside node, from the replication's start to its end; node's
  start-up and opening the database are not counted).

Figures per contender: every run's seconds, the median, documents per second at the median,
and the median CPU time of the puller's own process (all its threads; not the server's): on a
shared machine wall-clock times swing with other work, CPU time much less.
"""

import cProfile
import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caseworker.errors import CaseworkerError
from caseworker.store.store import Store
from sync.bench_target import BenchServer
from sync.devserver import run_replicate_js
from sync.replicator import Replicator

POUCHDB_BATCHES = (100, 1000)


@dataclass
class Contender:
    name: str
    batch_size: int
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    docs: int = 0

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    def figures(self, expected: int) -> dict[str, Any]:
        return {
            "name": self.name,
            "batch_size": self.batch_size,
            "docs": self.docs,
            "complete": self.docs == expected,
            "seconds": [round(s, 3) for s in self.seconds],
            "median_s": round(self.median_s, 3),
            "min_s": round(min(self.seconds), 3),
            "max_s": round(max(self.seconds), 3),
            "docs_per_s": round(self.docs / self.median_s) if self.median_s else 0,
            "cpu_median_s": round(statistics.median(self.cpu_seconds), 3),
        }


@dataclass
class PullComparison:
    caseworker: Contender
    pouchdb: list[Contender]
    kept_store: Path  # the last Caseworker store, for the bench's later steps

    @property
    def pouchdb_best(self) -> Contender:
        return min(self.pouchdb, key=lambda c: c.median_s)

    @property
    def speedup(self) -> float:
        """PouchDB's best median over Caseworker's: above 1, Caseworker is faster."""
        return self.pouchdb_best.median_s / self.caseworker.median_s


def compare_pulls(
    server: BenchServer,
    source_url: str,
    work: Path,
    *,
    batch_size: int,
    repeat: int,
    profile: cProfile.Profile | None = None,
    say: Callable[[str], None] = lambda line: None,
) -> PullComparison:
    caseworker = Contender("Caseworker", batch_size)
    pouchdb = [Contender("PouchDB 9", b) for b in POUCHDB_BATCHES]
    contenders = [caseworker, *pouchdb]
    kept = work / "caseworker-0"
    for round_no in range(repeat):
        shift = round_no % len(contenders)
        for contender in contenders[shift:] + contenders[:shift]:
            place = work / f"run-{round_no}-{contender.name.split()[0].lower()}"
            if contender is caseworker:
                seconds, cpu, docs = _caseworker_pull(
                    server, source_url, place, batch_size, profile=profile
                )
                if kept != place:
                    shutil.rmtree(kept, ignore_errors=True)
                    kept = place
            else:
                seconds, cpu, docs = _pouchdb_pull(server, source_url, place, contender.batch_size)
                shutil.rmtree(place, ignore_errors=True)
            contender.seconds.append(seconds)
            contender.cpu_seconds.append(cpu)
            contender.docs = docs
            say(
                f"round {round_no + 1}/{repeat}: {contender.name} (batch {contender.batch_size}) "
                f"{seconds:.2f} s"
            )
    return PullComparison(caseworker, pouchdb, kept / "caseworker.db")


def _caseworker_pull(
    server: BenchServer,
    source_url: str,
    place: Path,
    batch_size: int,
    *,
    profile: cProfile.Profile | None,
) -> tuple[float, float, int]:
    store = Store(place / "caseworker.db")
    client = server.client(source_url)
    try:
        replicator = Replicator(store, client, batch_size=batch_size)
        if profile is not None:
            profile.enable()
        started, cpu = time.perf_counter(), time.process_time()
        pulled = replicator.pull()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if profile is not None:
            profile.disable()
        return seconds, cpu, pulled.docs_written
    finally:
        client.close()
        store.close()


def _pouchdb_pull(
    server: BenchServer, source_url: str, place: Path, batch_size: int
) -> tuple[float, float, int]:
    answer = run_replicate_js(
        "pull",
        source_url,
        "--target-dir",
        str(place),
        "--batch-size",
        str(batch_size),
        env=server.remote_env(),
    )
    if "seconds" not in answer:
        raise CaseworkerError(f"PouchDB's replication failed: {answer}")
    cpu = float(answer.get("cpu_seconds", 0.0))
    return float(answer["seconds"]), cpu, int(answer.get("docs_written", 0))
