"""One round of collecting: every notification after the cursor, page by page along the
``Link`` headers, saved as mentions; then the newest mentions read again, so an edit or a
deletion at the source reaches the council's copy.

    report = collect_once(network, client, recheck=20, now=utc_now)

The cursor moves after each page is saved, never before: a crash mid-page reads that page
again, and saving it again changes nothing (deterministic ids). A page that fails to arrive
stops the round where it is (``adapter.NetworkError``), for the next round to carry on.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from caseworker.timeutil import to_iso
from sync.http import CouchClient
from sync.mentions import store
from sync.mentions.adapter import GONE, Network, later

MAX_PAGES = 1000  # pages in one round: a server whose Link never ends cannot keep it going


@dataclass
class Report:
    pages: int = 0
    collected: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    def count(self, outcome: store.Saved) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def line(self) -> str:
        return (
            f"{self.collected} new, {self.updated} edited, {self.deleted} deleted, "
            f"{self.unchanged} unchanged, {len(self.problems)} unreadable ({self.pages} pages)"
        )


def collect_once(
    network: Network, client: CouchClient, *, recheck: int, now: Callable[[], datetime]
) -> Report:
    report = Report()
    cursor = store.Cursor.load(client, network.name, network.host)
    newer: str | None = None
    while report.pages < MAX_PAGES:
        page = network.page(cursor.value, newer)
        report.pages += 1
        for post in page.posts:
            if post.content is None:
                report.problems.append(f"{post.remote_id}: {post.problem}")
                continue
            report.count(store.save(client, network.host, post.content))
        if page.cursor is None:
            break
        if cursor.value is not None and not later(page.cursor, cursor.value):
            break  # a page that does not move forward: the server is going round in circles
        cursor.advance(client, page.cursor)
        if page.newer is None:
            break
        newer = page.newer
    _recheck(network, client, recheck, now, report)
    return report


def _recheck(
    network: Network, client: CouchClient, count: int, now: Callable[[], datetime], report: Report
) -> None:
    """Read the newest live mentions again: Mastodon tells of no deletion, and of an edit only
    to those who boosted the post."""
    for doc in store.newest(client, network.name, network.host, count):
        remote_id = doc.get("remote_id")
        if doc.get("deleted_at") is not None or not isinstance(remote_id, str):
            continue
        found = network.status(remote_id)
        if found == GONE:
            report.count(store.mark_deleted(client, str(doc["_id"]), to_iso(now())))
        elif not isinstance(found, str):
            report.count(store.save(client, network.host, found))
