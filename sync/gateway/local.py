"""Replication checkpoints per user: ``GET/PUT/DELETE /{db}/_local/{id}``.

The caller's ``_local/<id>`` is stored in CouchDB as ``_local/u-<sha256(user)[:16]>-<id>``, so
no user reads, overwrites or deletes another's checkpoints (nor the gateway's own scope
snapshots), and the answers name the document as the caller did.
"""

import hashlib
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from sync.gateway.couch import Couch, CouchError
from sync.gateway.errors import HTTPError, bad_request, not_found

MAX_LOCAL_BYTES = 1_000_000  # a checkpoint is a few hundred bytes
MAX_LOCAL_ID = 200


def stored_id(user_name: str, local_id: str) -> str:
    """The name under ``_local/`` that the user's ``_local/<local_id>`` is kept as."""
    prefix = hashlib.sha256(user_name.encode()).hexdigest()[:16]
    return f"u-{prefix}-{local_id}"


def _path(user_name: str, local_id: str) -> str:
    if not local_id or len(local_id) > MAX_LOCAL_ID:
        raise not_found()
    return "/_local/" + quote(stored_id(user_name, local_id), safe="")


def _as_theirs(doc: Any, local_id: str) -> Any:
    if isinstance(doc, dict):
        if "_id" in doc:
            doc["_id"] = "_local/" + local_id
        if "id" in doc:
            doc["id"] = "_local/" + local_id
    return doc


def _passed_on(exc: CouchError) -> HTTPError:
    if exc.status in (400, 404, 409, 412):
        return HTTPError(exc.status, exc.error, exc.reason)
    raise exc


async def get(couch: Couch, user_name: str, local_id: str) -> Any:
    try:
        return _as_theirs(await couch.get(_path(user_name, local_id)), local_id)
    except CouchError as exc:
        raise _passed_on(exc) from None


async def put(couch: Couch, user_name: str, local_id: str, body: Any, size: int) -> Any:
    if size > MAX_LOCAL_BYTES:
        raise HTTPError(413, "too_large", "Document exceeds max_document_size")
    if not isinstance(body, dict):
        raise bad_request("Document must be a JSON object")
    doc = {k: v for k, v in body.items() if k != "_id"}
    doc["_id"] = "_local/" + stored_id(user_name, local_id)
    try:
        return _as_theirs(await couch.put(_path(user_name, local_id), doc), local_id)
    except CouchError as exc:
        raise _passed_on(exc) from None


async def delete(couch: Couch, user_name: str, local_id: str, params: Mapping[str, str]) -> Any:
    kept = {"rev": params["rev"]} if "rev" in params else {}
    try:
        answer = await couch.delete(_path(user_name, local_id), params=kept)
    except CouchError as exc:
        raise _passed_on(exc) from None
    return _as_theirs(answer, local_id)
