"""Issue 9's "Done when", end to end: real laptop stores in files, synced through a real
``caseworker central serve`` in front of the central database, each user with their own
credentials. What a laptop must hold is computed by the pure rules
(``caseworker.access.channels``) over the central database's documents, read as its admin.

- a laptop holds exactly its user's scope: counted, revision for revision, and the raw bytes
  of the unencrypted store hold no other citizen's name;
- a case reassigned away (by a supervisor, from their own laptop) leaves the officer's laptop
  with its notes, contacts and events at the next sync; nothing is deleted on the server;
- nobody but an admin widens their own scope by editing their staff record;
- a note typed offline on a case being reassigned away reaches the server before the case
  leaves the laptop, and the case comes back whole (every note, every leaf revision).
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caseworker.services import cases, contacts, search
from caseworker.store import docstore
from sync.refusals import take_server
from tests.support.gateway import (
    STAFF_USERS,
    USERS,
    Gateway,
    Server,
    a_case,
    central_server,
    revision,
    running_gateway,
)
from tests.support.scope import (
    PATCH,
    W2_TREE,
    Laptop,
    admin_write,
    central_doc,
    central_docs,
    central_leaves,
    reach_council,
    scope_of,
    seen_names,
    unseen_names,
)
from tests.sync.helpers import OFFICER, SUPERVISOR, client


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest) -> Server:
    """Apache CouchDB when ``CASEWORKER_TEST_COUCHDB`` names one, else the pinned PouchDB
    Server."""
    return central_server(request)


@pytest.fixture(scope="module")
def unchanged(server: Server) -> Iterator[Gateway]:
    """A gateway whose database no test of this module changes (they only try to)."""
    with running_gateway(server, reach_council()) as gateway:
        yield gateway


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    """A gateway in front of a database of the test's own, to change as it likes."""
    with running_gateway(server, reach_council()) as gateway:
        yield gateway


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    made: dict[str, Laptop] = {}
    yield made
    for laptop in made.values():
        laptop.close()


def laptop_of(laptops: dict[str, Laptop], tmp_path: Path, user: str, gateway: Gateway) -> Laptop:
    laptops[user] = Laptop(tmp_path, user, gateway.db_url)
    return laptops[user]


# -- a laptop holds exactly its user's scope -----------------------------------------------------

# What the rules must give, said plainly, so that a rule and the gateway agreeing on something
# wrong cannot pass: (must hold, must never hold).
PLAINLY = {
    "ann": ({"case:w1", "case:w2", "note:w2", "contact:w2", "citizen:c4"}, {"case:h1", "case:a1"}),
    "olu": (
        {"case:h1", "case:w2", "event:w2", "case:a1", "citizen:c5"},  # assigned, and his patch
        {"case:w1", "case:a2", "contact:c6", "case:a3", "citizen:c7"},  # closed, not his patch
    ),
    "sam": ({"case:w1", "case:w2", "contact:w2"}, {"case:h1", "case:a1", "citizen:c3"}),
    "ada": ({"case:a2", "contact:c6", "note:c3", "citizen:c3"}, {"_design/caseworker-access"}),
}


@pytest.mark.parametrize("user", ["ann", "olu", "sam", "ada"])
def test_a_laptop_holds_exactly_its_users_scope_and_no_other_citizens_name(
    tmp_path: Path,
    server: Server,
    unchanged: Gateway,
    laptops: dict[str, Laptop],
    user: str,
) -> None:
    docs = central_docs(server, unchanged)
    expected = scope_of(user, docs)
    must, never = PLAINLY[user]
    assert must <= expected and not never & expected
    laptop = laptop_of(laptops, tmp_path, user, unchanged)
    assert laptop.sync().up_to_date
    held = laptop.ids()
    assert len(held) == len(expected), sorted(held ^ expected)
    assert held == expected
    assert laptop.leaves() == central_leaves(docs, expected)
    raw = laptop.raw()
    for name in seen_names(user, docs):  # the store is unencrypted: what it holds shows
        assert name.encode() in raw, name
    for name in unseen_names(user, docs):
        assert name.encode() not in raw, f"{user}'s store holds {name!r}"
    # and a second sync brings nothing more
    again = laptop.sync()
    assert again.up_to_date and again.pull.docs_written == 0 and laptop.ids() == expected


# -- a case reassigned away ------------------------------------------------------------------


