"""``caseworker bench scope``: a field officer's first sync through the gateway, out of a
central database holding a whole demo council.

    caseworker bench scope --citizens 1000000 --store DIR --server http://admin:PW@127.0.0.1:5984

The council is seeded into a local store (``--store`` keeps it for the next run), loaded into a
new central database as it is (``_bulk_docs``, ``new_edits:false``, two requests in flight), and
the access views are built (both timed, and reported: they happen once per council, not per
laptop). A bench field officer is assigned open cases until their scope is about ``--scope``
documents; then an empty laptop store syncs as them through a gateway, and
the figure is that first sync: sign-in, scope, backfill, ``_bulk_get``, the local writes. The
database is removed at the end unless ``--keep-db`` names it (then it is reused when it exists).
"""

import argparse
import json
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import text

from caseworker.access.views import VIEW_PATH
from caseworker.cli.app import Context, positive_int
from caseworker.documents.codec import new_document
from caseworker.documents.types import STAFF
from caseworker.errors import CaseworkerError
from caseworker.store.store import Store
from sync import central
from sync.bench_target import BenchServer, BenchUsers, build_views, from_args, say
from sync.gateway.process import GatewayProcess
from sync.http import CouchClient
from sync.replicator import Replicator

LOAD_BATCH = 5000
STAFF_ID = "staff:bench-officer"
_seeded: list[Path] = []  # the store seeded by this run


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--citizens", type=positive_int, default=100_000)
    parser.add_argument("--scope", type=positive_int, default=5000, help="documents (about)")
    parser.add_argument("--store", type=Path, help="the seeded council's store, kept here")
    parser.add_argument("--keep-db", help="a database name to load once and keep")
    parser.add_argument("--server", help="a CouchDB server's root URL with an admin in it")
    parser.add_argument("--user", help="the --server admin's name (default: from the URL)")
    parser.add_argument("--password-stdin", action="store_true")
    parser.add_argument("--allow-http", action="store_true")
    parser.set_defaults(handler=run)


def _store_batches(store_path: Path) -> Iterator[list[str]]:
    """The store's documents as replicated revisions (JSON text, first revisions only)."""
    store = Store(store_path)
    try:
        with store.read() as session:
            rows = session.execute(
                text("SELECT id, rev, body FROM documents WHERE deleted = 0 ORDER BY seq")
            )
            batch: list[str] = []
            for doc_id, rev, body in rows:
                start, _, digest = rev.partition("-")
                head = json.dumps(
                    {
                        "_id": doc_id,
                        "_rev": rev,
                        "_revisions": {"start": int(start), "ids": [digest]},
                    }
                )
                inner = body.strip()[1:-1].strip()
                batch.append(head[:-1] + ("," + inner if inner else "") + "}")
                if len(batch) == LOAD_BATCH:
                    yield batch
                    batch = []
            if batch:
                yield batch
    finally:
        store.close()


def _load(server: BenchServer, db_url: str, store_path: Path, say: Any) -> int:
    """Every document of the store into the database, two requests in flight."""
    batches = _store_batches(store_path)
    lock = threading.Lock()
    loaded = [0]
    failure: list[BaseException] = []

    def worker() -> None:
        session = server.admin.session()
        while not failure:
            with lock:
                batch = next(batches, None)
            if batch is None:
                return
            body = '{"new_edits":false,"docs":[' + ",".join(batch) + "]}"
            try:
                answer = session.post(f"{db_url}/_bulk_docs", data=body.encode(), timeout=600)
                if answer.status_code != 201:
                    raise CaseworkerError(
                        f"loading failed: {answer.status_code} {answer.text[:200]}"
                    )
            except BaseException as exc:
                failure.append(exc)
                return
            with lock:
                loaded[0] += len(batch)
                if loaded[0] % 500_000 < LOAD_BATCH:
                    say(f"  {loaded[0]:,} documents loaded")

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failure:
        raise failure[0]
    return loaded[0]


def _view(session: requests.Session, db_url: str, **params: Any) -> Any:
    query = {k: json.dumps(v) for k, v in {**params, "reduce": False}.items()}
    answer = session.get(db_url + VIEW_PATH, params=query, timeout=7200)
    if answer.status_code != 200:
        raise CaseworkerError(f"the view failed: {answer.status_code} {answer.text[:200]}")
    return answer.json()


