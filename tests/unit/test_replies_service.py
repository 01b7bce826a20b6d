"""Replying from a case on the laptop: templates of the case's service, the citizen's own
email addresses and mobile numbers, a preview, and a reply queued in the outbox offline."""

import pytest
from sqlalchemy import select

from caseworker.errors import ValidationError
from caseworker.models import Message
from caseworker.seed.reference import reply_templates
from caseworker.services import cases, replies
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewConsent, NewIdentifier, create_citizen
from caseworker.store import docstore, purge
from caseworker.store.store import Store
from tests.unit.conftest import AGENT

RECEIVED = "template:missed-bin-received"


def _setup(store: Store, language: str = "cy") -> str:
    with store.write() as s:
        for t in reply_templates(["missed-bin"]):
            docstore.put(s, {"type": "reply_template", "schema": 1, **t})
        docstore.put(
            s,
            {
                "_id": "template:missed-bin-broken",
                "type": "reply_template",
                "schema": 1,
                **{k: v for k, v in reply_templates(["missed-bin"])[0].items() if k != "_id"},
                "body_en": "Your ((national_insurance_number))",
            },
        )
        citizen_id, _ = create_citizen(
            s,
            AGENT,
            "Carys",
            "Jones",
            language=language,
            identifiers=(
                NewIdentifier("email", "carys@example.org"),
                NewIdentifier("phone", "07700 900123"),
                NewIdentifier("phone", "01248 123456"),  # a landline: no text messages
            ),
            # Replies need a valid basis for their channel (caseworker.access.consent).
            consents=(
                NewConsent("Updates on my cases", "public_task", "phone call", channel="email"),
                NewConsent("Updates on my cases", "public_task", "phone call", channel="sms"),
            ),
        )
        case_id, _ = cases.open_case(
            s, AGENT, NewCase("missed-bin", "Green bin not emptied", "phone", citizen_id)
        )
    return case_id


def test_the_reply_offers_the_services_usable_templates_and_the_citizens_own_addresses(
    council: Store,
) -> None:
    case_id = _setup(council)
    with council.read() as s:
        offered = replies.setup(s, case_id)
    assert offered.language == "cy"
    assert [t.id for t in offered.templates] == [  # by English name
        "template:missed-bin-return-visit",
        "template:missed-bin-in-progress",
        "template:missed-bin-received",
        "template:missed-bin-resolved",
    ]
    assert [r.value for r in offered.email] == ["carys@example.org"]
    assert [r.value for r in offered.sms] == ["07700 900123"]


def test_a_reply_is_queued_offline_in_welsh_with_the_case_filled_in(council: Store) -> None:
    case_id = _setup(council)
    with council.read() as s:
        offered = replies.setup(s, case_id)
        preview = replies.preview(s, AGENT, case_id, RECEIVED, "cy")
    assert preview.complete and "Annwyl Carys Jones" in preview.body
    with council.write() as s:
        message_id, _ = replies.send_reply(
            s,
            AGENT,
            case_id,
            template_id=RECEIVED,
            language="cy",
            channel="email",
            recipient_id=offered.email[0].identifier_id,
        )
    with council.read() as s:
        row = s.scalar(select(Message).where(Message.id == message_id))
        assert row is not None
        assert (row.state, row.recipient, row.by, row.language) == (
            "queued",
            "carys@example.org",
            AGENT.staff_id,
            "cy",
        )
        assert row.body == preview.body and row.subject == preview.subject
        assert [m.id for m in replies.case_messages(s, case_id)] == [message_id]


def test_a_reply_to_someone_not_on_the_citizen_or_by_sms_to_a_landline_is_refused(
    council: Store,
) -> None:
    case_id = _setup(council)
    with council.read() as s:
        citizen = docstore.get(s, replies.setup(s, case_id).citizen_id)
    assert citizen is not None
    landline = next(i["id"] for i in citizen["identifiers"] if i["value"].startswith("01248"))
    email = next(i["id"] for i in citizen["identifiers"] if i["kind"] == "email")
    for channel, recipient, reason in (
        ("sms", landline, "mobile numbers"),
        ("sms", email, "mobile numbers"),
        ("email", "someone-else", "email addresses"),
        ("letter", email, "email or text message"),
    ):
        with pytest.raises(ValidationError, match=reason), council.write() as s:
            replies.send_reply(
                s,
                AGENT,
                case_id,
                template_id=RECEIVED,
                language="en",
                channel=channel,
                recipient_id=recipient,
            )
    with council.read() as s:
        assert replies.case_messages(s, case_id) == []


def test_a_template_with_an_unknown_placeholder_is_never_offered_or_sent(council: Store) -> None:
    case_id = _setup(council)
    with council.read() as s:
        offered = replies.setup(s, case_id)
    assert "template:missed-bin-broken" not in {t.id for t in offered.templates}
    with pytest.raises(ValidationError, match="unknown placeholder"), council.write() as s:
        replies.send_reply(
            s,
            AGENT,
            case_id,
            template_id="template:missed-bin-broken",
            language="en",
            channel="email",
            recipient_id=offered.email[0].identifier_id,
        )


def test_a_case_that_leaves_the_laptop_takes_its_replies_with_it(council: Store) -> None:
    case_id = _setup(council)
    with council.read() as s:
        offered = replies.setup(s, case_id)
    with council.write() as s:
        message_id, _ = replies.send_reply(
            s,
            AGENT,
            case_id,
            template_id=RECEIVED,
            language="en",
            channel="email",
            recipient_id=offered.email[0].identifier_id,
        )
        pushed = docstore.last_seq(s)
    with council.write() as s:
        done = purge.purge(s, [case_id], pushed=pushed)
    assert message_id in {w.doc_id for w in done.written}
    with council.read() as s:
        assert docstore.get(s, message_id) is None
        assert s.get(Message, message_id) is None
