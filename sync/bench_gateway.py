"""``caseworker bench gateway``: the gateway beside the database it stands in front of.

    caseworker bench gateway [--docs 50000] [--repeat 2]
    caseworker bench gateway --server http://admin:PASSWORD@127.0.0.1:5984   # Apache CouchDB

In one run on one server (the built-in PouchDB Server unless ``--server`` names another):
loads N case documents into a central database set up by ``central init``, starts
``caseworker central serve`` in front of it, and measures
- pull: Caseworker pulling everything straight from the database (as its admin) and through
  the gateway (as a council admin, whose scope is everything), in interleaved rounds;
- push: the pulled store pushed into a fresh database straight, as a member, with the
  ``validate_doc_update`` rules checking every document (what laptops did before the gateway);
  and through the gateway as a supervisor, with and without those rules installed behind it.
Users and databases made for the bench are removed afterwards.
"""

import argparse
import contextlib
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from caseworker.cli.app import Context, positive_int
from caseworker.documents.codec import new_document
from caseworker.documents.types import STAFF
from caseworker.errors import CaseworkerError
from caseworker.store.store import Store
from sync import central
from sync.bench_docs import case_docs, fill_database
from sync.bench_target import BenchServer, BenchUsers, build_views, from_args, say
from sync.gateway.process import GatewayProcess
from sync.http import CouchClient
from sync.replicator import DEFAULT_BATCH, Replicator


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=positive_int, default=50_000, help="default: 50,000")
    parser.add_argument(
        "--repeat", type=positive_int, default=2, help="interleaved pull rounds (default: 2)"
    )
    parser.add_argument(
        "--batch-size", type=positive_int, default=DEFAULT_BATCH, help="Caseworker's batch size"
    )
    parser.add_argument("--server", help="a CouchDB server's root URL with an admin in it")
    parser.add_argument("--user", help="the --server admin's name (default: from the URL)")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the --server admin's password"
    )
    parser.add_argument(
        "--allow-http", action="store_true", help="plain http:// to another machine"
    )
    parser.set_defaults(handler=run)


def _central_db(server: BenchServer, role: str, *, rules: bool) -> str:
    url = server.new_db(role)
    client = CouchClient(url, *server.auth, allow_http=server.allow_http)
    try:
        _init(client, rules)
    finally:
        client.close()
    return url


_STAFF = (
    ("admin", "staff:bench-admin"),
    ("supervisor", "staff:bench-supervisor"),
    ("agent", "staff:bench-agent"),
)


def _init(client: CouchClient, rules: bool) -> None:
    central.init(client)
    for role, staff_id in _STAFF:  # the gateway's rules read who each bench user is
        client.put(
            "/" + staff_id,
            new_document(
                STAFF,
                staff_id,
                {
                    "name": f"Bench {role}",
                    "username": staff_id[6:],
                    "role": role,
                    "queue_ids": ["queue:waste"],
                    "active": True,
                },
            ),
        )
    if rules:  # as before the gateway: members write themselves, checked by the old rules
        central.install_baseline(client)


@contextlib.contextmanager
def _gateway(server: BenchServer, db_url: str) -> Iterator[GatewayProcess]:
    with GatewayProcess(db_url, *server.auth) as gateway:
        yield gateway


def _timed(store: Store, client: CouchClient, batch: int, direction: str) -> tuple[float, int]:
    try:
        replicator = Replicator(store, client, batch_size=batch)
        started = time.perf_counter()
        if direction == "pull":
            done = replicator.pull().docs_written
        else:
            result = replicator.push()
            done = result.docs_written
            if result.refused:
                doc_id, why = next(iter(result.refused.items()))
                raise CaseworkerError(
                    f"the push was refused {len(result.refused)} times, e.g. {doc_id}: {why}"
                )
        return time.perf_counter() - started, done
    finally:
        client.close()


