"""A change the central service refused: shown as refused, and two ways out that keep the
record true (take the server's version, or re-apply what the rules still allow); refused
notes are kept as drafts or discarded, never pushed. What the server sends is checked first."""

import json
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.access.writes import Write, judge
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import AuditEvent, Case, CaseEvent, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.services import cases, contacts, refusals
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from caseworker.store.replication import record_refusals
from caseworker.store.store import Store
from tests.unit.conftest import AGENT, SUPERVISOR

MOVE = "refused by the central service: only a supervisor can move a case to another queue"


def _case_on_server(store: Store) -> tuple[str, dict[str, Any]]:
    """A case as the server holds it (pushed and accepted): its id and the server's body."""
    with store.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        return case_id, docstore.require(s, case_id)


def _refused_edit(store: Store, case_id: str, **fields: Any) -> str:
    """An edit made here (written straight, as an older laptop or another client would) and
    refused by the central service, with a case event describing it, refused with it."""
    with store.write() as s:
        doc = docstore.require(s, case_id)
        written = docstore.put(s, {**doc, **fields})
        event = cases.record_event(s, AGENT, case_id, "queue_changed", "2026-01-01T00:00:00Z")
        record_refusals(
            s,
            {
                case_id: MOVE,
                event.doc_id: "refused by the central service: refused with the change it "
                "describes: only a supervisor can move a case to another queue",
            },
        )
    return written.rev


def _body(s: Session, doc_id: str) -> dict[str, Any]:
    return docstore.require(s, doc_id)


def _fields(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "_rev"}


# -- hostile: what the server sends, what is asked for -------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        ["not", "a", "document"],
        "case",
        {"_id": "case:someone-else", "_rev": "1-abc", "type": "case"},
        {"_rev": "1-abc", "type": "case"},
        {"_id": None, "_rev": "1-abc"},
    ],
    ids=["list", "text", "another-id", "no-id", "null-id"],
)
def test_a_server_version_of_another_record_is_refused_and_changes_nothing(
    council: Store, bad: Any
) -> None:
    case_id, _server = _case_on_server(council)
    rev = _refused_edit(council, case_id, queue_id="queue:highways")
    with council.write() as s, pytest.raises(ValidationError, match=r"not a document|another"):
        refusals.take_server(s, AGENT, case_id, bad)
    with council.read() as s:
        assert _body(s, case_id)["_rev"] == rev
        assert refusals.require(s, case_id).reason.startswith("only a supervisor")


def test_a_server_version_of_another_type_is_refused(council: Store) -> None:
    case_id, server = _case_on_server(council)
    _refused_edit(council, case_id, queue_id="queue:highways")
    citizen = {"_id": case_id, "_rev": server["_rev"], "type": "citizen", "schema": 1}
    with council.write() as s, pytest.raises(ValidationError, match="not usable"):
        refusals.take_server(s, AGENT, case_id, citizen)
    note_like = {**server, "type": "note", "text": "x", "at": server["opened_at"], "by": "me"}
    with council.write() as s, pytest.raises(ValidationError):
        refusals.reapply(s, AGENT, case_id, note_like)


@pytest.mark.parametrize(
    "change",
    [
        {"_rev": "banana"},
        {"_rev": 7},
        {"_rev": None},
        {"status": 42},
        {"schema": 999},
        {"_secret": "x"},
        {"_attachments": {"a.txt": {"stub": True, "digest": "md5-x"}}},
    ],
    ids=["rev-text", "rev-number", "rev-null", "bad-field", "future-schema", "reserved", "atts"],
)
def test_a_malformed_server_version_is_refused_and_changes_nothing(
    council: Store, change: dict[str, Any]
) -> None:
    case_id, server = _case_on_server(council)
    rev = _refused_edit(council, case_id, queue_id="queue:highways")
    with council.write() as s, pytest.raises(ValidationError):
        refusals.take_server(s, AGENT, case_id, {**server, **change})
    with council.write() as s, pytest.raises(ValidationError):
        refusals.reapply(s, AGENT, case_id, {**server, **change})
    with council.read() as s:
        assert _body(s, case_id)["_rev"] == rev
        assert refusals.refusal_of(s, case_id) is not None


