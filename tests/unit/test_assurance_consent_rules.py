"""Assurance and consent, judged as the gateway judges them (and the laptop, with the same
rules): a laptop cannot forge a verified level, sign a check or a consent in someone else's
name, backdate one, delete or rewrite one, or change a citizen's contact details before the
level that needs is reached; and contact or sharing without a valid basis is refused, with
the reason."""

from datetime import UTC, datetime, timedelta
from typing import Any

from caseworker.access import assurance, consent
from caseworker.access.channels import EVERYTHING
from caseworker.access.writes import Write, judge
from caseworker.timeutil import to_iso
from tests.unit.access_docs import ADMIN, AGENT, citizen, create, edit

HELD = frozenset({EVERYTHING})
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
PHONE = {"id": "p1", "kind": "phone", "value": "07700 900123", "verified_by": "unverified"}
EMAIL = {"id": "e1", "kind": "email", "value": "owen@example.org", "verified_by": "unverified"}


def ago(**delta: float) -> str:
    return to_iso(NOW - timedelta(**delta))


def at(write: Write) -> Write:
    """The write as the server judges it, now."""
    return Write(
        write.doc_id, write.new, write.current, write.existed, write.rooted,
        write.replaces_winner, received_at=NOW,
    )  # fmt: skip


def owen(**fields: Any) -> dict[str, Any]:
    base = {
        "identifiers": [{**PHONE, "added_at": ago(days=400)}, {**EMAIL, "added_at": ago(days=400)}]
    }
    return citizen("citizen:1", **{**base, **fields})


def check(
    method: str, by: str = "staff:agent", when: str | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "id": f"k-{method}-{by}",
        "method": method,
        "by": by,
        "at": when or ago(minutes=1),
        **extra,
    }


def a_consent(
    channel: str | None = "email", by: str = "staff:agent", **extra: Any
) -> dict[str, Any]:
    entry = {
        "id": f"c-{channel}-{extra.get('partner', '')}",
        "purpose": "Updates on my cases",
        "lawful_basis": "consent",
        "source": "phone call",
        "valid_from": ago(minutes=1),
        "recorded_by": by,
        "recorded_at": ago(minutes=1),
        **({"channel": channel} if channel else {}),
        **extra,
    }
    return entry


def judged(write: Write) -> str | None:
    return judge(AGENT, at(write), HELD)


# -- the level ------------------------------------------------------------------------------


def test_a_record_with_no_checks_is_unverified_whatever_its_identifiers_claim() -> None:
    claimed = owen(
        identifiers=[
            {
                **PHONE,
                "verified_by": "call_back",
                "verified_at": ago(days=1),
                "added_at": ago(days=9),
            }
        ]
    )
    assert assurance.level_of(claimed, NOW) == "unverified"


def test_a_code_read_back_verifies_the_contact_and_a_document_seen_the_identity() -> None:
    coded = owen(checks=[check("code_sent", identifier_id="e1")])
    found = assurance.assess(coded, NOW)
    assert found.level.level == "contact_verified" and found.level.method == "code_sent"
    assert found.identifiers["e1"].by == "staff:agent" and "p1" not in found.identifiers
    seen = owen(checks=[check("document_seen", detail="passport")])
    assert assurance.level_of(seen, NOW) == "identity_verified"


def test_checks_lapse_an_identity_check_after_a_day_and_a_future_one_never_counts() -> None:
    assert (
        assurance.level_of(owen(checks=[check("document_seen", when=ago(hours=25))]), NOW)
        == "unverified"
    )
    assert (
        assurance.level_of(owen(checks=[check("document_seen", when=ago(hours=-2))]), NOW)
        == "unverified"
    )
    assert (
        assurance.level_of(
            owen(checks=[check("code_sent", identifier_id="e1", when=ago(days=300))]), NOW
        )
        == "contact_verified"
    )


def test_a_code_through_an_identifier_that_is_not_on_the_record_counts_for_nothing() -> None:
    stray = owen(
        checks=[check("code_sent", identifier_id="zz"), check("call_back", identifier_id="e1")]
    )
    assert assurance.level_of(stray, NOW) == "unverified"


def test_the_table_says_which_action_needs_which_level_and_the_refusal_says_why() -> None:
    assert assurance.REQUIRED["subject_access_export"] == "identity_verified"
    coded = owen(checks=[check("code_sent", identifier_id="e1")])
    assert assurance.refusal("change_contact_details", coded, NOW) is None
    reason = assurance.refusal("subject_access_export", coded, NOW)
    assert reason == (
        "a subject access export needs the citizen identity verified; their record is contact "
        "verified: record a check first"
    )
    assert assurance.steps_to("identity_verified") == (
        "knowledge_check",
        "document_seen",
        "in_person",
    )
    assert assurance.steps_to("contact_verified")[:2] == ("code_sent", "call_back")


# -- forging a level, a check or a consent --------------------------------------------------


def test_a_laptop_cannot_claim_a_verification_only_the_councils_systems_make() -> None:
    current = owen()
    forged = [
        {
            **PHONE,
            "verified_by": "council_record",
            "verified_at": ago(days=1),
            "added_at": ago(days=400),
        },
        current["identifiers"][1],
    ]
    assert "council's own systems" in (judged(edit(current, identifiers=forged)) or "")
    assert "council's own systems" in (judged(create(owen(identifiers=forged))) or "")
    assert judge(ADMIN, at(edit(current, identifiers=forged)), HELD) is None


