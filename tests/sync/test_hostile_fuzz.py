"""Fuzzing the replicator with a hostile stand-in server: random JSON in place of real replies,
real replies with one part swapped for something hostile, any status code, truncated or
undecodable bodies, wrong content types.

The invariants, for every example: nothing but a ``SyncError`` (one plain line) escapes the
sync; the store passes ``PRAGMA integrity_check``; every revision the store held is still
there; and the next sync, with the server well-behaved again, completes.

A fixed budget in CI (``EXAMPLES`` examples, about a minute on the project's machines); set
``CASEWORKER_FUZZ_EXAMPLES`` for a longer run, e.g. ``CASEWORKER_FUZZ_EXAMPLES=500``.
"""

import json
import os
import random
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from caseworker.revisions import tree as revtree
from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store.store import Store
from sync import central as central_service
from sync.errors import SyncError
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply, Request
from tests.sync.helpers import AGENT, make_store, sync

EXAMPLES = int(os.environ.get("CASEWORKER_FUZZ_EXAMPLES", "12"))
BATCH = 7
DB_INFO = "<the database's info>"
ENDPOINTS = ["/_changes", "/_revs_diff", "/_bulk_get", "/_bulk_docs", "/_local/", DB_INFO]
ANN = ("ann", "ann-pw")  # an agent of the signed-in central database
KEYS = [
    "results", "last_seq", "id", "changes", "rev", "seq", "docs", "ok", "_id", "_rev",
    "_revisions", "start", "ids", "missing", "error", "reason", "doc_count", "_attachments",
    "data", "digest", "_deleted", "history", "session_id", "type",
]  # fmt: skip
HOSTILE = [
    None, True, -1, 2**70, 1e308, "", "lots", "not-a-rev", "1-abc", "_design/evil",
    "_local/evil", "\x1b[2J", "\u202eevil", "x" * 5000, [], {}, [[[[[]]]]], {"ok": {}},
    {"_id": "foreign", "_rev": "1-a"},
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from([v for v in HOSTILE if isinstance(v, str)]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), inner, max_size=5),
    ),
    max_leaves=25,
)
STATUSES = [204, 301, 307, 400, 401, 403, 404, 409, 413, 500, 503]
TYPES = ["text/html", "text/plain", "application/octet-stream"]
faults = st.one_of(
    st.tuples(st.just("json"), json_values),
    st.tuples(st.just("mutate"), st.integers(0, 2**32)),
    st.tuples(st.just("mutate"), st.integers(0, 2**32)),  # twice as likely: shapes nearly right
    st.tuples(st.just("status"), st.sampled_from(STATUSES)),
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("bytes"), st.binary(max_size=64)),
    st.tuples(st.just("type"), st.sampled_from(TYPES)),
    st.tuples(st.just("gzip"), st.binary(max_size=32)),
)  # fmt: skip


@dataclass
class Fault:
    endpoint: str
    nth: int  # spoil the nth matching request (0: the first)
    kind: str
    value: Any


fault_lists = st.lists(
    st.builds(
        lambda e, n, f: Fault(e, n, *f), st.sampled_from(ENDPOINTS), st.integers(0, 2), faults
    ),
    min_size=1,
    max_size=3,
)


def mutate(value: Any, rng: random.Random) -> Any:
    """``value`` with one part (or the whole) replaced by something hostile."""
    holders: list[tuple[Any, Any]] = []  # (container, key) of every part

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in list(items):
            holders.append((node, key))
            if isinstance(child, dict | list):
                walk(child)

    if isinstance(value, dict | list):
        walk(value)
    if not holders or rng.random() < 0.1:
        return rng.choice(HOSTILE)
    container, key = rng.choice(holders)
    if isinstance(container, dict) and rng.random() < 0.3:
        del container[key]
    else:
        container[key] = rng.choice(HOSTILE)
    return value


def spoil(fault: Fault, real: Reply) -> Reply:
    content = real.content()
    if fault.kind == "json":
        return Reply(200, fault.value)
    if fault.kind == "mutate":
        try:
            parsed = json.loads(content)
        except ValueError:
            return real
        return Reply(real.status, mutate(parsed, random.Random(fault.value)))
    if fault.kind == "status":
        return Reply(fault.value, {"error": "spoiled", "reason": "fuzz"})
    if fault.kind == "truncate":
        return Reply(real.status, content[: int(len(content) * fault.value)], framing="close")
    if fault.kind == "bytes":
        return Reply(real.status, fault.value)
    if fault.kind == "type":
        return Reply(real.status, content, {"Content-Type": fault.value})
    return Reply(real.status, fault.value, {"Content-Encoding": "gzip"})


def install(server: HostileServer, db_path: str, fault: Fault) -> None:
    seen = [0]

    def script(request: Request) -> Reply | None:
        if fault.endpoint == DB_INFO and request.path != db_path:
            return None
        seen[0] += 1
        if seen[0] - 1 != fault.nth:
            return None
        return spoil(fault, server.forward(request))

    server.on(db_path if fault.endpoint == DB_INFO else fault.endpoint, script)


