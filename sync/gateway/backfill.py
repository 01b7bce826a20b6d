"""The documents under a list of roots, a page at a time, from the access view's rows keyed by root.

When a client's scope changes, the gateway lists every live document under the roots it gained
(to send) and under the roots it lost (to mark removed). The view is keyed by root, its value
the document's leaf revisions (``[winner, ...live conflicts]``), so a page is a query of the
view: many small roots (cases, citizens) in one multi-key request, and a root with more
documents than a page (a shared channel) continued from the last document sent.

CouchDB continues a key with ``startkey_docid``; PouchDB Server ignores it, so there the
gateway skips the documents already sent instead.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass

from caseworker.access.views import ROWS, VIEW_PATH
from sync.gateway.couch import Couch, CouchError

KEYS_PER_REQUEST = 200

_honours_docid: dict[str, bool] = {}  # per server: whether views honour startkey_docid


@dataclass(frozen=True)
class Row:
    doc_id: str
    root: str
    revs: list[str]  # the winner first


@dataclass(frozen=True)
class Place:
    """Where a listing of ``roots`` has got to: ``roots[index]`` is next, of which ``done``
    documents were already listed, the last of them ``doc_id``."""

    index: int = 0
    doc_id: str | None = None
    done: int = 0


async def page(
    couch: Couch, roots: Sequence[str], place: Place, limit: int
) -> tuple[list[Row], Place | None]:
    """Up to ``limit`` documents under ``roots`` (sorted, distinct) from ``place``, and the
    place to go on from (None when the list is done)."""
    rows: list[Row] = []
    while place.index < len(roots) and len(rows) < limit:
        room = limit - len(rows)
        if place.doc_id is not None:
            more, place = await _continue_root(couch, roots, place, room)
        else:
            more, place = await _many_roots(couch, roots, place, room)
        rows += more
    return rows, (place if place.index < len(roots) else None)


async def _many_roots(
    couch: Couch, roots: Sequence[str], place: Place, room: int
) -> tuple[list[Row], Place]:
    chunk = list(roots[place.index : place.index + KEYS_PER_REQUEST])
    answer = await couch.post(VIEW_PATH, {"keys": chunk}, params={"limit": str(room + 1), **ROWS})
    found = _rows(answer)
    if len(found) <= room:
        return found, Place(place.index + len(chunk))
    taken = found[:room]
    last = taken[-1]
    position = chunk.index(last.root) if last.root in chunk else len(chunk) - 1
    done = sum(1 for row in taken if row.root == last.root)
    return taken, Place(place.index + position, last.doc_id, done)


async def _continue_root(
    couch: Couch, roots: Sequence[str], place: Place, room: int
) -> tuple[list[Row], Place]:
    root = roots[place.index]
    params = {"startkey": json.dumps(root), "endkey": json.dumps(root), **ROWS}
    if await _docid_paging(couch):
        assert place.doc_id is not None
        params |= {"startkey_docid": place.doc_id, "limit": str(room + 2)}
        found = _rows(await couch.get(VIEW_PATH, params=params))
        if found and found[0].doc_id == place.doc_id:
            found = found[1:]
    else:
        params |= {"skip": str(place.done), "limit": str(room + 1)}
        found = _rows(await couch.get(VIEW_PATH, params=params))
    if len(found) <= room:
        return found, Place(place.index + 1)
    taken = found[:room]
    return taken, Place(place.index, taken[-1].doc_id, place.done + len(taken))


async def _docid_paging(couch: Couch) -> bool:
    known = _honours_docid.get(couch.server_url)
    if known is None:
        try:
            welcome = await couch.get("/", server=True)
        except CouchError:
            welcome = None
        known = isinstance(welcome, dict) and "couchdb" in welcome
        _honours_docid[couch.server_url] = known
    return known


def _rows(answer: object) -> list[Row]:
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise CouchError(502, {"error": "bad_gateway", "reason": "the roots view sent no rows"})
    found = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        doc_id, root, revs = row.get("id"), row.get("key"), row.get("value")
        if not (isinstance(doc_id, str) and isinstance(root, str) and isinstance(revs, list)):
            continue  # a missing key of a multi-key query: {"key": k, "error": "not_found"}
        revs = [r for r in revs if isinstance(r, str)]
        if revs:
            found.append(Row(doc_id, root, revs))
    return found
