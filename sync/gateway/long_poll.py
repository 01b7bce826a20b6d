"""One long-poll of CouchDB's change feed, as the gateway's followers make it (the shared
change watcher, and the erasures in force): bounded by a timeout of our own, since PouchDB
Server ignores CouchDB's ``timeout`` and holds the poll open until something changes."""

import asyncio
from typing import Any

from sync.gateway.couch import Couch


async def long_poll(
    couch: Couch, since: Any, poll_seconds: float, limit: int, **more: str
) -> tuple[list[Any], Any] | None:
    """The change rows after ``since`` and the sequence they reach (None when the feed did
    not say); None when nothing changed within ``poll_seconds``. ``more``: other feed
    parameters (``include_docs``, ``style``). Raises ValueError on an answer with no rows."""
    params = {
        "feed": "longpoll",
        "since": since if isinstance(since, str) else str(since),
        "limit": str(limit),
        "timeout": str(int(poll_seconds * 1000)),
        "heartbeat": "10000",
        **more,
    }
    try:
        answer = await asyncio.wait_for(
            couch.get(
                "/_changes",
                params=params,
                headers={"Accept-Encoding": "identity"},
                timeout=poll_seconds + 30,
            ),
            poll_seconds + 5,
        )
    except TimeoutError:
        return None
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list):
        raise ValueError("the change feed sent no results")
    last_seq = answer.get("last_seq")
    if last_seq is None and results and isinstance(results[-1], dict):
        last_seq = results[-1].get("seq")
    return results, last_seq
