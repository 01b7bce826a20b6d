"""The "mention_links" job reads what a ``_changes`` batch of mentions is decided on for all of
them at once (which links exist, who holds the authors' handles, the candidates, their merges
and erasures): a handful of reads a batch however many mentions it holds, and the same links,
claims, counts and lines as deciding one mention at a time, wherever the batch is cut."""

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from caseworker.mentions.autolink import AUTO_LINKER
from caseworker.mentions.triage import triaged
from sync.worker import mention_reads
from sync.worker.mention_links import Counts, MentionLinkJob
from tests.support.couch_server import CouchServer
from tests.sync.test_worker_mention_links import (
    AT,
    HOST,
    _context,
    citizen,
    couch_of,
    doc,
    erasure_asked,
    links,
    mention,
    run,
)
from tests.sync.worker_support import Db, central_db

CHECKPOINT_PATH = "/_local/caseworker-job-mention-links"


@pytest.fixture
def db(couch_server: CouchServer, couch_db: str) -> Db:
    return central_db(couch_server, couch_db)


def test_a_batch_of_mentions_is_decided_on_five_reads_and_two_writes_a_link(db: Db) -> None:
    many = 8
    db.bulk([citizen(f"c{n}", "Jo", f"Bloggs{n}", f"@jo{n}@{HOST}") for n in range(many)])
    db.bulk([mention(str(n), f"@jo{n}@{HOST}", f"Jo Bloggs{n}") for n in range(many)])
    asked: list[tuple[str, str]] = []

    async def main() -> Counts:
        couch = couch_of(db)
        plain = couch.request

        async def request(method: str, path: str = "", **kw: Any) -> Any:
            asked.append((method, path))
            return await plain(method, path, **kw)

        couch.request = request  # type: ignore[method-assign]
        try:
            return await MentionLinkJob().run_once(await _context(couch, []))
        finally:
            await couch.aclose()

    assert asyncio.run(main()).linked == many
    start = asked.index(("GET", CHECKPOINT_PATH)) + 1
    first_batch = asked[start : asked.index(("PUT", CHECKPOINT_PATH))]
    reads = [a for a in first_batch if a[0] in ("GET", "POST")]
    writes = [a for a in first_batch if a[0] == "PUT"]
    # Which links exist; the handles counted; who holds them; the citizens; their erasures.
    assert len(reads) == 5, reads
    assert len(writes) == 2 * many  # each mention's claim, then its link


@pytest.fixture
def databases(couch_server: CouchServer) -> Iterator[list[Db]]:
    names = [f"test-{uuid.uuid4().hex[:12]}" for _ in range(3)]
    try:
        yield [central_db(couch_server, couch_server.create_db(name)) for name in names]
    finally:
        for name in names:
            couch_server.delete_db(name)


def council(db: Db) -> None:
    """Every way a mention of a batch can go, with candidates shared between mentions."""
    db.bulk(
        [
            citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"),
            citizen("twin1", "Sam", "Twin", f"@twin@{HOST}"),
            citizen("twin2", "Sam", "Twin", f"@twin@{HOST}"),
            citizen("bad", "Jo", "Bad", f"@bad@{HOST}", given_name=5),
            citizen("erased", "Jo", "Erased", f"@erased@{HOST}"),
            citizen("ann", "Ann", "Evans", f"@ann@{HOST}"),
            erasure_asked("citizen:erased"),
        ]
    )
    # A mention linked once and then written again untriaged (its link stays: never again).
    again = mention("again", f"@ann@{HOST}", "Ann Evans")
    db.put(again)
    assert run(db, MentionLinkJob(batch=1)).linked == 1
    current = doc(db, again["_id"])
    db.put({**again, "_rev": current["_rev"]})
    gone = mention("gone", f"@jo_b@{HOST}", "Jo Bloggs")
    db.bulk(
        [
            mention("jo", f"@jo_b@{HOST}", "Jo Bloggs"),
            mention("twin", f"@twin@{HOST}", "Sam Twin"),
            mention("bad1", f"@bad@{HOST}", "Jo Bad"),
            mention("bad2", f"@bad@{HOST}", "Jo Bad"),  # the same unreadable candidate
            mention("erased", f"@erased@{HOST}", "Jo Erased"),
            mention("nobody", f"@nobody@{HOST}", "No Body"),
            mention("bare", "@jo_b", "Jo Bloggs"),  # no server: no handle
            {**mention("malformed", f"@jo_b@{HOST}", "Jo Bloggs"), "content_text": 7},
            claim("claimed", f"@jo_b@{HOST}", "Jo Bloggs", "citizen:jo"),
            claim("lost", f"@x@{HOST}", "Ex", "citizen:missing"),  # its citizen is not there
            mention("jo2", f"@jo_b@{HOST}", "Jo Bloggs"),
            gone,
        ]
    )
    db.delete(gone["_id"])


def claim(key: str, handle: str, name: str, citizen_id: str) -> dict[str, Any]:
    """A mention this worker claimed for the citizen, stopped before it wrote the link."""
    return triaged(
        mention(key, handle, name), "linked", by=AUTO_LINKER, at=AT, citizen_id=citizen_id
    )


def outcome(db: Db, job: MentionLinkJob) -> tuple[Any, ...]:
    lines: list[str] = []
    counts = run(db, job, lines)
    made = sorted(
        (link["subject_id"], link["citizen_id"], link["reasons"], link["probability"])
        for link in links(db)
    )
    rows = db.get('/_all_docs?include_docs=true&startkey="mention:"&endkey="mention:%EF%BF%B0"')
    mentions = sorted(
        (r["id"], r["doc"].get("state"), r["doc"].get("citizen_id"), r["doc"].get("triaged_by"))
        for r in rows["rows"]
    )
    # Sorted: PouchDB Server does not keep a bulk write's order in the feed of each database.
    return counts, sorted(lines), made, mentions


def test_a_batch_decided_at_once_or_in_parts_ends_as_one_mention_at_a_time(
    databases: list[Db], monkeypatch: pytest.MonkeyPatch
) -> None:
    for db in databases:
        council(db)
    one_at_a_time = outcome(databases[0], MentionLinkJob(batch=1))
    counts, lines, made, _ = one_at_a_time
    assert (counts.linked, counts.left, counts.taken, counts.errors) == (3, 6, 1, 1)
    assert counts.skipped == 4  # the deleted and malformed mentions, the bad citizen twice
    assert len([line for line in lines if line.startswith("skipped citizen:bad:")]) == 2
    assert {(s.split("-")[-1], c) for s, c, _, _ in made} == {
        ("again", "citizen:ann"),
        ("jo", "citizen:jo"),
        ("claimed", "citizen:jo"),
        ("jo2", "citizen:jo"),
    }
    assert outcome(databases[1], MentionLinkJob(batch=100)) == one_at_a_time
    monkeypatch.setattr(mention_reads, "CANDIDATES", 1)  # a part a mention
    assert outcome(databases[2], MentionLinkJob(batch=100)) == one_at_a_time
