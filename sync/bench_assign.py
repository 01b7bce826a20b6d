"""``caseworker bench assign``: a supervisor spreads 500 cases across two field officers in one
gesture, and both officers' laptops receive them (target: under 5 s end to end).

    caseworker bench assign [--cases 500] [--background 2000]
    caseworker bench assign --server http://admin:PASSWORD@127.0.0.1:5984   # Apache CouchDB

Real pieces throughout: the central database (the built-in PouchDB Server unless ``--server``),
the gateway in front of it (a process, judging every push by the access rules), three stores
(the supervisor's, holding the queue; each officer's, holding only their own cases), each
signed in as its own user. Timed from the gesture (``assignment.spread`` in one transaction on
the supervisor's store) through the supervisor's push (what live sync sends at once after a
local change) to both officers' syncs, run at once as two laptops would; the officers' stores
are then checked to hold exactly their cases.
"""

import argparse
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from caseworker.cli.app import Context, positive_int
from caseworker.documents.codec import new_document
from caseworker.documents.types import QUEUE, STAFF
from caseworker.errors import CaseworkerError
from caseworker.models import Case
from caseworker.services import assignment
from caseworker.services.context import Actor
from caseworker.store.store import Store
from sync import central
from sync.bench_docs import case_docs, fill_database
from sync.bench_target import BenchServer, BenchUsers, from_args, say
from sync.gateway.process import GatewayProcess
from sync.http import CouchClient
from sync.replicator import Replicator

QUEUE_ID = "queue:bench-assign"
SUPERVISOR = Actor("staff:bench-supervisor", "supervisor")
OFFICERS = ("staff:bench-officer-a", "staff:bench-officer-b")
TARGET_S = 5.0


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cases", type=positive_int, default=500, help="default: 500")
    parser.add_argument(
        "--background",
        type=int,
        default=2000,
        help="other cases in the queue, already assigned elsewhere (default: 2000)",
    )
    parser.add_argument("--server", help="a CouchDB server's root URL with an admin in it")
    parser.add_argument("--user", help="the --server admin's name (default: from the URL)")
    parser.add_argument("--password-stdin", action="store_true")
    parser.add_argument("--allow-http", action="store_true")
    parser.set_defaults(handler=run)


def _council(cases: int, background: int) -> tuple[list[dict[str, Any]], list[str]]:
    docs: list[dict[str, Any]] = [
        new_document(QUEUE, QUEUE_ID, {"name": "Bench queue", "active": True})
    ]
    people = [(SUPERVISOR.staff_id, "supervisor", [QUEUE_ID])]
    people += [(o, "field_officer", []) for o in OFFICERS]
    for staff_id, role, queues in people:
        fields = {"name": staff_id[6:], "username": staff_id[6:], "role": role, "active": True}
        docs.append(new_document(STAFF, staff_id, {**fields, "queue_ids": queues}))
    work = case_docs(cases + background, seed=23)
    for n, doc in enumerate(work):
        doc["queue_id"] = QUEUE_ID
        if n >= cases:
            doc["assignee_id"] = "staff:someone-else"
    return docs + work, [d["_id"] for d in work[:cases]]


def _sync(
    store: Store,
    url: str,
    credentials: tuple[str, str],
    server: BenchServer,
    *,
    push_only: bool = False,
) -> None:
    """A sync as a laptop runs it; ``push_only``: what a local change triggers at once (live
    sync pushes it, and pulls on its own schedule)."""
    remote = CouchClient(url, *credentials, allow_http=server.allow_http)
    try:
        replicator = Replicator(store, remote)
        refused = replicator.push().refused if push_only else replicator.sync().refused
    finally:
        remote.close()
    if refused:
        raise CaseworkerError(f"bench assign: the gateway refused {len(refused)} documents")


def _held(store: Store, staff_id: str) -> tuple[int, int]:
    """The cases assigned to the officer on their laptop, and any others there (none may be:
    an officer with no patch holds their own cases only)."""
    from sqlalchemy import func, select

    with store.read() as session:
        mine = select(func.count()).select_from(Case).where(Case.assignee_id == staff_id)
        every = select(func.count()).select_from(Case)
        held = int(session.scalar(mine) or 0)
        return held, int(session.scalar(every) or 0) - held


