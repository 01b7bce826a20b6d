"""Whatever a broken or hostile peer sends, the store keeps what it can, writes down what is
wrong, and carries on with the rest of the batch."""

import base64
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from caseworker.documents.schema import DocumentError
from caseworker.errors import CaseworkerError
from caseworker.limits import MAX_DOCUMENT_BYTES, MAX_NESTING_DEPTH
from caseworker.models import Attachment, Case, StoredDocument
from caseworker.store import docstore, replication
from caseworker.store.problems import list_problems
from caseworker.store.store import Store
from tests.unit.test_store_fuzz import integrity
from tests.unit.test_uniqueness import T, case_doc, replicated

GOOD = replicated(case_doc("case:good", "GOO-0000-0000"))


def _note(doc_id: str, **extra: Any) -> dict[str, Any]:
    return replicated({"_id": doc_id, "type": "note", "schema": 1, "text": "x", "at": T,
                       "by": "staff:agent", **extra})  # fmt: skip


def _problem(store: Store, doc_id: str) -> str:
    with store.read() as s:
        row = s.get(StoredDocument, doc_id)
        assert row is not None, f"{doc_id} was not kept"
        return row.problem or ""


def _good_was_written(store: Store) -> None:
    with store.read() as s:
        assert s.get(Case, "case:good") is not None
    assert integrity(store) == "ok"


def _attachment(data: str, digest: str) -> dict[str, Any]:
    return {"photo.jpg": {"content_type": "image/jpeg", "data": data, "digest": digest}}


def test_an_attachment_with_a_wrong_digest_is_not_stored_under_it(store: Store) -> None:
    victim = b"the real photo"
    claimed = replication.digest_of(victim)
    evil = base64.b64encode(b"attacker bytes").decode()
    with store.write() as s:
        replication.put_replicated_many(
            s, [_note("note:evil", _attachments=_attachment(evil, claimed)), GOOD]
        )
    _good_was_written(store)
    assert "does not match its digest" in _problem(store, "note:evil")
    with store.read() as s:
        assert replication.attachment_data(s, [claimed]) == {}
        assert "photo.jpg" not in docstore.require(s, "note:evil")["_attachments"]


def test_an_attachment_that_is_not_base64_is_a_problem(store: Store) -> None:
    with store.write() as s:
        doc = _note("note:b64", _attachments=_attachment("***not base64***", "md5-x"))
        replication.put_replicated_many(s, [doc, GOOD])
    _good_was_written(store)
    assert "not valid base64" in _problem(store, "note:b64")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def test_a_verified_attachment_is_stored_by_its_digest(store: Store) -> None:
    data = b"honest bytes"
    att = _attachment(base64.b64encode(data).decode(), replication.digest_of(data))
    with store.write() as s:
        replication.put_replicated_many(s, [_note("note:ok", _attachments=att)])
    assert _problem(store, "note:ok") == ""
    with store.read() as s:
        assert replication.attachment_data(s, [replication.digest_of(data)]) == {
            replication.digest_of(data): data
        }


@pytest.mark.parametrize(
    "doc",
    [
        {"_id": "case:x", "_rev": "not-a-rev"},
        {"_id": "case:x", "_rev": "0-abc"},
        {"_id": "case:x", "_rev": 7},
        {"_id": 12, "_rev": "1-abc"},
        {"_id": ["case:x"], "_rev": "1-abc"},
        {"_id": "", "_rev": "1-abc"},
        {"_id": "x" * 1000, "_rev": "1-abc"},
        {"_id": "case:\ud800", "_rev": "1-abc"},
        {"_rev": "1-abc"},
        "a string",
        None,
        [1, 2],
    ],
    ids=repr,
)
def test_a_revision_that_cannot_be_identified_is_skipped_and_counted(
    store: Store, doc: Any
) -> None:
    with store.write() as s:
        batch = replication.put_replicated_batch(s, [doc, GOOD])
    assert batch.skipped == 1 and [w.doc_id for w in batch.written] == ["case:good"]
    _good_was_written(store)
    with store.read() as s:
        [skipped] = [p for p in list_problems(s) if p.kind == "skipped"]
    assert skipped.reason.startswith("1 replicated revisions had no usable id")