def test_a_check_is_made_in_your_own_name_now_and_never_changed_or_removed() -> None:
    current = owen()
    assert judged(edit(current, checks=[check("document_seen")])) is None
    assert (
        judged(edit(current, checks=[check("document_seen", by="staff:colleague")]))
        == "a check must be recorded in your own name"
    )
    backdated = check("document_seen", when=ago(days=40))
    assert (
        judged(edit(current, checks=[backdated]))
        == "a check is recorded when it is made: its time is not now"
    )
    ahead = check("document_seen", when=ago(days=-1))
    assert judged(edit(current, checks=[ahead])) is not None
    made = owen(checks=[check("document_seen", by="staff:colleague")])
    assert "cannot be changed or removed" in (judged(edit(made, checks=[])) or "")
    rewritten = [{**made["checks"][0], "at": ago(seconds=1)}]
    assert "cannot be changed or removed" in (judged(edit(made, checks=rewritten)) or "")
    assert "must name the email address or phone" in (
        judged(edit(current, checks=[check("call_back", identifier_id="e1")])) or ""
    )


def test_a_consent_signed_by_someone_else_or_backdated_is_refused() -> None:
    current = owen()
    assert judged(edit(current, consents=[a_consent()])) is None
    other = a_consent(by="staff:colleague")
    assert judged(edit(current, consents=[other])) == "a consent must be recorded in your own name"
    early = a_consent(valid_from=ago(days=30))
    assert (
        judged(edit(current, consents=[early])) == "a consent cannot start before it was recorded"
    )
    both = a_consent(valid_from=ago(days=90), recorded_at=ago(days=90))
    assert "recording time is not now" in (judged(edit(current, consents=[both])) or "")
    unsigned = {k: v for k, v in a_consent().items() if k not in ("recorded_by", "recorded_at")}
    assert (
        judged(edit(current, consents=[unsigned])) == "a consent must be recorded in your own name"
    )
    assert judged(create(owen(consents=[other]))) == "a consent must be recorded in your own name"


def test_a_consent_is_withdrawn_in_your_own_name_never_deleted_or_rewritten() -> None:
    given = owen(
        consents=[a_consent(by="staff:colleague", recorded_at=ago(days=9), valid_from=ago(days=9))]
    )
    entry = given["consents"][0]
    assert judged(edit(given, consents=[])) == "a consent is withdrawn, never deleted"
    widened = {**entry, "channel": "sms"}
    assert "cannot be rewritten" in (judged(edit(given, consents=[widened])) or "")
    mine = {**entry, "withdrawn_at": ago(seconds=5), "withdrawn_by": "staff:agent"}
    assert judged(edit(given, consents=[mine])) is None
    theirs = {**entry, "withdrawn_at": ago(seconds=5), "withdrawn_by": "staff:colleague"}
    assert (
        judged(edit(given, consents=[theirs]))
        == "a consent must be withdrawn in your own name, now"
    )
    withdrawn = owen(consents=[mine])
    undone = {k: v for k, v in mine.items() if not k.startswith("withdrawn")}
    assert "cannot be rewritten" in (judged(edit(withdrawn, consents=[undone])) or "")


def test_changing_a_contact_detail_needs_a_verified_contact_first_adding_one_does_not() -> None:
    current = owen()
    moved = [
        {**PHONE, "value": "07700 900999", "added_at": ago(days=400)},
        current["identifiers"][1],
    ]
    reason = judged(edit(current, identifiers=moved))
    assert reason is not None and reason.startswith(
        "changing their contact details needs the citizen contact verified"
    )
    assert judged(edit(current, identifiers=current["identifiers"][1:])) == reason  # removing one
    # The check recorded in the same write, through the number as it stood, is enough.
    assert (
        judged(edit(current, identifiers=moved, checks=[check("call_back", identifier_id="p1")]))
        is None
    )
    added = [
        *current["identifiers"],
        {
            "id": "e2",
            "kind": "email",
            "value": "new@example.org",
            "verified_by": "unverified",
            "added_at": ago(seconds=1),
        },
    ]
    assert judged(edit(current, identifiers=added)) is None


# -- consent that acts ----------------------------------------------------------------------


def test_contact_needs_a_consent_for_that_channel_in_force_at_that_moment() -> None:
    email = a_consent("email", valid_from=ago(days=10), valid_to=ago(days=-10))
    record = owen(consents=[email])
    assert consent.contact_refusal(record, "email", NOW) is None
    assert consent.contact_refusal(record, "sms", NOW) == (
        "the citizen's record holds no consent or other lawful basis for contacting them "
        "by text message"
    )
    ended = consent.contact_refusal(record, "email", NOW + timedelta(days=11))
    assert ended is not None and "it ended on 12 March 2026" in ended
    early = consent.contact_refusal(record, "email", NOW - timedelta(days=11))
    assert early is not None and "it starts on" in early
    withdrawn = owen(
        consents=[{**email, "withdrawn_at": ago(hours=1), "withdrawn_by": "staff:agent"}]
    )
    refused = consent.contact_refusal(withdrawn, "email", NOW)
    assert (
        refused
        == "there is no valid basis for contacting them by email: it was withdrawn on 2 March 2026"
    )
    assert consent.contact_refusal(withdrawn, "email", NOW - timedelta(hours=2)) is None


def test_a_share_needs_a_basis_for_that_partner_not_another() -> None:
    record = owen(consents=[a_consent(None, partner="Age Cymru")])
    assert consent.share_refusal(record, "  age   cymru ", NOW) is None
    assert consent.share_refusal(record, "Citizens Advice", NOW) == (
        "the citizen's record holds no basis for sharing with Citizens Advice: only with Age Cymru"
    )
    assert consent.contact_refusal(record, "email", NOW) is not None  # a share is not contact
    assert "no consent or other lawful basis" in (
        consent.share_refusal(owen(), "Age Cymru", NOW) or ""
    )
