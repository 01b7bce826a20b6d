"""The demo council's mentions look like what the collector writes: valid, safe, in English
and Welsh, in every triage state with its links, some from citizens' own handles."""

import random
from collections import Counter
from typing import Any

from caseworker.documents.codec import check
from caseworker.mentions.sanitise import clean_html
from caseworker.seed.mentions import make_mention

NOW = 1_767_600_000_000
STAFF = ["staff:agent", "staff:supervisor"]


def citizen(n: int, handle: str | None) -> dict[str, Any]:
    idents = [{"kind": "social", "value": handle}] if handle else []
    return {"_id": f"citizen:{n}", "given_name": "Carys", "family_name": "Jones",
            "identifiers": idents}  # fmt: skip


def made(count: int = 600) -> list[dict[str, Any]]:
    rng = random.Random(7)
    docs = []
    for n in range(count):
        person = citizen(n, f"@carys{n}@mastodon.example" if n % 3 == 0 else None)
        about = person if n % 2 == 0 else None
        docs.append(make_mention(rng, "t", n, NOW - n * 60_000, about, STAFF, f"case:{n}"))
    return docs


def test_every_seeded_mention_is_valid_and_as_safe_as_a_collected_one() -> None:
    docs = made()
    assert len({d["_id"] for d in docs}) == len(docs)
    for doc in docs:
        check(doc)
        if "content_html" in doc:
            assert clean_html(doc["content_html"]) == doc["content_html"]


def test_seeded_triage_is_consistent_and_signed() -> None:
    docs = made()
    states = Counter(d["state"] for d in docs)
    assert set(states) == {"new", "linked", "case_opened", "answered", "dismissed"}
    for doc in docs:
        if doc["state"] != "new":
            assert doc["triaged_by"] in STAFF and doc["triaged_at"]
        if doc["state"] == "linked":
            assert doc["citizen_id"]
        if doc["state"] == "case_opened":
            assert doc["citizen_id"] and doc["case_id"]
        if doc.get("deleted_at"):
            assert doc["content_text"] == "" and "content_html" not in doc


def test_some_come_from_citizens_own_handles_and_both_languages_are_there() -> None:
    docs = made()
    own = [d for d in docs if d["author_handle"].startswith("@carys")]
    assert own and all(d["author_name"] == "Carys Jones" for d in own)
    assert {d["language"] for d in docs} == {"en", "cy"}
