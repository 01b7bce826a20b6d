"""The document store: revisions, winners, conflicts, projections and the change sequence."""

import json

import pytest
from sqlalchemy import func, select

from caseworker.documents.codec import new_document
from caseworker.documents.types import QUEUE
from caseworker.errors import ConflictError
from caseworker.models import Queue, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.store import docstore
from caseworker.store.store import Store


def _queue(name: str, doc_id: str = "queue:q1") -> dict[str, object]:
    return new_document(QUEUE, doc_id, {"name": name, "active": True})


def test_a_new_document_gets_a_first_revision_and_a_projection(store: Store) -> None:
    with store.write() as s:
        written = docstore.put(s, _queue("Highways"))
    assert written.rev.startswith("1-")
    with store.read() as s:
        assert s.get(Queue, "queue:q1").name == "Highways"  # type: ignore[union-attr]
        assert docstore.get(s, "queue:q1")["_rev"] == written.rev  # type: ignore[index]


def test_an_edit_must_name_the_current_revision(store: Store) -> None:
    with store.write() as s:
        first = docstore.put(s, _queue("Highways"))
    with store.write() as s:
        doc = docstore.require(s, "queue:q1")
        doc["name"] = "Highways and Transport"
        second = docstore.put(s, doc)
    assert second.rev.startswith("2-")
    stale = _queue("Roads") | {"_rev": first.rev}
    with pytest.raises(ConflictError), store.write() as s:
        docstore.put(s, stale)
    with store.read() as s:
        assert s.get(Queue, "queue:q1").name == "Highways and Transport"  # type: ignore[union-attr]


def test_each_write_takes_the_next_local_sequence(store: Store) -> None:
    with store.write() as s:
        docstore.put(s, _queue("A", "queue:a"))
        docstore.put(s, _queue("B", "queue:b"))
        doc = docstore.require(s, "queue:a")
        doc["name"] = "A2"
        docstore.put(s, doc)
    with store.read() as s:
        changes = docstore.changes_since(s, 0)
    assert [c.doc_id for c in changes] == ["queue:b", "queue:a"]
    assert [c.seq for c in changes] == sorted(c.seq for c in changes)
    with store.read() as s:
        assert docstore.changes_since(s, changes[-1].seq) == []


