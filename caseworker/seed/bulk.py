"""Writing freshly made documents in bulk, for the seeder.

The result is exactly what ``docstore.put`` would store for a first revision — the same
revision id (``revtree.new_rev_id``), the same canonical body, the same projection rows — but
rows are built in worker processes (``Chunk``) and handed over as a small SQLite file each
(``Chunk.save``, in a private staging folder, encrypted when the store is: see ``staging``),
which the one writer copies into the store table by table with ``INSERT ... SELECT``
(``ChunkWriter``): no pickling, and no Python work per row in the writer.
"""

import hashlib
import json
import os
from _json import make_encoder
from collections.abc import Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

import sqlcipher3
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from caseworker.documents.codec import Document
from caseworker.errors import StoreError
from caseworker.models import Base
from caseworker.seed import rows as fast
from caseworker.seed.staging import Staging
from caseworker.store import projection
from caseworker.store.engine import new_private_file
from caseworker.store.schema import SEARCH_TABLES
from caseworker.store.store import Store

_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_DUMP = _JSON.encode
# The same canonical JSON from the same C encoder, made once rather than on every call (and
# with no check for cycles, which a freshly made document cannot have): twice as fast.
_ENCODE = make_encoder(None, _JSON.default, encode_basestring, None, ":", ",", True, False, True)


def canonical(doc: Document) -> str:
    """The canonical JSON of a document: sorted keys, no spaces, UTF-8 as it is."""
    return "".join(_ENCODE(doc, 0))


_DOC_COLUMNS = ("id", "type", "rev", "seq", "rev_tree", "body")
# While seeding, each search index keeps up to this many bytes of terms in memory before it
# writes a segment, and merges no segments: one 'optimize' at the end makes one segment.
_SEARCH_HASH_BYTES = 64 << 20
_PAGE_BYTES = 16_384
# Secondary indexes whose keys the seeder makes in ascending order (document ids grow, and each
# document type's rows in the type index come in rowid order): they grow at their end, cheaper
# to keep up as rows arrive than to build by reading every table again at the end. The others
# (names, normalised identifiers, queues, staff) have keys in random order and are dropped
# during the load and built afterwards by sorting.
_KEPT_INDEXES = frozenset(
    {
        "ix_documents_type",
        "ix_identifiers_citizen_id",
        "ix_consents_citizen_id",
        "ix_cases_citizen_id",
        "ix_case_events_case_at",
        "ix_interactions_citizen_at",
        "ix_notes_case_at",
        "ix_notes_citizen_at",
    }
)


def first_revision(content_json: str) -> str:
    """``new_rev_id(1, body, None, False)`` computed from the body's canonical JSON."""
    return "1-" + hashlib.md5(("[false,null," + content_json + "]").encode()).hexdigest()


CHUNK_SPAN = 10_000_000  # local sequence numbers and rowids each chunk may use


@dataclass(frozen=True)
class StagedChunk:
    """A chunk saved to a file: its tables (name and columns, in writing order), documents."""

    index: int
    path: str
    tables: tuple[tuple[str, tuple[str, ...]], ...]
    documents: int


@dataclass
class Chunk:
    """Rows for a run of documents, in order, ready to insert (plain tuples).

    Chunk ``index`` numbers its documents' local sequence and its search rows from
    ``index * CHUNK_SPAN``: the numbers only need to grow, not to be contiguous, and so the
    worker that makes the chunk can number it and the writer only copies.
    """

    index: int
    docs: list[tuple[str, str, str, int, str, str]] = field(default_factory=list)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rows: fast.Rows = field(default_factory=dict)
    search: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._base = (self.index + 1) * CHUNK_SPAN
        for search in SEARCH_TABLES:
            self.search[search] = []
        for table, columns in fast.COLUMNS.items():
            self.columns[table] = columns
            self.rows[table] = []

    def add(self, doc: Document) -> str:
        """Add a new document (no ``_rev``); returns its first revision id."""
        doc_id = doc.pop("_id")
        content = "".join(_ENCODE(doc, 0))
        doc["_id"] = doc_id
        rev = first_revision(content)
        body = '{"_id":' + encode_basestring(doc_id) + ',"_rev":"' + rev + '",' + content[1:]
        docs = self.docs
        docs.append(
            (doc_id, doc["type"], rev, self._base + len(docs) + 1, f'[[1,"{rev[2:]}",0,-1]]', body)
        )
        made = fast.FAST.get(doc["type"])
        if made is None:
            self._project(doc, rev)
            return rev
        search_table, build = made
        if search_table:
            entries = self.search[search_table]
            rowid = self._base + len(entries) + 1
            entries.append((rowid, build(doc, rev, rowid, self.rows) or ""))
        else:
            build(doc, rev, 0, self.rows)
        return rev

    def _project(self, doc: Document, rev: str) -> None:
        """Any other kind (the catalogue, mentions, audit): through ``projection`` itself. A
        kind with no table (the council's calendar, escalation and routing rules) is kept as a
        document only, as a pull does."""
        project = projection.PROJECTORS.get(doc["type"])
        if project is None:
            return
        p = project(doc, rev, False)
        if p.search_table:
            raise StoreError(f"no bulk search rows for {doc['type']} documents")
        self._row(p.table.name, p.row)
        for child, made in p.children.items():
            for row in made:
                self._row(child.name, row)

    def _row(self, table: str, row: dict[str, Any]) -> None:
        if table not in self.columns:
            self.columns[table] = tuple(row)
            self.rows[table] = []
        self.rows[table].append(tuple(fast.value(v) for v in row.values()))

    def save(self, staging: Staging) -> StagedChunk:
        """Write the rows to a new SQLite file in the staging folder (untyped tables c0, c1,
        ...), private to its owner and, for an encrypted store, encrypted with the run's key."""
        path = os.path.join(staging.folder, f"chunk-{self.index + 1:06d}.db")
        tables: list[tuple[str, tuple[str, ...], Sequence[tuple[Any, ...]]]] = [
            ("documents", _DOC_COLUMNS, self.docs)
        ]
        tables += [(s, ("rowid", "text"), entries) for s, entries in self.search.items()]
        tables += [(t, self.columns[t], made) for t, made in self.rows.items()]
        tables = [t for t in tables if t[2]]
        new_private_file(path)
        conn = sqlcipher3.connect(path, isolation_level=None)
        try:
            if staging.key:
                conn.execute(f'PRAGMA key = "{staging.sqlcipher_key}"')
            else:
                conn.execute("PRAGMA page_size=65536")
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("BEGIN")
            for table, columns, made in tables:
                names = [f"c{i}" for i in range(len(columns))]
                conn.execute(f'CREATE TABLE "{table}" ({", ".join(names)})')
                marks = ", ".join("?" for _ in columns)
                conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', made)
            conn.execute("COMMIT")
        finally:
            conn.close()
        return StagedChunk(self.index, path, tuple((t, c) for t, c, _ in tables), len(self.docs))


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    picked = ", ".join(f"c{i}" for i in range(len(columns)))
    if table == "documents":
        return (
            "INSERT INTO main.documents "
            "(id, type, rev, deleted, seq, rev_tree, body, conflicted, problem) "
            "SELECT c0, c1, c2, 0, c3, c4, c5, 0, NULL FROM chunk.documents ORDER BY rowid"
        )
    names = ", ".join(f'"{n}"' for n in columns)
    return (
        f'INSERT INTO main."{table}" ({names}) SELECT {picked} FROM chunk."{table}" ORDER BY rowid'
    )


