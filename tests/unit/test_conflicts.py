"""Two offline edits of one case: shown field by field, resolved by a person, audited."""

import pytest
from sqlalchemy import select

from caseworker.errors import ValidationError
from caseworker.models import AuditEvent, Case, StoredDocument
from caseworker.services import cases, conflicts
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from caseworker.store.problems import list_problems
from caseworker.store.store import Store
from tests.unit.conftest import AGENT, SUPERVISOR


def _conflicted_case(store: Store) -> str:
    """A case edited on two devices from the same revision: priority on one, summary on both."""
    with store.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        base = docstore.require(s, case_id)
    base_hash = base["_rev"].split("-")[1]
    for rev, edit in (
        ("2-aaaa", {"priority": "urgent", "summary": "Bin missed twice"}),
        ("2-bbbb", {"summary": "Bin missed, bag split"}),
    ):
        body = base | edit | {"_rev": rev, "_revisions": {"start": 2, "ids": [rev[2:], base_hash]}}
        with store.write() as s:
            docstore.put_replicated(s, body)
    return case_id


def test_differences_are_listed_field_by_field_winner_first(council: Store) -> None:
    case_id = _conflicted_case(council)
    with council.read() as s:
        diffs = {d.field: d for d in conflicts.field_differences(s, case_id)}
        assert s.get(Case, case_id).conflicted  # type: ignore[union-attr]
    assert set(diffs) == {"priority", "summary"}
    assert diffs["summary"].winner_rev == "2-bbbb"  # the higher revision id wins
    assert diffs["summary"].winner_value == "Bin missed, bag split"
    assert diffs["summary"].others == {"2-aaaa": "Bin missed twice"}
    assert diffs["priority"].winner_value == "normal"


def test_resolving_merges_the_chosen_fields_and_deletes_the_losing_branch(council: Store) -> None:
    case_id = _conflicted_case(council)
    with council.write() as s:
        conflicts.resolve(s, SUPERVISOR, case_id, {"priority": "urgent"})
    with council.read() as s:
        case = s.get(Case, case_id)
        assert case is not None and not case.conflicted
        assert (case.priority, case.summary) == ("urgent", "Bin missed, bag split")
        assert case.rev.startswith("3-")
        row = s.get(StoredDocument, case_id)
        assert row is not None and not row.conflicted
        assert conflicts.field_differences(s, case_id) == []
        detail = s.scalar(
            select(AuditEvent.detail).where(
                AuditEvent.subject_id == case_id, AuditEvent.action == "conflict.resolved"
            )
        )
        assert detail == "priority from 2-aaaa"
        assert cases.history(s, case_id)[-1].kind == "conflict_resolved"


def test_only_conflicting_values_can_be_chosen(council: Store) -> None:
    case_id = _conflicted_case(council)
    for chosen, reason in (
        ({"status": "closed"}, "not a conflicting field"),
        ({"priority": "low"}, "choose one of"),
    ):
        with pytest.raises(ValidationError, match=reason), council.write() as s:
            conflicts.resolve(s, SUPERVISOR, case_id, chosen)


def test_an_open_conflict_is_a_problem_to_look_at_until_it_is_resolved(council: Store) -> None:
    case_id = _conflicted_case(council)
    with council.read() as s:
        listed = [p for p in list_problems(s) if p.kind == "conflict"]
    assert [(p.doc_id, p.doc_type) for p in listed] == [(case_id, "case")]
    assert "choose" in listed[0].reason
    with council.write() as s:
        conflicts.resolve(s, SUPERVISOR, case_id, {"priority": "urgent"})
    with council.read() as s:
        assert not [p for p in list_problems(s) if p.kind == "conflict"]


def test_each_version_says_when_it_was_saved_and_by_whom(council: Store) -> None:
    with council.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
        cases.transition(s, AGENT, case_id, "triaged")
        base = docstore.require(s, case_id)
        history = docstore.with_revisions(s, case_id, base["_rev"])
    assert history is not None
    parent = history["_revisions"]["ids"][1]  # a colleague's edit of the same first revision
    other = {**base, "summary": "Bin missed, bag split", "updated_at": "2026-01-05T09:30:00.000Z"}
    rev = f"2-{'f' * 32}"
    other |= {"_rev": rev, "_revisions": {"start": 2, "ids": ["f" * 32, parent]}}
    with council.write() as s:
        docstore.put_replicated(s, other)
    with council.read() as s:
        found = {v.rev: v for v in conflicts.versions(s, case_id)}
        mine = found[base["_rev"]]
        assert mine.by == AGENT.staff_id and mine.by_name and mine.at is not None
        theirs = found[rev]
        assert theirs.by is None and theirs.at is not None and theirs.at.year == 2026


def test_free_text_can_be_kept_from_both_versions(council: Store) -> None:
    case_id = _conflicted_case(council)
    with council.read() as s:
        diff = {d.field: d for d in conflicts.field_differences(s, case_id)}["summary"]
    values = [diff.winner_value, *diff.others.values()]
    joined = conflicts.both("summary", values)
    assert joined == "Bin missed, bag split / Bin missed twice"
    assert conflicts.both("priority", ["urgent", "normal"]) is None  # not free text
    assert conflicts.both("summary", ["x" * 200, "y" * 200]) is None  # would not fit
    with council.write() as s:
        conflicts.resolve(s, SUPERVISOR, case_id, {"summary": joined})
    with council.read() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.summary == joined and not case.conflicted
    with council.write() as s, pytest.raises(ValidationError):
        other = _conflicted_case(council)
        conflicts.resolve(s, SUPERVISOR, other, {"summary": "something nobody wrote"})
