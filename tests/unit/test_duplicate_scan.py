"""The full duplicate scan: likely duplicates found through their blocking keys, with score
and reasons; merged citizens and pairs decided to be different people left out; the list of
the last scan, and the command line."""

import json
from pathlib import Path

import pytest

import main
from caseworker.dedupe import review, scan
from caseworker.services import citizens, merges
from caseworker.services.citizens import NewIdentifier
from caseworker.store.store import STORE_FILENAME, Store
from tests.unit.conftest import AGENT, SUPERVISOR


def _person(
    store: Store,
    given: str,
    family: str,
    phone: str,
    born: str | None = "1970-05-02",
    postcode: str = "LL57 2PW",
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
                NewIdentifier("address", "4 Stryd y Castell", postcode=postcode),
            ),
        )
    return cid


def _pairs(store: Store) -> set[frozenset[str]]:
    with store.read() as s:
        return {frozenset((c.first_id, c.second_id)) for c in review.candidates(s)}


def test_the_scan_finds_a_nickname_twin_and_not_a_namesake(council: Store) -> None:
    bill = _person(council, "Bill", "Pugh", "07700 900301")
    william = _person(council, "William", "Pugh", "07700 900301")
    # A namesake at the same address: different birth date, different phone.
    _person(council, "Dafydd", "Pugh", "07700 900302", born="1999-11-30")
    with council.write() as s:
        result = scan.scan(s)
    assert result.pairs >= 1 and result.found == 1
    assert _pairs(council) == {frozenset((bill, william))}
    with council.read() as s:
        (found,) = review.candidates(s)
    assert found.score >= scan.THRESHOLD
    assert any(r.code == "phone.exact" for r in found.reasons)
    assert any(r.code == "given.alias" for r in found.reasons)


def test_settled_pairs_leave_the_list_and_the_next_scan(council: Store) -> None:
    a = _person(council, "Bill", "Pugh", "07700 900301")
    b = _person(council, "William", "Pugh", "07700 900301")
    c = _person(council, "Sian", "Lloyd", "07700 900401")
    d = _person(council, "Siân", "Lloyd", "07700 900401")
    with council.write() as s:
        scan.scan(s)
    assert _pairs(council) == {frozenset((a, b)), frozenset((c, d))}
    with council.write() as s:
        merges.merge(s, SUPERVISOR, a, b, "same man")
        merges.not_same_person(s, SUPERVISOR, c, d, "twins")
    assert _pairs(council) == set()  # settled since the scan: gone at once
    with council.write() as s:
        result = scan.scan(s)
    assert result.found == 0 and _pairs(council) == set()


def test_a_block_too_common_to_use_is_skipped(
    council: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "MAX_BLOCK", 2)
    for n in range(3):  # three under one phone key (and one address): over the limit
        _person(council, ["Ann", "Bob", "Cai"][n], ["Jones", "Rees", "Owen"][n], "07700 900500")
    with council.write() as s:
        result = scan.scan(s)
    assert result.skipped_blocks >= 1


def test_the_command_line_merges_unmerges_and_lists(
    council: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _person(council, "Bill", "Pugh", "07700 900301")
    b = _person(council, "William", "Pugh", "07700 900301")
    folder = str(Path(council.path).parent)
    council.close()
    base = ["--data-dir", folder]
    assert main.run([*base, "duplicates", "scan"]) == 0
    assert main.run([*base, "duplicates", "list", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("[") :])
    assert [(p["first_id"], p["second_id"]) for p in listed] == [tuple(sorted((a, b)))]
    env_user = ["--as", "supervisor"]
    assert main.run([*base, "citizen", "merge", a, b, "--reason", "same", *env_user]) == 0
    merge_id = capsys.readouterr().out.strip()
    assert merge_id.startswith("merge:")
    assert main.run([*base, "show", "citizen", b, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["merged_into"] == a and [m["id"] for m in shown["merges"]] == [merge_id]
    assert main.run([*base, "duplicates", "list"]) == 0
    assert "no likely duplicates" in capsys.readouterr().out
    assert main.run([*base, "citizen", "unmerge", merge_id, "--reason", "no", *env_user]) == 0
    store = Store(Path(folder) / STORE_FILENAME)
    try:
        with store.read() as s:
            assert merges.resolve(s, b) == b
    finally:
        store.close()


def test_namesakes_sharing_only_a_district_are_not_scored(council: Store) -> None:
    for phone, postcode in (("07700 900601", "LL57 2PW"), ("07700 900602", "LL57 1AA")):
        with council.write() as s:
            citizens.create_citizen(
                s,
                AGENT,
                "Rhian",
                "Owen",
                identifiers=(
                    NewIdentifier("phone", phone),
                    NewIdentifier("address", "1 Ffordd Newydd", postcode=postcode),
                ),
            )
    with council.write() as s:
        result = scan.scan(s)
    assert (result.weak_only, result.pairs, result.found) == (0, 0, 0)  # not even paired


def test_a_record_typed_with_the_names_swapped_is_compared(council: Store) -> None:
    # Moved and a new phone too: nothing but both names and the birth date in common.
    _person(council, "Dafydd", "Rees", "07700 900701", "1970-02-03", "LL57 2PW")
    _person(council, "Rees", "Dafydd", "07700 900702", "1970-02-03", "SA1 1AA")
    with council.write() as s:
        result = scan.scan(s)
    assert result.pairs == 1


def test_one_who_moved_and_married_is_compared_through_phone_and_birth_date(
    council: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "MAX_BLOCK", 3)
    sioned = _person(council, "Sioned", "Jones", "07700 900800", "1988-07-14", "LL57 2PW")
    typo = _person(council, "Shioned", "Pugh", "07700 900800", "1988-07-14", "SA1 1AA")
    for given, family, born in (("Ann", "Owen", "1950-01-01"), ("Cai", "Lloyd", "1961-03-09")):
        _person(council, given, family, "07700 900800", born, "CF10 1AA")  # the phone: too common
    with council.write() as s:
        result = scan.scan(s)
    assert result.skipped_blocks >= 1  # the phone alone
    with council.read() as s:
        scored = {frozenset((c.first_id, c.second_id)) for c in review.candidates(s)}
    assert result.pairs >= 1
    assert scored <= {frozenset((sioned, typo))}


def test_a_typo_in_the_given_name_on_a_common_phone_is_scored_and_a_relative_is_not(
    council: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "MAX_BLOCK", 3)
    phone = "07700 900900"  # no birth dates: nothing but the names and the phone
    ids = [
        _person(council, given, family, phone, None, postcode)
        for given, family, postcode in (
            ("Gareth", "Jones", "LL57 2PW"),
            ("Gareht", "Jones", "SA1 1AA"),  # typed twice, the second time at work
            ("Tomos", "Jones", "CF10 1AA"),  # his son, on the family's landline
            ("Ann", "Owen", "CF10 1AB"),  # the phone is too common to block on alone
        )
    ]
    with council.write() as s:
        result = scan.scan(s)
    assert result.alike_given == 1
    assert result.weak_only == 2  # the son with each Gareth: never scored
    assert result.pairs == 1
    gareth, typo = ids[0], ids[1]
    assert _pairs(council) <= {frozenset((gareth, typo))}