def test_a_refusal_for_a_record_no_longer_here_is_a_plain_not_found(council: Store) -> None:
    case_id, server = _case_on_server(council)
    with council.write() as s:
        record_refusals(s, {"case:gone": MOVE})  # the server names a record this laptop lacks
        assert refusals.refusal_of(s, "case:gone") is None
        assert all(r.doc_id != "case:gone" for r in refusals.refused(s))
    for action in (
        lambda s: refusals.take_server(s, AGENT, "case:gone", server),
        lambda s: refusals.reapply(s, AGENT, "case:gone", server),
        lambda s: refusals.discard(s, "case:gone"),
        lambda s: refusals.keep(s, "case:gone"),
    ):
        with council.write() as s, pytest.raises(NotFoundError, match="no record case:gone"):
            action(s)
    with council.write() as s, pytest.raises(NotFoundError, match="was not refused"):
        refusals.take_server(s, AGENT, case_id, server)  # here, but nothing was refused


# -- take the server's version ---------------------------------------------------------------------


def test_taking_the_servers_version_writes_it_on_top_of_the_refused_revision(
    council: Store,
) -> None:
    case_id, server = _case_on_server(council)
    refused_rev = _refused_edit(council, case_id, queue_id="queue:highways", priority="high")
    with council.write() as s:
        changes = refusals.take_server(s, AGENT, case_id, {**server, "_revisions": {}})
    with council.read() as s:
        now = _body(s, case_id)
        assert _fields(now) == _fields(server)  # the server's content, exactly
        tree = docstore.revision_tree(s, case_id)
        assert tree is not None and revtree.leaves(tree)[0].rev == now["_rev"]
        history = revtree.revisions_of(tree, now["_rev"])["ids"]
        # server winner <- refused <- new: the push descends from what the server holds.
        assert history[1:3] == [refused_rev.split("-")[1], server["_rev"].split("-")[1]]
        assert refusals.refused(s) == []  # the refusal and the event describing it: gone
        assert s.scalars(select(CaseEvent).where(CaseEvent.kind == "queue_changed")).all() == []
        case = s.get(Case, case_id)
        assert case is not None and case.queue_id == "queue:waste" and case.priority == "normal"
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.subject_id == case_id))
        assert "refusal.took_server" in set(actions)
    assert case_id in {w.doc_id for w in changes.written}
    # What the server will judge on the next push: nothing changed, so nothing refused.
    write = Write(case_id, now, server, existed=True, rooted=True, replaces_winner=True)
    assert judge(AGENT.person, write, frozenset({case_id})) is None


def test_when_the_server_moved_on_its_revision_comes_in_and_the_refused_branch_goes(
    council: Store,
) -> None:
    case_id, base = _case_on_server(council)
    _refused_edit(council, case_id, queue_id="queue:highways")
    base_hash = base["_rev"].split("-")[1]
    server = {**base, "summary": "Bin missed again", "_rev": "2-" + "f" * 32}
    sent = {**server, "_revisions": {"start": 2, "ids": ["f" * 32, base_hash]}}
    with council.write() as s:
        refusals.take_server(s, AGENT, case_id, sent)
    with council.read() as s:
        now = _body(s, case_id)
        assert now == server  # the server's revision itself is the winner here
        row = s.get(StoredDocument, case_id)
        assert row is not None and not row.conflicted and row.problem is None
        leaves = revtree.leaves(revtree.tree_from_json(json.loads(row.rev_tree)))
        assert [leaf.deleted for leaf in leaves] == [False, True]  # the refused branch, deleted


def test_when_the_server_holds_no_version_the_record_is_removed_here_unpushed(
    council: Store,
) -> None:
    with council.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Made here", "phone"))
        record_refusals(s, {case_id: "refused by the central service: not yours"})
        seq = docstore.last_seq(s)
    for sent in (None, {"_id": case_id, "_rev": "2-abc", "_deleted": True}):
        with council.write() as s:
            if refusals.refusal_of(s, case_id) is None:
                break
            refusals.take_server(s, AGENT, case_id, sent)
    with council.read() as s:
        assert s.get(StoredDocument, case_id) is None
        assert docstore.changes_since(s, seq) == []  # no deletion to push


# -- re-apply what is still allowed ------------------------------------------------------------