def test_a_case_reassigned_away_leaves_the_officers_laptop_with_everything_on_it(
    tmp_path: Path, server: Server, gateway: Gateway, laptops: dict[str, Laptop]
) -> None:
    olu = laptop_of(laptops, tmp_path, "olu", gateway)
    sam = laptop_of(laptops, tmp_path, "sam", gateway)
    assert olu.sync().up_to_date and sam.sync().up_to_date
    assert olu.ids() >= W2_TREE
    assert b"Fourways" in olu.raw()
    before = central_docs(server, gateway)

    # The supervisor gives the case to the agent, on his own laptop, and syncs.
    with sam.store.write() as session:
        cases.assign(session, SUPERVISOR, "case:w2", "staff:agent")
    assert not sam.sync().refused

    result = olu.sync()
    assert result.up_to_date
    after = central_docs(server, gateway)
    assert olu.ids() == scope_of("olu", after)
    assert not W2_TREE & olu.ids()  # the case, its note, contact, event and citizen
    assert result.pull.docs_purged == len(W2_TREE)
    assert result.push.docs_written == 0  # no deletion was pushed...
    assert set(before) <= set(after)  # ...every document is still live on the server...
    for doc_id in W2_TREE - {"case:w2"}:  # ...and unchanged
        assert after[doc_id]["_rev"] == before[doc_id]["_rev"], doc_id
    assert after["case:w2"]["assignee_id"] == "staff:agent"
    assert not after["case:w2"].get("_deleted")
    with olu.store.read() as session:
        assert search.search(session, "Fourways") == []
    raw = olu.raw()
    for word in (b"Hywel", b"Fourways", b"photographs", b"Fly-tipping"):
        assert word not in raw, word
    # the agent now holds it, with everything on it
    ann = laptop_of(laptops, tmp_path, "ann", gateway)
    assert ann.sync().up_to_date and ann.ids() >= W2_TREE


# -- nobody widens their own scope -----------------------------------------------------------

WIDENINGS = [
    ("ann", {"queue_ids": ["queue:waste", "queue:highways"]}),
    ("ann", {"role": "admin"}),
    ("olu", {"patch": [PATCH, "SW1A", "CF10"]}),
    ("olu", {"role": "supervisor"}),
    ("sam", {"queue_ids": ["queue:waste", "queue:highways"]}),
    ("sam", {"role": "admin"}),
]


@pytest.mark.parametrize(("user", "change"), WIDENINGS)
def test_a_member_cannot_widen_their_own_scope_by_editing_their_staff_record(
    tmp_path: Path,
    server: Server,
    unchanged: Gateway,
    laptops: dict[str, Laptop],
    user: str,
    change: dict[str, Any],
) -> None:
    staff_id = STAFF_USERS[user][2]
    laptop = laptop_of(laptops, tmp_path, user, unchanged)
    assert laptop.sync().up_to_date
    docs = central_docs(server, unchanged)
    mine = docs[staff_id]
    widened = {**mine, **change}
    if "role" not in change:  # what the edit would bring, were it let through
        assert scope_of(user, docs, widened) > scope_of(user, docs)
    with laptop.store.write() as session:  # straight into the store: no window to stop it
        docstore.put(session, widened)
    result = laptop.sync()
    assert staff_id in result.refused
    assert central_doc(server, unchanged, staff_id)["_rev"] == mine["_rev"]
    again = laptop.sync()
    assert laptop.ids() == scope_of(user, central_docs(server, unchanged))
    assert again.pull.docs_written == 0


def test_a_field_officer_cannot_bring_a_citizen_into_scope_by_opening_a_case_on_them(
    tmp_path: Path, server: Server, unchanged: Gateway, laptops: dict[str, Laptop]
) -> None:
    olu = laptop_of(laptops, tmp_path, "olu", unchanged)
    assert olu.sync().up_to_date
    # A case of his own on Eira, whom he does not hold: it would bring her whole record.
    case = a_case(
        "case:olu-eira",
        citizen_id="citizen:c3",
        queue_id="queue:highways",
        assignee_id="staff:officer",
        status="assigned",
    )
    with olu.store.write() as session:
        docstore.put(session, case)
    result = olu.sync()
    assert "case:olu-eira" in result.refused
    assert central_doc(server, unchanged, "case:olu-eira") is None
    olu.sync()
    assert "citizen:c3" not in olu.ids() and "note:c3" not in olu.ids()
    assert b"Threlkeld" not in olu.raw()


def test_an_admin_changing_a_staff_record_changes_that_laptops_scope(
    tmp_path: Path, server: Server, gateway: Gateway, laptops: dict[str, Laptop]
) -> None:
    """The other side of the above: the staff record does decide the scope."""
    olu = laptop_of(laptops, tmp_path, "olu", gateway)
    ada = laptop_of(laptops, tmp_path, "ada", gateway)
    assert olu.sync().up_to_date and ada.sync().up_to_date
    assert {"case:a1", "citizen:c5"} <= olu.ids()
    with ada.store.write() as session:
        docstore.put(session, {**docstore.require(session, "staff:officer"), "patch": []})
    assert not ada.sync().refused
    olu.sync()
    assert olu.ids() == scope_of("olu", central_docs(server, gateway))
    assert not {"case:a1", "citizen:c5"} & olu.ids()
    assert b"Fivehills" not in olu.raw()


# -- an offline note, and the case back whole --------------------------------------------------


