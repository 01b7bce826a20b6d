"""One replication of a local store with one central database: push, then pull.

    remote = CouchClient("https://couch.council.example/caseworker", "a.jones", password)
    replicator = Replicator(store, remote, on_change=bus.publish)
    result = replicator.sync()      # both directions, once
    result.up_to_date               # each side reached the other's last sequence

``on_change`` receives each pulled batch's written records (a ``ChangeSet``) so the window can
refresh what it shows, records purged because they left the user's scope among them
(``Written.purged``); ``on_progress(direction, done, total)`` reports long syncs.
"""

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from caseworker.erasure import local as erasure_local
from caseworker.models import StoreSetting
from caseworker.services.context import ChangeSet
from caseworker.store import purge, settings
from caseworker.store.docstore import Written
from caseworker.store.store import Store
from caseworker.timeutil import utcnow
from sync.checkpoint import STORE_ID_KEY, Checkpointer, replication_id
from sync.http import CouchClient
from sync.pull import Puller, PullResult
from sync.push import Pusher, PushResult
from sync.state import Progress

DEFAULT_BATCH = 1000
# The longest one sync may take, all its requests together (each request has its own, shorter
# deadline too): a server that keeps answering slowly or without end cannot hold ``sync
# --once`` forever. Generous: a first pull of a large council over a slow line fits.
SYNC_BUDGET = 30 * 60.0


def store_id(store: Store) -> str:
    """This store's own id (made once, kept in store_settings): half of every replication id."""
    with store.read() as session:
        row = session.get(StoreSetting, STORE_ID_KEY)
        if row is not None:
            return row.value
    with store.write() as session:
        return _store_id_in(session)


def _store_id_in(session: Session) -> str:
    row = session.get(StoreSetting, STORE_ID_KEY)
    if row is None:
        row = StoreSetting(key=STORE_ID_KEY, value=uuid.uuid4().hex)
        session.add(row)
    return row.value


@dataclass
class SyncResult:
    pull: PullResult = field(default_factory=PullResult)
    push: PushResult = field(default_factory=PushResult)

    @property
    def up_to_date(self) -> bool:
        return self.pull.caught_up and self.push.caught_up

    @property
    def refused(self) -> dict[str, str]:
        return self.push.refused


class Replicator:
    def __init__(
        self,
        store: Store,
        remote: CouchClient,
        *,
        scope: str = "",
        batch_size: int = DEFAULT_BATCH,
        on_change: Callable[[ChangeSet], None] | None = None,
        on_progress: Progress | None = None,
        stop: threading.Event | None = None,
        budget: float = SYNC_BUDGET,
    ) -> None:
        self.store = store
        self.remote = remote
        self.budget = budget  # seconds for one pull, push or sync
        self.scope = scope
        self.batch_size = batch_size
        self.on_change = on_change
        self.on_progress = on_progress
        self.stop = stop or threading.Event()
        self._store_id = store_id(store)
        remote.name_device(self._store_id)
        self.pull_id = replication_id(self._store_id, remote.db_url, "pull", scope)
        self.push_id = replication_id(self._store_id, remote.db_url, "push", scope)

    def _written(self, written: list[Written]) -> None:
        if self.on_change is not None:
            self.on_change(ChangeSet(list(written)))

    def pull(self) -> PullResult:
        """One pull; then, if it learnt that an erasure which purged records here was refused
        centrally, one more from the start, which brings them back."""
        with self.remote.budget(self.budget):
            result = self._pull_once()
            if result.refetched or not result.caught_up:
                return result
            with self.store.read() as session:
                if erasure_local.refetch_due(session) is None:
                    return result
            again = self._pull_once()
        return PullResult(
            docs_written=result.docs_written + again.docs_written,
            changes_seen=result.changes_seen + again.changes_seen,
            last_seq=again.last_seq,
            caught_up=again.caught_up,
            docs_purged=result.docs_purged + again.docs_purged,
            refetched=True,
        )

    def _pull_once(self) -> PullResult:
        puller = Puller(
            self.store,
            self.remote,
            Checkpointer(self.store, self.remote, self.pull_id),
            batch_size=self.batch_size,
            stop=self.stop,
            on_written=self._written,
            on_progress=self.on_progress,
            push_checkpoint=f"_local/{self.push_id}",
        )
        return puller.run()

    def push(self) -> PushResult:
        pusher = Pusher(
            self.store,
            self.remote,
            Checkpointer(self.store, self.remote, self.push_id),
            batch_size=self.batch_size,
            stop=self.stop,
            on_progress=self.on_progress,
        )
        with self.remote.budget(self.budget):
            result = pusher.run()
        self._purge_pushed()
        return result

    def _purge_pushed(self) -> None:
        """Records that left the scope but were kept until the server had them: purged once
        a push has gone past them."""
        with self.store.read() as session:
            if not purge.pending(session):
                return
        with self.store.write() as session:
            pushed = purge.sent_up_to(session, f"_local/{self.push_id}")
            dropped = purge.retry(session, pushed=pushed)
        if dropped.written:
            purge.scrub(self.store)
            self._written(dropped.written)

    def sync(self) -> SyncResult:
        """Push, then pull: what was typed here reaches the server before anything the pull
        brings can take it away (a case reassigned away leaves the laptop after its offline
        note was sent)."""
        result = SyncResult()
        with self.remote.budget(self.budget):  # one budget for both directions
            result.push = self.push()
            result.pull = self.pull()
        if result.up_to_date:  # the window shows it, whichever process synced
            with self.store.write() as session:
                settings.record_sync(session, utcnow())
        return result
