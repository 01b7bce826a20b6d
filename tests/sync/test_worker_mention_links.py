"""The central worker's "mention_links" job, against the real PouchDB Server: a new mention is
linked to its author's citizen once, by the worker alone, and never over a person's triage."""

import asyncio
import uuid
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from caseworker.documents.codec import new_document
from caseworker.documents.types import ERASURE, MENTION, MERGE
from caseworker.mentions.autolink import AUTO_LINKER, link_id_of
from caseworker.mentions.triage import triaged
from sync.gateway.couch import Couch
from sync.worker.jobs import JobContext, names
from sync.worker.lease import Lease, LeaseLost
from sync.worker.mention_links import CHECKPOINT, Counts, MentionLinkJob
from tests.support.couch_server import CouchServer
from tests.support.gateway import a_citizen
from tests.sync.worker_support import Db, WorkerProcess, central_db, eventually

HOST = "mastodon.example"
AT = "2026-12-02T10:00:00.000Z"


@pytest.fixture
def db(couch_server: CouchServer, couch_db: str) -> Db:
    return central_db(couch_server, couch_db)


def citizen(key: str, given: str, family: str, *handles: str, **more: Any) -> dict[str, Any]:
    doc = a_citizen(f"citizen:{key}", given, family)
    doc["identifiers"] = [
        {
            "id": f"s{n}",
            "kind": "social",
            "value": h,
            "verified_by": "unverified",
            "added_at": AT,
        }
        for n, h in enumerate(handles)
    ]
    doc.update(more)
    return doc


def mention(key: str, handle: str, name: str | None, **more: Any) -> dict[str, Any]:
    fields = {
        "network": "mastodon",
        "remote_id": key,
        "url": f"https://{HOST}/@x/{key}",
        "author_handle": handle,
        "author_name": name,
        "content_text": "The bins were missed again",
        "published_at": AT,
        "state": "new",
    }
    return new_document(MENTION, f"mention:mastodon-{HOST}-{key}", {**fields, **more})


def erasure_asked(citizen_id: str) -> dict[str, Any]:
    """An erasure of the citizen, asked for and not yet carried out."""
    return new_document(
        ERASURE,
        f"erasure:{citizen_id.split(':', 1)[1]}",
        {
            "citizen_id": citizen_id,
            "mode": "erase",
            "basis": "consent_withdrawn",
            "reason": "citizen_request",
            "requested_by": "staff:sup",
            "requested_at": AT,
            "state": "requested",
        },
    )


def couch_of(db: Db) -> Couch:
    parts = urlsplit(db.url)
    server, _, name = parts.path.rpartition("/")
    return Couch(f"{parts.scheme}://{parts.netloc}{server}", name, *db.auth)


async def _context(couch: Couch, lines: list[str], lease: str = "mention_links") -> JobContext:
    held = Lease(couch, lease, f"test-{uuid.uuid4().hex[:6]}", 60.0)
    assert await held.acquire()
    return JobContext(couch, held, lines.append, idle_wait=0.05, batch_bytes=16 * 2**20)


def run(
    db: Db,
    job: MentionLinkJob | None = None,
    lines: list[str] | None = None,
    *,
    rebuild: bool = False,
) -> Counts:
    said = lines if lines is not None else []

    async def main() -> Counts:
        couch = couch_of(db)
        try:
            ctx = await _context(couch, said)
            ctx.rebuild = rebuild
            counts = await (job or MentionLinkJob(batch=2)).run_once(ctx)
            await ctx.lease.release()
            return counts
        finally:
            await couch.aclose()

    return asyncio.run(main())


def doc(db: Db, doc_id: str) -> Any:
    return db.get("/" + quote(doc_id, safe=""))


def links(db: Db) -> list[dict[str, Any]]:
    rows = db.get('/_all_docs?include_docs=true&startkey="idlink:"&endkey="idlink:%EF%BF%B0"')
    return [r["doc"] for r in rows["rows"]]


def test_the_central_worker_links_a_mention_that_arrives_while_it_runs(db: Db) -> None:
    assert "mention_links" in names()
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    m = mention("1", f"@jo_b@{HOST}", "Jo Bloggs")
    with WorkerProcess(db.url, *db.auth) as worker:
        worker.wait_for("job mention_links finished")
        db.put(m)
        linked = eventually(lambda: doc(db, link_id_of(m["_id"])), "the mention's link")
        worker.wait_for("1 linked")
    assert linked["citizen_id"] == "citizen:jo"
    assert doc(db, m["_id"])["state"] == "linked"


