"""Serving documents: ``POST /{db}/_bulk_get``, ``GET /{db}/{docid}`` (with ``rev``,
``open_revs``, ``revs``, ``latest``, ``attachments`` as replicators send them) and
``POST /{db}/_all_docs`` with ``keys`` (replicators fetch first revisions so; never a listing).

The request goes to CouchDB as the admin and every revision body in the answer is judged
before it leaves: whatever was asked for (``latest`` may answer another revision than the
one named), a body the caller may not read is replaced by a ``forbidden`` error naming it.
Every document served is written to the access log: each function returns, beside its
answer, the documents it serves with their roots (``Served``).
"""

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from caseworker.access.channels import EVERYTHING, may_read, root_of
from caseworker.limits import MAX_ID_LENGTH
from sync.gateway import tombstones
from sync.gateway.couch import Couch, CouchError, doc_path
from sync.gateway.errors import HTTPError, bad_request, forbidden, not_found

FORBIDDEN_REASON = "you may not read this document"
Roots = Callable[[], Awaitable[frozenset[str]]]  # the caller's roots, found alongside
Served = list[tuple[str, str | None]]  # each document served and its root (the access log)
# The query parameters a replicator sends when reading documents; anything else is dropped.
_BULK_GET_PARAMS = ("revs", "attachments", "latest", "att_encoding_info")
_DOC_PARAMS = (
    "rev",
    "open_revs",
    "revs",
    "revs_info",
    "latest",
    "attachments",
    "att_encoding_info",
    "atts_since",
    "conflicts",
    "deleted_conflicts",
)


def _kept(params: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    return {name: params[name] for name in names if name in params}


def _refusal(doc_id: Any, rev: Any) -> dict[str, Any]:
    return {"id": doc_id, "rev": rev, "error": "forbidden", "reason": FORBIDDEN_REASON}


async def _judge_items(
    couch: Couch, items: list[Any], roots: frozenset[str], served: Served
) -> list[Any]:
    """``_judge_item`` for each; a bare tombstone (no body to judge) is judged by the root of
    the revision it replaced, so whoever held a record learns it was deleted."""
    judged = []
    for item in items:
        verdict = _judge_item(item, roots, served)
        doc = item.get("ok") if isinstance(item, dict) else None
        if verdict is not item and isinstance(doc, dict) and tombstones.is_bare_tombstone(doc):
            doc_id = doc.get("_id")
            root = await tombstones.root_before(couch, str(doc_id), doc)
            if root is not None and (EVERYTHING in roots or root in roots):
                served.append((str(doc_id), root))
                verdict = item
        judged.append(verdict)
    return judged


def _judge_item(item: Any, roots: frozenset[str], served: Served) -> Any:
    """One ``{"ok": doc}`` item of an answer, kept if readable, else a forbidden error;
    other items (errors, ``missing``) pass as they are."""
    if not isinstance(item, dict) or "ok" not in item:
        return item
    doc = item["ok"]
    doc_id = doc.get("_id") if isinstance(doc, dict) else None
    if isinstance(doc_id, str) and may_read(roots, doc_id, doc):
        served.append((doc_id, root_of(doc_id, doc)))
        return item
    rev = doc.get("_rev") if isinstance(doc, dict) else None
    return {"error": _refusal(doc_id, rev)}


async def bulk_get(
    couch: Couch, roots_of: Roots, body: Any, params: Mapping[str, str]
) -> tuple[dict[str, Any], Served]:
    """The ``_bulk_get`` answer for the caller, and the documents it serves."""
    docs = body.get("docs") if isinstance(body, dict) else None
    if not isinstance(docs, list):
        raise bad_request("_bulk_get needs a list of docs")
    asked = []
    for entry in docs:
        doc_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(doc_id, str) or not doc_id or len(doc_id) > MAX_ID_LENGTH:
            raise bad_request("each of docs needs an id")
        if doc_id.startswith("_"):  # _design/, _local/: never served through the gateway
            raise forbidden(f"{doc_id[:MAX_ID_LENGTH]} is not served here")
        asked.append({k: v for k, v in entry.items() if k in ("id", "rev", "atts_since")})
    if not asked:
        return {"results": []}, []
    roots, answer = await asyncio.gather(
        roots_of(),
        couch.post("/_bulk_get", {"docs": asked}, params=_kept(params, _BULK_GET_PARAMS)),
    )
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list):
        raise HTTPError(502, "bad_gateway", "the database sent no results")
    served: Served = []
    for result in results:
        if isinstance(result, dict) and isinstance(result.get("docs"), list):
            result["docs"] = await _judge_items(couch, result["docs"], roots, served)
    return {"results": results}, served


