"""The bulk recompute (``clocks.bulk``) gives exactly what ``due`` gives case by case, whatever
the calendar, the clocks, the histories and the times the store holds; and the store's
recompute reads the open cases and their clock events whichever way it plans to."""

import gc
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from caseworker import collector
from caseworker.clocks import bank_holidays as bh
from caseworker.clocks import bulk, council
from caseworker.clocks import cases as case_clocks
from caseworker.clocks.calendar import iso_ms, to_ms
from caseworker.clocks.due import (
    EXTENDED,
    STAGE,
    Event,
    ServiceClock,
    due_ms,
    facts,
    local_date,
    service_clock,
)
from caseworker.clocks.pauses import PAUSED_STATUS
from caseworker.documents.codec import new_document
from caseworker.documents.types import SERVICE
from caseworker.models import Case, CaseEvent
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import from_iso

DIVISIONS = bh.bundled()
START = datetime(2025, 1, 1, tzinfo=UTC)
WEEKDAYS = council.WEEKDAYS

CLOCKS: dict[str, dict[str, Any]] = {
    "std": {"response_hours": 24, "resolve_hours": 72},
    "fast": {"response_hours": 3, "resolve_hours": 5},
    "none": {"response_hours": 0, "resolve_hours": 0},
    "sar": {"clock": "subject_access", "response_hours": 8},
    "sar0": {"clock": "subject_access", "response_hours": 0},
    "foi": {"clock": "foi", "response_hours": 16},
    "complaint": {
        "clock": "complaint",
        "response_hours": 8,
        "stages": [
            {"code": "1", "name": "Stage 1", "working_days": 10},
            {"code": "2", "name": "Stage 2", "working_days": 20},
        ],
    },
    # Stages a reader cannot use: the standard clock, with no resolution hours.
    "complaint0": {
        "clock": "complaint",
        "response_hours": 8,
        "stages": [{"code": "1", "name": "Stage 1", "working_days": 0}],
    },
}


@st.composite
def calendars(draw: st.DrawFn) -> council.CouncilCalendar:
    hours = []
    for day in WEEKDAYS:
        for _ in range(draw(st.integers(0, 2))):
            start = draw(st.integers(0, 23 * 60)) // 15 * 15
            end = draw(st.integers(start + 1, 24 * 60))
            hours.append({"day": day, "start": _hhmm(start), "end": _hhmm(end)})
    if not hours:
        hours = [{"day": "wed", "start": "10:00", "end": "11:30"}]
    closures = draw(st.lists(st.integers(0, 3 * 366), max_size=30))
    doc = {
        "nation": draw(st.sampled_from(bh.DIVISIONS)),
        "hours": hours,
        "closures": [{"date": (START.date() + timedelta(days=d)).isoformat()} for d in closures],
    }
    return council.build(doc, DIVISIONS)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def instants() -> st.SearchStrategy[datetime]:
    # Anywhere over three years, to the ms; a few on the clock changes' hours.
    ms = st.integers(0, 3 * 366 * 86_400_000)
    return st.one_of(
        ms.map(lambda n: START + timedelta(milliseconds=n)),
        st.sampled_from(
            [datetime(2026, 3, 29, 0, 59, 59, 999_000, UTC), datetime(2026, 10, 25, 1, tzinfo=UTC)]
        ),
    )


def texts(moment: datetime) -> st.SearchStrategy[str]:
    """How a time may be written in the store: as documents carry it, or as a peer might."""
    canonical = iso_ms(to_ms(moment))
    return st.sampled_from(
        [
            canonical,
            canonical,
            canonical,
            moment.isoformat(),  # +00:00
            moment.astimezone(timezone(timedelta(hours=1))).isoformat(timespec="milliseconds"),
            (moment + timedelta(microseconds=417)).isoformat(),  # finer than a ms
        ]
    )


@st.composite
def open_cases(draw: st.DrawFn, n: int) -> tuple[bulk.Row, list[bulk.EventRow]]:
    opened = draw(instants())
    opened_text = draw(texts(opened))
    case_id = f"case:{n}"
    events: list[bulk.EventRow] = []
    for _ in range(draw(st.integers(0, 4))):
        at = opened + timedelta(milliseconds=draw(st.integers(-86_400_000, 40 * 86_400_000)))
        kind, old, new = draw(
            st.sampled_from(
                [
                    ("status_changed", "in_progress", PAUSED_STATUS),
                    ("status_changed", PAUSED_STATUS, "in_progress"),
                    ("status_changed", "new", "triaged"),
                    (STAGE, "1", "2"),
                    (STAGE, "1", "x"),
                    (EXTENDED, None, None),
                ]
            )
        )
        at_text = draw(texts(at))
        events.append((case_id, at_text, draw(sqlite_ms(at_text)), kind, old, new))
    row: bulk.Row = (
        case_id,
        draw(st.sampled_from(sorted(CLOCKS))),
        opened_text,
        draw(sqlite_ms(opened_text)),
        draw(st.sampled_from([None, opened_text, "2026-01-01T00:00:00.000Z"])),
        opened_text,
    )
    return row, events


