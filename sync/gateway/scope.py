"""The roots a person holds, found in the central database without reading the council.

    roots = await roots_for(couch, person)     # frozenset: shared channels, cases, citizens

The ``cases`` view (``caseworker.access.views``) maps each live case to its case keys, with
its citizen as the value; the person's own keys (``person_case_keys``) pick out the cases they
hold. An admin's single root is ``*``.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from caseworker.access.channels import (
    EVERYTHING,
    case_keys,
    is_id_of,
    person_case_keys,
    root_of,
    roots_of_person,
    shared_roots,
)
from caseworker.access.people import Person
from caseworker.access.views import ROWS, VIEW_PATH, citizen_key, citizen_of_key
from sync.gateway.couch import Couch, CouchError
from sync.gateway.watcher import running


async def held_cases(couch: Couch, person: Person) -> list[dict[str, Any]]:
    """``{"_id", "citizen_id"}`` of each live case the person holds through one of their keys."""
    keys = sorted(person_case_keys(person))
    if not keys:
        return []
    answer = await couch.post(VIEW_PATH, {"keys": keys}, params=ROWS)
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise CouchError(502, {"error": "bad_gateway", "reason": "the cases view sent no rows"})
    cases: dict[str, dict[str, Any]] = {}
    for row in rows:
        case_id = row.get("id") if isinstance(row, dict) else None
        if isinstance(case_id, str) and citizen_of_key(row.get("key")) is None:
            cases[case_id] = {"_id": case_id, "citizen_id": row.get("value")}
    return list(cases.values())


async def roots_for(couch: Couch, person: Person, *, shared: bool = False) -> frozenset[str]:
    """The person's roots. ``shared``: for reading, the cases may be those found for another
    request with the same keys since the last change the gateway's watcher saw (one look for
    all of a person's devices woken by a change); writes are judged on a fresh look."""
    if person.is_admin:
        return frozenset({EVERYTHING})
    watcher = running(couch) if shared else None
    if watcher is None:
        return roots_of_person(person, await held_cases(couch, person))

    async def look() -> list[dict[str, Any]]:
        return await held_cases(couch, person)

    keys = tuple(sorted(person_case_keys(person)))
    return roots_of_person(person, await watcher.as_of_now(("cases", keys), look))


async def held_among(
    couch: Couch,
    person: Person,
    wanted: Iterable[str],
    known: Mapping[str, Mapping[str, Any] | None] | None = None,
) -> frozenset[str]:
    """Which of ``wanted`` the person holds: ``roots_for(person) & wanted`` (an admin: ``*``),
    found by looking only at those roots' cases. What a write is judged by: a supervisor of a
    queue of 50,000 cases is not listed all of them for every batch they push. ``known``: the
    server's current body of some ids, just read (None: not there, or deleted)."""
    if person.is_admin:
        return frozenset({EVERYTHING})
    wanted = set(wanted)
    held = set(shared_roots(person) & wanted)
    keys = person_case_keys(person)
    case_ids = {r for r in wanted if is_id_of(r, "case")}
    citizens = {r for r in wanted if is_id_of(r, "citizen")}
    if not keys or not (case_ids or citizens):
        return frozenset(held)
    on_citizens: set[str] = set()
    if citizens:
        by_citizen = sorted(citizen_key(c) for c in citizens)
        answer = await couch.post(VIEW_PATH, {"keys": by_citizen}, params=ROWS)
        on_citizens = {i for i in _row_ids(answer) if is_id_of(i, "case")}
    known = known or {}
    asked = case_ids | on_citizens
    cases = {
        i: body
        for i in asked & known.keys()
        if (body := known[i]) is not None and _live_case(i, body)
    }
    cases.update(await _live_cases(couch, sorted(asked - known.keys())))
    for case_id, case in cases.items():
        if not case_keys(case) & keys:
            continue
        if case_id in case_ids:
            held.add(case_id)
        citizen = case.get("citizen_id")
        if isinstance(citizen, str) and citizen in citizens:
            held.add(citizen)
    return frozenset(held)


def _row_ids(answer: Any) -> list[Any]:
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise CouchError(502, {"error": "bad_gateway", "reason": "a view sent no rows"})
    return [row.get("id") for row in rows if isinstance(row, dict)]


async def _live_cases(couch: Couch, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The current body of each live case among ``ids`` (by the same test as the views)."""
    if not ids:
        return {}
    answer = await couch.post("/_all_docs", {"keys": ids}, params={"include_docs": "true"})
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise CouchError(502, {"error": "bad_gateway", "reason": "the database sent no rows"})
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        doc = row.get("doc") if isinstance(row, dict) else None
        if isinstance(doc, dict) and _live_case(row.get("id"), doc):
            found[str(doc["_id"])] = doc
    return found


def _live_case(case_id: Any, doc: Mapping[str, Any]) -> bool:
    """A live case document of that id, as the ``cases`` view sees one."""
    return (
        not doc.get("_deleted")
        and doc.get("type") == "case"
        and doc.get("_id") == case_id
        and root_of(str(case_id), doc) == case_id
    )
