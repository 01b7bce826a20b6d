"""``caseworker bench sync-window``: the window's event loop while live sync pulls 50,000
documents (target: no stall over 50 ms).

A PouchDB Server (``sync.devserver``, like ``bench sync``) is loaded with N case
documents of about 500 bytes; a small demo council is seeded into a fresh store; the real
window opens on it (offscreen unless a display is set) with the agent's My work page showing,
signs in to the central service and live-syncs: it pulls the N documents (and sends its own
council). A 5 ms heartbeat timer on the GUI thread measures the longest gap beyond its interval
from the start of the sync until the status bar says up to date.

A control runs beside it: a separate, idle process that only sleeps 5 ms at a time and notes
how late it wakes. On this shared 2-core machine the PouchDB Server, busy answering on the same
machine, delays even that idle process's wake-ups; the control tells what part of the window's
figure the machine would impose on any program.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from caseworker.cli.app import Context, positive_int
from caseworker.models import Case, StaffMember
from caseworker.services.context import Actor
from caseworker.store.store import STORE_FILENAME, Store
from sync.bench_docs import case_docs, load_database
from sync.credentials import CentralAccount
from sync.devserver import DevServer, ensure_node_modules
from ui import i18n
from ui.bench_probe import Heartbeat, run_until
from ui.bus import ChangeBus
from ui.central import CentralConnection
from ui.context import UiContext
from ui.launch import application
from ui.main_window import MainWindow
from ui.theme import Theme
from ui.worker import DbWorker

COUNCIL_CITIZENS = 2_000
TARGET_MS = 50


# The control: sleeps 5 ms at a time until its standard input closes, then prints its longest
# and its 99th-percentile oversleep in milliseconds, and how many of its wake-ups were over 50 ms.
_CONTROL = """
import json, sys, threading, time
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
late = []
while not done.is_set():
    start = time.perf_counter()
    time.sleep(0.005)
    late.append((time.perf_counter() - start - 0.005) * 1000)
late.sort()
print(json.dumps({"longest": late[-1], "p99": late[int(0.99 * (len(late) - 1))],
                  "over": sum(1 for x in late if x > 50), "count": len(late)}))
"""


class Control:
    def __enter__(self) -> "Control":
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _CONTROL],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.figures: dict[str, float] = {}
        return self

    def __exit__(self, *_exc: object) -> None:
        out, _err = self.proc.communicate("", timeout=30)
        answer = json.loads(out)
        self.figures = {
            "control_longest_ms": round(answer["longest"], 1),
            "control_p99_ms": round(answer["p99"], 1),
            "control_over_target": answer["over"],
            "control_wakeups": answer["count"],
        }


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=positive_int, default=50_000)
    parser.set_defaults(handler=run)


def _agent(store: Store) -> StaffMember:
    with store.read() as session:
        staff = session.scalars(
            select(StaffMember)
            .where(StaffMember.role == "agent", StaffMember.active.is_(True))
            .order_by(StaffMember.username)
        ).first()
    assert staff is not None, "the demo council has no agent"
    return staff


def _window_sync(store: Store, data_dir: Path, db_url: str, auth: tuple[str, str]) -> Any:
    app = application()
    theme = Theme(app, "light")
    theme.apply()
    i18n.install(app, "en")
    bus = ChangeBus()
    worker = DbWorker(store, bus)
    staff = _agent(store)
    ctx = UiContext(Actor(staff.id, staff.role), staff.name, worker, bus)
    central = CentralConnection(data_dir, worker, bus, auth[0], None)
    window = MainWindow(ctx, theme, central=central)
    window.resize(1400, 900)
    window.show()
    run_until(lambda: worker.pending == 0)
    account = CentralAccount(db_url)
    account.sign_in(auth[0], auth[1], remember=False)
    beat = Heartbeat(5)
    refreshes: list[float] = []
    bus.changed.connect(lambda _c: refreshes.append(time.perf_counter()))
    with Control() as control:
        beat.start()
        started = time.perf_counter()
        central.start(account)
        done = run_until(
            lambda: central.state is not None and central.state.kind == "up_to_date", 900
        )
        seconds = time.perf_counter() - started
        beat.stop()
    central.stop()
    run_until(lambda: worker.pending == 0)
    window.close()
    worker.stop()
    gaps = [g - beat.interval_ms for g in beat.gaps]
    return {
        "up_to_date": done,
        "sync_s": round(seconds, 2),
        "longest_stall_ms": round(beat.longest_stall_ms, 1),
        "stall_p99_ms": round(sorted(gaps)[int(0.99 * (len(gaps) - 1))], 1) if gaps else 0.0,
        "stall_median_ms": round(statistics.median(gaps), 2) if gaps else 0.0,
        "stalls_over_target": sum(1 for g in gaps if g > TARGET_MS),
        "heartbeats": len(gaps),
        "view_refreshes": len(refreshes),
        **control.figures,
    }


def measure(docs: int) -> dict[str, Any]:
    from caseworker.seed import BENCH_NOW_MS, seed_store

    ensure_node_modules()
    work = Path(tempfile.mkdtemp(prefix="cw-bench-sync-window-"))
    try:
        with DevServer() as server:
            url = load_database(server, "bench-window", case_docs(docs))
            data_dir = work / "data"
            data_dir.mkdir()
            store = Store(data_dir / STORE_FILENAME)
            try:
                seed_store(store, citizens=COUNCIL_CITIZENS, now_ms=BENCH_NOW_MS)
                figures = _window_sync(store, data_dir, url, server.admin_auth)
                with store.read() as session:
                    cases = session.scalar(select(func.count()).select_from(Case))
                    figures["cases_in_store"] = int(cases or 0)
            finally:
                store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"docs": docs, "council_citizens": COUNCIL_CITIZENS, **figures}


def run(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.cli.bench import machine
    from caseworker.cli.output import print_json

    figures = measure(args.docs)
    if args.json:
        print_json({"bench": "sync-window", "machine": machine(), **figures})
        return 0
    print(
        f"window open, live sync pulling {figures['docs']:,} documents "
        f"(and sending a {figures['council_citizens']:,}-citizen council): "
        f"up to date in {figures['sync_s']:.1f} s"
    )
    print(
        f"  longest GUI event-loop stall {figures['longest_stall_ms']:.1f} ms "
        f"(target {TARGET_MS} ms; p99 {figures['stall_p99_ms']:.1f} ms, "
        f"{figures['stalls_over_target']} of {figures['heartbeats']:,} heartbeats over target)"
    )
    print(
        f"  control, an idle process on the same machine: longest late wake-up "
        f"{figures['control_longest_ms']:.1f} ms (p99 {figures['control_p99_ms']:.1f} ms, "
        f"{figures['control_over_target']} of {figures['control_wakeups']:,} over {TARGET_MS} ms)"
    )
    print(
        f"  views told of changes {figures['view_refreshes']} times; "
        f"{figures['cases_in_store']:,} cases in the store afterwards"
    )
    return 0
