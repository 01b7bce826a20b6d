"""Pull: the server's changes into the local store, one transaction per batch.

Per batch: ``_changes?style=all_docs&since=<seq>&limit=B`` -> the local store's revs_diff ->
``_bulk_get?revs=true&attachments=true`` (``GET doc?open_revs=...`` where a server lacks it,
half the batch on 413) -> one local transaction writing the batch and the local checkpoint ->
the server's checkpoint. A fetching thread gets batch N+1 while batch N is written; at most two
batches are held at once (memory: batch size x 2).
"""

import json
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from caseworker.store.docstore import Written
from caseworker.store.replication import put_replicated_many, revs_diff_many
from caseworker.store.store import Store
from sync.checkpoint import LOWEST_SEQ, Checkpointer
from sync.errors import MalformedResponse, RequestError, Stopped, SyncError, TooLargeError
from sync.http import CouchClient, doc_path, seq_param
from sync.state import Progress

IN_FLIGHT = 2
REMOTE_CHECKPOINT_EVERY = 8  # batches; the local checkpoint is written with every batch
_WAIT = 1.0  # seconds between looks at the stop flag while waiting for the fetcher

OnWritten = Callable[[list[Written]], None]


@dataclass
class PullResult:
    docs_written: int = 0
    changes_seen: int = 0
    last_seq: Any = LOWEST_SEQ
    caught_up: bool = False


@dataclass
class _Batch:
    docs: list[dict[str, Any]]
    last_seq: Any
    changes: int
    final: bool
    error: BaseException | None = None


