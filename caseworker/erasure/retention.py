"""Retention: the council's schedule, what it makes due, and legal holds.

The schedule is one document, ``retention:council`` (``caseworker.documents.types.RETENTION``),
edited by admins; without one, ``DEFAULTS`` apply (after the IRMS retention guidelines for
local government: closed case files six years after closure, kept anonymised for statistics;
contacts with no case two years; dismissed social-media mentions six months).

A record is due when the London calendar date of its start point plus the rule's months is
today's London date or earlier: a case closed at 00:30 on 1 July (British Summer Time, 23:30 on
30 June in UTC) is due six years later on 1 July, not on 30 June. Dismissed mentions count
from when they were published (a mention records no dismissal date). A record under a live legal
hold (on it, its case or its citizen) is skipped and counted; one already erased or asked for is
not due again. ``due`` reads what this store holds.
"""

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.documents.types import RETENTION_ID
from caseworker.erasure import scope
from caseworker.models import Case, ErasedRoot, Erasure, Interaction, Mention, StoredDocument
from caseworker.store import docstore
from caseworker.timeutil import LONDON, from_iso


@dataclass(frozen=True)
class Rule:
    record_class: str
    months: int
    action: str  # "erase" or "anonymise"


DEFAULTS = (
    Rule("closed_case", 72, "anonymise"),
    Rule("contact_no_case", 24, "erase"),
    Rule("dismissed_mention", 6, "erase"),
)


@dataclass
class Due:
    """One class's review: the rule, the records due (ids), and how many were held back."""

    rule: Rule
    ids: list[str] = field(default_factory=list)
    held: int = 0


def schedule(session: Session) -> list[Rule]:
    """The council's rules by class, the defaults filling any class it does not name."""
    return rules_of(docstore.get(session, RETENTION_ID))


