"""The citizen directory's entries: what they hold (only what finding a caller needs), who
reads them (whoever talks to any caller), who writes them (the central worker, as an admin,
alone), and a laptop that receives them keeps them without a problem."""

import json
from typing import Any

import pytest

from caseworker.access import channels
from caseworker.access.writes import judge
from caseworker.documents.codec import check
from caseworker.documents.directory import same_content, summary_id, summary_of
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import DIRECTORY
from caseworker.models import StoredDocument
from caseworker.store import replication
from caseworker.store.problems import list_problems
from caseworker.store.store import Store
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    NON_ADMINS,
    OFFICER,
    SUPERVISOR,
    citizen,
    create,
    delete,
)
from tests.unit.access_docs import edit as edit_of
from tests.unit.test_uniqueness import replicated

AT = "2026-01-05T09:00:00.000Z"


def ident(kind: str, value: str, n: int, **more: Any) -> dict[str, Any]:
    return {
        "id": f"i{n}",
        "kind": kind,
        "value": value,
        "verified_by": "unverified",
        "added_at": AT,
        **more,
    }


def a_citizen(**changes: Any) -> dict[str, Any]:
    doc = citizen(
        "citizen:c1",
        date_of_birth="1961-07-04",
        identifiers=[
            ident("phone", " 01248 123456 ", 1, label="home"),
            ident("phone", "01248 123456", 2),
            ident("email", "carys@example.org", 3, verified_by="email_link", verified_at=AT),
            ident("address", "1 Secret Street, Bangor", 4, postcode="LL57 2PW", uprn="987654"),
            ident("social", "@carys", 5),
            ident("app_account", "acct-77", 6),
        ],
        consents=[
            {
                "id": "k1",
                "purpose": "newsletter",
                "lawful_basis": "consent",
                "source": "web form",
                "valid_from": AT,
            }
        ],
        unknown_field="kept on the citizen only",
    )
    doc.update(changes)
    return doc


def test_an_entry_holds_only_names_language_merge_phones_emails_and_postcodes() -> None:
    entry = summary_of({**a_citizen(), "_rev": "3-abc", "merged_into": "citizen:c9"})
    fields = set(entry) - {"_id", "type", "schema"}
    assert fields == {
        "citizen_id",
        "given_name",
        "family_name",
        "language",
        "merged_into",
        "phones",
        "emails",
        "postcodes",
    }
    assert entry["_id"] == "directory:c1" and entry["citizen_id"] == "citizen:c1"
    assert entry["phones"] == ["01248 123456"]  # trimmed, once
    assert entry["emails"] == ["carys@example.org"]
    assert entry["postcodes"] == ["LL57 2PW"]
    text = json.dumps(entry)
    for absent in ("1961", "Secret", "newsletter", "@carys", "acct-77", "987654", "home", "3-abc"):
        assert absent not in text
    assert check(entry) is DIRECTORY


@pytest.mark.parametrize(
    "broken",
    [
        {"given_name": 5},
        {"identifiers": "none"},
        {"identifiers": [{"kind": "phone"}]},
        {"identifiers": [7]},
        {"consents": None},
        {"family_name": "x" * 101},
        {"language": "klingon"},
        {"schema": 99},
        {"type": "case"},
        {"_id": "citizen:a/b"},
        {"_id": "case:c1"},
        {"_id": "citizen:" + "k" * 192},  # its entry's id would be too long
        {"_secret": "reserved field"},
    ],
)
def test_a_citizen_that_cannot_be_read_makes_no_entry(broken: dict[str, Any]) -> None:
    with pytest.raises(DocumentError):
        summary_of(a_citizen(**broken))


def test_entry_ids_follow_citizen_ids_and_nothing_else() -> None:
    assert summary_id("citizen:abc") == "directory:abc"
    for bad in ("case:abc", "citizen:", "citizen:a/b", "citizens:x", "directory:x"):
        with pytest.raises(DocumentError):
            summary_id(bad)


def test_same_content_ignores_revisions_and_notices_any_other_difference() -> None:
    entry = summary_of(a_citizen())
    stored = {**entry, "_rev": "2-x"}
    assert same_content(entry, stored)
    assert not same_content(entry, None)
    assert not same_content(entry, {**stored, "_deleted": True})
    assert not same_content(entry, {**stored, "phones": []})
    assert not same_content(entry, {**stored, "smuggled": "a date of birth"})


# -- channels and write rules ------------------------------------------------------------------


def test_entries_are_in_the_directory_channel_which_agents_and_supervisors_hold() -> None:
    entry = summary_of(a_citizen())
    assert channels.root_of(entry["_id"], entry) == channels.DIRECTORY
    for person in (AGENT, SUPERVISOR):
        assert channels.may_read(channels.roots_of_person(person, []), entry["_id"], entry)
    assert not channels.may_read(channels.roots_of_person(OFFICER, []), entry["_id"], entry)
    assert channels.may_read(channels.roots_of_person(ADMIN, []), entry["_id"], entry)


def test_only_an_admin_writes_an_entry_whoever_holds_the_directory() -> None:
    entry = summary_of(a_citizen())
    for person in NON_ADMINS:
        roots = channels.roots_of_person(person, []) | {"citizen:c1"}
        assert judge(person, create(entry), roots) is not None
        assert judge(person, edit_of(entry, phones=["0800 000000"]), roots) is not None
        for winner in (True, False):  # deleting it, or a side branch of it
            assert judge(person, delete(entry, winner=winner), roots) is not None
    assert judge(ADMIN, create(entry), frozenset({channels.EVERYTHING})) is None


# -- a laptop that receives entries ------------------------------------------------------------


def test_a_laptop_keeps_a_received_entry_without_a_problem_and_with_its_type(store: Store) -> None:
    entry = summary_of(a_citizen())
    with store.write() as s:
        [written] = replication.put_replicated_many(s, [replicated(entry)])
    assert written.doc_type == "directory" and not written.deleted
    with store.read() as s:
        row = s.get(StoredDocument, "directory:c1")
        assert row is not None and row.type == "directory"
        assert list_problems(s) == []
    tombstone = {"_id": "directory:c1", "_rev": "2-" + "b" * 32, "_deleted": True,
                 "_revisions": {"start": 2, "ids": ["b" * 32, "a" * 32]}}  # fmt: skip
    with store.write() as s:
        [gone] = replication.put_replicated_many(s, [tombstone])
    assert gone.deleted and gone.doc_type == "directory"
