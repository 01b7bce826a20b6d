"""The central gateway for tests: ``caseworker central serve`` as a real subprocess, in front of
a central database on the pinned PouchDB Server, with staff users made by ``central add-user``.

    with central_database(couch_server, couch_db) as admin:   # init, council, users
        with Gateway(couch_server, couch_db) as gateway:
            gateway.db_url                        # http://127.0.0.1:PORT/<db>, what laptops use
            requests.get(gateway.db_url, auth=USERS["ann"], headers=JSON)

``Gateway`` is ``sync.gateway.process.GatewayProcess`` run as the test server's admin: ``start``
returns once the command has printed ``listening on http://HOST:PORT``; ``stop`` sends SIGTERM,
then SIGKILL, and reaps it; ``stderr_text`` is what it wrote on standard error.
"""

import contextlib
import hashlib
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE, CITIZEN, NOTE, STAFF
from sync import central
from sync.errors import RequestError
from sync.gateway.process import GatewayProcess
from sync.http import CouchClient
from tests.support.couch_server import CouchServer
from tests.support.council import council_docs
from tests.support.external_couch import ExternalCouch, external_couch

Server = CouchServer | ExternalCouch  # what the gateway runs in front of

# name -> (password, role, staff id); the staff documents are tests.support.council's.
STAFF_USERS: dict[str, tuple[str, str, str]] = {
    "ann": ("ann-pw", "agent", "staff:agent"),
    "olu": ("olu-pw", "field_officer", "staff:officer"),
    "sam": ("sam-pw", "supervisor", "staff:supervisor"),
    "ada": ("ada-pw", "admin", "staff:admin"),
    # Only ever signed in with a wrong password: CouchDB 3.4 locks a name out after a few
    # failures, so the others' are never guessed at.
    "kim": ("kim-pw", "agent", "staff:agent"),
}
USERS = {name: (name, entry[0]) for name, entry in STAFF_USERS.items()}


def central_server(request: pytest.FixtureRequest) -> Server:
    """The Apache CouchDB that ``CASEWORKER_TEST_COUCHDB`` names, else the session's pinned
    PouchDB Server (the ``couch_server`` fixture)."""
    external = external_couch()
    if external is not None:
        return external
    server: CouchServer = request.getfixturevalue("couch_server")
    return server


@contextlib.contextmanager
def central_database(
    server: Server,
    db_url: str,
    docs: list[dict[str, Any]] | None = None,
) -> Iterator[CouchClient]:
    """``central init`` on ``db_url``, ``docs`` stored as they are, and the staff users."""
    admin = CouchClient(db_url, *server.admin_auth)
    try:
        central.init(admin)
        if docs:
            admin.post("/_bulk_docs", {"docs": docs})
        for name, (password, role, staff_id) in STAFF_USERS.items():
            _add_user(admin, name, password, role, staff_id)
        yield admin
    finally:
        admin.close()


def _add_user(admin: CouchClient, name: str, password: str, role: str, staff_id: str) -> None:
    """``central add-user``; again on a conflict (on an Apache CouchDB, other test runs may
    write the same users of the shared ``_users`` at the same time)."""
    for attempt in range(5):
        try:
            central.add_user(admin, name, password, role, staff_id)
            return
        except RequestError as exc:
            if exc.status != 409 or attempt == 4:
                raise


class Gateway(GatewayProcess):
    """``caseworker central serve`` for ``db_url`` on the test server, on a free port of
    127.0.0.1 (``sync.gateway.process``, with the server's admin)."""

    def __init__(self, server: Server, db_url: str, *, port: int = 0) -> None:
        super().__init__(db_url, *server.admin_auth, port=port)
        self.server = server


# -- a council with cases in and out of each person's scope ------------------------------------

NOW = "2025-03-01T09:00:00Z"


def a_citizen(citizen_id: str, given: str, family: str) -> dict[str, Any]:
    return new_document(
        CITIZEN,
        citizen_id,
        {
            "given_name": given,
            "family_name": family,
            "language": "en",
            "identifiers": [],
            "consents": [],
            "created_at": NOW,
            "updated_at": NOW,
        },
    )


