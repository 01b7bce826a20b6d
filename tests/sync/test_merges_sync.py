"""Merges through the central database: one laptop merges two citizens while another edits
the merged citizen offline; after both sync, both edits are on both laptops and the edit
shows under the survivor. A "not the same person" decision from one laptop hides the pair on
the other."""

from pathlib import Path

from sqlalchemy import select

from caseworker.dedupe import review, scan
from caseworker.models import Citizen, Identifier, Interaction
from caseworker.services import citizens, contacts, merges
from caseworker.services.citizens import NewIdentifier
from caseworker.store.store import Store
from tests.support.couch_server import CouchServer
from tests.sync.helpers import AGENT, SUPERVISOR, make_store, server_doc, sync
from ui.citizen.snapshot import load_citizen


def _citizen(store: Store, given: str, phone: str) -> str:
    with store.write() as s:
        cid, _ = citizens.create_citizen(
            s, AGENT, given, "Llewellyn", identifiers=(NewIdentifier("phone", phone),)
        )
    return cid


def test_a_merge_and_an_offline_edit_of_the_merged_citizen_both_survive(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    office = make_store(tmp_path, "office", council=True)
    van = make_store(tmp_path, "van")
    rhys = _citizen(office, "Rhys", "07700 900777")
    rees = _citizen(office, "Rees", "07700 900888")
    sync(office, couch_db)
    sync(van, couch_db)

    with office.write() as s:  # the supervisor merges while the van is offline
        merge_id, _ = merges.merge(s, SUPERVISOR, rhys, rees, "same man, misspelt")
    with van.write() as s:  # the officer, offline, adds a number and logs a visit on Rees
        citizens.add_identifier(s, AGENT, rees, NewIdentifier("email", "rees@example.org"))
        contact_id, _ = contacts.record_interaction(
            s, AGENT, channel="walk_in", direction="inbound", summary="Visited", citizen_id=rees
        )
    for store in (office, van, office):
        assert sync(store, couch_db).up_to_date

    assert server_doc(couch_server, couch_db, merge_id)["state"] == "merged"
    on_server = server_doc(couch_server, couch_db, rees, conflicts="true")
    assert "_conflicts" not in on_server  # the merge rewrote nothing of Rees's record
    for store in (office, van):
        with store.read() as s:
            assert s.get(Citizen, rees).merged_into == rhys  # type: ignore[union-attr]
            assert s.get(Interaction, contact_id) is not None
            values = set(s.scalars(select(Identifier.value).where(Identifier.citizen_id == rees)))
            assert values == {"07700 900888", "rees@example.org"}
            shown = load_citizen(s, rees)
        assert shown.id == rhys and shown.merged_from == (rees,)
        assert contact_id in {e.id for e in shown.timeline}
        assert {i.value for i in shown.identifiers} == {
            "07700 900777", "07700 900888", "rees@example.org",
        }  # fmt: skip

    with van.write() as s:  # undone on the other laptop: apart again everywhere
        merges.unmerge(s, SUPERVISOR, merge_id, "two brothers")
    for store in (van, office):
        assert sync(store, couch_db).up_to_date
    with office.read() as s:
        assert s.get(Citizen, rees).merged_into is None  # type: ignore[union-attr]
        assert load_citizen(s, rees).id == rees
        assert contact_id in {e.id for e in load_citizen(s, rees).timeline}


def test_a_not_the_same_person_decision_reaches_the_other_laptop(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    office = make_store(tmp_path, "office", council=True)
    other = make_store(tmp_path, "other")
    a = _citizen(office, "Gareth", "07700 900111")
    b = _citizen(office, "Gareth", "07700 900111")
    sync(office, couch_db)
    sync(other, couch_db)
    with other.write() as s:  # the other laptop's scan offers the pair
        scan.scan(s)
    with other.read() as s:
        assert [(c.first_id, c.second_id) for c in review.candidates(s)] == [tuple(sorted((a, b)))]
    with office.write() as s:
        merges.not_same_person(s, SUPERVISOR, a, b, "father and son")
    sync(office, couch_db)
    sync(other, couch_db)
    with other.read() as s:
        assert merges.decided_distinct(s, b, a)
        assert review.candidates(s) == []  # decided on another laptop: not offered here