def measure(args: argparse.Namespace, server: BenchServer) -> dict[str, Any]:
    source = server.new_db("assign")
    admin = CouchClient(source, *server.auth, allow_http=server.allow_http)
    users_client = CouchClient(server.url + "/_users", *server.auth, allow_http=server.allow_http)
    users = BenchUsers(server, users_client)
    try:
        central.init(admin)
        docs, ids = _council(args.cases, args.background)
        fill_database(server.admin.session(), source, docs)
        logins = {
            SUPERVISOR.staff_id: users.add("supervisor", SUPERVISOR.staff_id),
            **{o: users.add("field_officer", o, suffix=o[-1]) for o in OFFICERS},
        }
        with GatewayProcess(source, *server.auth) as gateway, tempfile.TemporaryDirectory() as tmp:
            stores = {s: Store(Path(tmp) / s[6:] / "caseworker.db") for s in logins}
            try:
                say(f"first syncs of the three laptops through the gateway ({server.description})")
                for staff_id, store in stores.items():
                    _sync(store, gateway.db_url, logins[staff_id], server)
                figures = _timed(server, gateway.db_url, stores, logins, ids)
            finally:
                for store in stores.values():
                    store.close()
        return {"server": server.description, "cases": args.cases, **figures}
    finally:
        users.remove_all()
        users_client.close()
        admin.close()


def _timed(
    server: BenchServer,
    url: str,
    stores: dict[str, Store],
    logins: dict[str, tuple[str, str]],
    ids: list[str],
) -> dict[str, Any]:
    supervisor = stores[SUPERVISOR.staff_id]
    started = time.perf_counter()
    with supervisor.write() as session:
        outcome, plan = assignment.spread(session, SUPERVISOR, ids, list(OFFICERS))
    assigned = time.perf_counter()
    _sync(supervisor, url, logins[SUPERVISOR.staff_id], server, push_only=True)
    pushed = time.perf_counter()
    errors: list[BaseException] = []

    def pull(staff_id: str) -> None:
        try:
            _sync(stores[staff_id], url, logins[staff_id], server)
        except BaseException as exc:  # reported below, after both have finished
            errors.append(exc)

    threads = [threading.Thread(target=pull, args=(o,)) for o in OFFICERS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ended = time.perf_counter()
    if errors:
        raise errors[0]
    wanted = plan.by_officer()
    counted = {o: _held(stores[o], o) for o in OFFICERS}
    held = {o: mine for o, (mine, _others) in counted.items()}
    if len(outcome.moved) != len(ids) or any(held[o] != len(wanted.get(o, [])) for o in OFFICERS):
        raise CaseworkerError(f"bench assign: the officers hold {held}, not the plan's split")
    leaked = {o: others for o, (_mine, others) in counted.items() if others}
    if leaked:
        raise CaseworkerError(f"bench assign: officers hold cases not theirs: {leaked}")
    total = ended - started
    return {
        "assign_s": round(assigned - started, 3),
        "push_s": round(pushed - assigned, 3),
        "pull_s": round(ended - pushed, 3),
        "total_s": round(total, 3),
        "held": held,
        "target_s": TARGET_S,
        "met": total < TARGET_S,
    }


def run(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.cli.bench import machine
    from caseworker.cli.output import print_json

    with from_args(args) as server:
        figures = measure(args, server)
    if args.json:
        print_json({"bench": "assign", "machine": machine(), **figures})
        return 0
    print(
        f"{figures['cases']} cases spread across two officers, synced to both through the "
        f"gateway ({figures['server']})"
    )
    print(
        f"  end to end {figures['total_s']:.2f} s (target under {TARGET_S:g} s): the gesture "
        f"{figures['assign_s']:.2f} s, the supervisor's push {figures['push_s']:.2f} s, both "
        f"officers' pulls {figures['pull_s']:.2f} s; they hold {figures['held']}"
    )
    return 0
