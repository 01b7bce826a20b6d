"""The batch replication path gives exactly what put_replicated gives one document at a time."""

from pathlib import Path
from typing import Any

from sqlalchemy import select

from caseworker.models import Case, LeafBody, StoredDocument
from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store import docstore, replication
from caseworker.store.store import Store
from tests.unit.conftest import AGENT


def _branches(base: dict[str, Any]) -> list[dict[str, Any]]:
    """A case's base revision, then two offline edits of it, then a deletion of one branch."""
    h0 = base["_rev"].split("-")[1]
    a = {
        **base,
        "_rev": "2-" + "a" * 32,
        "priority": "high",
        "_revisions": {"start": 2, "ids": ["a" * 32, h0]},
    }
    b = {
        **base,
        "_rev": "2-" + "b" * 32,
        "summary": "Changed",
        "_revisions": {"start": 2, "ids": ["b" * 32, h0]},
    }
    gone = {
        "_id": base["_id"],
        "_rev": "3-" + "c" * 32,
        "_deleted": True,
        "type": "case",
        "_revisions": {"start": 3, "ids": ["c" * 32, "b" * 32, h0]},
    }
    return [a, b, gone]  # fmt: skip


def _snapshot(store: Store) -> Any:
    with store.read() as s:
        docs = s.execute(
            select(
                StoredDocument.id, StoredDocument.rev, StoredDocument.deleted,
                StoredDocument.rev_tree, StoredDocument.body, StoredDocument.conflicted,
                StoredDocument.problem,
            ).order_by(StoredDocument.id)
        ).all()  # fmt: skip
        leaves = s.execute(select(LeafBody.doc_id, LeafBody.rev, LeafBody.body)).all()
        projected = s.execute(select(Case.id, Case.rev, Case.priority, Case.conflicted)).all()
    return docs, sorted(leaves), sorted(projected)


def test_a_batch_matches_one_document_at_a_time(council: Store, tmp_path: Path) -> None:
    with council.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        all_docs = [
            docstore.with_revisions(s, row.id, row.rev) for row in s.scalars(select(StoredDocument))
        ]
        base = docstore.require(s, case_id)
    docs: list[dict[str, Any]] = [d for d in all_docs if d is not None]
    docs += _branches(base)
    docs.append({"_id": "odd:1", "_rev": "1-" + "d" * 32, "no_type": True})

    one, many = Store(tmp_path / "one.db"), Store(tmp_path / "many.db")
    for doc in docs:
        with one.write() as s:
            docstore.put_replicated(s, doc)
    with many.write() as s:
        written = replication.put_replicated_many(s, docs)
    assert {w.doc_id for w in written} == {d["_id"] for d in docs}
    a, b = _snapshot(one), _snapshot(many)
    assert [r[:3] + r[4:] for r in a[0]] == [r[:3] + r[4:] for r in b[0]]
    with one.read() as s1, many.read() as s2:
        for doc_id in {d["_id"] for d in docs}:
            assert docstore.revision_tree(s1, doc_id) == docstore.revision_tree(s2, doc_id)
    assert a[1:] == b[1:]
    # Replayed: nothing changes, nothing is written.
    with many.write() as s:
        assert replication.put_replicated_many(s, docs) == []
    assert _snapshot(many) == b


def test_revs_diff_and_bodies_for_a_batch(council: Store) -> None:
    with council.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        base = docstore.require(s, case_id)
        replication.put_replicated_many(s, _branches(base)[:2])
    with council.read() as s:
        wanted = {case_id: ["2-" + "a" * 32, "2-" + "e" * 32], "nobody": ["1-" + "f" * 32]}
        assert replication.revs_diff_many(s, wanted) == docstore.revs_diff(s, wanted)
        leaves = {case_id: ["2-" + "a" * 32, "2-" + "b" * 32, base["_rev"]]}
        bodies = replication.bodies_with_revisions(s, leaves)
        assert [b["_rev"] for b in bodies] == ["2-" + "a" * 32, "2-" + "b" * 32]  # not a leaf
        for body in bodies:
            assert body == docstore.with_revisions(s, case_id, body["_rev"])


def test_attachment_data_is_stored_once_by_digest_and_bodies_keep_stubs(council: Store) -> None:
    data = b"\x89PNG fake photo"
    with council.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        doc = replication.attach(s, docstore.require(s, case_id), "p.png", "image/png", data)
        docstore.put(s, doc)
        import base64

        incoming = {
            "_id": "note:1", "_rev": "1-" + "9" * 32, "type": "note", "schema": 1, "text": "x",
            "at": "2025-01-01T00:00:00Z", "by": "staff:agent",
            "_attachments": {"same.png": {"content_type": "image/png",
                                          "data": base64.b64encode(data).decode()}},
        }  # fmt: skip
        replication.put_replicated_many(s, [incoming])
    digest = replication.digest_of(data)
    with council.read() as s:
        for doc_id, name in ((case_id, "p.png"), ("note:1", "same.png")):
            stub = docstore.require(s, doc_id)["_attachments"][name]
            assert stub == {"content_type": "image/png", "digest": digest, "length": len(data),
                            "revpos": stub["revpos"], "stub": True}  # fmt: skip
        assert replication.attachment_data(s, [digest, "md5-none"]) == {digest: data}


def test_changes_list_a_deleted_branch_beside_a_live_winner(council: Store) -> None:
    """A resolved conflict leaves a tombstone on the losing branch: it must be pushed too."""
    with council.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        base = docstore.require(s, case_id)
        a, b, _gone = _branches(base)
        replication.put_replicated_many(s, [a, b])
        before = docstore.last_seq(s)
        docstore.put(s, {"_id": case_id, "_rev": a["_rev"], "type": "case"}, deleted=True)
    with council.read() as s:
        [change] = docstore.changes_since(s, before)
        row = s.get(StoredDocument, case_id)
        assert row is not None and not row.deleted and not row.conflicted
        assert len(change.leaves) == 2 and b["_rev"] in change.leaves


def test_a_filter_that_gives_back_copies_loses_no_document_of_a_prepared_batch(
    council: Store,
) -> None:
    """A pull reads and checks a batch ahead (``prepare``), then keeps only what the erasure
    filter admits. A filter that hands back copies (or new objects) must not make the batch
    drop them silently while its checkpoint moves past them."""
    with council.write() as s:
        _case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "x", "phone"))
    docs: list[dict[str, Any]] = [
        {"_id": f"note:copy{n}", "_rev": f"1-{n:032x}", "type": "note", "text": f"n{n}",
         "citizen_id": None, "case_id": _case_id, "author_id": "staff:agent",
         "created_at": "2026-12-02T10:00:00.000Z"}
        for n in range(1, 4)
    ]  # fmt: skip
    prepared = replication.prepare(docs)
    kept = [docs[0], dict(docs[2])]  # the second left out; the third a copy
    with council.write() as s:
        written = replication.put_prepared(s, prepared.only(kept)).written
    assert sorted(w.doc_id for w in written) == ["note:copy1", "note:copy3"]
    with council.read() as s:
        assert docstore.get(s, "note:copy3") is not None
        assert docstore.get(s, "note:copy2") is None
