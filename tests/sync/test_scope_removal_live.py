"""Live sync pushes before it pulls: what was typed offline reaches the server before a pull
can purge the case it belongs to (a purge keeps it anyway, but only until the next push)."""

from pathlib import Path

from sync.live import LiveSync
from sync.replicator import PullResult, PushResult
from tests.sync.helpers import client, make_store


def _live(tmp_path: Path) -> LiveSync:
    return LiveSync(make_store(tmp_path, "laptop"), client("http://127.0.0.1:9/caseworker"))


def test_a_full_sync_pushes_then_pulls(tmp_path: Path) -> None:
    live = _live(tmp_path)
    order: list[str] = []

    def push() -> PushResult:
        order.append("push")
        return PushResult(caught_up=True)

    def pull() -> PullResult:
        order.append("pull")
        return PullResult(caught_up=True)

    live.replicator.push = push  # type: ignore[method-assign]
    live.replicator.pull = pull  # type: ignore[method-assign]
    live._run("full")
    assert order == ["push", "pull"]
    live.replicator.store.close()


def test_a_pull_with_a_push_waiting_becomes_a_full_sync(tmp_path: Path) -> None:
    live = _live(tmp_path)
    assert live._next_job() == "full"  # the first sync
    live.notify_local_change()  # a push is due after the debounce...
    with live._wake:
        live._pull_wanted = True  # ...when the change feed reports something
    assert live._next_job() == "full"
    assert live._push_at is None  # the push goes with it
    with live._wake:
        live._pull_wanted = True
    assert live._next_job() == "pull"  # nothing waits to be pushed: a pull alone
    live.replicator.store.close()
