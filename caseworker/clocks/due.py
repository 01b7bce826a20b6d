"""A case's due times: its service's clock, applied to when it was opened and what has happened
to it since (pauses, a complaint's stage, a subject access extension), under the council's
calendar. A pure function of those facts, so opening a case, resuming one and recomputing
every open case after a calendar change all agree.

- ``standard``: first response and resolution are ``response_hours`` / ``resolve_hours`` of
  working time after opening; a pause (awaiting the citizen) moves both by the working time
  it lasted.
- ``subject_access``: due by the end of the statutory day (``statutory``); a pause adds the
  calendar days it lasted to the day of receipt (the ICO's "clock stops" while the council
  waits for what it needs to find the data).
- ``foi``: the twentieth working day after receipt; a request clarified after a pause counts
  again from the day the clarification arrived (FOIA s.1(3)).
- ``complaint``: each stage has its working days, counted from the day the stage began (day 0)
  to the end of the last one's working hours; moving to the next stage restarts the clock; a
  pause during the stage moves it by the working time it lasted.
First response is always ``response_hours`` of working time.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from caseworker.clocks import statutory
from caseworker.clocks.calendar import from_ms, to_ms
from caseworker.clocks.council import CouncilCalendar
from caseworker.clocks.pauses import spans
from caseworker.timeutil import LONDON

CLOCK_KINDS = ("standard", "subject_access", "foi", "complaint")
HOUR_MS = 3_600_000
EXTENDED = "clock_extended"  # case event kinds
STAGE = "clock_stage"
MAX_STAGE_DAYS = 366


@dataclass(frozen=True)
class Stage:
    code: str
    name: str
    working_days: int


@dataclass(frozen=True)
class ServiceClock:
    kind: str
    response_hours: int
    resolve_hours: int
    stages: tuple[Stage, ...] = ()


def service_clock(service: Mapping[str, Any]) -> ServiceClock:
    """A service document's clock. What a reader cannot use falls back to the standard clock
    on its hours (a newer kind of clock, a complaint without usable stages)."""
    response = _hours(service.get("response_hours"))
    resolve = _hours(service.get("resolve_hours"))
    kind = service.get("clock")
    if kind not in CLOCK_KINDS:
        kind = "standard"
    stages: list[Stage] = []
    for i, item in enumerate(service.get("stages") or ()):
        days = item.get("working_days") if isinstance(item, Mapping) else None
        if type(days) is not int or not 0 < days <= MAX_STAGE_DAYS:
            stages = []
            break
        code = item.get("code")
        name = item.get("name")
        stages.append(
            Stage(
                code if isinstance(code, str) else str(i + 1),
                name if isinstance(name, str) else f"Stage {i + 1}",
                days,
            )
        )
    if kind == "complaint" and not stages:
        kind = "standard"
    return ServiceClock(str(kind), response, resolve, tuple(stages))


def _hours(value: object) -> int:
    # Negative or absurd hours from a peer would move a due time backwards or out of range.
    return value if type(value) is int and 0 <= value <= 100_000 else 0


@dataclass(frozen=True)
class CaseFacts:
    opened_ms: int
    pauses: tuple[tuple[int, int], ...] = ()  # ended pauses, UTC ms
    stage: int = 1  # a complaint's stage, from 1
    stage_started_ms: int | None = None
    extended: bool = False  # a subject access request extended to three months


Event = tuple[datetime, str, str | None, str | None]  # (at, kind, old, new)


def facts(opened: datetime, events: Iterable[Event]) -> CaseFacts:
    """A case's clock facts from its history ``(at, kind, old, new)``."""
    # In time order first: two events within one ms keep the order of their microseconds.
    timed = [(to_ms(at), kind, old, new) for at, kind, old, new in sorted(events, key=_at)]
    return facts_ms(to_ms(opened), timed)


def _at(event: Event) -> datetime:
    return event[0]


def facts_ms(opened: int, events: Iterable[tuple[int, str, str | None, str | None]]) -> CaseFacts:
    """``facts`` of a history timed in UTC ms (as documents carry them)."""
    changes = []
    stage, stage_started, extended = 1, None, False
    for at, kind, old, new in sorted(events, key=lambda e: e[0]):
        if kind == "status_changed":
            changes.append((at, old, new))
        elif kind == STAGE and new is not None and new.isdigit():
            stage, stage_started = int(new), at
        elif kind == EXTENDED:
            extended = True
    ended = tuple((s, e) for s, e in spans(changes) if e is not None)
    return CaseFacts(opened, ended, stage, stage_started, extended)


_local_dates: dict[int, date] = {}


def local_date(ms: int) -> date:
    """The local (London) date of an instant; the offset changes on the hour, so a quarter
    of an hour shares one answer."""
    bucket = ms // 900_000
    found = _local_dates.get(bucket)
    if found is None:
        if len(_local_dates) > 200_000:
            _local_dates.clear()
        found = _local_dates[bucket] = datetime.fromtimestamp(ms / 1000, LONDON).date()
    return found


def due_ms(case: CaseFacts, clock: ServiceClock, cal: CouncilCalendar) -> tuple[int, int]:
    """(first response due, resolution due), UTC ms."""
    work = cal.working
    opened = case.opened_ms
    paused = (
        sum(work.working_ms_between(s, e) for s, e in case.pauses if e > s) if case.pauses else 0
    )
    worked = work.worked_at(opened)
    response_ms = clock.response_hours * HOUR_MS + paused
    response = work.at_worked(worked + response_ms, opened) if response_ms else opened
    if clock.kind == "standard":
        resolve_ms = clock.resolve_hours * HOUR_MS + paused
        return response, work.at_worked(worked + resolve_ms, opened) if resolve_ms else opened
    memo = cal.memo
    if clock.kind == "subject_access":
        days = sum((local_date(e) - local_date(s)).days for s, e in case.pauses if e > s)
        received = local_date(opened).toordinal() + days
        key: tuple[object, ...] = ("sar", received, case.extended)
        end = memo.get(key)
        if end is None:
            day = statutory.subject_access_due(
                date.fromordinal(received), cal.nation_holidays, case.extended
            )
            end = memo[key] = to_ms(statutory.end_of_day(day))
        return response, end
    if clock.kind == "foi":
        restart = max((e for _s, e in case.pauses), default=opened)
        key = ("foi", local_date(max(opened, restart)))
        end = memo.get(key)
        if end is None:
            day = statutory.foi_due(local_date(max(opened, restart)), cal.uk_holidays)
            end = memo[key] = to_ms(statutory.end_of_day(day))
        return response, end
    if clock.kind == "complaint":
        stage = clock.stages[min(max(case.stage, 1), len(clock.stages)) - 1]
        began = case.stage_started_ms if case.stage_started_ms is not None else opened
        key = ("stage", local_date(began), stage.working_days)
        end = memo.get(key)
        if end is None:
            last = work.add_working_days(local_date(began), stage.working_days)
            if not work.is_working_day(last):  # began on a closed day with 0 days: next one
                last = work.next_working_day(last)
            end = memo[key] = to_ms(work.end_of_working_day(last))
        since = sum(work.working_ms_between(max(s, began), e) for s, e in case.pauses if e > began)
        return response, work.add_working_ms(end, since)
    raise ValueError(f"unknown clock {clock.kind!r}")  # service_clock never makes one


def due(case: CaseFacts, clock: ServiceClock, cal: CouncilCalendar) -> tuple[datetime, datetime]:
    response, resolution = due_ms(case, clock, cal)
    return from_ms(response), from_ms(resolution)