def test_reapplying_keeps_what_is_allowed_and_says_what_was_dropped(council: Store) -> None:
    case_id, server = _case_on_server(council)
    _refused_edit(council, case_id, queue_id="queue:highways", priority="urgent")
    with council.write() as s:
        done = refusals.reapply(s, AGENT, case_id, server)
    assert done.applied == ["priority"]
    assert [name for name, _why in done.dropped] == ["queue_id"]
    assert "supervisor" in done.dropped[0][1]
    with council.read() as s:
        case = s.get(Case, case_id)
        assert case is not None and (case.priority, case.queue_id) == ("urgent", "queue:waste")
        assert refusals.refused(s) == []
        kinds = [e.kind for e in cases.history(s, case_id)]
        assert kinds == ["created", "priority_changed"]  # the refused queue event is gone
        now = _body(s, case_id)
    write = Write(case_id, now, server, existed=True, rooted=True, replaces_winner=True)
    assert judge(AGENT.person, write, frozenset({case_id})) is None


def test_reapplying_when_nothing_is_allowed_gives_the_servers_version(council: Store) -> None:
    case_id, server = _case_on_server(council)
    _refused_edit(council, case_id, queue_id="queue:highways", assignee_id="staff:officer")
    with council.write() as s:
        done = refusals.reapply(s, AGENT, case_id, server)
    assert done.applied == []
    assert sorted(name for name, _ in done.dropped) == ["assignee_id", "queue_id"]
    with council.read() as s:
        assert _fields(_body(s, case_id)) == _fields(server)
        assert refusals.refusal_of(s, case_id) is None


def test_a_second_refusal_after_reapplying_is_shown_again_and_can_be_reapplied(
    council: Store,
) -> None:
    case_id, server = _case_on_server(council)
    _refused_edit(council, case_id, priority="urgent", queue_id="queue:highways")
    with council.write() as s:
        first = refusals.reapply(s, AGENT, case_id, server)
        rev = _body(s, case_id)["_rev"]
    assert first.applied == ["priority"]
    with council.write() as s:  # the server refuses even that (say the case left the agent)
        record_refusals(s, {case_id: "refused by the central service: not in your work"})
    with council.read() as s:
        again = refusals.require(s, case_id)
        assert (again.reason, again.rev) == ("not in your work", rev)
    with council.write() as s:
        second = refusals.take_server(s, AGENT, case_id, server)
    with council.read() as s:
        assert _fields(_body(s, case_id)) == _fields(server)
        assert refusals.refused(s) == []
    assert second.written


def test_the_supervisor_reapplies_what_the_agent_could_not(council: Store) -> None:
    case_id, server = _case_on_server(council)
    _refused_edit(council, case_id, queue_id="queue:highways")
    with council.write() as s:
        done = refusals.reapply(s, SUPERVISOR, case_id, server)
    assert (done.applied, done.dropped) == (["queue_id"], [])


# -- refused append-only records ---------------------------------------------------------------


def _refused_note(store: Store) -> tuple[str, str]:
    case_id, _ = _case_on_server(store)
    with store.write() as s:
        note_id, _ = contacts.add_note(s, AGENT, "rang twice", case_id=case_id)
        record_refusals(s, {note_id: "refused by the central service: not yours"})
    return case_id, note_id


def test_a_refused_note_cannot_be_reapplied_but_is_kept_as_a_draft(council: Store) -> None:
    _case_id, note_id = _refused_note(council)
    with council.write() as s, pytest.raises(ValidationError, match="keep it as a draft"):
        refusals.reapply(s, AGENT, note_id, docstore.require(s, note_id))
    with council.write() as s:
        refusals.keep(s, note_id)
        refusals.keep(s, note_id)  # twice: still one mark
    with council.read() as s:
        kept = refusals.require(s, note_id)
        assert kept.kept and kept.append_only and kept.reason == "not yours"
        row = s.get(StoredDocument, note_id)
        assert row is not None and row.problem is not None
        assert row.problem.count(refusals.KEPT) == 1


def test_discarding_a_refused_note_removes_it_here_and_pushes_nothing(council: Store) -> None:
    case_id, note_id = _refused_note(council)
    with council.read() as s:
        seq = docstore.last_seq(s)
    with council.write() as s:
        refusals.discard(s, note_id)
    with council.read() as s:
        assert s.get(StoredDocument, note_id) is None
        assert contacts.case_notes(s, case_id) == []
        assert docstore.changes_since(s, seq) == []


def test_a_refused_case_is_not_discarded(council: Store) -> None:
    case_id, _server = _case_on_server(council)
    _refused_edit(council, case_id, queue_id="queue:highways")
    with council.write() as s, pytest.raises(ValidationError, match="take its version"):
        refusals.discard(s, case_id)
    with council.write() as s, pytest.raises(ValidationError, match="only a refused note"):
        refusals.keep(s, case_id)


