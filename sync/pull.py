"""Pull: the server's changes into the local store, one transaction per batch.

Per batch: ``_changes?style=all_docs&since=<seq>&limit=B`` -> the local store's revs_diff ->
``_bulk_get?revs=true`` (``GET doc?open_revs=...`` where a server lacks it, half the batch on
413; attachments come as stubs, and only documents naming content the store lacks are fetched
again with ``attachments=true``) -> one local transaction writing the batch and the local
checkpoint -> the server's checkpoint. A fetching thread gets batch N+1 while batch N is
written; at most two batches are held at once (memory: batch size x 2).

A change row with ``"removed": true`` (a gateway's word that the document left this user's
scope; CouchDB never sends one) is not fetched: the document is purged in the batch's
transaction (``caseworker.store.purge``), unless it holds what the server does not have yet.
The fetcher waits for such a batch to be written before it compares the next one with the
store, so a document that comes back into scope later in the same pull is fetched whole.

A store that owes a fetch of its whole scope (an erasure that purged records here was refused
centrally: ``caseworker.erasure.local.refetch_due``) pulls from the start whatever its
checkpoint says; revs_diff keeps what it holds from being fetched. Only a pull that reads to
the end clears the debt, so a process killed halfway starts again from the start.
"""

import hashlib
import json
import queue
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy.orm import Session

from caseworker.collector import fewer_collections
from caseworker.erasure import local as erasure_local
from caseworker.store import incoming, purge
from caseworker.store.docstore import Written
from caseworker.store.replication import (
    Prepared,
    held_digests,
    prepare,
    put_prepared,
    revs_diff_many,
)
from caseworker.store.store import Store
from sync.checkpoint import LOWEST_SEQ, Checkpointer
from sync.errors import (
    MalformedResponse,
    NoProgress,
    ReplyTooLarge,
    RequestError,
    Stopped,
    SyncError,
    TooLargeError,
)
from sync.http import CouchClient, doc_path, seq_param
from sync.state import Progress

IN_FLIGHT = 2
REMOTE_CHECKPOINT_EVERY = 8  # batches; the local checkpoint is written with every batch
_WAIT = 1.0  # seconds between looks at the stop flag while waiting for the fetcher
_REMEMBERED = 10_000  # sequences and batches remembered per run, to notice a feed that loops
MAX_SEQ_CHARS = 65_536  # CouchDB 3's opaque sequences of a many-shard database fit easily
_NOT_ASKED = ("_design/", "_local/")  # the server's rules, views and checkpoints: never pulled

OnWritten = Callable[[list[Written]], None]


@dataclass
class PullResult:
    docs_written: int = 0
    changes_seen: int = 0
    last_seq: Any = LOWEST_SEQ
    caught_up: bool = False
    docs_purged: int = 0  # documents that left the scope and were dropped here
    refetched: bool = False  # read from the start to bring back what a refused erasure took


@dataclass
class _Batch:
    docs: list[dict[str, Any]]
    last_seq: Any
    changes: int
    final: bool
    error: BaseException | None = None
    removed: list[str] = field(default_factory=list)  # ids whose last row says "removed"
    present: list[str] = field(default_factory=list)  # ids whose last row names revisions
    written: threading.Event = field(default_factory=threading.Event)
    # ``docs`` read and checked on the fetching thread, while the batch before was written
    prepared: Prepared = field(default_factory=lambda: Prepared([]))


