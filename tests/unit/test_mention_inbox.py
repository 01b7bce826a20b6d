"""The inbox's reads (``mentions.inbox``) on the demo council: pages by key give every mention
of a state once, newest first, on the (state, published_at) index without sorting the table;
and who works the inbox is who holds the mentions channel."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseworker.errors import NotFoundError, ValidationError
from caseworker.mentions import inbox
from caseworker.models import Mention
from caseworker.store.store import STORE_FILENAME, Store


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    from caseworker.seed import seed_store

    folder: Path = tmp_path_factory.mktemp("council")
    store = Store(folder / STORE_FILENAME)
    try:
        seed_store(store, citizens=300)
        with store.read() as s:
            yield s
    finally:
        store.close()


@pytest.mark.parametrize("state", ["new", "dismissed", None])
def test_pages_by_key_list_each_mention_once_newest_first(
    session: Session, state: str | None
) -> None:
    seen: list[inbox.MentionRow] = []
    found = inbox.page(session, state, limit=7, with_total=True)
    total = found.total
    while True:
        seen += found.rows
        if not found.has_more:
            break
        found = inbox.page(session, state, after=found.rows[-1].key, limit=7)
    query = select(func.count()).select_from(Mention)
    if state is not None:
        query = query.where(Mention.state == state)
    assert total == len(seen) == session.scalar(query) > 7
    assert len({r.id for r in seen}) == len(seen)
    assert [r.key for r in seen] == sorted((r.key for r in seen), reverse=True)
    assert state is None or {r.state for r in seen} == {state}


def test_the_new_mentions_are_read_on_their_index_without_a_sort(session: Session) -> None:
    plan = session.execute(
        text(
            "EXPLAIN QUERY PLAN SELECT id FROM mentions WHERE state = 'new' "
            "ORDER BY published_at DESC, rowid DESC LIMIT 101"
        )
    ).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_mentions_state_published" in details and "TEMP B-TREE" not in details


def test_a_state_that_is_not_one_and_a_mention_that_is_not_there_are_refused(
    session: Session,
) -> None:
    with pytest.raises(ValidationError):
        inbox.page(session, "nonsense")
    with pytest.raises(NotFoundError, match="removed meanwhile"):
        inbox.detail(session, "mention:gone")


def test_the_inbox_is_for_those_who_hold_the_mentions_channel(session: Session) -> None:
    assert inbox.holds_inbox(session, "staff:agent", "agent")  # Contact Centre Triage
    assert not inbox.holds_inbox(session, "staff:tomos.mitchell", "agent")  # Revenues
    assert inbox.holds_inbox(session, "staff:supervisor", "supervisor")
    assert inbox.holds_inbox(session, "staff:admin", "admin")
    assert not inbox.holds_inbox(session, "staff:officer", "field_officer")