def test_an_offline_note_goes_first_and_the_case_comes_back_whole(
    tmp_path: Path, server: Server, gateway: Gateway, laptops: dict[str, Laptop]
) -> None:
    # case:w2 is in conflict on the server: two edits made offline elsewhere.
    first = central_doc(server, gateway, "case:w2")
    admin_write(
        server,
        gateway,
        [
            revision({**first, "priority": "high"}, [first["_rev"]], tag="a"),
            revision({**first, "priority": "urgent"}, [first["_rev"]], tag="b"),
        ],
    )
    olu = laptop_of(laptops, tmp_path, "olu", gateway)
    sam = laptop_of(laptops, tmp_path, "sam", gateway)
    assert olu.sync().up_to_date and sam.sync().up_to_date
    assert len(olu.leaves()["case:w2"]) == 2

    # Offline, the officer notes something on the case; meanwhile it is given to the agent.
    with olu.store.write() as session:
        typed, _ = contacts.add_note(session, OFFICER, "Typed in the van", case_id="case:w2")
    with sam.store.write() as session:
        cases.assign(session, SUPERVISOR, "case:w2", "staff:agent")
    assert not sam.sync().refused

    result = olu.sync()
    assert result.up_to_date and not result.refused
    assert central_doc(server, gateway, typed)["text"] == "Typed in the van"
    assert not (W2_TREE | {typed}) & olu.ids()
    assert olu.ids() == scope_of("olu", central_docs(server, gateway))

    # The supervisor gives it back: it arrives whole.
    sam.sync()
    with sam.store.write() as session:
        cases.assign(session, SUPERVISOR, "case:w2", "staff:officer")
    assert not sam.sync().refused
    assert olu.sync().up_to_date
    docs = central_docs(server, gateway)
    expected = scope_of("olu", docs)
    assert W2_TREE | {typed} <= expected
    assert olu.ids() == expected
    assert olu.leaves() == central_leaves(docs, expected)  # every leaf of every record
    assert len(olu.leaves()["case:w2"]) == 2
    with olu.store.read() as session:
        notes = {n.id for n in contacts.case_notes(session, "case:w2")}
        assert notes == {"note:w2", typed}
        events = {e.id for e in cases.history(session, "case:w2")}
        assert "event:w2" in events and len(events) == 3  # created, away, back
        assert cases.get_case(session, "case:w2").assignee_id == "staff:officer"
        assert [h.id for h in search.search(session, "Fourways")] == ["citizen:c4"]


def test_an_offline_change_refused_after_a_reassignment_is_kept_until_the_officer_lets_it_go(
    tmp_path: Path, server: Server, gateway: Gateway, laptops: dict[str, Laptop]
) -> None:
    olu = laptop_of(laptops, tmp_path, "olu", gateway)
    sam = laptop_of(laptops, tmp_path, "sam", gateway)
    assert olu.sync().up_to_date and sam.sync().up_to_date
    with olu.store.write() as session:  # offline, while it is still his
        cases.set_priority(session, OFFICER, "case:w2", "urgent")
    with sam.store.write() as session:
        cases.assign(session, SUPERVISOR, "case:w2", "staff:agent")
    assert not sam.sync().refused

    result = olu.sync()
    assert "case:w2" in result.refused  # no longer his to change
    assert central_doc(server, gateway, "case:w2")["priority"] == "normal"
    # What he did stays on his laptop, with the case, until he decides what to do with it.
    assert "case:w2" in olu.ids()
    with olu.store.read() as session:
        assert cases.get_case(session, "case:w2").priority == "urgent"

    # He takes the server's version: the case has left his work, so it leaves his laptop.
    remote = client(gateway.db_url, USERS["olu"])
    try:
        take_server(olu.store, remote, OFFICER, "case:w2")
    finally:
        remote.close()
    assert olu.sync().up_to_date
    assert not W2_TREE & olu.ids()
    assert olu.ids() == scope_of("olu", central_docs(server, gateway))
    assert b"Fourways" not in olu.raw()


def test_a_case_moved_to_another_citizen_takes_the_old_citizen_off_the_laptop_not_the_case(
    tmp_path: Path, server: Server, gateway: Gateway, laptops: dict[str, Laptop]
) -> None:
    olu = laptop_of(laptops, tmp_path, "olu", gateway)
    sam = laptop_of(laptops, tmp_path, "sam", gateway)
    assert olu.sync().up_to_date and sam.sync().up_to_date
    assert "citizen:c7" not in olu.ids()
    # The supervisor finds the case was Kai's all along (he holds the directory: any caller).
    with sam.store.write() as session:
        case = docstore.require(session, "case:w2")
        docstore.put(session, {**case, "citizen_id": "citizen:c7"})
    assert not sam.sync().refused

    assert olu.sync().up_to_date
    held = olu.ids()
    assert held == scope_of("olu", central_docs(server, gateway))
    assert {"case:w2", "note:w2", "contact:w2", "event:w2", "citizen:c7"} <= held
    assert not {"citizen:c4", "note:c4"} & held  # Hywel, and what was noted about him
    raw = olu.raw()
    assert b"Sevenoaks" in raw and b"Fourways" not in raw and b"prefers email" not in raw
