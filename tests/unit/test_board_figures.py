"""The board's figures on small hand-built stores with known answers, and that every figure's
drill-down selects exactly the cases it counts."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from caseworker.board import CaseFilter, compute_board, count_cases, list_cases
from caseworker.board.figures import Board
from caseworker.board.periods import end_of_today, week_starts
from caseworker.documents.codec import new_document
from caseworker.documents.types import INTERACTION
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import to_iso
from tests.support.gateway import a_case

# A Wednesday in winter (London is on UTC), mid-morning.
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def _iso(moment: datetime) -> str:
    return to_iso(moment)


def _put(store: Store, *docs: dict[str, Any]) -> None:
    with store.write() as session:
        for doc in docs:
            docstore.put(session, doc)


def _case(n: int, **fields: Any) -> dict[str, Any]:
    fields.setdefault("opened_at", _iso(NOW - timedelta(hours=1)))
    fields.setdefault("due_at", _iso(NOW + timedelta(days=3)))
    return a_case(f"case:{n:04d}", reference=f"2EVQ-W146-{n:04d}", **fields)


def _contact(n: int, case_id: str) -> dict[str, Any]:
    return new_document(
        INTERACTION,
        f"contact:{n:04d}",
        {
            "case_id": case_id,
            "channel": "phone",
            "direction": "inbound",
            "at": _iso(NOW - timedelta(hours=2)),
            "summary": "Called about it",
        },
    )


def _board(store: Store, now: datetime = NOW) -> Board:
    with store.read() as session:
        return compute_board(session, now)


def _ids(store: Store, f: CaseFilter) -> set[str]:
    with store.read() as session:
        assert count_cases(session, f) == len(list_cases(session, f, limit=10_000))
        return {line.id for line in list_cases(session, f, limit=10_000)}


def test_an_empty_store_has_a_board_of_zeros_and_no_medians(council: Store) -> None:
    board = _board(council)
    assert board.queues == [] and board.officers == []
    assert board.at_risk.value == 0 and board.breached.value == 0
    assert [bar.value for bar in board.backlog] == [0, 0, 0, 0, 0]
    assert board.channels == []
    assert board.resolution.resolved == 0 and board.resolution.median_days is None
    assert board.resolution.first_contact_share is None
    assert len(board.weeks) == 12
    assert all(w.opened == 0 and w.resolved == 0 and w.median_days is None for w in board.weeks)
    assert board.coverage.queues == 0 and board.coverage.open_cases == 0
    assert board.coverage.last_sync is None


def test_all_closed_means_no_workload_but_a_resolution_record(council: Store) -> None:
    opened = NOW - timedelta(days=3)
    _put(
        council,
        *(
            _case(
                i,
                status="closed",
                opened_at=_iso(opened),
                resolved_at=_iso(opened + timedelta(days=i)),
                closed_at=_iso(opened + timedelta(days=i)),
                outcome="done",
            )
            for i in (1, 2)
        ),
    )
    board = _board(council)
    assert board.queues == [] and board.breached.value == 0
    assert sum(bar.value for bar in board.backlog) == 0
    assert board.resolution.resolved == 2
    assert board.resolution.median_days == pytest.approx(1.5)
    assert board.weeks[-1].resolved == 2


def test_open_at_risk_and_breached_per_queue_and_officer(council: Store) -> None:
    eod = end_of_today(NOW)
    _put(
        council,
        _case(
            1,
            queue_id="queue:waste",
            assignee_id="staff:officer",
            due_at=_iso(NOW - timedelta(minutes=1)),
        ),
        _case(
            2,
            queue_id="queue:waste",
            assignee_id="staff:officer",
            due_at=_iso(eod - timedelta(minutes=1)),
        ),
        _case(3, queue_id="queue:waste", due_at=_iso(eod)),  # due at midnight: tomorrow's
        _case(4, queue_id="queue:highways", assignee_id="staff:agent", due_at=_iso(NOW)),
        _case(5, queue_id=None, assignee_id=None, due_at=_iso(NOW - timedelta(days=1))),
        _case(
            6,
            queue_id="queue:waste",
            status="resolved",
            resolved_at=_iso(NOW),
            outcome="done",
            due_at=_iso(NOW - timedelta(days=2)),
        ),
    )
    board = _board(council)
    by_queue = {w.key: (w.label, w.open, w.at_risk, w.breached) for w in board.queues}
    assert by_queue == {
        "queue:waste": ("Waste and Street Scene", 3, 1, 1),
        "queue:highways": ("Highways", 1, 1, 0),  # due exactly now is not yet breached
        "": ("No queue", 1, 0, 1),
    }
    by_officer = {w.key: (w.label, w.open, w.at_risk, w.breached) for w in board.officers}
    assert by_officer == {
        "staff:officer": ("Olu Officer", 2, 1, 1),
        "staff:agent": ("Ann Agent", 1, 1, 0),
        "": ("Unassigned", 2, 0, 1),
        "staff:supervisor": ("Sam Sup", 0, 0, 0),  # a member of the waste queue, free
    }
    assert board.at_risk.value == 2 and board.breached.value == 2
    assert _ids(council, board.breached.filter) == {"case:0001", "case:0005"}
    assert _ids(council, board.at_risk.filter) == {"case:0002", "case:0004"}
    waste = next(w for w in board.queues if w.key == "queue:waste")
    assert _ids(council, waste.open_filter) == {"case:0001", "case:0002", "case:0003"}
    nobody = next(w for w in board.officers if w.key == "")
    assert _ids(council, nobody.breached_filter) == {"case:0005"}
    assert board.coverage.queues == 2 and board.coverage.open_cases == 5


def test_an_empty_queue_from_a_peer_counts_with_no_queue(council: Store) -> None:
    _put(council, _case(1, queue_id=None), _case(2, queue_id=""))
    [none] = _board(council).queues
    assert none.key == "" and none.open == 2
    assert _ids(council, none.open_filter) == {"case:0001", "case:0002"}


def test_a_queue_or_officer_unknown_to_this_store_is_shown_by_its_id(council: Store) -> None:
    _put(council, _case(1, queue_id="queue:gone", assignee_id="staff:left"))
    board = _board(council)
    assert [w.label for w in board.queues] == ["queue:gone"]
    assert [w.label for w in board.officers] == ["staff:left"]


def test_backlog_bands_by_whole_days_of_age(council: Store) -> None:
    ages = {1: 0, 2: 2.99, 3: 3, 4: 7.5, 5: 8, 6: 30.9, 7: 31, 8: 90.9, 9: 91, 10: 400, 11: -1}
    _put(council, *(_case(n, opened_at=_iso(NOW - timedelta(days=d))) for n, d in ages.items()))
    board = _board(council)
    assert [(b.key, b.value) for b in board.backlog] == [
        ("0-2", 3),  # a case opened "tomorrow" by a fast clock is new, not lost
        ("3-7", 2),
        ("8-30", 2),
        ("31-90", 2),
        ("91+", 2),
    ]
    assert _ids(council, board.backlog[4].filter) == {"case:0009", "case:0010"}
    assert _ids(council, board.backlog[0].filter) == {"case:0001", "case:0002", "case:0011"}


def test_channel_mix_counts_the_last_four_weeks_opened_or_not(council: Store) -> None:
    _put(
        council,
        _case(1, channel="phone"),
        _case(
            2,
            channel="phone",
            status="closed",
            resolved_at=_iso(NOW),
            closed_at=_iso(NOW),
            outcome="x",
        ),
        _case(3, channel="email", opened_at=_iso(NOW - timedelta(days=27))),
        _case(4, channel="email", opened_at=_iso(NOW - timedelta(days=29))),
        _case(5, channel="letter", opened_at=_iso(NOW - timedelta(days=28) + timedelta(seconds=1))),
    )
    bars = {bar.key: bar.value for bar in _board(council).channels}
    assert bars == {"phone": 2, "email": 1, "letter": 1}
    email = next(b for b in _board(council).channels if b.key == "email")
    assert _ids(council, email.filter) == {"case:0003"}


def test_first_contact_resolution_is_within_a_day_with_at_most_one_contact(council: Store) -> None:
    opened = NOW - timedelta(days=2)

    def resolved(n: int, hours: float) -> dict[str, Any]:
        return _case(
            n,
            status="resolved",
            opened_at=_iso(opened),
            outcome="done",
            resolved_at=_iso(opened + timedelta(hours=hours)),
        )

    _put(
        council,
        resolved(1, 1),  # no contact at all: a web form answered at once
        resolved(2, 24),  # exactly a day, one contact
        resolved(3, 24.01),  # just over a day
        resolved(4, 2),  # quick, but two contacts
        _contact(1, "case:0002"),
        _contact(2, "case:0004"),
        _contact(3, "case:0004"),
    )
    res = _board(council).resolution
    assert (res.resolved, res.first_contact) == (4, 2)
    assert res.first_contact_share == pytest.approx(0.5)
    assert _ids(council, res.first_contact_filter) == {"case:0001", "case:0002"}
    assert res.median_days == pytest.approx((2 / 24 + 1) / 2)


def test_a_case_resolved_before_it_was_opened_takes_no_time_rather_than_less(
    council: Store,
) -> None:
    _put(
        council, _case(1, status="resolved", outcome="x", resolved_at=_iso(NOW - timedelta(days=1)))
    )
    assert _board(council).resolution.median_days == 0


def test_weeks_start_on_monday_midnight_in_london_in_summer_too() -> None:
    # Monday 29 June 2026 00:30 in London is Sunday 23:30 UTC: it belongs to the new week.
    now = datetime(2026, 6, 28, 23, 30, tzinfo=UTC)
    starts = week_starts(now)
    assert starts[-2] == datetime(2026, 6, 28, 23, 0, tzinfo=UTC)
    assert starts[-1] - starts[-2] == timedelta(days=7)
    assert len(starts) == 13
    # The end of "today" is London's midnight: an hour before UTC's in summer.
    assert end_of_today(datetime(2026, 6, 30, 22, 59, tzinfo=UTC)) == datetime(
        2026, 6, 30, 23, 0, tzinfo=UTC
    )
    assert end_of_today(datetime(2026, 6, 30, 23, 0, tzinfo=UTC)) == datetime(
        2026, 7, 1, 23, 0, tzinfo=UTC
    )


def test_a_week_across_the_clocks_going_back_is_a_week_and_an_hour() -> None:
    starts = week_starts(datetime(2026, 10, 28, 12, 0, tzinfo=UTC))
    # Summer time ended on Sunday 25 October 2026.
    assert starts[-2] == datetime(2026, 10, 26, 0, 0, tzinfo=UTC)
    assert starts[-3] == datetime(2026, 10, 18, 23, 0, tzinfo=UTC)


def test_the_weekly_trend_puts_each_case_in_its_london_week(council: Store) -> None:
    monday = week_starts(NOW)[-2]
    _put(
        council,
        _case(1, opened_at=_iso(monday)),
        _case(2, opened_at=_iso(monday - timedelta(milliseconds=1))),
        _case(
            3,
            opened_at=_iso(monday - timedelta(days=2)),
            status="resolved",
            outcome="x",
            resolved_at=_iso(monday + timedelta(hours=12)),
        ),
        _case(4, opened_at=_iso(monday - timedelta(weeks=20))),  # before the trend
    )
    weeks = _board(council).weeks
    assert [w.opened for w in weeks[-2:]] == [2, 1]
    assert weeks[-1].resolved == 1 and weeks[-1].median_days == pytest.approx(2.5)
    assert sum(w.opened for w in weeks) == 3
    assert _ids(council, weeks[-2].opened_filter) == {"case:0002", "case:0003"}
    assert _ids(council, weeks[-1].resolved_filter) == {"case:0003"}


def test_the_board_says_when_it_last_synced(council: Store) -> None:
    from caseworker.store import settings

    when = datetime(2026, 12, 2, 9, 42, tzinfo=UTC)
    with council.write() as session:
        settings.record_sync(session, when)
    assert _board(council).coverage.last_sync == when


def test_drill_down_pages_continue_where_the_last_one_ended(council: Store) -> None:
    _put(council, *(_case(n) for n in range(1, 8)))
    f = CaseFilter(open_only=True)
    with council.read() as session:
        first = list_cases(session, f, limit=3)
        second = list_cases(session, f, after=first[-1].rowid, limit=3)
        third = list_cases(session, f, after=second[-1].rowid, limit=3)
    seen = [line.id for line in first + second + third]
    assert len(seen) == 7 and len(set(seen)) == 7


def test_the_four_weeks_before_are_kept_apart_for_the_trend(council: Store) -> None:
    def resolved(n: int, days_ago: float, hours: float) -> dict[str, Any]:
        at = NOW - timedelta(days=days_ago)
        return _case(
            n,
            status="closed",
            outcome="x",
            opened_at=_iso(at - timedelta(hours=hours)),
            resolved_at=_iso(at),
            closed_at=_iso(at),
        )

    _put(council, resolved(1, 1, 2), resolved(2, 30, 48), resolved(3, 40, 1), resolved(4, 57, 1))
    board = _board(council)
    assert (board.resolution.resolved, board.resolution.first_contact) == (1, 1)
    assert (board.previous.resolved, board.previous.first_contact) == (2, 1)
    assert board.previous.median_days == pytest.approx((2 + 1 / 24) / 2)
    assert _ids(council, board.previous.first_contact_filter) == {"case:0003"}
    assert _ids(council, board.previous.resolved_filter) == {"case:0002", "case:0003"}


def test_a_case_resolved_exactly_at_its_due_time_is_neither_at_risk_nor_breached(
    council: Store,
) -> None:
    _put(
        council,
        _case(1, status="resolved", outcome="x", due_at=_iso(NOW), resolved_at=_iso(NOW)),
        _case(2, status="reopened", due_at=_iso(NOW - timedelta(milliseconds=1))),
    )
    board = _board(council)
    assert board.at_risk.value == 0
    assert board.breached.value == 1  # the reopened one: open again, and past its due time
    assert _ids(council, board.breached.filter) == {"case:0002"}
    assert board.resolution.resolved == 1 and board.resolution.median_days is not None


def test_members_of_the_covered_queues_with_no_open_case_are_listed_last_with_zero(
    council: Store,
) -> None:
    # All three council staff belong to the waste queue; only the officer has a case.
    _put(
        council,
        _case(1, queue_id="queue:waste", assignee_id="staff:officer"),
        _case(
            2,
            queue_id="queue:waste",
            assignee_id="staff:agent",
            status="closed",
            resolved_at=_iso(NOW),
            closed_at=_iso(NOW),
            outcome="x",
        ),
    )
    officers = _board(council).officers
    assert [(w.label, w.open) for w in officers] == [
        ("Olu Officer", 1),
        ("Ann Agent", 0),
        ("Sam Sup", 0),
    ]
    assert _ids(council, officers[1].open_filter) == set()


def test_nobody_is_listed_as_free_when_the_board_covers_no_queue(council: Store) -> None:
    assert _board(council).officers == []
