"""Live sync while online: two threads, no Qt.

    live = LiveSync(store, account.client(), on_state=..., on_change=...)
    live.start()
    live.notify_local_change()   # after every local write: a debounced push
    live.sync_now()              # the "Sync now" action
    live.set_password(pw)        # after "needs sign-in"
    live.stop()

The worker thread runs replications: a full sync at start, on ``sync_now`` and after an error;
a pull when the change feed reports something; a push ``debounce`` seconds after the last local
change. A push always goes before a pull (a full sync pushes first; a pull with a push waiting
becomes a full sync), so what was typed offline reaches the server before a pull can purge
what left the user's scope. The feed thread long-polls ``_changes`` with a client-side deadline
(servers may ignore ``timeout``). A failure sets the state (offline, needs sign-in, error:
reason) and, except for sign-in, tries again after an exponential back-off with jitter.

Callbacks run on these threads: a window hands them to its own thread (a Qt signal).
"""

import random
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from caseworker.services.context import ChangeSet
from caseworker.store import settings
from caseworker.store.store import Store
from sync.errors import AuthError, NetworkError, Stopped, SyncError
from sync.http import CouchClient
from sync.replicator import DEFAULT_BATCH, Replicator
from sync.state import SyncState

StateCallback = Callable[[SyncState], None]


