"""What the Service levels page reads and writes, each in one job on the database thread:
the escalation rules with the queues and services they can name, and the council's calendar.
Every write goes through the same services as ``caseworker escalation`` and ``caseworker
calendar``; a calendar change also says how many open cases here it moves."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from caseworker.clocks import council
from caseworker.services import calendar_edits, clock_changes, escalation_rules
from caseworker.services.context import Actor, ChangeSet
from caseworker.services.escalation_rules import Held, Listed, NewRule
from caseworker.store import docstore
from ui.routing.data import Choice, queue_choices, service_choices

T = TypeVar("T")
Job = Callable[[Session], T]


@dataclass(frozen=True)
class EscalationData:
    rules: tuple[Listed, ...]
    queues: tuple[Choice, ...]  # every queue, open or not, by name
    services: tuple[Choice, ...]  # active services, by name


def load_escalation(session: Session) -> EscalationData:
    return EscalationData(
        tuple(escalation_rules.list_rules(session)),
        queue_choices(session),
        service_choices(session),
    )


def add_rule(actor: Actor, new: NewRule) -> Job[tuple[str, ChangeSet]]:
    return lambda session: escalation_rules.add_rule(session, actor, new)


def read_rule(rule_id: str) -> Job[Held]:
    """The rule as it is now, and the revision a change will be made on."""
    return lambda session: escalation_rules.read_rule(session, rule_id)


def update_rule(actor: Actor, held: Held, new: NewRule) -> Job[tuple[str, ChangeSet]]:
    def job(session: Session) -> tuple[str, ChangeSet]:
        return held.doc_id, escalation_rules.update_rule(session, actor, held.doc_id, held.rev, new)

    return job


def set_active(actor: Actor, rule_id: str, active: bool) -> Job[ChangeSet]:
    return lambda session: escalation_rules.set_active(session, actor, rule_id, active)


@dataclass(frozen=True)
class Closure:
    day: date
    reason: str


@dataclass(frozen=True)
class CalendarData:
    nation: str
    hours: dict[str, str]  # weekday ("mon") -> its spans as typed ("09:00-12:30, 13:30-17:00")
    closures: tuple[Closure, ...]  # soonest first
    problem: str | None  # why the calendar held cannot be used (the default is used instead)


def spans_text(spans: list[tuple[str, str]]) -> str:
    return ", ".join(f"{start}-{end}" for start, end in spans)


def load_calendar(session: Session) -> CalendarData:
    held = docstore.get(session, council.CALENDAR_ID)
    problem = calendar_edits.unusable(held) if held is not None else None
    doc = calendar_edits.current(session)
    by_day: dict[str, list[tuple[str, str]]] = {day: [] for day in council.WEEKDAYS}
    for span in doc.get("hours") or ():
        by_day[str(span["day"])].append((str(span["start"]), str(span["end"])))
    closures = []
    for closure in doc.get("closures") or ():
        if not isinstance(closure, dict):  # a peer's junk the clocks pass over: so do we
            continue
        try:
            day = date.fromisoformat(str(closure.get("date")))
        except ValueError:  # the current calendar is a usable one: not met, but never a crash
            continue
        closures.append(Closure(day, str(closure.get("reason") or "")))
    return CalendarData(
        str(doc["nation"]),
        {day: spans_text(spans) for day, spans in by_day.items()},
        tuple(sorted(closures, key=lambda c: c.day)),
        problem,
    )


@dataclass(frozen=True)
class Moved:
    """A calendar change (or a recompute) made: how many open cases here it moves (or moved)."""

    count: int
    recomputed: bool


def _changed(session: Session, changes: ChangeSet) -> tuple[Moved, ChangeSet]:
    return Moved(clock_changes.cases_moved(session), False), changes


def close_day(actor: Actor, day: date, reason: str) -> Job[tuple[Moved, ChangeSet]]:
    return lambda s: _changed(s, calendar_edits.close_day(s, actor, day, reason))


def reopen_day(actor: Actor, day: date) -> Job[tuple[Moved, ChangeSet]]:
    return lambda s: _changed(s, calendar_edits.reopen_day(s, actor, day))


def set_week(actor: Actor, nation: str, hours: dict[str, str]) -> Job[tuple[Moved, ChangeSet]]:
    """The nation and every weekday whose hours differ from those held, in one transaction
    (all or none)."""

    def job(session: Session) -> tuple[Moved, ChangeSet]:
        held = load_calendar(session)
        changes = ChangeSet()
        if nation != held.nation or held.problem:  # a broken calendar is replaced
            changes.merge(calendar_edits.set_nation(session, actor, nation))
        for day, text in hours.items():
            spans = calendar_edits.spans_from_text(text)
            if spans_text(spans) != held.hours.get(day):
                changes.merge(calendar_edits.set_hours(session, actor, day, spans))
        return _changed(session, changes)

    return job


def recompute(actor: Actor) -> Job[tuple[Moved, ChangeSet]]:
    def job(session: Session) -> tuple[Moved, ChangeSet]:
        count, changes = clock_changes.recompute_open(session, actor)
        return Moved(count, True), changes

    return job