@dataclass
class _Page:
    """One answer of the change feed."""

    results: list[Any]
    last_seq: Any
    more: bool  # the server says more is due even if the page is short
    # First revisions the feed sent whole (``include_docs``), by (id, rev): see ``_firsts``.
    firsts: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def final(self, batch_size: int) -> bool:
        return len(self.results) < batch_size and not self.more


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
        push_checkpoint: str | None = None,
    ) -> None:
        self.store = store
        self.remote = remote
        self.checkpointer = checkpointer
        self.batch_size = batch_size
        self.stop = stop or threading.Event()
        self.on_written = on_written
        self.on_progress = on_progress
        # The local id of the push checkpoint (``_local/<id>``): what was typed here and not yet
        # pushed is never purged. None: nothing counts as pushed (everything removed is kept).
        self.push_checkpoint = push_checkpoint
        self.bulk_get = True
        # The feed is asked for documents too (``include_docs``): a document still at its first
        # revision has no history to fetch, so it comes with its change and is not asked for
        # again. Off for the rest of the pull when a page with documents is too large to read.
        self.include_docs = True

    def run(self) -> PullResult:
        with fewer_collections():
            return self._run()

    def _run(self) -> PullResult:
        since = self.checkpointer.read()
        with self.store.read() as session:
            refetch = erasure_local.refetch_due(session)
        if refetch is not None:
            since = LOWEST_SEQ  # the checkpoint is past records a refused erasure took here
        result = PullResult(last_seq=since, refetched=refetch is not None)
        total = None
        if since == LOWEST_SEQ:
            info = self.remote.get()
            if isinstance(info, dict):
                total = _count(info.get("doc_count"), info.get("doc_del_count"))
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
                        sent = purge.sent_up_to(session, self.push_checkpoint)
                        clean = self.push_checkpoint is not None and purge.nothing_unsent(
                            session, sent
                        )
                        dropped = self._scope(session, batch, sent)
                        # An erased citizen's records are never stored, and an erasure that
                        # arrives purges what was held of them (caseworker.erasure.local).
                        docs, kept_out = erasure_local.admit(session, batch.docs)
                        ready = batch.prepared.only(docs) if kept_out else batch.prepared
                        written = dropped.written + put_prepared(session, ready).written
                        erased = erasure_local.apply(session, docs)
                        dropped.written += erased.written
                        written += erased.written
                        if clean:  # all this batch wrote came from the server
                            purge.mark_sent(session, self.push_checkpoint)
                        self.checkpointer.write_local(session, batch.last_seq)
                    batch.written.set()
                    if erased.needs_cleaning or kept_out:
                        erasure_local.clean(self.store)
                    elif dropped.written:
                        purge.scrub(self.store)
                    written_batches += 1
                    result.docs_written += len(written) - len(dropped.written)
                    result.docs_purged += len(dropped.written)
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
        if refetch is not None:  # caught up: the whole scope was read (checkpoints first)
            with self.store.write() as session:
                erasure_local.refetch_done(session, refetch)
        return result

    @staticmethod
    def _scope(session: Session, batch: _Batch, sent: int) -> purge.Purged:
        """Purge what the batch says left the scope (before its documents are written), and
        forget waiting purges of what it says is here again."""
        if not batch.removed and not batch.present:
            return purge.Purged()
        return purge.apply(session, batch.removed, pushed=sent, present=batch.present)

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
        guard = _ProgressGuard(since)
        # The change feed is read one page ahead, on a client of its own, while this thread
        # fetches the documents of the page before: through a gateway each request is a round
        # trip longer, and the two no longer wait on each other. Only the feed is read ahead:
        # comparing a page with the store still waits for the batch before to be written.
        ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull-feed")
        feed_client = client.fork()
        try:
            next_page = ahead.submit(self._page, feed_client, since)
            while True:
                slots.acquire()
                if halt.is_set():
                    return
                if self.stop.is_set():
                    raise Stopped("the sync was stopped")
                page = next_page.result()
                if not page.final(self.batch_size):
                    next_page = ahead.submit(self._page, feed_client, page.last_seq)
                batch = self._batch_of(client, since, page, guard)
                batches.put(batch)
                if batch.final:
                    return
                if batch.removed:  # the next comparison with the store must see the purge
                    while not batch.written.wait(_WAIT):
                        if halt.is_set():
                            return
                since = batch.last_seq
        except BaseException as exc:  # handed to the writing thread, which raises it
            batches.put(_Batch([], since, 0, True, error=exc))
        finally:
            ahead.shutdown(wait=False, cancel_futures=True)
            feed_client.close()  # ends a read ahead still waiting on the server
            client.close()

    def _page(self, client: CouchClient, since: Any) -> "_Page":
        """One page of the change feed from ``since``."""
        params = {"style": "all_docs", "since": seq_param(since), "limit": str(self.batch_size)}
        answer = None
        if self.include_docs:
            try:
                answer = client.get("/_changes", {**params, "include_docs": "true"})
            except ReplyTooLarge:  # large documents: the page without them, and no more asked
                self.include_docs = False
        if answer is None:
            answer = client.get("/_changes", params)
        if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
            raise MalformedResponse("the change feed sent no list of results")
        results = answer["results"]
        last_seq = answer.get("last_seq")
        if results and last_seq is None and isinstance(results[-1], dict):
            last_seq = results[-1].get("seq")
        if last_seq is None:
            last_seq = since
        # A gateway may answer a short page (or none) while more is due: it says so in
        # ``pending``, as CouchDB does; the pull goes on until nothing is pending.
        pending = answer.get("pending")
        more = isinstance(pending, int) and not isinstance(pending, bool) and pending > 0
        if not results and _digest(last_seq) == _digest(since):
            more = False  # nothing sent and nowhere moved: this is the end, whatever it says
        return _Page(results, last_seq, more, _firsts(results))

    def _batch_of(
        self, client: CouchClient, since: Any, page: "_Page", guard: "_ProgressGuard"
    ) -> _Batch:
        """The batch of a page: the revisions the store lacks, fetched."""
        results, last_seq = page.results, page.last_seq
        wanted, removed = _wanted(results)
        guard.check(since, last_seq, results, more=page.more)
        docs: list[dict[str, Any]] = []
        if wanted:
            with self.store.read() as session:
                missing = revs_diff_many(session, wanted)
            pairs = [(doc_id, rev) for doc_id, revs in missing.items() for rev in revs]
            if pairs:
                docs = self._get_docs(client, pairs, page.firsts)
        final = page.final(self.batch_size)
        return _Batch(
            docs,
            last_seq,
            len(results),
            final,
            removed=removed,
            present=list(wanted),
            prepared=prepare(docs),
        )

    def _get_docs(
        self,
        client: CouchClient,
        pairs: list[tuple[str, str]],
        firsts: dict[tuple[str, str], dict[str, Any]],
    ) -> list[Any]:
        """The revisions asked for: first revisions the feed sent whole, the rest fetched.
        Attachments come as stubs first (what costs a server most, and what the store often
        holds already: content is kept by digest); only documents naming content the store
        lacks are fetched again with it, as PouchDB does."""
        known = [firsts[pair] for pair in pairs if pair in firsts]
        rest = [pair for pair in pairs if pair not in firsts]
        docs = known + (self._bulk_get(client, rest, with_content=False) if rest else [])
        # A server without _bulk_get sent the rest one at a time, content and all; the feed's
        # documents still name theirs by stub.
        wanting = self._lacking_content(docs if self.bulk_get else known)
        if not wanting:
            return docs
        full = {
            (d["_id"], d["_rev"]): d for d in self._bulk_get(client, wanting, with_content=True)
        }
        return [full.get((d.get("_id"), d.get("_rev")), d) for d in docs]

    def _lacking_content(self, docs: list[Any]) -> list[tuple[str, str]]:
        """The documents whose attachment stubs name content the store does not hold."""
        named: dict[tuple[str, str], set[str]] = {}
        for doc in docs:
            atts = doc.get("_attachments")
            if not isinstance(atts, dict) or not atts:
                continue
            digests = {
                a.get("digest")
                for a in atts.values()
                if isinstance(a, dict) and "data" not in a and a.get("stub") is True
            }
            named[(doc["_id"], doc["_rev"])] = {d for d in digests if isinstance(d, str)}
            if None in digests:  # a stub naming no content: ask for the whole document
                named[(doc["_id"], doc["_rev"])].add("")
        if not named:
            return []
        with self.store.read() as session:
            held = held_digests(session, set().union(*named.values()))
        return [pair for pair, digests in named.items() if digests - held]

    def _bulk_get(
        self, client: CouchClient, pairs: list[tuple[str, str]], *, with_content: bool
    ) -> list[Any]:
        if not self.bulk_get:
            return self._open_revs(client, pairs)
        params = {"revs": "true", "attachments": "true"} if with_content else {"revs": "true"}
        try:
            answer = client.post(
                "/_bulk_get",
                {"docs": [{"id": doc_id, "rev": rev} for doc_id, rev in pairs]},
                params,
            )
        except (TooLargeError, ReplyTooLarge):
            if len(pairs) == 1:
                raise
            half = len(pairs) // 2
            return self._bulk_get(client, pairs[:half], with_content=with_content) + self._bulk_get(
                client, pairs[half:], with_content=with_content
            )
        except RequestError as exc:
            if exc.status not in (400, 404, 405, 501):
                raise
            self.bulk_get = False  # an older server: one document at a time
            return self._open_revs(client, pairs)
        if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
            raise MalformedResponse("_bulk_get sent no list of results")
        items: list[Any] = []
        for entry in answer["results"]:
            if not isinstance(entry, dict) or not isinstance(entry.get("docs"), list):
                continue
            if entry["docs"] == [{}]:  # PouchDB Server's answer for an id it does not have
                gone = entry.get("id")
                items += [{"error": {"id": i, "rev": r}} for i, r in pairs if i == gone]
            items += entry["docs"]
        return _asked(items, pairs)

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
                raise MalformedResponse("a document's open_revs sent no list")
            docs += _asked(answer, [(doc_id, rev) for rev in revs])
        return docs


