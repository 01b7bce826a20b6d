"""Peers' documents can clash where people expect uniqueness (a case reference, a username).
The store must keep them, never fail a batch over them, and list the clash as a problem
until someone resolves it."""

from typing import Any

from sqlalchemy import select

from caseworker.models import Case, StaffMember
from caseworker.store import docstore, replication
from caseworker.store.problems import list_problems
from caseworker.store.store import Store

T = "2026-01-05T09:00:00Z"


def case_doc(doc_id: str, reference: str, **fields: Any) -> dict[str, Any]:
    return {
        "_id": doc_id, "type": "case", "schema": 1, "reference": reference,
        "service_code": "missed-bin", "summary": "Bin missed", "status": "new",
        "priority": "normal", "channel": "phone", "opened_at": T, "due_at": T, "updated_at": T,
        **fields,
    }  # fmt: skip


def staff_doc(doc_id: str, username: str) -> dict[str, Any]:
    return {
        "_id": doc_id, "type": "staff", "schema": 1, "name": "Someone", "username": username,
        "role": "agent", "queue_ids": [], "active": True,
    }  # fmt: skip


def replicated(doc: dict[str, Any], rev: str = "1-" + "a" * 32) -> dict[str, Any]:
    pos, hash_ = rev.split("-")
    return {**doc, "_rev": rev, "_revisions": {"start": int(pos), "ids": [hash_]}}


def _duplicates(store: Store) -> dict[str, str]:
    with store.read() as s:
        return {p.doc_id or "": p.reason for p in list_problems(s) if p.kind == "duplicate"}


def test_two_cases_with_one_reference_in_one_batch_are_both_kept_and_listed(
    store: Store,
) -> None:
    a = replicated(case_doc("case:a", "ABC-1234-5678"))
    b = replicated(case_doc("case:b", "ABC-1234-5678"))
    after = replicated(case_doc("case:c", "XYZ-0000-0000"))
    with store.write() as s:
        written = replication.put_replicated_many(s, [a, b, after])
    assert [w.doc_id for w in written] == ["case:a", "case:b", "case:c"]
    with store.read() as s:
        assert sorted(s.scalars(select(Case.id))) == ["case:a", "case:b", "case:c"]
    assert _duplicates(store) == {
        "case:a": "two cases share reference ABC-1234-5678: case:a and case:b",
        "case:b": "two cases share reference ABC-1234-5678: case:a and case:b",
    }


def test_a_clash_arriving_in_a_later_batch_does_not_stop_that_batch(store: Store) -> None:
    with store.write() as s:
        docstore.put(s, case_doc("case:mine", "ABC-1234-5678"))
    with store.write() as s:
        written = replication.put_replicated_many(
            s, [replicated(case_doc("case:theirs", "ABC-1234-5678"))]
        )
    assert [w.doc_id for w in written] == ["case:theirs"]
    assert set(_duplicates(store)) == {"case:mine", "case:theirs"}


def test_the_clash_clears_when_one_case_changes_or_goes(store: Store) -> None:
    with store.write() as s:
        docstore.put(s, case_doc("case:a", "ABC-1234-5678"))
        docstore.put(s, case_doc("case:b", "ABC-1234-5678"))
        docstore.put(s, case_doc("case:c", "ABC-1234-5678"))
    assert "three" not in _duplicates(store)["case:a"]
    assert _duplicates(store)["case:a"].startswith("3 cases share reference")
    with store.write() as s:
        b = docstore.require(s, "case:b")
        docstore.put(s, {**b, "reference": "DEF-1234-5678"})
        docstore.delete_doc(s, "case:c")
    assert _duplicates(store) == {}


def test_two_staff_with_one_username_are_kept_and_listed(store: Store) -> None:
    with store.write() as s:
        replication.put_replicated_many(
            s, [replicated(staff_doc("staff:x", "alex")), replicated(staff_doc("staff:y", "alex"))]
        )
    with store.read() as s:
        assert sorted(s.scalars(select(StaffMember.id))) == ["staff:x", "staff:y"]
    assert _duplicates(store) == {
        "staff:x": "two staff records share username alex: staff:x and staff:y",
        "staff:y": "two staff records share username alex: staff:x and staff:y",
    }


def test_a_case_whose_citizen_has_not_arrived_yet_is_projected(store: Store) -> None:
    doc = replicated(case_doc("case:early", "ABC-1234-5678", citizen_id="citizen:later"))
    with store.write() as s:
        replication.put_replicated_many(s, [doc])
    with store.read() as s:
        case = s.get(Case, "case:early")
        assert case is not None and case.citizen_id == "citizen:later"


def test_a_citizen_listing_one_identifier_id_twice_is_projected_once(store: Store) -> None:
    ident = {"id": "i1", "kind": "email", "value": "a@example.org", "verified_by": "unverified",
             "added_at": T}  # fmt: skip
    citizen = {
        "_id": "citizen:twice", "type": "citizen", "schema": 1, "given_name": "Ann",
        "family_name": "Jones", "language": "en", "identifiers": [ident, {**ident, "value": "b@x"}],
        "consents": [], "created_at": T, "updated_at": T,
    }  # fmt: skip
    with store.write() as s:
        written = replication.put_replicated_many(s, [replicated(citizen)])
    assert [w.doc_type for w in written] == ["citizen"]


def test_acting_as_a_username_two_staff_records_share_is_refused_not_guessed(
    store: Store,
) -> None:
    import argparse

    import pytest

    from caseworker.cli.edit import acting
    from caseworker.errors import ValidationError

    with store.write() as s:
        replication.put_replicated_many(
            s, [replicated(staff_doc("staff:x", "alex")), replicated(staff_doc("staff:y", "alex"))]
        )
    with store.read() as s:
        with pytest.raises(ValidationError, match="2 staff records share the username 'alex'"):
            acting(s, argparse.Namespace(as_user="alex"))
        assert acting(s, argparse.Namespace(as_user="staff:y")).staff_id == "staff:y"
