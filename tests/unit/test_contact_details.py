"""Correcting a citizen's contact details on the laptop: changing or removing a phone, email,
address or handle is refused until a way to reach them is verified (a check written into the
record by hand, backdated or in someone else's name does not count); a changed value is
cleaned as when it is added, loses the old value and its verification, and the audit trail
says who changed which kind of identifier without the value. Removing the last way to reach
someone is allowed, and says so."""

from typing import Any

import pytest

from caseworker.errors import NotFoundError, ValidationError
from caseworker.services import assurance, audit, contact_details
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import to_iso, utcnow
from tests.unit.conftest import AGENT

OLD_MOBILE = "07700 900123"


def _citizen(store: Store) -> tuple[str, dict[str, str]]:
    with store.write() as s:
        citizen_id, _ = create_citizen(
            s, AGENT, "Carys", "Jones",
            identifiers=(
                NewIdentifier("phone", "029 2087 2087", "call_back", label="home"),
                NewIdentifier("phone", OLD_MOBILE, "sms_code", label="mobile"),
                NewIdentifier("email", "carys@example.org"),
                NewIdentifier("address", "1 Castle Street, Cardiff", postcode="CF10 1BH"),
            ),
        )  # fmt: skip
        doc = docstore.get(s, citizen_id)
    assert doc is not None
    ids = {str(i.get("label") or i["kind"]): str(i["id"]) for i in doc["identifiers"]}
    return citizen_id, ids


def _doc(store: Store, citizen_id: str) -> dict[str, Any]:
    with store.read() as s:
        doc = docstore.get(s, citizen_id)
    assert doc is not None
    return dict(doc)


def _called_back(store: Store, citizen_id: str, phone_id: str) -> None:
    with store.write() as s:
        assurance.record_check(
            s, AGENT, citizen_id, assurance.NewCheck("call_back", identifier_id=phone_id)
        )


def test_a_change_or_removal_is_refused_until_a_way_to_reach_them_is_verified(
    council: Store,
) -> None:
    citizen_id, ids = _citizen(council)
    before = _doc(council, citizen_id)
    # The identifiers claim "call_back" and "sms_code": typed in, not checked; no level.
    with pytest.raises(ValidationError) as change, council.write() as s:
        contact_details.change_identifier(s, AGENT, citizen_id, ids["mobile"], "07700 900999")
    assert str(change.value) == (
        "changing their contact details needs the citizen contact verified; their record is "
        "unverified: record a check first"
    )
    refused = pytest.raises(ValidationError, match="needs the citizen contact verified")
    with refused, council.write() as s:
        contact_details.remove_identifier(s, AGENT, citizen_id, ids["email"])
    assert _doc(council, citizen_id)["identifiers"] == before["identifiers"]


def test_a_check_typed_into_the_record_backdated_or_in_another_name_does_not_count(
    council: Store,
) -> None:
    citizen_id, ids = _citizen(council)
    forged = [
        {"id": "k1", "method": "call_back", "identifier_id": ids["home"], "by": "staff:agent",
         "at": to_iso(utcnow().replace(year=utcnow().year - 2))},
        {"id": "k2", "method": "in_person", "by": "staff:agent",
         "at": to_iso(utcnow().replace(year=utcnow().year + 1))},
    ]  # fmt: skip
    with council.write() as s:  # as a broken laptop or a careless import might leave it
        doc = docstore.get(s, citizen_id)
        assert doc is not None
        docstore.put(s, {**doc, "checks": forged})
    refused = pytest.raises(ValidationError, match="their record is unverified")
    with refused, council.write() as s:
        contact_details.change_identifier(s, AGENT, citizen_id, ids["mobile"], "07700 900999")


def test_a_verified_change_is_cleaned_keeps_no_old_value_and_the_trail_no_number(
    council: Store,
) -> None:
    citizen_id, ids = _citizen(council)
    _called_back(council, citizen_id, ids["home"])
    with council.write() as s:
        contact_details.change_identifier(s, AGENT, citizen_id, ids["mobile"], " 07700  900999 ")
    doc = _doc(council, citizen_id)
    (mobile,) = [i for i in doc["identifiers"] if i.get("label") == "mobile"]
    assert mobile["value"] == "07700 900999" and mobile["kind"] == "phone"
    # A new entry: the sms_code claim was about the old number, and so was anything checked.
    assert mobile["id"] != ids["mobile"] and mobile["verified_by"] == "unverified"
    assert "verified_at" not in mobile
    assert [i["kind"] for i in doc["identifiers"]] == ["phone", "phone", "email", "address"]
    assert "900123" not in repr(doc)
    with council.read() as s:
        trail = [(e.action, e.by, e.detail) for e in audit.trail(s, citizen_id)]
        level = assurance.assess(s, citizen_id).level
    assert ("citizen.identifier_changed", "staff:agent", "phone") in trail
    assert not any("900" in (detail or "") for _a, _b, detail in trail)
    assert (level.level, level.method) == ("contact_verified", "call_back")  # the home phone


