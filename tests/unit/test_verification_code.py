"""A verification code sent to an email address or phone on the citizen's record: asked for on
the laptop with no code in it; the central worker keeps only a salted hash and an expiry; the
agent types what the citizen reads back; a right code records a ``code_sent`` check through
that identifier, a wrong one costs one of three tries, and an expired, used, refused or unsent
request checks nothing. The rules (laptop and gateway alike) let a member only ask in their own
name for a citizen they hold, and afterwards only count tries and say how it ended."""

from datetime import timedelta
from typing import Any

import pytest

from caseworker.access import assurance
from caseworker.access.people import Person
from caseworker.access.verification_rules import (
    VERIFY_KEPT,
    VERIFY_NEW,
    VERIFY_NOT_HELD,
    VERIFY_OUTCOME,
    VERIFY_OWN_NAME,
    VERIFY_WHO,
)
from caseworker.access.writes import Write, judge
from caseworker.errors import ValidationError
from caseworker.security import codes
from caseworker.services import verification
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.services.context import Actor
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import to_iso, utcnow
from tests.unit.conftest import AGENT, SUPERVISOR

CODE = "482913"
PERSON = Person("ann", "agent", AGENT.staff_id)
COLLEAGUE = Person("cai", "agent", "staff:colleague")
WORKER = Person("ian", "admin", "staff:admin")


def citizen_with_contacts(store: Store) -> tuple[str, dict[str, str]]:
    with store.write() as s:
        citizen_id, _ = create_citizen(
            s, AGENT, "Gwen", "Prydderch",
            identifiers=(
                NewIdentifier("email", "gwen@example.org"),
                NewIdentifier("phone", "07700 900456"),
                NewIdentifier("address", "1 Heol y Frenhines", postcode="CF10 1AA"),
            ),
        )  # fmt: skip
        doc = docstore.get(s, citizen_id)
    assert doc is not None
    return citizen_id, {i["kind"]: i["id"] for i in doc["identifiers"]}


def sent_by_the_worker(store: Store, verification_id: str, code: str = CODE, **extra: Any) -> None:
    """What the central worker writes back once it has sent ``code`` (it syncs to the laptop)."""
    with store.write() as s:
        doc = verification.request_of(s, verification_id)
        salt, hashed = codes.salted(code)
        expires = to_iso(utcnow() + codes.LIFETIME)
        fields = {"code_salt": salt, "code_hash": hashed, "expires_at": expires, **extra}
        docstore.put(s, {**doc, "state": "sent", "state_at": to_iso(utcnow()), **fields})


@pytest.fixture
def asked(council: Store) -> tuple[Store, str, str, dict[str, str]]:
    citizen_id, idents = citizen_with_contacts(council)
    with council.write() as s:
        verification_id, _ = verification.request_code(s, AGENT, citizen_id, idents["phone"])
    return council, citizen_id, verification_id, idents


def test_a_request_names_the_identifier_and_holds_no_code(
    asked: tuple[Store, str, str, dict[str, str]],
) -> None:
    store, citizen_id, verification_id, idents = asked
    with store.read() as s:
        doc = verification.request_of(s, verification_id)
        with pytest.raises(ValidationError, match="email addresses or phones"):
            verification.request_code(s, AGENT, citizen_id, idents["address"])
    assert doc["state"] == "requested" and doc["channel"] == "sms"
    assert doc["identifier_id"] == idents["phone"] and doc["requested_by"] == AGENT.staff_id
    assert not {"code_salt", "code_hash", "expires_at", "tries"} & doc.keys()


def test_the_right_code_read_back_records_code_sent_through_that_identifier(
    asked: tuple[Store, str, str, dict[str, str]],
) -> None:
    store, citizen_id, verification_id, idents = asked
    with store.write() as s, pytest.raises(ValidationError, match="not been sent yet"):
        verification.check_code(s, AGENT, verification_id, CODE)
    sent_by_the_worker(store, verification_id)
    with store.write() as s:
        wrong = verification.check_code(s, AGENT, verification_id, "000000")
        right = verification.check_code(s, AGENT, verification_id, " 482-913 ")  # as read out
    assert (wrong.verified, wrong.tries_left) == (False, 2)
    assert right.verified
    with store.read() as s:
        citizen = docstore.get(s, citizen_id)
        doc = verification.request_of(s, verification_id)
        with pytest.raises(ValidationError, match="has been used"):
            verification.check_code(s, AGENT, verification_id, CODE)
    assert citizen is not None
    (check,) = citizen["checks"]
    assert (check["method"], check["identifier_id"]) == ("code_sent", idents["phone"])
    assert assurance.level_of(citizen, utcnow()) == "contact_verified"
    assert (doc["state"], doc["tries"]) == ("verified", 2)
    assert CODE not in str(doc)  # only its salted hash was ever kept


def test_three_wrong_codes_refuse_the_request(
    asked: tuple[Store, str, str, dict[str, str]],
) -> None:
    store, citizen_id, verification_id, _ = asked
    sent_by_the_worker(store, verification_id)
    with store.write() as s:
        left = [verification.check_code(s, AGENT, verification_id, "111111").tries_left]
        left.append(verification.check_code(s, AGENT, verification_id, "222222").tries_left)
        left.append(verification.check_code(s, AGENT, verification_id, "333333").tries_left)
    assert left == [2, 1, 0]
    with store.write() as s, pytest.raises(ValidationError, match="too many wrong codes"):
        verification.check_code(s, AGENT, verification_id, CODE)
    with store.read() as s:
        citizen = docstore.get(s, citizen_id)
    assert citizen is not None and not citizen.get("checks")


