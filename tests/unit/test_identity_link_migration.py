"""Migration 0018: a store made before it, holding identity links (replicated or made by a
person), gets them in ``identity_links``, indexed by citizen and by the contact linked."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from caseworker.documents.codec import new_document
from caseworker.documents.types import IDENTITY_LINK
from caseworker.models import IdentityLink
from caseworker.store import docstore
from caseworker.store.engine import make_engine
from caseworker.store.schema import MIGRATIONS_DIR
from caseworker.store.store import Store


def test_a_store_from_before_0018_projects_the_links_it_already_holds(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path, writer=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    table = IdentityLink.__table__
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0016")
        table.create(conn)  # today's projection writes it: there while it fills the store
    link = new_document(
        IDENTITY_LINK,
        "idlink:1",
        {
            "subject_id": "mention:mastodon-x.example-1",
            "citizen_id": "citizen:c1",
            "method": "person",
            "probability": 0.97,
            "weight": 5.0,
            "reasons": ["handle.exact", "given.alias"],
            "by": "staff:agent",
            "at": "2026-01-05T10:00:00.000Z",
            "undone_at": "2026-01-06T10:00:00.000Z",
            "undone_by": "staff:supervisor",
        },
    )
    with Session(engine) as session, session.begin():
        docstore.put(session, link)
    with engine.begin() as conn:
        table.drop(conn)
    engine.dispose()
    store = Store(path)
    try:
        with store.read() as s:
            row = s.scalars(select(IdentityLink)).one()
            assert (row.subject_id, row.citizen_id, row.method) == (
                "mention:mastodon-x.example-1",
                "citizen:c1",
                "person",
            )
            assert row.reasons == "handle.exact given.alias" and row.probability == 0.97
            assert row.undone_at is not None and row.undone_at.day == 6
            assert row.undone_by == "staff:supervisor" and row.at.hour == 10
            indexes = {r[1] for r in s.execute(text("PRAGMA index_list(identity_links)"))}
            assert {"ix_identity_links_citizen_id", "ix_identity_links_subject_id"} <= indexes
    finally:
        store.close()
