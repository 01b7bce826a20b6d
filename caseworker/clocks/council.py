"""The council's calendar: its working hours, nation and closure days (the ``calendar:council``
document in the catalogue), with the bank holidays bundled or refreshed from GOV.UK.

A council without a calendar document works Monday to Friday, 09:00 to 17:00, in England and
Wales. One whose document cannot be used (a peer's revision that is not a calendar, hours that
make no sense) is read the same way, and says why in ``problem``: opening a case must not stop
because of it.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from caseworker.clocks import bank_holidays as bh
from caseworker.clocks.calendar import CalendarError, WorkingCalendar, minutes
from caseworker.store import docstore, settings

CALENDAR_ID = "calendar:council"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_HOURS = {d: [(9 * 60, 17 * 60)] for d in range(5)}
DEFAULT_NATION = bh.ENGLAND_AND_WALES


@dataclass(frozen=True)
class CouncilCalendar:
    working: WorkingCalendar  # the council's hours, less its nation's bank holidays and closures
    nation: str
    nation_holidays: frozenset[date]
    uk_holidays: frozenset[date]  # a bank holiday in any part of the UK (FOI)
    problem: str | None = None  # why the council's own calendar document was not used
    # Deadlines already worked out, by what they depend on (``due``): a bulk recompute meets
    # the same receipt days again and again.
    memo: dict[tuple[object, ...], int] = field(default_factory=dict, compare=False, repr=False)


def build(doc: Mapping[str, Any] | None, divisions: bh.Divisions) -> CouncilCalendar:
    """The calendar a document describes (``None``: the default one)."""
    uk = bh.any_uk(divisions)
    if doc is not None:
        try:
            nation, weekly, closures = _read(doc)
            holidays = bh.dates(divisions, nation)
            working = WorkingCalendar(weekly, holidays | closures)
            return CouncilCalendar(working, nation, holidays, uk)
        except CalendarError as exc:
            problem: str | None = f"the council's calendar cannot be used: {exc}"
    else:
        problem = None
    holidays = bh.dates(divisions, DEFAULT_NATION)
    working = WorkingCalendar(DEFAULT_HOURS, holidays)
    return CouncilCalendar(working, DEFAULT_NATION, holidays, uk, problem)


def _read(doc: Mapping[str, Any]) -> tuple[str, dict[int, list[tuple[int, int]]], frozenset[date]]:
    nation = doc.get("nation")
    if nation not in bh.DIVISIONS:
        raise CalendarError(f"unknown nation {str(nation)[:40]!r}")
    spans = doc.get("hours")
    if not isinstance(spans, list):
        raise CalendarError("no working hours")
    weekly: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        if not isinstance(span, Mapping) or span.get("day") not in WEEKDAYS:
            raise CalendarError("each working span needs a day (mon to sun)")
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, str) or not isinstance(end, str):
            raise CalendarError("each working span needs a start and an end (HH:MM)")
        weekly.setdefault(WEEKDAYS.index(span["day"]), []).append((minutes(start), minutes(end)))
    closures: set[date] = set()
    for closure in doc.get("closures") or ():
        text = closure.get("date") if isinstance(closure, Mapping) else None
        try:
            closures.add(date.fromisoformat(text) if isinstance(text, str) else date.min)
        except ValueError:
            raise CalendarError(f"a closure day is not a date: {str(text)[:20]!r}") from None
    closures.discard(date.min)
    return nation, weekly, frozenset(closures)


def holidays(session: Session) -> bh.Divisions:
    """The bundled bank holidays, with the copy last refreshed from GOV.UK winning (a stored
    copy that cannot be read any more is ignored: the bundled file still stands)."""
    text = settings.read(session, bh.SETTING_KEY)
    if not text:
        return bh.bundled()
    try:
        return bh.merge(bh.bundled(), bh.loads(text))
    except bh.BankHolidayError:
        return bh.bundled()


def refreshed(session: Session) -> bool:
    """Whether a copy refreshed from GOV.UK is kept."""
    return bool(settings.read(session, bh.SETTING_KEY))


def save_refreshed(session: Session, divisions: bh.Divisions) -> None:
    """Keep a copy refreshed from GOV.UK (in the caller's transaction)."""
    settings.write(session, bh.SETTING_KEY, bh.dumps(divisions))


_cache: dict[tuple[str | None, str | None], CouncilCalendar] = {}


def load(session: Session) -> CouncilCalendar:
    """The council's calendar as this store holds it (kept while neither the calendar document
    nor the refreshed holidays change, so a burst of cases builds it once)."""
    doc = docstore.get(session, CALENDAR_ID)
    stored = settings.read(session, bh.SETTING_KEY)
    key = (doc.get("_rev") if doc is not None else None, stored)
    found = _cache.get(key)
    if found is None:
        if len(_cache) > 8:
            _cache.clear()
        found = _cache[key] = build(doc, holidays(session))
    return found