def test_a_mention_from_a_citizens_own_handle_and_name_is_linked_once_with_reasons(
    db: Db,
) -> None:
    db.bulk(
        [
            citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"),
            citizen("other", "Ann", "Other", f"@ann@{HOST}"),
            citizen("none", "Jo", "Bloggs"),  # a namesake without the handle
        ]
    )
    m = mention("1", f"@Jo_B@{HOST}", "Jo Bloggs")
    db.put(m)
    counts = run(db)
    assert counts.linked == 1
    got = doc(db, m["_id"])
    assert (got["state"], got["citizen_id"], got["triaged_by"]) == (
        "linked",
        "citizen:jo",
        AUTO_LINKER,
    )
    assert got["content_text"] == m["content_text"]  # only the triage changed
    [link] = links(db)
    assert link["_id"] == link_id_of(m["_id"])
    assert (link["subject_id"], link["citizen_id"], link["method"]) == (
        m["_id"],
        "citizen:jo",
        "automatic",
    )
    assert link["probability"] >= 0.99
    assert link["reasons"][:1] == ["handle.exact"]
    assert {"given.exact", "family.exact"} <= set(link["reasons"])
    # Run again, from nothing: nothing new is written.
    rev = got["_rev"]
    assert run(db, lines=[]).linked == 0
    assert run(db, rebuild=True).linked == 0
    assert doc(db, m["_id"])["_rev"] == rev
    assert len(links(db)) == 1


