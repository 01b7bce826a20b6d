"""Many local edits in one write (``docstore.put_many``), as a bulk assignment makes them: each
document as ``put`` would write it, all or nothing."""

import pytest

from caseworker.documents.codec import new_document
from caseworker.documents.types import QUEUE
from caseworker.errors import ConflictError
from caseworker.models import Queue
from caseworker.store import docstore
from caseworker.store.store import Store


def _queue(key: str, name: str) -> dict[str, object]:
    return new_document(QUEUE, f"queue:{key}", {"name": name, "active": True})


def test_many_edits_get_their_revisions_sequences_and_projections(store: Store) -> None:
    with store.write() as s:
        docstore.put(s, _queue("a", "A"))
        before = docstore.last_seq(s)
    with store.write() as s:
        edited = {**docstore.require(s, "queue:a"), "name": "A2"}
        written = docstore.put_many(s, [edited, _queue("b", "B")])
    assert [w.rev[:2] for w in written] == ["2-", "1-"]
    with store.read() as s:
        assert docstore.last_seq(s) == before + 2  # one change each, to push
        assert s.get(Queue, "queue:a").name == "A2"  # type: ignore[union-attr]
        assert docstore.get_many(s, ["queue:a", "queue:b", "queue:none"]).keys() == {
            "queue:a",
            "queue:b",
        }


def test_a_stale_revision_or_the_same_id_twice_writes_nothing(store: Store) -> None:
    with store.write() as s:
        first = docstore.put(s, _queue("a", "A"))
    with store.write() as s:
        docstore.put(s, {**docstore.require(s, "queue:a"), "name": "A2"})
    stale = {**_queue("a", "Old"), "_rev": first.rev}
    with pytest.raises(ConflictError), store.write() as s:
        docstore.put_many(s, [_queue("b", "B"), stale])
    with pytest.raises(ValueError, match="once"), store.write() as s:
        docstore.put_many(s, [_queue("c", "C"), _queue("c", "C again")])
    with store.read() as s:
        assert docstore.get_many(s, ["queue:b", "queue:c"]) == {}
