"""Changing the council's calendar from a laptop (supervisors and admins): its closure days,
its nation (whose bank holidays it keeps) and its working hours. A change is checked as the
clocks will read it before it is written; the open cases whose due times it moves are counted,
and moved only when asked (``clock_changes.apply_recomputed``)."""

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.clocks import bank_holidays, council
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import CALENDAR
from caseworker.errors import ValidationError
from caseworker.services import audit
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow

DEFAULT_HOURS = [{"day": day, "start": "09:00", "end": "17:00"} for day in council.WEEKDAYS[:5]]


def current(session: Session) -> Document:
    """The council's calendar document, or the default one it stands for while there is none
    or while the one held cannot be used (a peer's broken edit): a change then starts again
    from the default, over the broken revision, instead of being refused for it forever."""
    return _read(session)[1]


def _read(session: Session) -> tuple[Document | None, Document]:
    """The calendar held (None: none yet) and the one a change starts from."""
    held = docstore.get(session, council.CALENDAR_ID)
    if held is None:
        return None, _default()
    if unusable(held) is None:
        return held, held
    return held, {**_default(), "_rev": held["_rev"]}


def unusable(doc: Document) -> str | None:
    """Why the clocks cannot use this calendar document, or None."""
    return council.build(doc, bank_holidays.bundled()).problem


def _default() -> Document:
    return new_document(
        CALENDAR,
        council.CALENDAR_ID,
        {
            "nation": council.DEFAULT_NATION,
            "hours": DEFAULT_HOURS,
            "closures": [],
            "updated_at": to_iso(utcnow()),
        },
    )


def _write(
    session: Session,
    actor: Actor,
    start: tuple[Document | None, Document],
    fields: dict[str, Any],
    what: str,
) -> ChangeSet:
    held, base = start
    doc = {**base, **fields, "updated_at": to_iso(utcnow())}
    problem = unusable(doc)  # no working hours at all is among them
    if problem:
        raise ValidationError(problem)
    local.require(actor.person_in(session), council.CALENDAR_ID, doc, held)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    changes.merge(audit.record(session, actor, "calendar.changed", council.CALENDAR_ID, what))
    return changes


def close_day(session: Session, actor: Actor, day: date, reason: str | None = None) -> ChangeSet:
    start = _read(session)
    closures = [c for c in start[1].get("closures") or () if c.get("date") != str(day)]
    entry: dict[str, Any] = {"date": day.isoformat()}
    if reason and reason.strip():
        entry["reason"] = " ".join(reason.split())[:200]
    closures.append(entry)
    closures.sort(key=lambda c: str(c.get("date")))
    return _write(session, actor, start, {"closures": closures}, f"closed {day.isoformat()}")


def reopen_day(session: Session, actor: Actor, day: date) -> ChangeSet:
    start = _read(session)
    closures = list(start[1].get("closures") or ())
    kept = [c for c in closures if c.get("date") != day.isoformat()]
    if len(kept) == len(closures):
        raise ValidationError(f"{day.isoformat()} is not a closure day")
    return _write(session, actor, start, {"closures": kept}, f"reopened {day.isoformat()}")


def set_nation(session: Session, actor: Actor, nation: str) -> ChangeSet:
    if nation not in bank_holidays.DIVISIONS:
        raise ValidationError(f"the nation is one of {', '.join(bank_holidays.DIVISIONS)}")
    return _write(session, actor, _read(session), {"nation": nation}, f"nation {nation}")


def spans_from_text(text: str) -> list[tuple[str, str]]:
    """A weekday's hours as people type them: ``09:00-12:30, 13:30-17:00``; empty or ``none``:
    not worked. Each time is checked when the calendar is written (``set_hours``)."""
    if text.strip().lower() in ("", "none"):
        return []
    spans = []
    for part in text.split(","):
        start, sep, end = part.strip().partition("-")
        if not sep or not start.strip() or not end.strip():
            shown = text.strip()[:60]
            raise ValidationError(f"hours are HH:MM-HH:MM, separated by commas: {shown!r}")
        spans.append((start.strip(), end.strip()))
    return spans


def set_hours(session: Session, actor: Actor, day: str, spans: list[tuple[str, str]]) -> ChangeSet:
    """A weekday's working hours (``[]``: not worked), e.g. ``[("09:00", "12:30")]``."""
    if day not in council.WEEKDAYS:
        raise ValidationError(f"the day is one of {', '.join(council.WEEKDAYS)}")
    start = _read(session)
    hours = [h for h in start[1].get("hours") or () if h.get("day") != day]
    hours += [{"day": day, "start": start, "end": end} for start, end in spans]
    hours.sort(key=lambda h: (council.WEEKDAYS.index(str(h.get("day"))), str(h.get("start"))))
    return _write(session, actor, start, {"hours": hours}, f"hours on {day}")
