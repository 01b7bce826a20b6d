"""The gateway's view of a contact detail corrected on a laptop (the same rules the laptop
applies): the change arrives as the old entry replaced by a new one with a new id. It is
refused unless a way to reach the citizen was verified through the record as it stood: not by
a lapsed check, a check in a colleague's name, or a call back to the very number being put in."""

from typing import Any

from tests.unit.access_docs import edit
from tests.unit.test_assurance_consent_rules import EMAIL, PHONE, ago, check, judged, owen

NEW_MOBILE = {
    "id": "p2",
    "kind": "phone",
    "value": "07700 900999",
    "verified_by": "unverified",
    "added_at": ago(seconds=1),
}


def _changed(current: dict[str, Any]) -> list[dict[str, Any]]:
    return [NEW_MOBILE if i["id"] == PHONE["id"] else i for i in current["identifiers"]]


def _refused(reason: str | None) -> bool:
    return reason is not None and reason.startswith(
        "changing their contact details needs the citizen contact verified"
    )


def test_a_changed_number_is_refused_with_no_check_or_a_lapsed_one() -> None:
    assert _refused(judged(edit(owen(), identifiers=_changed(owen()))))
    lapsed = owen(checks=[check("call_back", when=ago(days=400), identifier_id="p1")])
    assert _refused(judged(edit(lapsed, identifiers=_changed(lapsed))))


def test_a_call_back_on_the_record_before_the_change_lets_it_through() -> None:
    called = owen(checks=[check("call_back", identifier_id="p1")])
    assert judged(edit(called, identifiers=_changed(called))) is None
    coded = owen(checks=[check("code_sent", identifier_id=EMAIL["id"])])
    assert judged(edit(coded, identifiers=coded["identifiers"][:1])) is None  # email removed


def test_a_check_forged_into_the_same_write_does_not_count() -> None:
    current = owen()
    theirs = [check("call_back", by="staff:colleague", identifier_id="p1")]
    assert judged(edit(current, identifiers=_changed(current), checks=theirs)) == (
        "a check must be recorded in your own name"
    )
    backdated = [check("call_back", when=ago(days=40), identifier_id="p1")]
    assert judged(edit(current, identifiers=_changed(current), checks=backdated)) == (
        "a check is recorded when it is made: its time is not now"
    )
    # Ringing the new number proves it reaches someone, not that the record is theirs.
    to_new = [check("call_back", identifier_id="p2")]
    assert _refused(judged(edit(current, identifiers=_changed(current), checks=to_new)))
