"""The scan's blocking on a common phone, a phone at a time, and the scan's own reader of
citizens: one person typed twice on a common number is compared, a family on its landline is
not; numbers that begin alike are never mixed up; the reader builds what load_people builds,
whatever the rows hold; the cycle collector is left as the scan found it."""

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import insert

from caseworker import collector
from caseworker.dedupe import blocking, people, scan
from caseworker.identity.match import Match
from caseworker.identity.model import Model
from caseworker.identity.records import PersonRecord, load_people
from caseworker.models import Citizen, Identifier
from caseworker.services import citizens
from caseworker.services.citizens import NewIdentifier
from caseworker.store.store import Store
from tests.unit.conftest import AGENT


def _person(
    store: Store, given: str, family: str, phone: str, postcode: str, born: str | None = None
) -> str:
    with store.write() as s:
        cid, _ = citizens.create_citizen(
            s,
            AGENT,
            given,
            family,
            date_of_birth=born,
            identifiers=(
                NewIdentifier("phone", phone),
                NewIdentifier("address", "1 Heol y Bont", postcode=postcode),
            ),
        )
    return cid


def _compared(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> tuple[scan.ScanResult, set[frozenset[str]]]:
    """Scan, and the pairs it compared (whatever they scored)."""
    compared: set[frozenset[str]] = set()
    real = scan.compare

    def spy(a: PersonRecord, b: PersonRecord, model: Model | None = None) -> Match:
        compared.add(frozenset((a.id, b.id)))
        return real(a, b, model)

    monkeypatch.setattr(scan, "compare", spy)
    with store.write() as s:
        result = scan.scan(s)
    return result, compared


def test_one_person_on_a_common_number_is_compared_and_the_family_on_it_is_not(
    council: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "MAX_BLOCK", 3)
    landline = "01248 370000"
    # Nothing but the phone and the names in common: other postcodes, no birth dates.
    gareth = _person(council, "Gareth", "Jones", landline, "LL57 2PW")
    again = _person(council, "Gareth", "Jones", landline, "SA1 1AA")  # typed twice
    wife = _person(council, "Mared", "Jones", landline, "CF10 1AA")  # the family's landline
    _person(council, "Ann", "Owen", landline, "CF10 1AB")  # the number alone: too common
    result, compared = _compared(council, monkeypatch)
    assert compared == {frozenset((gareth, again))}
    assert wife not in {c for pair in compared for c in pair}
    assert result.weak_only == 2  # Mared with each Gareth: the family sound alone
    assert result.skipped_blocks >= 1  # the phone alone, four holders


@pytest.mark.parametrize("batch", [1, blocking._BATCH])  # a phone at a time, or together
def test_numbers_that_begin_alike_are_never_mixed_up(
    council: Store, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    # +44163296000 sorts after +441632960000 in the keys ("0" before ":"): the two kinds of
    # weak key must be walked in that order, or the short number's given-form blocks meet
    # nothing when the long one has given-form blocks only.
    monkeypatch.setattr(scan, "MAX_BLOCK", 3)
    monkeypatch.setattr(blocking, "_BATCH", batch)
    short, long = "01632 96000", "01632 960000"
    twice = [_person(council, "Gareth", "Jones", short, pc) for pc in ("LL57 2PW", "SA1 1AA")]
    _person(council, "Gareth", "Price", long, "CF10 1AA")  # a given name alone in common
    _person(council, "Gareth", "Owen", long, "NP20 1AA")
    for phone, postcode in ((short, "SY23 1AA"), (long, "LD1 5AA")):  # too common alone
        _person(council, "Ann", "Evans", phone, postcode)
        _person(council, "Cai", "Lloyd", phone, postcode)
    result, compared = _compared(council, monkeypatch)
    assert compared == {frozenset(twice)}
    assert result.weak_only == 1  # the two Gareths on the long number


def test_a_typo_in_the_given_name_is_compared_through_phone_and_family_sound(
    council: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "MAX_BLOCK", 3)
    phone = "01248 370001"
    thomas = _person(council, "Thomas", "Graham", phone, "LL57 2PW")
    # Jaro-Winkler 0.8 exactly: alike (rapidfuzz's own cut-off would drop it)
    theo = _person(council, "Theo", "Graham", phone, "SA1 1AA")
    for given, family in (("Ann", "Owen"), ("Cai", "Lloyd")):
        _person(council, given, family, phone, "CF10 1AA")
    result, compared = _compared(council, monkeypatch)
    assert compared == {frozenset((thomas, theo))}
    assert result.alike_given == 1


def test_only_pairs_sharing_two_of_a_phones_keys_are_made_and_no_kind_is_read_twice() -> None:
    given = {"gareth": ["c3", "c1", "c2"]}
    family = {"J520": ["c1", "c2", "c3"]}
    assert blocking._shared_twice(given, family) == {("c1", "c2"), ("c1", "c3"), ("c2", "c3")}
    assert blocking._shared_twice({"gareth": ["c1", "c2"]}, {"J520": ["c2", "c3"]}) == set()
    assert blocking._ranges(frozenset({"q", "r", "s"})) == [(None, "q"), ("t", None)]
    assert blocking._ranges(frozenset({"a", "s"})) == [(None, "a"), ("b", "s"), ("t", None)]


@pytest.fixture
def odd_rows(council: Store) -> Iterator[list[str]]:
    """Citizens as a careless colleague, another member or an old import left them."""
    now = "2026-12-03T10:00:00Z"
    rows = [
        ("c:1", "  Siân ", "AP-RHYS", "Bill", "1970-02-30"),
        ("c:2", "\u202eMared\u200b", "O'Neill", None, "not a date"),
        ("c:3", "🙂🙂", "x" * 300, "", None),
        ("c:4", "Gwilym", "Hughes", None, "1988-07-14"),
        ("c:merged", "Gwilym", "Hughes", None, "1988-07-14"),
    ]
    idents = [
        ("c:1", "phone", "07700 900123", None, None),
        ("c:1", "phone", "+44 (0)7700 900123", None, None),
        ("c:1", "phone", "call me", None, None),
        ("c:1", "email", "Sian.Rhys+council@GoogleMail.com", None, None),
        ("c:1", "address", "12, Heol-y-Bont\nBangor", "ll572pw", "000100100"),
        ("c:1", "address", "", None, "garbage"),
        ("c:2", "social", "https://mastodon.example/@mared", None, None),
        ("c:2", "social", "@bare", None, None),
        ("c:2", "app_account", "app:123", None, None),
        ("c:2", "email", "not an email", None, None),
        ("c:3", "address", "Tŷ Gwyn", "SA1 1AA", None),
        ("c:merged", "phone", "07700 900999", None, None),
    ]
    with council.write() as s:
        s.execute(
            insert(Citizen),
            [
                {
                    "id": cid,
                    "rev": "1-a",
                    "given_name": given,
                    "family_name": family,
                    "preferred_name": preferred,
                    "date_of_birth": born,
                    "language": "cy",
                    "merged_into": "c:4" if cid == "c:merged" else None,
                    "created_at": now,
                    "updated_at": now,
                    "conflicted": False,
                }
                for cid, given, family, preferred, born in rows
            ],
        )
        s.execute(
            insert(Identifier),
            [
                {
                    "id": f"{cid}:{n}",
                    "citizen_id": cid,
                    "kind": kind,
                    "value": value,
                    "normalised": value.lower(),
                    "postcode": postcode,
                    "uprn": uprn,
                    "verified_by": "unverified",
                    "added_at": now,
                }
                for n, (cid, kind, value, postcode, uprn) in enumerate(idents)
            ],
        )
    yield [r[0] for r in rows]


def test_the_scans_reader_builds_what_load_people_builds(
    council: Store, odd_rows: list[str]
) -> None:
    with council.read() as s:
        con = s.connection().connection.dbapi_connection
        assert con is not None
        wanted = [*odd_rows, "c:nobody"]
        expected = load_people(s, wanted, merged=False)
        read = people.PeopleReader(con)
        assert read.read(wanted) == expected
        assert read.read(reversed(wanted)) == expected  # and again, from what it remembers
    assert set(expected) == {"c:1", "c:2", "c:3", "c:4"}  # not the merged one, not nobody
    assert expected["c:1"].phones == frozenset({"+447700900123"})


@pytest.mark.parametrize("enabled", [True, False])
def test_the_scan_leaves_the_cycle_collector_as_it_found_it(
    council: Store, enabled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    was, usual = gc.isenabled(), gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    pairs = blocking.pairs_into

    def watched(*args: Any, **kwargs: Any) -> Any:
        during.append(gc.get_threshold())
        return pairs(*args, **kwargs)

    monkeypatch.setattr(blocking, "pairs_into", watched)
    try:
        (gc.enable if enabled else gc.disable)()
        with council.write() as s:
            scan.scan(s)
        assert during, "the scan's blocking ran"
        # Collected less often while it ran (where collection is on), as before after it.
        assert during[0][0] == (collector.EASED if enabled else usual[0])
        assert gc.isenabled() is enabled and gc.get_threshold() == usual
    finally:
        (gc.enable if was else gc.disable)()
