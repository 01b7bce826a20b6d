"""The citizen directory on a laptop: each entry a row and search terms, bounded whatever a peer
sends, under its own citizen only, gone without a trace when deleted or purged, and projected
when an older store is migrated."""

import json
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseworker.models import AssuranceCheck, DirectoryEntry, MatchKey, Merge, StoredDocument
from caseworker.services import search
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store import docstore, purge, replication
from caseworker.store.engine import make_engine
from caseworker.store.problems import list_problems
from caseworker.store.schema import HEAD_REVISION, MIGRATIONS_DIR
from caseworker.store.store import Store
from tests.support.council import council_docs
from tests.unit.conftest import AGENT
from tests.unit.directory_docs import entry, receive, tombstone
from tests.unit.test_store_fuzz import integrity

CARYS = entry(
    "c1",
    "Carys",
    "Quillfeather",
    language="cy",
    phones=["01248 123456"],
    emails=["carys@example.org"],
    postcodes=["ll57 2pw"],
)


def _kinds(store: Store, query: str) -> list[tuple[str, str]]:
    with store.read() as s:
        return [(h.kind, h.id) for h in search.search(s, query)]


def _search_rows(store: Store, term: str) -> int:
    with store.read() as s:
        sql = "SELECT count(*) FROM directory_search WHERE directory_search MATCH :q"
        return int(s.execute(text(sql), {"q": f'"{term}"'}).scalar_one())


def test_an_entry_is_a_row_found_by_name_phone_email_and_postcode(store: Store) -> None:
    receive(store, CARYS)
    with store.read() as s:
        row = s.get(DirectoryEntry, "directory:c1")
        assert row is not None
        assert (row.citizen_id, row.display_name, row.language) == (
            "citizen:c1",
            "Carys Quillfeather",
            "cy",
        )
        assert row.postcodes == "LL57 2PW"
        assert row.line == "LL57 2PW · 01248 123456 · carys@example.org"
        assert list_problems(s) == []
    for query in ("quillf", "Carys Quill", "123456", "carys@exa", "LL57 2", "ll572pw"):
        assert _kinds(store, query) == [("directory", "directory:c1")], query


def test_a_document_that_is_not_a_directory_entry_by_its_id_is_never_one(store: Store) -> None:
    wrong = [
        {**CARYS, "_id": "citizen:c2"},  # a "directory" that would be a citizen
        {**CARYS, "_id": "directory:a/b"},
        {**CARYS, "_id": "directory:"},
        {**CARYS, "_id": "case:c3"},
        {**CARYS, "_id": "directory:c4", "type": "citizen"},  # a citizen under a directory id
        {**CARYS, "_id": "directory:c5", "schema": 99},
        {**CARYS, "_id": "directory:c6", "phones": "01248 123456"},
    ]
    receive(store, *wrong)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(DirectoryEntry)) == 0
        problems = {p.doc_id for p in list_problems(s)}
        assert problems == {d["_id"] for d in wrong}
    assert _kinds(store, "quillfeather") == []
    assert _search_rows(store, "quillfeather") == 0


def test_a_huge_list_is_kept_but_bounded_in_the_row_and_the_index(store: Store) -> None:
    phones = [f"0770{n:07d}" for n in range(200_000)]  # about 3 MB: under the document limit
    giant = "9" * 1_000_000
    receive(store, entry("big", "Hugo", "Manyphones", phones=[giant, *phones], emails=[giant]))
    with store.read() as s:
        row = s.get(DirectoryEntry, "directory:big")
        assert row is not None and len(row.line) <= 400
        assert list_problems(s) == []
    assert _kinds(store, "manyphones") == [("directory", "directory:big")]
    assert _kinds(store, phones[0]) == [("directory", "directory:big")]  # among the first few
    assert _kinds(store, phones[-1]) == []  # the 200,000th is not indexed
    assert _search_rows(store, "9" * 101) == 0  # values are cut short


def test_an_entry_speaks_only_for_the_citizen_its_id_names(store: Store) -> None:
    """``citizen_id`` pointing nowhere, or at someone else, changes nothing: the entry stands
    for citizen:<its key>, so it can neither hide behind nor hide another record."""
    with store.write() as s:
        held, _ = create_citizen(s, AGENT, "Held", "Elsewhere")
    receive(
        store,
        entry("c7", "Nobody", "Pointsnowhere", citizen_id="citizen:does-not-exist"),
        entry("c8", "Masked", "Pointsathim", citizen_id=held),
        entry("c9", "Weird", "Pointer", citizen_id="case:not-a-citizen"),
    )
    with store.read() as s:
        rows = {r[0]: r[1] for r in s.execute(select(DirectoryEntry.id, DirectoryEntry.citizen_id))}
    assert rows == {
        "directory:c7": "citizen:c7",
        "directory:c8": "citizen:c8",
        "directory:c9": "citizen:c9",
    }
    assert _kinds(store, "pointsnowhere") == [("directory", "directory:c7")]
    assert _kinds(store, "pointsathim") == [("directory", "directory:c8")]
    assert _kinds(store, "weird pointer") == [("directory", "directory:c9")]


def test_a_changed_entry_replaces_its_terms(store: Store) -> None:
    receive(store, CARYS)
    changed = {**CARYS, "family_name": "Newsurname", "phones": []}
    with store.write() as s:
        doc = {**changed, "_rev": "2-" + "c" * 32}
        doc["_revisions"] = {"start": 2, "ids": ["c" * 32, "a" * 32]}
        replication.put_replicated_many(s, [doc])
    assert _kinds(store, "quillfeather") == []
    assert _kinds(store, "123456") == []
    assert _kinds(store, "newsurname") == [("directory", "directory:c1")]
    assert _search_rows(store, "quillfeather") == 0


