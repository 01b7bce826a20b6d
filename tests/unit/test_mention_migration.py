"""Migration 0010: a store made before it, holding mentions whose documents already carry the
new fields (replicated from a newer peer), gets them in its ``mentions`` rows."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from caseworker.models import Mention
from caseworker.store import docstore
from caseworker.store.engine import make_engine
from caseworker.store.schema import MIGRATIONS_DIR
from caseworker.store.store import Store
from tests.unit.access_docs import mention

_NEW = (
    "author_url",
    "content_html",
    "edited_at",
    "deleted_at",
    "visibility",
    "in_reply_to",
    "language",
    "triaged_by",
    "triaged_at",
)


def test_a_store_from_before_0010_projects_the_new_fields_it_already_holds(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path, writer=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
        for column in _NEW:  # today's projection writes them: there while it fills the store
            conn.execute(text(f"ALTER TABLE mentions ADD COLUMN {column}"))
    doc = mention(
        "mention:mastodon-x.example-1",
        author_url="https://x.example/@a",
        content_html="<p>Bins again</p>",
        edited_at="2026-01-05T10:00:00.000Z",
        visibility="public",
        language="cy",
        state="dismissed",
        triaged_by="staff:agent",
        triaged_at="2026-01-05T11:00:00.000Z",
    )
    with Session(engine) as session, session.begin():
        docstore.put(session, doc)
    with engine.begin() as conn:
        for column in _NEW:
            conn.execute(text(f"ALTER TABLE mentions DROP COLUMN {column}"))
    engine.dispose()
    store = Store(path)
    try:
        with store.read() as s:
            row = s.scalars(select(Mention)).one()
            assert row.content_html == "<p>Bins again</p>" and row.language == "cy"
            assert row.triaged_by == "staff:agent" and row.visibility == "public"
            assert row.edited_at is not None and row.edited_at.hour == 10
            assert row.deleted_at is None
            indexes = {r[1] for r in s.execute(text("PRAGMA index_list(mentions)"))}
            assert {"ix_mentions_citizen_published", "ix_mentions_author_handle"} <= indexes
    finally:
        store.close()
