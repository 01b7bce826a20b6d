"""Where a bare tombstone belonged: the root of the revision it replaced.

A deletion keeps only ``_id``, ``_rev`` and ``_deleted``, so a child's root (in its body)
is gone from it; the revision it replaced still names it. Used by the change feed (who is told
of a deletion) and by reads (who may fetch the tombstone itself).
"""

from collections.abc import Mapping
from typing import Any

from caseworker.access.channels import root_of
from sync.gateway.couch import Couch, CouchError, doc_path


def is_bare_tombstone(doc: Mapping[str, Any]) -> bool:
    return doc.get("_deleted") is True and not isinstance(doc.get("type"), str)


def _parent_rev(history: Any) -> str | None:
    start = history.get("start") if isinstance(history, dict) else None
    ids = history.get("ids") if isinstance(history, dict) else None
    if not isinstance(start, int) or isinstance(start, bool) or start < 2:
        return None
    if not isinstance(ids, list) or len(ids) < 2 or not isinstance(ids[1], str):
        return None
    return f"{start - 1}-{ids[1]}"


async def root_before(couch: Couch, doc_id: str, tomb: Mapping[str, Any]) -> str | None:
    """The root of the revision the tombstone ``tomb`` replaced; None when that is gone
    (compacted) or had none. ``tomb`` may carry its ``_revisions``; if not they are asked for."""
    try:
        history = tomb.get("_revisions")
        if history is None:
            rev = tomb.get("_rev")
            if not isinstance(rev, str):
                return None
            fetched = await couch.get(doc_path(doc_id), params={"rev": rev, "revs": "true"})
            history = fetched.get("_revisions") if isinstance(fetched, dict) else None
        parent_rev = _parent_rev(history)
        if parent_rev is None:
            return None
        parent = await couch.get(doc_path(doc_id), params={"rev": parent_rev})
    except CouchError:
        return None
    if not isinstance(parent, dict) or parent.get("_deleted") is True:
        return None
    return root_of(doc_id, parent)