def test_a_deleted_entry_leaves_no_row_and_no_search_rows(store: Store) -> None:
    receive(store, CARYS, entry("c2", "Other", "Quillfeather"))
    assert _search_rows(store, "quillfeather") == 2
    with store.write() as s:
        replication.put_replicated_many(s, [tombstone("directory:c1")])
    with store.read() as s:
        assert s.get(DirectoryEntry, "directory:c1") is None
    assert _search_rows(store, "quillfeather") == 1
    assert _search_rows(store, "carys") == 0
    assert _kinds(store, "quillfeather") == [("directory", "directory:c2")]


def _raw(store: Store) -> bytes:
    return b"".join(
        p.read_bytes()
        for p in (store.path, store.path.with_name(store.path.name + "-wal"))
        if p.exists()
    )


def test_a_purged_entry_leaves_no_trace_in_the_stores_bytes(store: Store) -> None:
    secret = entry(
        "gone",
        "Zebulon",
        "Quuxfeather",
        phones=["01632 960999"],
        emails=["zebulon@quux.example"],
        postcodes=["SA99 1ZZ"],
    )
    others = [entry(f"o{n}", f"Other{n}", f"Person{n}", postcodes=["CF10 1AA"]) for n in range(200)]
    receive(store, secret, *others)
    with store.write() as s:
        pushed = docstore.last_seq(s)
    needles = [b"Quuxfeather", b"Zebulon", b"zebulon@quux", b"01632 960999"]
    assert all(n in _raw(store) for n in needles)
    with store.write() as s:
        done = purge.purge(s, ["directory:gone"], pushed=pushed)
        assert [w.doc_id for w in done.written] == ["directory:gone"] and done.searched
    purge.scrub(store)
    raw = _raw(store)
    assert [n for n in needles if n in raw] == []
    assert b"Other199" in raw
    assert _search_rows(store, "quuxfeather") == 0
    assert _kinds(store, "Person199") == [("directory", "directory:o199")]
    with store.read() as s:
        assert s.get(StoredDocument, "directory:gone") is None
        assert s.get(DirectoryEntry, "directory:gone") is None
    assert store.check_integrity() == "ok"


# -- a store from before 0003 ------------------------------------------------------------------


def _raw_document(doc: dict[str, Any], seq: int, *, problem: str | None = None) -> tuple[Any, ...]:
    rev = "1-" + "a" * 32
    deleted = bool(doc.get("_deleted"))
    body = json.dumps({**doc, "_rev": rev}, sort_keys=True, separators=(",", ":"))
    tree = f'[[1,"{"a" * 32}",{1 if deleted else 0},-1]]'
    kind = None if problem else doc.get("type", "directory")
    return (doc["_id"], kind, rev, deleted, seq, tree, body, False, problem)


def _store_at_0002(path: Path) -> str:
    """A 0002 store holding a council, one citizen's full record and, as the writer of the
    time kept them (typed but not projected), directory entries: live, deleted, broken."""
    engine = make_engine(path, writer=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    # Today's projection of a citizen also fills tables later migrations make (assurance
    # checks, 0013; matching keys, 0014; merges, 0015): there for the writing, gone before the
    # upgrade.
    later = [AssuranceCheck.__table__, MatchKey.__table__, Merge.__table__]
    with engine.begin() as conn:
        for table in later:
            table.create(conn)
    with Session(engine) as session, session.begin():
        for doc in council_docs():
            # Today's projection of a service or queue has columns 0002 lacks (name_cy, 0005).
            if doc["type"] not in ("service", "queue"):
                docstore.put(session, doc)
        held, _ = create_citizen(
            session,
            AGENT,
            "Heldfull",
            "Record",
            identifiers=(NewIdentifier("phone", "01632 960111"),),
        )
        seq = docstore.last_seq(session) + 1
        rows = [
            _raw_document(CARYS, seq),
            _raw_document(entry(held.split(":", 1)[1], "Heldfull", "Record"), seq + 1),
            _raw_document(
                {"_id": "directory:dead", "_deleted": True, "type": "directory"}, seq + 2
            ),
            _raw_document(
                {**entry("bad", "Broken", "Quillfeather"), "phones": 5}, seq + 3, problem="bad"
            ),
        ]
        session.connection().exec_driver_sql(
            "INSERT INTO documents (id, type, rev, deleted, seq, rev_tree, body, conflicted, "
            "problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    with engine.begin() as conn:
        for table in later:
            table.drop(conn)
    engine.dispose()
    return held


def test_a_store_from_0002_gets_its_held_entries_projected_and_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    held = _store_at_0002(path)
    store = Store(path)
    try:
        with store.read() as s:
            version = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert version == HEAD_REVISION
            ids = set(s.scalars(select(DirectoryEntry.id)))
            assert ids == {"directory:c1", "directory:" + held.split(":", 1)[1]}
        assert _kinds(store, "quillfeather") == [("directory", "directory:c1")]
        assert _kinds(store, "Heldfull") == [("citizen", held)]  # the record, not its summary
        receive(store, entry("new", "Newer", "Quillfeather"))  # rowids carry on after the old
        assert sorted(_kinds(store, "quillfeather")) == [
            ("directory", "directory:c1"),
            ("directory", "directory:new"),
        ]
        assert integrity(store) == "ok"
    finally:
        store.close()
