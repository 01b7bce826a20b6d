"""Push: the local store's changes to the server.

Per batch: local changes since the checkpoint (every leaf of each changed document) -> the
server's ``_revs_diff`` -> ``_bulk_docs`` with ``new_edits: false`` (bodies with their
``_revisions``; deleted leaves as tombstones; attachments inline, base64, with their digests)
-> checkpoint on both sides. A 413 or a 400 halves the request, down to the one document the
server will not take. A document the server refuses (a validation function's 403, a 413 or a
400 on it alone, any other error the server reports for it) is recorded on the document and
not sent again until it is edited: one bad document never blocks the rest.

What the server must judge together goes in one ``_bulk_docs`` however the batches fall (a new
citizen and the new cases on them, a case and its history: ``push_groups``): a later pending
change may go early with a batch; the checkpoint still moves by batch, so nothing is skipped.
"""

import base64
import threading
from dataclasses import dataclass, field
from typing import Any

from caseworker.store import docstore
from caseworker.store.replication import attachment_data, bodies_with_revisions, record_refusals
from caseworker.store.store import Store
from sync.checkpoint import LOWEST_SEQ, Checkpointer
from sync.errors import MalformedResponse, RequestError, Stopped, TooLargeError
from sync.http import CouchClient
from sync.push_groups import travelling_with
from sync.state import Progress

_REFUSALS = ("forbidden", "unauthorized")
_REASON_CHARS = 300


@dataclass
class PushResult:
    docs_written: int = 0
    changes_seen: int = 0
    last_seq: int = 0
    caught_up: bool = False
    refused: dict[str, str] = field(default_factory=dict)  # doc id -> the server's reason


class Pusher:
    def __init__(
        self,
        store: Store,
        remote: CouchClient,
        checkpointer: Checkpointer,
        *,
        batch_size: int = 1000,
        stop: threading.Event | None = None,
        on_progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.remote = remote
        self.checkpointer = checkpointer
        self.batch_size = batch_size
        self.stop = stop or threading.Event()
        self.on_progress = on_progress

    def run(self) -> PushResult:
        start = self.checkpointer.read()
        since = start if isinstance(start, int) and not isinstance(start, bool) else LOWEST_SEQ
        result = PushResult(last_seq=since)
        refused_here: dict[str, list[str]] = {}  # doc id -> the leaves refused in this run
        with self.store.read() as session:
            total = docstore.count_changed_since(session, since)
        while True:
            if self.stop.is_set():
                raise Stopped("the sync was stopped")
            with self.store.read() as session:
                changes = docstore.changes_since(session, since, self.batch_size)
                changes_out = changes + travelling_with(session, changes)
            if not changes:
                break
            # Refused once with what it travels with, not sent again alone (judged alone, a
            # case event could be taken without the refused change it tells of).
            wanted = {
                c.doc_id: c.leaves for c in changes_out if refused_here.get(c.doc_id) != c.leaves
            }
            missing = self._revs_diff(wanted) if wanted else {}
            if missing:
                with self.store.read() as session:
                    docs = bodies_with_revisions(session, missing)
                    _inline_attachments(session, docs)
                refused = self._bulk_docs(docs)
                result.docs_written += len(docs) - len(refused)
                if refused:
                    with self.store.write() as session:
                        record_refusals(session, refused)
                    result.refused.update(refused)
                    refused_here.update({i: wanted[i] for i in refused if i in wanted})
            since = changes[-1].seq
            result.changes_seen += len(changes)
            result.last_seq = since
            self.checkpointer.write(since)
            if self.on_progress is not None:
                self.on_progress("push", result.changes_seen, total)
            if len(changes) < self.batch_size:
                break
        result.caught_up = True
        return result

    def _revs_diff(self, wanted: dict[str, list[str]]) -> dict[str, list[str]]:
        try:
            answer = self.remote.post("/_revs_diff", wanted)
        except TooLargeError:
            if len(wanted) == 1:
                raise
            items = list(wanted.items())
            half = len(items) // 2
            return {**self._revs_diff(dict(items[:half])), **self._revs_diff(dict(items[half:]))}
        if not isinstance(answer, dict):
            raise MalformedResponse("_revs_diff sent no object")
        missing: dict[str, list[str]] = {}
        for doc_id, entry in answer.items():
            revs = entry.get("missing") if isinstance(entry, dict) else None
            if isinstance(revs, list) and doc_id in wanted:
                asked = [r for r in revs if isinstance(r, str) and r in wanted[doc_id]]
                if asked:  # only revisions this side offered: nothing else is looked up
                    missing[doc_id] = asked
        return missing

    def _bulk_docs(self, docs: list[dict[str, Any]]) -> dict[str, str]:
        """Send the documents; the ones refused, with the server's reasons."""
        if not docs:
            return {}
        try:
            answer = self.remote.post("/_bulk_docs", {"docs": docs, "new_edits": False})
        except (TooLargeError, RequestError) as exc:
            status = exc.status if isinstance(exc, RequestError) else 413
            if status not in (400, 413):
                raise
            if len(docs) == 1:  # this document alone: kept here, recorded, not sent again
                reason = exc.reason if isinstance(exc, RequestError) else ""
                why = "too large" if status == 413 else f"not accepted ({reason or 'bad request'})"
                return {_id_of(docs[0]): f"refused by the central service: {why}"[:_REASON_CHARS]}
            half = len(docs) // 2
            return {**self._bulk_docs(docs[:half]), **self._bulk_docs(docs[half:])}
        if not isinstance(answer, list):
            raise MalformedResponse("_bulk_docs sent no list of results")
        sent = {_id_of(doc) for doc in docs}
        refused: dict[str, str] = {}
        for entry in answer:
            if not isinstance(entry, dict) or "error" not in entry:
                continue
            doc_id = entry.get("id")
            if not isinstance(doc_id, str) or doc_id not in sent:
                continue  # not one of ours: nothing to record
            error, reason = _text(entry.get("error")), _text(entry.get("reason"))
            if error in _REFUSALS:
                why = f"refused by the central service: {reason or error}"
            else:
                why = f"not stored by the central service: {error}" + (
                    f" ({reason})" if reason else ""
                )
            refused[doc_id] = why[:_REASON_CHARS]
        return refused


def _id_of(doc: dict[str, Any]) -> str:
    return str(doc.get("_id"))


def _text(value: Any) -> str:
    """A word from the server, printable on one line."""
    if not isinstance(value, str | int | float):
        return ""
    return "".join(c if c.isprintable() else " " for c in str(value))[:_REASON_CHARS]


def _inline_attachments(session: Any, docs: list[dict[str, Any]]) -> None:
    """Replace attachment stubs with their data (base64), as ``new_edits: false`` needs."""
    digests = [
        att["digest"]
        for doc in docs
        for att in (doc.get("_attachments") or {}).values()
        if isinstance(att, dict) and att.get("stub") and att.get("digest")
    ]
    if not digests:
        return
    data = attachment_data(session, digests)
    for doc in docs:
        atts = doc.get("_attachments")
        if not isinstance(atts, dict):
            continue
        inline = {}
        for name, att in atts.items():
            content = data.get(str(att.get("digest"))) if isinstance(att, dict) else None
            if content is None:
                inline[name] = att
                continue
            inline[name] = {
                "content_type": att.get("content_type"),
                "revpos": att.get("revpos"),
                "digest": att["digest"],
                "data": base64.b64encode(content).decode(),
            }
        doc["_attachments"] = inline
