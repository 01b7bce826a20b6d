"""A hostile or broken server's replies to a pull: a change feed that never moves on stops the
sync with an error; documents never asked for never reach the store; every malformed reply is
one plain line (never a traceback); and the next sync with a well-behaved server completes."""

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store.store import Store
from sync.errors import MalformedResponse, NoProgress, SyncError
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply, Request
from tests.sync.helpers import AGENT, local_ids, make_store, sync

CASES = 12
BATCH = 10

Mangle = Callable[[Request, Any], Any]


@pytest.fixture(scope="module")
def filled_db(couch_server: CouchServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A council and a dozen cases, shared by the module's tests: their pulls only read it."""
    db_url = couch_server.create_db(f"hostile-pull-{uuid.uuid4().hex[:8]}")
    office = make_store(tmp_path_factory.mktemp("office"), "office", council=True)
    with office.write() as s:
        for i in range(CASES):
            case_id, _ = cases.open_case(
                s, AGENT, NewCase("missed-bin", f"Bin missed at no. {i}", "phone")
            )
            # A second revision: its history is asked of _bulk_get (a first comes with the feed).
            cases.set_priority(s, AGENT, case_id, "high")
    assert sync(office, db_url).up_to_date
    _everything.update(local_ids(office))
    office.close()
    return db_url


_everything: set[str] = set()  # the ids in filled_db


@pytest.fixture
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


def mangled(server: HostileServer, mangle: Mangle) -> Callable[[Request], Reply]:
    """The real server's JSON answer, changed by ``mangle``."""

    def script(request: Request) -> Reply:
        real = server.forward(request)
        return Reply(real.status, mangle(request, json.loads(real.content())))

    return script


def pull(server: HostileServer, db_url: str, store: Store) -> Any:
    return Replicator(store, CouchClient(server.rewrite(db_url)), batch_size=BATCH).pull()


def one_line(error: BaseException) -> str:
    message = str(error)
    assert isinstance(error, SyncError) and "\n" not in message and 0 < len(message) < 250
    return message


def sound(store: Store) -> None:
    # On a fresh connection: a pooled one that has read the search index before another
    # connection wrote it reports FTS5 "corruption" that is not there (SQLite 3.53, checked
    # against a new connection, which says ok).
    store.release_connections()
    with store.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def then_a_good_sync_completes(server: HostileServer, db_url: str, store: Store) -> None:
    server.clear()
    assert (
        Replicator(store, CouchClient(server.rewrite(db_url)), batch_size=BATCH).sync().up_to_date
    )
    assert _everything and local_ids(store) >= _everything
    sound(store)


# -- a feed that never moves on ----------------------------------------------------------------


def since_of(request: Request) -> Any:
    return json.loads(request.query["since"])


STUCK: list[tuple[str, Mangle, str]] = [
    (
        "last_seq equal to since",
        lambda r, a: {**a, "last_seq": since_of(r)},
        "answered changes but the same last_seq as asked for",
    ),
    (
        "last_seq going back",
        lambda r, a: {**a, "last_seq": 3 if since_of(r) != 3 else 5},
        "went back to a sequence it gave before",
    ),
    ("the same changes again", lambda r, a: replay_first(a), "sent the same changes again"),
]
_first: list[Any] = []


def replay_first(answer: Any) -> Any:
    """The first batch's changes again and again, under ever new sequences."""
    if not _first:
        _first.append(answer["results"])
    return {**answer, "results": _first[0]}


@pytest.mark.parametrize(("name", "mangle", "words"), STUCK, ids=[s[0] for s in STUCK])
def test_a_change_feed_that_never_moves_on_stops_the_sync(
    hostile: HostileServer, filled_db: str, tmp_path: Path, name: str, mangle: Mangle, words: str
) -> None:
    _first.clear()
    hostile.on("/_changes", mangled(hostile, mangle))
    store = make_store(tmp_path, "van")
    with pytest.raises(NoProgress) as raised:
        pull(hostile, filled_db, store)
    assert words in one_line(raised.value)
    then_a_good_sync_completes(hostile, filled_db, store)


@pytest.mark.parametrize(
    "seq", ["13-g1AAAABTeJzLYWBgYMpgTmHgz8tPSTV0MDQy", 7.5, [7, "x"], {"node": 7}, True, False]
)
def test_sequences_of_any_json_type_are_kept_opaque(
    hostile: HostileServer, filled_db: str, tmp_path: Path, seq: Any
) -> None:
    def feed(request: Request, answer: Any) -> Any:
        if request.query["since"] == "0":
            return {**answer, "last_seq": seq}  # everything, in one batch
        assert since_of_text(request) == seq  # sent back exactly as it came
        return {"results": [], "last_seq": seq}

    hostile.on("/_changes", mangled(hostile, feed))
    store = make_store(tmp_path, "van")
    result = Replicator(store, CouchClient(hostile.rewrite(filled_db)), batch_size=1000).pull()
    assert result.caught_up and result.last_seq == seq
    again = Replicator(store, CouchClient(hostile.rewrite(filled_db)), batch_size=1000).pull()
    assert again.caught_up and again.changes_seen == 0


def since_of_text(request: Request) -> Any:
    since = request.query["since"]
    try:
        return json.loads(since)
    except ValueError:
        return since  # text sequences travel as they are


# -- documents never asked for -----------------------------------------------------------------


def foreign(doc_id: str, rev: str = "1-0123456789abcdef") -> dict[str, Any]:
    body = {"_id": doc_id, "_rev": rev, "type": "citizen", "name": "Mallory", "deleted": False}
    return {"id": doc_id, "docs": [{"ok": body}]}


def test_documents_never_asked_for_never_reach_the_store(
    hostile: HostileServer, filled_db: str, tmp_path: Path
) -> None:
    def add_foreigners(request: Request, answer: Any) -> Any:
        asked = request.json()["docs"][0]
        extra = [
            foreign("_design/evil"),
            foreign("_local/evil"),
            foreign("citizen-never-asked"),
            foreign(asked["id"], "9-ffffffffffffffff"),  # a revision of an asked document
        ]
        return {"results": [*answer["results"], *extra]}

    hostile.on("/_bulk_get", mangled(hostile, add_foreigners))
    store = make_store(tmp_path, "van")
    assert pull(hostile, filled_db, store).caught_up
    ids = local_ids(store)
    assert not {"_design/evil", "_local/evil", "citizen-never-asked"} & ids
    with store.read() as session:
        revs = session.execute(text("SELECT rev_tree FROM documents")).scalars().all()
    assert not any("ffffffffffffffff" in tree for tree in revs)
    then_a_good_sync_completes(hostile, filled_db, store)


def test_design_and_local_documents_in_the_feed_are_never_asked_for(
    hostile: HostileServer, filled_db: str, tmp_path: Path
) -> None:
    def add_design(request: Request, answer: Any) -> Any:
        evil = {"_id": "_design/evil", "_rev": "1-abc", "validate_doc_update": "evil"}
        extra = [
            {"id": "_design/evil", "seq": 0, "changes": [{"rev": "1-abc"}], "doc": evil},
            {"id": "_local/evil", "seq": 0, "changes": [{"rev": "0-1"}]},
        ]
        return {**answer, "results": [*extra, *answer["results"]]}

    hostile.on("/_changes", mangled(hostile, add_design))
    store = make_store(tmp_path, "van")
    pull(hostile, filled_db, store)
    asked = [d["id"] for r in hostile.seen("/_bulk_get") for d in r.json()["docs"]]
    assert asked and not [i for i in asked if i.startswith(("_design/", "_local/"))]
    with store.read() as s:  # nor taken from the feed
        held = s.execute(text("SELECT count(*) FROM documents WHERE substr(id, 1, 1) = '_'"))
        assert held.scalar() == 0


# -- malformed replies: one line each -------------------------------------------------------------

DEEP = b"[" * 100_000 + b"]" * 100_000


MALFORMED: list[tuple[str, str, Reply | Mangle]] = [
    ("nested 100,000 deep (feed)", "/_changes", Reply(200, DEEP)),
    ("nested 100,000 deep (info)", "/db", Reply(200, b'{"doc_count": ' + DEEP + b"}")),
    ("nested 100,000 deep (bulk_get)", "/_bulk_get", Reply(200, DEEP)),
    ("not JSON", "/_changes", Reply(200, b"\xff\xfe not json", {"Content-Type": "text/html"})),
    ("no results", "/_changes", Reply(200, {"last_seq": 5})),
    ("results not a list", "/_changes", Reply(200, {"results": "lots", "last_seq": 5})),
    ("a change not an object", "/_changes", Reply(200, {"results": [1, 2], "last_seq": 5})),
    (
        "an id that is not text",
        "/_changes",
        Reply(200, {"results": [{"id": 5, "seq": 1, "changes": [{"rev": "1-a"}]}], "last_seq": 1}),
    ),
    (
        "revisions not a list",
        "/_changes",
        Reply(200, {"results": [{"id": "a", "seq": 1, "changes": "1-a"}], "last_seq": 1}),
    ),
    (
        "a revision that is not text",
        "/_changes",
        Reply(200, {"results": [{"id": "a", "seq": 1, "changes": [{"rev": 7}]}], "last_seq": 1}),
    ),
    (
        "a sequence 100,000 characters long",
        "/_changes",
        Reply(200, {"results": [], "last_seq": "9" * 100_000}),
    ),
    ("bulk_get not an object", "/_bulk_get", Reply(200, [1, 2, 3])),
    ("bulk_get without results", "/_bulk_get", Reply(200, {"docs": []})),
    ("a checkpoint that is not JSON", "/_local/", Reply(200, b"{{{")),
]


@pytest.mark.parametrize(("name", "path", "script"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_each_malformed_reply_is_one_line_and_the_next_sync_completes(
    hostile: HostileServer,
    filled_db: str,
    tmp_path: Path,
    name: str,
    path: str,
    script: Reply,
) -> None:
    db_path = "/" + filled_db.rsplit("/", 1)[1]
    hostile.on(db_path if path == "/db" else path, script, method=None)
    if path == "/db":  # only the database's own info, not everything under it
        hostile.clear()
        hostile.on(db_path, lambda r: script if r.path == db_path else None)
    store = make_store(tmp_path, "van")
    with pytest.raises(MalformedResponse) as raised:
        pull(hostile, filled_db, store)
    one_line(raised.value)
    sound(store)
    then_a_good_sync_completes(hostile, filled_db, store)


ODD_BUT_HARMLESS: list[tuple[str, str, Mangle]] = [
    ("doc_count: lots", "/db", lambda r, a: {**a, "doc_count": "lots", "doc_del_count": None}),
    (
        "a revision that is not a revision",
        "/_changes",
        lambda r, a: {
            **a,
            "results": [{"id": "odd", "seq": 0, "changes": [{"rev": "not-a-rev"}]}, *a["results"]]
            if a["results"]
            else [],
        },
    ),
    (
        "a document with _rev not-a-rev",
        "/_bulk_get",
        lambda r, a: {**a, "results": [*a["results"], foreign("odd", "not-a-rev")]},
    ),
    (
        "entries that are not objects",
        "/_bulk_get",
        lambda r, a: {**a, "results": [*a["results"], 1, "x", {"docs": 5}, {"docs": [7]}]},
    ),
    (
        "bad base64 in an attachment",
        "/_bulk_get",
        lambda r, a: {**a, "results": [with_bad_attachment(e) for e in a["results"]]},
    ),
    ("a checkpoint with a broken history", "/_local/", lambda r, a: broken_checkpoint(a)),
]


def with_bad_attachment(entry: Any) -> Any:
    for item in entry["docs"]:
        if "ok" in item:
            item["ok"]["_attachments"] = {
                "x.txt": {"content_type": "text/plain", "data": "!!not base64!!", "revpos": 1}
            }
    return entry


def broken_checkpoint(answer: Any) -> Any:
    if isinstance(answer, dict) and "session_id" in answer:
        return {**answer, "history": [5, None, {"session_id": 7}], "session_id": [1]}
    return answer


@pytest.mark.parametrize(
    ("name", "path", "mangle"), ODD_BUT_HARMLESS, ids=[m[0] for m in ODD_BUT_HARMLESS]
)
def test_odd_replies_that_a_pull_can_live_with_do_not_stop_it(
    hostile: HostileServer, filled_db: str, tmp_path: Path, name: str, path: str, mangle: Mangle
) -> None:
    db_path = "/" + filled_db.rsplit("/", 1)[1]
    script = mangled(hostile, mangle)
    if path == "/db":
        hostile.on(db_path, lambda r: script(r) if r.path == db_path else None)
    else:
        hostile.on(path, script)
    store = make_store(tmp_path, "van")
    for _ in range(2):  # the second pull starts from the (maybe broken) checkpoints
        assert pull(hostile, filled_db, store).caught_up
    sound(store)
    assert "odd" not in local_ids(store)
    then_a_good_sync_completes(hostile, filled_db, store)
