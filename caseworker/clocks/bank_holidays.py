"""UK bank holidays in GOV.UK's ``bank-holidays.json`` shape: read strictly, merged, looked up.

The bundled file (``caseworker/data/bank-holidays.json``, made by ``scripts/bank-holidays``)
covers the years ahead; a copy refreshed from GOV.UK (``sync.bank_holidays``) is kept in the
store and wins, division by division and year by year, wherever it lists any day.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from caseworker.errors import ValidationError

ENGLAND_AND_WALES = "england-and-wales"
SCOTLAND = "scotland"
NORTHERN_IRELAND = "northern-ireland"
DIVISIONS = (ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND)
EVENT_FIELDS = {"title": str, "date": str, "notes": str, "bunting": bool}
MAX_EVENTS = 2_000  # per division: GOV.UK's file holds about 80 (some eight years)
MAX_TEXT = 200
SETTING_KEY = "clocks.bank_holidays"  # the refreshed copy, in the store's settings


class BankHolidayError(ValidationError):
    """A bank-holidays file that is not in GOV.UK's shape (the message says where)."""


@dataclass(frozen=True)
class Holiday:
    day: date
    title: str
    notes: str = ""
    bunting: bool = False


# division -> its holidays, in date order
Divisions = dict[str, tuple[Holiday, ...]]


def parse(data: object) -> Divisions:
    """Check a decoded ``bank-holidays.json`` strictly (exactly the three divisions, each event
    exactly GOV.UK's four fields, real dates, no day twice) and return its holidays."""
    if not isinstance(data, dict):
        raise BankHolidayError("bank holidays: expected an object of divisions")
    if set(data) != set(DIVISIONS):
        raise BankHolidayError(f"bank holidays: expected exactly {', '.join(DIVISIONS)}")
    out: Divisions = {}
    for division in DIVISIONS:
        entry = data[division]
        where = f"bank holidays: {division}"
        if not isinstance(entry, dict) or set(entry) != {"division", "events"}:
            raise BankHolidayError(f"{where}: expected 'division' and 'events'")
        if entry["division"] != division:
            raise BankHolidayError(f"{where}: names another division")
        events = entry["events"]
        if not isinstance(events, list) or len(events) > MAX_EVENTS:
            raise BankHolidayError(f"{where}: expected a list of at most {MAX_EVENTS} events")
        holidays = [_event(e, f"{where}[{i}]") for i, e in enumerate(events)]
        holidays.sort(key=lambda h: h.day)
        if len({h.day for h in holidays}) != len(holidays):
            raise BankHolidayError(f"{where}: the same day is listed twice")
        out[division] = tuple(holidays)
    return out


def _event(event: object, where: str) -> Holiday:
    if not isinstance(event, dict) or set(event) != set(EVENT_FIELDS):
        raise BankHolidayError(f"{where}: expected exactly {', '.join(EVENT_FIELDS)}")
    for name, kind in EVENT_FIELDS.items():
        value = event[name]
        if type(value) is not kind or (isinstance(value, str) and len(value) > MAX_TEXT):
            raise BankHolidayError(f"{where}.{name}: not a {kind.__name__} (or too long)")
    text = event["date"]
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or len(text) != 10 or day.isoformat() != text:
        raise BankHolidayError(f"{where}.date: not a date (YYYY-MM-DD): {text[:20]!r}")
    return Holiday(day, event["title"], event["notes"], event["bunting"])


def loads(text: str | bytes) -> Divisions:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BankHolidayError("bank holidays: not JSON") from exc
    return parse(data)


def dumps(divisions: Mapping[str, tuple[Holiday, ...]]) -> str:
    """Back to GOV.UK's shape."""
    return json.dumps(
        {
            d: {
                "division": d,
                "events": [
                    {
                        "title": h.title,
                        "date": h.day.isoformat(),
                        "notes": h.notes,
                        "bunting": h.bunting,
                    }
                    for h in divisions[d]
                ],
            }
            for d in DIVISIONS
        },
        ensure_ascii=False,
    )


@cache
def bundled() -> Divisions:
    """The holidays shipped with Caseworker."""
    text = resources.files("caseworker.data").joinpath("bank-holidays.json").read_text("utf-8")
    return loads(text)


def merge(older: Divisions, newer: Divisions) -> Divisions:
    """``newer`` wins for every division and year in which it lists any holiday."""
    out: Divisions = {}
    for division in DIVISIONS:
        fresh = newer.get(division, ())
        years = {h.day.year for h in fresh}
        kept = [h for h in older.get(division, ()) if h.day.year not in years]
        out[division] = tuple(sorted((*kept, *fresh), key=lambda h: h.day))
    return out


def dates(divisions: Divisions, division: str) -> frozenset[date]:
    return frozenset(h.day for h in divisions[division])


def any_uk(divisions: Divisions) -> frozenset[date]:
    """The days that are a bank holiday somewhere in the UK (FOI's non-working days)."""
    return frozenset(h.day for d in DIVISIONS for h in divisions[d])


def years_covered(divisions: Divisions) -> tuple[int, int] | None:
    years = [h.day.year for d in DIVISIONS for h in divisions[d]]
    return (min(years), max(years)) if years else None