def test_reapplying_when_the_server_moved_on_builds_on_its_revision_without_a_conflict(
    council: Store,
) -> None:
    case_id, base = _case_on_server(council)
    _refused_edit(council, case_id, queue_id="queue:highways", priority="high")
    base_hash = base["_rev"].split("-")[1]
    server = {**base, "summary": "Bin missed again", "_rev": "2-" + "e" * 32}
    sent = {**server, "_revisions": {"start": 2, "ids": ["e" * 32, base_hash]}}
    with council.write() as s:
        done = refusals.reapply(s, AGENT, case_id, sent, base)
    assert done.applied == ["priority"] and [f for f, _ in done.dropped] == ["queue_id"]
    with council.read() as s:
        now = _body(s, case_id)
        assert (now["summary"], now["priority"], now["queue_id"]) == (
            "Bin missed again",
            "high",
            "queue:waste",
        )
        row = s.get(StoredDocument, case_id)
        assert row is not None and not row.conflicted
        tree = revtree.tree_from_json(json.loads(row.rev_tree))
        assert revtree.revisions_of(tree, now["_rev"])["ids"][1] == "e" * 32


def test_a_refused_deletion_is_undone_by_taking_the_servers_version(council: Store) -> None:
    case_id, server = _case_on_server(council)
    with council.write() as s:
        docstore.delete_doc(s, case_id)
        record_refusals(s, {case_id: "refused by the central service: only an admin can"})
    with council.read() as s:
        assert docstore.get(s, case_id) is None
        assert refusals.require(s, case_id).doc_type == "case"
    with council.write() as s:
        done = refusals.reapply(s, AGENT, case_id, server)
    assert done.applied == [] and done.dropped[0][0] == "deleted"
    with council.read() as s:
        assert _fields(_body(s, case_id)) == _fields(server)
        assert refusals.refused(s) == []


def test_a_record_in_conflict_here_must_be_resolved_first(council: Store) -> None:
    case_id, server = _case_on_server(council)
    _refused_edit(council, case_id, priority="high")
    side = {**server, "summary": "other", "_rev": "2-" + "a" * 32}
    side["_revisions"] = {"start": 2, "ids": ["a" * 32, server["_rev"].split("-")[1]]}
    with council.write() as s:
        docstore.put_replicated(s, side)
        record_refusals(s, {case_id: MOVE})
    with council.write() as s, pytest.raises(ValidationError, match="resolve them first"):
        refusals.take_server(s, AGENT, case_id, server)


@pytest.mark.parametrize(
    "ids",
    [["f" * 32, "not a revision!"], ["f" * 32] + ["0" * 32] * 5000, ["f" * 32, 7]],
    ids=["bad-ancestor", "too-long", "not-text"],
)
def test_a_hostile_server_history_leaves_the_record_as_it_was(
    council: Store, ids: list[Any]
) -> None:
    case_id, base = _case_on_server(council)
    rev = _refused_edit(council, case_id, queue_id="queue:highways")
    server = {**base, "summary": "moved on", "_rev": "2-" + "f" * 32}
    sent = {**server, "_revisions": {"start": 2, "ids": ids}}
    try:
        with council.write() as s:
            refusals.take_server(s, AGENT, case_id, sent)
    except ValidationError:
        with council.read() as s:  # refused as a whole: nothing changed
            assert _body(s, case_id)["_rev"] == rev
            assert refusals.refusal_of(s, case_id) is not None
        return
    with council.read() as s:  # or taken whole: the server's content, no conflict, not deleted
        now = _body(s, case_id)
        assert now["summary"] == "moved on" and now["queue_id"] == "queue:waste"
        row = s.get(StoredDocument, case_id)
        assert row is not None and not row.deleted and row.problem is None


def test_a_status_the_servers_case_can_no_longer_move_to_is_dropped(council: Store) -> None:
    case_id, base = _case_on_server(council)
    _refused_edit(council, case_id, status="triaged", queue_id="queue:highways")
    server = {**base, "status": "closed", "closed_at": base["opened_at"], "_rev": "2-" + "c" * 32}
    with council.write() as s:
        done = refusals.reapply(s, AGENT, case_id, server, base)
    assert "status" in dict(done.dropped)
    assert "cannot move to triaged" in dict(done.dropped)["status"]
    with council.read() as s:
        assert _body(s, case_id)["status"] == "closed"
