"""What each user's laptop must hold, computed by the pure access rules over the central
database, and laptops (real stores in files) to compare with it.

    docs = central_docs(server, gateway)                 # every live document, as the admin
    scope_of("olu", docs)                                # ids the rules give olu
    laptop = Laptop(tmp_path, "olu", gateway.db_url)
    laptop.sync(); laptop.ids() == scope_of("olu", central_docs(...))
    unseen_names("olu", docs)                            # names no byte of olu's store may hold

``reach_council`` is the test council of ``tests.support.gateway`` plus cases that reach a
field officer each way the rules allow (assigned, in their patch) and ways they do not (a
closed case in the patch), with notes, contacts and case events hanging off them.
"""

from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from sqlalchemy import select

from caseworker.access.channels import holds_case, may_read, roots_of_person
from caseworker.access.people import STAFF_ROLE_PREFIX, Person, person_from
from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE_EVENT, INTERACTION
from caseworker.models import StoredDocument
from caseworker.store import docstore
from caseworker.store.store import Store
from sync.http import CouchClient
from sync.replicator import Replicator, SyncResult
from tests.support.gateway import (
    NOW,
    STAFF_USERS,
    UNSEEN_BY,
    USERS,
    Gateway,
    Server,
    a_case,
    a_citizen,
    a_note,
    gateway_council,
)

JSON = {"Accept": "application/json"}
PATCH = "LL57"  # the field officer's postcode district


def a_contact(contact_id: str, summary: str, by: str, **parents: str) -> dict[str, Any]:
    fields = {"channel": "phone", "direction": "inbound", "at": NOW, "by": by, "summary": summary}
    return new_document(INTERACTION, contact_id, {**fields, **parents})


def an_event(event_id: str, case_id: str, by: str, **fields: Any) -> dict[str, Any]:
    return new_document(
        CASE_EVENT, event_id, {"case_id": case_id, "kind": "created", "at": NOW, "by": by, **fields}
    )


# The case the field officer holds by assignment in the supervisor's queue, and everything
# that hangs off it: what a reassignment must take off the officer's laptop.
W2_TREE = {"case:w2", "note:w2", "contact:w2", "event:w2", "citizen:c4", "note:c4"}


def reach_council() -> list[dict[str, Any]]:
    """``gateway_council`` plus:
    - ``case:w2`` (queue waste, assigned to the field officer) of Hywel ``citizen:c4``, with a
      note, a contact and a case event, and a note on Hywel himself: held by olu (assignee),
      ann and sam (queue);
    - ``case:a1`` (highways, unassigned, open, in olu's patch LL57) of Iolo ``citizen:c5``:
      held by olu through his patch only;
    - ``case:a2`` (highways, closed, in olu's patch) of Jac ``citizen:c6``, with a contact on
      the citizen: closed work leaves the patch, so only the admin holds it;
    - ``case:a3`` (highways, open, in CF10, outside every patch) of Kai ``citizen:c7``: held
      by the admin only (a patch widened to CF10 would bring it)."""
    docs = gateway_council()
    for doc in docs:
        if doc["_id"] == "staff:officer":
            doc["patch"] = [PATCH]
    in_patch = {"postcode": "LL57 2PW", "address": "1 High Street"}
    docs += [
        a_citizen("citizen:c4", "Hywel", "Fourways"),
        a_citizen("citizen:c5", "Iolo", "Fivehills"),
        a_citizen("citizen:c6", "Jac", "Sixpenny"),
        a_citizen("citizen:c7", "Kai", "Sevenoaks"),
        a_case(
            "case:w2",
            citizen_id="citizen:c4",
            assignee_id="staff:officer",
            status="assigned",
            summary="Fly-tipping behind Hywel's garage",
        ),
        a_note("note:w2", "Hywel sent photographs", "staff:officer", case_id="case:w2"),
        a_contact("contact:w2", "Hywel rang back", "staff:agent", case_id="case:w2"),
        an_event("event:w2", "case:w2", "staff:agent"),
        a_note("note:c4", "Hywel prefers email", "staff:agent", citizen_id="citizen:c4"),
        a_case(
            "case:a1",
            citizen_id="citizen:c5",
            queue_id="queue:highways",
            location=in_patch,
            summary="Iolo's streetlight is out",
        ),
        a_case(
            "case:a2",
            citizen_id="citizen:c6",
            queue_id="queue:highways",
            status="closed",
            closed_at=NOW,
            location=in_patch,
            summary="Jac's drain, long fixed",
        ),
        a_contact(
            "contact:c6", "Jac asked about the drain", "staff:agent", citizen_id="citizen:c6"
        ),
        a_case(
            "case:a3",
            citizen_id="citizen:c7",
            queue_id="queue:highways",
            location={"postcode": "CF10 1AA"},
            summary="Kai's pavement is cracked",
        ),
    ]
    return docs


# -- the central database, as its admin --------------------------------------------------------


