"""Whether an erasure is in force is read from the outcome the central worker records as data
(``failure``), never from the words it writes for people (``detail``): rewording a message
cannot put an erasure back in force or take it out. Only an erasure refused because of a legal
hold is not in force (nothing was removed); one that failed for any other reason, or for a
reason not known, still is (the laptops go on purging). An erasure recorded before the field
existed is read by the words the worker wrote then. A laptop cannot record an outcome. And an
erasure that is not in force takes nothing from the retention review: once the hold ends, the
record is due again."""

from datetime import UTC, datetime
from typing import Any

import pytest

from caseworker import vocab
from caseworker.access import rules
from caseworker.access.writes import judge
from caseworker.erasure import retention, scope
from tests.unit.access_docs import SUPERVISOR, create, doc, roots

# What the central worker wrote in ``detail`` for a legal hold before ``failure`` existed.
RECORDED_UNDER_HOLD = (
    "a record it names is under legal hold: nothing was removed; end the hold and ask again"
)


def _erasure(**fields: Any) -> dict[str, Any]:
    body = {
        "record_id": "case:c",
        "mode": "anonymise",
        "basis": "no_longer_necessary",
        "reason": "retention_schedule",
        "requested_by": "staff:supervisor",
        "requested_at": "2026-12-01T10:00:00+00:00",
        "state": "requested",
        **fields,
    }
    return doc("erasure", "erasure:1", **body)


def test_refused_for_a_legal_hold_is_not_in_force_whatever_the_detail_says() -> None:
    for detail in (scope.UNDER_HOLD, "held: nothing removed", None):
        held = _erasure(state="failed", failure="legal_hold", detail=detail)
        assert scope.failure_of(held) is scope.Failure.LEGAL_HOLD
        assert not scope.in_force(held)


def test_failed_for_another_reason_is_in_force_even_when_its_detail_reads_like_a_hold() -> None:
    no_purge = _erasure(state="failed", failure="no_purge", detail=scope.UNDER_HOLD)
    assert scope.failure_of(no_purge) is scope.Failure.NO_PURGE and scope.in_force(no_purge)
    # From a newer worker, or a broken one: a reason not known here keeps it in force.
    unknown = {**_erasure(state="failed", detail="the moon was full"), "failure": "the moon"}
    assert scope.failure_of(unknown) is scope.Failure.UNKNOWN and scope.in_force(unknown)


def test_one_recorded_before_the_failure_field_is_read_by_the_words_written_then() -> None:
    legacy = _erasure(state="failed", detail=RECORDED_UNDER_HOLD)
    assert scope.failure_of(legacy) is scope.Failure.LEGAL_HOLD and not scope.in_force(legacy)
    reworded = _erasure(state="failed", detail="under legal hold")
    assert scope.failure_of(reworded) is scope.Failure.UNKNOWN and scope.in_force(reworded)


@pytest.mark.parametrize("state", ["requested", "done"])
def test_asked_for_or_done_is_in_force(state: str) -> None:
    erasure = _erasure(state=state, failure="legal_hold")  # a failure on one that did not fail
    assert scope.failure_of(erasure) is None and scope.in_force(erasure)


def test_the_recorded_failures_are_the_vocabulary() -> None:
    known = {f.value for f in scope.Failure if f is not scope.Failure.UNKNOWN}
    assert known == set(vocab.ERASURE_FAILURES)


def test_a_laptop_cannot_record_a_failure() -> None:
    asked = _erasure(failure="legal_hold")
    assert judge(SUPERVISOR, create(asked), roots(SUPERVISOR)) == rules.ERASURE_NEW


def test_an_erasure_not_in_force_takes_nothing_from_the_retention_review() -> None:
    rules_ = retention.DEFAULTS[:1]
    closed = ("closed_case", "case:c", datetime(2020, 1, 15, tzinfo=UTC), ("citizen:c1",))
    now = datetime(2027, 1, 1, 12, tzinfo=UTC)
    for erasure, due in (
        (_erasure(), False),
        (_erasure(state="done", roots=["case:c"]), False),
        (_erasure(state="failed", failure="no_purge"), False),
        (_erasure(state="failed", failure="legal_hold", detail=scope.UNDER_HOLD), True),
        (_erasure(state="failed", detail=RECORDED_UNDER_HOLD), True),
    ):
        (review,) = retention.tally(rules_, [closed], set(), retention.taken_by(erasure), now)
        assert (review.ids == ["case:c"]) is due, erasure
