"""Migration 0002: a store made before it keeps its data and its search, and loses the
constraints a peer's documents could break."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from caseworker.models import Case, StaffMember
from caseworker.services import search
from caseworker.store import docstore
from caseworker.store.engine import make_engine
from caseworker.store.schema import HEAD_REVISION, MIGRATIONS_DIR
from caseworker.store.store import Store
from tests.support.council import council_docs
from tests.unit.test_store_fuzz import integrity
from tests.unit.test_uniqueness import case_doc

# Columns later revisions add, which today's projection writes: there while the old store is
# filled by today's code, gone again before it is opened (and migrated).
_ADDED_LATER = (("cases", "outcome"),)  # 0006


def _store_at_0001(path: Path) -> None:
    engine = make_engine(path, writer=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        for table, column in _ADDED_LATER:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column}"))
    with Session(engine) as session, session.begin():
        for doc in council_docs():
            # Today's projection of a service or queue has columns 0001 lacks (name_cy, 0005).
            if doc["type"] not in ("service", "queue"):
                docstore.put(session, doc)
        for n in range(5):
            docstore.put(session, case_doc(f"case:c{n}", f"REF-000{n}"))
        # Gaps in the cases' rowids: the search index is keyed by them.
        docstore.delete_doc(session, "case:c1")
        docstore.delete_doc(session, "case:c3")
    with engine.begin() as conn:
        for table, column in _ADDED_LATER:
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
    engine.dispose()


def test_a_store_from_before_0002_keeps_its_rows_rowids_and_search(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _store_at_0001(path)
    with Session(make_engine(path)) as s:
        before = s.execute(text("SELECT rowid, id FROM cases ORDER BY id")).all()
    store = Store(path)
    try:
        with store.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                HEAD_REVISION
            )
            assert s.execute(text("SELECT rowid, id FROM cases ORDER BY id")).all() == before
            hits = search.search(s, "REF-0004", limit=5)
            assert [h.id for h in hits] == ["case:c4"]
        with store.write() as s:  # what 0001 refused now stores, and is listed instead
            docstore.put(s, case_doc("case:twin", "REF-0004"))
        with store.read() as s:
            refs = s.scalars(select(Case.id).where(Case.reference == "REF-0004")).all()
            assert sorted(refs) == ["case:c4", "case:twin"]
            assert s.scalar(select(StaffMember.username).limit(1)) is not None
        assert integrity(store) == "ok"
    finally:
        store.close()
