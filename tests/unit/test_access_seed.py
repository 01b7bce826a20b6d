"""The demo council is coherent with the access rules: its field officers' patches are the
council's own postcode districts, and the demo officer's patch holds open work."""

import json
from pathlib import Path

from sqlalchemy import select

from caseworker.access.channels import holds_case, person_case_keys
from caseworker.access.people import person_from
from caseworker.models import StoredDocument
from caseworker.seed import reference, seed_store
from caseworker.store.store import Store


def test_field_officers_patrol_the_councils_own_districts_and_find_open_work_there(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "caseworker.db")
    seed_store(store, citizens=600, workers=1)
    with store.read() as s:
        rows = s.execute(select(StoredDocument.id, StoredDocument.body)).all()
    store.close()
    docs = [json.loads(body) for _id, body in rows]
    staff = {d["_id"]: d for d in docs if d.get("type") == "staff"}
    cases = [d for d in docs if d.get("type") == "case"]
    officers = [d for d in staff.values() if d["role"] == "field_officer"]
    assert officers and all(d.get("patch") for d in officers)
    assert {p for d in officers for p in d["patch"]} == set(reference.districts())
    assert not any(d.get("patch") for d in staff.values() if d["role"] != "field_officer")

    officer = person_from(
        "officer", ["field_officer", "staff:staff:officer"], staff["staff:officer"]
    )
    assert "area=CF37" in person_case_keys(officer)
    in_patch = [
        c for c in cases if holds_case(officer, c) and c.get("assignee_id") != "staff:officer"
    ]
    assert in_patch  # open work in the patch, not assigned to them: the patch is what holds it
    assert all(c["location"]["postcode"][:4] in officer.patch for c in in_patch)