def test_an_expired_or_failed_code_checks_nothing_and_costs_no_try(
    asked: tuple[Store, str, str, dict[str, str]],
) -> None:
    store, citizen_id, verification_id, idents = asked
    sent_by_the_worker(store, verification_id, expires_at=to_iso(utcnow() - timedelta(seconds=1)))
    with store.write() as s, pytest.raises(ValidationError, match="expired"):
        verification.check_code(s, AGENT, verification_id, CODE)
    with store.write() as s:
        other, _ = verification.request_code(s, AGENT, citizen_id, idents["email"])
        doc = verification.request_of(s, other)
        failed = {"state": "failed", "state_detail": "the number is no longer on their record"}
        docstore.put(s, {**doc, **failed})
    with store.write() as s, pytest.raises(ValidationError, match="no longer on their record"):
        verification.check_code(s, AGENT, other, CODE)
    with store.read() as s:
        assert verification.request_of(s, verification_id).get("tries") is None


@pytest.mark.parametrize(
    "typed", ["", "48291", "4829130", "abcdef", "48291\u0663", "4829l3", "482913\n1"]
)
def test_what_is_not_six_digits_never_matches(typed: str) -> None:
    salt, hashed = codes.salted(CODE)
    assert not codes.matches({"code_salt": salt, "code_hash": hashed}, typed)
    assert codes.matches({"code_salt": salt, "code_hash": hashed}, CODE)
    assert not codes.matches({"code_salt": "not hex", "code_hash": hashed}, CODE)
    assert not codes.matches({"code_hash": hashed}, CODE)


# -- the rules, as the gateway judges them -------------------------------------------------------


def request(**fields: Any) -> dict[str, Any]:
    base = {
        "_id": "verify:1",
        "type": "verification",
        "schema": 1,
        "citizen_id": "citizen:1",
        "identifier_id": "id1",
        "channel": "sms",
        "requested_by": PERSON.staff_id,
        "requested_at": to_iso(utcnow()),
        "state": "requested",
    }
    return {k: v for k, v in {**base, **fields}.items() if v is not None}


def sent(**fields: Any) -> dict[str, Any]:
    salt, hashed = codes.salted(CODE)
    worker = {"code_salt": salt, "code_hash": hashed, "expires_at": to_iso(utcnow())}
    return request(**{"_rev": "2-a", "state": "sent", **worker, **fields})


HELD = frozenset({"citizen:1"})


def judged(person: Person, new: dict[str, Any], current: dict[str, Any] | None) -> str | None:
    write = Write("verify:1", new, current, current is not None, True, True)
    return judge(person, write, HELD)


def test_a_member_asks_only_in_their_own_name_for_a_citizen_they_hold() -> None:
    assert judged(PERSON, request(), None) is None
    assert judged(PERSON, request(requested_by=COLLEAGUE.staff_id), None) == VERIFY_OWN_NAME
    assert judged(PERSON, request(citizen_id="citizen:2"), None) == VERIFY_NOT_HELD
    # A laptop cannot pretend to be the worker: no code, no hash, no expiry, not "sent".
    assert judged(PERSON, request(state="sent"), None) == VERIFY_NEW
    assert judged(PERSON, request(code_hash="ab" * 32), None) == VERIFY_NEW
    assert judged(PERSON, request(expires_at=to_iso(utcnow())), None) == VERIFY_NEW


def test_afterwards_only_the_asker_counts_tries_and_says_how_it_ended() -> None:
    current = sent()
    assert judged(PERSON, {**current, "tries": 1}, current) is None
    assert judged(PERSON, {**current, "tries": 2, "state": "verified"}, current) is None
    assert judged(PERSON, {**current, "tries": 3, "state": "refused"}, current) is None
    assert judged(COLLEAGUE, {**current, "tries": 1}, current) == VERIFY_WHO
    assert judged(PERSON, {**current, "tries": 1, "code_hash": "00" * 32}, current) == VERIFY_KEPT
    later = to_iso(utcnow() + timedelta(days=1))
    assert judged(PERSON, {**current, "tries": 1, "expires_at": later}, current) == VERIFY_KEPT
    assert judged(PERSON, {**current, "identifier_id": "id2"}, current) == VERIFY_KEPT
    used = {**current, "tries": 2}
    assert judged(PERSON, {**used, "tries": 0}, used) == VERIFY_KEPT  # tries never go back
    asked_only = request(_rev="1-a")
    assert judged(PERSON, {**asked_only, "state": "verified"}, asked_only) == VERIFY_OUTCOME
    done = {**current, "state": "verified", "tries": 1}
    assert judged(PERSON, {**done, "state": "sent", "tries": 2}, done) == VERIFY_OUTCOME
    assert judged(PERSON, {"_id": "verify:1", "_rev": "2-a", "_deleted": True}, current)
    # The central worker (an admin) writes the hash and the expiry.
    assert judged(WORKER, sent(), request(_rev="1-a")) is None


def test_only_the_asker_checks_it_on_the_laptop(
    asked: tuple[Store, str, str, dict[str, str]],
) -> None:
    store, _citizen, verification_id, _ = asked
    sent_by_the_worker(store, verification_id)
    with store.write() as s, pytest.raises(ValidationError, match=VERIFY_WHO):
        verification.check_code(s, SUPERVISOR, verification_id, CODE)
    with store.write() as s, pytest.raises(ValidationError, match=VERIFY_WHO):
        verification.check_code(s, Actor("staff:officer", "field_officer"), verification_id, CODE)
