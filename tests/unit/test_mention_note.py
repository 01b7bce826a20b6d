"""A collected post becomes a mention document; an edit or a deletion at its source changes
what it said and never its triage."""

from caseworker.documents.codec import check
from caseworker.mentions.note import deleted, mention_id, mention_prefix, new_mention, updated

CONTENT = {
    "network": "mastodon",
    "remote_id": "109372",
    "url": "https://mastodon.example/@bryn/109372",
    "author_handle": "@bryn@mastodon.example",
    "author_url": "https://mastodon.example/@bryn",
    "author_name": "Bryn",
    "content_text": "Pothole on the High Street",
    "content_html": "<p>Pothole on the High Street</p>",
    "published_at": "2026-01-05T09:00:00.000Z",
    "attachments": [{"kind": "image", "url": "https://files.example/p.jpg"}],
    "visibility": "public",
    "language": "en",
    "tags": ["potholes"],
    "mentioned": ["@council@mastodon.example"],
}
TRIAGE = {
    "state": "case_opened",
    "citizen_id": "citizen:1",
    "case_id": "case:1",
    "triaged_by": "staff:agent",
    "triaged_at": "2026-01-05T10:00:00.000Z",
}


def collected() -> dict[str, object]:
    doc = new_mention(mention_id("mastodon", "mastodon.example", "109372"), CONTENT)
    doc["_rev"] = "1-a"
    return doc


def test_every_collector_names_a_post_alike() -> None:
    assert mention_id("mastodon", "Mastodon.Example", "109372") == (
        "mention:mastodon-mastodon.example-109372"
    )
    long_host = "a" * 80 + ".example"
    one, two = mention_id("mastodon", long_host, "1"), mention_id("mastodon", long_host, "2")
    assert len(one) <= 64 and one != two and one.startswith(mention_prefix("mastodon", long_host))
    assert "/" not in mention_id("mastodon", "x.example", "../../_design/x")
    # Ids that differ only in case, or in an unsafe character, stay apart.
    ids = {mention_id("bsky", "x.example", r) for r in ("AbC", "abc", "a/b", "a_b", "a~b")}
    assert len(ids) == 5
    assert len(mention_id("mastodon", "x.example", "9" * 100)) <= 64


def test_a_collected_post_is_a_new_valid_mention() -> None:
    doc = collected()
    assert doc["state"] == "new"
    check(doc)


def test_an_edit_after_triage_changes_the_text_and_keeps_the_triage() -> None:
    current = {**collected(), **TRIAGE, "_rev": "2-b"}
    edit = {**CONTENT, "content_text": "Pothole on the High Street, now bigger"}
    edit["edited_at"] = "2026-01-05T11:00:00.000Z"
    body = updated(current, edit)
    assert body is not None
    assert body["content_text"].endswith("now bigger")
    assert {k: body[k] for k in TRIAGE} == TRIAGE
    assert body["_rev"] == "2-b"
    check(body)


def test_an_adapter_cannot_send_triage() -> None:
    current = {**collected(), **TRIAGE}
    body = updated(current, {**CONTENT, "content_text": "changed", "state": "new"})
    assert body is not None and body["state"] == "case_opened"


def test_an_edit_that_changes_nothing_writes_nothing() -> None:
    assert updated(collected(), CONTENT) is None


def test_an_edit_removing_an_attachment_removes_it() -> None:
    body = updated(collected(), {**CONTENT, "attachments": []})
    assert body is not None and "attachments" not in body


def test_a_deletion_after_a_case_was_made_removes_the_words_and_keeps_the_case() -> None:
    current = {**collected(), **TRIAGE}
    body = deleted(current, "2026-01-06T08:00:00.000Z")
    assert body is not None
    assert body["content_text"] == "" and body["deleted_at"] == "2026-01-06T08:00:00.000Z"
    for gone in ("content_html", "attachments", "tags", "mentioned"):
        assert gone not in body
    assert {k: body[k] for k in TRIAGE} == TRIAGE
    assert body["author_handle"] == "@bryn@mastodon.example"
    check(body)
    # Deleted once; a late edit brings nothing back.
    assert deleted(body, "2026-01-07T08:00:00.000Z") is None
    assert updated(body, CONTENT) is None