def test_a_handle_without_a_matching_name_or_a_name_alone_is_left_for_a_person(db: Db) -> None:
    db.bulk([citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}")])
    only_handle = mention("1", f"@jo_b@{HOST}", None)
    other_name = mention("2", f"@jo_b@{HOST}", "Resident 5")
    only_name = mention("3", f"@someone@{HOST}", "Jo Bloggs")
    db.bulk([only_handle, other_name, only_name])
    counts = run(db)
    assert (counts.linked, counts.left) == (0, 3)
    for m in (only_handle, other_name, only_name):
        assert doc(db, m["_id"])["state"] == "new"
    assert links(db) == []


def test_a_profile_address_naming_a_citizens_account_is_not_taken_for_their_handle(
    db: Db,
) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    # The author's own server chooses what its profile address says.
    m = mention("1", "@jo_b@evil.example", "Jo Bloggs", author_url=f"https://{HOST}/@jo_b")
    db.put(m)
    assert run(db).linked == 0
    assert doc(db, m["_id"])["state"] == "new"


def test_two_namesakes_holding_one_handle_are_left_for_a_person(db: Db) -> None:
    handle = f"@jo_bloggs12@{HOST}"
    db.bulk([citizen("a", "Jo", "Bloggs", handle), citizen("b", "Jo", "Bloggs", handle)])
    m = mention("1", handle, "Jo Bloggs")
    db.put(m)
    counts = run(db)
    assert (counts.linked, counts.left) == (0, 1)
    assert doc(db, m["_id"])["state"] == "new"
    assert links(db) == []


def test_two_workers_at_once_link_one_mention_once(db: Db) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    many = [mention(str(n), f"@jo_b@{HOST}", "Jo Bloggs") for n in range(6)]
    db.bulk(many)

    async def main() -> list[Counts | BaseException]:
        couch = couch_of(db)
        try:
            # Two leases: as if a partition let two workers each believe they hold the job.
            first = await _context(couch, [], "mention_links-a")
            second = await _context(couch, [], "mention_links-b")
            return list(
                await asyncio.gather(
                    MentionLinkJob(batch=1).run_once(first),
                    MentionLinkJob(batch=1).run_once(second),
                    return_exceptions=True,
                )
            )
        finally:
            await couch.aclose()

    outcomes = asyncio.run(main())
    # The one that finds its checkpoint moved by the other stops (it has lost the job).
    assert all(isinstance(o, Counts | LeaseLost) for o in outcomes), outcomes
    assert any(isinstance(o, Counts) and o.linked for o in outcomes)
    assert sorted(link["subject_id"] for link in links(db)) == sorted(m["_id"] for m in many)
    for m in many:
        got = doc(db, m["_id"])
        assert got["_rev"].startswith("2-"), "the mention was triaged once"
        assert got["citizen_id"] == "citizen:jo"


def test_a_persons_triage_made_while_the_job_scores_is_never_overwritten(
    db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    m = mention("1", f"@jo_b@{HOST}", "Jo Bloggs")
    db.put(m)
    scoring = MentionLinkJob._matches

    async def person_triages_meanwhile(self: MentionLinkJob, *args: Any) -> Any:
        found = await scoring(self, *args)
        current = doc(db, m["_id"])
        db.put(triaged(current, "dismissed", by="staff:agent", at=AT))
        return found

    monkeypatch.setattr(MentionLinkJob, "_matches", person_triages_meanwhile)
    counts = run(db)
    assert (counts.linked, counts.taken) == (0, 1)
    got = doc(db, m["_id"])
    assert (got["state"], got["triaged_by"], got.get("citizen_id")) == (
        "dismissed",
        "staff:agent",
        None,
    )
    assert links(db) == []


def test_a_mention_a_person_triaged_or_set_back_to_new_is_left_alone(db: Db) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    dismissed = mention("1", f"@jo_b@{HOST}", "Jo Bloggs", state="dismissed")
    back = mention("2", f"@jo_b@{HOST}", "Jo Bloggs", triaged_by="staff:a", triaged_at=AT)
    db.bulk([dismissed, back])
    assert run(db).linked == 0
    assert links(db) == []


def test_an_undone_automatic_link_is_never_made_again(db: Db) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    m = mention("1", f"@jo_b@{HOST}", "Jo Bloggs")
    db.put(m)
    assert run(db).linked == 1
    link = links(db)[0]
    db.put({**link, "undone_at": AT, "undone_by": "staff:a"})
    # The person also put the mention back (as the inbox would, in their own name).
    again = {k: v for k, v in doc(db, m["_id"]).items() if k not in ("citizen_id",)}
    db.put({**again, "state": "new", "triaged_by": "staff:a", "triaged_at": AT})
    assert run(db, rebuild=True).linked == 0
    assert doc(db, m["_id"])["state"] == "new"
    assert len(links(db)) == 1


def test_erased_merged_deleted_and_malformed_citizens_are_never_linked(db: Db) -> None:
    handles = {k: f"@{k}@{HOST}" for k in ("erased", "merged", "gone", "bad")}
    db.bulk(
        [
            citizen("erased", "Jo", "Erased", handles["erased"]),
            citizen("merged", "Jo", "Merged", handles["merged"]),
            citizen("survivor", "Jo", "Other"),
            citizen("gone", "Jo", "Gone", handles["gone"]),
            citizen("bad", "Jo", "Bad", handles["bad"], given_name=5),
            erasure_asked("citizen:erased"),
            new_document(
                MERGE,
                "merge:merged",
                {
                    "merged_id": "citizen:merged",
                    "survivor_id": "citizen:survivor",
                    "state": "merged",
                    "at": AT,
                    "by": "staff:sup",
                    "reason": "same person",
                },
            ),
        ]
    )
    db.delete("citizen:gone")
    mentions = [
        mention("1", handles["erased"], "Jo Erased"),
        mention("2", handles["merged"], "Jo Merged"),
        mention("3", handles["gone"], "Jo Gone"),
        mention("4", handles["bad"], "Jo Bad"),
    ]
    db.bulk(mentions)
    lines: list[str] = []
    counts = run(db, lines=lines)
    assert counts.linked == 0
    assert links(db) == []
    assert [line for line in lines if "citizen:bad" in line] == [
        next(line for line in lines if line.startswith("skipped citizen:bad:"))
    ]


def test_malformed_and_deleted_mentions_are_skipped_with_a_line_and_never_stop_the_job(
    db: Db,
) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    good = mention("good", f"@jo_b@{HOST}", "Jo Bloggs")
    gone = mention("gone", f"@jo_b@{HOST}", "Jo Bloggs")
    db.bulk(
        [
            {"_id": "mention:bad1", "type": "mention", "schema": 1},
            {**mention("bad2", f"@jo_b@{HOST}", "Jo Bloggs"), "content_text": 7},
            {**mention("bad3", f"@jo_b@{HOST}", "Jo Bloggs"), "type": "case"},
            gone,
            good,
        ]
    )
    db.delete(gone["_id"])
    lines: list[str] = []
    counts = run(db, lines=lines)
    assert counts.linked == 1
    assert doc(db, good["_id"])["citizen_id"] == "citizen:jo"
    skipped = sorted(line.split(":", 2)[1] for line in lines if line.startswith("skipped "))
    assert skipped == sorted(["bad1", *(f"mastodon-{HOST}-{k}" for k in ("bad2", "bad3", "gone"))])
    assert all("\n" not in line and len(line) < 600 for line in lines)


def test_a_restarted_job_carries_on_from_its_checkpoint(db: Db) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    db.bulk([{"_id": "mention:bad1", "type": "mention", "schema": 1}])
    first: list[str] = []
    run(db, lines=first)
    assert any("mention:bad1" in line for line in first)
    assert isinstance(db.get(CHECKPOINT)["since"], int | str)
    later = mention("2", f"@jo_b@{HOST}", "Jo Bloggs")
    db.put(later)
    second: list[str] = []
    counts = run(db, MentionLinkJob(), second)  # a new worker: only its checkpoint to go on
    assert counts.linked == 1
    assert not any("mention:bad1" in line for line in second), "read again from the start"


def test_a_claim_whose_link_was_not_written_gets_its_link_on_restart(db: Db) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    m = mention("1", f"@jo_b@{HOST}", "Jo Bloggs")
    db.put(triaged(m, "linked", by=AUTO_LINKER, at=AT, citizen_id="citizen:jo"))
    assert run(db).linked == 1
    [link] = links(db)
    assert (link["_id"], link["citizen_id"], link["at"]) == (link_id_of(m["_id"]), "citizen:jo", AT)


def test_the_view_reads_handles_as_the_matcher_normalises_them(db: Db) -> None:
    forms = ["@Jo_B@Mastodon.Example", "jo_b@mastodon.example", "https://mastodon.example/@jo_b",
             "\u200b@jo_b@mastodon.example "]  # fmt: skip
    db.bulk([citizen(f"c{n}", "Jo", "Bloggs", form) for n, form in enumerate(forms)])
    db.put(citizen("bare", "Jo", "Bloggs", "@jo_b"))  # no server: no handle

    async def holders() -> tuple[dict[str, int], int]:
        couch = couch_of(db)
        try:
            ctx = await _context(couch, [])
            job = MentionLinkJob()
            await job.run_once(ctx)  # installs the view
            from caseworker.identity import person

            return await job._holders(ctx, person("m", handles=[f"@jo_b@{HOST}"]))
        finally:
            await couch.aclose()

    counted, population = asyncio.run(holders())
    assert counted == {f"@jo_b@{HOST}": len(forms)}
    assert population == len(forms) + 1


def test_a_mention_whose_id_cannot_be_a_links_subject_is_said_in_a_line_and_left_new(
    db: Db,
) -> None:
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}"))
    long = mention("9" * 64, f"@jo_b@{HOST}", "Jo Bloggs")  # an id of 97 characters
    db.put(long)
    lines: list[str] = []
    counts = run(db, lines=lines)
    assert (counts.linked, counts.errors) == (0, 1)
    assert [line for line in lines if line.startswith("could not link mention:")]
    assert doc(db, long["_id"])["state"] == "new"
    assert links(db) == []


def test_a_rebuild_links_a_mention_whose_authors_handle_was_recorded_after_it_came(
    db: Db,
) -> None:
    db.put(citizen("jo", "Jo", "Bloggs"))
    m = mention("1", f"@jo_b@{HOST}", "Jo Bloggs")
    db.put(m)
    assert run(db).left == 1
    jo = doc(db, "citizen:jo")
    db.put(citizen("jo", "Jo", "Bloggs", f"@jo_b@{HOST}", _rev=jo["_rev"]))
    assert run(db).linked == 0  # a citizen's change is not a mention's
    assert run(db, rebuild=True).linked == 1
    assert doc(db, m["_id"])["citizen_id"] == "citizen:jo"
