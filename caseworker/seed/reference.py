"""The demo council's fixed reference data: names, places, services, queues and staff.

Everything here is fictional but shaped like the real thing: phone numbers only from Ofcom's
ranges reserved for drama, email addresses only on the example domains, and town names that
belong to no real place.
"""

import json
import time
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from caseworker.documents.types import CALENDAR
from caseworker.ids import CROCKFORD

COUNCIL_NAME = "Cwm Glas County Borough Council"
EMAIL_DOMAINS = ("example.org", "example.com", "example.net")
MASTODON_HOST = "mastodon.example"


def mobile(n: int) -> str:
    """07700 900000-900999: Ofcom's mobile range for drama."""
    return f"07700 900{n % 1000:03d}"


def landline(n: int) -> str:
    """01632 960000-960999: Ofcom's geographic range for drama."""
    return f"01632 960{n % 1000:03d}"


_DAYS: dict[int, str] = {}  # day number -> "YYYY-MM-DDT"
_CLOCK: list[str] = []  # second of the day -> "HH:MM:SS."
_HOURS, _SIXTY = range(24), range(60)
_MILLIS = tuple(f"{ms:03d}Z" for ms in range(1000))


def iso(millis: int) -> str:
    """ISO 8601 UTC with milliseconds, as caseworker.timeutil.to_iso writes it, but cheaper
    (the seeder makes hundreds of thousands a second): day and time of day come from tables."""
    seconds, ms = divmod(millis, 1000)
    day, second = divmod(seconds, 86_400)
    date = _DAYS.get(day)
    if date is None:
        t = time.gmtime(day * 86_400)
        date = _DAYS[day] = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T"
    if not _CLOCK:
        _CLOCK.extend(f"{h:02d}:{m:02d}:{s:02d}." for h in _HOURS for m in _SIXTY for s in _SIXTY)
    return date + _CLOCK[second] + _MILLIS[ms]


_PAIRS = tuple((CROCKFORD[i >> 5] + CROCKFORD[i & 31]).lower() for i in range(1024))


def id_at(prefix: str, millis: int, rand: int) -> str:
    """``caseworker.ids.id_at`` unrolled: 48-bit milliseconds then 80 random bits, in lower-case
    Crockford base32 (ten characters, then sixteen)."""
    p = _PAIRS
    return (
        f"{prefix}:{p[millis >> 40 & 1023]}{p[millis >> 30 & 1023]}{p[millis >> 20 & 1023]}"
        f"{p[millis >> 10 & 1023]}{p[millis & 1023]}{p[rand >> 70 & 1023]}{p[rand >> 60 & 1023]}"
        f"{p[rand >> 50 & 1023]}{p[rand >> 40 & 1023]}{p[rand >> 30 & 1023]}"
        f"{p[rand >> 20 & 1023]}{p[rand >> 10 & 1023]}{p[rand & 1023]}"
    )


@cache
def _load(name: str) -> Any:
    return json.loads(resources.files("caseworker.data").joinpath(name).read_text("utf-8"))


@dataclass(frozen=True)
class People:
    given_en: tuple[str, ...]
    given_cy: tuple[str, ...]
    family: tuple[str, ...]
    streets: tuple[str, ...]
    towns: tuple[tuple[str, str], ...]


def people() -> People:
    data = _load("people.json")
    return People(
        tuple(data["given_en"]),
        tuple(data["given_cy"]),
        tuple(data["family"]),
        tuple(data["streets"]),
        tuple((town, code) for town, code in data["towns"]),
    )


def catalogue() -> dict[str, Any]:
    data: dict[str, Any] = _load("catalogue.json")
    return data


