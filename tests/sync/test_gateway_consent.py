"""Assurance checks and consents through the gateway, judged against the server's record and
its clock: a laptop cannot sign a consent or a check for a colleague, backdate either, delete
a consent, or claim a verification only the council's systems make; one made properly, in
your own name, now, is stored."""

from datetime import timedelta
from typing import Any

from caseworker.timeutil import to_iso, utcnow
from tests.support.gateway import Gateway, a_citizen, revision
from tests.sync.test_gateway_writes import ANN, Central, errors, push
from tests.sync.test_gateway_writes import central as central


def now(**back: float) -> str:
    return to_iso(utcnow() - timedelta(**back))


def consent(by: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": f"k-{by}", "purpose": "Updates on my cases", "lawful_basis": "public_task",
        "channel": "email", "source": "phone call", "valid_from": now(), "recorded_by": by,
        "recorded_at": now(), **fields,
    }  # fmt: skip


def test_a_consent_and_a_check_in_your_own_name_now_are_stored_and_forgeries_refused(
    gateway: Gateway, central: Central
) -> None:
    stored = central.get("citizen:c1")
    rev = stored["_rev"]

    def edit(**fields: Any) -> dict[str, Any]:
        return revision({**stored, **fields}, [rev])

    check = {"id": "x1", "method": "document_seen", "detail": "passport", "by": "staff:agent"}
    forgeries = {
        "colleague's consent": edit(consents=[consent("staff:supervisor")]),
        "backdated consent": edit(consents=[consent("staff:agent", valid_from=now(days=60))]),
        "consent recorded long ago": edit(
            consents=[consent("staff:agent", valid_from=now(days=60), recorded_at=now(days=60))]
        ),
        "backdated check": edit(checks=[{**check, "at": now(days=40)}]),
        "colleague's check": edit(checks=[{**check, "by": "staff:supervisor", "at": now()}]),
        "council record": edit(
            identifiers=[
                {
                    "id": "p1",
                    "kind": "phone",
                    "value": "07700 900123",
                    "added_at": now(),
                    "verified_by": "council_record",
                    "verified_at": now(),
                }
            ]
        ),
    }
    for what, forged in forgeries.items():
        refused = errors(push(gateway, ANN, [forged]))
        assert refused["citizen:c1"]["error"] == "forbidden", what
    assert central.get("citizen:c1")["_rev"] == rev  # nothing of it stored
    genuine = edit(consents=[consent("staff:agent")], checks=[{**check, "at": now()}])
    assert push(gateway, ANN, [genuine]).json() == []
    kept = central.get("citizen:c1")
    assert kept["consents"][0]["recorded_by"] == "staff:agent"
    deleted = revision({**kept, "consents": []}, [kept["_rev"]])
    refused = errors(push(gateway, ANN, [deleted]))["citizen:c1"]
    assert refused["reason"] == "a consent is withdrawn, never deleted"


def test_changing_a_phone_number_needs_a_verified_contact_first(
    gateway: Gateway, central: Central
) -> None:
    phone = {"id": "p1", "kind": "phone", "value": "07700 900123", "verified_by": "unverified",
             "added_at": now()}  # fmt: skip
    # A citizen of their own (the other test's checks on Carys would already suffice).
    made = revision({**a_citizen("citizen:c9", "Iwan", "Morgan"), "identifiers": [phone]})
    assert push(gateway, ANN, [made]).json() == []  # a way to reach them, given: no check
    stored = central.get("citizen:c9")
    moved = {**phone, "value": "07700 900999"}
    changed = revision({**stored, "identifiers": [moved]}, [stored["_rev"]])
    refused = errors(push(gateway, ANN, [changed]))["citizen:c9"]
    assert refused["reason"].startswith(
        "changing their contact details needs the citizen contact verified"
    )
    called = {"id": "x2", "method": "call_back", "identifier_id": "p1", "by": "staff:agent",
              "at": now()}  # fmt: skip
    checked = revision({**stored, "identifiers": [moved], "checks": [called]}, [stored["_rev"]])
    assert push(gateway, ANN, [checked]).json() == []
    assert central.get("citizen:c9")["identifiers"][0]["value"] == "07700 900999"
