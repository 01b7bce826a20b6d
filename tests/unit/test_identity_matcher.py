"""Matching a contact against the store: the right citizen first, for the right reasons."""

from sqlalchemy import text

from caseworker.identity import Address, person
from caseworker.identity.matcher import MAX_BLOCK, find_matches
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store.store import Store
from tests.unit.conftest import AGENT


def _add(store: Store, given: str, family: str, dob: str | None, *idents: NewIdentifier) -> str:
    with store.write() as s:
        cid, _ = create_citizen(s, AGENT, given, family, date_of_birth=dob, identifiers=idents)
    return cid


def _home(number: int, code: str = "CF37 1AB") -> NewIdentifier:
    return NewIdentifier("address", f"{number} Heol y Bont, Pontyglas", postcode=code)


def test_a_caller_with_a_nickname_who_moved_is_found_by_birth_date(store: Store) -> None:
    wanted = _add(store, "William", "Hughes", "1971-04-09", _home(3))
    _add(store, "William", "Hughes", "1985-10-21", _home(5))  # a namesake, same street
    contact = person(
        "contact",
        given_name="Bill",
        family_name="Hughes",
        date_of_birth="1971-04-09",
        addresses=[Address("8 Stryd Fawr", "CF40 2XY")],
    )
    with store.read() as s:
        found = find_matches(s, contact)
    assert found.matches[0].right == wanted
    assert found.matches[0].probability > 0.9
    assert "given.alias" in {r.code for r in found.matches[0].reasons}


def test_namesakes_at_one_postcode_are_candidates_but_not_matches(store: Store) -> None:
    for n, dob in enumerate(("1950-01-02", "1979-06-30", "2001-12-12")):
        _add(store, "Rhys", "Evans", dob, _home(n + 1))
    contact = person(
        "contact",
        given_name="Rhys",
        family_name="Evans",
        date_of_birth="1990-03-03",
        addresses=[Address("40 Heol y Bont", "CF37 1AB")],
    )
    with store.read() as s:
        found = find_matches(s, contact)
    assert found.compared == 3
    assert all(m.probability < 0.5 for m in found.matches)


def test_a_landline_on_ten_citizens_does_not_make_them_all_the_caller(store: Store) -> None:
    line = NewIdentifier("phone", "01632 960555")
    family = [_add(store, g, "Begum", None, line) for g in "ABCDEFGHIJ"]
    contact = person("contact", given_name="Zara", family_name="Khan", phones=["01632960555"])
    with store.read() as s:
        found = find_matches(s, contact, limit=10)
    assert {m.right for m in found.matches} == set(family)
    phone = next(r for r in found.matches[0].reasons if r.field == "phone")
    assert phone.code == "phone.exact" and phone.holders == 10
    assert all(m.probability < 0.5 for m in found.matches)


def test_a_merged_citizen_is_never_offered_and_the_contact_is_not_its_own_match(
    store: Store,
) -> None:
    old = _add(store, "Ann", "Jones", "1960-05-05", NewIdentifier("email", "ann@example.org"))
    with store.write() as s:
        s.execute(text("UPDATE citizens SET merged_into = 'citizen:x' WHERE id = :id"), {"id": old})
    with store.read() as s:
        assert find_matches(s, person("c", emails=["ANN@example.org"])).matches == []


def test_a_key_too_common_to_use_is_skipped_not_read(store: Store) -> None:
    for n in range(MAX_BLOCK + 1):
        _add(store, f"P{n}", "Lloyd", None, NewIdentifier("phone", "01632 960000"))
    with store.read() as s:
        found = find_matches(s, person("c", phones=["01632 960000"]))
    assert found.compared == 0 and found.skipped_keys == 1


def test_garbage_huge_and_hostile_contacts_find_nobody_and_do_not_fail(store: Store) -> None:
    _add(store, "Ann", "Jones", "1960-05-05", _home(1))
    for contact in (
        person("c"),
        person("c", given_name="\u202e🙂" * 3000, family_name="x" * 10_000),
        person("c", given_name="'; DROP TABLE citizens; --", family_name="%", phones=["%"]),
    ):
        with store.read() as s:
            assert find_matches(s, contact).matches == []
