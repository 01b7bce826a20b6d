"""Where a central job has got to, kept in the central database (``_local/...``), never in
memory: another worker carries on from it. Written with the revision last read, so a 409 means
another worker moved it, and this one has lost the job."""

from typing import Any

from sync.gateway.couch import Couch, CouchError
from sync.worker.lease import LeaseLost


async def save_position(
    couch: Couch, doc_id: str, body: dict[str, Any], rev: str | None, what: str
) -> str | None:
    """Write ``body`` over revision ``rev`` (None: the first time); the new revision. Raises
    LeaseLost, naming ``what``, when another worker wrote it meanwhile."""
    if rev is not None:
        body = {**body, "_rev": rev}
    try:
        answer = await couch.put(doc_id, body)
    except CouchError as exc:
        if exc.status == 409:
            raise LeaseLost(f"another worker moved {what}") from None
        raise
    new_rev = answer.get("rev") if isinstance(answer, dict) else None
    return new_rev if isinstance(new_rev, str) else None
