"""Honest search: best match first (exact > prefix > contains, a full name above a surname, an
exact identifier above a fragment), then open cases, then recent contact; the total counted up
to a bound; a date of birth narrows a name. Against a real SQLite store built by the services."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from caseworker.services import contacts, search, search_rank
from caseworker.services.cases import NewCase, open_case, transition
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.services.search import find
from caseworker.services.workflow import path_to
from caseworker.store.store import Store
from tests.unit.conftest import AGENT


def _citizen(
    store: Store,
    given: str,
    family: str,
    *identifiers: NewIdentifier,
    born: str | None = None,
) -> str:
    with store.write() as s:
        citizen_id, _ = create_citizen(
            s, AGENT, given, family, date_of_birth=born, identifiers=identifiers
        )
    return citizen_id


def _case(store: Store, citizen_id: str | None, status: str = "new", postcode: str = "") -> str:
    with store.write() as s:
        case_id, _ = open_case(
            s,
            AGENT,
            NewCase(
                "missed-bin",
                "Bins not collected",
                "phone",
                citizen_id=citizen_id,
                location_postcode=postcode or None,
            ),
        )
        for step in path_to(status):
            ending = step in ("resolved", "closed")  # an end needs its outcome
            transition(
                s, AGENT, case_id, step, comment="done", outcome="resolved" if ending else None
            )
    return case_id


def _contact(
    store: Store, monkeypatch: pytest.MonkeyPatch, citizen_id: str, when: datetime
) -> None:
    monkeypatch.setattr(contacts, "utcnow", lambda: when)
    with store.write() as s:
        contacts.record_interaction(
            s, AGENT, channel="phone", direction="inbound", summary="rang", citizen_id=citizen_id
        )


def _order(store: Store, query: str, limit: int = 20) -> list[str]:
    with store.read() as s:
        return [h.id for h in search.search(s, query, limit)]


def _results(store: Store, query: str, limit: int = 20) -> search.SearchResults:
    with store.read() as s:
        return find(s, query, limit)


def test_a_full_name_comes_above_those_who_share_only_the_surname(council: Store) -> None:
    # Made first, so storage order alone would list them first.
    sharing = _citizen(
        council, "Bob", "Williams", NewIdentifier("email", "angela.williams@example.net")
    )
    cousin = _citizen(council, "Angela", "Williamson")
    angela = _citizen(council, "Angela", "Williams")
    order = _order(council, "angela williams")
    assert order[0] == angela
    assert set(order[1:]) == {sharing, cousin}
    # Typing on: the start of the full name still puts her first.
    assert _order(council, "angela willi")[0] == angela


def test_an_exact_surname_beats_its_prefix_which_beats_a_fragment(council: Store) -> None:
    inside = _citizen(council, "Iwan", "Gwilliams")
    longer = _citizen(council, "Carys", "Williamson")
    exact = _citizen(council, "Dai", "Williams")
    assert _order(council, "williams") == [exact, longer, inside]


def test_an_exact_phone_or_email_beats_a_number_or_address_that_only_contains_it(
    council: Store,
) -> None:
    longer = _citizen(council, "Ann", "Hughes", NewIdentifier("phone", "01632 960123"))
    exact = _citizen(council, "Ben", "Hughes", NewIdentifier("phone", "01632 96012"))
    assert _order(council, "01632 96012")[:2] == [exact, longer]
    assert _order(council, "+44 1632 96012")[:2] == [exact, longer]
    work = _citizen(council, "Cai", "Evans", NewIdentifier("email", "xcai.evans@example.org"))
    home = _citizen(council, "Cai", "Evans", NewIdentifier("email", "cai.evans@example.org"))
    assert _order(council, "cai.evans@example.org") == [home, work]


def test_an_exact_postcode_beats_a_longer_one_that_starts_the_same(council: Store) -> None:
    longer = _citizen(
        council, "Ann", "Rees", NewIdentifier("address", "1 A St", postcode="CF10 1AB")
    )
    exact = _citizen(council, "Ben", "Rees", NewIdentifier("address", "2 B St", postcode="CF1 1AB"))
    assert _order(council, "cf1 1ab")[:1] == [exact]
    assert longer in _order(council, "cf1")


def test_among_equal_matches_open_cases_come_first_then_the_latest_contact(
    council: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiet = _citizen(council, "Angela", "Williams", born="1990-01-01")
    closed_recent = _citizen(council, "Angela", "Williams", born="1978-05-06")
    open_old = _citizen(council, "Angela", "Williams", born="1960-02-02")
    open_recent = _citizen(council, "Angela", "Williams", born="1955-03-03")
    _case(council, closed_recent, "closed")
    _case(council, open_old, "in_progress")
    _case(council, open_recent)
    _contact(council, monkeypatch, closed_recent, datetime(2026, 11, 30, 9, tzinfo=UTC))
    _contact(council, monkeypatch, open_old, datetime(2024, 1, 5, 9, tzinfo=UTC))
    _contact(council, monkeypatch, open_recent, datetime(2026, 11, 1, 9, tzinfo=UTC))
    hits = [h for h in _results(council, "angela williams").hits if h.kind == "citizen"]
    assert [h.id for h in hits] == [open_recent, open_old, closed_recent, quiet]
    # What tells the namesakes apart travels with each hit.
    assert [h.date_of_birth for h in hits] == [
        "1955-03-03",
        "1960-02-02",
        "1978-05-06",
        "1990-01-01",
    ]
    assert [h.open_cases for h in hits] == [1, 1, 0, 0]
    assert hits[0].last_contact is not None and hits[0].last_contact.startswith("2026-11-01")
    assert hits[3].last_contact is None


def test_a_places_open_cases_are_listed_before_its_closed_ones(council: Store) -> None:
    closed = _case(council, None, "closed", postcode="LL57 2PW")
    resolved = _case(council, None, "resolved", postcode="LL57 2PW")
    live = _case(council, None, "in_progress", postcode="LL57 2PW")
    hits = [h for h in _results(council, "ll57 2pw").hits if h.kind == "case"]
    assert [h.id for h in hits][:1] == [live]
    assert {h.id for h in hits[1:]} == {closed, resolved}
    assert hits[0].status == "in_progress"


def test_a_date_of_birth_typed_after_the_name_finds_only_who_was_born_that_day(
    council: Store,
) -> None:
    _citizen(council, "Angela", "Williams", born="1990-01-01")
    her = _citizen(council, "Angela", "Williams", born="1978-05-06")
    for typed in ("angela williams 06/05/1978", "williams 6/5/1978", "angela 1978-05-06"):
        results = _results(council, typed)
        assert [h.id for h in results.hits] == [her], typed
        assert results.total == 1
    # Half typed, the date is not searched for as text: the names stay listed meanwhile.
    assert len(_results(council, "angela williams 06/0").hits) == 2
    assert _results(council, "angela williams 31/02/1978").hits == []


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A count bound of 5 and 2 candidates: what 1,000 and 300 do on a large store."""
    monkeypatch.setattr(search, "COUNTED", 5)
    monkeypatch.setattr(search, "CANDIDATES", 2)
    yield