def calendar() -> dict[str, Any]:
    """The demo council's business calendar: Monday to Friday, 09:00 to 17:00, England and
    Wales, closed between Christmas and New Year (the days that are not bank holidays)."""
    closures = [
        {"date": f"{year}-12-{day}", "reason": "Council offices closed"}
        for year in range(2024, 2031)
        for day in (29, 30, 31)
    ]
    return {
        "_id": "calendar:council",
        "type": "calendar",
        "schema": CALENDAR.schema_version,
        "nation": "england-and-wales",
        "hours": [{"day": d, "start": "09:00", "end": "17:00"} for d in WORKDAYS],
        "closures": closures,
        "updated_at": "2024-01-01T00:00:00.000Z",
    }


WORKDAYS = ("mon", "tue", "wed", "thu", "fri")


def reply_templates(service_codes: list[str]) -> list[dict[str, Any]]:
    """The demo council's reply templates (``reply_template`` documents' fields, with their
    ``_id``): the general ones for every service, then those of one service."""
    data: dict[str, Any] = _load("reply_templates.json")
    made = []
    for code in service_codes:
        for t in data["every_service"]:
            made.append({**t, "service": code})
    made += [t for t in data["one_service"] if t["service"] in service_codes]
    fields = ("name_en", "name_cy", "subject_en", "subject_cy", "body_en", "body_cy")
    return [
        {
            "_id": f"template:{t['service']}-{t['key']}",
            "service_code": t["service"],
            **{f: t[f] for f in fields},
            "active": True,
        }
        for t in made
    ]


@dataclass(frozen=True)
class StaffSeed:
    key: str
    name: str
    role: str
    team: str
    queues: tuple[str, ...]
    patch: tuple[str, ...] = ()  # postcode districts: a field officer holds their open work


# One known account per role, so the sign-in screen of the demo offers each view of the app.
DEMO_STAFF: tuple[StaffSeed, ...] = (
    StaffSeed("agent", "Alys Morgan", "agent", "Contact centre", ("contact",)),
    StaffSeed(
        "officer",
        "Dewi Pritchard",
        "field_officer",
        "Street scene",
        ("street", "waste"),
        ("CF37", "CF38"),  # Pontyglas, Trefforest Isaf and Aberdulais Fach
    ),
    StaffSeed("supervisor", "Sandra Hughes", "supervisor", "Contact centre", ("contact", "waste")),
    StaffSeed("admin", "Iolo Rees", "admin", "Digital services", ()),
)
_TEAMS = (
    ("agent", "Contact centre", ("contact",)),
    ("field_officer", "Waste and recycling", ("waste",)),
    ("field_officer", "Street scene", ("street",)),
    ("field_officer", "Highways", ("highways",)),
    ("field_officer", "Environmental health", ("envhealth",)),
    ("field_officer", "Housing repairs", ("housing",)),
    ("agent", "Revenues and benefits", ("revenues",)),
    ("agent", "Parking services", ("parking",)),
    ("agent", "Planning", ("planning",)),
    ("supervisor", "Operations", ("waste", "street", "highways")),
)


def districts() -> tuple[str, ...]:
    """The postcode districts of the demo council's towns, in the order they are listed."""
    return tuple(dict.fromkeys(code for _town, code in people().towns))


def staff() -> list[StaffSeed]:
    """The demo accounts plus three people in each team; each field officer has a patch of two
    of the council's districts, the officers of a team next to each other."""
    ppl = people()
    areas = districts()
    out = list(DEMO_STAFF)
    for t, (role, team, queues) in enumerate(_TEAMS):
        for i in range(3):
            given = ppl.given_cy[(t * 3 + i) % len(ppl.given_cy)]
            family = ppl.family[(t * 7 + i * 5) % len(ppl.family)]
            key = f"{given}.{family}".lower().replace("'", "").replace(" ", "")
            start = (t * 3 + i) * 2
            patch: tuple[str, ...] = ()
            if role == "field_officer":
                patch = (areas[start % len(areas)], areas[(start + 1) % len(areas)])
            out.append(StaffSeed(key, f"{given} {family}", role, team, queues, patch))
    return out
