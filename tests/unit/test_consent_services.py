"""Consent that acts, on the laptop: a contact the citizen made is recorded whatever their
consents say; sharing with a partner needs a consent for that partner and the citizen's
identity verified; a reply by text needs a consent for text, not for email."""

import pytest

from caseworker.errors import ValidationError
from caseworker.models import AssuranceCheck, Consent
from caseworker.seed.reference import reply_templates
from caseworker.services import assurance, cases, consents, contacts, replies
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewConsent, NewIdentifier, add_consent, create_citizen
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.unit.conftest import AGENT


def _citizen(store: Store, *given: NewConsent) -> str:
    with store.write() as s:
        citizen_id, _ = create_citizen(
            s,
            AGENT,
            "Carys",
            "Jones",
            identifiers=(NewIdentifier("email", "carys@example.org"),),
            consents=given,
        )
    return citizen_id


def test_a_contact_the_citizen_made_is_recorded_with_no_consent_or_a_withdrawn_one(
    council: Store,
) -> None:
    email = NewConsent("Updates", "consent", "web form", channel="email")
    for given in ((), (email,)):
        citizen_id = _citizen(council, *given)
        with council.write() as s:
            for c in consents.listed(s, citizen_id):
                consents.withdraw(s, AGENT, citizen_id, c.id)
            for channel in ("email", "phone", "social"):
                contact_id, _ = contacts.record_interaction(
                    s, AGENT, channel=channel, direction="inbound", summary="Asked about bins",
                    citizen_id=citizen_id,
                )  # fmt: skip
                assert docstore.get(s, contact_id) is not None


def test_a_share_needs_that_partners_consent_and_the_identity_verified(council: Store) -> None:
    citizen_id = _citizen(
        council, NewConsent("Help with heating", "consent", "phone call", partner="Age Cymru")
    )
    with council.write() as s:
        with pytest.raises(ValidationError, match="only with Age Cymru"):
            consents.share(s, AGENT, citizen_id, "Citizens Advice", "contact details")
        with pytest.raises(ValidationError, match="identity verified"):
            consents.share(s, AGENT, citizen_id, "Age Cymru", "contact details")
        assurance.record_check(
            s, AGENT, citizen_id, assurance.NewCheck("document_seen", detail="passport")
        )
        consents.share(s, AGENT, citizen_id, "Age Cymru", "contact details")
    with council.read() as s:
        (check,) = s.query(AssuranceCheck).filter_by(citizen_id=citizen_id).all()
        assert (check.method, check.detail, check.by) == (
            "document_seen",
            "passport",
            AGENT.staff_id,
        )
        (consent,) = s.query(Consent).filter_by(citizen_id=citizen_id).all()
        assert consent.partner == "Age Cymru" and consent.recorded_by == AGENT.staff_id


def test_a_reply_by_text_needs_a_consent_for_text_not_for_email(council: Store) -> None:
    with council.write() as s:
        for t in reply_templates(["missed-bin"]):
            docstore.put(s, {"type": "reply_template", "schema": 1, **t})
        citizen_id, _ = create_citizen(
            s, AGENT, "Carys", "Jones",
            identifiers=(NewIdentifier("email", "carys@example.org"),
                         NewIdentifier("phone", "07700 900123")),
            consents=(NewConsent("Updates", "consent", "web form", channel="email"),),
        )  # fmt: skip
        case_id, _ = cases.open_case(
            s, AGENT, NewCase("missed-bin", "Green bin not emptied", "phone", citizen_id)
        )
        offered = replies.setup(s, case_id)
        send = {"template_id": "template:missed-bin-received", "language": "en"}
        with pytest.raises(ValidationError, match="contacting them by text message"):
            replies.send_reply(s, AGENT, case_id, channel="sms",
                               recipient_id=offered.sms[0].identifier_id, **send)  # fmt: skip
        replies.send_reply(s, AGENT, case_id, channel="email",
                           recipient_id=offered.email[0].identifier_id, **send)  # fmt: skip
        add_consent(s, AGENT, citizen_id, NewConsent("Texts", "consent", "call", channel="sms"))
        replies.send_reply(s, AGENT, case_id, channel="sms",
                           recipient_id=offered.sms[0].identifier_id, **send)  # fmt: skip


def test_the_demo_councils_consents_to_updates_name_their_channel() -> None:
    """Seeded citizens who agreed to updates by text or email can be replied to on that
    channel only; the council tax consent lets nobody contact them."""
    import random
    from itertools import count

    from caseworker.access.consent import contact_refusal
    from caseworker.seed import reference
    from caseworker.seed.people import make_citizen
    from caseworker.timeutil import utcnow

    rng, n = random.Random(7), count()
    made = [
        make_citizen(rng, lambda p: f"{p}:{next(n)}", reference.people(), i, 1_700_000_000_000)
        for i in range(200)
    ]
    by_purpose = {c["purpose"]: (doc, c) for doc in made for c in doc["consents"]}
    doc, _ = by_purpose["Case updates by email"]
    assert contact_refusal(doc, "email", utcnow()) is None
    doc, _ = by_purpose["Service updates by text message"]
    assert contact_refusal(doc, "sms", utcnow()) is None
    only_tax = next(d for d in made if [c["id"] for c in d["consents"]] == ["c1"])
    assert contact_refusal(only_tax, "email", utcnow()) is not None
