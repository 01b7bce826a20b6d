"""The directory job and merges: a merge rewrites no citizen, so the merged citizen's entry
takes ``merged_into`` from the merge document, and loses it when the merge is undone (an
agent's directory search then shows the person once, as the survivor)."""

from typing import Any

import pytest

from tests.support.couch_server import CouchServer
from tests.sync.worker_support import Db, WorkerProcess, a_full_citizen, central_db, eventually


@pytest.fixture
def db(couch_server: CouchServer, couch_db: str) -> Db:
    return central_db(couch_server, couch_db)


def a_merge(merged_key: str, survivor_key: str, **fields: Any) -> dict[str, Any]:
    return {
        "_id": f"merge:{merged_key}",
        "type": "merge",
        "schema": 1,
        "merged_id": f"citizen:{merged_key}",
        "survivor_id": f"citizen:{survivor_key}",
        "state": "merged",
        "at": "2026-12-02T20:00:00Z",
        "by": "staff:supervisor",
        "reason": "same person",
        **fields,
    }


def test_a_merged_citizens_entry_says_where_it_went_until_the_merge_is_undone(db: Db) -> None:
    db.put(a_full_citizen("m1"))
    db.put(a_full_citizen("m2", given="Caz"))
    with WorkerProcess(db.url, *db.auth):
        eventually(lambda: db.entry("m2"), "the entry")
        db.put(a_merge("m2", "m1"))
        merged = eventually(
            lambda: (e := db.entry("m2")) and e.get("merged_into") and e, "merged_into"
        )
        assert merged["merged_into"] == "citizen:m1"
        assert "merged_into" not in db.entry("m1")
        merge = db.get("/merge:m2")
        db.put(
            {
                **merge,
                "state": "undone",
                "undone_at": "2026-12-02T21:00:00Z",
                "undone_by": "staff:supervisor",
                "undo_reason": "two people",
            }
        )
        eventually(
            lambda: (e := db.entry("m2")) and "merged_into" not in e and e, "merged_into gone"
        )
