"""Concurrent offline edits: the same winner everywhere, the loser kept, a person resolves it."""

from pathlib import Path
from typing import Any

from sqlalchemy import select

from caseworker.models import AuditEvent, Case, CaseEvent, StoredDocument
from caseworker.services import cases, conflicts
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.support.couch_server import CouchServer
from tests.support.gateway import gateway_council, running_gateway
from tests.sync.helpers import AGENT, OFFICER, make_store, server_doc, sync


def edit(store: Store, case_id: str, **fields: Any) -> None:
    """What the case form does: change fields of the current revision."""
    with store.write() as s:
        doc = docstore.require(s, case_id)
        docstore.put(s, {**doc, **fields})


def winner_and_leaves(store: Store, case_id: str) -> tuple[str, list[str]]:
    with store.read() as s:
        row = s.get(StoredDocument, case_id)
        assert row is not None
        return row.rev, sorted(b["_rev"] for b in docstore.leaf_bodies(s, case_id))


def test_offline_edits_give_one_winner_everywhere_and_the_resolution_replicates(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    a = make_store(tmp_path, "a", council=True)
    b = make_store(tmp_path, "b")
    with a.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
    sync(a, couch_db)
    sync(b, couch_db)
    edit(a, case_id, summary="Bin missed twice", priority="high")
    edit(b, case_id, description="Bag split, foxes about")
    for store in (a, b, a):
        assert sync(store, couch_db).up_to_date

    winner_a, leaves_a = winner_and_leaves(a, case_id)
    winner_b, leaves_b = winner_and_leaves(b, case_id)
    on_server = server_doc(couch_server, couch_db, case_id, conflicts="true")
    assert winner_a == winner_b == on_server["_rev"]
    assert leaves_a == leaves_b and len(leaves_a) == 2
    assert on_server["_conflicts"] == [r for r in leaves_a if r != winner_a]
    for store in (a, b):
        with store.read() as s:
            case = s.get(Case, case_id)
            assert case is not None and case.conflicted
            fields = {d.field for d in conflicts.field_differences(s, case_id)}
            assert {"summary", "priority", "description"} <= fields

    with b.write() as s:
        diffs = {d.field: d for d in conflicts.field_differences(s, case_id)}
        chosen = {
            "summary": "Bin missed twice",
            "priority": "high",
            "description": "Bag split, foxes about",
        }
        assert all(
            v in [diffs[k].winner_value, *diffs[k].others.values()] for k, v in chosen.items()
        )
        conflicts.resolve(s, OFFICER, case_id, chosen)
    for store in (b, a):
        assert sync(store, couch_db).up_to_date
    on_server = server_doc(couch_server, couch_db, case_id, conflicts="true")
    assert "_conflicts" not in on_server
    for store in (a, b):
        with store.read() as s:
            case = s.get(Case, case_id)
            assert case is not None and not case.conflicted and case.rev == on_server["_rev"]
            assert (case.summary, case.priority, case.description) == (
                "Bin missed twice",
                "high",
                "Bag split, foxes about",
            )
            assert conflicts.field_differences(s, case_id) == []
            assert s.scalar(
                select(AuditEvent.id).where(
                    AuditEvent.subject_id == case_id, AuditEvent.action == "conflict.resolved"
                )
            )


def test_done_when_officer_offline_and_agent_online_edit_one_case(
    couch_server: CouchServer, tmp_path: Path
) -> None:
    """Issue 4's "Done when", through the central gateway with real users: the case is in the
    agent's queue and in the field officer's patch, so both hold it."""
    council = gateway_council()
    for doc in council:
        if doc["_id"] == OFFICER.staff_id:
            doc["patch"] = ["CF37"]
    with running_gateway(couch_server, council) as gateway:
        _officer_offline_agent_online(
            gateway.db_url, couch_server, gateway.upstream_db_url, tmp_path
        )


def _officer_offline_agent_online(
    couch_db: str, couch_server: CouchServer, upstream: str, tmp_path: Path
) -> None:
    agent_auth, officer_auth = ("ann", "ann-pw"), ("olu", "olu-pw")

    agent = make_store(tmp_path, "agent")
    officer = make_store(tmp_path, "officer")
    assert sync(agent, couch_db, agent_auth).up_to_date  # the catalogue, her queue
    with agent.write() as s:
        case_id, _ = cases.open_case(
            s,
            AGENT,
            NewCase(
                "missed-bin",
                "Bins not emptied on Elm Road",
                "phone",
                location_address="Elm Road",
                location_postcode="CF37 1AA",
            ),
        )
    assert sync(agent, couch_db, agent_auth).up_to_date
    assert sync(officer, couch_db, officer_auth).up_to_date  # the round is on the laptop

    # The officer, offline in a tower block, takes the case and types what they found.
    with officer.write() as s:
        cases.transition(s, OFFICER, case_id, "assigned")
    edit(officer, case_id, description="Bin store locked; caretaker has the key (flat 2)")
    # Meanwhile the agent, online, takes a second call about it.
    with agent.write() as s:
        cases.set_priority(s, AGENT, case_id, "urgent")
    edit(agent, case_id, summary="Bins not emptied on Elm Road for 3 weeks")
    assert sync(agent, couch_db, agent_auth).up_to_date

    # Back online: both sides sync.
    result = sync(officer, couch_db, officer_auth)
    assert result.up_to_date and not result.refused
    assert sync(agent, couch_db, agent_auth).up_to_date

    officer_winner, officer_leaves = winner_and_leaves(officer, case_id)
    agent_winner, agent_leaves = winner_and_leaves(agent, case_id)
    assert officer_winner == agent_winner
    assert officer_leaves == agent_leaves and len(officer_leaves) == 2
    for store in (agent, officer):
        with store.read() as s:
            case = s.get(Case, case_id)
            assert case is not None and case.conflicted  # offered for resolution
            diffs = {d.field: d for d in conflicts.field_differences(s, case_id)}
            # Nothing typed by either is lost: every value is on one side or the other.
            for field, typed in (
                ("description", "Bin store locked; caretaker has the key (flat 2)"),
                ("summary", "Bins not emptied on Elm Road for 3 weeks"),
                ("priority", "urgent"),
                ("assignee_id", OFFICER.staff_id),
            ):
                offered = [diffs[field].winner_value, *diffs[field].others.values()]
                assert typed in offered, field
            # The history of both (append-only events) arrived whole on both sides.
            kinds = set(s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case_id)))
            assert {"created", "status_changed", "priority_changed"} <= kinds

    # The officer merges the two: their description and status, the agent's summary/priority.
    with officer.write() as s:
        conflicts.resolve(
            s,
            OFFICER,
            case_id,
            {
                "description": "Bin store locked; caretaker has the key (flat 2)",
                "summary": "Bins not emptied on Elm Road for 3 weeks",
                "priority": "urgent",
                "assignee_id": OFFICER.staff_id,
                "status": "assigned",
            },
        )
    assert sync(officer, couch_db, officer_auth).up_to_date
    assert sync(agent, couch_db, agent_auth).up_to_date
    for store in (agent, officer):
        with store.read() as s:
            case = s.get(Case, case_id)
            assert case is not None and not case.conflicted
            assert case.description == "Bin store locked; caretaker has the key (flat 2)"
            assert case.summary == "Bins not emptied on Elm Road for 3 weeks"
            assert (case.priority, case.status) == ("urgent", "assigned")
    assert "_conflicts" not in server_doc(couch_server, upstream, case_id, conflicts="true")
