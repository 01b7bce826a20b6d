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


async def roots_for(couch: Couch, person: Person) -> frozenset[str]:
    if person.is_admin:
        return frozenset({EVERYTHING})
    return roots_of_person(person, await held_cases(couch, person))
