"""Redaction of other people's data in free text: what is replaced, and what never is (the
person's own names and identifiers, dates, references, staff ids)."""

from collections.abc import Set

from caseworker.sar.redact import REDACTED, Own, Redactor, name_candidates


class Known:
    def __init__(self, *names: str) -> None:
        self.known = {n.casefold() for n in names}

    def names(self, candidates: Set[str]) -> set[str]:
        return self.known & set(candidates)


OWN_DOC = {
    "_id": "citizen:me",
    "type": "citizen",
    "given_name": "Siân",
    "family_name": "Jones",
    "identifiers": [
        {"kind": "phone", "value": "07700 900123"},
        {"kind": "email", "value": "Sian@example.org"},
        {"kind": "social", "value": "@sian@toot.example"},
    ],
}


def _redactor(*others: str) -> Redactor:
    own = Own.of(frozenset({"citizen:me"}), [OWN_DOC])
    return Redactor(own, Known(*others).names({n.casefold() for n in others}))


def test_another_citizens_name_in_any_case_and_with_curly_apostrophes_is_replaced() -> None:
    text, kinds = _redactor("Dafydd O'Neill", "Gwenllïan ap Rhys").text(
        "Met DAFYDD O’NEILL and gwenllïan ap rhys at the door."
    )
    assert text == f"Met {REDACTED} and {REDACTED} at the door." and kinds == ["name", "name"]


def test_a_possessive_name_is_replaced_and_its_ending_kept() -> None:
    text, kinds = _redactor("Eira Threlkeld").text("Eira Threlkeld's bin, and EIRA THRELKELD’ dog")
    assert text == f"{REDACTED}'s bin, and {REDACTED}’ dog" and kinds == ["name", "name"]


def test_the_persons_own_name_is_kept_even_when_another_citizen_shares_it() -> None:
    text, kinds = _redactor("Siân Jones").text("Siân Jones called again.")
    assert text == "Siân Jones called again." and kinds == []


def test_phones_emails_and_handles_not_their_own_are_replaced_theirs_kept() -> None:
    text, kinds = _redactor().text(
        "Call +44 (0)7700 900123 or 01632 960 001; mail SIAN@example.org or bob@x.example; "
        "@sian@toot.example and @bob@toot.example"
    )
    assert "+44 (0)7700 900123" in text and "SIAN@example.org" in text
    assert "@sian@toot.example" in text
    assert "01632" not in text and "bob@" not in text and "@bob" not in text
    assert sorted(kinds) == ["email", "handle", "phone"]


def test_dates_times_references_uprns_and_staff_ids_are_not_phones() -> None:
    sample = "On 2026-12-02T10:15:00.000Z, case CW-20261202-7KQ2, UPRN 100100000007, staff:ann"
    text, kinds = _redactor().text(sample)
    assert text == sample and kinds == []


def test_another_citizens_record_id_is_replaced_and_their_own_kept() -> None:
    text, kinds = _redactor().text("merged citizen:other into citizen:me")
    assert text == f"merged {REDACTED} into citizen:me" and kinds == ["citizen_id"]


def test_names_are_looked_for_only_in_runs_of_words_separated_by_spaces() -> None:
    found = name_candidates("Ann Lee, Bob. Mary Ann Evans")
    assert "ann lee" in found and "mary ann evans" in found
    assert "lee bob" not in found and "bob mary" not in found


def test_records_merged_into_theirs_and_their_cases_are_found_in_any_order() -> None:
    from caseworker.sar.collect import Subject, select

    docs = [
        {"_id": "case:b", "type": "case", "citizen_id": "citizen:older"},  # before its record
        {"_id": "citizen:older", "type": "citizen", "merged_into": "citizen:old"},
        {"_id": "citizen:old", "type": "citizen", "merged_into": "citizen:me"},
        {"_id": "citizen:me", "type": "citizen"},
        {"_id": "note:1", "type": "note", "case_id": "case:b", "text": "x"},
        {"_id": "case:z", "type": "case", "citizen_id": "citizen:else"},
        {"_id": "note:2", "type": "note", "case_id": "case:z", "citizen_id": "citizen:me"},
        {"_id": "_design/x", "type": "citizen", "merged_into": "citizen:me"},
    ]
    subject = Subject("citizen:me")
    passes = 1
    while subject.learn(docs):
        passes += 1
    assert subject.records == {"citizen:me", "citizen:old", "citizen:older"}
    assert subject.cases == {"case:b"} and passes <= 3
    found = [d["_id"] for d in select(subject, docs).documents]
    # note:2 hangs off another person's case but names them: it is about them too.
    assert found == ["case:b", "citizen:me", "citizen:old", "citizen:older", "note:1", "note:2"]