def sqlite_ms(text: str) -> st.SearchStrategy[int | None]:
    """What SQLite might make of a time: its ms, nothing, or (a broken reading) another."""
    right = to_ms(from_iso(text))
    return st.sampled_from([right, right, None, right + 3_600_000])


def straightforward(
    rows: list[bulk.Row], events: list[bulk.EventRow], cal: council.CouncilCalendar
) -> set[bulk.Recomputed]:
    """The recompute as the clock library states it: ``due`` for each case, from datetimes."""
    history: dict[str, list[Event]] = {}
    for case_id, at, _ms, kind, old, new in events:
        history.setdefault(case_id, []).append((from_iso(at), kind, old, new))
    out = set()
    for case_id, code, opened, _ms, response_was, due_was in rows:
        case = facts(datetime.fromisoformat(opened), history.get(case_id, []))
        response, due = (iso_ms(ms) for ms in due_ms(case, clock_of(code), cal))
        if (response, due) != (response_was, due_was):
            out.add(bulk.Recomputed(case_id, response, due))
    return out


def clock_of(code: str) -> ServiceClock:
    return service_clock(CLOCKS[code])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cal=calendars(), data=st.data())
def test_the_bulk_recompute_gives_what_each_case_s_clock_gives(
    cal: council.CouncilCalendar, data: st.DataObject
) -> None:
    drawn = [data.draw(open_cases(n)) for n in range(data.draw(st.integers(1, 25)))]
    rows = [row for row, _events in drawn]
    events = [event for _row, found in drawn for event in found]
    expected = straightforward(rows, events, cal)
    found = bulk.changed(rows, events, clock_of, cal)
    assert len(found) == len(set(found))
    assert set(found) == expected


def test_a_night_s_cases_share_their_due_times_but_not_a_working_hour_s() -> None:
    cal = council.build(None, DIVISIONS)  # Monday to Friday, 09:00-17:00
    times = [
        "2026-03-06T17:00:00.000Z",  # Friday, as the office closes
        "2026-03-07T11:12:13.456Z",  # Saturday
        "2026-03-09T08:59:59.999Z",  # Monday, a moment before it opens
        "2026-03-09T09:00:00.001Z",  # and a moment after
        "2026-03-09T09:00:00.001+00:00",  # the same, as a peer wrote it
    ]
    rows: list[bulk.Row] = [(f"case:{i}", "std", t, None, None, "") for i, t in enumerate(times)]
    found = {
        r.case_id: (r.response_due_at, r.due_at) for r in bulk.changed(rows, [], clock_of, cal)
    }
    assert found["case:0"] == found["case:1"] == found["case:2"]
    assert found["case:0"] == ("2026-03-11T17:00:00.000Z", "2026-03-19T17:00:00.000Z")
    assert found["case:3"] == found["case:4"]
    assert found["case:3"] == ("2026-03-12T09:00:00.001Z", "2026-03-20T09:00:00.001Z")


def test_a_time_sqlite_misreads_is_read_as_the_clock_library_reads_it() -> None:
    cal = council.build(None, DIVISIONS)
    row: bulk.Row = ("case:1", "fast", "2026-03-09T10:00:00.000Z", 0, None, "")
    (found,) = bulk.changed([row], [], clock_of, cal)
    assert found.due_at == "2026-03-09T15:00:00.000Z"  # five working hours, not from 1970