def a_case(case_id: str, **fields: Any) -> dict[str, Any]:
    base = {
        "reference": "2EVQ-W146-S0DJ",
        "service_code": "missed-bin",
        "summary": "Bin missed",
        "status": "new",
        "priority": "normal",
        "channel": "phone",
        "queue_id": "queue:waste",
        "opened_at": NOW,
        "due_at": NOW,
        "updated_at": NOW,
    }
    return new_document(CASE, case_id, {**base, **fields})


def a_note(note_id: str, text: str, by: str, **parents: str) -> dict[str, Any]:
    return new_document(NOTE, note_id, {"text": text, "at": NOW, "by": by, **parents})


def gateway_council() -> list[dict[str, Any]]:
    """The council of ``tests.support.council`` and an admin's staff record, plus:
    - ``case:w1`` (queue waste, unassigned) of Carys ``citizen:c1``, with ``note:w1``:
      held by ann (agent, queue waste) and sam (supervisor of waste);
    - ``case:h1`` (queue highways, assigned to the field officer) of Dafydd ``citizen:c2``,
      with ``note:h1``: held by olu only;
    - Eira ``citizen:c3``, on no case, with ``note:c3``: held by no one but the admin."""
    docs = council_docs()
    docs.append(
        new_document(
            STAFF,
            "staff:admin",
            {
                "name": "Ada Admin",
                "username": "admin",
                "role": "admin",
                "queue_ids": [],
                "active": True,
            },
        )
    )
    docs += [
        a_citizen("citizen:c1", "Carys", "Onewater"),
        a_citizen("citizen:c2", "Dafydd", "Twofields"),
        a_citizen("citizen:c3", "Eira", "Threlkeld"),
        a_case("case:w1", citizen_id="citizen:c1"),
        a_case(
            "case:h1",
            citizen_id="citizen:c2",
            queue_id="queue:highways",
            assignee_id="staff:officer",
            status="assigned",
            summary="Pothole on the high street",
        ),
        a_note("note:w1", "Carys called about the bin", "staff:agent", case_id="case:w1"),
        a_note("note:h1", "Dafydd says the pothole is deep", "staff:officer", case_id="case:h1"),
        a_note("note:c3", "Eira asked about council tax", "staff:admin", citizen_id="citizen:c3"),
    ]
    return docs


# Names of people whose records each user must never receive.
UNSEEN_BY = {
    "ann": ("Dafydd", "Twofields", "Eira", "Threlkeld", "pothole"),
    "olu": ("Carys", "Onewater", "Eira", "Threlkeld"),
    "sam": ("Dafydd", "Twofields", "Eira", "Threlkeld"),
}


def revision(
    body: dict[str, Any], parents: list[str] | None = None, *, tag: str | None = None
) -> dict[str, Any]:
    """``body`` as a replicated revision (``new_edits: false``): a new ``_rev`` on top of
    ``parents`` (newest first, e.g. the server's current ``_rev``), with its ``_revisions``."""
    parents = parents or []
    depth = int(parents[0].split("-", 1)[0]) + 1 if parents else 1
    digest = hashlib.md5(
        (tag or uuid.uuid4().hex).encode() + repr(sorted(body.items())).encode(),
        usedforsecurity=False,
    ).hexdigest()
    ids = [digest] + [p.split("-", 1)[1] for p in parents]
    doc = {k: v for k, v in body.items() if k not in ("_rev", "_revisions")}
    doc["_rev"] = f"{depth}-{digest}"
    doc["_revisions"] = {"start": depth, "ids": ids}
    return doc


@contextlib.contextmanager
def running_gateway(server: Server, docs: list[dict[str, Any]] | None = None) -> Iterator[Gateway]:
    """A new central database (``gateway_council`` unless ``docs``) behind a new gateway;
    both go when done (the access-log database too)."""
    name = f"gw-{uuid.uuid4().hex[:12]}"
    if isinstance(server, CouchServer) and not server.running:
        server.start()
    db_url = server.create_db(name)
    try:
        with (
            central_database(server, db_url, gateway_council() if docs is None else docs),
            Gateway(server, db_url) as gateway,
        ):
            yield gateway
    finally:
        if server.running:
            for db in (name, name + "-access-log"):
                with contextlib.suppress(Exception):
                    server.delete_db(db)