class LiveSync:
    def __init__(
        self,
        store: Store,
        client: CouchClient,
        *,
        on_state: StateCallback | None = None,
        on_change: Callable[[ChangeSet], None] | None = None,
        batch_size: int = DEFAULT_BATCH,
        scope: str = "",
        debounce: float = 0.3,
        poll_seconds: float = 25.0,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
    ) -> None:
        self.client = client
        self.on_state = on_state
        self.debounce = debounce
        self.poll_seconds = poll_seconds
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self._stop = threading.Event()
        self._wake = threading.Condition()
        self._full_wanted = True
        self._pull_wanted = False
        self._push_at: float | None = None
        self._retry_at: float | None = None
        self._failures = 0
        self._paused = False  # needs sign-in: nothing runs until set_password or sync_now
        self._online = threading.Event()
        self._remote_seq: Any = None
        self._pulled = threading.Condition()
        self._state = SyncState()
        self._threads: list[threading.Thread] = []
        self.replicator = Replicator(
            store,
            client,
            scope=scope,
            batch_size=batch_size,
            on_change=on_change,
            on_progress=self._progress,
            stop=self._stop,
        )

    # -- the API for the window -----------------------------------------------------------------

    @property
    def state(self) -> SyncState:
        return self._state

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        for target, name in ((self._work, "sync-worker"), (self._watch, "sync-feed")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            self._threads.append(thread)
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._online.set()  # wake the feed thread so it sees the stop
        with self._pulled:
            self._pulled.notify_all()
        with self._wake:
            self._wake.notify_all()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []

    def sync_now(self) -> None:
        with self._wake:
            self._full_wanted = True
            self._paused = False
            self._retry_at = None
            self._wake.notify_all()

    def notify_local_change(self) -> None:
        with self._wake:
            self._push_at = time.monotonic() + self.debounce
            self._wake.notify_all()

    def set_password(self, password: str) -> None:
        self.client.set_password(password)
        self.sync_now()

    # -- state --------------------------------------------------------------------------------

    def _set(self, state: SyncState) -> None:
        if self.client.unencrypted and not state.unencrypted:
            state = state.but(unencrypted=True)
        self._state = state
        if self.on_state is not None:
            self.on_state(state)

    def _progress(self, direction: str, done: int, total: int | None) -> None:
        self._set(self._state.but(kind="syncing", direction=direction, done=done, total=total))

    # -- the worker thread --------------------------------------------------------------------

    def _next_job(self) -> str | None:
        """Wait for something to do: "full", "pull", "push"; None when stopping."""
        with self._wake:
            while not self._stop.is_set():
                now = time.monotonic()
                if not self._paused:
                    if self._retry_at is not None:
                        if now >= self._retry_at:
                            self._retry_at = None
                            self._full_wanted = True
                        else:
                            self._wake.wait(self._retry_at - now)
                            continue
                    if self._full_wanted:
                        self._full_wanted = self._pull_wanted = False
                        self._push_at = None
                        return "full"
                    if self._pull_wanted:
                        self._pull_wanted = False
                        if self._push_at is not None:  # what was typed here goes first
                            self._push_at = None
                            return "full"
                        return "pull"
                    if self._push_at is not None and now >= self._push_at:
                        self._push_at = None
                        return "push"
                wait = None if self._push_at is None else max(0.0, self._push_at - now)
                self._wake.wait(wait if wait is not None else 5.0)
        return None

    def _work(self) -> None:
        while True:
            job = self._next_job()
            if job is None:
                return
            try:
                self._run(job)
            except Stopped:
                return
            except AuthError as exc:
                self._online.clear()
                with self._wake:
                    self._paused = True
                self._set(SyncState("needs_sign_in", str(exc), last_sync=self._state.last_sync))
            except NetworkError as exc:
                self._failed(SyncState("offline", str(exc), last_sync=self._state.last_sync))
            except SyncError as exc:
                self._failed(SyncState("error", str(exc), last_sync=self._state.last_sync))
            except Exception as exc:  # never let the thread die silently
                reason = f"{type(exc).__name__}: {exc}"
                self._failed(SyncState("error", reason, last_sync=self._state.last_sync))

    def _run(self, job: str) -> None:
        if job == "full" and self._state.kind != "up_to_date":
            self._set(self._state.but(kind="connecting", reason=""))
        refused = self._state.refused
        if job in ("full", "push"):
            pushed = self.replicator.push()
            refused = len(pushed.refused)
        if job in ("full", "pull"):
            pulled = self.replicator.pull()
            with self._pulled:
                self._remote_seq = pulled.last_seq
                self._pulled.notify_all()
        self._failures = 0
        self._online.set()
        now = datetime.now(UTC)
        with self.replicator.store.write() as session:  # a window opened later shows it too
            settings.record_sync(session, now)
        self._set(SyncState("up_to_date", last_sync=now, refused=refused))

    def _failed(self, state: SyncState) -> None:
        self._online.clear()
        with self._pulled:
            self._pulled.notify_all()
        self._failures += 1
        delay = min(self.backoff_max, self.backoff_base * 2 ** (self._failures - 1))
        delay *= random.uniform(0.5, 1.0)  # jitter: many laptops do not retry in step
        with self._wake:
            self._retry_at = time.monotonic() + delay
            self._wake.notify_all()
        self._set(state)

    # -- the feed thread ------------------------------------------------------------------------

    def _watch(self) -> None:
        feed = self.client.fork()
        feed.sync_deadline = None  # the feed keeps its own deadline, not a sync's budget
        try:
            while not self._stop.is_set():
                self._online.wait()
                if self._stop.is_set():
                    return
                since = self._remote_seq
                deadline = time.monotonic() + self.poll_seconds
                try:
                    answer = feed.longpoll_changes(since, deadline, self._stop)
                except SyncError:
                    if self._online.is_set():  # the worker finds out what is wrong
                        self._online.clear()
                        self.sync_now()
                    continue
                if isinstance(answer, dict) and answer.get("results"):
                    with self._wake:
                        self._pull_wanted = True
                        self._wake.notify_all()
                    self._wait_for_pull(since)
        finally:
            feed.close()

    def _wait_for_pull(self, since: Any) -> None:
        """Until the worker has pulled past ``since`` (so the feed does not report it twice)."""
        with self._pulled:
            self._pulled.wait_for(
                lambda: (
                    self._stop.is_set() or self._remote_seq != since or not self._online.is_set()
                ),
                self.poll_seconds,
            )
