"""The roots a person holds, found in the central database without reading the council.

    roots = await roots_for(couch, person)     # frozenset: shared channels, cases, citizens

The ``cases`` view (``caseworker.access.views``) maps each live case to its case keys, with
its citizen as the value; the person's own keys (``person_case_keys``) pick out the cases they
hold. An admin's single root is ``*``.
"""

from typing import Any

from caseworker.access.channels import (
    EVERYTHING,
    person_case_keys,
    roots_of_person,
)
from caseworker.access.people import Person
from caseworker.access.views import CASES_VIEW, DESIGN_ID
from sync.gateway.couch import Couch, CouchError
from sync.gateway.watcher import running

_CASES = f"/{DESIGN_ID}/_view/{CASES_VIEW}"


async def held_cases(couch: Couch, person: Person) -> list[dict[str, Any]]:
    """``{"_id", "citizen_id"}`` of each live case the person holds through one of their keys."""
    keys = sorted(person_case_keys(person))
    if not keys:
        return []
    answer = await couch.post(_CASES, {"keys": keys})
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise CouchError(502, {"error": "bad_gateway", "reason": "the cases view sent no rows"})
    cases: dict[str, dict[str, Any]] = {}
    for row in rows:
        case_id = row.get("id") if isinstance(row, dict) else None
        if isinstance(case_id, str):
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