@pytest.mark.parametrize(
    "revisions",
    [
        "lots",
        {"start": "2", "ids": ["a" * 32]},
        {"start": 5, "ids": ["a" * 32]},  # does not name the revision sent
        {"start": 1, "ids": ["a" * 32, "b" * 32]},  # more ids than generations
        {"start": 1, "ids": [None]},
        {"start": 1, "ids": []},
    ],
    ids=repr,
)
def test_a_malformed_revision_history_keeps_the_revision_alone(
    store: Store, revisions: Any
) -> None:
    doc = {**case_doc("case:h", "HIS-0000-0000"), "_rev": "1-" + "a" * 32, "_revisions": revisions}
    with store.write() as s:
        [written, _] = replication.put_replicated_many(s, [doc, GOOD])
    assert written.rev == "1-" + "a" * 32
    assert "_revisions" in _problem(store, "case:h")
    _good_was_written(store)


def test_an_oversized_document_is_recorded_not_stored_whole(store: Store) -> None:
    big = _note("note:big", padding="x" * (MAX_DOCUMENT_BYTES + 10))
    with store.write() as s:
        replication.put_replicated_many(s, [big, GOOD])
    _good_was_written(store)
    problem = _problem(store, "note:big")
    assert "larger than 8,000,000 bytes" in problem and big["_rev"] in problem
    with store.read() as s:
        row = s.get(StoredDocument, "note:big")
        assert row is not None and len(row.body) < 200 and row.rev == big["_rev"]


def test_absurdly_deep_nesting_is_recorded_not_stored(store: Store) -> None:
    deep: Any = "bottom"
    for _ in range(100_000):
        deep = [deep]
    shallow_enough: Any = "ok"
    for _ in range(MAX_NESTING_DEPTH - 2):
        shallow_enough = {"a": shallow_enough}
    with store.write() as s:
        replication.put_replicated_many(
            s, [_note("note:deep", extra=deep), _note("note:fine", extra=shallow_enough), GOOD]
        )
    _good_was_written(store)
    assert f"nested deeper than {MAX_NESTING_DEPTH}" in _problem(store, "note:deep")
    assert _problem(store, "note:fine") == ""


@pytest.mark.parametrize(
    "field, value",
    [
        ("text", "\ud800 lone surrogate"),
        ("at", 10**400),
        ("at", float("nan")),
        ("by", {"nested": "object"}),
    ],
    ids=repr,
)
def test_unstorable_values_are_problems_not_failures(store: Store, field: str, value: Any) -> None:
    with store.write() as s:
        replication.put_replicated_many(s, [_note("note:odd", **{field: value}), GOOD])
    _good_was_written(store)
    assert _problem(store, "note:odd") != ""


def test_numbers_too_large_for_the_table_are_problems(store: Store) -> None:
    service = replicated({
        "_id": "service:big", "type": "service", "schema": 1, "code": "big", "name": "Big",
        "group": "G", "keywords": [], "resolve_hours": 10**30, "response_hours": 1,
        "active": True,
    })  # fmt: skip
    with store.write() as s:
        replication.put_replicated_many(s, [service, GOOD])
    _good_was_written(store)
    assert "whole number" in _problem(store, "service:big")


def test_a_document_error_is_a_one_line_caseworker_error(store: Store) -> None:
    note = {"_id": "note:long", "type": "note", "schema": 1, "text": "x" * 20_001, "at": T,
            "by": "staff:agent"}  # fmt: skip
    with pytest.raises(CaseworkerError) as caught, store.write() as s:
        docstore.put(s, note)
    assert isinstance(caught.value, DocumentError) and isinstance(caught.value, ValueError)
    assert "longer than 20000 characters" in str(caught.value) and "\n" not in str(caught.value)


def test_a_local_edit_over_the_size_limit_is_refused_in_one_line(store: Store) -> None:
    note = {"_id": "note:huge", "type": "note", "schema": 1, "text": "x", "at": T,
            "by": "staff:agent", "extra": "y" * MAX_DOCUMENT_BYTES}  # fmt: skip
    with pytest.raises(DocumentError, match="larger than"), store.write() as s:
        docstore.put(s, note)


def test_hostile_revs_diff_input_is_never_wanted(store: Store) -> None:
    with store.read() as s:
        wanted = {"case:a": ["not-a-rev", "1-abc", 7], "case:b": "lots"}
        assert replication.revs_diff_many(s, wanted) == {"case:a": ["1-abc"]}  # type: ignore[arg-type]


def test_stored_bodies_are_valid_json(store: Store) -> None:
    with store.write() as s:
        replication.put_replicated_many(s, [_note("note:j", extra="\u202eevil"), GOOD])
    with store.read() as s:
        for body in s.scalars(select(StoredDocument.body)):
            json.loads(body)
