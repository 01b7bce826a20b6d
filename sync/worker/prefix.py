"""Reading every live document whose id starts with a prefix (``queue:``, ``staff:``,
``escalation:``, ``erasure:``), a page at a time: the central jobs' and the gateway's way to
read a council's small catalogues of records without a view.

An answer that is not a page of rows is an error (``ValueError``), never an empty catalogue:
the gateway must not judge writes as if nothing were erased, nor a job act as if the council
had no queues or rules."""

import json
from collections.abc import AsyncIterator
from typing import Any

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
        rows = _rows(await couch.get("/_all_docs", params=params))
        for row in rows:
            if isinstance(row.get("doc"), dict):
                yield row["doc"]
        if len(rows) < batch:
            return
        last = rows[-1].get("id")
        if not isinstance(last, str):
            raise ValueError("the database sent a row with no id")
        params = {**params, "startkey": json.dumps(last), "skip": "1"}


def _rows(page: Any) -> list[dict[str, Any]]:
    rows = page.get("rows") if isinstance(page, dict) else None
    if not isinstance(rows, list):
        raise ValueError("the database sent no rows")
    return [r for r in rows if isinstance(r, dict)]