def _assign_cases(session: requests.Session, db_url: str, wanted: int) -> tuple[int, int]:
    """Assign open cases, 25 at a time, to the bench officer until those cases and their
    citizens (and all that hangs off them) come to about ``wanted`` documents; how many cases,
    and that count. (A postcode district of the seeded council holds far more than a field
    officer's usual scope, so the scope is made of assignments, as a real officer's mostly is.)"""
    earlier = _view(session, db_url, key=f"assignee={STAFF_ID}")["rows"]
    if earlier:  # a kept database: the last run's assignments go first
        _set_assignee(session, db_url, [row["id"] for row in earlier], None)
    rows = _view(session, db_url, startkey="area=", endkey="area=\ufff0")["rows"]
    chosen: list[str] = []
    roots: set[str] = set()
    total = 0
    for start in range(0, len(rows), 25):
        for row in rows[start : start + 25]:
            if row["id"] in roots:
                continue
            chosen.append(row["id"])
            roots.add(row["id"])
            if row["value"]:
                roots.add(row["value"])
        counted = session.post(
            db_url + VIEW_PATH,
            json={"keys": sorted(roots)},
            params={"reduce": "false"},
            timeout=600,
        ).json()
        total = len(counted["rows"])
        if total >= wanted:
            break
    _set_assignee(session, db_url, chosen, STAFF_ID)
    return len(chosen), total


def _set_assignee(
    session: requests.Session, db_url: str, case_ids: list[str], staff_id: str | None
) -> None:
    found = session.post(
        f"{db_url}/_all_docs", params={"include_docs": "true"}, json={"keys": case_ids}, timeout=600
    ).json()["rows"]
    docs = []
    for row in found:
        if row.get("doc"):
            doc = {k: v for k, v in row["doc"].items() if k != "assignee_id"}
            docs.append({**doc, "assignee_id": staff_id} if staff_id else doc)
    answer = session.post(f"{db_url}/_bulk_docs", json={"docs": docs}, timeout=600)
    if answer.status_code != 201:
        raise CaseworkerError(f"assigning the bench cases failed: {answer.status_code}")


def measure(args: argparse.Namespace, server: BenchServer, say: Any) -> dict[str, Any]:
    from caseworker.cli.bench import seeded_store

    store_dir = seeded_store(args.store, args.citizens)
    _seeded.append(store_dir)
    session = server.admin.session()
    name = args.keep_db or f"{server.prefix}-council"
    db_url = server.admin.db_url(name)
    figures: dict[str, Any] = {"citizens": args.citizens, "server": server.description}
    exists = session.get(db_url, timeout=30).status_code == 200
    if not exists:
        server.admin.create_db(name)
    if not args.keep_db:
        server.created.append(name)
    client = CouchClient(db_url, *server.auth, allow_http=server.allow_http)
    try:
        central.init(client)
    finally:
        client.close()
    if not exists:
        say(f"loading the council into {name} ...")
        started = time.perf_counter()
        figures["docs_loaded"] = _load(server, db_url, store_dir / "caseworker.db", say)
        figures["load_s"] = round(time.perf_counter() - started, 1)
        say(f"loaded {figures['docs_loaded']:,} documents in {figures['load_s']} s")
    say("building the access views ...")
    started = time.perf_counter()
    build_views(session, db_url)
    figures["views_s"] = round(time.perf_counter() - started, 1)
    info = session.get(db_url, timeout=30).json()
    figures["central_docs"] = info.get("doc_count")
    assigned, expected = _assign_cases(session, db_url, args.scope)
    say(f"bench officer: {assigned:,} cases assigned, {expected:,} documents under them")
    users = BenchUsers(
        server, CouchClient(server.url + "/_users", *server.auth, allow_http=server.allow_http)
    )
    user, password = users.add("field_officer", STAFF_ID)
    staff = new_document(
        STAFF,
        STAFF_ID,
        {
            "name": "Bench Officer",
            "username": user,
            "role": "field_officer",
            "queue_ids": [],
            "patch": [],
            "active": True,
        },
    )
    current = session.get(f"{db_url}/{STAFF_ID}", timeout=30)
    if current.status_code == 200:
        staff["_rev"] = current.json()["_rev"]
    session.put(f"{db_url}/{STAFF_ID}", data=json.dumps(staff), timeout=30).raise_for_status()
    work = Path(tempfile.mkdtemp(prefix="cw-bench-scope-"))
    try:
        with GatewayProcess(db_url, *server.auth) as gateway:
            laptop = Store(work / "laptop.db")
            remote_client = CouchClient(gateway.db_url, user, password)
            try:
                started = time.perf_counter()
                result = Replicator(laptop, remote_client).sync()
                figures["first_sync_s"] = round(time.perf_counter() - started, 2)
                figures["first_sync_docs"] = result.pull.docs_written
            finally:
                remote_client.close()
                laptop.close()
    finally:
        users.remove_all()
        users.client.close()
        shutil.rmtree(work, ignore_errors=True)
    figures["cases_assigned"] = assigned
    figures["scope_docs"] = expected
    return figures


def run(args: argparse.Namespace, ctx: Context) -> int:
    with from_args(args) as server:
        try:
            figures = measure(args, server, say)
        finally:
            if args.store is None and _seeded:  # a council seeded for this run only
                shutil.rmtree(_seeded.pop(), ignore_errors=True)
    print(json.dumps(figures, indent=2))
    return 0