class ChunkWriter:
    """Writes chunks in order, one transaction each, into a store that was empty."""

    def __init__(self, store: Store, staging: Staging) -> None:
        self._store = store
        self._chunk_key = staging.sqlcipher_key
        store.release_connections()  # the journal mode can change only with nobody else in
        self._conn: Any = store.writer_engine.raw_connection()
        self._cur = self._conn.cursor()
        # The store is built beside its final place and moved there only when complete (see
        # ``seed.replace``); a seed cut short is redone from scratch. So durability per chunk
        # is not needed: no write-ahead log (each page written once), no syncs, a big cache,
        # and only the secondary indexes that grow at their end, so inserts are append-mostly.
        # Rows are consistent by construction (parents come first): no foreign key look-ups.
        self._cur.execute("PRAGMA journal_mode=MEMORY")
        self._cur.execute("PRAGMA synchronous=OFF")
        self._cur.execute("PRAGMA foreign_keys=OFF")
        self._cur.execute("PRAGMA cache_size=-1048576")
        self._indexes = [
            idx
            for table in Base.metadata.sorted_tables
            for idx in table.indexes
            if not idx.unique and idx.name not in _KEPT_INDEXES
        ]
        for idx in self._indexes:
            self._cur.execute(f'DROP INDEX IF EXISTS "{idx.name}"')
        if self._scalar("SELECT COUNT(*) FROM documents"):
            raise StoreError("bulk writing is only for a store with no documents yet")
        if not store.encrypted:
            # Larger pages: a quarter of the page writes and B-tree splits for the same rows
            # (a fifth less work for the writer). The store is empty, so rewriting it is free.
            self._cur.execute(f"PRAGMA page_size={_PAGE_BYTES}")
            self._cur.execute("VACUUM")
        for search in SEARCH_TABLES:
            self._search_setting(search, "automerge", 0)
            self._search_setting(search, "hashsize", _SEARCH_HASH_BYTES)
        self.written = 0

    def _scalar(self, sql: str) -> int:
        return int(self._cur.execute(sql).fetchone()[0])

    def _search_setting(self, search: str, name: str, value: int) -> None:
        self._cur.execute(f"INSERT INTO {search}({search}, rank) VALUES (?, ?)", (name, value))

    def write_staged(self, staged: StagedChunk) -> None:
        """Copy a saved chunk into the store, then delete its file."""
        cur = self._cur
        # The chunk's own key ('' for a plain chunk), not the store's.
        cur.execute("ATTACH DATABASE ? AS chunk KEY ?", (staged.path, self._chunk_key))
        try:
            cur.execute("BEGIN")
            for table, columns in staged.tables:
                cur.execute(_insert_sql(table, columns))
            cur.execute("COMMIT")
        finally:
            cur.execute("DETACH DATABASE chunk")
            os.unlink(staged.path)
        self.written += staged.documents

    def finish(self) -> None:
        """Finish the store: one segment per search index, the secondary indexes rebuilt (a
        sort beats a million random inserts), sampled statistics, back to the write-ahead log
        and everything on disk."""
        cur = self._cur
        for search in SEARCH_TABLES:
            cur.execute(f"INSERT INTO {search}({search}) VALUES ('optimize')")
            # Back to FTS5's defaults, which apply when a setting has no row.
            cur.execute(f"DELETE FROM {search}_config WHERE k IN ('automerge', 'hashsize')")
        cur.execute("PRAGMA threads=2")
        for idx in self._indexes:
            cur.execute(str(CreateIndex(idx, if_not_exists=True).compile(dialect=sqlite.dialect())))
        cur.execute("PRAGMA threads=0")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA cache_size=-65536")
        cur.execute("PRAGMA analysis_limit=1000")  # sampled statistics: seconds, not minutes
        cur.execute("ANALYZE")
        # A checkpoint syncs the database file: everything written with syncs off is durable.
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Let go of the store (finished or not)."""
        try:
            self._cur.close()
            self._conn.close()
        finally:
            self._store.release_connections()