def measure(args: argparse.Namespace, server: BenchServer, say: Any) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="cw-bench-gateway-"))
    admin_client = CouchClient(server.url + "/_users", *server.auth, allow_http=server.allow_http)
    users = BenchUsers(server, admin_client)
    try:
        say(f"loading {args.docs:,} documents into a central database on {server.description}")
        source = _central_db(server, "central", rules=False)
        fill_database(server.admin.session(), source, case_docs(args.docs))
        # Indexed before anything is timed, as the gateway's warmer keeps them: else the
        # first rounds, straight and through the gateway, race CouchDB building them.
        build_views(server.admin.session(), source)
        council_admin, supervisor, member = (users.add(*entry) for entry in _STAFF)
        pulls: dict[str, list[float]] = {"straight": [], "gateway": []}
        kept = work / "kept.db"
        with _gateway(server, source) as gateway:
            for round_no in range(args.repeat):
                for way in ("straight", "gateway"):
                    place = work / f"{way}-{round_no}.db"
                    store = Store(place)
                    url, auth = (
                        (source, server.auth)
                        if way == "straight"
                        else (gateway.db_url, council_admin)
                    )
                    try:
                        client = CouchClient(url, *auth, allow_http=server.allow_http)
                        seconds, docs = _timed(store, client, args.batch_size, "pull")
                    finally:
                        store.close()
                    if docs != args.docs + len(_STAFF):  # the cases and the bench's staff
                        raise CaseworkerError(f"the {way} pull wrote {docs:,} of {args.docs:,}")
                    pulls[way].append(seconds)
                    say(f"round {round_no + 1}/{args.repeat}: pull {way} {seconds:.2f} s")
                    if not kept.exists():
                        place.rename(kept)
                    else:
                        place.unlink()
        pushes: dict[str, float] = {}
        for way, rules in (("straight", True), ("gateway", True), ("gateway, no rules", False)):
            target = _central_db(server, f"push-{len(pushes)}", rules=rules)
            store_path = work / f"push-{len(pushes)}.db"
            shutil.copyfile(kept, store_path)
            store = Store(store_path)
            try:
                if way == "straight":
                    client = CouchClient(target, *member, allow_http=server.allow_http)
                    seconds, docs = _timed(store, client, args.batch_size, "push")
                else:
                    with _gateway(server, target) as gateway:
                        client = CouchClient(gateway.db_url, *supervisor)
                        seconds, docs = _timed(store, client, args.batch_size, "push")
            finally:
                store.close()
            pushes[way] = seconds
            say(f"push {way}: {seconds:.2f} s ({docs:,} documents)")
    finally:
        users.remove_all()
        admin_client.close()
        shutil.rmtree(work, ignore_errors=True)
    straight = statistics.median(pulls["straight"])
    through = statistics.median(pulls["gateway"])
    return {
        "docs": args.docs,
        "server": server.description,
        "repeat": args.repeat,
        "pull_straight_s": round(straight, 3),
        "pull_gateway_s": round(through, 3),
        "pull_ratio": round(through / straight, 2),
        "push_straight_with_rules_s": round(pushes["straight"], 3),
        "push_gateway_s": round(pushes["gateway"], 3),
        "push_gateway_no_rules_s": round(pushes["gateway, no rules"], 3),
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def run(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.cli.bench import machine
    from caseworker.cli.output import print_json

    with from_args(args) as server:
        figures = measure(args, server, say)
    if args.json:
        print_json({"bench": "gateway", "machine": machine(), **figures})
        return 0
    n = figures["docs"]
    print(f"the gateway in front of {figures['server']}, {n:,} case documents")
    print(
        f"  pull straight from the database {figures['pull_straight_s']:.2f} s, through the "
        f"gateway {figures['pull_gateway_s']:.2f} s: {figures['pull_ratio']:.2f}x "
        f"(medians of {figures['repeat']})"
    )
    print(
        f"  push straight, validate_doc_update checking each document "
        f"{figures['push_straight_with_rules_s']:.2f} s; through the gateway "
        f"{figures['push_gateway_s']:.2f} s with those rules behind it, "
        f"{figures['push_gateway_no_rules_s']:.2f} s without"
    )
    print(f"  load average after {figures['load_after']}")
    return 0
