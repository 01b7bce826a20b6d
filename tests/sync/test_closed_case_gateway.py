"""A closed case through the real gateway: nothing on it changes but reopening.

The offline case: a laptop changes a case's priority offline while a supervisor closes it.
When the laptop's change arrives, the gateway judges it against its current winner, the closed
case, and refuses it (with the history entry that describes it, listed in Sync problems). The
close then comes back to the laptop and meets the refused edit as a conflict on the case;
keeping the closed version is accepted, and reopening it with a reason is then accepted too
(docs/safe-changes.md)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from caseworker.services import cases, conflicts, refusals
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from caseworker.store.store import Store
from sync.refusals import take_server
from tests.support.council import AGENT, SUPERVISOR
from tests.support.gateway import USERS, Gateway
from tests.sync.helpers import client, make_store, sync

ANN, SAM = USERS["ann"], USERS["sam"]


@pytest.fixture
def laptops(tmp_path: Path, gateway: Gateway) -> Iterator[tuple[Store, Store]]:
    ann, sam = make_store(tmp_path, "ann"), make_store(tmp_path, "sam")
    try:
        assert sync(ann, gateway.db_url, ANN).up_to_date
        assert sync(sam, gateway.db_url, SAM).up_to_date
        yield ann, sam
    finally:
        ann.close()
        sam.close()


def _server_case(gateway: Gateway, case_id: str) -> dict[str, object]:
    remote = client(gateway.db_url, SAM)
    try:
        found = remote.get(f"/{case_id}")
    finally:
        remote.close()
    assert isinstance(found, dict)
    return found


def test_an_offline_edit_arriving_after_the_close_is_refused_and_shown(
    gateway: Gateway, laptops: tuple[Store, Store]
) -> None:
    ann, sam = laptops
    with ann.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Blue bin missed", "phone"))
    assert not sync(ann, gateway.db_url, ANN).refused
    assert not sync(sam, gateway.db_url, SAM).refused

    with ann.write() as s:  # offline: the laptop does not know of the close yet
        cases.set_priority(s, AGENT, case_id, "urgent")
    with sam.write() as s:
        cases.transition(s, SUPERVISOR, case_id, "closed", "Reported twice", "duplicate")
    assert not sync(sam, gateway.db_url, SAM).refused

    result = sync(ann, gateway.db_url, ANN)
    assert "closed" in result.refused[case_id]
    events = [i for i, why in result.refused.items() if i.startswith("event:")]
    assert events and all("refused with the change" in result.refused[i] for i in events)
    on_server = _server_case(gateway, case_id)
    assert (on_server["status"], on_server["priority"]) == ("closed", "normal")
    with ann.read() as s:  # the close came back: it meets the refused edit as a conflict
        assert docstore.require(s, case_id) is not None
        assert conflicts.field_differences(s, case_id)
        shown = [r for r in refusals.refused(s) if r.describes == case_id]
    assert shown and all("nothing on it can change" in r.reason for r in shown)

    # Keeping the closed version. When the laptop's winner was its own refused edit, the
    # resolution deletes the server's winner, which is refused in turn and listed in Sync
    # problems; taking the server's version from there settles it (a known rough edge).
    server_rev = str(on_server["_rev"])
    with ann.write() as s:
        chosen = {
            d.field: d.winner_value if d.winner_rev == server_rev else d.others[server_rev]
            for d in conflicts.field_differences(s, case_id)
        }
        conflicts.resolve(s, AGENT, case_id, chosen)
        for refusal in shown:
            refusals.discard(s, refusal.doc_id)
    if sync(ann, gateway.db_url, ANN).refused:
        remote = client(gateway.db_url, ANN)
        try:
            take_server(ann, remote, AGENT, case_id)
        finally:
            remote.close()
        assert not sync(ann, gateway.db_url, ANN).refused
    with ann.write() as s:
        assert docstore.require(s, case_id)["status"] == "closed"
        cases.transition(s, AGENT, case_id, "reopened", "Still not collected")
    assert not sync(ann, gateway.db_url, ANN).refused
    on_server = _server_case(gateway, case_id)
    assert (on_server["status"], on_server["priority"], on_server.get("outcome")) == (
        "reopened",
        "normal",
        None,
    )


def test_a_replicated_revision_that_edits_a_closed_case_is_refused(
    gateway: Gateway, laptops: tuple[Store, Store]
) -> None:
    """A laptop whose own rules were bypassed (an old version, a hand-made revision) cannot
    change a closed case either: the gateway's rules decide."""
    ann, _sam = laptops
    with ann.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin lid broken", "phone"))
        cases.transition(s, AGENT, case_id, "closed", outcome="resolved")
    assert not sync(ann, gateway.db_url, ANN).refused
    with ann.write() as s:  # straight into the store, past the services' check
        doc = docstore.require(s, case_id)
        docstore.put(s, {**doc, "summary": "Bin lid broken, and rewritten after closing"})
    result = sync(ann, gateway.db_url, ANN)
    assert "closed" in result.refused[case_id]
    assert _server_case(gateway, case_id)["summary"] == "Bin lid broken"
