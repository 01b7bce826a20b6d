"""Storing documents: ``POST /{db}/_bulk_docs``, each revision judged before CouchDB sees it.

For every document of a batch the gateway finds, in two calls to CouchDB for the whole batch:
- the current winner (``_all_docs?keys&include_docs&conflicts``): whether the id ``existed``
  (live or deleted), its live body (``current``) and winning revision;
- which revisions of the pushed revision's ancestry (``_revisions``) CouchDB holds
  (``_revs_diff``): whether the new revision is ``rooted`` in the server's history, and
  whether it ``replaces_winner``.
``caseworker.access.writes.judge_batch`` then decides each; the accepted go to CouchDB as the
admin (``new_edits`` as sent), the refused are answered ``{"id", "rev", "error": "forbidden",
"reason"}``. A malformed or oversized document is answered for itself and the rest of the
batch goes on.
"""

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from caseworker.access.channels import is_id_of, root_of
from caseworker.access.merge_rules import merge_id_of
from caseworker.access.writes import Write, judge_batch
from caseworker.limits import (
    MAX_ATTACHMENT_BYTES,
    MAX_DOCUMENT_BYTES,
    MAX_ID_LENGTH,
    MAX_NESTING_DEPTH,
    MAX_REV_LENGTH,
    REV_LIMIT,
)
from sync.gateway.auth import Caller
from sync.gateway.couch import Couch, CouchError, dumps
from sync.gateway.erased import ErasedIds
from sync.gateway.errors import HTTPError, bad_request

_REV = re.compile(r"([1-9][0-9]{0,9})-([0-9A-Za-z]+)")
_ALLOWED_SPECIAL = {"_id", "_rev", "_revisions", "_deleted", "_attachments"}
_DROPPED_SPECIAL = {"_conflicts", "_deleted_conflicts", "_revs_info", "_local_seq"}


@dataclass
class _Candidate:
    index: int
    doc: dict[str, Any]
    doc_id: str
    rev: str | None  # new_edits=false: the new revision; else the parent named (if any)
    ancestry: list[str] = field(default_factory=list)  # rev first, then its parents


HeldOf = Callable[[set[str], dict[str, Any]], Awaitable[frozenset[str]]]


