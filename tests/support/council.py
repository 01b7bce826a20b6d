"""A minimal council for unit and sync tests: two queues, one service, three staff."""

from pathlib import Path
from typing import Any

from caseworker.documents.codec import new_document
from caseworker.documents.types import QUEUE, SERVICE, STAFF
from caseworker.services.context import Actor

AGENT = Actor("staff:agent", "agent")
OFFICER = Actor("staff:officer", "field_officer")
SUPERVISOR = Actor("staff:supervisor", "supervisor")


def council_docs() -> list[dict[str, Any]]:
    docs = [
        new_document(QUEUE, "queue:waste", {"name": "Waste and Street Scene", "active": True}),
        new_document(QUEUE, "queue:highways", {"name": "Highways", "active": True}),
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
    ]
    for actor, name in ((AGENT, "Ann Agent"), (OFFICER, "Olu Officer"), (SUPERVISOR, "Sam Sup")):
        docs.append(
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
            )
        )
    return docs


def council_dir(folder: Path, *extra: dict[str, Any], cases: int = 0) -> Path:
    """A data folder whose store holds the council (and ``extra`` documents), with ``cases``
    open missed-bin cases opened by the agent: for tests of the command line."""
    from caseworker.services.cases import NewCase, open_case
    from caseworker.store import docstore
    from caseworker.store.store import STORE_FILENAME, Store

    store = Store(folder / STORE_FILENAME)
    try:
        with store.write() as s:
            for doc in [*council_docs(), *extra]:
                docstore.put(s, doc)
            for n in range(cases):
                open_case(s, AGENT, NewCase("missed-bin", f"Bin not emptied ({n + 1})", "phone"))
    finally:
        store.close()
    return folder