def _count(*values: Any) -> int | None:
    """The server's document count, if it gave whole numbers (it is only shown)."""
    counts = [0 if v is None else v for v in values]  # a count left out is none
    whole = [v for v in counts if isinstance(v, int) and not isinstance(v, bool) and v >= 0]
    return sum(whole) if len(whole) == len(counts) else None


def _wanted(results: list[Any]) -> tuple[dict[str, list[str]], list[str]]:
    """The revisions each change names (``style=all_docs``), and the ids that left the scope
    (``"removed": true``; the revisions such a row names are never fetched), without the
    server's own documents. Of several rows for one id the last one counts. A change that is
    not an id with a list of revisions is a malformed reply."""
    wanted: dict[str, list[str]] = {}
    removed: dict[str, None] = {}
    for change in results:
        doc_id = change.get("id") if isinstance(change, dict) else None
        revs = change.get("changes") if isinstance(change, dict) else None
        gone = isinstance(change, dict) and change.get("removed") is True
        if not isinstance(doc_id, str) or not (gone or isinstance(revs, list)):
            raise MalformedResponse("the change feed sent a change without an id or revisions")
        if doc_id.startswith(_NOT_ASKED):
            continue
        if gone:
            wanted.pop(doc_id, None)
            removed[doc_id] = None
            continue
        removed.pop(doc_id, None)
        assert isinstance(revs, list)
        for entry in revs:
            rev = entry.get("rev") if isinstance(entry, dict) else None
            if not isinstance(rev, str):
                raise MalformedResponse(
                    "the change feed sent a change with a revision that is not text"
                )
            wanted.setdefault(doc_id, []).append(rev)
    return wanted, list(removed)


