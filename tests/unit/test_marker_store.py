"""Markers in the store: a store from before markers had a table (0003) gets the markers it
kept projected when it opens; a marker leaves the laptop with its citizen."""

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from caseworker.models import Marker
from caseworker.services import markers
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store import docstore, purge
from caseworker.store.schema import HEAD_REVISION
from caseworker.store.store import Store
from tests.support.council import council_docs
from tests.support.old_store import store_at
from tests.unit.conftest import AGENT

REV = "1-" + "b" * 32


def _marker(doc_id: str, citizen_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "_id": doc_id,
        "_rev": REV,
        "type": "marker",
        "schema": 1,
        "citizen_id": citizen_id,
        "kind": "officer_safety",
        "reason": "Visit in pairs",
        "set_by": "staff:agent",
        "set_at": "2026-11-01T09:00:00.000Z",
        "review_on": "2027-01-01",
        "address": "3, Stryd Fawr",
        "postcode": "ll572pw",
        **fields,
    }


def _store_before_markers(path: Path) -> str:
    """A store from before markers were projected, holding two replicated marker documents
    (one of a kind it cannot use) that it kept without a table to project them into."""
    made: list[str] = []

    def fill(session: Session) -> None:
        for doc in council_docs():
            docstore.put(session, doc)
        citizen_id, _ = create_citizen(session, AGENT, "Mair", "Jones")
        made.append(citizen_id)
        seq = docstore.last_seq(session) + 1
        live = _marker("marker:kept", citizen_id)
        broken = _marker("marker:broken", citizen_id, kind="rumour")
        rows = [
            ("marker:kept", "marker", REV, False, seq, live, None),
            ("marker:broken", None, REV, False, seq + 1, broken, "not a marker kind"),
        ]
        session.connection().exec_driver_sql(
            "INSERT INTO documents (id, type, rev, deleted, seq, rev_tree, body, conflicted, "
            "problem) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
            [
                (i, k, r, d, s, f'[[1,"{"b" * 32}",0,-1]]', json.dumps(b), p)
                for i, k, r, d, s, b, p in rows
            ],
        )

    store_at(path, "0006", fill)  # the revision before the markers table
    return made[0]


def test_a_store_from_before_markers_gets_the_markers_it_kept_projected(tmp_path: Path) -> None:
    citizen_id = _store_before_markers(tmp_path / "old.db")
    store = Store(tmp_path / "old.db")
    try:
        with store.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                HEAD_REVISION
            )
            assert list(s.scalars(select(Marker.id))) == ["marker:kept"]
            (kept,) = markers.of_citizen(s, citizen_id)
            assert (kept.postcode, kept.address_line) == ("LL57 2PW", "3 stryd fawr")
            assert [m.id for m in markers.at_address(s, "3 Stryd Fawr", "LL57 2PW")] == [
                "marker:kept"
            ]
    finally:
        store.close()


def test_a_marker_is_purged_with_its_citizen(store: Store) -> None:
    with store.write() as s:
        for doc in council_docs():
            docstore.put(s, doc)
        citizen_id, _ = create_citizen(
            s,
            AGENT,
            "Mair",
            "Jones",
            identifiers=(NewIdentifier("address", "3 Stryd Fawr", postcode="LL57 2PW"),),
        )
        marker_id, _ = markers.add_marker(
            s, AGENT, citizen_id, kind="officer_safety", reason="Dog", review_on=date(2099, 1, 1)
        )
    with store.write() as s:
        dropped = purge.purge(s, [citizen_id], pushed=docstore.last_seq(s))
        assert marker_id in {w.doc_id for w in dropped.written}
    with store.read() as s:
        assert s.get(Marker, marker_id) is None and docstore.get(s, marker_id) is None
        assert markers.at_address(s, "3 Stryd Fawr", "LL57 2PW") == []
