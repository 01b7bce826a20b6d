"""Retention: a disposal run follows the schedule (London calendar dates, either side of the
boundary, in summer time and in winter), skips and counts records under legal hold, erases or
anonymises through the same erasure path as a person's request, and logs what it did without
personal data; the council's schedule is an admin's to change."""

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE, ERASURE, INTERACTION, MENTION
from caseworker.erasure import retention
from caseworker.errors import ValidationError
from caseworker.models import StoredDocument
from caseworker.services import retention as service
from caseworker.services.context import Actor
from caseworker.store import docstore, replication
from caseworker.store.store import Store
from tests.unit.conftest import AGENT, SUPERVISOR

ADMIN = Actor("staff:admin", "admin")
SUMMER_CLOSE = "2020-06-30T23:30:00+00:00"  # 00:30 on 1 July in London (BST)
WINTER_CLOSE = "2020-01-15T00:30:00+00:00"  # 00:30 on 15 January in London (GMT)


def _case(case_id: str, closed_at: str | None, citizen: str = "citizen:c1") -> dict[str, Any]:
    fields = {
        "reference": "2EVQ-W146-S0DJ",
        "citizen_id": citizen,
        "service_code": "missed-bin",
        "summary": "Quillon Zarathustra's bin",
        "status": "closed" if closed_at else "new",
        "priority": "normal",
        "channel": "phone",
        "queue_id": "queue:waste",
        "opened_at": "2020-01-01T09:00:00+00:00",
        "due_at": "2020-01-02T09:00:00+00:00",
        "closed_at": closed_at,
        "updated_at": "2020-01-01T09:00:00+00:00",
    }
    return {**new_document(CASE, case_id, fields), "_rev": "1-a"}


def _pulled(store: Store, *docs: dict[str, Any]) -> None:
    with store.write() as s:
        replication.put_replicated_many(s, list(docs))


def _due(s: Session, when: str) -> dict[str, retention.Due]:
    moment = datetime.fromisoformat(when)
    return {d.rule.record_class: d for d in retention.due(s, moment)}


def test_the_defaults_follow_the_irms_guidelines() -> None:
    assert {r.record_class: (r.months, r.action) for r in retention.DEFAULTS} == {
        "closed_case": (72, "anonymise"),
        "contact_no_case": (24, "erase"),
        "dismissed_mention": (6, "erase"),
    }


@pytest.mark.parametrize(
    ("closed", "now", "is_due"),
    [
        (SUMMER_CLOSE, "2026-06-30T22:59:59+00:00", False),  # 23:59 on 30 June in London
        (SUMMER_CLOSE, "2026-06-30T23:00:00+00:00", True),  # midnight, 1 July in London
        (WINTER_CLOSE, "2026-01-14T23:59:59+00:00", False),
        (WINTER_CLOSE, "2026-01-15T00:00:00+00:00", True),
    ],
)
def test_a_closed_case_is_due_on_the_london_date_six_years_after_closure(
    council: Store, closed: str, now: str, is_due: bool
) -> None:
    _pulled(council, _case("case:old", closed), _case("case:open", None))
    with council.read() as s:
        assert _due(s, now)["closed_case"].ids == (["case:old"] if is_due else [])


def test_a_month_end_that_the_later_month_lacks_is_its_last_day() -> None:
    assert retention.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert retention.add_months(date(2020, 8, 31), 6) == date(2021, 2, 28)


def test_contacts_with_no_case_and_dismissed_mentions_follow_their_rules(council: Store) -> None:
    contact = new_document(
        INTERACTION,
        "contact:x",
        {
            "citizen_id": "citizen:c1",
            "channel": "phone",
            "direction": "inbound",
            "at": "2024-03-10T12:00:00+00:00",
            "summary": "rang",
        },
    )
    mention = new_document(
        MENTION,
        "mention:x",
        {
            "network": "mastodon",
            "remote_id": "1",
            "author_handle": "@q",
            "content_text": "bins",
            "published_at": "2026-01-10T12:00:00+00:00",
            "state": "dismissed",
        },
    )
    _pulled(council, {**contact, "_rev": "1-a"}, {**mention, "_rev": "1-a"})
    with council.read() as s:
        before = _due(s, "2026-03-09T12:00:00+00:00")
        after = _due(s, "2026-07-10T12:00:00+00:00")
    assert before["contact_no_case"].ids == [] and after["contact_no_case"].ids == ["contact:x"]
    assert after["dismissed_mention"].ids == ["mention:x"]