def _firsts(results: list[Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """The documents a page sent with their change (``include_docs``), taken off the rows,
    kept only where they are whole: a change naming one revision, the first (``1-``: there is
    no history to ask ``_bulk_get`` for), and a document that is that very revision. Anything
    else (a later revision, conflicts, a document that does not match its row, a gateway that
    sends none) is fetched with ``_bulk_get`` as before."""
    firsts: dict[tuple[str, str], dict[str, Any]] = {}
    for change in results:
        if not isinstance(change, dict):
            continue
        doc = change.pop("doc", None)
        if incoming.whole_first(change.get("id"), change.get("changes"), doc):
            firsts[(doc["_id"], doc["_rev"])] = doc
    return firsts


def _asked(items: list[Any], pairs: list[tuple[str, str]]) -> list[Any]:
    """The revisions that were asked for, from ``{"ok": doc}`` items; anything else a server
    adds (documents never asked for, ``_design/`` or ``_local/`` ones) is left out: only what
    was asked for reaches the store. Every revision asked for must be answered, with the
    document or an error naming it (it went away since the change feed listed it): a reply
    that leaves one out is malformed, and the checkpoint does not move past it."""
    unanswered = set(pairs)
    docs: list[Any] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        doc = item.get("ok")
        if isinstance(doc, dict):
            key = (doc.get("_id"), doc.get("_rev"))
            if key in unanswered:
                unanswered.discard(key)  # once: a repeated revision is not written twice
                docs.append(doc)
            continue
        error = item.get("error")
        if isinstance(error, dict):  # _bulk_get: {"error": {"id", "rev", "error"}}
            unanswered.discard((error.get("id"), error.get("rev")))
        missing = item.get("missing")  # open_revs: {"missing": rev}
        if isinstance(missing, str):
            unanswered = {(i, r) for i, r in unanswered if r != missing}
    if unanswered:
        raise MalformedResponse(
            f"the central service left out {len(unanswered)} of the revisions asked for"
        )
    return docs


class _ProgressGuard:
    """Notices a change feed that answers changes without moving on: a ``last_seq`` equal to
    the ``since`` sent (compared as JSON), one seen earlier in this run, or the very same
    changes again. A real server never does; without this a pull would loop forever."""

    def __init__(self, since: Any) -> None:
        self._seqs: deque[str] = deque(maxlen=_REMEMBERED)
        self._seq_set: set[str] = set()
        self._batches: deque[str] = deque(maxlen=_REMEMBERED)
        self._batch_set: set[str] = set()
        self._remember(self._seqs, self._seq_set, _digest(since))

    def check(self, since: Any, last_seq: Any, results: list[Any], *, more: bool = False) -> None:
        if len(_json(last_seq)) > MAX_SEQ_CHARS:
            raise MalformedResponse("the change feed sent a sequence too long to be real")
        if not results and not more:
            return
        seq = _digest(last_seq)
        if seq == _digest(since):
            raise NoProgress(
                "the central service's change feed does not move on (it answered changes "
                "but the same last_seq as asked for): the sync stopped"
            )
        if seq in self._seq_set:
            raise NoProgress(
                "the central service's change feed went back to a sequence it gave before: "
                "the sync stopped"
            )
        self._remember(self._seqs, self._seq_set, seq)
        if not results:
            return  # an empty page that says more is pending: it must at least move on
        fingerprint = _fingerprint(results)
        if fingerprint in self._batch_set:
            raise NoProgress(
                "the central service's change feed sent the same changes again: the sync stopped"
            )
        self._remember(self._batches, self._batch_set, fingerprint)

    @staticmethod
    def _remember(order: deque[str], seen: set[str], key: str) -> None:
        if len(order) == order.maxlen:
            seen.discard(order[0])
        order.append(key)
        seen.add(key)


def _json(value: Any) -> str:
    try:
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    except (RecursionError, ValueError, TypeError) as exc:
        raise MalformedResponse("the change feed sent values nested too deep") from exc


def _digest(value: Any) -> str:
    return hashlib.sha1(_json(value).encode(), usedforsecurity=False).hexdigest()


def _fingerprint(results: list[Any]) -> str:
    """A page's changes, digested to notice the same page again: by orjson (a thousand rows in
    a fraction of ``_digest``'s time); what it refuses (an integer beyond 64 bits, nesting past
    254) the standard way, which has the last word on what is too deep."""
    try:
        data = orjson.dumps(results, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        data = _json(results).encode()
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()
