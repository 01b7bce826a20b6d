"""Pair scoring: canonical forms, comparison levels, and what a match says and why."""

import pytest

from caseworker.identity import Address, compare, describe, english, normalise, person
from caseworker.identity.names import are_aliases, name_root


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("07700 900123", "+447700900123"),
        ("+44 (0)7700 900123", "+447700900123"),
        ("0044 7700 900123", "+447700900123"),
        ("\u200f07700\u200e 900123", "+447700900123"),
        ("not a number", None),
        ("", None),
        ("1" * 10_000, None),
    ],
)
def test_phones_are_read_as_e164_with_the_uk_as_default(typed: str, canonical: str | None) -> None:
    assert normalise.phone(typed) == canonical


def test_gmail_dots_and_tags_are_dropped_but_other_providers_keep_theirs() -> None:
    assert normalise.email(" Jo.Bloggs+council@GoogleMail.com ") == "jobloggs@gmail.com"
    assert normalise.email("jo.bloggs+council@example.org") == "jo.bloggs+council@example.org"
    assert normalise.email("no-at-sign") is None
    assert normalise.email("+@gmail.com") is None


def test_handles_take_one_canonical_form_and_a_bare_name_names_no_one() -> None:
    forms = ["@Ann@Mastodon.Example", "ann@mastodon.example", "https://mastodon.example/@ann"]
    assert {normalise.handle(f) for f in forms} == {"@ann@mastodon.example"}
    assert normalise.handle("@ann") is None
    assert normalise.handle("🙂") is None


def test_names_fold_case_accents_marks_and_spaces_but_keep_welsh_digraphs() -> None:
    assert normalise.fold_name("  Siân\u200f  ") == "sian"
    assert normalise.fold_name("O'Neill-Jones") == "oneill jones"
    assert normalise.fold_name("Llŷr") == "llyr"
    assert normalise.fold_name("🙂🙂") == ""
    assert len(normalise.fold_name("a" * 10_000)) == normalise.MAX_NAME


def test_sound_keys_join_spellings_that_sound_alike() -> None:
    key = normalise.sound_key
    assert key("llewelyn") == key("llywelyn")
    assert key("davies") == key("davis")
    assert key("smith") != key("jones")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bill", "William"),
        ("Peggy", "Margaret"),
        ("Siôn", "John"),
        ("Dafydd", "David"),
        ("Gwilym", "William"),
        ("Siân", "Jane"),
        ("Ieuan", "Evan"),
        ("Ieuan", "John"),
    ],
)
def test_nicknames_and_welsh_forms_are_one_name(a: str, b: str) -> None:
    fa, fb = normalise.fold_name(a), normalise.fold_name(b)
    assert are_aliases(fa, fb)
    assert name_root(fa) == name_root(fb) or a == "Ieuan"


def test_a_nickname_is_not_anyone_elses_name() -> None:
    assert not are_aliases("bill", "margaret")
    assert not are_aliases("gareth", "gary")


def _citizen(id: str, **kw: object) -> object:
    base: dict[str, object] = {
        "given_name": "John",
        "family_name": "Davies",
        "date_of_birth": "1980-02-03",
        "addresses": [Address("12 Heol y Bont", "CF10 1AB", "100100000001")],
        "phones": ["07700 900123"],
        "emails": ["john.davies@example.org"],
    }
    base.update(kw)
    return person(id, **base)  # type: ignore[arg-type]


def test_the_same_person_typed_twice_is_a_certain_match() -> None:
    match = compare(_citizen("a"), _citizen("b"))  # type: ignore[arg-type]
    assert match.probability > 0.999
    assert {r.code for r in match.reasons} >= {"phone.exact", "given.exact", "dob.exact"}


def test_a_nickname_and_a_spelling_say_so_in_the_reasons() -> None:
    a = _citizen("a", given_name="Jon", family_name="Davis")
    match = compare(a, _citizen("b"))  # type: ignore[arg-type]
    words = describe(match)
    assert "given name differs: Jon/John (nickname or Welsh form)" in words
    assert "family name differs: Davis/Davies (spelling)" in words
    assert match.probability > 0.99


def test_a_namesake_at_the_same_postcode_with_another_birthday_is_not_a_match() -> None:
    a = _citizen("a", phones=[], emails=[], addresses=[Address("3 Heol y Bont", "CF10 1AB")])
    b = _citizen("b", date_of_birth="1962-11-30", phones=[], emails=[])
    match = compare(a, b)  # type: ignore[arg-type]
    assert match.probability < 0.5
    assert "different date of birth" in [english(r) for r in match.reasons]


def test_a_family_landline_shared_by_ten_counts_for_less_than_a_private_number() -> None:
    a = person("a", given_name="Ann", family_name="Hughes", phones=["01632 960001"])
    b = person("b", given_name="Ann", family_name="Hughes", phones=["01632 960001"])
    private = compare(a, b, holders={"+441632960001": 2}, population=2_000)
    shared = compare(a, b, holders={"+441632960001": 10}, population=2_000)
    assert shared.weight < private.weight
    phone = next(r for r in shared.reasons if r.field == "phone")
    assert phone.holders == 10 and phone.weight >= 0
    assert "shared by 10 citizens" in english(phone)


def test_given_and_family_names_typed_the_wrong_way_round_are_recognised() -> None:
    a = _citizen("a", given_name="Davies", family_name="John")
    match = compare(a, _citizen("b"))  # type: ignore[arg-type]
    assert match.swapped_names
    assert describe(match).startswith(f"{match.probability:.1%}: given and family names swapped")


def test_empty_garbage_and_huge_fields_are_missing_not_evidence() -> None:
    junk = person(
        "j",
        given_name="\u202e" + "🙂" * 5000,
        family_name="x" * 10_000,
        date_of_birth="31/02/1980",
        addresses=[Address("", "not a postcode", "UPRN?")],
        phones=["call me"],
        emails=["@"],
        handles=["@"],
    )
    match = compare(junk, _citizen("b"))  # type: ignore[arg-type]
    assert {r.field for r in match.reasons} == {"family"}
    assert match.probability < 0.01


def test_counted_over_the_whole_council_a_handle_one_citizen_holds_weighs_as_rare() -> None:
    handle = "@jo_b@mastodon.example"
    author = person("mention:1", given_name="Jo", family_name="Bloggs", handles=[handle])
    jo = person("citizen:1", given_name="Jo", family_name="Bloggs", handles=[handle])
    on_a_laptop = compare(author, jo, holders={handle: 1}, population=20)
    central = compare(author, jo, holders={handle: 1}, population=20, whole_council=True)
    shared = compare(author, jo, holders={handle: 2}, population=20, whole_council=True)
    assert on_a_laptop.probability < 0.99  # a laptop's count of 1 proves nothing
    assert central.probability >= 0.99
    assert central.weight - shared.weight == pytest.approx(1.0)  # one bit per doubling
    # The handle alone, or the name alone, is never enough, however rare the handle.
    alone = person("mention:2", handles=[handle])
    assert compare(alone, jo, holders={handle: 1}, whole_council=True).probability < 0.6
    name_only = person("mention:3", given_name="Jo", family_name="Bloggs")
    assert compare(name_only, jo, population=20, whole_council=True).probability < 0.1