def rules_of(doc: Mapping[str, Any] | None) -> list[Rule]:
    """The rules a schedule document sets, the defaults filling any class it does not name
    (or names wrongly: a malformed schedule from a peer falls back class by class)."""
    named: dict[str, Rule] = {}
    rules = doc.get("rules") if doc is not None and doc.get("type") == "retention" else None
    for item in rules if isinstance(rules, list) else []:
        if not isinstance(item, dict):
            continue
        kind, months, action = item.get("record_class"), item.get("months"), item.get("action")
        if (
            kind in vocab.RECORD_CLASSES
            and isinstance(months, int)
            and not isinstance(months, bool)
            and 0 < months <= 1200
            and action in vocab.ERASURE_MODES
        ):
            named[str(kind)] = Rule(str(kind), months, str(action))
    return [named.get(d.record_class, d) for d in DEFAULTS]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it has no such day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def london_date(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


def is_due(start: datetime, months: int, now: datetime) -> bool:
    return add_months(london_date(start), months) <= london_date(now)


def live_holds(session: Session) -> set[str]:
    """The case and citizen ids under a live legal hold in this store."""
    held: set[str] = set()
    ids = list(
        session.scalars(
            select(StoredDocument.id).where(
                StoredDocument.type == "legal_hold", StoredDocument.deleted.is_(False)
            )
        )
    )
    for body in docstore.get_many(session, ids).values():
        if scope.live_hold(body):
            held.update(v for v in (body.get("case_id"), body.get("citizen_id")) if v)
    return held


def _taken(session: Session) -> set[str]:
    """The ids this store's erasures took or ask for; an erasure not in force takes none."""
    roots = set(session.scalars(select(ErasedRoot.root_id)))
    rows = session.execute(
        select(Erasure.id, Erasure.record_id, Erasure.state).where(Erasure.record_id.is_not(None))
    ).all()
    failed = docstore.get_many(session, [e for e, _r, state in rows if state == "failed"])
    return roots | {
        record
        for erasure_id, record, _state in rows
        if record and scope.in_force(failed.get(erasure_id) or {})
    }


def due(session: Session, now: datetime) -> list[Due]:
    """Each class's records due under the schedule at ``now``, holds skipped and counted."""
    rules = schedule(session)
    records = (
        (rule.record_class, record_id, start, parents)
        for rule in rules
        for record_id, start, parents in _records(session, rule.record_class)
    )
    return tally(rules, records, live_holds(session), _taken(session), now)


def _records(
    session: Session, record_class: str
) -> Iterable[tuple[str, datetime | None, tuple[str | None, ...]]]:
    """(id, the moment its retention counts from, the case and citizen it hangs off)."""
    if record_class == "closed_case":
        query = select(Case.id, Case.closed_at, Case.citizen_id).where(Case.status == "closed")
        for case_id, closed, citizen in session.execute(query):
            yield case_id, closed, (citizen,)
    elif record_class == "contact_no_case":
        contacts = select(Interaction.id, Interaction.at, Interaction.citizen_id).where(
            Interaction.case_id.is_(None)
        )
        for contact_id, at, citizen in session.execute(contacts):
            yield contact_id, at, (citizen,)
    elif record_class == "dismissed_mention":
        mentions = select(Mention.id, Mention.published_at, Mention.citizen_id, Mention.case_id)
        for mention_id, at, citizen, case in session.execute(
            mentions.where(Mention.state == "dismissed")
        ):
            yield mention_id, at, (citizen, case)


# -- the same review over documents as CouchDB holds them (the central review) ------------------

# Where each class's records are, by id prefix (``caseworker.documents.types``): a central
# review reads only these ranges of the database, a page at a time.
ID_PREFIXES = {
    "closed_case": "case:",
    "contact_no_case": "contact:",
    "dismissed_mention": "mention:",
}
Record = tuple[str, str, datetime | None, tuple[str | None, ...]]  # class, id, start, parents


def record_of(doc: Mapping[str, Any]) -> Record | None:
    """What ``due`` counts of a live document, read from its body as the projection reads it:
    (class, id, the moment its retention counts from, the case and citizen it hangs off), or
    None when it is of no class (an open case, a contact on a case, a mention not dismissed)."""
    doc_id, kind = doc.get("_id"), doc.get("type")
    if not isinstance(doc_id, str) or doc.get("_deleted"):
        return None
    if kind == "case" and doc.get("status") == "closed":
        return "closed_case", doc_id, _moment(doc.get("closed_at")), (_text(doc, "citizen_id"),)
    if kind == "interaction" and doc.get("case_id") is None:
        return "contact_no_case", doc_id, _moment(doc.get("at")), (_text(doc, "citizen_id"),)
    if kind == "mention" and doc.get("state") == "dismissed":
        parents = (_text(doc, "citizen_id"), _text(doc, "case_id"))
        return "dismissed_mention", doc_id, _moment(doc.get("published_at")), parents
    return None


def held_by(doc: Mapping[str, Any]) -> set[str]:
    """The case and citizen a live legal hold document holds (none for anything else)."""
    if not scope.live_hold(doc):
        return set()
    return {v for v in (_text(doc, "case_id"), _text(doc, "citizen_id")) if v}


def taken_by(doc: Mapping[str, Any]) -> set[str]:
    """What an erasure document took or asks for (its target, and the cases the central job
    found): not due again, as on a laptop (``erased_roots`` and the erasures it holds). One
    not in force (refused because of a legal hold) took nothing: once the hold ends, its
    records are due again."""
    if doc.get("type") != "erasure" or doc.get("_deleted") or not scope.in_force(doc):
        return set()
    target = scope.target_of(doc)
    roots = doc.get("roots")
    found = {r for r in roots if isinstance(r, str)} if isinstance(roots, list) else set()
    return found | ({target} if target else set())


def tally(
    rules: list[Rule],
    records: Iterable[Record],
    held: set[str],
    taken: set[str],
    now: datetime,
) -> list[Due]:
    """``due``'s answer for records read elsewhere (each once, in any order)."""
    reviews = {rule.record_class: Due(rule) for rule in rules}
    for record_class, record_id, start, parents in records:
        review = reviews.get(record_class)
        if review is None or record_id in taken or start is None:
            continue
        if not is_due(start, review.rule.months, now):
            continue
        if record_id in held or any(p in held for p in parents if p):
            review.held += 1
        else:
            review.ids.append(record_id)
    return [reviews[rule.record_class] for rule in rules]


def _text(doc: Mapping[str, Any], name: str) -> str | None:
    value = doc.get(name)
    return value if isinstance(value, str) and value else None


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = from_iso(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
