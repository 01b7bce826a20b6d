"""Fuzz: random replicated revision trees with random and hostile bodies, fed to the store.

Invariants, whatever arrives: no exception escapes; every revision the store accepted is in
its tree; the stored winner is the one the pure revision functions pick from the same
revisions; the typed tables hold exactly the live, valid winners; SQLite's integrity check
passes; and a good batch afterwards is written. A few seconds by default;
``CASEWORKER_FUZZ_EXAMPLES=2000`` runs longer on demand.
"""

import base64
import itertools
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from caseworker.models import StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.store import incoming, projection, replication
from caseworker.store.store import Store
from tests.unit.test_uniqueness import T, case_doc, replicated

EXAMPLES = int(os.environ.get("CASEWORKER_FUZZ_EXAMPLES", "60"))
_run = itertools.count()

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _deep(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


def _citizen(doc_id: str, name: str) -> dict[str, Any]:
    return {"_id": doc_id, "type": "citizen", "schema": 1, "given_name": name,
            "family_name": "Fuzz", "language": "en", "identifiers": [], "consents": [],
            "created_at": T, "updated_at": T}  # fmt: skip


@st.composite
def bodies(draw: st.DrawFn, doc_id: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(
        ["case", "citizen", "tombstone", "random", "deep", "bad_digest", "bad_base64",
         "wrong_type", "reserved"]
    ))  # fmt: skip
    ref = draw(st.sampled_from(["AAA-0000-0001", "AAA-0000-0002"]))
    if kind == "case":
        return case_doc(doc_id, ref, priority=draw(st.sampled_from(["low", "high"])))
    if kind == "citizen":
        return _citizen(doc_id, draw(st.text(max_size=10)))
    if kind == "tombstone":
        return {"_id": doc_id, "_deleted": True}
    if kind == "random":
        extra = draw(st.dictionaries(st.text(max_size=8), json_value, max_size=5))
        return {**extra, "_id": doc_id}
    if kind == "deep":
        return {**case_doc(doc_id, ref), "deep": _deep(draw(st.integers(60, 200)))}
    if kind == "bad_digest":
        att = {"content_type": "text/plain", "data": base64.b64encode(b"evil").decode(),
               "digest": replication.digest_of(b"victim")}  # fmt: skip
        return {**case_doc(doc_id, ref), "_attachments": {"a.txt": att}}
    if kind == "bad_base64":
        att = {"content_type": "text/plain", "data": "%%%", "digest": "md5-x"}
        return {**case_doc(doc_id, ref), "_attachments": {"a.txt": att}}
    if kind == "wrong_type":
        return {**_citizen(doc_id, "Wrong"), "type": draw(st.sampled_from(["case", "note", "x"]))}
    return {**case_doc(doc_id, ref), "_private": 1}


@st.composite
def revision(draw: st.DrawFn, doc_ids: list[str]) -> Any:
    if draw(st.integers(0, 30)) == 0:  # not even identifiable
        return draw(st.one_of(json_value, st.fixed_dictionaries(
            {"_id": st.sampled_from(doc_ids), "_rev": st.sampled_from(["x", "0-a", "-1-a", ""])}
        )))  # fmt: skip
    doc_id = draw(st.sampled_from(doc_ids))
    length = draw(st.integers(1, 4))
    ids = draw(st.lists(st.sampled_from("abc"), min_size=length, max_size=length))
    start = draw(st.integers(length, length + 2))
    body = draw(bodies(doc_id))
    body["_rev"] = f"{start}-{ids[0]}"
    if draw(st.booleans()):
        body["_deleted"] = True
    revisions: Any = {"start": start, "ids": ids}
    if draw(st.integers(0, 10)) == 0:
        revisions = draw(json_value)
    body["_revisions"] = revisions
    return body


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[str], list[list[Any]]]:
    doc_ids = ["case:f", "citizen:f", "note:f", "_design/f", "f"]
    return doc_ids, draw(st.lists(st.lists(revision(doc_ids), max_size=8), min_size=1, max_size=4))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty store to copy: each example starts from nothing, so a failure replays."""
    path = Path(tmp_path_factory.mktemp("fuzz")) / "template.db"
    Store(path).close()
    return path


@contextmanager
def fresh_store(template: Path) -> Iterator[Store]:
    path = template.with_name(f"run{next(_run)}.db")
    shutil.copyfile(template, path)
    store = Store(path)
    try:
        yield store
    finally:
        store.close()
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()


def _model(accepted: dict[str, list[incoming.Revision]]) -> dict[str, revtree.RevTree]:
    trees: dict[str, revtree.RevTree] = {}
    for doc_id, revs in accepted.items():
        tree: revtree.RevTree = []
        for r in revs:
            if not revtree.rev_exists(tree, r.rev):
                tree = revtree.merge(tree, r.path()).tree
        trees[doc_id] = tree
    return trees


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large],
)  # fmt: skip
@given(data=batches())
def test_no_replicated_batch_can_break_the_store(
    template: Path, data: tuple[list[str], list[list[Any]]]
) -> None:
    with fresh_store(template) as store:
        _replicate_and_check(store, *data)


def _replicate_and_check(fuzz_store: Store, doc_ids: list[str], sent: list[list[Any]]) -> None:
    accepted: dict[str, list[incoming.Revision]] = {}
    for batch in sent:
        for doc in batch:
            read = incoming.read(json.loads(json.dumps(doc)) if _is_json(doc) else doc)
            if read is not None:
                accepted.setdefault(read.doc_id, []).append(read)
        with fuzz_store.write() as s:
            replication.put_replicated_many(s, batch)
        assert integrity(fuzz_store) == "ok", batch
    model = _model(accepted)
    with fuzz_store.read() as s:
        for doc_id, tree in model.items():
            row = s.get(StoredDocument, doc_id)
            assert row is not None
            stored = revtree.tree_from_json(json.loads(row.rev_tree))
            for r in accepted[doc_id]:
                assert revtree.rev_exists(stored, r.rev)
            assert row.rev == revtree.winning_rev(tree) == revtree.winning_rev(stored)
            assert row.deleted == revtree.is_deleted(tree)
            _projected_iff_live_and_valid(s, row)
    good = replicated(case_doc("case:good", "GOO-0000-0000"))
    with fuzz_store.write() as s:
        assert [w.doc_id for w in replication.put_replicated_many(s, [good])] == [good["_id"]]


def integrity(store: Store) -> str:
    """SQLite's integrity check, on the writing connection: a reading connection that has not
    read an FTS5 table since another connection changed it reports corruption from its stale
    cache (SQLite 3.53's FTS5 check; queries on it are right, and the file is sound)."""
    with store.write() as s:
        return str(s.execute(text("PRAGMA integrity_check")).scalar())


def _is_json(doc: Any) -> bool:
    try:
        json.dumps(doc)
    except (TypeError, ValueError, RecursionError):
        return False
    return True


def _projected_iff_live_and_valid(s: Any, row: StoredDocument) -> None:
    live_valid = not row.deleted and row.type is not None
    for doc_type, table in projection.TABLE_OF_TYPE.items():
        column = "rev" if "rev" in table.c else "id"
        found = s.execute(
            text(f"SELECT {column} FROM {table.name} WHERE id = :id"), {"id": row.id}
        ).scalar()
        if live_valid and doc_type == row.type:
            assert found == (row.rev if column == "rev" else row.id), (row.id, row.problem)
        else:
            assert found is None, (row.id, doc_type, row.type, row.problem)
