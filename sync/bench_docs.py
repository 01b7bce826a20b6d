"""The documents ``caseworker bench sync`` replicates: case documents of about 500 bytes."""

import random
from typing import Any

import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE
from caseworker.errors import CaseworkerError
from caseworker.ids import new_case_reference, new_id
from caseworker.timeutil import to_iso, utcnow

_TEXT = (
    "bin missed again street light out pothole deep fly tipping alley noise late night "
    "graffiti bus shelter blocked drain overflowing hedge overgrown path broken paving"
)
_WORDS = _TEXT.split(" ")


def case_docs(n: int, seed: int = 4) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    now = to_iso(utcnow())
    docs = []
    for _ in range(n):
        summary = " ".join(rng.choice(_WORDS) for _ in range(6)).capitalize()
        description = " ".join(rng.choice(_WORDS) for _ in range(40))
        docs.append(
            new_document(
                CASE,
                new_id(CASE.id_prefix),
                {
                    "reference": new_case_reference(utcnow()),
                    "service_code": "missed-bin",
                    "summary": summary,
                    "description": description[:250],
                    "status": "new",
                    "priority": "normal",
                    "channel": "phone",
                    "queue_id": "queue:waste",
                    "opened_at": now,
                    "due_at": now,
                    "updated_at": now,
                },
            )
        )
    return docs


def fill_database(session: requests.Session, url: str, docs: list[dict[str, Any]]) -> str:
    """Write ``docs`` into the database at ``url`` (5,000 per request); its URL."""
    for start in range(0, len(docs), 5000):
        answer = session.post(f"{url}/_bulk_docs", json={"docs": docs[start : start + 5000]})
        if answer.status_code != 201:
            raise CaseworkerError(f"loading the bench database failed: {answer.status_code}")
    return url


def load_database(server: Any, name: str, docs: list[dict[str, Any]]) -> str:
    """A new database ``name`` on a ``DevServer`` holding ``docs``; its URL."""
    return fill_database(server.admin_session(), server.create_db(name), docs)
