"""Opening one citizen's full record on demand: ``POST /{db}/_open_record``.

    POST /{db}/_open_record  {"id": "citizen:...", "reason": "caller on the phone"}
    200 {"id": "citizen:...", "docs": [citizen, cases, notes, ...], "total_rows": n,
         "truncated": false, "limit": 2000}

An agent holds the citizen directory, not every citizen; when a caller's record is not on their
laptop they (or a supervisor, or an admin) may open it while online. The record is the citizen,
everything under it, the cases on them (the access view, by citizen key) and everything under those
(by root), each document's winning revision. Every opening is written to the access
log with ``how="open"`` and the reason given. A record of more than ``MAX_RECORD_DOCS``
documents is cut (the citizen and their cases first) and says ``"truncated": true``.

The laptop shows it from memory and keeps none of it (``sync.open_record``): this route never
widens what replication sends.
"""

import asyncio
from collections.abc import Mapping
from typing import Any

from caseworker.access.channels import root_of
from caseworker.access.opening import (
    MAX_RECORD_DOCS,
    citizen_id_problem,
    in_record,
    may_open_record,
    reason_problem,
    record_roots,
)
from caseworker.access.views import ROWS, VIEW_PATH, citizen_key
from sync.gateway import backfill
from sync.gateway.access_log import AccessLog
from sync.gateway.auth import Caller
from sync.gateway.couch import Couch, CouchError, doc_path
from sync.gateway.errors import HTTPError, bad_request, forbidden, not_found

ROUTE = "_open_record"
HOW = "open"
_IDS_PER_REQUEST = 500


async def open_record(
    couch: Couch, caller: Caller, body: Any, log: AccessLog | None
) -> dict[str, Any]:
    """The answer to an opening, once it is recorded; HTTPError for a refusal."""
    if not may_open_record(caller.person):
        raise forbidden("only agents, supervisors and admins open a record on demand")
    if not isinstance(body, Mapping):
        raise bad_request("an opening needs an object with an id and a reason")
    citizen_id, reason = body.get("id"), body.get("reason")
    problem = citizen_id_problem(citizen_id) or reason_problem(reason)
    if problem is not None:
        raise bad_request(problem)
    assert isinstance(citizen_id, str) and isinstance(reason, str)
    if log is None:  # an opening nobody records is not served
        raise HTTPError(503, "service_unavailable", "the access log is not running")
    citizen, case_ids = await asyncio.gather(
        couch.get_or_none(doc_path(citizen_id)), _case_ids(couch, citizen_id)
    )
    if not isinstance(citizen, dict) or citizen.get("type") != "citizen":
        raise not_found("no such citizen")
    listed, more = await _listed(couch, [citizen_id, *case_ids])
    docs = await _bodies(couch, listed)
    docs[citizen_id] = citizen  # the revision just read, whatever the view lists
    cases = [docs[i] for i in case_ids if i in docs]
    roots = record_roots(citizen_id, cases)
    kept = [doc for doc_id, doc in docs.items() if in_record(roots, doc_id, doc)]
    kept.sort(key=lambda d: _order(citizen_id, roots, d))
    truncated = more or len(kept) > MAX_RECORD_DOCS
    kept = kept[:MAX_RECORD_DOCS]
    log.record(  # raises 503 when the log cannot take it: then nothing is served
        caller,
        [d["_id"] for d in kept],
        HOW,
        roots=[root_of(d["_id"], d) for d in kept],
        reason=reason.strip(),
    )
    return {
        "id": citizen_id,
        "docs": kept,
        "total_rows": len(kept),
        "truncated": truncated,
        "limit": MAX_RECORD_DOCS,
    }


def _order(citizen_id: str, roots: frozenset[str], doc: Mapping[str, Any]) -> tuple[int, str]:
    """The citizen first, then their cases, then what hangs off either: a record cut short
    still shows who they are and what is open."""
    doc_id = str(doc.get("_id"))
    if doc_id == citizen_id:
        return 0, doc_id
    return (1 if doc_id in roots else 2), doc_id


async def _case_ids(couch: Couch, citizen_id: str) -> list[str]:
    answer = await couch.post(
        VIEW_PATH,
        {"keys": [citizen_key(citizen_id)]},
        params={"limit": str(MAX_RECORD_DOCS + 1), **ROWS},
    )
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise CouchError(502, {"error": "bad_gateway", "reason": "the cases view sent no rows"})
    ids = [r.get("id") for r in rows if isinstance(r, dict)]
    return sorted({i for i in ids if isinstance(i, str) and i.startswith("case:")})


async def _listed(couch: Couch, roots: list[str]) -> tuple[list[str], bool]:
    """The ids of the live documents under ``roots``, a page past the bound at most, and
    whether more were left unlisted."""
    rows, rest = await backfill.page(
        couch, sorted(set(roots)), backfill.Place(), MAX_RECORD_DOCS + len(roots) + 1
    )
    return list(dict.fromkeys(row.doc_id for row in rows)), rest is not None


async def _bodies(couch: Couch, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The winning revision of each live document of ``ids`` (deleted ones are left out)."""
    chunks = [ids[i : i + _IDS_PER_REQUEST] for i in range(0, len(ids), _IDS_PER_REQUEST)]
    answers = await asyncio.gather(
        *(
            couch.post("/_all_docs", {"keys": chunk}, params={"include_docs": "true"})
            for chunk in chunks
        )
    )
    found: dict[str, dict[str, Any]] = {}
    for answer in answers:
        rows = answer.get("rows") if isinstance(answer, dict) else None
        if not isinstance(rows, list):
            raise CouchError(502, {"error": "bad_gateway", "reason": "the database sent no rows"})
        for row in rows:
            doc = row.get("doc") if isinstance(row, dict) else None
            if (
                isinstance(doc, dict)
                and isinstance(doc.get("_id"), str)
                and not doc.get("_deleted")
            ):
                found[doc["_id"]] = doc
    return found