def test_the_total_is_exact_up_to_the_bound_then_more_than_it(
    council: Store, small_bounds: None
) -> None:
    for n in range(4):
        _citizen(council, f"Person{n}", "Pritchard")
    results = _results(council, "pritchard", limit=2)
    assert len(results.hits) == 2 and results.total == 4
    assert results.more and not results.capped
    for n in range(4, 9):
        _citizen(council, f"Person{n}", "Pritchard")
    results = _results(council, "pritchard", limit=2)
    assert results.capped and results.total == 6  # counting stopped at one more than 5
    everyone = _results(council, "pritchard", limit=20)
    assert len(everyone.hits) == 9 and not everyone.more


def test_the_exact_match_is_found_however_many_others_the_fragment_matches(
    council: Store, small_bounds: None
) -> None:
    for n in range(6):  # stored first, so the index's first candidates are all theirs
        _citizen(council, f"Person{n}", "Jonesworth")
    jones = _citizen(council, "Dafydd", "Jones")
    assert _order(council, "jones", limit=1) == [jones]
    assert _order(council, "dafydd jones", limit=1) == [jones]


def test_one_or_two_letters_are_counted_and_ranked_too(council: Store) -> None:
    longer = _citizen(council, "Ann", "Lister")
    exact = _citizen(council, "Bo", "Li")
    _citizen(council, "Cai", "Ellis")  # "li" inside: not a surname that starts with it
    results = _results(council, "li")
    assert [h.id for h in results.hits] == [exact, longer]
    assert results.total == 2


def test_a_phone_number_that_looks_like_a_date_is_still_a_phone_number() -> None:
    typed = search_rank.read_typed("01632 960123")
    assert typed.digits == "01632960123" and typed.born is None
    assert search_rank.read_typed("06-05-1978").born == "1978-05-06"
    assert search_rank.birth_date("1978-02-30") is None


def test_a_name_with_a_postcode_ranks_by_how_well_both_match(council: Store) -> None:
    def at(code: str) -> NewIdentifier:
        return NewIdentifier("address", "1 High St", postcode=code)

    inside = _citizen(council, "Iwan", "Gwilliams", at("CF10 1AB"))
    elsewhere = _citizen(
        council, "Bob", "Jones", at("CF10 2AB"), NewIdentifier("email", "williams@example.org")
    )
    exact = _citizen(council, "Dai", "Williams", at("CF10 1AB"))
    near = _citizen(council, "Eli", "Williams", at("CF10 3AB"))
    assert _order(council, "williams cf10 1ab") == [exact, inside]
    assert _order(council, "williams cf10") == [exact, near, inside, elsewhere]


def test_a_whole_number_is_counted_as_those_who_hold_it(council: Store) -> None:
    a = _citizen(council, "Ann", "Hughes", NewIdentifier("phone", "01632 960123"))
    b = _citizen(council, "Ben", "Hughes", NewIdentifier("phone", "01632 960123"))
    _citizen(council, "Cai", "Hughes", NewIdentifier("phone", "01632 960124"))
    for typed in ("01632 960123", "1632960123", "+44 (0)1632 960123"):
        results = _results(council, typed)
        assert {h.id for h in results.hits} == {a, b}, typed
        assert results.total == 2
    # One digit short is a fragment: everyone whose number holds it.
    assert _results(council, "01632 96012").total == 3


def test_a_wildcard_typed_alone_finds_nobody_rather_than_everyone(council: Store) -> None:
    _citizen(council, "Ann", "Lister")
    for typed in ("%", "_", "%_"):
        assert _results(council, typed) == search.SearchResults([], 0)
