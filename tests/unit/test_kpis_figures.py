"""What is counted: received by opening month, resolved by resolution month, within target
when resolved no later than due, median days from opening to resolution."""

from typing import Any

from caseworker.kpis.figures import count
from caseworker.kpis.months import Month, months_between
from caseworker.store import docstore
from caseworker.store.store import Store


def _case(n: int, opened: str, due: str, **fields: Any) -> dict[str, Any]:
    return {
        "_id": f"case:{n}", "type": "case", "schema": 1, "reference": f"ABC-0000-{n:04d}",
        "service_code": "missed-bin", "summary": "x", "status": "new", "priority": "normal",
        "channel": "email", "opened_at": opened, "due_at": due, "updated_at": opened,
        **fields,
    }  # fmt: skip


def test_received_resolved_within_target_and_median_days(store: Store) -> None:
    feb, mar = "2026-02-27T10:00:00.000Z", "2026-03-02T10:00:00.000Z"
    docs = [
        # opened in February, resolved in March exactly at its due time: within target
        _case(1, feb, "2026-03-03T10:00:00.000Z", status="resolved",
              resolved_at="2026-03-03T10:00:00.000Z"),
        # opened and resolved in March, a minute late
        _case(2, mar, "2026-03-04T10:00:00.000Z", status="resolved",
              resolved_at="2026-03-04T10:01:00.000Z"),
        # closed in March without being resolved: received, never resolved
        _case(3, mar, "2026-03-04T10:00:00.000Z", status="closed",
              closed_at="2026-03-05T10:00:00.000Z"),
        # reopened: its resolution was undone
        _case(4, mar, "2026-03-04T10:00:00.000Z", status="reopened"),
        # by phone, still open
        _case(5, mar, "2026-03-04T10:00:00.000Z", channel="phone"),
    ]  # fmt: skip
    with store.write() as session:
        for doc in docs:
            docstore.put(session, doc)
    with store.read() as session:
        figures = count(session, months_between(Month(2026, 2), Month(2026, 3)))
    february = figures.channels(("missed-bin", "2026-02"))
    march = figures.channels(("missed-bin", "2026-03"))
    assert february["email"].received == 1 and february["email"].resolved == 0
    assert march["email"].received == 3
    assert march["email"].resolved == 2
    assert march["email"].within == 1
    assert sorted(round(d, 4) for d in march["email"].days) == [round(2 + 1 / 1440, 4), 4.0]
    assert march["phone"].received == 1 and march["phone"].resolved == 0
    assert figures.skipped == 0


def test_cases_outside_the_months_are_not_counted(store: Store) -> None:
    with store.write() as session:
        docstore.put(session, _case(1, "2025-06-01T10:00:00.000Z", "2025-06-02T10:00:00.000Z"))
    with store.read() as session:
        figures = count(session, [Month(2026, 3)])
    assert figures.by_key == {}
