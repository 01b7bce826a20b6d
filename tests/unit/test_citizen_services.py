"""Citizens: creating, recognising by identifier, consents, and searching."""

import pytest

from caseworker.errors import ValidationError
from caseworker.services import citizens, search
from caseworker.services.citizens import NewConsent, NewIdentifier
from caseworker.store.store import Store
from tests.unit.conftest import AGENT


def _oneill(store: Store) -> str:
    with store.write() as s:
        citizen_id, _ = citizens.create_citizen(
            s,
            AGENT,
            "Siân",
            "O'Neill",
            language="cy",
            identifiers=(
                NewIdentifier("phone", "+44 7700 900461", "sms_code"),
                NewIdentifier("email", "Sian.ONeill@Example.org"),
                NewIdentifier("address", "4 Heol y Bont, Pontypridd", postcode="cf37 4ab"),
                NewIdentifier("social", "@sian@mastodon.example"),
            ),
            consents=(NewConsent("Service updates by SMS", "consent", "phone call", "sms"),),
        )
    return citizen_id


def test_a_citizen_is_held_with_identifiers_verification_and_consent(store: Store) -> None:
    citizen_id = _oneill(store)
    with store.read() as s:
        c = citizens.get_citizen(s, citizen_id)
        assert c.display_name == "Siân O'Neill" and c.language == "cy"
        by_kind = {i.kind: i for i in c.identifiers}
        assert by_kind["phone"].normalised == "07700900461"
        assert by_kind["phone"].verified_by == "sms_code" and by_kind["phone"].verified_at
        assert by_kind["email"].value == "sian.oneill@example.org"
        assert by_kind["address"].postcode == "CF37 4AB"
        assert [x.lawful_basis for x in c.consents] == ["consent"]


def test_a_caller_is_recognised_by_any_form_of_their_number(store: Store) -> None:
    citizen_id = _oneill(store)
    with store.read() as s:
        for typed in ("07700 900461", "+447700900461", "(07700) 900-461"):
            assert [c.id for c in citizens.find_by_identifier(s, "phone", typed)] == [citizen_id]


@pytest.mark.parametrize(
    "fragment",
    [
        "o'neill",
        "Siân",
        "sian o",
        "7700 9004",
        "+44 7700 9004",
        "cf37",
        "CF37 4",
        "cf374ab",
        "oneill@exa",
        "@sian@mast",
    ],
)
def test_search_finds_a_citizen_by_any_fragment(store: Store, fragment: str) -> None:
    citizen_id = _oneill(store)
    with store.read() as s:
        hits = search.search(s, fragment)
    assert citizen_id in [h.id for h in hits], fragment


def test_search_input_is_never_a_query_syntax_error(store: Store) -> None:
    _oneill(store)
    with store.read() as s:
        for nasty in ('"', 'a" OR "b', "NEAR(", "*", "o'", "-", "AND", "''''", "%_%"):
            search.search(s, nasty)


def test_bad_identifiers_are_refused_with_a_reason(store: Store) -> None:
    citizen_id = _oneill(store)
    bad = [
        (NewIdentifier("phone", "12345"), "UK phone"),
        (NewIdentifier("email", "not-an-email"), "email"),
        (NewIdentifier("address", "1 High St", postcode="XYZ"), "postcode"),
        (NewIdentifier("phone", "07700 900461"), "already recorded"),
        (NewIdentifier("phone", "07700900999", verified_by="vibes"), "verification"),
    ]
    for new, reason in bad:
        with pytest.raises(ValidationError, match=reason), store.write() as s:
            citizens.add_identifier(s, AGENT, citizen_id, new)


def test_a_citizen_needs_a_name(store: Store) -> None:
    with pytest.raises(ValidationError), store.write() as s:
        citizens.create_citizen(s, AGENT, " ", "Jones")
