"""Directory entries as a central worker (or a hostile server) sends them, for the tests of the
laptop's directory projection and search."""

from typing import Any

from caseworker.store import replication
from caseworker.store.store import Store
from tests.unit.test_uniqueness import replicated


def entry(key: str, given: str, family: str, **fields: Any) -> dict[str, Any]:
    """The directory entry ``directory:<key>`` of ``citizen:<key>``."""
    doc: dict[str, Any] = {
        "_id": f"directory:{key}",
        "type": "directory",
        "schema": 1,
        "citizen_id": f"citizen:{key}",
        "given_name": given,
        "family_name": family,
        "language": "en",
        "phones": [],
        "emails": [],
        "postcodes": [],
    }
    doc.update(fields)
    return doc


def receive(store: Store, *docs: dict[str, Any], rev: str = "1-" + "a" * 32) -> None:
    """Docs pulled from the server, as replication writes them."""
    with store.write() as s:
        replication.put_replicated_many(s, [replicated(d, rev) for d in docs])


def tombstone(doc_id: str) -> dict[str, Any]:
    return {
        "_id": doc_id,
        "_rev": "2-" + "b" * 32,
        "_deleted": True,
        "_revisions": {"start": 2, "ids": ["b" * 32, "a" * 32]},
    }