def central_docs(server: Server, gateway: Gateway) -> dict[str, dict[str, Any]]:
    """Every live document of the central database (winner, with ``_conflicts``), by id."""
    answer = requests.get(
        f"{gateway.upstream_db_url}/_all_docs",
        params={"include_docs": "true", "conflicts": "true"},
        auth=server.admin_auth,
        headers=JSON,
        timeout=60,
    )
    answer.raise_for_status()
    return {row["id"]: row["doc"] for row in answer.json()["rows"] if row.get("doc")}


def central_doc(server: Server, gateway: Gateway, doc_id: str, **params: str) -> Any:
    answer = requests.get(
        f"{gateway.upstream_db_url}/{quote(doc_id, safe='')}",
        params=params,
        auth=server.admin_auth,
        headers=JSON,
        timeout=30,
    )
    return answer.json() if answer.status_code == 200 else None


def admin_write(server: Server, gateway: Gateway, docs: list[dict[str, Any]]) -> None:
    """Documents as the database's admin, straight into CouchDB (``new_edits: false`` when they
    carry their revisions)."""
    replicated = all("_revisions" in d for d in docs)
    answer = requests.post(
        f"{gateway.upstream_db_url}/_bulk_docs",
        json={"docs": docs, "new_edits": not replicated},
        auth=server.admin_auth,
        headers=JSON,
        timeout=60,
    )
    answer.raise_for_status()
    assert all("error" not in row for row in answer.json()), answer.text


# -- what the rules say ------------------------------------------------------------------------


def person_of(
    user: str, docs: dict[str, dict[str, Any]], staff_doc: dict[str, Any] | None = None
) -> Person:
    _password, role, staff_id = STAFF_USERS[user]
    return person_from(user, (role, STAFF_ROLE_PREFIX + staff_id), staff_doc or docs.get(staff_id))


def scope_of(
    user: str, docs: dict[str, dict[str, Any]], staff_doc: dict[str, Any] | None = None
) -> set[str]:
    """The ids ``caseworker.access.channels`` gives ``user`` over ``docs`` (their staff
    record as the server holds it, or ``staff_doc``)."""
    person = person_of(user, docs, staff_doc)
    held = [d for i, d in docs.items() if i.startswith("case:") and holds_case(person, d)]
    roots = roots_of_person(person, held)
    return {i for i, d in docs.items() if not i.startswith("_") and may_read(roots, i, d)}


def unseen_names(user: str, docs: dict[str, dict[str, Any]]) -> set[str]:
    """Every name of a citizen outside ``user``'s scope, and ``UNSEEN_BY``'s words."""
    scope = scope_of(user, docs)
    names = set(UNSEEN_BY.get(user, ()))
    for doc_id, doc in docs.items():
        if doc.get("type") == "citizen" and doc_id not in scope:
            names.update((doc["given_name"], doc["family_name"]))
    return names


def seen_names(user: str, docs: dict[str, dict[str, Any]]) -> set[str]:
    """The names of the citizens in ``user``'s scope (a store must hold these, or a search of
    its bytes for the others proves nothing)."""
    scope = scope_of(user, docs)
    return {
        doc["family_name"]
        for doc_id, doc in docs.items()
        if doc.get("type") == "citizen" and doc_id in scope
    }


def central_leaves(docs: dict[str, dict[str, Any]], ids: set[str]) -> dict[str, set[str]]:
    """The live leaf revisions of each of ``ids`` on the server."""
    return {i: {docs[i]["_rev"], *docs[i].get("_conflicts", ())} for i in ids}


# -- laptops -----------------------------------------------------------------------------------


class Laptop:
    """A user's unencrypted store in its own folder, synced with their credentials."""

    def __init__(self, tmp_path: Path, user: str, db_url: str, name: str | None = None) -> None:
        self.user = user
        self.folder = tmp_path / (name or user)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.folder / "caseworker.db")
        self.db_url = db_url

    def sync(self, db_url: str | None = None, **kw: Any) -> SyncResult:
        remote = CouchClient(db_url or self.db_url, *USERS[self.user])
        try:
            return Replicator(self.store, remote, **kw).sync()
        finally:
            remote.close()

    def ids(self) -> set[str]:
        return set(self.leaves())

    def leaves(self) -> dict[str, set[str]]:
        """Every live document's live leaf revisions."""
        found: dict[str, set[str]] = {}
        with self.store.read() as session:
            for doc_id in session.scalars(
                select(StoredDocument.id).where(StoredDocument.deleted.is_(False))
            ):
                found[doc_id] = {
                    body["_rev"]
                    for body in docstore.leaf_bodies(session, doc_id)
                    if not body.get("_deleted")
                }
        return found

    def raw(self) -> bytes:
        """Every byte the store keeps on disk: the database, its write-ahead log and the rest."""
        return b"".join(p.read_bytes() for p in sorted(self.folder.iterdir()) if p.is_file())

    def close(self) -> None:
        self.store.close()