def test_the_cycle_collector_runs_again_after_a_recompute_even_one_that_fails(
    council: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    usual = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    changed = bulk.changed

    def watched(*args: Any) -> list[bulk.Recomputed]:
        during.append(gc.get_threshold())
        return changed(*args)

    monkeypatch.setattr(bulk, "changed", watched)
    with council.read() as s:
        case_clocks.recompute(s)
    assert during and during[-1][0] == collector.EASED  # collected less often meanwhile
    assert gc.get_threshold() == usual

    def broken(*_args: object) -> list[bulk.Recomputed]:
        during.append(gc.get_threshold())
        raise RuntimeError("a clock that cannot be read")

    monkeypatch.setattr(bulk, "changed", broken)
    with council.read() as s, pytest.raises(RuntimeError):
        case_clocks.recompute(s)
    assert during[-1][0] == collector.EASED
    assert gc.get_threshold() == usual
    gc.disable()  # one that found collection off changes nothing (the window collects itself)
    try:
        with council.read() as s, pytest.raises(RuntimeError):
            case_clocks.recompute(s)
        assert during[-1] == usual and not gc.isenabled()
    finally:
        gc.enable()
    assert gc.get_threshold() == usual


@pytest.mark.parametrize("closed", [0, 500], ids=["most-open", "few-open"])
@pytest.mark.parametrize("notes", [0, 30], ids=["few-events", "many-events"])
def test_the_store_s_recompute_agrees_with_each_case_s_due_times(
    council: Store, closed: int, notes: int
) -> None:
    # Each plan (the table read through or the status index; the events read through or
    # looked up by case) finds the same open cases and histories.
    with council.write() as s:
        for code, fields in CLOCKS.items():
            body = {"code": code, "name": code, "group": "Bulk", "keywords": [], **fields}
            body.setdefault("resolve_hours", 40)
            body.setdefault("response_hours", 8)
            docstore.put(s, new_document(SERVICE, f"service:{code}", {"active": True, **body}))
        cases: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        codes = sorted(CLOCKS)
        for i in range(200 + closed):
            opened = START + timedelta(hours=7 * i, milliseconds=i)
            text = iso_ms(to_ms(opened))
            if i % 7 == 3:
                text = opened.isoformat()  # as a peer might write it
            status = "closed" if i >= 200 else ("in_progress", "triaged", "new")[i % 3]
            cases.append(_case(i, codes[i % len(codes)], text, status))
            for k in range(notes if i % 5 == 0 else 0):
                events.append(_event(i, k, opened + timedelta(hours=k), "note", None, None))
            if i % 4 == 0:
                for k, (hours, old, new) in enumerate(
                    ((30, "in_progress", PAUSED_STATUS), (75, PAUSED_STATUS, "in_progress"))
                ):
                    at = opened + timedelta(hours=hours)
                    events.append(_event(i, 100 + k, at, "status_changed", old, new))
        s.execute(insert(Case.__table__), cases)  # type: ignore[arg-type]
        s.execute(insert(CaseEvent.__table__), events)  # type: ignore[arg-type]
    with council.read() as s:
        found = {r.case_id: r for r in case_clocks.recompute(s)}
        open_docs = [c for c in cases if c["status"] != "closed"]
        for case in open_docs:
            doc = {
                "_id": case["id"],
                "opened_at": case["opened_at"],
                "service_code": case["service_code"],
            }
            response, due = case_clocks.case_due(s, doc)
            assert found[case["id"]] == (case["id"], response, due)
        assert len(found) == len(open_docs)  # every one moved: none held the right times


def _case(i: int, code: str, opened: str, status: str) -> dict[str, Any]:
    return {
        "id": f"case:bulk{i:05d}",
        "rev": "1-bulk",
        "reference": f"K{i:07d}",
        "service_code": code,
        "summary": "bulk",
        "status": status,
        "priority": "normal",
        "channel": "phone",
        "opened_at": opened,
        "response_due_at": "2000-01-01T00:00:00.000Z",
        "due_at": "2000-01-01T00:00:00.000Z",
        "updated_at": opened,
        "conflicted": False,
    }


def _event(
    i: int, k: int, at: datetime, kind: str, old: str | None, new: str | None
) -> dict[str, Any]:
    return {
        "id": f"event:bulk{i:05d}-{k}",
        "case_id": f"case:bulk{i:05d}",
        "kind": kind,
        "at": iso_ms(to_ms(at)),
        "by": "staff:bulk",
        "field": "status",
        "old": old,
        "new": new,
    }


def test_a_day_s_local_dates_come_from_its_table() -> None:
    # Around both clock changes and an ordinary midnight, each instant's local date.
    for day in (date(2026, 3, 28), date(2026, 3, 29), date(2026, 10, 25), date(2026, 7, 1)):
        utc_day = (day - date(1970, 1, 1)).days
        flip, early, late = bulk._local_days(utc_day)
        for minute in range(0, 24 * 60, 7):
            ms = utc_day * 86_400_000 + minute * 60_000
            assert (early if ms < flip else late) == local_date(ms).toordinal()