async def get_doc(
    couch: Couch, roots_of: Roots, doc_id: str, params: Mapping[str, str]
) -> tuple[Any, Served]:
    """``GET /{db}/{docid}``: one revision (a 403 when unreadable), or with ``open_revs`` a
    list with each unreadable revision replaced by a forbidden error."""
    if len(doc_id) > MAX_ID_LENGTH:
        raise not_found()
    try:
        roots, answer = await asyncio.gather(
            roots_of(), couch.get(doc_path(doc_id), params=_kept(params, _DOC_PARAMS))
        )
    except CouchError as exc:
        if exc.status in (400, 404):
            # CouchDB's words about a document that is not there; a caller who may not read
            # it learns only what a missing document would tell them.
            raise HTTPError(exc.status, exc.error, exc.reason) from None
        raise
    served: Served = []
    if isinstance(answer, list):  # open_revs
        return await _judge_items(couch, answer, roots, served), served
    if isinstance(answer, dict) and may_read(roots, doc_id, answer):
        return answer, [(doc_id, root_of(doc_id, answer))]
    raise forbidden(FORBIDDEN_REASON)


_ALL_DOCS_PARAMS = ("conflicts", "attachments", "att_encoding_info")


async def all_docs(
    couch: Couch, roots_of: Roots, body: Any, params: Mapping[str, str]
) -> tuple[dict[str, Any], Served]:
    """``POST _all_docs`` with ``keys``: one row per key asked, as CouchDB answers it when the
    caller may read that document, else ``{"key", "error": "forbidden"}``. Without ``keys``
    it would list the council: refused."""
    keys = body.get("keys") if isinstance(body, dict) else None
    if not isinstance(keys, list) or not all(
        isinstance(k, str) and 0 < len(k) <= MAX_ID_LENGTH for k in keys
    ):
        raise forbidden("_all_docs is served only for a list of document ids (keys)")
    if set(params) - {"include_docs", *_ALL_DOCS_PARAMS}:
        raise forbidden("_all_docs is served only with include_docs, conflicts, attachments")
    include_docs = params.get("include_docs") == "true"
    asked = [k for k in keys if not k.startswith("_")]
    rows: dict[str, Any] = {}
    roots: frozenset[str] = frozenset()
    if asked:
        roots, answer = await asyncio.gather(
            roots_of(),
            couch.post(
                "/_all_docs",
                {"keys": asked},
                params={**_kept(params, _ALL_DOCS_PARAMS), "include_docs": "true"},
            ),
        )
        found = answer.get("rows") if isinstance(answer, dict) else None
        if not isinstance(found, list):
            raise HTTPError(502, "bad_gateway", "the database sent no rows")
        for row in found:
            if isinstance(row, dict) and isinstance(row.get("key"), str):
                rows.setdefault(row["key"], row)
    served: Served = []
    answered = []
    for key in keys:
        row = rows.get(key)
        if row is None and not key.startswith("_"):
            row = {"key": key, "error": "not_found"}
        elif row is not None and "error" not in row:
            doc = row.get("doc")
            value = row.get("value")
            deleted = isinstance(value, dict) and value.get("deleted") is True
            body_of = doc if isinstance(doc, dict) and not deleted else None
            if (body_of is None and not deleted) or not may_read(roots, key, body_of):
                row = None
            else:
                if not deleted:
                    served.append((key, root_of(key, body_of)))
                if not include_docs:
                    row = {k: v for k, v in row.items() if k != "doc"}
        answered.append(row if row is not None else {"key": key, "error": "forbidden"})
    return {"total_rows": len(answered), "offset": 0, "rows": answered}, served