def _error(doc_id: Any, rev: Any, error: str, reason: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": doc_id if isinstance(doc_id, str) else None}
    if isinstance(rev, str):
        entry["rev"] = rev
    entry.update(error=error, reason=reason)
    return entry


def nesting_depth(value: Any) -> int:
    """Objects and arrays inside one another (0 for a scalar), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if depth > MAX_NESTING_DEPTH:
            return depth
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _ancestry(doc: dict[str, Any], rev: str) -> list[str] | str:
    """The revision and its parents from ``_revisions``, or the reason they are unusable."""
    match = _REV.fullmatch(rev)
    if match is None or len(rev) > MAX_REV_LENGTH:
        return "its _rev is not a revision id"
    revisions = doc.get("_revisions")
    if revisions is None:
        return [rev]
    start = revisions.get("start") if isinstance(revisions, dict) else None
    ids = revisions.get("ids") if isinstance(revisions, dict) else None
    if (
        not isinstance(start, int)
        or isinstance(start, bool)
        or not isinstance(ids, list)
        or not ids
        or len(ids) > REV_LIMIT
        or start < len(ids)
        or not all(isinstance(i, str) and 0 < len(i) <= MAX_REV_LENGTH for i in ids)
    ):
        return "its _revisions are malformed"
    if start != int(match.group(1)) or ids[0] != match.group(2):
        return "its _revisions do not start with its _rev"
    return [f"{start - n}-{h}" for n, h in enumerate(ids)]


def _shape_error(doc: Any, new_edits: bool) -> tuple[dict[str, Any] | None, _Candidate | None]:
    """A document as sent: its error entry, or the candidate to judge."""
    if not isinstance(doc, dict):
        return _error(None, None, "bad_request", "a document must be a JSON object"), None
    doc_id, rev = doc.get("_id"), doc.get("_rev")
    if not isinstance(doc_id, str) or not doc_id or len(doc_id) > MAX_ID_LENGTH:
        return _error(doc_id, rev, "bad_request", "a document needs an _id of text"), None
    if doc_id.startswith("_"):
        return _error(doc_id, rev, "forbidden", "only data documents are written here"), None
    for name in [k for k in doc if k.startswith("_")]:
        if name in _DROPPED_SPECIAL:
            del doc[name]
        elif name not in _ALLOWED_SPECIAL:
            reason = f"Bad special document member: {name[:50]}"
            return _error(doc_id, rev, "doc_validation", reason), None
    if "_deleted" in doc and not isinstance(doc["_deleted"], bool):
        return _error(doc_id, rev, "bad_request", "_deleted must be true or false"), None
    if rev is not None and not isinstance(rev, str):
        return _error(doc_id, None, "bad_request", "its _rev is not a revision id"), None
    ancestry: list[str] = []
    if not new_edits:
        if rev is None:
            return _error(doc_id, None, "bad_request", "a replicated document needs a _rev"), None
        found = _ancestry(doc, rev)
        if isinstance(found, str):
            return _error(doc_id, rev, "bad_request", found), None
        ancestry = found
    elif rev is not None:
        if _REV.fullmatch(rev) is None or len(rev) > MAX_REV_LENGTH:
            return _error(doc_id, rev, "bad_request", "its _rev is not a revision id"), None
        ancestry = [rev]
    size_error = _size_error(doc)
    if size_error is not None:
        return _error(doc_id, rev, *size_error), None
    return None, _Candidate(0, doc, doc_id, rev, ancestry)


def _size_error(doc: dict[str, Any]) -> tuple[str, str] | None:
    body = {k: v for k, v in doc.items() if k != "_attachments"}
    if nesting_depth(body) > MAX_NESTING_DEPTH:
        return "bad_request", "the document is nested too deep"
    if len(dumps(body)) > MAX_DOCUMENT_BYTES:
        return "too_large", "Document exceeds max_document_size"
    attachments = doc.get("_attachments")
    if attachments is None:
        return None
    if not isinstance(attachments, dict):
        return "bad_request", "_attachments must be an object"
    for attachment in attachments.values():
        if not isinstance(attachment, dict):
            return "bad_request", "an attachment must be an object"
        data = attachment.get("data")
        if isinstance(data, str) and len(data) * 3 // 4 > MAX_ATTACHMENT_BYTES:
            return "too_large", "Attachment exceeds the largest size accepted"
    return None


_LINKS = (
    "case_id", "citizen_id", "subject_id", "survivor_id", "merged_id", "first_id", "second_id",
)  # fmt: skip


def _wanted(candidates: list[_Candidate], winners: dict[str, dict[str, Any]]) -> set[str]:
    """Every root the rules may ask about for this batch: each document's own id and root,
    before and after, and every record it names (its case, its citizen, its subject)."""
    wanted: set[str] = set()
    for candidate in candidates:
        current = (winners.get(candidate.doc_id) or {}).get("doc")
        wanted.add(candidate.doc_id)
        for body in (candidate.doc, current):
            if not isinstance(body, dict):
                continue
            root = root_of(candidate.doc_id, body)
            if root is not None:
                wanted.add(root)
            wanted.update(v for k in _LINKS if isinstance(v := body.get(k), str))
    return wanted


async def _winners(couch: Couch, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Per id the server holds (live or deleted): ``{"rev", "deleted", "doc"}``."""
    answer = await couch.post(
        "/_all_docs", {"keys": ids}, params={"include_docs": "true", "conflicts": "true"}
    )
    rows = answer.get("rows") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise HTTPError(502, "bad_gateway", "the database sent no rows")
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        value = row.get("value") if isinstance(row, dict) else None
        key = row.get("key") if isinstance(row, dict) else None
        if not isinstance(value, dict) or not isinstance(key, str):
            continue  # {"key", "error": "not_found"}: never held
        deleted = bool(value.get("deleted"))
        doc = row.get("doc")
        found[key] = {
            "rev": value.get("rev"),
            "deleted": deleted,
            "doc": doc if isinstance(doc, dict) and not deleted else None,
        }
    return found


async def _held(couch: Couch, candidates: list[_Candidate]) -> dict[str, set[str]]:
    """Per id, which of the revisions named in the batch CouchDB already holds."""
    asked: dict[str, set[str]] = {}
    for candidate in candidates:
        asked.setdefault(candidate.doc_id, set()).update(candidate.ancestry)
    asked = {k: v for k, v in asked.items() if v}
    if not asked:
        return {}
    answer = await couch.post("/_revs_diff", {k: sorted(v) for k, v in asked.items()})
    if not isinstance(answer, dict):
        raise HTTPError(502, "bad_gateway", "the database sent no revision differences")
    held: dict[str, set[str]] = {}
    for doc_id, revs in asked.items():
        entry = answer.get(doc_id)
        missing = entry.get("missing") if isinstance(entry, dict) else None
        gone = {r for r in missing if isinstance(r, str)} if isinstance(missing, list) else set()
        held[doc_id] = revs - gone
    return held


def _write_of(
    candidate: _Candidate,
    new_edits: bool,
    winner: dict[str, Any] | None,
    held: set[str],
) -> Write:
    existed = winner is not None
    winner_rev = winner.get("rev") if winner is not None else None
    if new_edits:
        parent = candidate.rev
        if parent is None:  # CouchDB itself refuses it over a live document (409)
            rooted, replaces = True, winner is None or bool(winner.get("deleted"))
        else:
            rooted, replaces = parent in held, parent == winner_rev
    else:
        parents = candidate.ancestry[1:]
        rooted = any(rev in held for rev in parents)
        replaces = not existed or winner_rev in parents
    current = winner.get("doc") if winner is not None else None
    return Write(candidate.doc_id, candidate.doc, current, existed, rooted, replaces)


def _survivor_merge_ids(candidates: list[_Candidate]) -> dict[str, str]:
    """For each merge in the batch, the id of its survivor's own merge document."""
    found: dict[str, str] = {}
    for c in candidates:
        survivor = c.doc.get("survivor_id")
        if c.doc.get("type") == "merge" and is_id_of(survivor, "citizen"):
            found[c.doc_id] = merge_id_of(survivor)
    return found


async def bulk_docs(
    couch: Couch, caller: Caller, held_of: HeldOf, body: Any, erased: ErasedIds | None = None
) -> Any:
    """The ``_bulk_docs`` answer: CouchDB's for what was accepted, merged with the refusals.
    ``held_of`` says which of the roots the batch touches the caller holds
    (``scope.held_among``): all the rules ask of the caller's scope. A revision about a record
    ``erased`` takes is refused before any rule is asked (``erased.ErasedIds``)."""
    docs = body.get("docs") if isinstance(body, dict) else None
    if not isinstance(docs, list):
        raise bad_request("POST body must include `docs` parameter.")
    new_edits = body.get("new_edits", True)
    if not isinstance(new_edits, bool):
        raise bad_request("`new_edits` parameter must be a boolean.")
    answers: list[Any] = [None] * len(docs)
    candidates: list[_Candidate] = []
    for index, doc in enumerate(docs):
        error, candidate = _shape_error(doc, new_edits)
        if candidate is None:
            answers[index] = error
        else:
            candidate.index = index
            candidates.append(candidate)
    to_judge = candidates
    if candidates:
        if erased is not None:
            await erased.ready()
        ids = sorted({c.doc_id for c in candidates})
        survivors = _survivor_merge_ids(candidates)
        winners = await _winners(couch, sorted({*ids, *survivors.values()}))
        # What the server holds of the batch's ids (None: not there), read once for both.
        current = {i: (winners.get(i) or {}).get("doc") for i in ids}
        roots = await held_of(_wanted(candidates, winners), current)
        # Only a revision of an id the server holds can descend from (or be) one it holds.
        held = await _held(couch, [c for c in candidates if c.doc_id in winners])
        if not new_edits:
            # A revision CouchDB already holds is a replay it ignores: nothing to judge.
            to_judge = [c for c in candidates if c.rev not in held.get(c.doc_id, set())]
        if erased is not None:
            to_judge = _not_erased(erased, to_judge, current, answers)
        writes = [
            replace(
                _write_of(c, new_edits, winners.get(c.doc_id), held.get(c.doc_id, set())),
                survivor_merge=(winners.get(survivors.get(c.doc_id, "")) or {}).get("doc"),
            )
            for c in to_judge
        ]
        reasons = judge_batch(caller.person, writes, roots)
        accepted: list[_Candidate] = []
        for candidate, reason in zip(to_judge, reasons, strict=True):
            if reason is None:
                accepted.append(candidate)
            else:
                answers[candidate.index] = _error(
                    candidate.doc_id, candidate.rev, "forbidden", reason
                )
        if accepted:
            stored = await _store(couch, [c.doc for c in accepted], new_edits)
            if new_edits:
                _place_in_order(answers, accepted, stored)
            else:
                return [a for a in answers if a is not None] + stored
    return [a for a in answers if a is not None]


def _not_erased(
    erased: ErasedIds,
    candidates: list[_Candidate],
    current: dict[str, Any],
    answers: list[Any],
) -> list[_Candidate]:
    """The candidates about no erased record; the others are answered refused."""
    kept: list[_Candidate] = []
    for candidate in candidates:
        reason = erased.refusal(candidate.doc_id, candidate.doc, current.get(candidate.doc_id))
        if reason is None:
            kept.append(candidate)
        else:
            answers[candidate.index] = _error(candidate.doc_id, candidate.rev, "forbidden", reason)
    return kept


async def _store(couch: Couch, docs: list[dict[str, Any]], new_edits: bool) -> list[Any]:
    try:
        answer = await couch.post("/_bulk_docs", {"docs": docs, "new_edits": new_edits})
    except CouchError as exc:
        if exc.status in (400, 409, 412, 413, 417):
            raise HTTPError(exc.status, exc.error, exc.reason) from None
        raise
    if not isinstance(answer, list):
        raise HTTPError(502, "bad_gateway", "the database sent no list of results")
    return answer


def _place_in_order(answers: list[Any], accepted: list[_Candidate], stored: list[Any]) -> None:
    """``new_edits`` true: clients match results by position. CouchDB answers in order; a
    server that does not (PouchDB Server) is matched by id."""
    if len(stored) == len(accepted) and all(
        isinstance(s, dict) and s.get("id") == c.doc_id
        for s, c in zip(stored, accepted, strict=True)
    ):
        for candidate, result in zip(accepted, stored, strict=True):
            answers[candidate.index] = result
        return
    by_id: dict[str, list[Any]] = {}
    for result in stored:
        if isinstance(result, dict) and isinstance(result.get("id"), str):
            by_id.setdefault(result["id"], []).append(result)
    for candidate in accepted:
        results = by_id.get(candidate.doc_id)
        answers[candidate.index] = (
            results.pop(0)
            if results
            else _error(candidate.doc_id, None, "unknown_error", "no answer")
        )
