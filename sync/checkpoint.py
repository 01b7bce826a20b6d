"""Replication ids and checkpoints, kept on both sides and compared as PouchDB does.

A replication id is a stable hash of the local store's id, the remote database URL, the
direction and the scope (PouchDB's ``generateReplicationId`` hashes the two database ids and
the filter the same way). Its checkpoint lives in ``_local/<id>`` on the server and in the
local checkpoints table: ``{"session_id", "last_seq", "history": [{"session_id",
"last_seq"}...]}``. On start both are read; when their session ids agree the checkpoint is
``last_seq``, else the newest session both histories share, else nothing (start from 0).
Sequences stay opaque JSON values throughout.
"""

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from caseworker.store import docstore
from caseworker.store.store import Store
from sync.errors import RequestError

if TYPE_CHECKING:
    from sync.http import CouchClient

STORE_ID_KEY = "replication.store_id"  # this store's own id: half of every replication id

VERSION = 1
MAX_HISTORY = 5
LOWEST_SEQ: Any = 0


def replication_id(store_id: str, remote_url: str, direction: str, scope: str = "") -> str:
    """``_local/`` name of one replication: stable for the same store, database, direction and
    scope; different if any of them changes."""
    key = json.dumps([VERSION, store_id, remote_url.rstrip("/"), direction, scope])
    return hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()


def _history(checkpoint: dict[str, Any]) -> list[dict[str, Any]]:
    """The checkpoint and the sessions it remembers (entries that are not objects with a text
    ``session_id``, as a broken server may send, are left out)."""
    history = checkpoint.get("history")
    entries = [checkpoint, *(history if isinstance(history, list) else [])]
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("session_id"), str)]


def _same(a: Any, b: Any) -> bool:
    try:
        return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    except (ValueError, TypeError, RecursionError):
        return False


def _compare(local: dict[str, Any], remote: dict[str, Any]) -> Any:
    if local.get("version") != remote.get("version"):
        return LOWEST_SEQ
    session_id = local.get("session_id")
    same_session = isinstance(session_id, str) and session_id == remote.get("session_id")
    if same_session and "last_seq" in local:
        return local["last_seq"]
    # PouchDB's compareReplicationHistory: the newest session that both sides remember.
    remote_sessions = {h["session_id"]: h.get("last_seq") for h in _history(remote)}
    for entry in _history(local):
        session = entry["session_id"]
        if session in remote_sessions and _same(remote_sessions[session], entry.get("last_seq")):
            return entry.get("last_seq")
    return LOWEST_SEQ


def _rev_of(answer: Any, key: str) -> str | None:
    rev = answer.get(key) if isinstance(answer, dict) else None
    return rev if isinstance(rev, str) and len(rev) <= 200 else None


class Checkpointer:
    """The checkpoint of one replication, on the server and in the local store."""

    def __init__(self, store: Store, remote: "CouchClient", rep_id: str) -> None:
        self.store = store
        self.remote = remote
        self.rep_id = rep_id
        self.session_id = uuid.uuid4().hex  # one per run, as PouchDB's
        self._remote_rev: str | None = None
        self._history: list[dict[str, Any]] = []

    @property
    def local_id(self) -> str:
        return f"_local/{self.rep_id}"

    def read(self) -> Any:
        """Where to start: the agreed ``last_seq``, or LOWEST_SEQ."""
        with self.store.read() as session:
            local = docstore.get_checkpoint(session, self.local_id)
        remote = self.remote.get_or_none("/_local/" + self.rep_id)
        self._remote_rev = _rev_of(remote, "_rev")
        if isinstance(local, dict):
            self._history = _history(local)
        if not isinstance(local, dict) or not isinstance(remote, dict):
            return LOWEST_SEQ
        return _compare(local, remote)

    def _body(self, last_seq: Any) -> dict[str, Any]:
        entries = [h for h in self._history if h.get("session_id") != self.session_id]
        history = [{"session_id": h["session_id"], "last_seq": h.get("last_seq")} for h in entries]
        return {
            "session_id": self.session_id,
            "last_seq": last_seq,
            "history": [{"session_id": self.session_id, "last_seq": last_seq}, *history][
                :MAX_HISTORY
            ],
            "replicator": "caseworker",
            "version": VERSION,
        }

    def write_local(self, session: Session, last_seq: Any) -> None:
        """The local copy, in the caller's transaction (e.g. with the batch it checkpoints)."""
        docstore.set_checkpoint(session, self.local_id, self._body(last_seq))

    def write_remote(self, last_seq: Any) -> None:
        """The server's copy (``_local/<id>``); a stale revision is re-read once."""
        body = self._body(last_seq)
        for attempt in (1, 2):
            doc = {"_id": self.local_id, **body}
            if self._remote_rev is not None:
                doc["_rev"] = self._remote_rev
            try:
                answer = self.remote.put("/_local/" + self.rep_id, doc)
            except RequestError as exc:
                if exc.status != 409 or attempt == 2:
                    raise
                current = self.remote.get_or_none("/_local/" + self.rep_id)
                self._remote_rev = _rev_of(current, "_rev")
                continue
            self._remote_rev = _rev_of(answer, "rev")
            return

    def write(self, last_seq: Any, with_local: Callable[[Session], None] | None = None) -> None:
        """Both copies: the server's first, then the local one (with ``with_local``'s work)."""
        self.write_remote(last_seq)
        with self.store.write() as session:
            if with_local is not None:
                with_local(session)
            self.write_local(session, last_seq)
