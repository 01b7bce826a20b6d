"""``caseworker bench ui``: the window's figures on a seeded store (1,000,000 citizens by default).

Measures, with the real window offscreen: keystroke to result rows (search through the worker,
until the model holds them) and to their paint; the single citizen view of the busiest citizen
(data and painted); the first page of My work and of the biggest queue; scrolling a queue;
cold start to a usable window (a separate process); resident memory with the window open;
and the longest GUI event-loop stall during a search-heavy session.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from time import perf_counter
from typing import Any

from sqlalchemy import func, select

from caseworker.cli.bench import machine
from caseworker.models import Case, Citizen
from caseworker.store.store import STORE_FILENAME, Store

DEFAULT_CITIZENS = 1_000_000
FRAME_MS = 1000 / 60


def citizens_in(data_dir: Path) -> int:
    if not (data_dir / STORE_FILENAME).exists():
        return 0
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.read() as session:
            return int(session.scalar(select(func.count()).select_from(Citizen)) or 0)
    finally:
        store.close()


def prepare_store(store_dir: Path | None, citizens: int, out_dir: Path) -> Path:
    """The store to measure: ``--store`` if it holds enough citizens, else one seeded once into
    ``--store`` (when empty) or ``bench-out/ui-N`` and reused by later runs. Seeding runs in a
    child process (``caseworker.cli.bench.seeded_store``), so this process's memory figure is
    the window's and not the seeder's."""
    if store_dir is not None and citizens_in(store_dir) >= citizens:
        return store_dir
    target = store_dir if store_dir is not None and citizens_in(store_dir) == 0 else None
    target = target or out_dir / f"ui-{citizens}"
    if citizens_in(target) >= citizens:
        return target
    if store_dir is not None and store_dir != target:
        print(f"{store_dir} holds fewer than {citizens:,} citizens; using {target}", flush=True)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    print(f"seeding {citizens:,} citizens into {target} (once; later runs reuse it)", flush=True)
    code = (
        "import sys; from pathlib import Path; from caseworker.cli.bench import seeded_store; "
        "seeded_store(Path(sys.argv[1]), int(sys.argv[2]))"
    )
    subprocess.run([sys.executable, "-c", code, str(target), str(citizens)], check=True)
    return target


def cold_start(data_dir: Path, runs: int = 3) -> list[float]:
    """Seconds from launching ``caseworker gui`` to the first paint of the window with the
    omnibox focused (the child prints a line at that moment and exits)."""
    cli = shutil.which("caseworker") or str(Path(sys.executable).with_name("caseworker"))
    if Path(cli).exists():
        command = [cli, "--data-dir", str(data_dir), "gui", "--measure-startup"]
    else:
        command = [sys.executable, "-m", "ui.app", "--data-dir", str(data_dir), "--measure-startup"]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times = []
    for _ in range(runs):
        started = perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None
        for line in child.stdout:
            if '"painted"' in line:
                times.append(perf_counter() - started)
                break
        child.wait(timeout=60)
        if child.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited with {child.returncode}")
    return times


def run(
    store_dir: Path | None = None,
    citizens: int = DEFAULT_CITIZENS,
    out_dir: Path = Path("bench-out"),
    as_json: bool = False,
) -> dict[str, Any]:
    data_dir = prepare_store(store_dir, citizens, out_dir)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.bench_session import measure_window  # Qt from here on

    figures: dict[str, Any] = {
        "bench": "ui",
        "store": str(data_dir),
        "citizens": citizens_in(data_dir),
        "machine": machine(),
    }
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.read() as session:
            figures["cases"] = int(session.scalar(select(func.count()).select_from(Case)) or 0)
    finally:
        store.close()
    starts = cold_start(data_dir)
    figures["cold_start_s"] = {"median": statistics.median(starts), "runs": starts}
    figures.update(measure_window(data_dir))
    if as_json:
        print(json.dumps(figures))
    else:
        print_figures(figures)
    return figures


def print_figures(f: dict[str, Any]) -> None:
    k, c, w = f["keystroke"], f["citizen_view"], f["lists"]
    lines = [
        f"store: {f['store']} ({f['citizens']:,} citizens, {f['cases']:,} cases)",
        f"keystroke -> result rows ({k['keystrokes']} keystrokes): p50 {k['rows_ms_p50']:.1f} ms,"
        f" p95 {k['rows_ms_p95']:.1f} ms (search itself p95 {k['search_ms_p95']:.1f} ms)",
        "slowest searches: "
        + ", ".join(f"{s['query']!r} {s['ms']:.0f} ms" for s in k["slowest_searches"]),
        f"keystroke -> rows painted: p95 {k['painted_ms_p95']:.1f} ms; painted within the next"
        f" frame after the rows: {k['next_frame_share'] * 100:.0f}%",
        f"citizen view ({c['interactions']} interactions, {c['cases']} cases): "
        + (
            f"data {c['data_ms']:.1f} ms, painted {c['painted_ms']:.1f} ms (of which"
            f" {c['populate_ms']:.1f} ms filling the widgets; median of {c['runs']}; first open"
            f" {c['first_painted_ms']:.1f} ms"
            + (
                f"; opened straight after another, with no view built ahead,"
                f" {c['unprepared_painted_ms']:.1f} ms)"
                if c.get("unprepared_painted_ms") is not None
                else ")"
            )
            if c.get("painted_ms") is not None
            else f"data {c['data_ms']:.1f} ms (no CitizenView in this build: data only)"
        ),
        f"My work ({w['my_work_total']:,} open cases): first page shown in"
        f" {w['my_work_ms']:.1f} ms",
        f"queue ({w['queue_total']:,} open cases): first page shown in {w['queue_ms']:.1f} ms;"
        f" next pages p95 {w['page_ms_p95']:.1f} ms",
        f"cold start to a usable window: median {f['cold_start_s']['median']:.2f} s"
        f" (runs: {', '.join(f'{s:.2f}' for s in f['cold_start_s']['runs'])})",
        f"resident memory with the window open: {f['rss_mb']:.0f} MB",
        f"longest GUI event-loop stall, search-heavy session: {f['longest_stall_ms']:.1f} ms"
        f" ({f['stall_keystrokes']} keystrokes, {f['stall_opens']} records opened; the longest"
        f" came with: {f['longest_stall_during']})",
    ]
    print("\n".join(lines))
