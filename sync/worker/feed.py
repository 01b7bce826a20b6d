"""Reading the central database's ``_changes`` in bounded batches, for the worker's jobs.

    batch = await read_batch(couch, since, limit=200, max_bytes=16 * 2**20)
    for row in batch.rows: ...           # {"id", "seq", "deleted"?, "doc"?}, winners only
    await wait_for_change(couch, batch.last_seq, seconds=30)

A batch whose answer grows past ``max_bytes`` is not read whole: it is asked for again with
half the ``limit``, down to one row; a single row still too large is read without its document
and handed back in ``too_large`` (the job says so and moves past it). So what a job holds at
once is at most ``max_bytes``, whatever the database holds.
"""

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from sync.gateway.couch import Couch, CouchError, loads


class MalformedFeed(Exception):
    """The change feed answered something that is not a change feed."""


@dataclass
class Batch:
    rows: list[dict[str, Any]]
    last_seq: Any
    too_large: list[str] = field(default_factory=list)  # ids whose document was not read


def seq_param(seq: Any) -> str:
    return seq if isinstance(seq, str) else json.dumps(seq, separators=(",", ":"))


async def _read(couch: Couch, params: dict[str, str], max_bytes: int) -> Any | None:
    """The feed's answer, or None when it grew past ``max_bytes``."""
    return await read_bounded(couch, "/_changes", params, max_bytes)


async def read_bounded(couch: Couch, path: str, params: dict[str, str], max_bytes: int) -> Any:
    """The JSON answer of a GET, or None when it grew past ``max_bytes`` (not read further)."""
    chunks: list[bytes] = []
    size = 0
    async with couch.stream("GET", path, params=params) as response:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                return None
            chunks.append(chunk)
    try:
        return loads(b"".join(chunks))
    except ValueError as exc:
        raise MalformedFeed(f"{path} answered something that is not JSON") from exc


def _batch(answer: Any) -> Batch:
    if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
        raise MalformedFeed("the change feed answered without a list of results")
    if "last_seq" not in answer:
        raise MalformedFeed("the change feed answered without a last_seq")
    rows = [r for r in answer["results"] if isinstance(r, dict) and isinstance(r.get("id"), str)]
    return Batch(rows, answer["last_seq"])


async def read_batch(couch: Couch, since: Any, *, limit: int, max_bytes: int) -> Batch:
    """The next changes after ``since`` with their winning documents, at most ``limit`` of
    them and ``max_bytes`` of answer."""
    params = {"since": seq_param(since), "style": "main_only", "include_docs": "true"}
    while True:
        answer = await _read(couch, {**params, "limit": str(limit)}, max_bytes)
        if answer is not None:
            return _batch(answer)
        if limit > 1:
            limit //= 2
            continue
        # One document too large to hold: its id and seq only, without the document.
        bare = await _read(couch, {"since": seq_param(since), "limit": "1"}, max_bytes)
        if bare is None:
            raise MalformedFeed(f"one change is over {max_bytes:,} bytes without its document")
        batch = _batch(bare)
        batch.too_large = [r["id"] for r in batch.rows]
        batch.rows = []
        return batch


async def wait_for_change(couch: Couch, since: Any, seconds: float) -> None:
    """Return once something changed after ``since``, or after ``seconds`` (some servers keep
    a long-poll open past its ``timeout``: the wait is kept here)."""
    params = {
        "feed": "longpoll",
        "since": seq_param(since),
        "limit": "1",
        "timeout": str(max(1, int(seconds * 1000))),
    }
    try:
        await asyncio.wait_for(couch.get("/_changes", params=params), timeout=seconds + 1.0)
    except TimeoutError:
        return
    except CouchError:
        await asyncio.sleep(seconds)  # the next step's read says what is wrong
