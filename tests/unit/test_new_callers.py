"""New and unknown callers: what was typed becomes a new record's first facts, the people
already on file are found before a duplicate is made, a caller who gives nothing is logged
anonymously, and a case opened for no one is linked to its citizen later."""

import pytest

from caseworker.errors import NotFoundError, ValidationError
from caseworker.services import case_links, cases, citizens, contacts
from caseworker.services.callers import Typed, likely_matches, read_typed, uk_phone
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewIdentifier
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.support.council import AGENT, OFFICER, SUPERVISOR
from tests.unit.directory_docs import entry, receive


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("07700 900461", Typed(phone="07700 900461")),
        ("+44 7700 900461", Typed(phone="07700 900461")),
        ("(029) 2087-2087", Typed(phone="029 2087 2087")),
        ("7700 900", Typed(phone="7700 900")),  # a fragment is kept for the agent to finish
        (" Sian.ONeill@Example.org ", Typed(email="sian.oneill@example.org")),
        ("cf37 4ab", Typed(postcode="CF37 4AB")),
        ("angharad ap rhys", Typed(given_name="Angharad Ap", family_name="Rhys")),
        ("Angharad ap Rhys", Typed(given_name="Angharad ap", family_name="Rhys")),
        ("o'neill", Typed(family_name="O'Neill")),
        ("   ", Typed()),
        ("CW-251128-ABCD", Typed(family_name="CW-251128-ABCD")),
    ],
)
def test_a_search_with_no_match_fills_in_a_phone_email_postcode_or_name(
    typed: str, read: Typed
) -> None:
    assert read_typed(typed) == read


@pytest.mark.parametrize("text", ["+1 650 253 0000", "01234", "0770090012345", "07700 9OO461"])
def test_only_a_whole_uk_number_is_a_phone(text: str) -> None:
    assert uk_phone(text) is None


def _oneill(store: Store) -> str:
    with store.write() as s:
        citizen_id, _ = citizens.create_citizen(
            s,
            AGENT,
            "Siân",
            "O'Neill",
            date_of_birth="1980-04-02",
            identifiers=(
                NewIdentifier("phone", "+44 7700 900461"),
                NewIdentifier("email", "Sian.ONeill@Example.org"),
                NewIdentifier("address", "4 Heol y Bont", postcode="cf37 4ab"),
            ),
        )
    return citizen_id


def test_the_same_phone_or_email_in_any_form_is_a_likely_match(store: Store) -> None:
    citizen_id = _oneill(store)
    with store.read() as s:
        by_phone = likely_matches(s, phone="(07700) 900-461")
        assert [(m.citizen_id, m.reason, m.held) for m in by_phone] == [(citizen_id, "phone", True)]
        assert by_phone[0].detail == "CF37 4AB" and by_phone[0].name == "Siân O'Neill"
        assert by_phone[0].date_of_birth == "1980-04-02"
        both = likely_matches(s, phone="07700900461", email="SIAN.ONEILL@example.org")
        assert [m.citizen_id for m in both] == [citizen_id]  # one person, listed once
        assert [m.reason for m in likely_matches(s, email="sian.oneill@example.org")] == ["email"]


def test_a_partial_number_or_a_namesake_is_no_likely_match(store: Store) -> None:
    _oneill(store)
    with store.read() as s:
        assert likely_matches(s, phone="7700 900") == []
        assert likely_matches(s, phone="07700 900462") == []
        assert likely_matches(s, email="oneill@example.org") == []
        # A namesake is not the same person without the same date of birth.
        assert likely_matches(s, given_name="Siân", family_name="O'Neill") == []
        named = likely_matches(
            s, given_name="siân", family_name="o'neill", date_of_birth="1980-04-02"
        )
        assert [m.reason for m in named] == ["name_and_birth"]