class Puller:
    def __init__(
        self,
        store: Store,
        remote: CouchClient,
        checkpointer: Checkpointer,
        *,
        batch_size: int = 1000,
        stop: threading.Event | None = None,
        on_written: OnWritten | None = None,
        on_progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.remote = remote
        self.checkpointer = checkpointer
        self.batch_size = batch_size
        self.stop = stop or threading.Event()
        self.on_written = on_written
        self.on_progress = on_progress
        self.bulk_get = True

    def run(self) -> PullResult:
        since = self.checkpointer.read()
        result = PullResult(last_seq=since)
        total = None
        if since == LOWEST_SEQ:
            info = self.remote.get()
            if isinstance(info, dict):
                total = int(info.get("doc_count") or 0) + int(info.get("doc_del_count") or 0)
        batches: queue.Queue[_Batch] = queue.Queue()
        slots = threading.Semaphore(IN_FLIGHT)
        halt = threading.Event()
        fetcher = threading.Thread(
            target=self._fetch_all,
            args=(self.remote.fork(), since, batches, slots, halt),
            name="sync-pull-fetch",
            daemon=True,
        )
        fetcher.start()
        written_batches = 0
        remote_current = True
        try:
            while True:
                batch = self._next(batches, fetcher)
                if batch.error is not None:
                    raise batch.error
                if batch.changes:
                    with self.store.write() as session:
                        written = put_replicated_many(session, batch.docs)
                        self.checkpointer.write_local(session, batch.last_seq)
                    written_batches += 1
                    result.docs_written += len(written)
                    result.changes_seen += batch.changes
                    result.last_seq = batch.last_seq
                    remote_current = False
                    if written_batches == 1 or written_batches % REMOTE_CHECKPOINT_EVERY == 0:
                        self.checkpointer.write_remote(batch.last_seq)
                        remote_current = True
                    if written and self.on_written is not None:
                        self.on_written(written)
                    if self.on_progress is not None:
                        self.on_progress("pull", result.changes_seen, total)
                slots.release()
                if batch.final:
                    result.caught_up = True
                    break
                if self.stop.is_set():
                    raise Stopped("the sync was stopped")
        finally:
            halt.set()
            for _ in range(IN_FLIGHT):
                slots.release()  # a fetcher waiting for a slot sees the halt
            fetcher.join(timeout=10)
        if not remote_current:
            self.checkpointer.write_remote(result.last_seq)
        return result

    def _next(self, batches: "queue.Queue[_Batch]", fetcher: threading.Thread) -> _Batch:
        while True:
            try:
                return batches.get(timeout=_WAIT)
            except queue.Empty:
                if not fetcher.is_alive() and batches.empty():
                    raise SyncError("the pull stopped unexpectedly") from None

    # -- the fetching thread ----------------------------------------------------------------

    def _fetch_all(
        self,
        client: CouchClient,
        since: Any,
        batches: "queue.Queue[_Batch]",
        slots: threading.Semaphore,
        halt: threading.Event,
    ) -> None:
        try:
            while True:
                slots.acquire()
                if halt.is_set():
                    return
                if self.stop.is_set():
                    raise Stopped("the sync was stopped")
                batch = self._fetch_one(client, since)
                batches.put(batch)
                if batch.final:
                    return
                since = batch.last_seq
        except BaseException as exc:  # handed to the writing thread, which raises it
            batches.put(_Batch([], since, 0, True, error=exc))
        finally:
            client.close()

    def _fetch_one(self, client: CouchClient, since: Any) -> _Batch:
        params = {"style": "all_docs", "since": seq_param(since), "limit": str(self.batch_size)}
        answer = client.get("/_changes", params)
        if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
            raise MalformedResponse("the change feed sent no list of results")
        results = answer["results"]
        last_seq = answer.get("last_seq")
        if results and last_seq is None:
            last_seq = results[-1].get("seq")
        if last_seq is None:
            last_seq = since
        wanted: dict[str, list[str]] = {}
        try:
            for change in results:
                if change["id"].startswith("_design/"):
                    continue  # the server's own rules and views, not Caseworker records
                wanted.setdefault(change["id"], []).extend(c["rev"] for c in change["changes"])
        except (KeyError, TypeError) as exc:
            raise MalformedResponse("the change feed sent a change without id or revs") from exc
        docs: list[dict[str, Any]] = []
        if wanted:
            with self.store.read() as session:
                missing = revs_diff_many(session, wanted)
            pairs = [(doc_id, rev) for doc_id, revs in missing.items() for rev in revs]
            if pairs:
                docs = self._get_docs(client, pairs)
        final = len(results) < self.batch_size
        return _Batch(docs, last_seq, len(results), final)

    def _get_docs(self, client: CouchClient, pairs: list[tuple[str, str]]) -> list[Any]:
        if not self.bulk_get:
            return self._open_revs(client, pairs)
        try:
            answer = client.post(
                "/_bulk_get",
                {"docs": [{"id": doc_id, "rev": rev} for doc_id, rev in pairs]},
                {"revs": "true", "attachments": "true"},
            )
        except TooLargeError:
            if len(pairs) == 1:
                raise
            half = len(pairs) // 2
            return self._get_docs(client, pairs[:half]) + self._get_docs(client, pairs[half:])
        except RequestError as exc:
            if exc.status not in (400, 404, 405, 501):
                raise
            self.bulk_get = False  # an older server: one document at a time
            return self._open_revs(client, pairs)
        if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
            raise MalformedResponse("_bulk_get sent no list of results")
        docs: list[Any] = []
        for entry in answer["results"]:
            for item in entry.get("docs") or []:
                doc = item.get("ok") if isinstance(item, dict) else None
                if isinstance(doc, dict) and "_id" in doc and "_rev" in doc:
                    docs.append(doc)
        return docs

    def _open_revs(self, client: CouchClient, pairs: list[tuple[str, str]]) -> list[Any]:
        by_id: dict[str, list[str]] = {}
        for doc_id, rev in pairs:
            by_id.setdefault(doc_id, []).append(rev)
        docs: list[Any] = []
        for doc_id, revs in by_id.items():
            params = {
                "open_revs": json.dumps(revs),
                "revs": "true",
                "attachments": "true",
            }
            answer = client.get(doc_path(doc_id), params)
            if not isinstance(answer, list):
                raise MalformedResponse(f"open_revs of {doc_id} sent no list")
            for item in answer:
                doc = item.get("ok") if isinstance(item, dict) else None
                if isinstance(doc, dict) and "_rev" in doc:
                    docs.append(doc)
        return docs