def test_records_under_legal_hold_are_skipped_and_counted(council: Store) -> None:
    _pulled(
        council,
        _case("case:a", SUMMER_CLOSE, "citizen:held"),
        _case("case:b", SUMMER_CLOSE),
        _case("case:c", SUMMER_CLOSE),
    )
    with council.write() as s:
        service.place_hold(s, SUPERVISOR, citizen_id="citizen:held", reason="claim 2026/114")
        hold_b, _ = service.place_hold(s, SUPERVISOR, case_id="case:b", reason="FOI appeal")
    with council.read() as s:
        review = _due(s, "2027-01-01T12:00:00+00:00")["closed_case"]
    assert review.ids == ["case:c"] and review.held == 2
    with council.write() as s:
        service.end_hold(s, SUPERVISOR, hold_b)
    with council.read() as s:
        review = _due(s, "2027-01-01T12:00:00+00:00")["closed_case"]
    assert sorted(review.ids) == ["case:b", "case:c"] and review.held == 1


def test_an_approved_disposal_erases_through_the_erasure_path_and_logs_no_personal_data(
    council: Store,
) -> None:
    _pulled(council, _case("case:a", SUMMER_CLOSE, "citizen:held"), _case("case:c", SUMMER_CLOSE))
    with council.write() as s:
        service.place_hold(s, SUPERVISOR, citizen_id="citizen:held", reason="claim 2026/114")
        done, _ = service.approve(
            s, SUPERVISOR, "closed_case", datetime(2027, 1, 1, 12, tzinfo=UTC)
        )
    assert done.count == 1 and done.held == 1 and done.disposal_id
    with council.read() as s:
        log = docstore.require(s, done.disposal_id)
        assert log["record_class"] == "closed_case" and log["months"] == 72
        assert log["approved_by"] == SUPERVISOR.staff_id and log["held"] == 1
        (erasure_id,) = log["erasures"]
        asked = docstore.require(s, erasure_id)
        assert asked["record_id"] == "case:c" and asked["mode"] == "anonymise"
        assert asked["basis"] == "no_longer_necessary" and asked["reason"] == "retention_schedule"
        assert "Quillon" not in str(log) + str(asked)
        assert s.get(StoredDocument, "case:c") is None  # purged here until anonymised centrally
        assert s.get(StoredDocument, "case:a") is not None  # held
        # Asked for once: the next review does not list it again.
        assert _due(s, "2027-01-01T12:00:00+00:00")["closed_case"].ids == []


def test_nothing_due_writes_nothing(council: Store) -> None:
    with council.write() as s:
        done, changes = service.approve(s, SUPERVISOR, "closed_case")
    assert done == service.Disposal(None, 0, 0) and changes.written == []


def test_only_an_admin_changes_the_schedule_and_a_supervisor_approves(council: Store) -> None:
    with council.write() as s:
        with pytest.raises(ValidationError):
            service.set_rule(s, SUPERVISOR, "closed_case", 12, "erase")
        service.set_rule(s, ADMIN, "closed_case", 12, "erase")
        assert retention.schedule(s)[0] == retention.Rule("closed_case", 12, "erase")
        with pytest.raises(ValidationError, match="supervisor"):
            service.approve(s, AGENT, "closed_case")
        with pytest.raises(ValidationError, match="supervisor"):
            service.place_hold(s, AGENT, case_id="case:x", reason="because")


@pytest.mark.parametrize(
    "rules",
    [
        "not a list",
        [{"record_class": "closed_case", "months": -1, "action": "erase"}],
        [{"record_class": "closed_case", "months": True, "action": "erase"}],
        [{"record_class": "everything", "months": 1, "action": "erase"}],
        [{"record_class": "closed_case", "months": 1, "action": "shred"}],
    ],
)
def test_a_broken_schedule_from_a_peer_falls_back_to_the_defaults(
    council: Store, rules: Any
) -> None:
    doc = {"_id": "retention:council", "_rev": "1-a", "type": "retention", "rules": rules}
    _pulled(council, doc)
    with council.read() as s:
        assert retention.schedule(s) == list(retention.DEFAULTS)


def test_a_record_whose_erasure_was_refused_for_a_legal_hold_is_due_again(
    council: Store,
) -> None:
    """The central worker refused the disposal's erasure because of a hold since ended: it
    took nothing, so the next review lists the record again (an erasure in force does not)."""
    asked = {
        "record_id": "case:c",
        "mode": "anonymise",
        "basis": "no_longer_necessary",
        "reason": "retention_schedule",
        "requested_by": "staff:supervisor",
        "requested_at": "2026-12-01T10:00:00+00:00",
    }
    refused = new_document(
        ERASURE, "erasure:held", {**asked, "state": "failed", "failure": "legal_hold"}
    )
    failed = new_document(
        ERASURE, "erasure:nopurge", {**asked, "record_id": "case:d", "state": "failed"}
    )
    failed.update(failure="no_purge", detail="the central database cannot purge")
    _pulled(
        council,
        _case("case:c", SUMMER_CLOSE),
        _case("case:d", SUMMER_CLOSE),
        {**refused, "_rev": "2-a"},
        {**failed, "_rev": "2-b"},
    )
    with council.read() as s:
        assert _due(s, "2027-01-01T12:00:00+00:00")["closed_case"].ids == ["case:c"]