@pytest.fixture(scope="module")
def central(couch_server: CouchServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    db_url = couch_server.create_db(f"fuzz-{uuid.uuid4().hex[:8]}")
    office = make_store(tmp_path_factory.mktemp("office"), "office", council=True)
    with office.write() as s:
        for i in range(10):
            cases.open_case(s, AGENT, NewCase("missed-bin", f"Bin missed at no. {i}", "phone"))
    assert sync(office, db_url).up_to_date
    office.close()
    return db_url


@pytest.fixture(scope="module")
def signed_in_central(couch_server: CouchServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The same, with members only (so every sync signs in with ``POST /_session``)."""
    db_url = couch_server.create_db(f"fuzz-auth-{uuid.uuid4().hex[:8]}")
    admin = CouchClient(db_url, *couch_server.admin_auth)
    admin.put("/_security", central_service.members_security())  # the laptop's own sign-in
    central_service.add_user(admin, *ANN, "agent", AGENT.staff_id)
    office = make_store(tmp_path_factory.mktemp("office"), "office", council=True)
    assert sync(office, db_url, couch_server.admin_auth).up_to_date
    office.close()
    return db_url


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the council, copied for each example (each copy gets its own store id)."""
    folder = tmp_path_factory.mktemp("template")
    make_store(folder, "t", council=True).close()
    return folder / "t" / "caseworker.db"


@pytest.fixture(scope="module")
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


def revisions(store: Store) -> dict[str, list[str]]:
    with store.read() as session:
        rows = session.execute(text("SELECT id, rev_tree FROM documents")).all()
    held = {}
    for doc_id, tree_json in rows:
        tree = revtree.tree_from_json(json.loads(tree_json))
        held[doc_id] = [leaf.rev for leaf in revtree.leaves(tree)] + revtree.non_leaf_revs(tree)
    return held


def keeps(store: Store, before: dict[str, list[str]]) -> None:
    with store.read() as session:
        rows = {r[0]: r[1] for r in session.execute(text("SELECT id, rev_tree FROM documents"))}
    for doc_id, revs in before.items():
        assert doc_id in rows, f"{doc_id} was lost"
        tree = revtree.tree_from_json(json.loads(rows[doc_id]))
        assert revtree.missing_revs(tree, revs) == [], f"revisions of {doc_id} were lost"


def sound(store: Store) -> None:
    # On a fresh connection: a pooled one that has read the search index before another
    # connection wrote it reports FTS5 "corruption" that is not there (SQLite 3.53, checked
    # against a new connection, which says ok).
    store.release_connections()
    with store.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 50,  # the CI budget: the same examples every run
    # Each example is a real sync: shrinking a failure takes many minutes, so only on demand.
    phases=[Phase.explicit, Phase.reuse, Phase.generate]
    + ([Phase.shrink] if os.environ.get("CASEWORKER_FUZZ_SHRINK") else []),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(spoiled=fault_lists, push_too=st.booleans())
def test_no_reply_can_break_the_store_or_stop_the_next_good_sync(
    hostile: HostileServer,
    central: str,
    template: Path,
    tmp_path: Path,
    spoiled: list[Fault],
    push_too: bool,
) -> None:
    run_example(hostile, central, None, template, tmp_path, spoiled, push_too)


@FUZZ
@given(
    spoiled=st.lists(
        st.builds(lambda n, f: Fault("/_session", n, *f), st.integers(0, 1), faults),
        min_size=1,
        max_size=2,
    )
    | fault_lists,
)
def test_nor_can_any_reply_to_a_signed_in_sync(
    hostile: HostileServer,
    signed_in_central: str,
    template: Path,
    tmp_path: Path,
    spoiled: list[Fault],
) -> None:
    run_example(hostile, signed_in_central, ANN, template, tmp_path, spoiled, True)


def run_example(
    hostile: HostileServer,
    db_url: str,
    auth: tuple[str, str] | None,
    template: Path,
    tmp_path: Path,
    spoiled: list[Fault],
    push_too: bool,
) -> None:
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    shutil.copy(template, folder / "caseworker.db")
    store = Store(folder / "caseworker.db")
    user, password = auth or (None, None)
    try:
        if push_too:
            with store.write() as s:
                cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed at the fuzz", "phone"))
        held = revisions(store)
        hostile.clear()
        db_path = "/" + db_url.rsplit("/", 1)[1]
        for fault in spoiled:
            install(hostile, db_path, fault)
        remote = CouchClient(hostile.rewrite(db_url), user, password, timeout=5.0, deadline=20.0)
        try:
            Replicator(store, remote, batch_size=BATCH, budget=60.0).sync()
        except SyncError as exc:
            assert "\n" not in str(exc) and str(exc)
        sound(store)
        keeps(store, held)
        held = revisions(store)
        hostile.clear()
        good = CouchClient(hostile.rewrite(db_url), user, password)
        again = Replicator(store, good, batch_size=BATCH).sync()
        # Completes; it need not hold everything: a server that left a change out of its
        # feed, or named another revision, has moved the checkpoint past it (as CouchDB's and
        # PouchDB's replicators would).
        assert again.up_to_date
        sound(store)
        keeps(store, held)
    finally:
        store.close()
