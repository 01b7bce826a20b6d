"""How many documents a person's scope holds: the ``doc_count`` of their ``GET /{db}``.

A laptop reads it before a first sync, to say so when that sync would bring a great many
documents (``sync.first_sync``). It counts the live documents under the person's roots with the
access view's ``_count`` reduce (``group=true``): one lookup per root, never a read of
the documents. An admin holds everything: the database's own count.

Only ever a figure to show: when the database cannot say (it is away, or answers nonsense),
there is no count and ``GET /{db}`` answers without one, as it did before.
"""

import logging
from typing import Any

import httpx

from caseworker.access.channels import EVERYTHING
from caseworker.access.people import Person
from caseworker.access.views import VIEW_PATH
from sync.gateway.couch import Couch, CouchError
from sync.gateway.scope import roots_for

_log = logging.getLogger("caseworker.gateway")
KEYS_PER_REQUEST = 1_000  # a supervisor of large queues holds tens of thousands of roots


async def documents_in_scope(couch: Couch, person: Person) -> int | None:
    """The number of live documents the person holds, or None when it cannot be told."""
    try:
        roots = await roots_for(couch, person)
        if EVERYTHING in roots:
            return _whole(await couch.get(""))
        total = 0
        keys = sorted(roots)
        for start in range(0, len(keys), KEYS_PER_REQUEST):
            chunk = keys[start : start + KEYS_PER_REQUEST]
            answer = await couch.post(VIEW_PATH, {"keys": chunk}, params={"group": "true"})
            counted = _summed(answer)
            if counted is None:
                return None
            total += counted
        return total
    except (CouchError, httpx.HTTPError) as exc:
        _log.warning("could not count a scope's documents: %s", exc)
        return None


def _whole(info: Any) -> int | None:
    count = info.get("doc_count") if isinstance(info, dict) else None
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _summed(answer: Any) -> int | None:
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        return None
    total = 0
    for row in rows:
        value = row.get("value") if isinstance(row, dict) else None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return None
        total += value
    return total
