"""Pulled documents are found by search, each under its own entry: a search row names exactly
one case or citizen, also when rows were deleted and new ones arrived in later batches."""

from caseworker.services import search
from caseworker.store import docstore, replication
from caseworker.store.store import Store
from tests.unit.test_foreign_documents import citizen_doc
from tests.unit.test_uniqueness import case_doc, replicated


def _found(store: Store, query: str) -> set[str]:
    with store.read() as s:
        return {hit.id for hit in search.search(s, query)}


def _case(n: int, postcode: str = "CF10 1AA") -> dict[str, object]:
    doc = case_doc(f"case:c{n}", f"QZ{n}-7000-0000", location={"postcode": postcode})
    return replicated(doc)


def test_each_pulled_case_and_citizen_is_found_under_its_own_terms(store: Store) -> None:
    with store.write() as s:
        replication.put_replicated_many(s, [_case(1), _case(2), _case(3)])
    with store.write() as s:  # the newest case goes: a later one may reuse its place
        docstore.delete_doc(s, "case:c3")
    with store.write() as s:
        replication.put_replicated_many(
            s,
            [
                _case(4),
                replicated(citizen_doc("citizen:a", "Ada", "Quintrell")),
                replicated(citizen_doc("citizen:b", "Bea", "Zebedee")),
                replicated({**case_doc("case:c1", "QZ1-7000-0000"), "summary": "Moved"}, "2-b"),
            ],
        )
    with store.write() as s:  # a second batch after a mixed one
        replication.put_replicated_many(s, [_case(5, "SA1 1AA")])

    assert _found(store, "qz1-7000") == {"case:c1"}
    assert _found(store, "qz2-7000") == {"case:c2"}
    assert _found(store, "qz3-7000") == set()
    assert _found(store, "qz4-7000") == {"case:c4"}
    assert _found(store, "qz5-7000") == {"case:c5"}
    assert _found(store, "sa11aa") == {"case:c5"}
    assert _found(store, "Quintrell") == {"citizen:a"}
    assert _found(store, "Zebedee") == {"citizen:b"}
