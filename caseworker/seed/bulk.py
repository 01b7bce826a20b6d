"""Writing freshly made documents in bulk, for the seeder.

The result is exactly what ``docstore.put`` would store for a first revision — the same
revision id (``revtree.new_rev_id``), the same canonical body, the same projection rows — but
rows are built in worker processes (``Chunk``) and written by one ``executemany`` per table and
chunk on the raw connection (``ChunkWriter``).
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from caseworker.documents.codec import Document
from caseworker.errors import StoreError
from caseworker.models import Base
from caseworker.store import projection
from caseworker.store.store import Store

_DUMP = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_DOC_SQL = (
    "INSERT INTO documents (id, type, rev, deleted, seq, rev_tree, body, conflicted, problem) "
    "VALUES (?, ?, ?, 0, ?, ?, ?, 0, NULL)"
)


def first_revision(content_json: str) -> str:
    """``new_rev_id(1, body, None, False)`` computed from the body's canonical JSON."""
    return "1-" + hashlib.md5(("[false,null," + content_json + "]").encode()).hexdigest()


CHUNK_SPAN = 10_000_000  # local sequence numbers and rowids each chunk may use


@dataclass
class Chunk:
    """Rows for a run of documents, in order, ready to insert (picklable, plain tuples).

    Chunk ``index`` numbers its documents' local sequence and its search rows from
    ``index * CHUNK_SPAN``: the numbers only need to grow, not to be contiguous, and so the
    worker that makes the chunk can number it and the writer only inserts.
    """

    index: int
    docs: list[tuple[str, str, str, int, str, str]] = field(default_factory=list)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    search: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def add(self, doc: Document) -> str:
        """Add a new document (no ``_rev``); returns its first revision id."""
        doc_id = doc.pop("_id")
        content = _DUMP(doc)
        rev = first_revision(content)
        body = '{"_id":' + _DUMP(doc_id) + ',"_rev":"' + rev + '",' + content[1:]
        base = (self.index + 1) * CHUNK_SPAN
        seq = base + len(self.docs) + 1
        self.docs.append((doc_id, doc["type"], rev, seq, '[[1,"' + rev[2:] + '",0,-1]]', body))
        doc["_id"] = doc_id
        p = projection.PROJECTORS[doc["type"]](doc, rev, False)
        if p.search_table:
            rowid = base + len(self.search.setdefault(p.search_table, [])) + 1
            self.search[p.search_table].append((rowid, p.search_text))
            p.row = {"rowid": rowid, **p.row}
        self._row(p.table.name, p.row)
        for child, rows in p.children.items():
            for row in rows:
                self._row(child.name, row)
        return rev

    def _row(self, table: str, row: dict[str, Any]) -> None:
        if table not in self.columns:
            self.columns[table] = tuple(row)
            self.rows[table] = []
        self.rows[table].append(tuple(row.values()))


class ChunkWriter:
    """Writes chunks in order, one transaction each, into a store that was empty."""

    def __init__(self, store: Store) -> None:
        store.release_connections()  # the journal mode can change only with nobody else in
        self._conn: Any = store.writer_engine.raw_connection()
        self._cur = self._conn.cursor()
        # A seed is re-run from scratch if the machine dies mid-way, so durability per chunk
        # is not needed: no write-ahead log (each page written once), no syncs, a big cache,
        # and no secondary indexes until the end, so inserts are append-mostly.
        self._cur.execute("PRAGMA journal_mode=MEMORY")
        self._cur.execute("PRAGMA synchronous=OFF")
        self._cur.execute("PRAGMA cache_size=-1048576")
        self._indexes = [
            idx for table in Base.metadata.sorted_tables for idx in table.indexes if not idx.unique
        ]
        for idx in self._indexes:
            self._cur.execute(f'DROP INDEX IF EXISTS "{idx.name}"')
        if self._scalar("SELECT COUNT(*) FROM documents"):
            raise StoreError("bulk writing is only for a store with no documents yet")
        self.written = 0

    def _scalar(self, sql: str) -> int:
        return int(self._cur.execute(sql).fetchone()[0])

    def write(self, chunk: Chunk) -> None:
        cur = self._cur
        cur.execute("BEGIN")
        cur.executemany(_DOC_SQL, chunk.docs)
        for search, entries in chunk.search.items():
            cur.executemany(f"INSERT INTO {search} (rowid, text) VALUES (?, ?)", entries)
        for table, rows in chunk.rows.items():
            columns = ", ".join(f'"{n}"' for n in chunk.columns[table])
            marks = ", ".join("?" for _ in chunk.columns[table])
            cur.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        cur.execute("COMMIT")
        self.written += len(chunk.docs)

    def close(self) -> None:
        """Rebuild the secondary indexes (a sort beats a million random inserts)."""
        try:
            for idx in self._indexes:
                sql = str(CreateIndex(idx, if_not_exists=True).compile(dialect=sqlite.dialect()))
                self._cur.execute(sql)
            self._cur.execute("PRAGMA journal_mode=WAL")
            self._cur.execute("PRAGMA synchronous=NORMAL")
            self._cur.execute("PRAGMA cache_size=-65536")
            self._cur.execute(
                "PRAGMA analysis_limit=1000"
            )  # sampled statistics: seconds, not minutes
            self._cur.execute("ANALYZE")
        finally:
            self._cur.close()
            self._conn.close()
