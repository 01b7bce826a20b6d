"""Who may write replies and reply templates: a member queues a reply in their own name on a
case they hold; nobody but the central worker (an admin) records whether it was sent."""

from typing import Any

import pytest

from caseworker.access.channels import CATALOGUE, root_of
from caseworker.access.people import Person
from caseworker.access.writes import Write, judge
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    COLLEAGUE,
    NON_ADMINS,
    OFFICER,
    case,
    create,
    delete,
    doc,
    edit,
    roots,
    side_edit,
)

HELD = case("case:1", queue_id="queue:contact", citizen_id="citizen:1")
ELSEWHERE = case("case:3", queue_id="queue:planning", citizen_id="citizen:3")
AT = "2026-12-02T10:00:00.000Z"


def message(by: str = "staff:agent", case_id: str = "case:1", **fields: Any) -> dict[str, Any]:
    base = {
        "case_id": case_id,
        "citizen_id": "citizen:1",
        "channel": "email",
        "recipient_id": "i1",
        "recipient": "carys@example.org",
        "language": "cy",
        "subject": "Eich achos",
        "body": "Annwyl Carys",
        "at": AT,
        "by": by,
        "state": "queued",
    }
    base.update(fields)
    return doc("message", "message:1", **{k: v for k, v in base.items() if v is not None})


def template(**fields: Any) -> dict[str, Any]:
    base = {
        "service_code": "missed-bin",
        "name_en": "Received",
        "name_cy": "Wedi dod i law",
        "subject_en": "Case ((reference))",
        "subject_cy": "Achos ((reference))",
        "body_en": "Dear ((citizen_name))",
        "body_cy": "Annwyl ((citizen_name))",
        "active": True,
    }
    return doc("reply_template", "template:1", **{**base, **fields})


def test_a_huge_reply_is_refused() -> None:
    found = verdict(AGENT, create({**message(), "body": "x" * 5001}))
    assert found is not None and "longer than 5000" in found


def test_a_text_message_longer_than_notify_sends_is_refused() -> None:
    long_text = message(channel="sms", subject=None, recipient="07700 900123", body="x" * 919)
    found = verdict(AGENT, create(long_text))
    assert found is not None and "send this reply by email" in found
    assert verdict(AGENT, create({**long_text, "channel": "email"})) is None


def verdict(person: Person, write: Write) -> str | None:
    return judge(person, write, roots(person, HELD, ELSEWHERE))


def test_a_reply_follows_its_case_and_templates_are_the_public_catalogue() -> None:
    assert root_of("message:1", message()) == "case:1"
    assert root_of("template:1", template()) == CATALOGUE


def test_an_agent_queues_a_reply_on_a_case_they_hold_in_their_own_name() -> None:
    assert verdict(AGENT, create(message())) is None


@pytest.mark.parametrize(
    ("person", "new", "reason"),
    [
        (COLLEAGUE, message(), "your own name"),
        (AGENT, message(case_id="case:3"), "case in your work"),
        (OFFICER, message(by="staff:officer"), "case in your work"),
        (AGENT, message(state="sent", notify_id="n-1"), "only the council's central service"),
        (AGENT, message(state="queued", notify_id="n-1"), "only the council's central service"),
    ],
)
def test_a_reply_out_of_scope_in_another_name_or_already_sent_is_refused(
    person: Person, new: dict[str, Any], reason: str
) -> None:
    found = verdict(person, create(new))
    assert found is not None and reason in found


@pytest.mark.parametrize("person", NON_ADMINS)
@pytest.mark.parametrize(
    "changes",
    [
        {"state": "sent", "notify_id": "forged"},
        {"state": "delivered"},
        {"body": "Something else entirely"},
        {"recipient": "someone-else@example.org"},
    ],
)
def test_nobody_but_the_central_worker_changes_a_written_reply(
    person: Person, changes: dict[str, Any]
) -> None:
    current = message(by=person.staff_id)
    for write in (edit(current, **changes), side_edit(current, **changes)):
        found = verdict(person, write)
        assert found is not None and "cannot be changed once written" in found
    assert verdict(person, delete(current)) is not None
    assert verdict(person, delete(current, winner=False)) is not None


def test_the_central_worker_records_the_send_status() -> None:
    current = message()
    assert verdict(ADMIN, edit(current, state="sending")) is None
    assert verdict(ADMIN, edit(current, state="sent", notify_id="n-1", state_at=AT)) is None


@pytest.mark.parametrize("person", NON_ADMINS)
def test_only_an_admin_writes_reply_templates(person: Person) -> None:
    for write in (create(template()), edit(template(), name_en="Renamed")):
        assert verdict(person, write) == "only an admin can change the council's reply templates"
    assert verdict(ADMIN, create(template())) is None
