"""Only documents whose ids and types Caseworker expects reach the typed tables; tombstones
take a document out of them whatever their body holds."""

from typing import Any

from sqlalchemy import func, select

from caseworker.models import Case, Citizen, StoredDocument
from caseworker.services import search
from caseworker.store import docstore, replication
from caseworker.store.problems import list_problems
from caseworker.store.store import Store
from tests.unit.test_uniqueness import T, case_doc, replicated


def citizen_doc(doc_id: str, given: str = "Evil", family: str = "Person") -> dict[str, Any]:
    return {
        "_id": doc_id, "type": "citizen", "schema": 1, "given_name": given,
        "family_name": family, "language": "en", "identifiers": [], "consents": [],
        "created_at": T, "updated_at": T,
    }  # fmt: skip


def _problems(store: Store) -> dict[str | None, str]:
    with store.read() as s:
        return {p.doc_id: p.reason for p in list_problems(s)}


def test_a_typeless_couchdb_tombstone_takes_a_citizen_out_of_search(store: Store) -> None:
    with store.write() as s:
        replication.put_replicated_many(s, [replicated(citizen_doc("citizen:c1", "Zed"))])
    with store.read() as s:
        assert [h.id for h in search.search(s, "zed person", limit=5)] == ["citizen:c1"]
    # What a CouchDB DELETE leaves: no type, no fields.
    tombstone = {"_id": "citizen:c1", "_rev": "2-" + "b" * 32, "_deleted": True,
                 "_revisions": {"start": 2, "ids": ["b" * 32, "a" * 32]}}  # fmt: skip
    with store.write() as s:
        [written] = replication.put_replicated_many(s, [tombstone])
    assert written.deleted and written.doc_type == "citizen"  # the type is still known
    with store.read() as s:
        assert search.search(s, "zed person", limit=5) == []
        assert s.get(Citizen, "citizen:c1") is None
        row = s.get(StoredDocument, "citizen:c1")
        assert row is not None and row.type == "citizen" and row.deleted


def test_a_typeless_tombstone_of_a_case_removes_it_through_the_single_path(store: Store) -> None:
    with store.write() as s:
        docstore.put_replicated(s, replicated(case_doc("case:k", "ABC-1234-5678")))
        docstore.put_replicated(
            s, {"_id": "case:k", "_rev": "2-" + "c" * 32, "_deleted": True,
                "_revisions": {"start": 2, "ids": ["c" * 32, "a" * 32]}},
        )  # fmt: skip
    with store.read() as s:
        assert s.get(Case, "case:k") is None
        assert search.search(s, "abc-1234", limit=5) == []


def test_design_and_local_ids_are_kept_as_problems_never_projected(store: Store) -> None:
    evil = [
        replicated(citizen_doc("_design/evil")),
        replicated(citizen_doc("_local/evil")),
        replicated(citizen_doc("evil")),
        replicated(citizen_doc("case:01JDX3")),  # a "citizen" under a case's id
        replicated(citizen_doc("citizen:a/b")),
        replicated({"_id": "thing:1", "type": "thing", "schema": 1}),
    ]
    good = replicated(citizen_doc("citizen:ok", "Good"))
    with store.write() as s:
        written = replication.put_replicated_many(s, [*evil, good])
    assert len(written) == len(evil) + 1
    with store.read() as s:
        assert list(s.scalars(select(Citizen.id))) == ["citizen:ok"]
        assert search.search(s, "evil", limit=5) == []
        assert s.scalar(select(func.count()).select_from(StoredDocument)) == len(evil) + 1
    problems = _problems(store)
    for doc in evil:
        assert doc["_id"] in problems
    assert "must look like citizen:" in problems["case:01JDX3"]
    assert "unknown type 'thing'" in problems["thing:1"]


def test_a_live_winner_that_becomes_foreign_leaves_the_tables(store: Store) -> None:
    with store.write() as s:
        replication.put_replicated_many(s, [replicated(citizen_doc("citizen:c2", "Yan"))])
    broken = {**citizen_doc("citizen:c2", "Yan"), "type": "mention", "_rev": "2-" + "d" * 32,
              "_revisions": {"start": 2, "ids": ["d" * 32, "a" * 32]}}  # fmt: skip
    with store.write() as s:
        replication.put_replicated_many(s, [broken])
    with store.read() as s:
        assert s.get(Citizen, "citizen:c2") is None
        assert search.search(s, "yan person", limit=5) == []
    assert "citizen:c2" in _problems(store)