def test_a_change_verified_as_it_is_made_keeps_how_and_when(council: Store) -> None:
    citizen_id, ids = _citizen(council)
    _called_back(council, citizen_id, ids["home"])
    with council.write() as s:
        contact_details.change_identifier(
            s, AGENT, citizen_id, ids["email"], "Carys.Jones@Example.org", verified_by="email_link"
        )
    (email,) = [i for i in _doc(council, citizen_id)["identifiers"] if i["kind"] == "email"]
    assert email["value"] == "carys.jones@example.org"
    assert email["verified_by"] == "email_link" and email["verified_at"]


def test_an_address_keeps_its_postcode_unless_given_a_valid_new_one(council: Store) -> None:
    citizen_id, ids = _citizen(council)
    _called_back(council, citizen_id, ids["home"])
    with council.write() as s:
        contact_details.change_identifier(s, AGENT, citizen_id, ids["address"], "3 Castle Street")
    (address,) = [i for i in _doc(council, citizen_id)["identifiers"] if i["kind"] == "address"]
    assert (address["value"], address["postcode"]) == ("3 Castle Street", "CF10 1BH")
    with pytest.raises(ValidationError, match="is not a UK postcode"), council.write() as s:
        contact_details.change_identifier(
            s, AGENT, citizen_id, address["id"], "4 Heol y Bont", postcode="CF99"
        )
    with council.write() as s:
        contact_details.change_identifier(
            s, AGENT, citizen_id, address["id"], "4 Heol y Bont, Pontypridd", postcode="cf37 4ab"
        )
    (address,) = [i for i in _doc(council, citizen_id)["identifiers"] if i["kind"] == "address"]
    assert address["postcode"] == "CF37 4AB"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("0123", "'0123' is not a UK phone number (10 or 11 digits from 0)"),
        ("   ", "the phone is empty"),
        ("029 2087 2087", "029 2087 2087 is already recorded for this citizen"),
        ("07700900123", "that is the phone already recorded"),
    ],
)
def test_a_value_that_cannot_be_held_is_refused_in_one_line_and_nothing_is_written(
    council: Store, value: str, reason: str
) -> None:
    citizen_id, ids = _citizen(council)
    _called_back(council, citizen_id, ids["home"])
    before = _doc(council, citizen_id)
    with pytest.raises(ValidationError) as refused, council.write() as s:
        contact_details.change_identifier(s, AGENT, citizen_id, ids["mobile"], value)
    assert str(refused.value) == reason and "\n" not in reason
    assert _doc(council, citizen_id)["identifiers"] == before["identifiers"]


def test_an_identifier_not_on_the_record_is_not_found(council: Store) -> None:
    citizen_id, ids = _citizen(council)
    _called_back(council, citizen_id, ids["home"])
    with pytest.raises(NotFoundError, match="no identifier nope"), council.write() as s:
        contact_details.remove_identifier(s, AGENT, citizen_id, "nope")


def test_removing_the_last_way_to_reach_them_is_allowed_and_says_so(council: Store) -> None:
    citizen_id, ids = _citizen(council)
    _called_back(council, citizen_id, ids["home"])
    with council.write() as s:
        reachable, _ = contact_details.remove_identifier(s, AGENT, citizen_id, ids["mobile"])
        assert reachable
        for name in ("email", "address"):
            assert not contact_details.is_last_way_to_reach(s, citizen_id, ids[name])
            assert contact_details.remove_identifier(s, AGENT, citizen_id, ids[name])[0]
        # The home phone is the last, and the call back through it is what verified them.
        assert contact_details.is_last_way_to_reach(s, citizen_id, ids["home"])
        reachable, changes = contact_details.remove_identifier(s, AGENT, citizen_id, ids["home"])
    assert not reachable and changes.written
    assert _doc(council, citizen_id)["identifiers"] == []
    with council.read() as s:
        removed = [e.detail for e in audit.trail(s, citizen_id)
                   if e.action == "citizen.identifier_removed"]  # fmt: skip
        # With the number it went through gone, the call back no longer verifies anything.
        assert assurance.assess(s, citizen_id).level.level == "unverified"
    assert removed == ["phone", "email", "address", "phone"]
