"""Who may write a mention: the central collector writes what the post said; supervisors and
the agents of a social-media queue write only its triage, in their own name."""

import pytest

from caseworker.access.channels import MENTIONS, shared_roots
from caseworker.access.people import Person, person_from, social_queue
from caseworker.access.writes import judge
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    AT,
    OFFICER,
    PARKING_AGENT,
    SUPERVISOR,
    create,
    delete,
    edit,
    mention,
    side_edit,
)

LATER = "2026-01-05T09:30:00.000Z"
TRIAGERS = (AGENT, SUPERVISOR)


def triaged(person: Person, **changes: object) -> dict[str, object]:
    return {"triaged_by": person.staff_id, "triaged_at": LATER, **changes}


@pytest.mark.parametrize("person", (AGENT, OFFICER, SUPERVISOR, PARKING_AGENT))
def test_a_laptop_cannot_forge_a_mention(person: Person) -> None:
    forged = mention("mention:mastodon-mastodon.example-9", content_text="Pay the fine here")
    assert "collected by the council" in str(judge(person, create(forged), frozenset({"*"})))


@pytest.mark.parametrize("person", TRIAGERS)
def test_a_triager_cannot_change_what_the_post_said(person: Person) -> None:
    current = mention()
    for change in (
        {"content_text": "I love the council"},
        {"content_html": "<p>I love the council</p>"},
        {"author_handle": "@someone.else@mastodon.example"},
        {"deleted_at": LATER},
        {"attachments": [{"kind": "image", "url": "https://x.example/a.png"}]},
    ):
        reason = judge(person, edit(current, **triaged(person, state="dismissed"), **change), ALL)
        assert reason is not None and "only a mention's triage" in reason, change


@pytest.mark.parametrize("person", TRIAGERS)
def test_a_triager_links_dismisses_and_answers_in_their_own_name(person: Person) -> None:
    current = mention()
    for change in (
        triaged(person, state="linked", citizen_id="citizen:1"),
        triaged(person, state="case_opened", citizen_id="citizen:1", case_id="case:1"),
        triaged(person, state="answered"),
        triaged(person, state="dismissed"),
    ):
        assert judge(person, edit(current, **change), ALL) is None, change
    # An offline triage that lost a conflict is still the same person's triage.
    assert judge(person, side_edit(current, **triaged(person, state="dismissed")), ALL) is None


@pytest.mark.parametrize("person", TRIAGERS)
def test_triage_is_signed_with_who_and_when(person: Person) -> None:
    current = mention()
    unsigned = edit(current, state="dismissed")
    assert "your own name" in str(judge(person, unsigned, ALL))
    someone_else = edit(current, state="dismissed", triaged_by="staff:colleague", triaged_at=LATER)
    assert "your own name" in str(judge(person, someone_else, ALL))
    no_time = edit(current, state="dismissed", triaged_by=person.staff_id)
    assert "your own name" in str(judge(person, no_time, ALL))


def test_a_link_names_what_it_links_to() -> None:
    current = mention()
    linked = edit(current, **triaged(AGENT, state="linked"))
    assert "which citizen" in str(judge(AGENT, linked, ALL))
    case = edit(current, **triaged(AGENT, state="case_opened", citizen_id="citizen:1"))
    assert "which case" in str(judge(AGENT, case, ALL))


@pytest.mark.parametrize("person", (OFFICER, PARKING_AGENT))
def test_who_is_not_on_a_social_media_queue_neither_holds_nor_triages_mentions(
    person: Person,
) -> None:
    assert MENTIONS not in shared_roots(person)
    reason = judge(person, edit(mention(), **triaged(person, state="dismissed")), ALL)
    assert reason is not None and "triage mentions" in reason


def test_supervisors_and_admins_hold_mentions_whatever_their_queues() -> None:
    lone = Person("sue", "supervisor", "staff:sue")
    assert MENTIONS in shared_roots(lone)
    assert judge(lone, edit(mention(), **triaged(lone, state="dismissed")), ALL) is None
    assert judge(ADMIN, create(mention("mention:2")), ALL) is None  # the collector's account


def test_a_queue_takes_social_media_work_when_its_channels_name_social() -> None:
    contact = {"_id": "queue:contact", "type": "queue", "channels": ["social", "phone"]}
    assert social_queue(contact)
    assert not social_queue({**contact, "channels": ["phone"]})
    assert not social_queue({**contact, "channels": "social"})  # not a list: not trusted
    assert not social_queue({**contact, "type": "staff"})
    assert not social_queue(None)


def test_a_person_is_social_only_through_their_own_queues() -> None:
    staff = {"_id": "staff:ann", "queue_ids": ["queue:parking"]}
    roles = ("agent", "staff:staff:ann")
    assert not person_from("ann", roles, staff, {"queue:contact"}).social
    staff["queue_ids"] = ["queue:parking", "queue:contact"]
    assert person_from("ann", roles, staff, {"queue:contact"}).social
    # Someone else's staff document gives no queues, so no mentions.
    assert not person_from("ann", ("agent", "staff:staff:bob"), staff, {"queue:contact"}).social


def test_nobody_but_an_admin_deletes_a_mention() -> None:
    for person in (AGENT, SUPERVISOR):
        assert "only an admin" in str(judge(person, delete(mention()), ALL))
    assert judge(ADMIN, delete(mention()), ALL) is None


def test_writing_the_servers_revision_again_changes_nothing_and_is_allowed() -> None:
    current = mention(state="dismissed", triaged_by="staff:colleague", triaged_at=AT)
    assert judge(AGENT, edit(current), ALL) is None


ALL = frozenset({"*"})