def test_someone_known_only_to_the_directory_is_found_by_their_exact_number(store: Store) -> None:
    receive(
        store,
        entry("d1", "Dafydd", "Twofields", phones=["07700 900123"], emails=["d@example.org"]),
        entry("d2", "Dilys", "Longnumber", phones=["07700 9001234"]),  # contains it: not it
        entry("d3", "Del", "Hostile", phones=[7, None, {"x": 1}], emails="nope"),
    )
    with store.read() as s:
        found = likely_matches(s, phone="07700 900123")
        assert [(m.citizen_id, m.held, m.directory_id) for m in found] == [
            ("citizen:d1", False, "directory:d1")
        ]
        assert [m.citizen_id for m in likely_matches(s, email="D@Example.org")] == ["citizen:d1"]
        assert likely_matches(s, email='"; DROP TABLE citizens; --@x.org') == []


def test_an_anonymous_contact_has_no_citizen_and_no_case_and_says_what_it_was_about(
    council: Store,
) -> None:
    with council.write() as s:
        contact_id, changes = contacts.record_anonymous_contact(
            s, AGENT, channel="phone", subject=" Fly-tipping ", summary="Mattress on Mill Lane"
        )
    assert [w.doc_id for w in changes.written] == [contact_id]
    with council.read() as s:
        doc = docstore.get(s, contact_id)
    assert doc is not None
    assert "citizen_id" not in doc and "case_id" not in doc
    assert (doc["subject"], doc["summary"], doc["by"]) == (
        "Fly-tipping",
        "Mattress on Mill Lane",
        "staff:agent",
    )


def test_an_anonymous_contact_needs_a_subject_and_what_was_said_and_the_contact_centre(
    council: Store,
) -> None:
    with council.write() as s:
        for subject, summary in (("", "said"), ("About", "  "), ("x" * 201, "said")):
            with pytest.raises(ValidationError):
                contacts.record_anonymous_contact(
                    s, SUPERVISOR, channel="phone", subject=subject, summary=summary
                )
        with pytest.raises(ValidationError, match="anonymous"):
            contacts.record_anonymous_contact(
                s, OFFICER, channel="walk_in", subject="Drain", summary="Blocked"
            )
        with pytest.raises(ValidationError, match="channel"):
            contacts.record_anonymous_contact(
                s, AGENT, channel="pigeon", subject="Drain", summary="Blocked"
            )


def _case_for_no_one(store: Store) -> str:
    with store.write() as s:
        case_id, _ = cases.open_case(
            s,
            AGENT,
            NewCase("missed-bin", "Fly-tip on Mill Lane", "phone", location_postcode="CF37 1AB"),
        )
    return case_id


def test_a_case_for_no_one_is_linked_to_its_citizen_later_with_its_history(
    council: Store,
) -> None:
    case_id = _case_for_no_one(council)
    citizen_id = _oneill(council)
    with council.write() as s:
        changes = case_links.link_citizen(s, AGENT, case_id, citizen_id)
    kinds = {w.doc_type for w in changes.written}
    assert {"case", "case_event", "audit_event"} <= kinds
    with council.read() as s:
        assert cases.get_case(s, case_id).citizen_id == citizen_id
        linked = [e for e in cases.history(s, case_id) if e.kind == "citizen_linked"]
        assert [(e.old, e.new) for e in linked] == [(None, "Siân O'Neill")]


def test_a_linked_case_is_never_moved_to_another_citizen_and_nobody_is_made_up(
    council: Store,
) -> None:
    case_id = _case_for_no_one(council)
    first = _oneill(council)
    with council.write() as s:
        case_links.link_citizen(s, AGENT, case_id, first)
    second = _oneill(council)
    with council.write() as s:
        with pytest.raises(ValidationError, match="already"):
            case_links.link_citizen(s, AGENT, case_id, second)
        with pytest.raises(ValidationError, match="already linked"):
            case_links.link_citizen(s, AGENT, case_id, first)
    other = _case_for_no_one(council)
    with council.write() as s:
        with pytest.raises(NotFoundError):
            case_links.link_citizen(s, AGENT, other, "citizen:nobody")
        with pytest.raises(NotFoundError):
            case_links.link_citizen(s, AGENT, other, "staff:agent")  # not a citizen at all
