"""A push is judged on the roots it touches: ``held_among(person, wanted)`` is exactly
``roots_for(person) & wanted``, for every person and every root, on the real server, including
cases that are closed, deleted, moved to another citizen or outside everyone's work."""

import asyncio
import uuid
from typing import Any

import pytest

from caseworker.access.channels import EVERYTHING, root_of
from caseworker.access.people import person_from
from sync.gateway.couch import Couch
from sync.gateway.scope import held_among, roots_for
from tests.support.gateway import (
    STAFF_USERS,
    a_case,
    a_citizen,
    a_note,
    central_database,
    central_server,
    gateway_council,
)


def council() -> list[dict[str, Any]]:
    docs = gateway_council()
    docs += [
        a_citizen("citizen:c9", "Gwen", "Nine"),
        a_case("case:closed", citizen_id="citizen:c9", queue_id="queue:waste", status="closed"),
        a_case("case:gone", citizen_id="citizen:c9", queue_id="queue:waste", _deleted=True),
        a_case("case:two", citizen_id="citizen:c2", queue_id="queue:waste"),
        a_case("case:lone", queue_id="queue:elsewhere", assignee_id="staff:officer"),
        a_note("note:c9", "called back", "staff:agent", citizen_id="citizen:c9"),
    ]
    return docs


@pytest.mark.parametrize("user", sorted(STAFF_USERS))
def test_the_roots_a_push_is_judged_on_are_the_scopes_own(
    request: pytest.FixtureRequest, user: str
) -> None:
    server = central_server(request)
    name = f"gw-{uuid.uuid4().hex[:12]}"
    db_url = server.create_db(name)
    docs = council()
    try:
        with central_database(server, db_url, docs) as admin:
            _, role, staff_id = STAFF_USERS[user]
            staff = admin.get("/" + staff_id)
            listing = admin.post("/_all_docs", {"keys": [d["_id"] for d in docs]},
                                 params={"include_docs": "true"})  # fmt: skip
            current = {r["key"]: r.get("doc") for r in listing["rows"]}
            person = person_from(user, [role, f"staff:{staff_id}"], staff)

            async def both(wanted: set[str]) -> tuple[frozenset[str], frozenset[str]]:
                couch = Couch(server.url, name, *server.admin_auth)
                try:
                    everything = await roots_for(couch, person)
                    expected = everything if EVERYTHING in everything else everything & wanted
                    found = await held_among(couch, person, wanted)
                    # as a push is judged: with the bodies the server holds, just read
                    known = {d["_id"]: current.get(d["_id"]) for d in docs}
                    assert await held_among(couch, person, wanted, known) == found
                    return expected, found
                finally:
                    await couch.aclose()

            every_root = {r for d in docs if (r := root_of(d["_id"], d)) is not None}
            every_root |= {d["_id"] for d in docs} | {"case:unknown", "citizen:unknown"}
            expected, found = asyncio.run(both(every_root))
            assert found == expected
            for one in sorted(every_root):
                expected, found = asyncio.run(both({one}))
                assert found == expected, one
    finally:
        server.delete_db(name)
