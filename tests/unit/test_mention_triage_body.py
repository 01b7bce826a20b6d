"""A mention's triage body: only the triage fields change, links need their target, and the
result passes the access rules' own check for a triager."""

import pytest

from caseworker.access.people import Person
from caseworker.access.rules import _mention
from caseworker.errors import ValidationError
from caseworker.mentions.triage import triaged

POST = {
    "_id": "mention:mastodon-social.example-1",
    "type": "mention",
    "network": "mastodon",
    "content_text": "The bins on Heol y Coed were missed again",
    "author_handle": "@dai@social.example",
    "state": "new",
}


def test_linking_names_the_citizen_and_signs_the_triage() -> None:
    body = triaged(POST, "linked", by="staff:a", at="2026-12-03T09:00:00Z", citizen_id="citizen:1")
    assert body["state"] == "linked"
    assert (body["citizen_id"], body["triaged_by"], body["triaged_at"]) == (
        "citizen:1",
        "staff:a",
        "2026-12-03T09:00:00Z",
    )
    assert {
        k: v
        for k, v in body.items()
        if k not in ("state", "citizen_id", "triaged_by", "triaged_at")
    } == {k: v for k, v in POST.items() if k != "state"}
    assert _mention(Person("a", "agent", staff_id="staff:a", social=True), body, POST) is None


def test_a_later_state_keeps_the_citizen_and_case() -> None:
    linked = triaged(
        POST, "linked", by="staff:a", at="2026-12-03T09:00:00Z", citizen_id="citizen:1"
    )
    opened = triaged(
        linked, "case_opened", by="staff:a", at="2026-12-03T09:01:00Z", case_id="case:9"
    )
    answered = triaged(opened, "answered", by="staff:b", at="2026-12-03T10:00:00Z")
    assert (answered["citizen_id"], answered["case_id"]) == ("citizen:1", "case:9")


def test_back_to_new_forgets_the_links() -> None:
    linked = triaged(
        POST, "linked", by="staff:a", at="2026-12-03T09:00:00Z", citizen_id="citizen:1"
    )
    again = triaged(linked, "new", by="staff:a", at="2026-12-03T09:05:00Z")
    assert "citizen_id" not in again and again["state"] == "new"


@pytest.mark.parametrize(
    ("state", "kwargs"),
    [
        ("linked", {}),
        ("case_opened", {}),
        ("triaged", {}),
        ("", {}),
        ("linked", {"case_id": "case:1"}),
    ],
)
def test_a_state_without_its_target_or_unknown_is_refused(
    state: str, kwargs: dict[str, str]
) -> None:
    with pytest.raises(ValidationError):
        triaged(POST, state, by="staff:a", at="2026-12-03T09:00:00Z", **kwargs)