def test_replicated_siblings_conflict_and_every_store_picks_the_same_winner(
    store: Store, tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = _queue("Base") | {"_rev": "1-aaa", "_revisions": {"start": 1, "ids": ["aaa"]}}
    left = _queue("Left") | {"_rev": "2-bbb", "_revisions": {"start": 2, "ids": ["bbb", "aaa"]}}
    right = _queue("Right") | {"_rev": "2-ccc", "_revisions": {"start": 2, "ids": ["ccc", "aaa"]}}
    other = Store(tmp_path_factory.mktemp("peer") / "caseworker.db")
    try:
        for target, order in ((store, (base, left, right)), (other, (base, right, left))):
            with target.write() as s:
                for doc in order:
                    docstore.put_replicated(s, dict(doc))
        for target in (store, other):
            with target.read() as s:
                doc = docstore.get(s, "queue:q1")
                assert doc is not None
                assert doc["_rev"] == "2-ccc"  # the higher revision id wins
                assert doc["name"] == "Right"
                assert s.get(Queue, "queue:q1").name == "Right"  # type: ignore[union-attr]
                row = s.get(StoredDocument, "queue:q1")
                assert row is not None and row.conflicted
                bodies = docstore.leaf_bodies(s, "queue:q1")
                assert [b["name"] for b in bodies] == ["Right", "Left"]
    finally:
        other.close()


def test_replaying_a_replicated_revision_changes_nothing(store: Store) -> None:
    doc = _queue("Base") | {"_rev": "1-aaa", "_revisions": {"start": 1, "ids": ["aaa"]}}
    with store.write() as s:
        assert docstore.put_replicated(s, dict(doc)).changed
    with store.write() as s:
        again = docstore.put_replicated(s, dict(doc))
    assert not again.changed
    with store.read() as s:
        assert docstore.last_seq(s) == 1


def test_resolving_a_conflict_by_deleting_the_loser_leaves_one_leaf(store: Store) -> None:
    with store.write() as s:
        docstore.put_replicated(s, _queue("Base") | {"_rev": "1-aaa"})
        docstore.put_replicated(
            s, _queue("L") | {"_rev": "2-bbb", "_revisions": {"start": 2, "ids": ["bbb", "aaa"]}}
        )
        docstore.put_replicated(
            s, _queue("R") | {"_rev": "2-ccc", "_revisions": {"start": 2, "ids": ["ccc", "aaa"]}}
        )
    with store.write() as s:
        loser = docstore.leaf_bodies(s, "queue:q1")[1]
        docstore.put(s, loser, deleted=True)
    with store.read() as s:
        row = s.get(StoredDocument, "queue:q1")
        assert row is not None and not row.conflicted and row.rev == "2-ccc"
        tree = revtree.tree_from_json(json.loads(row.rev_tree))
        assert revtree.conflicts(tree) == []
        assert len(revtree.deleted_conflicts(tree)) == 1


def test_a_deleted_document_leaves_its_table_and_can_be_recreated(store: Store) -> None:
    with store.write() as s:
        docstore.put(s, _queue("Temp"))
    with store.write() as s:
        gone = docstore.delete_doc(s, "queue:q1")
    assert gone.deleted and gone.rev.startswith("2-")
    with store.read() as s:
        assert s.get(Queue, "queue:q1") is None
        assert docstore.get(s, "queue:q1") is None
    with store.write() as s:
        again = docstore.put(s, _queue("Back"))
    assert again.rev.startswith("3-") and not again.deleted


def test_a_malformed_replicated_document_is_kept_with_its_problem_not_projected(
    store: Store,
) -> None:
    bad = {"_id": "queue:bad", "_rev": "1-abc", "type": "queue", "schema": 1, "name": 42}
    with store.write() as s:
        docstore.put_replicated(s, bad)
    with store.read() as s:
        row = s.get(StoredDocument, "queue:bad")
        assert row is not None and "name" in (row.problem or "")
        assert s.get(Queue, "queue:bad") is None
        assert s.scalar(select(func.count()).select_from(StoredDocument)) == 1


def test_revs_diff_names_only_what_is_missing(store: Store) -> None:
    with store.write() as s:
        docstore.put_replicated(s, _queue("Base") | {"_rev": "1-aaa"})
    with store.read() as s:
        assert docstore.revs_diff(s, {"queue:q1": ["1-aaa", "2-bbb"], "queue:x": ["1-x"]}) == {
            "queue:q1": ["2-bbb"],
            "queue:x": ["1-x"],
        }


def test_a_leaf_is_served_with_its_ancestry_for_pushing(store: Store) -> None:
    with store.write() as s:
        docstore.put(s, _queue("One"))
        doc = docstore.require(s, "queue:q1")
        doc["name"] = "Two"
        rev = docstore.put(s, doc).rev
    with store.read() as s:
        full = docstore.with_revisions(s, "queue:q1", rev)
    assert full is not None
    assert full["_revisions"]["start"] == 2 and len(full["_revisions"]["ids"]) == 2


def test_checkpoints_round_trip(store: Store) -> None:
    with store.write() as s:
        docstore.set_checkpoint(s, "rep1", {"last_seq": [3, "opaque"]})
        docstore.set_checkpoint(s, "rep1", {"last_seq": "4-g1AAAA"})
    with store.read() as s:
        assert docstore.get_checkpoint(s, "rep1") == {"last_seq": "4-g1AAAA"}
        assert docstore.get_checkpoint(s, "nope") is None


def test_a_document_edited_a_thousand_times_is_still_stored(store: Store) -> None:
    with store.write() as s:
        docstore.put(s, _queue("v0"))
        for i in range(1, 1100):
            doc = docstore.require(s, "queue:q1")
            doc["name"] = f"v{i}"
            docstore.put(s, doc)
    with store.read() as s:
        doc = docstore.require(s, "queue:q1")
        assert doc["_rev"].startswith("1100-") and doc["name"] == "v1099"
        tree = docstore.revision_tree(s, "queue:q1")
        assert tree is not None and len(revtree.revisions_of(tree, doc["_rev"])["ids"]) == 1000
