"""The central database's live documents read through ``_all_docs`` a page at a time, for the
server admin's commands that read the whole council (``central retention review``,
``central sar export``): memory holds a page, never the database."""

import json
from collections.abc import Iterator
from typing import Any

from caseworker.errors import CaseworkerError
from sync.access_log_command import VIEW_WAIT
from sync.http import CouchClient

PAGE = 1000


def documents(client: CouchClient, prefix: str = "", page: int = PAGE) -> Iterator[dict[str, Any]]:
    """The live documents whose ids start with ``prefix`` (every one when it is empty), in id
    order, ``page`` at a time; design and local documents (ids from ``_``) are never given."""
    start = prefix
    while True:
        params = {"include_docs": "true", "limit": str(page + 1)}
        if start:
            params["startkey"] = json.dumps(start)
        if prefix:
            params["endkey"] = json.dumps(prefix + "\ufff0")
        answer = client.get("/_all_docs", params=params, timeout=VIEW_WAIT)
        rows = answer.get("rows") if isinstance(answer, dict) else None
        if not isinstance(rows, list):
            raise CaseworkerError("the central database answered _all_docs without rows")
        for row in rows[:page]:
            doc = row.get("doc") if isinstance(row, dict) else None
            doc_id = doc.get("_id") if isinstance(doc, dict) else None
            if isinstance(doc, dict) and isinstance(doc_id, str) and not doc_id.startswith("_"):
                yield doc
        if len(rows) <= page:
            return
        following = rows[page].get("id") if isinstance(rows[page], dict) else None
        # A next page that does not move forward would be read again for ever.
        if not isinstance(following, str) or following <= start:
            raise CaseworkerError("the central database answered _all_docs out of order")
        start = following
