"""Reading every live document whose id starts with a prefix (``queue:``, ``staff:``,
``escalation:``), a page at a time: the central jobs' way to read a council's small catalogues
of records without a view."""

import json
from collections.abc import AsyncIterator

from caseworker.documents.codec import Document
from sync.gateway.couch import Couch

PAGE = 500


async def docs_with_prefix(couch: Couch, prefix: str, batch: int = PAGE) -> AsyncIterator[Document]:
    """The live documents whose id starts with ``prefix``, in id order."""
    params = {
        "startkey": json.dumps(prefix),
        "endkey": json.dumps(prefix + "\ufff0"),
        "include_docs": "true",
        "limit": str(batch),
    }
    while True:
        page = await couch.get("/_all_docs", params=params)
        rows = page.get("rows", []) if isinstance(page, dict) else []
        rows = [r for r in rows if isinstance(r, dict)]
        for row in rows:
            if isinstance(row.get("doc"), dict):
                yield row["doc"]
        if len(rows) < batch:
            return
        params = {**params, "startkey": json.dumps(rows[-1]["id"]), "skip": "1"}
