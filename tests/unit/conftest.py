"""Unit-test fixtures: a store with a minimal council (one service, a queue, staff)."""

from collections.abc import Iterator

import pytest

from caseworker.documents.codec import new_document
from caseworker.documents.types import QUEUE, SERVICE, STAFF
from caseworker.services.context import Actor
from caseworker.store import docstore
from caseworker.store.store import Store

AGENT = Actor("staff:agent", "agent")
SUPERVISOR = Actor("staff:supervisor", "supervisor")


@pytest.fixture
def council(store: Store) -> Iterator[Store]:
    with store.write() as session:
        docstore.put(
            session,
            new_document(QUEUE, "queue:waste", {"name": "Waste and Street Scene", "active": True}),
        )
        docstore.put(
            session,
            new_document(QUEUE, "queue:highways", {"name": "Highways", "active": True}),
        )
        docstore.put(
            session,
            new_document(
                SERVICE,
                "service:missed-bin",
                {
                    "code": "missed-bin",
                    "name": "Missed bin collection",
                    "group": "Waste",
                    "keywords": ["bin", "collection", "refuse"],
                    "resolve_hours": 72,
                    "response_hours": 24,
                    "default_queue_id": "queue:waste",
                    "active": True,
                },
            ),
        )
        for actor, name in ((AGENT, "Ann Agent"), (SUPERVISOR, "Sam Supervisor")):
            docstore.put(
                session,
                new_document(
                    STAFF,
                    actor.staff_id,
                    {
                        "name": name,
                        "username": actor.staff_id.split(":")[1],
                        "role": actor.role,
                        "queue_ids": ["queue:waste"],
                        "active": True,
                    },
                ),
            )
    yield store
